// Boots the shipping subgraph on a fresh real Postgres database, beside a tiny fake catalog and fake orders service.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDENTITY_HEADER, verifyIdentity, type ServiceHandle } from '@shop/common';
import { InProcessBus, type DomainEvent } from '@shop/datastores';
import { createTestDatabase, TEST_SECRET, testLogger, type TestDatabase } from '@shop/testkit';
import { loadConfig, type Config } from '../src/config';
import { createService } from '../src/service';

export interface FakeCatalog {
  url: string;
  /** How many lookups it answered, to see batching and caching. */
  calls: string[][];
  close: () => Promise<void>;
}

/** Answers POST /internal/variants/lookup like the catalog does, only for a signed service identity. */
export async function startFakeCatalog(weights: Record<string, number>): Promise<FakeCatalog> {
  const calls: string[][] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const identity = verifyIdentity(
          req.headers[IDENTITY_HEADER] as string | undefined,
          TEST_SECRET,
          'catalog',
        );
        if (identity.principal.kind !== 'service' || req.url !== '/internal/variants/lookup')
          throw new Error('refused');
      } catch {
        res.writeHead(401).end();
        return;
      }
      const { ids } = JSON.parse(Buffer.concat(chunks).toString()) as { ids: string[] };
      calls.push(ids);
      const variants = ids
        .filter((id) => id in weights)
        .map((id) => ({
          id,
          productId: `p-${id}`,
          productTitle: 'Thing',
          title: 'Default',
          sku: `SKU-${id}`,
          priceMinor: 1000,
          compareAtPriceMinor: null,
          currencyCode: 'USD',
          weightGrams: weights[id],
          imageUrl: null,
        }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ variants }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface FakeOrder {
  customerId: string | null;
  /** Order line id -> units still to ship. */
  lines: Record<string, number>;
}

export interface FakeOrders {
  url: string;
  /** Paid orders the fake knows; any other id is answered 404, as the orders service does. */
  orders: Map<string, FakeOrder>;
  close: () => Promise<void>;
}

/**
 * Answers the fulfilment-claim endpoints like the orders service does, only for the signed shipping identity.
 * The real claim rules are tested through the orders service itself (fulfilment-orders.test.ts).
 */
export async function startFakeOrders(): Promise<FakeOrders> {
  const orders = new Map<string, FakeOrder>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      try {
        const identity = verifyIdentity(
          req.headers[IDENTITY_HEADER] as string | undefined,
          TEST_SECRET,
          'orders',
        );
        if (identity.principal.kind !== 'service' || identity.principal.service !== 'shipping')
          throw new Error('refused');
      } catch {
        send(401, {});
        return;
      }
      const match = /^\/internal\/orders\/([^/]+)\/fulfilment-claims(\/[^/]+\/release)?$/.exec(req.url ?? '');
      const order = match ? orders.get(decodeURIComponent(match[1]!)) : undefined;
      if (!order) {
        send(404, { error: 'ORDER_NOT_FOUND' });
        return;
      }
      if (match![2]) {
        send(200, { status: 'RELEASED' });
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        claimId: string;
        lines: { orderLineId: string; quantity: number }[];
      };
      const problems = body.lines.flatMap((line, index) => {
        const remaining = order.lines[line.orderLineId];
        if (remaining === undefined)
          return [{ index, orderLineId: line.orderLineId, code: 'UNKNOWN_LINE', remaining: 0 }];
        return line.quantity > remaining
          ? [{ index, orderLineId: line.orderLineId, code: 'QUANTITY_EXCEEDS_REMAINING', remaining }]
          : [];
      });
      if (problems.length) {
        send(422, { error: 'INVALID_LINES', lines: problems });
        return;
      }
      for (const line of body.lines) order.lines[line.orderLineId]! -= line.quantity;
      send(200, { claimId: body.claimId, customerId: order.customerId });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    orders,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Harness {
  url: string;
  base: string;
  config: Config;
  service: ServiceHandle;
  database: TestDatabase;
  catalog: FakeCatalog;
  orders: FakeOrders;
  /** Makes a paid order the fake orders service knows, with these lines and units to ship. */
  paidOrder: (customerId: string | null, lines?: Record<string, number>, orderId?: string) => string;
  published: DomainEvent[];
  bus: InProcessBus;
  /** Publishes an event as another service's outbox relay would. */
  publish: (topic: string, payload: Record<string, unknown>, occurredAt?: string) => Promise<DomainEvent>;
  close: () => Promise<void>;
}

export async function startShipping(
  label: string,
  weights: Record<string, number>,
  env: Record<string, string> = {},
): Promise<Harness> {
  const database = await createTestDatabase(label);
  const catalog = await startFakeCatalog(weights);
  const orders = await startFakeOrders();
  const config = loadConfig({
    INTERNAL_AUTH_SECRET: TEST_SECRET,
    DATABASE_URL: database.url,
    SEED_DEMO_DATA: 'false',
    CATALOG_URL: catalog.url,
    ORDERS_URL: orders.url,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const bus = new InProcessBus(testLogger);
  const published: DomainEvent[] = [];
  bus.subscribe(
    'test',
    [
      'shipment.created',
      'shipment.updated',
      'return.requested',
      'return.approved',
      'return.received',
      'return.rejected',
      'return.updated',
    ],
    async (event) => {
      published.push(event);
    },
  );
  const service = await createService(config, { bus, logger: testLogger });
  service.start();
  const port = await service.subgraph.app.listen(0);
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/graphql`,
    base,
    config,
    service,
    database,
    catalog,
    orders,
    paidOrder: (customerId, lines = { 'line-1': 10 }, orderId = randomUUID()) => {
      orders.orders.set(orderId, { customerId, lines: { ...lines } });
      return orderId;
    },
    published,
    bus,
    publish: async (topic, payload, occurredAt = new Date().toISOString()) => {
      const event: DomainEvent = { id: randomUUID(), topic, source: 'test', occurredAt, payload };
      await bus.publish([event]);
      return event;
    },
    close: async () => {
      await service.close();
      await bus.close();
      await catalog.close();
      await orders.close();
      await database.drop();
    },
  };
}

/** Polls until `check` holds, for effects that happen after a response (the outbox relay). */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls an async read until it gives what `done` accepts; returns the last value read. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 8000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
    value = await read();
  }
  return value;
}
