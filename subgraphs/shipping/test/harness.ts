// Boots the shipping subgraph on a fresh real Postgres database, beside a tiny fake catalog.
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
        const identity = verifyIdentity(req.headers[IDENTITY_HEADER] as string | undefined, TEST_SECRET, 'catalog');
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

export interface Harness {
  url: string;
  base: string;
  config: Config;
  service: ServiceHandle;
  database: TestDatabase;
  catalog: FakeCatalog;
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
  const config = loadConfig({
    INTERNAL_AUTH_SECRET: TEST_SECRET,
    DATABASE_URL: database.url,
    SEED_DEMO_DATA: 'false',
    CATALOG_URL: catalog.url,
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
