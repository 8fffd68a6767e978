// The sandbox's 3-D Secure step as a shopper's browser meets it: a link on the gateway's public address carrying
// a signed, single-use token, forwarded by the real gateway to the orders service.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sessionTables } from '@shop/auth';
import { ensureTables } from '@shop/datastores';
import { TEST_SECRET, customer, freePort, testDynamo, testLogger, testRedisUrl } from '@shop/testkit';
import { loadConfig } from '../../../gateway/src/config';
import { createGateway, type Gateway } from '../../../gateway/src/gateway';
import { COMPLETE, readyCheckout, startHarness, type Harness } from './harness';

let h: Harness;
let gateway: Gateway;
let publicUrl: string;

beforeAll(async () => {
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  h = await startHarness('orders_sandbox_3ds', { PUBLIC_URL: `${publicUrl}/`, MAX_PENDING_PAYMENTS: '10' });
  const dynamo = testDynamo();
  await ensureTables(dynamo.dynamo.client, sessionTables(dynamo.prefix));
  dynamo.dynamo.client.destroy();
  gateway = await createGateway(
    loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      SUPERGRAPH_PATH: join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'),
      SUBGRAPH_ORDERS_URL: h.url,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE_PREFIX: dynamo.prefix,
      REDIS_URL: testRedisUrl(),
      LOG_LEVEL: 'silent',
    }),
    testLogger,
  );
  await gateway.app.listen(port, '127.0.0.1');
});
afterAll(async () => {
  await gateway?.close();
  await h?.close();
});

async function pendingOrder() {
  const shopper = customer();
  const checkout = await readyCheckout(h, shopper);
  const res = await h.call<{
    checkoutComplete: { order: { id: string; status: string }; nextAction: { redirectUrl: string } };
  }>(shopper, COMPLETE, {
    id: checkout.id,
    pm: 'pm_card_threeDSecure2Required',
    key: randomUUID(),
  });
  return {
    shopper,
    checkout,
    order: res.checkoutComplete.order,
    link: new URL(res.checkoutComplete.nextAction.redirectUrl),
  };
}

const status = async (orderId: string) =>
  (await h.db.db.query<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orderId])).rows[0]!
    .status;

describe('the sandbox 3-D Secure step', () => {
  it('When 3-D Secure is asked for, then the link is on the public address with a token and names no internal host', async () => {
    const { order, link } = await pendingOrder();
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(link.origin).toBe(publicUrl);
    expect(link.pathname).toMatch(/^\/sandbox\/payments\/pi_sandbox_\w+\/authenticate$/);
    expect(link.searchParams.get('token')).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(link.toString()).not.toContain(new URL(h.url).port);
  });

  it('When the shopper follows the link through the gateway, then the order is PAID; the same link a second time does nothing', async () => {
    const { order, link } = await pendingOrder();
    const first = await fetch(link, { method: 'POST' });
    expect(first.status).toBe(200);
    expect(await status(order.id)).toBe('PAID');
    const again = await fetch(link, { method: 'POST' });
    expect(again.status).toBe(404);
    const { rows } = await h.db.db.query<{ status: string }>(
      `SELECT status FROM sandbox_charges WHERE order_id = $1`,
      [order.id],
    );
    expect(rows).toEqual([{ status: 'succeeded' }]);
  });

  it('When the link has no token, a forged one, or the token of another payment, then it is refused and the order stays unpaid', async () => {
    const { order, link } = await pendingOrder();
    const other = await pendingOrder();
    const token = link.searchParams.get('token')!;
    const [nonce, mac] = token.split('.');
    const tries = [
      new URL(link.pathname, publicUrl),
      Object.assign(new URL(link), { search: `?token=${nonce}.${'A'.repeat(mac!.length)}` }),
      Object.assign(new URL(link), { search: `?token=${other.link.searchParams.get('token')}` }),
      Object.assign(new URL(other.link), { search: `?token=${token}` }),
    ];
    for (const url of tries) expect((await fetch(url, { method: 'POST' })).status).toBe(404);
    expect(await status(order.id)).toBe('PENDING_PAYMENT');
    expect(await status(other.order.id)).toBe('PENDING_PAYMENT');
    // The real link still works.
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);
    expect(await status(order.id)).toBe('PAID');
  });
});
