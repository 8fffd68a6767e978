import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TEST_SECRET,
  admin,
  createTestDatabase,
  customer,
  gql,
  identityHeaders,
  type TestDatabase,
} from '@shop/testkit';
import type { Principal } from '@shop/common';
import { startFakeStripe } from './fake-stripe';
import { startFakeCart, startFakeShipping, type FakeCart, type FakeShipping } from './fakes';
import { COMPLETE, chargeCount, readyCheckout, startHarness } from './harness';

const ROOT = join(__dirname, '..', '..', '..');

let db: TestDatabase;
let cart: FakeCart;
let shipping: FakeShipping;
let child: ChildProcess | undefined;

beforeAll(async () => {
  db = await createTestDatabase('orders_crash');
  cart = await startFakeCart();
  shipping = await startFakeShipping();
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await cart?.app.close();
  await shipping?.app.close();
  await db?.drop();
});

function startChild(
  env: Record<string, string>,
): Promise<{ port: number; exited: Promise<NodeJS.Signals | null> }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'crash-child.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const exited = new Promise<NodeJS.Signals | null>((r) => proc.once('exit', (_code, signal) => r(signal)));
    let out = '';
    let err = '';
    proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), exited });
    });
    proc.once('exit', () => reject(new Error(`child exited before listening: ${err.slice(-2000)}`)));
  });
}

/** The child's environment on the sandbox payment provider and this suite's database and fakes. */
function sandboxChildEnv(): Record<string, string> {
  return {
    INTERNAL_AUTH_SECRET: TEST_SECRET,
    DATABASE_URL: db.url,
    CART_URL: cart.url,
    SHIPPING_URL: shipping.url,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    RECONCILE_INTERVAL_MS: '0',
    CHECKOUT_LEASE_SECONDS: '1',
    DATA_DIR: join(tmpdir(), `orders-crash-${randomUUID()}`),
  };
}

/** Sends a completion to a child that dies on it: the connection is lost and the child ends by SIGKILL. */
async function completeInDyingChild(
  env: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
  shopper: Principal,
): Promise<void> {
  const { port, exited } = await startChild(env);
  const attempt = await gql(
    `http://127.0.0.1:${port}/graphql`,
    query,
    variables,
    identityHeaders(shopper, 'orders'),
  ).then(
    () => 'answered',
    () => 'connection lost',
  );
  expect(attempt).toBe('connection lost');
  expect(await exited).toBe('SIGKILL');
}

describe('a process killed between the charge and the commit', () => {
  it('When the process dies by SIGKILL after charging, then after restart there is exactly one PAID order and one charge', async () => {
    const shopper = customer();
    // The first life: a service prepares the checkout, then stops.
    const before = await startHarness('unused', { CHECKOUT_LEASE_SECONDS: '1' }, { db, cart, shipping });
    const checkout = await readyCheckout(before, shopper);
    await before.close();

    const key = randomUUID();
    await completeInDyingChild(
      sandboxChildEnv(),
      COMPLETE,
      { id: checkout.id, pm: 'pm_card_visa', key },
      shopper,
    );

    const { rows: pending } = await db.db.query<{ id: string; status: string }>(
      `SELECT id, status FROM orders WHERE checkout_id = $1`,
      [checkout.id],
    );
    expect(pending).toEqual([{ id: expect.any(String), status: 'PENDING_PAYMENT' }]);
    expect(await chargeCount({ db })).toBe(1);

    // The restart: the reconciler finds the charge the dead process made and settles the order.
    const after = await startHarness('unused', { CHECKOUT_LEASE_SECONDS: '1' }, { db, cart, shipping });
    try {
      await new Promise((r) => setTimeout(r, 1100));
      expect(await after.service.reconcile()).toBe(1);
      const { rows } = await db.db.query<{ status: string }>(
        `SELECT status FROM orders WHERE checkout_id = $1`,
        [checkout.id],
      );
      expect(rows).toEqual([{ status: 'PAID' }]);
      // The shopper's retry with the same key gets that order; still one charge, one order.paid event.
      const retry = await after.call<{ checkoutComplete: { order: { id: string; status: string } } }>(
        shopper,
        COMPLETE,
        { id: checkout.id, pm: 'pm_card_visa', key },
      );
      expect(retry.checkoutComplete.order).toEqual(
        expect.objectContaining({ id: pending[0]!.id, status: 'PAID' }),
      );
      expect(await chargeCount({ db })).toBe(1);
      const { rows: events } = await db.db.query(
        `SELECT id FROM outbox_events WHERE topic = 'order.paid' AND payload->>'orderId' = $1`,
        [pending[0]!.id],
      );
      expect(events).toHaveLength(1);
      expect(cart.reservations.get(pending[0]!.id)?.status).toBe('COMMITTED');
    } finally {
      await after.close();
    }
  });
});

