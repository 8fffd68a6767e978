// Bench rows of the partner edge: a persisted query sent by hash against the same query sent as text, and the
// gateway with cost (extensions.cost) and throttling (Redis buckets) on against both off, in interleaved rounds.
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import { cpuTicks } from './gateways';
import type { Row } from './run';

type ServiceProcess = (
  entry: string,
  env: Record<string, string>,
) => Promise<{ url: string; pid: number; close: () => Promise<void> }>;

const QUERY =
  'query PartnerPage { products(first: 20) { nodes { id handle title priceRange { minVariantPrice { amount currencyCode } } } } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');
/** High enough that no bucket ever refuses: the rows measure the bookkeeping, not refusals. */
const UNLIMITED = '100000000';

interface Sample {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  /** The gateway process's CPU (user + system) per request served, in µs: far less swayed by load than req/s. */
  cpuUs: number;
}

/** Checks that the request really succeeds (autocannon sees only the HTTP status), then warms it for a second. */
async function prepare(scenario: string, url: string, body: unknown, connections: number): Promise<void> {
  const check = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await check.json()) as { errors?: unknown[] };
  if (!check.ok || answer.errors?.length) throw new Error(`${scenario}: ${JSON.stringify(answer)}`);
  await autocannon({ ...load(url, body, connections), duration: 1 });
}

function load(url: string, body: unknown, connections: number) {
  return {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections,
    timeout: 30,
    workers: 1,
  };
}

async function sample(
  url: string,
  pid: number,
  body: unknown,
  seconds: number,
  connections: number,
): Promise<Sample> {
  const before = cpuTicks(pid);
  const result = await autocannon({ ...load(url, body, connections), duration: seconds });
  // Clock ticks are 10 ms.
  const cpuUs = ((cpuTicks(pid) - before) * 10_000) / Math.max(1, result.requests.total);
  return {
    cpuUs,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const percent = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)} %`;

/** Per round, `a` against `b` in percent (req/s, and gateway CPU per request): the median and each round's. */
function compare(a: Sample[], b: Sample[]): string {
  const rps = a.map((s, i) => (100 * (s.rps - b[i]!.rps)) / b[i]!.rps);
  const cpu = a.map((s, i) => (100 * (s.cpuUs - b[i]!.cpuUs)) / b[i]!.cpuUs);
  return (
    `req/s ${percent(median(rps))} (rounds ${rps.map(percent).join(', ')}); ` +
    `gateway CPU per request ${percent(median(cpu))} (rounds ${cpu.map(percent).join(', ')})`
  );
}

/**
 * The partner rows, interleaved: two gateway processes on the same subgraphs run at once, one with cost and
 * throttling on, one with both off; each round runs the three scenarios in turn (the order turning each round),
 * so a change in the machine's load falls on all three alike. Rows are medians over the rounds; the notes give
 * each round's difference, so whether it is outside the noise can be read off.
 */
export async function partnersRows(options: {
  gatewayEnv: Record<string, string>;
  serviceProcess: ServiceProcess;
  seconds: number;
  rounds?: number;
}): Promise<Row[]> {
  const rounds = options.rounds ?? Number(process.env.BENCH_PARTNER_ROUNDS ?? 5);
  const connections = 20;
  const env = {
    ...options.gatewayEnv,
    SERVER_TIMING: 'false',
    THROTTLE_ANONYMOUS_COST_PER_SECOND: UNLIMITED,
    THROTTLE_SHOPPER_COST_PER_SECOND: UNLIMITED,
    THROTTLE_PARTNER_COST_PER_SECOND: UNLIMITED,
  };
  const [on, off] = await Promise.all([
    options.serviceProcess('gateway/src/index.ts', env),
    options.serviceProcess('gateway/src/index.ts', { ...env, THROTTLE: 'false', COST_EXTENSION: 'false' }),
  ]);
  try {
    // Registered once (APQ); from then on the gateway finds it in its LRU.
    await fetch(on.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: QUERY,
        extensions: { persistedQuery: { version: 1, sha256Hash: HASH } },
      }),
    });
    const scenarios = [
      {
        name: 'products(first: 20) as text, extensions.cost and Redis buckets on',
        url: on.url,
        pid: on.pid,
        body: { query: QUERY },
      },
      {
        name: 'products(first: 20) by hash (persisted), cost and buckets on',
        url: on.url,
        pid: on.pid,
        body: { extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } },
      },
      {
        name: 'products(first: 20) as text, cost and throttling off (baseline)',
        url: off.url,
        pid: off.pid,
        body: { query: QUERY },
      },
    ];
    for (const s of scenarios) await prepare(s.name, s.url, s.body, connections);
    const samples: Sample[][] = scenarios.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < scenarios.length; k++) {
        const i = (k + round) % scenarios.length;
        const s = scenarios[i]!;
        samples[i]!.push(await sample(s.url, s.pid, s.body, options.seconds, connections));
        console.log(
          `partners round ${round + 1}/${rounds} / ${s.name}: ${Math.round(samples[i]!.at(-1)!.rps)} req/s`,
        );
      }
    }
    const [text, hash, baseline] = samples as [Sample[], Sample[], Sample[]];
    const cpu = (x: Sample[]) => Math.round(median(x.map((y) => y.cpuUs)));
    const notes = [
      `against the baseline: ${compare(text, baseline)}; ${cpu(text)} µs CPU per request`,
      `against as text: ${compare(hash, text)}; ${cpu(hash)} µs CPU per request`,
      `${cpu(baseline)} µs CPU per request`,
    ];
    return scenarios.map((s, i) => {
      const row: Row = {
        group: 'partners',
        scenario: s.name,
        connections,
        p50: median(samples[i]!.map((x) => x.p50)),
        p99: median(samples[i]!.map((x) => x.p99)),
        rps: Math.round(median(samples[i]!.map((x) => x.rps))),
        errors: samples[i]!.reduce((sum, x) => sum + x.errors, 0),
        ...(notes[i]
          ? { note: `median of ${rounds} interleaved rounds of ${options.seconds} s; ${notes[i]}` }
          : {}),
      };
      console.log(
        `partners / ${s.name}: p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.rps} req/s${row.note ? `; ${row.note}` : ''}`,
      );
      return row;
    });
  } finally {
    await Promise.all([on.close(), off.close()]);
  }
}
