// The whole loop of a return through the gateway: a discounted order is paid, shipped, returned in part, received,
// refunded (its discounted share and tax) and restocked, the return ends REFUNDED, and delivering the return's
// events again (the same event, and a copy under another id) changes nothing.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { connectRedis, RedisStreamsBus, type DomainEvent } from '@shop/datastores';
import { testLogger, testRedisUrl } from '@shop/testkit';
import { ADDRESS, call as callAt } from './checkout-flow';
import { startRealShop, type RealShop } from './real-shop';

interface Variant {
  id: string;
  quantityAvailable: number;
  price: { amount: string };
}

const cents = (amount: string) => Math.round(Number(amount) * 100);
/** amount × part / whole, half-up, as the refund rounds it. */
const share = (amount: number, part: number, whole: number) =>
  Math.floor((2 * amount * part + whole) / (2 * whole));

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met in time; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a return, from order to refund and stock, through the gateway', () => {
  let shop: RealShop;
  let admin: Record<string, string>;
  let orders: Client;
  let shipping: Client;

  const call = <T>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => callAt<T>(shop.url, query, variables, headers);

  beforeAll(async () => {
    shop = await startRealShop('returns_flow');
    admin = await shop.signIn();
    orders = new Client({ connectionString: shop.databaseUrls.orders });
    shipping = new Client({ connectionString: shop.databaseUrls.shipping });
    await orders.connect();
    await shipping.connect();
  }, 120_000);

  afterAll(async () => {
    await orders?.end();
    await shipping?.end();
    await shop?.stop();
  });

  it('When a discounted order is shipped and one of two units comes back, then it is refunded once, restocked once and the return is REFUNDED; delivering its events again changes nothing', async () => {
    const shopper = await shop.newShopper();
    const products = await call<{ products: { nodes: { handle: string; variants: Variant[] }[] } }>(
      `{ products(first: 50) { nodes { handle variants { id quantityAvailable price { amount } } } } }`,
    );
    const product = products.products.nodes.find((p) =>
      p.variants.some((v) => v.quantityAvailable >= 10 && Number(v.price.amount) >= 10),
    )!;
    expect(product).toBeDefined();
    const variant = product.variants.find((v) => v.quantityAvailable >= 10 && Number(v.price.amount) >= 10)!;
    const stock = async () =>
      (
        await call<{ product: { variants: { id: string; quantityAvailable: number }[] } }>(
          `query($h: String!) { product(handle: $h) { variants { id quantityAvailable } } }`,
          { h: product.handle },
        )
      ).product.variants.find((v) => v.id === variant.id)!.quantityAvailable;
    const before = await stock();

    const code = `BACK${randomUUID().slice(0, 6)}`.toUpperCase();
    const made = await call<{ discountCreate: { userErrors: unknown[] } }>(
      `mutation($code: String!) { discountCreate(input: { title: "Return test", code: $code, kind: PERCENTAGE, value: "15" }) { userErrors { code message } } }`,
      { code },
      admin,
    );
    expect(made.discountCreate.userErrors).toEqual([]);
    const created = await call<{ cartCreate: { cart: { id: string } } }>(
      `mutation($input: CartInput!) { cartCreate(input: $input) { cart { id } userErrors { code } } }`,
      { input: { lines: [{ merchandiseId: variant.id, quantity: 2 }] } },
      shopper,
    );
    const cartId = created.cartCreate.cart.id;
    await call(
      `mutation($id: ID!, $codes: [String!]!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: $codes) { userErrors { code } } }`,
      { id: cartId, codes: [code] },
      shopper,
    );
    const checkout = await call<{
      checkoutCreate: { checkout: { id: string; availableShippingRates: { handle: string }[] } };
    }>(
      `mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) { checkout { id availableShippingRates { handle } } userErrors { code } } }`,
      { input: { cartId, email: `return.${randomUUID()}@example.com`, shippingAddress: ADDRESS } },
      shopper,
    );
    const checkoutId = checkout.checkoutCreate.checkout.id;
    await call(
      `mutation($id: ID!, $h: String!) { checkoutShippingRateSelect(checkoutId: $id, rateHandle: $h) { userErrors { code } } }`,
      { id: checkoutId, h: checkout.checkoutCreate.checkout.availableShippingRates[0]!.handle },
      shopper,
    );
    const paid = await call<{
      checkoutComplete: {
        order: {
          id: string;
          status: string;
          subtotal: { amount: string };
          discountTotal: { amount: string };
          taxTotal: { amount: string };
          lines: { id: string }[];
        } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation($id: ID!, $key: String!) { checkoutComplete(checkoutId: $id, payment: { paymentMethodId: "pm_card_visa" }, idempotencyKey: $key) {
         order { id status subtotal { amount } discountTotal { amount } taxTotal { amount } lines { id } } userErrors { code message } } }`,
      { id: checkoutId, key: randomUUID() },
      shopper,
    );
    expect(paid.checkoutComplete.userErrors).toEqual([]);
    const order = paid.checkoutComplete.order!;
    expect(order.status).toBe('PAID');
    const subtotal = cents(order.subtotal.amount);
    const discount = cents(order.discountTotal.amount);
    const tax = cents(order.taxTotal.amount);
    expect(discount).toBe(Math.floor((subtotal * 15 + 50) / 100));
    expect(await eventually(stock, (n) => n === before - 2)).toBe(before - 2);

    const shipped = await call<{
      fulfillmentCreate: { shipment: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation($o: ID!, $l: [FulfillmentLineInput!]!) { fulfillmentCreate(orderId: $o, lines: $l, carrier: UPS, service: "GROUND") { shipment { id } userErrors { code message } } }`,
      { o: order.id, l: [{ orderLineId: order.lines[0]!.id, quantity: 2 }] },
      admin,
    );
    expect(shipped.fulfillmentCreate.userErrors).toEqual([]);
    const requested = await call<{ returnRequest: { return: { id: string } | null; userErrors: unknown[] } }>(
      `mutation($i: ReturnRequestInput!) { returnRequest(input: $i) { return { id } userErrors { code message } } }`,
      {
        i: {
          orderId: order.id,
          lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }],
          reason: 'Too small',
        },
      },
      shopper,
    );
    expect(requested.returnRequest.userErrors).toEqual([]);
    const returnId = requested.returnRequest.return!.id;
    for (const step of ['returnApprove', 'returnReceive']) {
      const moved = await call<Record<string, { userErrors: unknown[] }>>(
        `mutation($id: ID!) { ${step}(id: $id) { return { status } userErrors { code message } } }`,
        { id: returnId },
        admin,
      );
      expect(moved[step]!.userErrors).toEqual([]);
    }

    const status = async () =>
      (
        await call<{ returns: { id: string; status: string }[] }>(
          `query($o: ID) { returns(orderId: $o) { id status } }`,
          { o: order.id },
          shopper,
        )
      ).returns;
    expect(await eventually(status, (r) => r[0]?.status === 'REFUNDED')).toEqual([
      { id: returnId, status: 'REFUNDED' },
    ]);
    // One of two units: half of what the line was charged after its discount, and that share of the tax.
    const goods = share(subtotal - discount, 1, 2);
    const expected = goods + share(tax, goods, subtotal - discount);
    const refunds = async () =>
      (
        await call<{
          order: { status: string; refunds: { amount: { amount: string }; reason: string | null }[] };
        }>(
          `query($id: ID!) { order(id: $id) { status refunds { amount { amount } reason } } }`,
          { id: order.id },
          shopper,
        )
      ).order;
    expect(await refunds()).toEqual({
      status: 'PARTIALLY_REFUNDED',
      refunds: [{ amount: { amount: (expected / 100).toFixed(2) }, reason: `return ${returnId}` }],
    });
    expect(await eventually(stock, (n) => n === before - 1)).toBe(before - 1);

    // The bus delivers at least once: the same events again, and copies under new ids, change nothing.
    const outboxEvent = async (db: Client, topic: string): Promise<DomainEvent> => {
      const { rows } = await db.query<{ id: string; payload: Record<string, unknown>; occurred_at: Date }>(
        `SELECT id, payload, occurred_at FROM outbox_events WHERE topic = $1 AND payload->>'returnId' = $2`,
        [topic, returnId],
      );
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      return {
        id: row.id,
        topic,
        source: db === orders ? 'orders' : 'shipping',
        occurredAt: row.occurred_at.toISOString(),
        payload: row.payload,
      };
    };
    const receivedEvent = await outboxEvent(shipping, 'return.received');
    const refundedEvent = await outboxEvent(orders, 'return.refunded');
    const copies = [receivedEvent, refundedEvent].map((e) => ({ ...e, id: randomUUID() }));
    const bus = new RedisStreamsBus(connectRedis(testRedisUrl()), testLogger, {
      stream: shop.eventStream,
    });
    try {
      await bus.publish([receivedEvent, refundedEvent, ...copies]);
    } finally {
      await bus.close();
    }
    // Orders and shipping record each copy they applied; once both have, the copies have been through.
    const applied = async () => {
      const seen = async (db: Client, consumer: string, id: string) =>
        (
          await db.query(`SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2`, [
            consumer,
            id,
          ])
        ).rows.length;
      return (
        (await seen(orders, 'orders.returns', copies[0]!.id)) +
        (await seen(shipping, 'shipping.returns', copies[1]!.id))
      );
    };
    await eventually(applied, (n) => n === 2);
    await new Promise((r) => setTimeout(r, 1500));

    expect(await refunds()).toEqual({
      status: 'PARTIALLY_REFUNDED',
      refunds: [{ amount: { amount: (expected / 100).toFixed(2) }, reason: `return ${returnId}` }],
    });
    expect(await status()).toEqual([{ id: returnId, status: 'REFUNDED' }]);
    expect(await stock()).toBe(before - 1);
    const { rows: again } = await orders.query(
      `SELECT id FROM outbox_events WHERE topic = 'return.refunded' AND payload->>'returnId' = $1`,
      [returnId],
    );
    expect(again).toHaveLength(1);
  }, 120_000);
});