describe('a process killed between the gift-card debit and the order commit', () => {
  it('When the process dies by SIGKILL after debiting the gift card and charging the rest, then after restart there is one debit, one charge and one PAID order', async () => {
    const shopper = customer();
    const before = await startHarness('unused', { CHECKOUT_LEASE_SECONDS: '1' }, { db, cart, shipping });
    const checkout = await readyCheckout(before, shopper);
    const issued = await before.call<{ giftCardCreate: { giftCard: { id: string }; code: string } }>(
      admin(),
      `mutation { giftCardCreate(input: { initialValue: { amount: "20.00", currencyCode: USD } }) { giftCard { id } code } }`,
    );
    const card = issued.giftCardCreate.giftCard.id;
    await before.call(
      shopper,
      `mutation($id: ID!, $code: String!) { checkoutGiftCardApply(checkoutId: $id, code: $code) { userErrors { code } } }`,
      {
        id: checkout.id,
        code: issued.giftCardCreate.code,
      },
    );
    await before.close();
    const charges = await chargeCount({ db });

    const key = randomUUID();
    await completeInDyingChild(
      sandboxChildEnv(),
      COMPLETE,
      { id: checkout.id, pm: 'pm_card_visa', key },
      shopper,
    );
    const debits = async () =>
      (
        await db.db.query<{ amount_minor: string }>(
          `SELECT amount_minor FROM gift_card_transactions WHERE gift_card_id = $1`,
          [card],
        )
      ).rows.map((r) => Number(r.amount_minor));
    expect(await debits()).toEqual([-2000]);

    const after = await startHarness('unused', { CHECKOUT_LEASE_SECONDS: '1' }, { db, cart, shipping });
    try {
      await new Promise((r) => setTimeout(r, 1100));
      expect(await after.service.reconcile()).toBe(1);
      const { rows } = await db.db.query(
        `SELECT status, gift_card_minor::int, captured_minor::int FROM orders WHERE checkout_id = $1`,
        [checkout.id],
      );
      expect(rows).toEqual([{ status: 'PAID', gift_card_minor: 2000, captured_minor: 2988 }]);
      const retry = await after.call<{ checkoutComplete: { order: { status: string } } }>(shopper, COMPLETE, {
        id: checkout.id,
        pm: 'pm_card_visa',
        key,
      });
      expect(retry.checkoutComplete.order.status).toBe('PAID');
      expect(await debits()).toEqual([-2000]);
      expect(await chargeCount({ db })).toBe(charges + 1);
      const { rows: balance } = await db.db.query(`SELECT balance_minor::int FROM gift_cards WHERE id = $1`, [
        card,
      ]);
      expect(balance).toEqual([{ balance_minor: 0 }]);
    } finally {
      await after.close();
    }
  });
});

