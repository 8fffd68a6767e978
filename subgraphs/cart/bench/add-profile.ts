// Where the time of a cartLinesAdd goes: the gateway bench's shape (50 shoppers, each adding to their own cart,
// `cart { totalQuantity }` selected), with every DynamoDB send, catalog call and cache call counted and timed.
// The fake catalog answers after CATALOG_DELAY_MS (default 5) to stand in for the real one's HTTP + Postgres work.
// Run: REDIS_URL=redis://127.0.0.1:6379 npx tsx subgraphs/cart/bench/add-profile.ts
import { InProcessBus, startDynamoLocal, type Cache, type DynamoLocal } from '@shop/datastores';
import { TEST_SECRET, customer, identityHeaders, testLogger } from '@shop/testkit';
import { loadConfig } from '../src/config';
import { createService } from '../src/service';
import { makeVariant, startFakeCatalog } from '../test/helpers';
import { freePort } from '@shop/testkit';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CATALOG_DELAY_MS = Number(process.env.CATALOG_DELAY_MS ?? 5);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Tally {
  count: number;
  ms: number;
}
const tallies = new Map<string, Tally>();
const failures = new Map<string, number>();
async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await run();
  } finally {
    const t = tallies.get(name) ?? { count: 0, ms: 0 };
    t.count++;
    t.ms += performance.now() - t0;
    tallies.set(name, t);
  }
}

async function main(): Promise<void> {
  let local: DynamoLocal | undefined;
  const endpoint =
    process.env.DYNAMODB_ENDPOINT ?? (local = await startDynamoLocal({ port: await freePort() })).endpoint;
  const catalog = await startFakeCatalog();
  const bus = new InProcessBus(testLogger);
  const svc = await createService(
    loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      DYNAMODB_ENDPOINT: endpoint,
      DYNAMODB_TABLE_PREFIX: `prof${Date.now()}_`,
      REDIS_URL: process.env.REDIS_URL,
      SEED_DEMO_DATA: 'false',
      CATALOG_URL: catalog.url,
      LOG_LEVEL: 'silent',
    }),
    { bus, logger: testLogger },
  );
  const port = await svc.subgraph.app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;

  const variants = Array.from({ length: 20 }, () => makeVariant());
  for (const v of variants) catalog.variants.set(v.id, v);
  await svc.deps.inventory.seed(
    variants.map((v) => ({ variantId: v.id, quantity: 1_000_000 })),
    'bench',
  );

  // Instrument the ports the add goes through (the objects are shared, so wrapping their methods counts every call).
  const dynamo = (
    svc.deps.inventory as unknown as {
      dynamo: { doc: { send: (c: { constructor: { name: string } }) => Promise<unknown> } };
    }
  ).dynamo;
  const send = dynamo.doc.send.bind(dynamo.doc);
  dynamo.doc.send = (command) => timed(`dynamo ${command.constructor.name}`, () => send(command));
  const cat = svc.deps.catalog;
  for (const name of ['lookupVariants', 'relatedProducts', 'reportCartAdds'] as const) {
    const original = cat[name].bind(cat) as (...args: unknown[]) => Promise<unknown>;
    (cat as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      timed(`catalog ${name}`, () => original(...args));
  }
  const cache = (svc.deps.carts as unknown as { cache: Cache }).cache;
  for (const name of ['get', 'set', 'del'] as const) {
    const original = (cache[name] as (...args: unknown[]) => Promise<unknown>).bind(cache);
    (cache as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      timed(`cache ${name}`, () => original(...args));
  }
  // The catalog's real lookup is an HTTP call into Postgres: a delay stands in for its work.
  const realLookup = cat.lookupVariants;
  cat.lookupVariants = async (ids, requestId) => {
    await new Promise((r) => setTimeout(r, CATALOG_DELAY_MS));
    return realLookup(ids, requestId);
  };

  const shoppers = Array.from({ length: CONCURRENCY }, () => customer());
  const gql = async (i: number, query: string, variables: Record<string, unknown>) => {
    const r = await fetch(url, {
      method: 'POST',
      headers: identityHeaders(shoppers[i]!, 'cart'),
      body: JSON.stringify({ query, variables }),
    });
    return (await r.json()) as { data?: Record<string, { cart?: { id: string }; userErrors: unknown[] }> };
  };
  const carts: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++)
    carts.push(
      (await gql(i, 'mutation { cartCreate { cart { id } userErrors { code } } }', {})).data!.cartCreate!
        .cart!.id,
    );
  const ADD =
    'mutation($c: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $l) { cart { totalQuantity } userErrors { code } } }';

  const run = async (total: number) => {
    tallies.clear();
    const latencies: number[] = [];
    let next = 0;
    let ok = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < total; i = next++) {
          const c = i % CONCURRENCY;
          const t0 = performance.now();
          const out = await gql(c, ADD, {
            c: carts[c],
            l: [{ merchandiseId: variants[Math.floor(i / CONCURRENCY) % 20]!.id, quantity: 1 }],
          });
          if (out.data?.cartLinesAdd?.userErrors.length === 0) ok++;
          else
            failures.set(
              JSON.stringify(
                (out as { errors?: unknown }).errors ?? out.data?.cartLinesAdd?.userErrors,
              ).slice(0, 200),
              (failures.get(
                JSON.stringify(
                  (out as { errors?: unknown }).errors ?? out.data?.cartLinesAdd?.userErrors,
                ).slice(0, 200),
              ) ?? 0) + 1,
            );
          latencies.push(performance.now() - t0);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return {
      ok,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      rps: total / ((performance.now() - started) / 1000),
    };
  };

  await run(200); // warm-up
  const r = await run(REQUESTS);
  console.log(
    `cartLinesAdd, ${CONCURRENCY} shoppers, own carts, ${REQUESTS} adds: ${r.ok} ok, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s`,
  );
  for (const [f, n] of failures) console.log(`failed ${n}x: ${f}`);
  console.log('| call | per add | mean ms |\n|---|---|---|');
  for (const [name, t] of [...tallies].sort())
    console.log(`| ${name} | ${(t.count / REQUESTS).toFixed(2)} | ${(t.ms / t.count).toFixed(1)} |`);

  await new Promise((r) => setTimeout(r, 200));
  await svc.close();
  await bus.close();
  await catalog.close();
  await local?.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
