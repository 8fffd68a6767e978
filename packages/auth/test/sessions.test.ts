import { MemoryCache, ensureTables, createCache } from '@shop/datastores';
import { testDynamo, testLogger, testRedisUrl } from '@shop/testkit';
import { SessionStore, hashToken, newSessionToken, sessionTables } from '../src';

describe('Session store', () => {
  const { dynamo, prefix } = testDynamo();
  beforeAll(() => ensureTables(dynamo.client, sessionTables(prefix)));

  it('When 10,000 tokens are made, then all are distinct and 256 bits long', () => {
    const tokens = new Set(Array.from({ length: 10_000 }, newSessionToken));
    expect(tokens.size).toBe(10_000);
    for (const t of [...tokens].slice(0, 10)) expect(Buffer.from(t, 'base64url')).toHaveLength(32);
  });

  it('When a session is created, then only the hash of its token is stored and the token resolves to the customer', async () => {
    const store = new SessionStore(dynamo, createCache({ redisUrl: testRedisUrl(), logger: testLogger }), prefix);
    const { token, session } = await store.create({ customerId: 'cust-1', role: 'CUSTOMER', rememberMe: false, device: 'test' });
    expect(session.id).toBe(hashToken(token));
    expect(JSON.stringify(session)).not.toContain(token);
    expect(await store.resolve(token)).toEqual({ kind: 'customer', customerId: 'cust-1', role: 'CUSTOMER', sessionId: session.id });
  });

  it('When the idle timeout passes without activity, then the token no longer resolves', async () => {
    let now = Date.now();
    const store = new SessionStore(dynamo, new MemoryCache(), prefix, undefined, () => now);
    const { token } = await store.create({ customerId: 'cust-2', role: 'CUSTOMER', rememberMe: false, device: null });
    now += 29 * 60_000;
    expect(await store.resolve(token)).not.toBeNull();
    // Activity slid the idle expiry: 29 more minutes are still inside it.
    now += 29 * 60_000;
    expect(await store.resolve(token)).not.toBeNull();
    now += 31 * 60_000;
    expect(await store.resolve(token)).toBeNull();
  });

  it('When a remembered session reaches its absolute lifetime, then it ends however active it was', async () => {
    let now = Date.now();
    const store = new SessionStore(
      dynamo,
      new MemoryCache(),
      prefix,
      { idleSeconds: 1800, rememberIdleSeconds: 30 * 86400, absoluteSeconds: 2 * 86400, cacheSeconds: 60 },
      () => now,
    );
    const { token } = await store.create({ customerId: 'cust-3', role: 'CUSTOMER', rememberMe: true, device: null });
    now += 86400_000;
    expect(await store.resolve(token)).not.toBeNull();
    now += 86400_000 + 1000;
    expect(await store.resolve(token)).toBeNull();
  });

  it('When a session is revoked through one store, then another store sharing Redis refuses it at once', async () => {
    const a = new SessionStore(dynamo, createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: 'x:' }), prefix);
    const b = new SessionStore(dynamo, createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: 'x:' }), prefix);
    const { token, session } = await a.create({ customerId: 'cust-4', role: 'CUSTOMER', rememberMe: false, device: null });
    await new Promise((r) => setTimeout(r, 200));
    expect(await b.resolve(token)).not.toBeNull();
    await a.revoke(session.id);
    expect(await b.resolve(token)).toBeNull();
  });

  it('When a malformed or unknown token is presented, then it resolves to nobody', async () => {
    const store = new SessionStore(dynamo, new MemoryCache(), prefix);
    expect(await store.resolve("' OR 1=1 --")).toBeNull();
    expect(await store.resolve(newSessionToken())).toBeNull();
  });
});
