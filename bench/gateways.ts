// The `gateways` bench section: our gateway beside plain @apollo/gateway and Hive Gateway over the same five
// subgraphs, each gateway its own process, the same signed identity header for all; rounds interleaved (every
// gateway runs each scenario in turn, round after round), every answer checked equal to plain Apollo's first.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { freePort } from '@shop/testkit';
import type { Row } from './run';

/** One row of the bench's report (its `Row`). */
interface Peer {
  name: string;
  entry: string;
  env: Record<string, string>;
}

interface Running {
  peer: Peer;
  url: string;
  child: ChildProcess;
}

const LISTING = `{ products(first: 20) { nodes { id title handle priceRange { minVariantPrice { amount currencyCode } }
  variants { id sku quantityAvailable availableForSale } } } }`;
const DETAIL = `query($h: String) { product(handle: $h) { id title description brand tags options { name values }
  images { url } variants { id sku title price { amount currencyCode } quantityAvailable }
  relatedProducts(first: 4) { id title handle priceRange { minVariantPrice { amount currencyCode } } } } }`;
const SEARCH = `query($q: String!) { search(query: $q, first: 20) { totalCount edges { node { id title handle } }
  facets { name values { value count } } } }`;
const TYPENAME = '{ __typename }';
const ONE_SUBGRAPH = `{ products(first: 20) { nodes { id title handle priceRange { minVariantPrice { amount currencyCode } } } } }`;

/** Clock ticks of CPU (user + system) a process has used: fields 14 and 15 of /proc/<pid>/stat. */
export function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Resident memory of a process, in MiB. */
function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

/** Node itself (not a tsx wrapper) runs the entry, so the process measured is the gateway. */
async function start(root: string, peer: Peer): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, peer.entry)], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      ...peer.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${peer.name} exited with ${child.exitCode}: ${stderr}`);
    try {
      const body = (await graphql(url, TYPENAME)) as { data?: unknown };
      if (body.data) break;
    } catch {
      // not listening yet
    }
    if (i === 600) throw new Error(`${peer.name} did not start in 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { peer, url, child };
}

