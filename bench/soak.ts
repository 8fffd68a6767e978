// The soak: the storefront mix through the gateway at 50 connections for 60 s, with tracing (OTLP to a local
// sink) and metrics on, watching the shop process's memory from the end of a warm-up (RSS, and the heap still
// reachable after a full collection, which a leak grows and heap sizing does not); then the cost of tracing and
// metrics, the same mix on a shop with both on against one with both off, in shorter runs interleaved.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Row } from './run';

const ROOT = join(__dirname, '..');
const CONNECTIONS = 50;

/** What a shopper browsing the storefront sends: listings, a product page, search, categories. */
const STOREFRONT = [
  'query Listing { products(first: 12) { nodes { id title handle variants { id price { amount currencyCode } quantityAvailable } } } }',
  'query Categories { categories { handle name } }',
  'query Search { search(query: "shirt", first: 10) { nodes { id title } } }',
  'query ProductPage($h: String) { product(handle: $h) { id title description variants { id title price { amount } quantityAvailable } } }',
];

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Accepts OTLP exports and drops them: tracing does its whole work (batching, encoding, sending) but nothing is kept. */
async function otlpSink(): Promise<{ url: string; exports: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface SoakShop {
  url: string;
  pid: number;
  child: ChildProcess;
  /** The shop's heap in use after a full collection, in bytes. */
  liveHeap: () => Promise<number>;
  stop: () => Promise<void>;
}

async function startShop(env: Record<string, string>): Promise<SoakShop> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'bench', 'soak-shop.ts')], {
    cwd: ROOT,
    env: {
      TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      TEST_REDIS_URL: 'redis://127.0.0.1:6379',
      ...process.env,
      ...env,
      // For the shop's own full collection before it reports its live heap (SIGUSR2, see soak-shop.ts).
      NODE_OPTIONS: '--expose-gc',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The shop's own pid (tsx runs it in a child process of its own), for its memory.
  const lines: ((line: string) => void)[] = [];
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (let end = out.indexOf('\n'); end >= 0; end = out.indexOf('\n')) {
      const line = out.slice(0, end);
      out = out.slice(end + 1);
      if (line.startsWith('{')) lines.shift()?.(line);
    }
  });
  const nextLine = () => new Promise<string>((resolve) => lines.push(resolve));
  const { url, pid } = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the soak shop exited (${code}) before it was ready`)));
    void nextLine().then((line) => {
      const ready = JSON.parse(line) as { gatewayUrl: string; pid: number };
      resolve({ url: ready.gatewayUrl, pid: ready.pid });
    });
  });
  return {
    url,
    pid,
    child,
    liveHeap: async () => {
      const line = nextLine();
      process.kill(pid, 'SIGUSR2');
      return (JSON.parse(await line) as { memory: NodeJS.MemoryUsage }).memory.heapUsed;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // To the shop itself, which stops DynamoDB Local and its stores before it exits.
        process.kill(pid, 'SIGTERM');
      }),
  };
}

async function handleOf(url: string): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ products(first: 1) { nodes { handle } } }' }),
  });
  const body = (await res.json()) as { data?: { products: { nodes: { handle: string }[] } } };
  const handle = body.data?.products.nodes[0]?.handle;
  if (!handle) throw new Error(`the shop has no product: ${JSON.stringify(body)}`);
  return handle;
}

async function load(url: string, seconds: number, handle: string): Promise<autocannon.Result> {
  let i = 0;
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const query = STOREFRONT[i++ % STOREFRONT.length]!;
          return {
            ...req,
            body: JSON.stringify({ query, variables: query.includes('$h') ? { h: handle } : {} }),
          };
        },
      },
    ],
  });
}

/** The non-2xx answers by status ("503 ×3"), so a failing row says what failed. */
function statuses(result: autocannon.Result): string {
  const stats = (result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const codes = Object.entries(stats).filter(([code]) => !code.startsWith('2'));
  const parts = codes.map(([code, { count }]) => `${code} ×${count}`);
  if (result.timeouts) parts.push(`timeouts ×${result.timeouts}`);
  return parts.join(', ');
}

function row(scenario: string, result: autocannon.Result, note?: string): Row {
  return {
    group: 'Soak (storefront mix through the gateway)',
    scenario,
    connections: CONNECTIONS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.non2xx + result.errors + result.timeouts,
    note: [note, statuses(result)].filter(Boolean).join('; '),
  };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** The soak's rows, and a line for each target (non-2xx 0, RSS growth < 10 %, telemetry cost < 5 %). */
export async function soakRows(
  seconds = Number(process.env.SOAK_SECONDS ?? 60),
): Promise<{ rows: Row[]; targets: string[] }> {
  const sink = await otlpSink();
  const rows: Row[] = [];
  const targets: string[] = [];
  // Both shops at once, so the cost comparison below loads two shops of the same age.
  const on = await startShop({ OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_SERVICE_NAME: 'shop' });
  let off: SoakShop | undefined;
  try {
    off = await startShop({ SOAK_METRICS: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: '' });
    const handle = await handleOf(on.url);
    // Warm-up: JIT, pools, caches and the heap growing to its working size. What an operator compares is the
    // memory after it, so the soak's "start" is taken here.
    const warmup = Number(process.env.SOAK_WARMUP_SECONDS ?? 20);
    await load(on.url, warmup, handle);
    const rssStart = rssBytes(on.pid);
    const heapStart = await on.liveHeap();
    const benchStart = process.memoryUsage.rss();
    const soak = await load(on.url, seconds, handle);
    const rssEnd = rssBytes(on.pid);
    const heapEnd = await on.liveHeap();
    const benchEnd = process.memoryUsage.rss();
    const growth = (rssEnd - rssStart) / rssStart;
    const heapGrowth = (heapEnd - heapStart) / heapStart;
    rows.push(
      row(
        `${seconds} s soak, tracing and metrics on`,
        soak,
        `shop RSS ${mib(rssStart)} → ${mib(rssEnd)}, live heap ${mib(heapStart)} → ${mib(heapEnd)}; load generator ${mib(benchStart)} → ${mib(benchEnd)}; ${sink.exports()} OTLP exports`,
      ),
    );
    targets.push(`Soak non-2xx (target 0): ${soak.non2xx + soak.errors + soak.timeouts}`);
    targets.push(
      `Soak shop RSS growth after a ${warmup} s warm-up (target < 10 %): ${(growth * 100).toFixed(1)} % (${mib(rssStart)} → ${mib(rssEnd)})`,
    );
    targets.push(
      `Soak shop live heap after a full collection (a leak grows it): ${(heapGrowth * 100).toFixed(1)} % (${mib(heapStart)} → ${mib(heapEnd)})`,
    );

    // The cost: the same mix on the shop with tracing and metrics off against the one with both on, interleaved
    // over rounds, each round in the other order (off then on, then on then off), so neither shop always runs
    // second on a machine whose load drifts.
    await load(off.url, warmup, handle);
    const rounds = 4;
    const part = Math.max(5, Math.round(seconds / 6));
    let onRps = 0;
    let offRps = 0;
    let onResult: autocannon.Result | undefined;
    let offResult: autocannon.Result | undefined;
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const which of order) {
        if (which === 'off') {
          offResult = await load(off.url, part, handle);
          offRps += offResult.requests.average;
        } else {
          onResult = await load(on.url, part, handle);
          onRps += onResult.requests.average;
        }
      }
    }
    const cost = (offRps - onRps) / offRps;
    rows.push(
      row(
        `tracing and metrics off (${rounds} × ${part} s, last round)`,
        offResult!,
        `mean ${(offRps / rounds).toFixed(0)} req/s`,
      ),
    );
    rows.push(
      row(
        `tracing and metrics on (${rounds} × ${part} s, last round)`,
        onResult!,
        `mean ${(onRps / rounds).toFixed(0)} req/s`,
      ),
    );
    targets.push(`Cost of tracing and metrics on throughput (target < 5 %): ${(cost * 100).toFixed(1)} %`);
    targets.push(
      `Load average (1, 5, 15 min) at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ')}`,
    );
  } finally {
    await on.stop();
    await off?.stop();
    await sink.close();
  }
  return { rows, targets };
}

if (require.main === module) {
  soakRows().then(
    ({ rows, targets }) => {
      console.table(rows);
      for (const t of targets) console.log(t);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
