// Bench rows of the partner edge: a persisted query sent by hash against the same query sent as text, and the
// gateway with cost (extensions.cost) and throttling (Redis buckets) on against both off. Each variant is a
// gateway process of its own on the same subgraphs; each is warmed for a second before it is measured.
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import type { Row } from './run';

type ServiceProcess = (
  entry: string,
  env: Record<string, string>,
) => Promise<{ url: string; close: () => Promise<void> }>;

const QUERY =
  'query PartnerPage { products(first: 20) { nodes { id handle title priceRange { minVariantPrice { amount currencyCode } } } } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');
/** High enough that no bucket ever refuses: the rows measure the bookkeeping, not refusals. */
const UNLIMITED = '100000000';

async function run(
  group: string,
  scenario: string,
  url: string,
  body: unknown,
  seconds: number,
  connections = 20,
): Promise<Row> {
  const check = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await check.json()) as { errors?: unknown[] };
  if (!check.ok || answer.errors?.length) throw new Error(`${scenario}: ${JSON.stringify(answer)}`);
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections,
    timeout: 30,
    workers: 1,
  };
  await autocannon({ ...options, duration: 1 });
  const result = await autocannon({ ...options, duration: seconds });
  const row: Row = {
    group,
    scenario,
    connections,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    errors: result.errors + result.non2xx + result.timeouts,
  };
  console.log(
    `${group} / ${scenario}: p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.rps} req/s, ${row.errors} errors`,
  );
  return row;
}

export async function partnersRows(options: {
  gatewayEnv: Record<string, string>;
  serviceProcess: ServiceProcess;
  seconds: number;
}): Promise<Row[]> {
  const rows: Row[] = [];
  const env = {
    ...options.gatewayEnv,
    SERVER_TIMING: 'false',
    THROTTLE_ANONYMOUS_COST_PER_SECOND: UNLIMITED,
    THROTTLE_SHOPPER_COST_PER_SECOND: UNLIMITED,
    THROTTLE_PARTNER_COST_PER_SECOND: UNLIMITED,
  };
  const on = await options.serviceProcess('gateway/src/index.ts', env);
  try {
    // Registered once (APQ); from then on every instance finds it in its LRU.
    await fetch(on.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: QUERY,
        extensions: { persistedQuery: { version: 1, sha256Hash: HASH } },
      }),
    });
    rows.push(
      await run('partners', 'products(first: 20) as text', on.url, { query: QUERY }, options.seconds),
    );
    rows.push(
      await run(
        'partners',
        'products(first: 20) by hash (persisted)',
        on.url,
        { extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } },
        options.seconds,
      ),
    );
  } finally {
    await on.close();
  }
  const off = await options.serviceProcess('gateway/src/index.ts', {
    ...env,
    THROTTLE: 'false',
    COST_EXTENSION: 'false',
  });
  try {
    rows.push(
      await run(
        'partners',
        'products(first: 20), cost and throttling off (baseline)',
        off.url,
        { query: QUERY },
        options.seconds,
      ),
    );
  } finally {
    await off.close();
  }
  const again = await options.serviceProcess('gateway/src/index.ts', env);
  try {
    rows.push(
      await run(
        'partners',
        'products(first: 20), extensions.cost and Redis buckets on',
        again.url,
        { query: QUERY },
        options.seconds,
      ),
    );
  } finally {
    await again.close();
  }
  return rows;
}
