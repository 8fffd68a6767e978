// The internal contracts (@shop/contracts) hold producers to what their consumers parse, and every service-to-service
// call alike: one request id end to end, and a catalog that is down is SERVICE_UNAVAILABLE to every caller.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createHttpApp,
  createServiceClient,
  inRequestScope,
  type HttpApp,
  type ServiceClient,
} from '@shop/common';
import {
  cartSnapshot,
  endpointRoute,
  EVENTS,
  eventOf,
  inventoryChanged,
  ok,
  orderCancelled,
  orderPaid,
  returnReceived,
  returnRefunded,
  shipmentCreated,
  shipmentUpdated,
  variantsLookup,
  type VariantInfo,
} from '@shop/contracts';
import type { DomainEvent, EventBus } from '@shop/datastores';
import { testLogger } from '@shop/testkit';
import { catalogOver } from '../subgraphs/cart/src/data/catalog-client';
import type { InventoryRepository } from '../subgraphs/cart/src/data/inventory-repo';
import {
  orderCancelledSchema as cartReadsOrderCancelled,
  orderPaidSchema as cartReadsOrderPaid,
  returnRefundedSchema as cartReadsReturnRefunded,
} from '../subgraphs/cart/src/domain/inventory';
import { withCurrentAvailability } from '../subgraphs/cart/src/events';
import { orderPaid as catalogReadsOrderPaid } from '../subgraphs/catalog/src/domain/events';
import { cartPort, catalogPort } from '../subgraphs/orders/src/data/services';
import { orderCancelledPayload, orderPaidPayload } from '../subgraphs/orders/src/domain/payment-settlement';
import { returnReceived as ordersReadsReturnReceived } from '../subgraphs/orders/src/domain/returns';
import { shipmentEvent as ordersReadsShipment } from '../subgraphs/orders/src/domain/shipments';
import { NOTIFICATION_TOPICS } from '../subgraphs/orders/src/notifications';
import type { Order } from '../subgraphs/orders/src/domain/types';
import { catalogClient } from '../subgraphs/shipping/src/data/catalog';
import { CONSUMED_TOPICS, orderPaid as crmReadsOrderPaid } from '../subgraphs/shipping/src/domain/crm';
import { shipmentEvent } from '../subgraphs/shipping/src/domain/fulfillment';
import {
  returnEvent,
  returnRefundedSchema as shippingReadsReturnRefunded,
} from '../subgraphs/shipping/src/domain/returns';
import { WEBHOOK_TOPICS } from '../subgraphs/shipping/src/domain/webhooks';

const SECRET = 'internal-contracts-test-secret-0123456789';

/** A paid order as the orders service holds it: a guest's, from a cart, two lines. */
function paidOrder(overrides: Partial<Order> = {}): Order {
  const line = (n: number) => ({
    id: `line-${n}`,
    variantId: `variant-${n}`,
    productId: `product-${n}`,
    title: 'Trail shoe',
    variantTitle: '42',
    sku: `SKU-${n}`,
    quantity: n,
    unitPriceMinor: 4500,
    weightGrams: 800,
  });
  return {
    id: randomUUID(),
    number: 1001,
    checkoutId: randomUUID(),
    cartId: randomUUID(),
    subscriptionId: null,
    customerId: null,
    email: 'guest@example.com',
    status: 'PAID',
    currency: 'USD',
    lines: [line(1), line(2)],
    totalMinor: 13500,
    backordered: false,
    ...overrides,
  } as Order;
}

function without(payload: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...payload };
  delete copy[key];
  return copy;
}

