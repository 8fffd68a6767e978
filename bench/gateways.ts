// The `gateways` bench section: our gateway beside plain @apollo/gateway and Hive Gateway over the same five
// subgraphs, each gateway its own process, the same signed identity header for all; rounds interleaved (every
// gateway runs each scenario in turn, round after round), every answer checked equal to plain Apollo's first.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { IDENTITY_HEADER, signIdentity } from '@shop/common';
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
  /** Absent for the catalog subgraph called directly: it runs in the bench's own process. */
  child?: ChildProcess;
  headers?: Record<string, string>;
}

/** The catalog subgraph itself, beside the gateways on the one-subgraph reads: what a gateway adds. */
const DIRECT = 'catalog subgraph, direct';

const LISTING = `{ products(first: 20) { nodes { id title handle priceRange { minVariantPrice { amount currencyCode } }
  variants { id sku quantityAvailable availableForSale } } } }`;
const DETAIL = `query($h: String) { product(handle: $h) { id title description brand tags options { name values }
  images { url } variants { id sku title price { amount currencyCode } quantityAvailable }
  relatedProducts(first: 4) { id title handle priceRange { minVariantPrice { amount currencyCode } } } } }`;
const SEARCH = `query($q: String!) { search(query: $q, first: 20) { totalCount edges { node { id title handle } }
  facets { name values { value count } } } }`;
