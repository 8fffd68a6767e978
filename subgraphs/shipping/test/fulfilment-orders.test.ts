// fulfillmentCreate through the real orders and shipping services, each on its own real Postgres database:
// what may be shipped is what the order says, and a shipment and a cancellation never both happen.
import { randomUUID } from 'node:crypto';
import { admin, customer, gql, identityHeaders, service, type GraphQLResponse } from '@shop/testkit';
import type { Principal } from '@shop/common';
import {
  COMPLETE,
  readyCheckout,
  startHarness,
  type Harness as OrdersHarness,
} from '../../orders/test/harness';
import { startShipping, type Harness as ShippingHarness } from './harness';

let orders: OrdersHarness;
let shipping: ShippingHarness;
let ordersBase: string;

beforeAll(async () => {
  orders = await startHarness('fulfil_orders');
  ordersBase = orders.url.replace(/\/graphql$/, '');
  shipping = await startShipping('fulfil_shipping', {}, { ORDERS_URL: ordersBase });
});
afterAll(async () => {
  await shipping?.close();
  await orders?.close();
});

interface PlacedOrder {
  id: string;
  customerId: string;
  shopper: Principal;
  lines: { id: string; quantity: number }[];
}

async function placeOrder(paymentMethod = 'pm_card_visa'): Promise<PlacedOrder & { status: string }> {
  const customerId = randomUUID();
  const shopper = customer(customerId);
  const checkout = await readyCheckout(orders, shopper);
  const done = await orders.call<{ checkoutComplete: { order: { id: string; status: string } | null } }>(
    shopper,
    COMPLETE,
    { id: checkout.id, pm: paymentMethod, key: randomUUID() },
  );
  const order = done.checkoutComplete.order!;
  const read = await orders.call<{ order: { lines: { id: string; quantity: number }[] } }>(
    admin(),
    `query($id: ID!) { order(id: $id) { lines { id quantity } } }`,
    { id: order.id },
  );
  return { id: order.id, status: order.status, customerId, shopper, lines: read.order.lines };
}

type FulfilPayload = {
  fulfillmentCreate: {
    shipment: { id: string; lines: { orderLineId: string; quantity: number }[] } | null;
    userErrors: { code: string; field: string[] | null; message: string }[];
  };
};

function fulfil(
  orderId: string,
  lines: { orderLineId: string; quantity: number }[],
  who: Principal = admin(),
) {
  return gql<FulfilPayload>(
    shipping.url,
    `mutation($o: ID!, $l: [FulfillmentLineInput!]!) { fulfillmentCreate(orderId: $o, lines: $l, carrier: UPS, service: "GROUND") {
      shipment { id lines { orderLineId quantity } } userErrors { code field message } } }`,
    { o: orderId, l: lines },
    identityHeaders(who, 'shipping'),
  );
}

const payloadOf = (r: { body: GraphQLResponse<FulfilPayload> }) => {
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.fulfillmentCreate;
};

function cancel(order: PlacedOrder) {
  return orders.call<{
    orderCancel: { order: { status: string } | null; userErrors: { code: string; message: string }[] };
  }>(
    order.shopper,
    `mutation($id: ID!) { orderCancel(orderId: $id) { order { status } userErrors { code message } } }`,
    { id: order.id },
  );
}

async function shipmentsOf(orderId: string): Promise<{ customer_id: string | null }[]> {
  return (
    await shipping.database.db.query<{ customer_id: string | null }>(
      `SELECT customer_id FROM shipments WHERE order_id = $1`,
      [orderId],
    )
  ).rows;
}

async function statusOf(orderId: string): Promise<string> {
  return (await orders.db.db.query<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orderId]))
    .rows[0]!.status;
}

