import { SessionStore } from '@shop/auth';
import { createCache } from '@shop/datastores';
import { createSubgraph, IDENTITY_HEADER } from '@shop/common';
import { gql as post, TEST_SECRET, testLogger, testRedisUrl } from '@shop/testkit';
import gqlTag from 'graphql-tag';
import { startProbe, type Probe } from './probe';

describe('Gateway', () => {
  let probe: Probe;
  let url: string;
  let probeUrl: string;
  let sessions: SessionStore;
  const cache = createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: 'shop:' });

  beforeAll(async () => {
    probe = await startProbe();
    url = probe.gatewayUrl;
    probeUrl = probe.subgraphUrl;
    sessions = new SessionStore(probe.dynamo.dynamo, cache, probe.dynamo.prefix);
  });

  afterAll(async () => {
    await probe?.close();
    await cache.close();
  });

  it('When an anonymous shopper calls, then the subgraph receives a signed anonymous identity', async () => {
    const { body } = await post<{ whoami: string }>(url, '{ whoami }');
    expect(JSON.parse(body.data!.whoami)).toEqual({
      principal: { kind: 'anonymous' },
      clientIp: '127.0.0.1',
    });
  });

  it('When a shopper sends a live session token, then the subgraph receives that customer', async () => {
    const { token } = await sessions.create({
      customerId: 'c-1',
      role: 'CUSTOMER',
      rememberMe: false,
      device: 'jest',
    });
    const { body } = await post<{ whoami: string }>(
      url,
      '{ whoami }',
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(JSON.parse(body.data!.whoami).principal).toMatchObject({
      kind: 'customer',
      customerId: 'c-1',
      role: 'CUSTOMER',
    });
  });

  it('When a session is revoked, then its token is refused on the very next request', async () => {
    const { token, session } = await sessions.create({
      customerId: 'c-2',
      role: 'CUSTOMER',
      rememberMe: false,
      device: null,
    });
    expect((await post(url, '{ whoami }', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    await sessions.revoke(session.id);
    const { status, body } = await post(url, '{ whoami }', {}, { authorization: `Bearer ${token}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('When a client forges the identity header, then the gateway replaces it with its own', async () => {
    const { body } = await post<{ whoami: string }>(
      url,
      '{ whoami }',
      {},
      { 'x-shop-identity': 'forged.value' },
    );
    expect(JSON.parse(body.data!.whoami).principal).toEqual({ kind: 'anonymous' });
  });

  it('When the identity the gateway signed for one subgraph is replayed to another, then that subgraph refuses it', async () => {
    const { token } = await sessions.create({
      customerId: 'c-replay',
      role: 'ADMIN',
      rememberMe: false,
      device: null,
    });
    const before = probe.receivedIdentities.length;
    expect((await post(url, '{ whoami }', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    const captured = probe.receivedIdentities[before]!;
    const users = await createSubgraph({
      name: 'users',
      typeDefs: gqlTag`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        "Who is calling."
        type Query {
          "The principal, as JSON."
          me: String
        }
      `,
      resolvers: {
        Query: {
          me: (_: unknown, __: unknown, ctx: { principal: unknown }) => JSON.stringify(ctx.principal),
        },
      },
      secret: TEST_SECRET,
      logger: testLogger,
      buildContext: (base) => base,
    });
    try {
      const usersUrl = `http://127.0.0.1:${await users.app.listen(0)}/graphql`;
      const replay = (target: string) =>
        fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: captured },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      // The admin's identity was signed for the probe: the probe takes it, the users subgraph does not.
      const accepted = await replay(probeUrl);
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ data: { __typename: 'Query' } });
      const refused = await replay(usersUrl);
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toContain('c-replay');
    } finally {
      await users.close();
    }
  });

  it('When a request reaches a subgraph without the gateway signature, then it is refused with 401', async () => {
    const res = await fetch(probeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ whoami }' }),
    });
    expect(res.status).toBe(401);
    await res.arrayBuffer();
  });

  it('When a resolver fails unexpectedly, then the client sees a generic error with no SQL or host name', async () => {
    const { body } = await post(url, '{ boom }');
    const text = JSON.stringify(body);
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(/secret_table|db-internal|127\.0\.0\.1|stack|at Object/);
  });

  it('When a subgraph hangs, then the call is cut at the timeout and the error names no address', async () => {
    const started = Date.now();
    const { body } = await post(url, '{ slow }');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain(probeUrl.replace('/graphql', ''));
  });

  it('When a query nests deeper than the limit, then it is rejected before reaching a subgraph', async () => {
    const { body } = await post(url, '{ node { child { child { child { child { child { name } } } } } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('When a query asks for more than MAX_QUERY_COST through variables, then it is refused before the subgraph runs anything', async () => {
    const query =
      'query($n: Int) { items(first: $n) { children(first: $n) { children(first: $n) { name } } } }';
    const before = probe.listsResolved();
    const { status, body } = await post(url, query, { n: 100 });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(probe.listsResolved()).toBe(before);

    // A variable that does not coerce cannot be costed: it is refused as bad input, and nothing runs either.
    const uncoerced = await post(url, query, { n: 'very many' });
    expect(uncoerced.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(probe.listsResolved()).toBe(before);

    const small = await post<{ items: { children: unknown[] }[] }>(url, query, { n: 3 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data!.items).toHaveLength(3);
    expect(probe.listsResolved()).toBeGreaterThan(before);
  });

  it('When one document is sent again with other variables, then its cost is reckoned on those, not on the first', async () => {
    const query = 'query CostPerVariables($n: Int) { items(first: $n) { children(first: $n) { name } } }';
    const first = await post(url, query, { n: 2 });
    expect(first.body.errors).toBeUndefined();
    const large = await post(url, query, { n: 1000 });
    expect(large.status).toBe(400);
    expect(large.body.errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT_EXCEEDED']);
    // Still refused when asked again (the cost kept for these variables), and the small one still served.
    expect((await post(url, query, { n: 1000 })).status).toBe(400);
    const again = await post<{ items: unknown[] }>(url, query, { n: 2 });
    expect(again.body.data!.items).toHaveLength(2);
  });

  it('When the query is malformed, then the answer is a parse error, not a 500', async () => {
    const { status, body } = await post(url, '{ whoami ');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('When the operation name matches no operation, then the client is told so, not given an internal error', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { whoami }', operationName: 'B' }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(body.errors[0]!.message).toContain('Unknown operation named "B"');
  });

  it('When a query has more tokens than the limit, then it is refused as a client error', async () => {
    const { status, body } = await post(url, `{ ${Array.from({ length: 6000 }, () => 'whoami').join(' ')} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/token/i);
  });

  it('When a browser opens /graphql, then the explorer page and its assets are served locally', async () => {
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).toContain('<meta charset="utf-8"');
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'start.js']) {
      const res = await fetch(new URL(`/explorer/${asset}`, url));
      expect(res.status).toBe(200);
      // Read to the end: a body left unread holds its connection open after the server has gone.
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('When the explorer page or an asset is served, then a strict Content-Security-Policy and X-Frame-Options: DENY come with it', async () => {
    for (const target of [url, new URL('/explorer/graphiql.js', url).toString()]) {
      const res = await fetch(target, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives['default-src']).toEqual(["'none'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['style-src']).toEqual(["'self'"]);
      expect(directives['connect-src']).toEqual(["'self'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
    // Nothing inline for the policy to have to allow.
    const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
    expect(html).not.toMatch(/<style|<script>|\sstyle=|\son\w+=/);
  });

  it('When a path holds malformed percent-encoding, then it is not found, not a server error', async () => {
    const res = await fetch(new URL('/explorer/%E0%A4%A', url));
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });

  it('When /health and /ready are asked, then both answer and ready reports subgraphs by name only', async () => {
    const health = await fetch(new URL('/health', url));
    expect(health.status).toBe(200);
    await health.arrayBuffer();
    const ready = await fetch(new URL('/ready', url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: { probe: 'ok' } });
  });
});

describe('Gateway Server-Timing', () => {
  let timed: Probe;
  let plain: Probe;

  beforeAll(async () => {
    [timed, plain] = await Promise.all([startProbe({ SERVER_TIMING: 'true' }), startProbe()]);
  });

  afterAll(async () => {
    await Promise.all([timed?.close(), plain?.close()]);
  });

  const ask = (url: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ whoami }' }),
    });

  it('When SERVER_TIMING is on, then each answer says how long resolving the caller took; by default it says nothing', async () => {
    const on = await ask(timed.gatewayUrl);
    expect(on.status).toBe(200);
    expect(on.headers.get('server-timing')).toMatch(/^identity;dur=\d+\.\d{3}$/);
    const off = await ask(plain.gatewayUrl);
    expect(off.status).toBe(200);
    expect(off.headers.get('server-timing')).toBeNull();
    await Promise.all([on.arrayBuffer(), off.arrayBuffer()]);
  });
});

describe('The explorer in production', () => {
  const explorerServed = async (gatewayUrl: string) => {
    const page = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
    const text = await page.text();
    const asset = await fetch(new URL('/explorer/graphiql.js', gatewayUrl));
    return { page: text.includes('Shop GraphQL explorer'), asset: asset.status };
  };

  it('When the gateway runs in production, then the explorer page and its assets are not served unless EXPLORER=true', async () => {
    const production = await startProbe({ NODE_ENV: 'production' });
    try {
      expect(await explorerServed(production.gatewayUrl)).toEqual({ page: false, asset: 404 });
      // GraphQL itself still answers.
      const { body } = await post<{ whoami: string }>(production.gatewayUrl, '{ whoami }');
      expect(body.data?.whoami).toContain('anonymous');
    } finally {
      await production.close();
    }
    const asked = await startProbe({ NODE_ENV: 'production', EXPLORER: 'true' });
    try {
      expect(await explorerServed(asked.gatewayUrl)).toEqual({ page: true, asset: 200 });
    } finally {
      await asked.close();
    }
  });
});