describe('a process killed between the debit of gift cards that pay the whole order and its commit', () => {
  it('When the process dies by SIGKILL after the debit and the stock commit, then after restart there is one debit, no charge and one PAID order', async () => {
    const shopper = customer();
    const before = await startHarness('unused', { CHECKOUT_LEASE_SECONDS: '1' }, { db, cart, shipping });
    const checkout = await readyCheckout(before, shopper);
    const total = Math.round(Number(checkout.total.amount) * 100);
    // Two cards, together worth more than the order: the first is emptied, the second pays the rest.
    const cards: { id: string; code: string }[] = [];
    for (const amount of ['30.00', '50.00']) {
      const issued = await before.call<{ giftCardCreate: { giftCard: { id: string }; code: string } }>(
        admin(),
        `mutation($amount: Decimal!) { giftCardCreate(input: { initialValue: { amount: $amount, currencyCode: USD } }) { giftCard { id } code } }`,
        { amount },
      );
      cards.push({ id: issued.giftCardCreate.giftCard.id, code: issued.giftCardCreate.code });
      await before.call(
        shopper,
        `mutation($id: ID!, $code: String!) { checkoutGiftCardApply(checkoutId: $id, code: $code) { userErrors { code } } }`,
        { id: checkout.id, code: issued.giftCardCreate.code },
      );
    }
    await before.close();
    expect(Math.min(total - 3000, 8000 - total)).toBeGreaterThan(0); // the second card is needed and enough
    const charges = await chargeCount({ db });
    const GIFT_ONLY = `mutation($id: ID!, $key: String!) { checkoutComplete(checkoutId: $id, idempotencyKey: $key) {
      order { id status } userErrors { code field message } } }`;
    const key = randomUUID();
    await completeInDyingChild(
      { ...sandboxChildEnv(), CRASH_AT: 'stock-commit' },
      GIFT_ONLY,
      { id: checkout.id, key },
      shopper,
    );
    const ledger = async () =>
      (
        await db.db.query<{ gift_card_id: string; amount_minor: string }>(
          `SELECT gift_card_id, amount_minor FROM gift_card_transactions WHERE gift_card_id = ANY($1::uuid[])
            ORDER BY amount_minor`,
          [cards.map((c) => c.id)],
        )
      ).rows.map((r) => [r.gift_card_id, Number(r.amount_minor)]);
    const debited = [
      [cards[0]!.id, -3000],
      [cards[1]!.id, -(total - 3000)],
    ].sort((a, b) => (a[1] as number) - (b[1] as number));
    expect(await ledger()).toEqual(debited);
    const { rows: pending } = await db.db.query<{ id: string; status: string }>(
      `SELECT id, status FROM orders WHERE checkout_id = $1`,
      [checkout.id],
    );
    expect(pending).toEqual([{ id: expect.any(String), status: 'PENDING_PAYMENT' }]);
    expect(cart.reservations.get(pending[0]!.id)?.status).toBe('COMMITTED');

    const after = await startHarness('unused', { CHECKOUT_LEASE_SECONDS: '1' }, { db, cart, shipping });
    try {
      await new Promise((r) => setTimeout(r, 1100));
      expect(await after.service.reconcile()).toBe(1);
      const { rows } = await db.db.query(
        `SELECT status, gift_card_minor::int, captured_minor::int FROM orders WHERE checkout_id = $1`,
        [checkout.id],
      );
      expect(rows).toEqual([{ status: 'PAID', gift_card_minor: total, captured_minor: 0 }]);
      // The shopper's retry with the same key gets that one order; nothing is debited or charged again.
      const retry = await after.call<{ checkoutComplete: { order: { id: string; status: string } } }>(
        shopper,
        GIFT_ONLY,
        { id: checkout.id, key },
      );
      expect(retry.checkoutComplete.order).toEqual({ id: pending[0]!.id, status: 'PAID' });
      expect(await ledger()).toEqual(debited);
      expect(await chargeCount({ db })).toBe(charges);
      const { rows: orders } = await db.db.query(`SELECT id FROM orders WHERE checkout_id = $1`, [
        checkout.id,
      ]);
      expect(orders).toHaveLength(1);
      const { rows: balances } = await db.db.query(
        `SELECT balance_minor::int FROM gift_cards WHERE id = ANY($1::uuid[]) ORDER BY balance_minor`,
        [cards.map((c) => c.id)],
      );
      expect(balances).toEqual([{ balance_minor: 0 }, { balance_minor: 8000 - total }]);
      const { rows: events } = await db.db.query(
        `SELECT id FROM outbox_events WHERE topic = 'order.paid' AND payload->>'orderId' = $1`,
        [pending[0]!.id],
      );
      expect(events).toHaveLength(1);
    } finally {
      await after.close();
    }
  });
});

