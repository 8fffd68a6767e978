import { MemoryCache, ensureTables, createCache, type Cache, type Dynamo } from '@shop/datastores';
import { testDynamo, testLogger, testRedisUrl } from '@shop/testkit';
import { SessionStore, hashToken, newSessionToken, sessionTables } from '../src';

describe('Session store', () => {
  const { dynamo, prefix } = testDynamo();
  const caches: Cache[] = [];
  const redisCache = (cachePrefix?: string) => {
    const cache = createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: cachePrefix });
    caches.push(cache);
    return cache;
  };
  beforeAll(() => ensureTables(dynamo.client, sessionTables(prefix)));
  afterAll(async () => {
    await Promise.all(caches.map((c) => c.close()));
    dynamo.client.destroy();
  });

  it('When 10,000 tokens are made, then all are distinct and 256 bits long', () => {
    const tokens = new Set(Array.from({ length: 10_000 }, newSessionToken));
    expect(tokens.size).toBe(10_000);
    for (const t of [...tokens].slice(0, 10)) expect(Buffer.from(t, 'base64url')).toHaveLength(32);
  });

  it('When a session is created, then only the hash of its token is stored and the token resolves to the customer', async () => {
    const store = new SessionStore(dynamo, redisCache(), prefix);
    const { token, session } = await store.create({
      customerId: 'cust-1',
      role: 'CUSTOMER',
      rememberMe: false,
      device: 'test',
    });
    expect(session.id).toBe(hashToken(token));
    expect(JSON.stringify(session)).not.toContain(token);
    expect(await store.resolve(token)).toEqual({
      kind: 'customer',
      customerId: 'cust-1',
      role: 'CUSTOMER',
      sessionId: session.id,
    });
  });

  it('When the idle timeout passes without activity, then the token no longer resolves', async () => {
    let now = Date.now();
    const store = new SessionStore(dynamo, new MemoryCache(), prefix, undefined, () => now);
    const { token } = await store.create({
      customerId: 'cust-2',
      role: 'CUSTOMER',
      rememberMe: false,
      device: null,
    });
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
    const { token } = await store.create({
      customerId: 'cust-3',
      role: 'CUSTOMER',
      rememberMe: true,
      device: null,
    });
    now += 86400_000;
    expect(await store.resolve(token)).not.toBeNull();
    now += 86400_000 + 1000;
    expect(await store.resolve(token)).toBeNull();
  });

  it('When a session is revoked through one store, then another store sharing Redis refuses it at once', async () => {
    const a = new SessionStore(dynamo, redisCache('x:'), prefix);
    const b = new SessionStore(dynamo, redisCache('x:'), prefix);
    const { token, session } = await a.create({
      customerId: 'cust-4',
      role: 'CUSTOMER',
      rememberMe: false,
      device: null,
    });
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

/** Opens once `open()` is called; `reached` resolves when the first caller arrives at it. */
function gate() {
  let open!: () => void;
  let arrived!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const reached = new Promise<void>((r) => (arrived = r));
  return { open, reached, pass: () => (arrived(), opened) };
}

type Step = 'cache read' | 'session read' | 'idle slide' | 'cache write';

/**
 * A store whose DynamoDB client and Redis cache stop once at `step` until the gate opens: another store
 * revokes the session there, so every interleaving of a resolve with a revocation can be played.
 */
function pausingStore(
  step: Step,
  g: ReturnType<typeof gate>,
  dynamo: Dynamo,
  cache: Cache,
  prefix: string,
  now: () => number,
) {
  let paused = false;
  const once = async () => {
    if (paused) return;
    paused = true;
    await g.pass();
  };
  const doc = new Proxy(dynamo.doc, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver) as unknown;
      return async (command: { constructor: { name: string } }) => {
        const result = await (target.send as (c: unknown) => Promise<unknown>)(command);
        const afterLoad = step === 'session read' || step === 'idle slide';
        if (afterLoad && command.constructor.name === 'GetCommand') await once();
        return result;
      };
    },
  });
  const wrapped: Cache = {
    get: async <T>(key: string) => {
      const value = await cache.get<T>(key);
      if (step === 'cache read' && key.startsWith('session:')) await once();
      return value;
    },
    set: async (key, value, ttl) => {
      if (step === 'cache write' && key.startsWith('session:')) await once();
      return cache.set(key, value, ttl);
    },
    setUnless: async (key, value, ttl, guard) => {
      if (step === 'cache write' && key.startsWith('session:')) await once();
      return cache.setUnless(key, value, ttl, guard);
    },
    del: (...keys) => cache.del(...keys),
    close: () => cache.close(),
  };
  return new SessionStore({ ...dynamo, doc } as Dynamo, wrapped, prefix, undefined, now);
}

describe('Revocation against a resolve in flight', () => {
  const { dynamo, prefix } = testDynamo();
  const keyPrefix = `test:${newSessionToken().slice(0, 10)}:`;
  const caches: Cache[] = [];
  const sharedCache = () => {
    const cache = createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: keyPrefix });
    caches.push(cache);
    return cache;
  };
  beforeAll(() => ensureTables(dynamo.client, sessionTables(prefix)));
  afterAll(async () => {
    await Promise.all(caches.map((c) => c.close()));
    dynamo.client.destroy();
  });

  it.each<Step>(['cache read', 'session read', 'idle slide', 'cache write'])(
    'When a session is revoked while another store resolves it (paused at its %s), then the token is refused from then on',
    async (step) => {
      // Past the first minute, a resolve slides the idle expiry: the "idle slide" step writes DynamoDB.
      let now = Date.now();
      const clock = () => now;
      const users = new SessionStore(dynamo, sharedCache(), prefix, undefined, clock);
      const { token, session } = await users.create({
        customerId: `cust-${step}`,
        role: 'CUSTOMER',
        rememberMe: false,
        device: null,
      });
      if (step === 'idle slide') now += 2 * 60_000;
      const g = gate();
      const gateway = pausingStore(step, g, dynamo, sharedCache(), prefix, clock);
      const inFlight = gateway.resolve(token);
      await g.reached;
      await users.revoke(session.id);
      g.open();
      await inFlight;
      // Every later request, through either store, is refused; nothing revived the cache entry.
      const fresh = new SessionStore(dynamo, sharedCache(), prefix, undefined, clock);
      expect(await gateway.resolve(token)).toBeNull();
      expect(await fresh.resolve(token)).toBeNull();
      expect(await sharedCache().get(`session:${session.id}`)).toBeUndefined();
    },
  );
});
