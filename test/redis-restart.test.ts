// A whole shop on a private Redis restarted empty (a failover or a restart without persistence) between an order
// and its shipment: the consumers of every service recreate their groups, the shipment reaches orders and its
// email is sent, and the order's events, published again from the outbox, are applied once.
import { Pool } from 'pg';
import { orderPaid } from '@shop/contracts';
import { gql, privateRedis, waitFor, type PrivateServer } from '@shop/testkit';
import { startTestShop } from './real-shop';
import { checkoutOnce, newSignedInShopper } from './checkout-flow';
import type { RunningShop } from '../scripts/start';

describe('Redis restarted empty under the whole shop', () => {
  let redis: PrivateServer;
  let shop: RunningShop;
  let stop: () => Promise<void>;
  let orders: Pool;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    let databaseUrls: Record<string, string>;
    ({ shop, stop, databaseUrls } = await startTestShop('redis_restart', { env: { REDIS_URL: redis.url } }));
    orders = new Pool({ connectionString: databaseUrls.orders, max: 2 });
  });

  afterAll(async () => {
    await orders?.end();
    await stop?.();
    await redis?.destroy();
  });

  const emails = async (orderId: string, kind: string) =>
    (
      await orders.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM notifications_sent WHERE order_id = $1 AND kind = $2',
        [orderId, kind],
      )
    ).rows[0]!.n;

  it('When Redis restarts empty between an order and its shipment, then the shipment fulfils the order and its email arrives, and the order confirmation is still sent once', async () => {
    const url = shop.gatewayUrl;
    const { email, headers } = await newSignedInShopper(url, 'restart');
    const orderId = await checkoutOnce(url, headers, email);
    await waitFor(
      async () => (await emails(orderId, 'order_confirmation')) === 1,
      30_000,
      'the order confirmation',
    );

    const paidAt = async () =>
      (
        await orders.query<{ at: Date | null }>(
          `SELECT published_at AS at FROM outbox_events WHERE topic = $1 AND payload->>'orderId' = $2`,
          [orderPaid.topic, orderId],
        )
      ).rows[0]?.at?.getTime();
    await waitFor(async () => (await paidAt()) !== undefined, 30_000, 'the order event to be relayed');
    const firstPublished = (await paidAt())!;

    await redis.stop();
    await redis.start();

    const login = await gql<{ customerLogin: { accessToken: string | null } }>(
      url,
      'mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken } }',
      { i: { email: 'admin@shop.local', password: 'demo-admin-passphrase-2026' } },
    );
    const admin = { authorization: `Bearer ${login.body.data!.customerLogin.accessToken!}` };
    const order = await gql<{ order: { lines: { id: string; quantity: number }[] } }>(
      url,
      'query($id: ID!) { order(id: $id) { lines { id quantity } } }',
      { id: orderId },
      headers,
    );
    expect(order.body.errors).toBeUndefined();
    const lines = order.body.data!.order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity }));
    const shipped = await gql<{
      fulfillmentCreate: { shipment: { id: string } | null; userErrors: unknown[] };
    }>(
      url,
      `mutation($o: ID!, $l: [FulfillmentLineInput!]!) { fulfillmentCreate(orderId: $o, lines: $l, carrier: UPS, service: "GROUND") {
         shipment { id } userErrors { code message } } }`,
      { o: orderId, l: lines },
      admin,
    );
    expect(shipped.body.errors).toBeUndefined();
    expect(shipped.body.data!.fulfillmentCreate.userErrors).toEqual([]);
    expect(shipped.body.data!.fulfillmentCreate.shipment!.id).toEqual(expect.any(String));

    // shipment.created goes through the new stream to orders: the order is fulfilled and the email sent.
    await waitFor(async () => (await emails(orderId, 'order_shipped')) === 1, 30_000, 'the shipping email');
    const status = async () =>
      (
        await gql<{ order: { status: string } }>(
          url,
          'query($id: ID!) { order(id: $id) { status } }',
          { id: orderId },
          headers,
        )
      ).body.data?.order.status;
    await waitFor(async () => (await status()) === 'FULFILLED', 30_000, 'the order to be fulfilled');

    // The outbox published the order's events again into the empty stream; each consumer applies them once.
    await waitFor(
      async () => ((await paidAt()) ?? 0) > firstPublished,
      30_000,
      'the order event to be published again',
    );
    await waitFor(
      async () =>
        (await orders.query('SELECT 1 FROM outbox_events WHERE published_at IS NULL LIMIT 1')).rows.length ===
        0,
      30_000,
      'the outbox to drain',
    );
    expect(await emails(orderId, 'order_confirmation')).toBe(1);
    expect(await emails(orderId, 'order_shipped')).toBe(1);
  });
});