/** SIGTERM, then SIGKILL after 5 s for a gateway that does not stop by itself. */
function stop(running: Running): Promise<void> {
  const { child } = running;
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchGateways(options: {
  root: string;
  /** The environment our gateway runs with (secret, datastores, SUBGRAPH_<NAME>_URL of every subgraph). */
  gatewayEnv: Record<string, string>;
  secret: string;
  seconds: number;
  rounds?: number;
}): Promise<{ rows: Row[]; targets: string[]; note: string }> {
  const { root, gatewayEnv, secret, seconds } = options;
  const rounds = options.rounds ?? 3;
  // One supergraph for all, its subgraph URLs those of this run.

  const supergraph = readFileSync(gatewayEnv.SUPERGRAPH_PATH!, 'utf8').replace(
    /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"[^"]*"\)/g,
    (_, name: string) =>
      `@join__graph(name: "${name}", url: "${gatewayEnv[`SUBGRAPH_${name.toUpperCase()}_URL`]}")`,
  );
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'bench-gateways-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraph);
  // Hive's logger knows no `silent`; errors only, and its output is not kept.
  const peerEnv = { INTERNAL_AUTH_SECRET: secret, SUPERGRAPH_PATH: supergraphPath, LOG_LEVEL: 'error' };
  const peers: Peer[] = [
    {
      name: 'ours',
      entry: 'gateway/src/index.ts',
      env: { ...gatewayEnv, SERVER_TIMING: 'false', SUPERGRAPH_PATH: supergraphPath },
    },
    {
      name: 'ours, sharing off',
      entry: 'gateway/src/index.ts',
      env: {
        ...gatewayEnv,
        SERVER_TIMING: 'false',
        SUPERGRAPH_PATH: supergraphPath,
        DEDUPLICATE_SUBGRAPH_FETCHES: 'false',
      },
    },
    { name: 'plain Apollo', entry: 'bench/peers/apollo-gateway.ts', env: peerEnv },
    { name: 'Hive Gateway', entry: 'bench/peers/hive-gateway.ts', env: peerEnv },
    {
      name: 'Hive Gateway, dedup off',
      entry: 'bench/peers/hive-gateway.ts',
      env: { ...peerEnv, HIVE_DEDUPLICATE: 'false' },
    },
  ];
  const running: Running[] = [];
  try {
    for (const peer of peers) running.push(await start(root, peer));
    const apollo = running.find((r) => r.peer.name === 'plain Apollo')!;
    const listing = (await graphql(apollo.url, ONE_SUBGRAPH)) as {
      data: { products: { nodes: { handle: string }[] } };
    };
    const handle = listing.data.products.nodes[0]!.handle;
    const queries: { name: string; query: string; variables: Record<string, unknown> }[] = [
      { name: 'listing, products(first: 20) with variants’ stock', query: LISTING, variables: {} },
      { name: 'product detail with related', query: DETAIL, variables: { h: handle } },
      { name: 'search with facets', query: SEARCH, variables: { q: 'shirt' } },
      { name: '{ __typename }', query: TYPENAME, variables: {} },
      { name: 'one-subgraph listing', query: ONE_SUBGRAPH, variables: {} },
    ];
    // Every gateway's answer to every query equal to plain Apollo's, before anything is timed.
    for (const q of queries) {
      const expected = (await graphql(apollo.url, q.query, q.variables)) as {
        data?: unknown;
        errors?: unknown;
      };
      if (!expected.data || expected.errors)
        throw new Error(`plain Apollo failed ${q.name}: ${JSON.stringify(expected.errors)}`);
      for (const r of running) {
        const got = await graphql(r.url, q.query, q.variables);
        if (!isDeepStrictEqual(got, expected))
          throw new Error(`${r.peer.name} answers ${q.name} differently from plain Apollo`);
      }
    }
    const body = (q: (typeof queries)[number]) => JSON.stringify({ query: q.query, variables: q.variables });
    const scenarios: { name: string; connections: number; requests: { method: 'POST'; body: string }[] }[] = [
      ...queries.map((q) => ({
        name: q.name,
        connections: 20,
        requests: [{ method: 'POST' as const, body: body(q) }],
      })),
      ...[20, 50].map((connections) => ({
        name: 'storefront mix',
        connections,
        requests: queries.map((q) => ({ method: 'POST' as const, body: body(q) })),
      })),
    ];
    const samples = new Map<
      string,
      { rps: number[]; p50: number[]; p99: number[]; errors: number; requests: number; ticks: number }
    >();
    const keyOf = (s: (typeof scenarios)[number], r: Running) => `${s.name}|${s.connections}|${r.peer.name}`;
    const load = (url: string, s: (typeof scenarios)[number], duration: number) =>
      autocannon({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: s.requests,
        connections: s.connections,
        duration,
        timeout: 30,
        workers: 1,
      });
    for (const r of running) for (const s of scenarios) await load(r.url, s, 1); // warm-up, unrecorded
    for (let round = 0; round < rounds; round++) {
      for (const s of scenarios) {
        // The order of the gateways turns each round, so no gateway always follows the same one.
        const order = running.map((_, i) => running[(i + round) % running.length]!);
        for (const r of order) {
          const before = cpuTicks(r.child.pid!);
          const result = await load(r.url, s, seconds);
          const ticks = cpuTicks(r.child.pid!) - before;
          const k = keyOf(s, r);
          const entry = samples.get(k) ?? { rps: [], p50: [], p99: [], errors: 0, requests: 0, ticks: 0 };
          entry.rps.push(result.requests.average);
          entry.p50.push(result.latency.p50);
          entry.p99.push(result.latency.p99);
          entry.errors += result.errors + result.non2xx + result.timeouts;
          entry.requests += result.requests.total;
          entry.ticks += ticks;
          samples.set(k, entry);
          console.log(
            `gateways / ${s.name} @${s.connections} / ${r.peer.name}: ${Math.round(result.requests.average)} req/s`,
          );
        }
      }
    }
    const rss = new Map(running.map((r) => [r.peer.name, rssMiB(r.child.pid!)]));
    const rows: Row[] = [];
    const rpsOf = (s: (typeof scenarios)[number], name: string) =>
      median(samples.get(`${s.name}|${s.connections}|${name}`)!.rps);
    const ratios: { scenario: string; connections: number; hive: number; apollo: number }[] = [];
    for (const s of scenarios) {
      const hive = rpsOf(s, 'Hive Gateway');
      const apolloRps = rpsOf(s, 'plain Apollo');
      for (const r of running) {
        const e = samples.get(keyOf(s, r))!;
        const rps = median(e.rps);
        // Clock ticks are 10 ms: CPU per request is the whole measured time's CPU over its requests.
        const cpuUs = Math.round((e.ticks * 10_000) / Math.max(1, e.requests));
        rows.push({
          group: 'gateways',
          scenario: `${s.name}: ${r.peer.name}`,
          connections: s.connections,
          p50: median(e.p50),
          p99: median(e.p99),
          rps: Math.round(rps),
          errors: e.errors,
          note: `gateway CPU ${cpuUs} µs/request; RSS ${rss.get(r.peer.name)} MiB; ${(rps / hive).toFixed(2)}× Hive, ${(rps / apolloRps).toFixed(2)}× plain Apollo`,
        });
        if (r.peer.name === 'ours')
          ratios.push({
            scenario: s.name,
            connections: s.connections,
            hive: rps / hive,
            apollo: rps / apolloRps,
          });
      }
    }
    const fmt = (x: number) => `${x.toFixed(2)}×`;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const perQuery = ratios.filter((r) => r.scenario !== 'storefront mix');
    const mix = ratios.filter((r) => r.scenario === 'storefront mix');
    const typename = ratios.find((r) => r.scenario === '{ __typename }')!;
    const rssRatio = rss.get('ours')! / rss.get('plain Apollo')!;
    const targets = [
      `gateways, every query of the mix at 20 connections, ours against Hive Gateway with its defaults (target: at least 1.0× on each): ${perQuery
        .map((r) => `${r.scenario} ${fmt(r.hive)}`)
        .join(', ')}: ${met(perQuery.every((r) => r.hive >= 1))}`,
      `gateways, the storefront mix, ours against Hive Gateway (target: at least 1.0×): ${mix.map((r) => `${r.connections} connections ${fmt(r.hive)}`).join(', ')}: ${met(mix.every((r) => r.hive >= 1))}`,
      `gateways, the storefront mix, ours against plain @apollo/gateway (target: at least 4×): ${mix.map((r) => `${r.connections} connections ${fmt(r.apollo)}`).join(', ')}: ${met(mix.every((r) => r.apollo >= 4))}`,
      `gateways, { __typename } against plain Apollo (target: at least 1.0×): ${fmt(typename.apollo)}: ${met(typename.apollo >= 1)}`,
      `gateways, RSS after the run against plain Apollo's (target: at most 1.2×): ${rss.get('ours')} MiB against ${rss.get('plain Apollo')} MiB, ${fmt(rssRatio)}: ${met(rssRatio <= 1.2)}`,
    ];
    const note = `Each gateway is its own process over the same five subgraphs (in the bench's process) and the same supergraph, each adding the same signed anonymous identity header to every subgraph call: ours (\`gateway/src\`, its response sharing on, then off), plain \`@apollo/gateway\` in \`@apollo/server\`'s standalone server (\`bench/peers/apollo-gateway.ts\`) and Hive Gateway 2.15.1 with its defaults plus a header plugin, then with \`deduplicateInflightRequests: false\` (\`bench/peers/hive-gateway.ts\`). Every answer was checked equal to plain Apollo's before timing. ${rounds} interleaved rounds of ${seconds} s per scenario and gateway, the gateways' order turning each round; req/s, p50 and p99 are the medians over the rounds; gateway CPU per request is the gateway process's user + system time over the requests it served (10 ms clock ticks); RSS is the gateway's after the run. Ratios are each row's req/s over Hive Gateway's (defaults) and plain Apollo's in the same scenario. The machine (2 CPUs) was shared with other work while this ran: figures are noisy.`;
    return { rows, targets, note };
  } finally {
    for (const r of running) await stop(r);
  }
}
