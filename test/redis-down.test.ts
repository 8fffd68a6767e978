// A whole shop on a private Redis that the test really stops: what Postgres and DynamoDB hold is still served.
import { gql, privateRedis, type PrivateServer } from '@shop/testkit';
import { startTestShop } from './real-shop';
import type { RunningShop } from '../scripts/start';

describe('Redis down', () => {
  let redis: PrivateServer;
  let shop: RunningShop;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    ({ shop, stop } = await startTestShop('redis_down', { env: { REDIS_URL: redis.url } }));
  });

  afterAll(async () => {
    await stop?.();
    await redis?.destroy();
  });

  it('When Redis stops, then the catalogue, sign-in (the throttle fails open) and the signed-in shopper are still served', async () => {
    const listing = '{ products(first: 2) { nodes { title variants { id quantityAvailable } } } }';
    const before = await gql<{ products: { nodes: { title: string }[] } }>(shop.gatewayUrl, listing);
    expect(before.body.errors).toBeUndefined();

    await redis.stop();

    const after = await gql<{ products: { nodes: { title: string }[] } }>(shop.gatewayUrl, listing);
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.products.nodes.map((n) => n.title)).toEqual(
      before.body.data!.products.nodes.map((n) => n.title),
    );

    const login = await gql<{
      customerLogin: { accessToken: string | null; userErrors: { code: string }[] };
    }>(
      shop.gatewayUrl,
      'mutation($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken userErrors { code } } }',
      { input: { email: 'admin@shop.local', password: 'demo-admin-passphrase-2026' } },
    );
    expect(login.body.errors).toBeUndefined();
    const token = login.body.data!.customerLogin.accessToken;
    expect(token).toEqual(expect.any(String));
    const me = await gql<{ me: { email: string } }>(
      shop.gatewayUrl,
      '{ me { email } }',
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(me.status).toBe(200);
    expect(me.body.data!.me.email).toBe('admin@shop.local');
  });
});
