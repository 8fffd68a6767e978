// The soak: the storefront mix through the gateway at 50 connections for 60 s, with tracing (OTLP to a local
// sink) and metrics on, watching the shop process's memory; then the cost of tracing and metrics, the same mix
// on a shop with both on against one with both off, in shorter runs interleaved.
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

async function startShop(
  env: Record<string, string>,
): Promise<{ url: string; pid: number; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'bench', 'soak-shop.ts')], {
    cwd: ROOT,
    env: {
      TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      TEST_REDIS_URL: 'redis://127.0.0.1:6379',
      ...process.env,
      ...env,
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The shop's own pid (tsx runs it in a child process of its own), for its memory.
  const { url, pid } = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith('{"gatewayUrl"'));
      if (line) {
        const ready = JSON.parse(line) as { gatewayUrl: string; pid: number };
        resolve({ url: ready.gatewayUrl, pid: ready.pid });
      }
    });
    child.once('exit', (code) => reject(new Error(`the soak shop exited (${code}) before it was ready`)));
  });
  return {
    url,
    pid,
    child,
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
  const on = await startShop({ OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_SERVICE_NAME: 'shop' });
  let off: Awaited<ReturnType<typeof startShop>> | undefined;
  try {
    const handle = await handleOf(on.url);
    await load(on.url, 5, handle); // warm: JIT, pools, caches
    const rssStart = rssBytes(on.pid);
    const benchStart = process.memoryUsage.rss();
    const soak = await load(on.url, seconds, handle);
    const rssEnd = rssBytes(on.pid);
    const benchEnd = process.memoryUsage.rss();
    const growth = (rssEnd - rssStart) / rssStart;
    rows.push(
      row(
        `${seconds} s soak, tracing and metrics on`,
        soak,
        `shop RSS ${mib(rssStart)} → ${mib(rssEnd)}; load generator ${mib(benchStart)} → ${mib(benchEnd)}; ${sink.exports()} OTLP exports`,
      ),
    );
    targets.push(`Soak non-2xx (target 0): ${soak.non2xx + soak.errors + soak.timeouts}`);
    targets.push(
      `Soak shop RSS growth (target < 10 %): ${(growth * 100).toFixed(1)} % (${mib(rssStart)} → ${mib(rssEnd)})`,
    );

    // The cost: the same mix on a shop with tracing and metrics off, interleaved with the traced one, 3 rounds.
    off = await startShop({ SOAK_METRICS: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: '' });
    await load(off.url, 5, handle);
    const rounds = 3;
    const part = Math.max(5, Math.round(seconds / 6));
    let onRps = 0;
    let offRps = 0;
    let onResult: autocannon.Result | undefined;
    let offResult: autocannon.Result | undefined;
    for (let r = 0; r < rounds; r++) {
      offResult = await load(off.url, part, handle);
      onResult = await load(on.url, part, handle);
      offRps += offResult.requests.average;
      onRps += onResult.requests.average;
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
