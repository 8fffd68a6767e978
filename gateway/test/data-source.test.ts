import { SessionStore } from '@shop/auth';
import { createCache } from '@shop/datastores';
import { gql as post, testLogger, testRedisUrl } from '@shop/testkit';
import { sharedFetches, sharingScope, SignedDataSource, type Fetcher } from '../src/data-source';
import { startProbe, type Probe } from './probe';

describe('In-flight sharing of subgraph reads', () => {
  let probe: Probe;
  let sessions: SessionStore;
  const cache = createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: 'shop:' });

  beforeAll(async () => {
    // The probe's answer takes a second; the subgraph timeout leaves room for it on a busy machine.
    probe = await startProbe({ SUBGRAPH_TIMEOUT_MS: '10000' });
    sessions = new SessionStore(probe.dynamo.dynamo, cache, probe.dynamo.prefix);
  });

  afterAll(async () => {
    await probe?.close();
    await cache.close();
  });

  it('When two shoppers ask the same question at once, then each gets their own answer and the subgraph sees each of them', async () => {
    const a = await sessions.create({
      customerId: 'c-share-a',
      role: 'CUSTOMER',
      rememberMe: false,
      device: null,
    });
    const b = await sessions.create({
      customerId: 'c-share-b',
      role: 'CUSTOMER',
      rememberMe: false,
      device: null,
    });
    const before = probe.receivedIdentities.length;
    const ask = (token: string) =>
      post<{ whoamiLater: string }>(
        probe.gatewayUrl,
        '{ whoamiLater }',
        {},
        { authorization: `Bearer ${token}` },
      );
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(i % 2 ? b.token : a.token)));
    answers.forEach(({ status, body }, i) => {
      expect(status).toBe(200);
      expect(JSON.parse(body.data!.whoamiLater).principal.customerId).toBe(i % 2 ? 'c-share-b' : 'c-share-a');
    });
    // Each shopper's five identical reads share one fetch, never the other shopper's.
    expect(probe.receivedIdentities.length - before).toBe(2);
  });

  it('When 20 anonymous callers ask the same listing at once, then the subgraph is called once and all 20 get the answer', async () => {
    const before = probe.receivedIdentities.length;
    const listing = '{ whoamiLater items(first: 20) { name } }';
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post<{ whoamiLater: string; items: unknown[] }>(probe.gatewayUrl, listing),
      ),
    );
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.data!.items).toHaveLength(20);
      expect(JSON.parse(body.data!.whoamiLater).principal).toEqual({ kind: 'anonymous' });
    }
    expect(probe.receivedIdentities.length - before).toBe(1);
  });

  it('When the same anonymous reads differ in their variables, then they are not shared', async () => {
    const before = probe.receivedIdentities.length;
    const query = 'query($n: Int) { whoamiLater items(first: $n) { name } }';
    const answers = await Promise.all(
      [1, 2, 3].map((n) => post<{ items: unknown[] }>(probe.gatewayUrl, query, { n })),
    );
    expect(answers.map(({ body }) => body.data!.items.length)).toEqual([1, 2, 3]);
    expect(probe.receivedIdentities.length - before).toBe(3);
  });
});

describe('sharedFetches', () => {
  const fake = () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fetcher = (async (url: string, init: { headers: Record<string, string> }) => {
      calls.push({ url, headers: init.headers });
      await new Promise((r) => setTimeout(r, 20));
      return new Response(JSON.stringify({ data: { n: calls.length } }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as Fetcher;
    return {
      calls,
      fetcher: sharedFetches(fetcher) as unknown as (url: string, init: object) => Promise<Response>,
    };
  };
  const init = (scope: string | undefined, body = '{"query":"{ a }"}') => ({
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(scope === undefined ? {} : { 'x-gateway-sharing-scope': scope }),
    },
    body,
  });

  it('When identical reads of one scope overlap, then one fetch serves them, each with its own body, and the scope header never leaves', async () => {
    const { calls, fetcher } = fake();
    const responses = await Promise.all(
      [1, 2, 3].map(() => fetcher('http://sub/graphql', init('anonymous'))),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers).not.toHaveProperty('x-gateway-sharing-scope');
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies).toEqual([{ data: { n: 1 } }, { data: { n: 1 } }, { data: { n: 1 } }]);
    expect(bodies[0]).not.toBe(bodies[1]);
  });

  it('When reads differ in scope, body or URL, or carry no scope, then each goes alone', async () => {
    const { calls, fetcher } = fake();
    await Promise.all([
      fetcher('http://sub/graphql', init('customer:a:s1:CUSTOMER')),
      fetcher('http://sub/graphql', init('customer:b:s2:CUSTOMER')),
      fetcher('http://sub/graphql', init('anonymous', '{"query":"{ b }"}')),
      fetcher('http://other/graphql', init('anonymous', '{"query":"{ b }"}')),
      fetcher('http://sub/graphql', init(undefined)),
      fetcher('http://sub/graphql', init(undefined)),
    ]);
    expect(calls).toHaveLength(6);
  });

  it('When a read has finished, then the next identical read fetches again', async () => {
    const { calls, fetcher } = fake();
    await fetcher('http://sub/graphql', init('anonymous'));
    await fetcher('http://sub/graphql', init('anonymous'));
    expect(calls).toHaveLength(2);
  });
});

describe('sharingScope and the data source', () => {
  it('When principals differ, then their scopes differ; partners differ by key, shoppers by session', () => {
    const scopes = [
      sharingScope({ kind: 'anonymous' }),
      sharingScope({ kind: 'customer', customerId: 'c1', role: 'CUSTOMER', sessionId: 's1' }),
      sharingScope({ kind: 'customer', customerId: 'c1', role: 'CUSTOMER', sessionId: 's2' }),
      sharingScope({ kind: 'customer', customerId: 'c2', role: 'CUSTOMER', sessionId: 's1' }),
      sharingScope({ kind: 'partner', partnerId: 'p1', scopes: ['read'] }, 'key-1'),
      sharingScope({ kind: 'partner', partnerId: 'p1', scopes: ['read'] }, 'key-2'),
      sharingScope({ kind: 'service', service: 'orders' }),
    ];
    expect(new Set(scopes).size).toBe(scopes.length);
  });

  it('When the subgraph request is a mutation, then it carries no sharing scope; a query does', () => {
    const source = new SignedDataSource('probe', 'secret'.repeat(8), {
      url: 'http://sub/graphql',
      fetcher: fetch as unknown as Fetcher,
    });
    const scoped = (query: string) => {
      const headers = new Map<string, string>();
      const request = { query, http: { method: 'POST' as const, url: 'http://sub/graphql', headers } };
      const context = {
        identity: { principal: { kind: 'anonymous' as const }, requestId: 'r', clientIp: null },
        sharingScope: 'anonymous',
      };
      source.willSendRequest({ request, context } as never);
      return headers.get('x-gateway-sharing-scope');
    };
    expect(scoped('mutation { a }')).toBeUndefined();
    expect(scoped('query Q__probe__0 { a }')).toBe('anonymous');
    expect(scoped('{ a }')).toBe('anonymous');
  });
});
