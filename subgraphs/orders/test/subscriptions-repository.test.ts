import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { OUTBOX_MIGRATIONS, loadMigrations, migrate } from '@shop/datastores';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import {
  advancePeriod,
  findDue,
  findSubscription,
  insertSubscription,
  listCustomerSubscriptions,
  savePaymentCustomer,
  setSubscriptionStatus,
} from '../src/data/subscriptions';

let pg: TestDatabase;
beforeAll(async () => {
  pg = await createTestDatabase('orders_subs_repo');
  await migrate(pg.db, [...OUTBOX_MIGRATIONS, ...loadMigrations(join(__dirname, '..', 'migrations'))]);
});
afterAll(async () => pg?.drop());

const address = {
  id: randomUUID(),
  firstName: null,
  lastName: null,
  address1: '1 Main',
  address2: null,
  city: 'X',
  province: null,
  zip: '1',
  countryCode: 'US',
  phone: null,
};

const newSub = (customerId: string, nextRenewalAt: Date) =>
  insertSubscription(pg.db, {
    id: randomUUID(),
    customerId,
    email: 'a@b.co',
    variantId: 'v',
    quantity: 1,
    interval: 'WEEK',
    paymentMethodId: 'pm_sandbox_x',
    shippingAddress: address,
    currency: 'USD',
    provider: 'sandbox',
    nextRenewalAt,
  });

describe('subscriptions repository on Postgres', () => {
  it('When subscriptions are due, advanced or cancelled, then findDue lists only the live ones due by then', async () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    const customerId = randomUUID();
    const a = await newSub(customerId, t0);
    const b = await newSub(customerId, new Date('2030-01-05T00:00:00Z'));
    const c = await newSub(customerId, t0);
    await setSubscriptionStatus(pg.db, c.id, 'CANCELLED');
    const due = await findDue(pg.db, new Date('2030-01-02T00:00:00Z'));
    expect(due).toContain(a.id);
    expect(due).not.toContain(b.id);
    expect(due).not.toContain(c.id);
    await advancePeriod(pg.db, a.id, t0, new Date('2030-01-08T00:00:00Z'));
    expect(await findDue(pg.db, new Date('2030-01-02T00:00:00Z'))).not.toContain(a.id);
    const read = (await findSubscription(pg.db, a.id))!;
    expect(read).toMatchObject({
      currentPeriodStart: t0,
      nextRenewalAt: new Date('2030-01-08T00:00:00Z'),
      status: 'ACTIVE',
      shippingAddress: address,
    });
    expect((await findSubscription(pg.db, c.id))!.cancelledAt).toBeInstanceOf(Date);
    expect(await findSubscription(pg.db, 'not-a-uuid')).toBeNull();
  });

  it('When a shopper’s subscriptions are paged, then newest first with a total count', async () => {
    const customerId = randomUUID();
    for (let i = 0; i < 3; i++) await newSub(customerId, new Date());
    const first = await listCustomerSubscriptions(pg.db, customerId, 2, null);
    expect(first.total).toBe(3);
    expect(first.rows).toHaveLength(3); // limit + 1: the extra row tells there is a next page
    const last = first.rows[1]!;
    const rest = await listCustomerSubscriptions(pg.db, customerId, 2, {
      createdAt: last.createdAt.toISOString(),
      id: last.id,
    });
    expect(rest.rows.map((r) => r.id)).toEqual([first.rows[2]!.id]);
  });

  it('When two provider customers are saved for one shopper, then the first mapping stands', async () => {
    const customerId = randomUUID();
    expect(await savePaymentCustomer(pg.db, customerId, 'stripe', 'cus_first')).toBe('cus_first');
    expect(await savePaymentCustomer(pg.db, customerId, 'stripe', 'cus_second')).toBe('cus_first');
  });
});
