// Test support: a tiny fake catalog that answers the internal contract, and a running cart service on real datastores.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDENTITY_HEADER, verifyIdentity, type Principal } from '@shop/common';
import { InProcessBus } from '@shop/datastores';
import { TEST_SECRET, testDynamo, testLogger, testRedisUrl } from '@shop/testkit';
import { loadConfig } from '../src/config';
import { createService, type CartService } from '../src/service';
import type { VariantInfo } from '../src/domain/types';

export interface FakeCatalog {
  url: string;
  variants: Map<string, VariantInfo>;
  /** productId -> products that go with it. */
  related: Map<string, string[]>;
  calls: { path: string; body: Record<string, unknown>; principal: Principal | null }[];
  close: () => Promise<void>;
}

export function makeVariant(overrides: Partial<VariantInfo> = {}): VariantInfo {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    productId: randomUUID(),
    productTitle: 'Trail Shoe',
    title: 'Size 42',
    sku: `SKU-${id.slice(0, 8)}`,
    priceMinor: 1999,
    compareAtPriceMinor: null,
    currencyCode: 'USD',
    weightGrams: 500,
    imageUrl: null,
    ...overrides,
  };
}

export async function startFakeCatalog(): Promise<FakeCatalog> {
  const variants = new Map<string, VariantInfo>();
  const related = new Map<string, string[]>();
  const calls: FakeCatalog['calls'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let principal: Principal | null = null;
      try {
        principal = verifyIdentity(
          req.headers[IDENTITY_HEADER] as string | undefined,
          TEST_SECRET,
          'catalog',
        ).principal;
      } catch {
        principal = null;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      calls.push({ path: req.url ?? '', body, principal });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (principal?.kind !== 'service') return send(401, { error: 'service identity required' });
      if (req.url === '/internal/variants/lookup') {
        const ids = body.ids as string[];
        return send(200, { variants: ids.flatMap((id) => (variants.has(id) ? [variants.get(id)] : [])) });
      }
      if (req.url === '/internal/products/related') {
        const productIds = body.productIds as string[];
        const exclude = new Set(body.excludeProductIds as string[]);
        const out = [...new Set(productIds.flatMap((p) => related.get(p) ?? []))].filter(
          (p) => !exclude.has(p),
        );
        return send(200, { productIds: out.slice(0, body.first as number) });
      }
      return send(404, { error: 'Not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    variants,
    related,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface RunningCart {
  service: CartService;
  bus: InProcessBus;
  base: string;
  url: string;
  prefix: string;
  close: () => Promise<void>;
}

export async function startCart(catalogUrl: string, env: Record<string, string> = {}): Promise<RunningCart> {
  const { endpoint, prefix, dynamo } = testDynamo();
  dynamo.client.destroy();
  const bus = new InProcessBus(testLogger);
  const service = await createService(
    loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      DYNAMODB_ENDPOINT: endpoint,
      DYNAMODB_TABLE_PREFIX: prefix,
      REDIS_URL: testRedisUrl(),
      SEED_DEMO_DATA: 'false',
      CATALOG_URL: catalogUrl,
      LOG_LEVEL: 'silent',
      ...env,
    }),
    { bus, logger: testLogger },
  );
  const port = await service.subgraph.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  return {
    service,
    bus,
    base,
    url: `${base}/graphql`,
    prefix,
    close: async () => {
      await service.close();
      await bus.close();
    },
  };
}
