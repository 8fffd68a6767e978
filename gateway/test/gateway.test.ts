import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { SessionStore, sessionTables } from '@shop/auth';
import { createSubgraph, type Subgraph } from '@shop/common';
import { createCache, ensureTables } from '@shop/datastores';
import { gql as post, TEST_SECRET, testDynamo, testLogger, testRedisUrl } from '@shop/testkit';
import gqlTag from 'graphql-tag';
import { loadConfig } from '../src/config';
import { createGateway, type Gateway } from '../src/gateway';

const typeDefs = gqlTag`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    whoami: String!
    boom: String
    slow: String
    node: Node
  }
  type Node {
    name: String
    child: Node
  }
`;

describe('Gateway', () => {
  let probe: Subgraph;
  let gateway: Gateway;
  let url: string;
  let probeUrl: string;
  let sessions: SessionStore;

  beforeAll(async () => {
    probe = await createSubgraph({
      name: 'probe',
      typeDefs,
      secret: TEST_SECRET,
      logger: testLogger,
      buildContext: (base) => base,
      resolvers: {
        Query: {
          whoami: (_: unknown, __: unknown, ctx: { principal: unknown; clientIp: string | null }) =>
            JSON.stringify({ principal: ctx.principal, clientIp: ctx.clientIp }),
          boom: () => {
            throw new Error('relation "secret_table" does not exist (host db-internal.example:5432)');
          },
          slow: () => new Promise((r) => setTimeout(() => r('late'), 3000)),
          node: () => ({ name: 'n' }),
        },
        Node: { child: () => ({ name: 'c' }) },
      },
    });
    const port = await probe.app.listen(0);
    probeUrl = `http://127.0.0.1:${port}/graphql`;
    const composed = composeServices([{ name: 'probe', url: probeUrl, typeDefs }]);
    if (composed.errors) throw composed.errors[0];
    const dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
    writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);

    const { dynamo, endpoint, prefix } = testDynamo();
    await ensureTables(dynamo.client, sessionTables(prefix));
    sessions = new SessionStore(dynamo, createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: 'shop:' }), prefix);
    gateway = await createGateway(
      loadConfig({
        INTERNAL_AUTH_SECRET: TEST_SECRET,
        SUPERGRAPH_PATH: join(dir, 'supergraph.graphql'),
        SUBGRAPH_TIMEOUT_MS: '500',
        DYNAMODB_ENDPOINT: endpoint,
        DYNAMODB_TABLE_PREFIX: prefix,
        REDIS_URL: testRedisUrl(),
        MAX_QUERY_DEPTH: '5',
      }),
      testLogger,
    );
    url = `http://127.0.0.1:${await gateway.app.listen(0)}/graphql`;
  });

  afterAll(async () => {
    await gateway?.close();
    await probe?.close();
  });

  it('When an anonymous shopper calls, then the subgraph receives a signed anonymous identity', async () => {
    const { body } = await post<{ whoami: string }>(url, '{ whoami }');
    expect(JSON.parse(body.data!.whoami)).toEqual({ principal: { kind: 'anonymous' }, clientIp: '127.0.0.1' });
  });

  it('When a shopper sends a live session token, then the subgraph receives that customer', async () => {
    const { token } = await sessions.create({ customerId: 'c-1', role: 'CUSTOMER', rememberMe: false, device: 'jest' });
    const { body } = await post<{ whoami: string }>(url, '{ whoami }', {}, { authorization: `Bearer ${token}` });
    expect(JSON.parse(body.data!.whoami).principal).toMatchObject({ kind: 'customer', customerId: 'c-1', role: 'CUSTOMER' });
  });

  it('When a session is revoked, then its token is refused on the very next request', async () => {
    const { token, session } = await sessions.create({ customerId: 'c-2', role: 'CUSTOMER', rememberMe: false, device: null });
    expect((await post(url, '{ whoami }', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    await sessions.revoke(session.id);
    const { status, body } = await post(url, '{ whoami }', {}, { authorization: `Bearer ${token}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('When a client forges the identity header, then the gateway replaces it with its own', async () => {
    const { body } = await post<{ whoami: string }>(url, '{ whoami }', {}, { 'x-shop-identity': 'forged.value' });
    expect(JSON.parse(body.data!.whoami).principal).toEqual({ kind: 'anonymous' });
  });

  it('When a request reaches a subgraph without the gateway signature, then it is refused with 401', async () => {
    const res = await fetch(probeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ whoami }' }),
    });
    expect(res.status).toBe(401);
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

  it('When the query is malformed, then the answer is a parse error, not a 500', async () => {
    const { status, body } = await post(url, '{ whoami ');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
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
    }
  });

  it('When /health and /ready are asked, then both answer and ready reports subgraphs by name only', async () => {
    expect((await fetch(new URL('/health', url))).status).toBe(200);
    const ready = await fetch(new URL('/ready', url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', subgraphs: { probe: 'ok' } });
  });
});