describe('fulfillmentCreate follows the order', () => {
  it('When an admin ships lines of a paid order, then the shipment belongs to the order’s customer and no more than was ordered ships', async () => {
    const order = await placeOrder();
    const line = order.lines[0]!;
    expect(line.quantity).toBe(2);
    const first = payloadOf(await fulfil(order.id, [{ orderLineId: line.id, quantity: 1 }]));
    expect(first.userErrors).toEqual([]);
    expect(first.shipment!.lines).toEqual([{ orderLineId: line.id, quantity: 1 }]);
    expect(await shipmentsOf(order.id)).toEqual([{ customer_id: order.customerId }]);

    const tooMany = payloadOf(await fulfil(order.id, [{ orderLineId: line.id, quantity: 2 }]));
    expect(tooMany).toEqual({
      shipment: null,
      userErrors: [
        {
          code: 'QUANTITY_EXCEEDS_REMAINING',
          field: ['lines', '0', 'quantity'],
          message: 'Only 1 of this line is left to ship',
        },
      ],
    });
    const rest = payloadOf(await fulfil(order.id, [{ orderLineId: line.id, quantity: 1 }]));
    expect(rest.userErrors).toEqual([]);
    const nothingLeft = payloadOf(await fulfil(order.id, [{ orderLineId: line.id, quantity: 1 }]));
    expect(nothingLeft.userErrors.map((e) => e.code)).toEqual(['QUANTITY_EXCEEDS_REMAINING']);
    expect(await shipmentsOf(order.id)).toHaveLength(2);
  });

  it('When the order does not exist, is not paid, or a line is not the order’s, then userErrors and no shipment', async () => {
    const missing = payloadOf(await fulfil(randomUUID(), [{ orderLineId: 'line-1', quantity: 1 }]));
    expect(missing).toEqual({
      shipment: null,
      userErrors: [expect.objectContaining({ code: 'ORDER_NOT_FOUND', field: ['orderId'] })],
    });

    const pending = await placeOrder('pm_card_threeDSecure2Required');
    expect(pending.status).toBe('PENDING_PAYMENT');
    const unpaid = payloadOf(await fulfil(pending.id, [{ orderLineId: pending.lines[0]!.id, quantity: 1 }]));
    expect(unpaid.userErrors).toEqual([
      {
        code: 'ORDER_NOT_FULFILLABLE',
        field: ['orderId'],
        message: 'An order that is PENDING_PAYMENT cannot be shipped',
      },
    ]);

    const paid = await placeOrder();
    const foreign = payloadOf(
      await fulfil(paid.id, [
        { orderLineId: paid.lines[0]!.id, quantity: 1 },
        { orderLineId: pending.lines[0]!.id, quantity: 1 },
      ]),
    );
    expect(foreign.userErrors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_LINE', field: ['lines', '1', 'orderLineId'] }),
    ]);
    expect(await shipmentsOf(pending.id)).toEqual([]);
    expect(await shipmentsOf(paid.id)).toEqual([]);
    // Nothing of the refused shipment was claimed: the whole line still ships.
    expect(
      payloadOf(await fulfil(paid.id, [{ orderLineId: paid.lines[0]!.id, quantity: 2 }])).userErrors,
    ).toEqual([]);
  });

  it('When the order is cancelled first, then fulfilment is refused and nothing ships', async () => {
    const order = await placeOrder();
    expect((await cancel(order)).orderCancel.order!.status).toBe('CANCELLED');
    const refused = payloadOf(await fulfil(order.id, [{ orderLineId: order.lines[0]!.id, quantity: 1 }]));
    expect(refused.userErrors.map((e) => e.code)).toEqual(['ORDER_NOT_FULFILLABLE']);
    expect(await shipmentsOf(order.id)).toEqual([]);
  });

  it('When fulfilment claims the order first, then the cancellation is refused with a userError and the order is not refunded', async () => {
    const order = await placeOrder();
    expect(
      payloadOf(await fulfil(order.id, [{ orderLineId: order.lines[0]!.id, quantity: 1 }])).userErrors,
    ).toEqual([]);
    const refused = await cancel(order);
    expect(refused.orderCancel).toEqual({
      order: null,
      userErrors: [
        {
          code: 'ORDER_NOT_CANCELLABLE',
          message: 'The order is being shipped and can no longer be cancelled.',
        },
      ],
    });
    expect(['PAID', 'FULFILLED']).toContain(await statusOf(order.id));
    const { rows } = await orders.db.db.query(`SELECT 1 FROM refunds WHERE order_id = $1`, [order.id]);
    expect(rows).toEqual([]);
  });

  it('When a cancellation and a fulfilment race, then exactly one of them happens', async () => {
    for (let i = 0; i < 4; i++) {
      const order = await placeOrder();
      const [shipped, cancelled] = await Promise.all([
        fulfil(order.id, [{ orderLineId: order.lines[0]!.id, quantity: 2 }]),
        cancel(order),
      ]);
      const didShip = payloadOf(shipped).shipment !== null;
      const didCancel = cancelled.orderCancel.order?.status === 'CANCELLED';
      expect([didShip, didCancel].filter(Boolean)).toHaveLength(1);
      expect(await shipmentsOf(order.id)).toHaveLength(didShip ? 1 : 0);
      expect(await statusOf(order.id)).toEqual(
        didCancel ? 'CANCELLED' : expect.stringMatching(/^(PAID|FULFILLED)$/),
      );
    }
  });
});

describe('the fulfilment-claim endpoint', () => {
  const claim = (orderId: string, headers: Record<string, string>) =>
    fetch(`${ordersBase}/internal/orders/${orderId}/fulfilment-claims`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ claimId: randomUUID(), lines: [{ orderLineId: 'x', quantity: 1 }] }),
    });

  it('When a service other than shipping, a shopper or an unsigned caller claims an order, then it is refused and nothing is claimed', async () => {
    const order = await placeOrder();
    expect((await claim(order.id, identityHeaders(service('cart'), 'orders'))).status).toBe(403);
    expect((await claim(order.id, identityHeaders(admin(), 'orders'))).status).toBe(403);
    expect((await claim(order.id, {})).status).toBe(401);
    const { rows } = await orders.db.db.query(`SELECT 1 FROM fulfilment_claims WHERE order_id = $1`, [
      order.id,
    ]);
    expect(rows).toEqual([]);
    // The control: the shipping service's identity is answered (here: the line is not the order's).
    expect((await claim(order.id, identityHeaders(service('shipping'), 'orders'))).status).toBe(422);
  });

  it('When one claim names a line twice, then together its quantities may not pass what is left to ship', async () => {
    const order = await placeOrder();
    const line = order.lines[0]!;
    const res = await fetch(`${ordersBase}/internal/orders/${order.id}/fulfilment-claims`, {
      method: 'POST',
      headers: { ...identityHeaders(service('shipping'), 'orders'), 'content-type': 'application/json' },
      body: JSON.stringify({
        claimId: randomUUID(),
        lines: [
          { orderLineId: line.id, quantity: line.quantity },
          { orderLineId: line.id, quantity: line.quantity },
        ],
      }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { lines: { index: number; code: string }[] }).lines).toEqual([
      expect.objectContaining({ index: 1, code: 'QUANTITY_EXCEEDS_REMAINING', remaining: 0 }),
    ]);
    const { rows } = await orders.db.db.query(`SELECT 1 FROM fulfilment_claims WHERE order_id = $1`, [
      order.id,
    ]);
    expect(rows).toEqual([]);
  });
});