describe('events: what a producer emits, its consumers parse', () => {
  it('When the orders service builds order.paid for a guest order and for a renewal without a cart, then the contract and the cart, catalog and CRM consumers accept it, and the cart refuses one without its reservation', () => {
    for (const order of [paidOrder(), paidOrder({ cartId: null, customerId: 'customer-1' })]) {
      const event = eventOf(orderPaid, orderPaidPayload(order));
      expect(event.topic).toBe('order.paid');
      for (const consumer of [orderPaid.schema, cartReadsOrderPaid, catalogReadsOrderPaid, crmReadsOrderPaid])
        expect(consumer.safeParse(event.payload).error?.issues).toBeUndefined();
      expect(cartReadsOrderPaid.parse(event.payload)).toEqual({
        orderId: order.id,
        cartId: order.cartId,
        reservationId: order.id,
        backordered: false,
      });
      expect(cartReadsOrderPaid.safeParse(without(event.payload, 'reservationId')).success).toBe(false);
    }
  });

  it('When the orders service builds order.cancelled, then the cart reads its reservation and order number', () => {
    const order = paidOrder();
    const event = eventOf(orderCancelled, orderCancelledPayload(order, 1200));
    expect(cartReadsOrderCancelled.parse(event.payload)).toEqual({
      orderId: order.id,
      orderNumber: '#1001',
      reservationId: order.id,
    });
  });

  it('When the shipping service builds shipment.created and shipment.updated, then the orders consumer reads them', () => {
    const shipment = {
      id: randomUUID(),
      orderId: randomUUID(),
      customerId: null,
      status: 'LABEL_CREATED' as const,
      trackingNumber: '1Z999',
    };
    for (const contract of [shipmentCreated, shipmentUpdated]) {
      const event = shipmentEvent(contract, shipment);
      expect(event.topic).toBe(contract.topic);
      expect(ordersReadsShipment.parse(event.payload)).toEqual({
        shipmentId: shipment.id,
        orderId: shipment.orderId,
        status: 'LABEL_CREATED',
      });
    }
  });

  it('When the shipping service builds return.received, then the orders consumer reads its lines; a return without lines breaks the contract at the producer', () => {
    const received = {
      id: randomUUID(),
      orderId: randomUUID(),
      customerId: 'customer-1',
      status: 'RECEIVED' as const,
      reason: 'too small',
      trackingNumber: null,
      label: null,
      createdAt: new Date().toISOString(),
      lines: [{ orderLineId: 'line-1', quantity: 1 }],
    };
    const event = returnEvent(returnReceived, received, 'RECEIVED');
    expect(ordersReadsReturnReceived.parse(event.payload)).toEqual({
      returnId: received.id,
      orderId: received.orderId,
      lines: received.lines,
    });
    expect(() => returnEvent(returnReceived, { ...received, lines: [] }, 'RECEIVED')).toThrow(
      'return.received v1 payload breaks its contract: lines:',
    );
  });

  it('When orders emits return.refunded, then the cart and shipping consumers read it; a negative amount is refused before it is written, naming the field and not its value', () => {
    const payload = {
      returnId: randomUUID(),
      orderId: randomUUID(),
      orderNumber: '#1001',
      refundId: null,
      amountMinor: 0,
      currencyCode: 'USD',
      lines: [{ variantId: 'variant-1', quantity: 2 }],
    };
    const event = eventOf(returnRefunded, payload);
    expect(cartReadsReturnRefunded.parse(event.payload)).toEqual({
      returnId: payload.returnId,
      lines: payload.lines,
    });
    expect(shippingReadsReturnRefunded.parse(event.payload)).toEqual({
      returnId: payload.returnId,
      orderId: payload.orderId,
    });
    let message = '';
    try {
      eventOf(returnRefunded, { ...payload, amountMinor: -4242 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^return\.refunded v1 payload breaks its contract: amountMinor: /);
    expect(message).not.toContain('4242');
  });

  it('When the cart relays inventory.changed, then what it publishes carries the stock read at publish time, as the contract says', async () => {
    const published: DomainEvent[] = [];
    const bus: EventBus = {
      publish: async (events) => void published.push(...events),
      subscribe: () => undefined,
      close: async () => undefined,
    };
    const inventory = {
      getLevels: async (ids: readonly string[]) => new Map(ids.map((id) => [id, { available: -3 }])),
    } as unknown as InventoryRepository;
    const outboxItem = {
      id: randomUUID(),
      topic: inventoryChanged.topic,
      source: 'cart',
      occurredAt: new Date().toISOString(),
      payload: { variantId: 'variant-1' },
    };
    await withCurrentAvailability(bus, inventory).publish([outboxItem]);
    expect(inventoryChanged.schema.parse(published[0]!.payload)).toEqual({
      variantId: 'variant-1',
      quantityAvailable: 0,
    });
  });

  it('When a service subscribes to or forwards a topic, then the topic is declared in the contracts', () => {
    const declared = new Set(Object.keys(EVENTS));
    for (const topic of [...NOTIFICATION_TOPICS, ...CONSUMED_TOPICS, ...WEBHOOK_TOPICS])
      expect(declared.has(topic) ? topic : `undeclared ${topic}`).toBe(topic);
  });
});

describe('service-to-service calls', () => {
  const apps: HttpApp[] = [];
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  async function serve(service: string, routes: Parameters<typeof createHttpApp>[0]['routes']) {
    const app = createHttpApp({ routes, logger: testLogger, service });
    apps.push(app);
    return `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  }

  /** A callee that answers every request with `status` and `body`, whoever calls. */
  async function answering(status: number, body: unknown): Promise<string> {
    const server = createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** A port nothing listens on. */
  async function unreachable(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}`;
  }

  const client = (caller: string, target: string, baseUrl: string): ServiceClient =>
    createServiceClient({ caller, target, baseUrl, secret: SECRET, timeoutMs: 5000 });

  it('When the orders service asks the cart for a snapshot while serving a request, then the cart sees that request id, and the snapshot comes back parsed', async () => {
    const seen: string[] = [];
    const snapshot = {
      id: 'cart-1',
      customerId: null,
      currencyCode: 'USD',
      subtotalMinor: 9000,
      lines: [
        {
          id: 'l1',
          variantId: 'v1',
          productId: 'p1',
          title: 'Trail shoe',
          variantTitle: '42',
          sku: 'SKU-1',
          quantity: 2,
          unitPriceMinor: 4500,
          weightGrams: 800,
        },
      ],
    };
    const cartUrl = await serve('cart', [
      endpointRoute({ secret: SECRET, service: 'cart' }, cartSnapshot, async (_input, ctx) => {
        seen.push(ctx.requestId);
        return ok(cartSnapshot, { cart: { ...snapshot, id: ctx.params.id ?? '' } });
      }),
    ]);
    const cart = cartPort(client('orders', 'cart', cartUrl));
    const requestId = randomUUID();
    const result = await inRequestScope({ requestId }, () => cart.snapshot('cart-1', null));
    expect(result).toEqual({ ok: true, cart: snapshot });
    expect(seen).toEqual([requestId]);
  });

  it('When the cart calls the catalog from within a request without naming its id, then the catalog sees the request id too', async () => {
    const seen: string[] = [];
    const variant: VariantInfo = {
      id: 'v1',
      productId: 'p1',
      productTitle: 'Trail shoe',
      title: '42',
      sku: 'SKU-1',
      priceMinor: 4500,
      compareAtPriceMinor: null,
      currencyCode: 'USD',
      weightGrams: 800,
      imageUrl: null,
    };
    const catalogUrl = await serve('catalog', [
      endpointRoute({ secret: SECRET, service: 'catalog' }, variantsLookup, async (input, ctx) => {
        seen.push(ctx.requestId);
        return ok(variantsLookup, { variants: input.ids.includes('v1') ? [variant] : [] });
      }),
    ]);
    const requestId = randomUUID();
    const found = await inRequestScope({ requestId }, () =>
      catalogOver(client('cart', 'catalog', catalogUrl)).lookupVariants(['v1', 'v2']),
    );
    expect([...found.values()]).toEqual([variant]);
    expect(seen).toEqual([requestId]);
  });

  it('When the catalog cannot be reached, fails, or answers in another shape, then the cart, orders and shipping each get SERVICE_UNAVAILABLE', async () => {
    const catalogs = {
      unreachable: await unreachable(),
      failing: await answering(500, { error: 'Internal error' }),
      overloaded: await answering(503, { error: 'overloaded' }),
      malformed: await answering(200, { variants: [{ id: 'v1' }] }),
    };
    for (const [state, url] of Object.entries(catalogs)) {
      const callers = {
        cart: () => catalogOver(client('cart', 'catalog', url)).lookupVariants(['v1']),
        orders: () => catalogPort(client('orders', 'catalog', url)).lookup(['v1']),
        shipping: () => catalogClient(client('shipping', 'catalog', url)).variantWeights(['v1']),
      };
      for (const [caller, call] of Object.entries(callers)) {
        const code = await call().then(
          () => 'no error',
          (error: { extensions?: { code?: unknown } }) => error.extensions?.code,
        );
        expect(`${caller} with a catalog ${state}: ${String(code)}`).toBe(
          `${caller} with a catalog ${state}: SERVICE_UNAVAILABLE`,
        );
      }
    }
  });

  it('When the cart fails while its catalog is down, then checkout in orders is SERVICE_UNAVAILABLE, and a refusal (404) is still the cart not found', async () => {
    const failing = cartPort(client('orders', 'cart', await answering(500, { error: 'Internal error' })));
    await expect(failing.snapshot('cart-1', null)).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    const missing = cartPort(client('orders', 'cart', await answering(404, { error: 'CART_NOT_FOUND' })));
    expect(await missing.snapshot('cart-1', null)).toEqual({ ok: false, error: 'CART_NOT_FOUND' });
  });
});
