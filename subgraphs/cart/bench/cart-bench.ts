// Issue 5 benchmark: cartLinesAdd and reservation latency (p50, p99) and throughput at 50 concurrent clients,
// spread out and on one hot variant/cart, with the no-oversell check of the run. Prints Markdown for BENCHMARKS.md.
// Run: npx tsx subgraphs/cart/bench/cart-bench.ts  (DYNAMODB_ENDPOINT / REDIS_URL optional; DynamoDB Local is started otherwise)
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { InProcessBus, startDynamoLocal, type DynamoLocal } from '@shop/datastores';
import { TEST_SECRET, customer, identityHeaders, service, testLogger } from '@shop/testkit';
import { loadConfig } from '../src/config';
import { createService } from '../src/service';
import { makeVariant, startFakeCatalog } from '../test/helpers';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `total` calls of `task` with `concurrency` in flight; returns latencies and wall time. */
async function load(total: number, concurrency: number, task: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        if (await task(i)) ok++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { ok, p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: total / seconds };
}

async function main(): Promise<void> {
  let local: DynamoLocal | undefined;
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? (local = await startDynamoLocal({ port: await freePort() })).endpoint;
  const catalog = await startFakeCatalog();
  const bus = new InProcessBus(testLogger);
  const svc = await createService(
    loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      DYNAMODB_ENDPOINT: endpoint,
      DYNAMODB_TABLE_PREFIX: `bench${Date.now()}_`,
      REDIS_URL: process.env.REDIS_URL,
      SEED_DEMO_DATA: 'false',
      CATALOG_URL: catalog.url,
      LOG_LEVEL: 'silent',
    }),
    { bus, logger: testLogger },
  );
  const port = await svc.subgraph.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const inventory = svc.deps.inventory;

  const variants = Array.from({ length: 200 }, () => makeVariant());
  for (const v of variants) catalog.variants.set(v.id, v);
  await inventory.seed(variants.map((v) => ({ variantId: v.id, quantity: 1_000_000 })), 'bench');
  const hot = makeVariant();
  catalog.variants.set(hot.id, hot);
  const HOT_STOCK = Math.floor(REQUESTS / 4);
  await inventory.seed([{ variantId: hot.id, quantity: HOT_STOCK }], 'bench');

  const shopper = customer();
  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const r = await fetch(`${base}/graphql`, { method: 'POST', headers: identityHeaders(shopper), body: JSON.stringify({ query, variables }) });
    return (await r.json()) as { data?: Record<string, { cart?: { id: string }; userErrors: unknown[] }> };
  };
  const ADD = 'mutation($c: ID!, $v: ID!) { cartLinesAdd(cartId: $c, lines: [{ merchandiseId: $v, quantity: 1 }]) { userErrors { code } } }';
  const CREATE = 'mutation { cartCreate { cart { id } userErrors { code } } }';
  const carts: string[] = [];
  for (let i = 0; i < CONCURRENCY + 1; i++) carts.push((await graphql(CREATE, {})).data!.cartCreate!.cart!.id);

  const rows: string[] = [];
  const row = (name: string, r: { ok: number; p50: number; p99: number; rps: number }, check: string) =>
    rows.push(`| ${name} | ${CONCURRENCY} | ${REQUESTS} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${check} |`);

  // Each client its own cart, lines spread over many variants (a line per variant, quantity <= 99).
  const spread = await load(REQUESTS, CONCURRENCY, async (i) => {
    const out = await graphql(ADD, { c: carts[i % CONCURRENCY], v: variants[Math.floor(i / CONCURRENCY) % 35]!.id });
    return out.data?.cartLinesAdd?.userErrors.length === 0;
  });
  row('cartLinesAdd, own carts', spread, `${spread.ok}/${REQUESTS} landed`);

  // Every client on one cart and one variant: optimistic-concurrency retries under contention.
  const hotCart = carts[CONCURRENCY]!;
  const hotAdds = Math.min(REQUESTS, 99);
  const hotAdd = await load(hotAdds, CONCURRENCY, async () => (await graphql(ADD, { c: hotCart, v: variants[0]!.id })).data?.cartLinesAdd?.userErrors.length === 0);
  const hotCartQty = (await svc.deps.carts.getFresh(hotCart))?.lines[0]?.quantity ?? 0;
  rows.push(`| cartLinesAdd, one hot cart | ${CONCURRENCY} | ${hotAdds} | ${hotAdd.p50.toFixed(1)} | ${hotAdd.p99.toFixed(1)} | ${hotAdd.rps.toFixed(0)} | ${hotAdd.ok} succeeded, line quantity ${hotCartQty} (no lost add: ${hotCartQty === hotAdd.ok}) |`);

  const reserve = async (lines: { variantId: string; quantity: number }[]) => {
    const r = await fetch(`${base}/internal/reservations`, {
      method: 'POST',
      headers: identityHeaders(service('orders')),
      body: JSON.stringify({ reservationId: randomUUID(), lines }),
    });
    await r.text();
    return r.status === 200;
  };
  const spreadRes = await load(REQUESTS, CONCURRENCY, (i) => reserve([{ variantId: variants[i % variants.length]!.id, quantity: 1 }, { variantId: variants[(i * 7 + 3) % variants.length]!.id, quantity: 1 }].filter((l, j, all) => j === 0 || l.variantId !== all[0]!.variantId)));
  row('reserve (2 lines), spread', spreadRes, `${spreadRes.ok}/${REQUESTS} held`);

  const hotRes = await load(REQUESTS, CONCURRENCY, () => reserve([{ variantId: hot.id, quantity: 1 }]));
  const level = await inventory.getLevel(hot.id);
  const noOversell = hotRes.ok === HOT_STOCK && level?.available === 0 && level.held === HOT_STOCK;
  row('reserve, one hot variant', hotRes, `stock ${HOT_STOCK}: ${hotRes.ok} held, available ${level?.available}, held ${level?.held} -> no oversell: ${noOversell}`);

  console.log(`\n| scenario | clients | requests | p50 ms | p99 ms | req/s | check |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
  await svc.close();
  await bus.close();
  await catalog.close();
  await local?.stop();
  if (!noOversell) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