const TYPENAME = '{ __typename }';
const ONE_SUBGRAPH = `{ products(first: 20) { nodes { id title handle priceRange { minVariantPrice { amount currencyCode } } } } }`;
/** A public product read the catalog answers from Redis (its product cache): the gateway's cost laid bare. */
const PRODUCT_READ = `query($h: String) { product(handle: $h) { id title handle priceRange { minVariantPrice { amount currencyCode } } } }`;

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
  headers: Record<string, string> = {},
): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
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
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
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
  // Ours without its response cache does the work Hive does; with it, what a shop gets (entries of this run alone).
  const ours = {
    ...gatewayEnv,
    SERVER_TIMING: 'false',
    SUPERGRAPH_PATH: supergraphPath,
    RESPONSE_CACHE: 'false',
    // The peers throttle nothing: under the bench's load one address's bucket would answer most requests 429.
    THROTTLE: 'false',
  };
  const peers: Peer[] = [
    { name: 'ours', entry: 'gateway/src/index.ts', env: ours },
    {
      name: 'ours, response cache on',
      entry: 'gateway/src/index.ts',
      env: { ...ours, RESPONSE_CACHE: 'true', SHARED_CACHE_PREFIX: `bench:${process.pid}:${Date.now()}:` },
    },
    {
      name: 'ours, sharing off',
      entry: 'gateway/src/index.ts',
      env: { ...ours, DEDUPLICATE_SUBGRAPH_FETCHES: 'false' },
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
    // Signed for the whole run (the gateways sign each call afresh).
    const identity = { principal: { kind: 'anonymous' as const }, requestId: 'bench', clientIp: null };
    running.push({
      peer: { name: DIRECT, entry: '', env: {} },
      url: gatewayEnv.SUBGRAPH_CATALOG_URL!,
      headers: { [IDENTITY_HEADER]: signIdentity({ ...identity, audience: 'catalog' }, secret, 24 * 3600) },
    });
    const apollo = running.find((r) => r.peer.name === 'plain Apollo')!;
    const listing = (await graphql(apollo.url, ONE_SUBGRAPH)) as {
      data: { products: { nodes: { handle: string }[] } };
    };
    const handle = listing.data.products.nodes[0]!.handle;
    const queries: { name: string; query: string; variables: Record<string, unknown>; direct?: boolean }[] = [
      { name: 'listing, products(first: 20) with variants’ stock', query: LISTING, variables: {} },
      { name: 'product detail with related', query: DETAIL, variables: { h: handle } },
      { name: 'search with facets', query: SEARCH, variables: { q: 'shirt' } },
      { name: '{ __typename }', query: TYPENAME, variables: {} },
      { name: 'one-subgraph listing', query: ONE_SUBGRAPH, variables: {}, direct: true },
    ];
    const productRead = {
      name: 'public product read, cached at the catalog',
      query: PRODUCT_READ,
      variables: { h: handle },
      direct: true,
    };
    // Every gateway's answer to every query equal to plain Apollo's, before anything is timed.
    for (const q of [...queries, productRead]) {
      const expected = (await graphql(apollo.url, q.query, q.variables)) as {
        data?: unknown;
        errors?: unknown;
      };
      if (!expected.data || expected.errors)
        throw new Error(`plain Apollo failed ${q.name}: ${JSON.stringify(expected.errors)}`);
      for (const r of running) {
        if (r.peer.name === DIRECT && !q.direct) continue;
        // Our answers carry `extensions.cost` (what the request was charged) besides the same data.
        const { extensions, ...got } = (await graphql(r.url, q.query, q.variables, r.headers)) as {
          extensions?: { cost?: unknown };
        };
        if (extensions && !r.peer.name.startsWith('ours')) Object.assign(got, { extensions });
        if (!isDeepStrictEqual(got, expected))
          throw new Error(`${r.peer.name} answers ${q.name} differently from plain Apollo`);
      }
    }
    const body = (q: (typeof queries)[number]) => JSON.stringify({ query: q.query, variables: q.variables });
    const scenarios: {
      name: string;
      connections: number;
      requests: { method: 'POST'; body: string }[];
      direct?: boolean;
    }[] = [
      ...[...queries, productRead].map((q) => ({
        name: q.name,
        connections: 20,
        requests: [{ method: 'POST' as const, body: body(q) }],
        direct: q.direct,
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
    const runs = (s: (typeof scenarios)[number], r: Running) => r.peer.name !== DIRECT || s.direct;
    const ticksOf = (r: Running) => (r.child ? cpuTicks(r.child.pid!) : 0);
    const load = (r: Running, s: (typeof scenarios)[number], duration: number) =>
      autocannon({
        url: r.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...r.headers },
        requests: s.requests,
        connections: s.connections,
        duration,
        timeout: 30,
        workers: 1,
      });
    // warm-up, unrecorded
    for (const r of running) for (const s of scenarios) if (runs(s, r)) await load(r, s, 1);
    for (let round = 0; round < rounds; round++) {
      for (const s of scenarios) {
        // The order of the gateways turns each round, so no gateway always follows the same one.
        const order = running.map((_, i) => running[(i + round) % running.length]!);
        for (const r of order) {
          if (!runs(s, r)) continue;
          const before = ticksOf(r);
          const result = await load(r, s, seconds);
          const ticks = ticksOf(r) - before;
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
    const rss = new Map(running.map((r) => [r.peer.name, r.child ? rssMiB(r.child.pid!) : 0]));
    const rows: Row[] = [];
    const rpsOf = (s: (typeof scenarios)[number], name: string) =>
      median(samples.get(`${s.name}|${s.connections}|${name}`)!.rps);
    const ratios: { scenario: string; connections: number; hive: number; apollo: number }[] = [];
    for (const s of scenarios) {
      const hive = rpsOf(s, 'Hive Gateway');
      const apolloRps = rpsOf(s, 'plain Apollo');
      for (const r of running) {
        if (!runs(s, r)) continue;
        const e = samples.get(keyOf(s, r))!;
        const rps = median(e.rps);
        // Clock ticks are 10 ms: CPU per request is the whole measured time's CPU over its requests.
        const cpuUs = Math.round((e.ticks * 10_000) / Math.max(1, e.requests));
        const gatewayNote = r.child
          ? `gateway CPU ${cpuUs} µs/request; RSS ${rss.get(r.peer.name)} MiB`
          : 'no gateway: the subgraph in the bench process';
        rows.push({
          group: 'gateways',
          scenario: `${s.name}: ${r.peer.name}`,
          connections: s.connections,
          p50: median(e.p50),
          p99: median(e.p99),
          rps: Math.round(rps),
          errors: e.errors,
          note: `${gatewayNote}; ${(rps / hive).toFixed(2)}× Hive, ${(rps / apolloRps).toFixed(2)}× plain Apollo`,
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
    const perQuery = ratios.filter((r) => r.scenario !== 'storefront mix' && r.scenario !== productRead.name);
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
      ...cacheAndOverheadTargets(),
      `gateways, RSS after the run against plain Apollo's (target: at most 1.2×): ${rss.get('ours')} MiB against ${rss.get('plain Apollo')} MiB, ${fmt(rssRatio)}: ${met(rssRatio <= 1.2)}`,
    ];
    function cacheAndOverheadTargets(): string[] {
      const [read, listing] = [
        scenarios.find((x) => x.name === productRead.name)!,
        scenarios.find((x) => x.name === 'one-subgraph listing')!,
      ];
      const p50Of = (x: (typeof scenarios)[number], name: string) =>
        median(samples.get(`${x.name}|${x.connections}|${name}`)!.p50);
      const cached = rpsOf(read, 'ours, response cache on') / rpsOf(read, 'ours');
      const overhead = (x: (typeof scenarios)[number], least: number) => {
        const ratio = rpsOf(x, 'ours') / rpsOf(x, DIRECT);
        const added = p50Of(x, 'ours') - p50Of(x, DIRECT);
        return `${x.name}: ${fmt(ratio)} of the subgraph's req/s (target: at least ${least}×: ${met(ratio >= least)}), ${added.toFixed(2)} ms added at p50 at 20 connections (target: under 1 ms: ${met(added < 1)})`;
      };
      const mixOn = scenarios
        .filter((x) => x.name === 'storefront mix')
        .map(
          (x) =>
            `${x.connections} connections ${fmt(rpsOf(x, 'ours, response cache on') / rpsOf(x, 'Hive Gateway'))} Hive, ${fmt(rpsOf(x, 'ours, response cache on') / rpsOf(x, 'plain Apollo'))} plain Apollo`,
        );
      return [
        `gateways, a public product read through ours, response cache on against off (target: at least 10×): ${fmt(cached)}: ${met(cached >= 10)}`,
        `gateways, ours (response cache off) against the catalog subgraph called directly: ${overhead(read, 0.3)}; ${overhead(listing, 0.8)}`,
        `gateways, the storefront mix with our response cache on (what a shop gets; no target): ${mixOn.join('; ')}`,
      ];
    }
    const note = `Each gateway is its own process over the same five subgraphs (in the bench's process) and the same supergraph, each adding the same signed anonymous identity header to every subgraph call: ours (\`gateway/src\`: its response cache off, which is the work Hive does and the row every target but the cache's uses; then its response cache on, in Redis; then its in-flight sharing off too), plain \`@apollo/gateway\` in \`@apollo/server\`'s standalone server (\`bench/peers/apollo-gateway.ts\`) and Hive Gateway 2.15.1 with its defaults plus a header plugin, then with \`deduplicateInflightRequests: false\` (\`bench/peers/hive-gateway.ts\`). The catalog subgraph called directly (with a signed anonymous header, in the bench's own process, so no CPU or RSS of its own) runs the two one-subgraph reads. Every answer was checked equal to plain Apollo's before timing (ours besides its \`extensions.cost\`). Ours runs with \`THROTTLE=false\`, as the peers throttle nothing. ${rounds} interleaved rounds of ${seconds} s per scenario and gateway, the gateways' order turning each round; req/s, p50 and p99 are the medians over the rounds; gateway CPU per request is the gateway process's user + system time over the requests it served (10 ms clock ticks); RSS is the gateway's after the run. Ratios are each row's req/s over Hive Gateway's (defaults) and plain Apollo's in the same scenario. The machine (2 CPUs) was shared with other work while this ran: figures are noisy.`;
    return { rows, targets, note };
  } finally {
    for (const r of running) await stop(r);
  }
}