describe('a process killed between the Stripe authorisation and the commit', () => {
  it("When the process dies after Stripe authorised and Stripe's search lags, then after restart the reconciler finds the PaymentIntent, and the order is PAID with one capture", async () => {
    const stripeServer = await startFakeStripe();
    const stripeDb = await createTestDatabase('orders_crash_stripe');
    const stripeEnv = {
      STRIPE_SECRET_KEY: 'sk_test_fake',
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(stripeServer.port),
      STRIPE_API_PROTOCOL: 'http',
      CHECKOUT_LEASE_SECONDS: '1',
    };
    try {
      const shopper = customer();
      const before = await startHarness('unused', stripeEnv, { db: stripeDb, cart, shipping });
      const checkout = await readyCheckout(before, shopper);
      await before.close();

      const key = randomUUID();
      await completeInDyingChild(
        {
          ...stripeEnv,
          INTERNAL_AUTH_SECRET: TEST_SECRET,
          DATABASE_URL: stripeDb.url,
          CART_URL: cart.url,
          SHIPPING_URL: shipping.url,
          SEED_DEMO_DATA: 'false',
          LOG_LEVEL: 'silent',
          RECONCILE_INTERVAL_MS: '0',
          DATA_DIR: join(tmpdir(), `orders-crash-${randomUUID()}`),
        },
        COMPLETE,
        { id: checkout.id, pm: 'pm_card_visa', key },
        shopper,
      );
      const { rows: pending } = await stripeDb.db.query<{
        id: string;
        status: string;
        payment_intent_id: string | null;
      }>(`SELECT id, status, payment_intent_id FROM orders WHERE checkout_id = $1`, [checkout.id]);
      // The dead process never learnt the PaymentIntent's id: only Stripe knows it.
      expect(pending).toEqual([
        { id: expect.any(String), status: 'PENDING_PAYMENT', payment_intent_id: null },
      ]);
      expect(stripeServer.creates).toBe(1);
      expect(stripeServer.captures).toBe(0);

      stripeServer.searchLagMs = 60_000;
      const after = await startHarness('unused', stripeEnv, { db: stripeDb, cart, shipping });
      try {
        await new Promise((r) => setTimeout(r, 1100));
        expect(await after.service.reconcile()).toBe(1);
        const { rows } = await stripeDb.db.query<{ status: string; payment_intent_id: string }>(
          `SELECT status, payment_intent_id FROM orders WHERE id = $1`,
          [pending[0]!.id],
        );
        expect(rows[0]!.status).toBe('PAID');
        expect(stripeServer.intents.get(rows[0]!.payment_intent_id)).toMatchObject({
          status: 'succeeded',
          metadata: { orderId: pending[0]!.id },
        });
        expect(stripeServer.creates).toBe(1);
        expect(stripeServer.captures).toBe(1);
        expect(cart.reservations.get(pending[0]!.id)?.status).toBe('COMMITTED');
        const retry = await after.call<{ checkoutComplete: { order: { id: string; status: string } } }>(
          shopper,
          COMPLETE,
          { id: checkout.id, pm: 'pm_card_visa', key },
        );
        expect(retry.checkoutComplete.order).toEqual(
          expect.objectContaining({ id: pending[0]!.id, status: 'PAID' }),
        );
        expect(stripeServer.captures).toBe(1);
      } finally {
        await after.close();
      }
    } finally {
      await stripeDb.drop();
      await stripeServer.close();
    }
  });
});
