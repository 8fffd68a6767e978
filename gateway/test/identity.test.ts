import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { apiKeyHash, forgetApiKey, SessionStore } from '@shop/auth';
import { HttpError, ServiceCallError, type ServiceClient } from '@shop/common';
import { createCache, MemoryCache } from '@shop/datastores';
import { testDynamo, testLogger, testRedisUrl } from '@shop/testkit';
import { IdentityResolver } from '../src/identity';

describe('Partner key revocation against a resolve in flight', () => {
  const cache = createCache({
    redisUrl: testRedisUrl(),
    logger: testLogger,
    prefix: `test:${randomBytes(5).toString('hex')}:`,
  });
  const { dynamo, prefix } = testDynamo();
  afterAll(async () => {
    await cache.close();
    dynamo.client.destroy();
  });

  it('When a key is revoked after the users service vouched for it but before the gateway cached it, then the key is refused from then on', async () => {
    const key = `shk_${randomBytes(32).toString('base64url')}`;
    let revokedInDatabase = false;
    let answered!: () => void;
    const answering = new Promise<void>((r) => (answered = r));
    let proceed!: () => void;
    const proceeding = new Promise<void>((r) => (proceed = r));
    // The users service: it read the key while it was live, and its answer arrives after the revocation.
    const users: ServiceClient = {
      post: async <T>() => {
        if (revokedInDatabase) throw new ServiceCallError(404, { error: 'NOT_FOUND' }, 'not found');
        answered();
        await proceeding;
        return { partnerId: 'key-1', scopes: ['orders:read'] } as T;
      },
      get: () => Promise.reject(new Error('unused')),
    };
    const resolver = new IdentityResolver(new SessionStore(dynamo, new MemoryCache(), prefix), users, cache);
    const req = { headers: { 'x-api-key': key } } as unknown as IncomingMessage;

    const inFlight = resolver.resolve(req).then(
      () => 'accepted',
      (error: unknown) => (error instanceof HttpError ? error.status : error),
    );
    await answering;
    revokedInDatabase = true;
    await forgetApiKey(cache, apiKeyHash(key));
    proceed();
    expect(await inFlight).toBe(401);
    await expect(resolver.resolve(req)).rejects.toMatchObject({ status: 401 });
    expect(await cache.get(`apikey:${apiKeyHash(key)}`)).toBeUndefined();
  });
});
