// The product_subscriptions and payment_customers tables in the orders Postgres database.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import { newestFirstPage, type NewestFirstCursor } from './newest-first';
import { addressSchema, type Address } from '../domain/types';
import { isUuid } from './checkouts';

export const INTERVALS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type Interval = (typeof INTERVALS)[number];
export const SUBSCRIPTION_STATUSES = ['ACTIVE', 'PAST_DUE', 'CANCELLED'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface ProductSubscription {
  id: string;
  customerId: string;
  email: string;
  variantId: string;
  quantity: number;
  interval: Interval;
  paymentMethodId: string;
  shippingAddress: Address;
  currency: string;
  status: SubscriptionStatus;
  provider: string;
  providerSubscriptionId: string | null;
  currentPeriodStart: Date;
  nextRenewalAt: Date;
  cancelledAt: Date | null;
  createdAt: Date;
}

const date = z.union([z.date(), z.string()]).transform((v) => new Date(v));
const row = z.object({
  id: z.string(),
  customer_id: z.string(),
  email: z.string(),
  variant_id: z.string(),
  quantity: z.coerce.number().int(),
  interval: z.enum(INTERVALS),
  payment_method_id: z.string(),
  shipping_address: addressSchema,
  currency: z.string(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  provider: z.string(),
  provider_subscription_id: z.string().nullable(),
  current_period_start: date,
  next_renewal_at: date,
  cancelled_at: date.nullable(),
  created_at: date,
});

function toSubscription(raw: unknown): ProductSubscription {
  const r = row.parse(raw);
  return {
    id: r.id,
    customerId: r.customer_id,
    email: r.email,
    variantId: r.variant_id,
    quantity: r.quantity,
    interval: r.interval,
    paymentMethodId: r.payment_method_id,
    shippingAddress: r.shipping_address,
    currency: r.currency,
    status: r.status,
    provider: r.provider,
    providerSubscriptionId: r.provider_subscription_id,
    currentPeriodStart: r.current_period_start,
    nextRenewalAt: r.next_renewal_at,
    cancelledAt: r.cancelled_at,
    createdAt: r.created_at,
  };
}

export type NewSubscription = Omit<
  ProductSubscription,
  'status' | 'cancelledAt' | 'createdAt' | 'currentPeriodStart' | 'providerSubscriptionId'
>;

export async function insertSubscription(db: SqlExecutor, s: NewSubscription): Promise<ProductSubscription> {
  const { rows } = await db.query(
    `INSERT INTO product_subscriptions (id, customer_id, email, variant_id, quantity, interval, payment_method_id, shipping_address,
       currency, status, provider, current_period_start, next_renewal_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'ACTIVE',$10,$11,$11) RETURNING *`,
    [
      s.id,
      s.customerId,
      s.email,
      s.variantId,
      s.quantity,
      s.interval,
      s.paymentMethodId,
      JSON.stringify(s.shippingAddress),
      s.currency,
      s.provider,
      s.nextRenewalAt,
    ],
  );
  return toSubscription(rows[0]);
}

export async function setProviderSubscription(
  db: SqlExecutor,
  id: string,
  providerSubscriptionId: string,
): Promise<void> {
  await db.query(`UPDATE product_subscriptions SET provider_subscription_id = $2 WHERE id = $1`, [
    id,
    providerSubscriptionId,
  ]);
}

export async function findSubscription(
  db: SqlExecutor,
  id: string,
  forUpdate = false,
): Promise<ProductSubscription | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query(
    `SELECT * FROM product_subscriptions WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toSubscription(rows[0]) : null;
}

export async function findByProviderSubscription(
  db: SqlExecutor,
  providerSubscriptionId: string,
): Promise<ProductSubscription | null> {
  const { rows } = await db.query(`SELECT * FROM product_subscriptions WHERE provider_subscription_id = $1`, [
    providerSubscriptionId,
  ]);
  return rows[0] ? toSubscription(rows[0]) : null;
}

/** Ids of live subscriptions due at `now`, oldest due first. */
export async function findDue(db: SqlExecutor, now: Date, limit = 100): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM product_subscriptions WHERE status <> 'CANCELLED' AND next_renewal_at <= $1 ORDER BY next_renewal_at LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => r.id);
}

export async function advancePeriod(
  db: SqlExecutor,
  id: string,
  periodStart: Date,
  nextRenewalAt: Date,
): Promise<void> {
  await db.query(
    `UPDATE product_subscriptions SET current_period_start = $2, next_renewal_at = $3 WHERE id = $1`,
    [id, periodStart, nextRenewalAt],
  );
}

export async function setSubscriptionStatus(
  db: SqlExecutor,
  id: string,
  status: SubscriptionStatus,
): Promise<ProductSubscription | null> {
  const { rows } = await db.query(
    `UPDATE product_subscriptions SET status = $2, cancelled_at = CASE WHEN $2 = 'CANCELLED' THEN now() ELSE cancelled_at END
      WHERE id = $1 RETURNING *`,
    [id, status],
  );
  return rows[0] ? toSubscription(rows[0]) : null;
}

export function listCustomerSubscriptions(
  db: SqlExecutor,
  customerId: string,
  limit: number,
  after: NewestFirstCursor,
): Promise<{ rows: ProductSubscription[]; total: number }> {
  return newestFirstPage(
    db,
    'product_subscriptions',
    'customer_id = $1',
    [customerId],
    limit,
    after,
    toSubscription,
  );
}

export async function findPaymentCustomer(
  db: SqlExecutor,
  customerId: string,
  provider: string,
): Promise<string | null> {
  const { rows } = await db.query<{ provider_customer_id: string }>(
    `SELECT provider_customer_id FROM payment_customers WHERE customer_id = $1 AND provider = $2`,
    [customerId, provider],
  );
  return rows[0]?.provider_customer_id ?? null;
}

/** Keeps the first mapping written; returns the one that stands. */
export async function savePaymentCustomer(
  db: SqlExecutor,
  customerId: string,
  provider: string,
  providerCustomerId: string,
): Promise<string> {
  await db.query(
    `INSERT INTO payment_customers (customer_id, provider, provider_customer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [customerId, provider, providerCustomerId],
  );
  return (await findPaymentCustomer(db, customerId, provider))!;
}

/** The address and email of the shopper's latest placed order, the defaults of a new subscription. */
export async function latestOrderContact(
  db: SqlExecutor,
  customerId: string,
): Promise<{ email: string; address: Address } | null> {
  const { rows } = await db.query<{ email: string; shipping_address: unknown }>(
    `SELECT email, shipping_address FROM orders WHERE customer_id = $1 AND paid_at IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
    [customerId],
  );
  const r = rows[0];
  return r ? { email: r.email, address: addressSchema.parse(r.shipping_address) } : null;
}

export async function paysLiveSubscription(
  db: SqlExecutor,
  customerId: string,
  paymentMethodId: string,
): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM product_subscriptions WHERE customer_id = $1 AND payment_method_id = $2 AND status <> 'CANCELLED' LIMIT 1`,
    [customerId, paymentMethodId],
  );
  return rows.length > 0;
}
