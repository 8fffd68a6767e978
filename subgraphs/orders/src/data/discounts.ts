// The discounts, discount_uses and cart_discount_codes tables in the orders Postgres database.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import { DISCOUNT_KINDS, type CombinesWith, type Discount, type DiscountUsage } from '../domain/discounts';
import { newestFirstPage, type NewestFirstCursor } from './newest-first';

const int = z.union([z.string(), z.number()]).transform((v) => Number(v));
const date = z.union([z.date(), z.string()]).transform((v) => new Date(v));

const combinesWithSchema = z.object({
  orderDiscounts: z.boolean(),
  productDiscounts: z.boolean(),
  shippingDiscounts: z.boolean(),
});

export const discountSchema = z.object({
  id: z.string(),
  title: z.string(),
  code: z.string().nullable(),
  kind: z.enum(DISCOUNT_KINDS),
  value: z.number().int().nonnegative(),
  currencyCode: z.string(),
  buyQuantity: z.number().int().nonnegative(),
  getQuantity: z.number().int().nonnegative(),
  appliesTo: z.object({ productIds: z.array(z.string()), categoryHandles: z.array(z.string()) }),
  minimumSubtotalMinor: z.number().int().nullable(),
  startsAt: z.coerce.date().nullable(),
  endsAt: z.coerce.date().nullable(),
  usageLimit: z.number().int().nullable(),
  oncePerCustomer: z.boolean(),
  combinesWith: combinesWithSchema,
  active: z.boolean(),
});

const row = z.object({
  id: z.string(),
  title: z.string(),
  code: z.string().nullable(),
  kind: z.enum(DISCOUNT_KINDS),
  value: int,
  currency: z.string(),
  buy_quantity: int,
  get_quantity: int,
  product_ids: z.array(z.string()),
  category_handles: z.array(z.string()),
  minimum_subtotal_minor: int.nullable(),
  starts_at: date.nullable(),
  ends_at: date.nullable(),
  usage_limit: int.nullable(),
  once_per_customer: z.boolean(),
  combines_with: combinesWithSchema,
  active: z.boolean(),
  created_at: date,
  usage_count: int.optional(),
});

export interface StoredDiscount extends Discount {
  createdAt: Date;
  /** Committed uses: paid orders that used it. */
  usageCount: number;
}

function toDiscount(raw: unknown): StoredDiscount {
  const r = row.parse(raw);
  return {
    id: r.id,
    title: r.title,
    code: r.code,
    kind: r.kind,
    value: r.value,
    currencyCode: r.currency,
    buyQuantity: r.buy_quantity,
    getQuantity: r.get_quantity,
    appliesTo: { productIds: r.product_ids, categoryHandles: r.category_handles },
    minimumSubtotalMinor: r.minimum_subtotal_minor,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    usageLimit: r.usage_limit,
    oncePerCustomer: r.once_per_customer,
    combinesWith: r.combines_with as CombinesWith,
    active: r.active,
    createdAt: r.created_at,
    usageCount: r.usage_count ?? 0,
  };
}

const WITH_USAGE = `*, (SELECT count(*) FROM discount_uses u WHERE u.discount_id = discounts.id AND u.status = 'COMMITTED') AS usage_count`;

function params(d: Discount): unknown[] {
  return [
    d.id,
    d.title,
    d.code,
    d.kind,
    d.value,
    d.currencyCode,
    d.buyQuantity,
    d.getQuantity,
    d.appliesTo.productIds,
    d.appliesTo.categoryHandles,
    d.minimumSubtotalMinor,
    d.startsAt,
    d.endsAt,
    d.usageLimit,
    d.oncePerCustomer,
    JSON.stringify(d.combinesWith),
    d.active,
  ];
}

export async function insertDiscount(db: SqlExecutor, d: Discount): Promise<StoredDiscount> {
  const { rows } = await db.query(
    `INSERT INTO discounts (id, title, code, kind, value, currency, buy_quantity, get_quantity, product_ids, category_handles,
       minimum_subtotal_minor, starts_at, ends_at, usage_limit, once_per_customer, combines_with, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING *`,
    params(d),
  );
  return toDiscount(rows[0]);
}

export async function updateDiscount(db: SqlExecutor, d: Discount): Promise<StoredDiscount | null> {
  const { rows } = await db.query(
    `UPDATE discounts SET title = $2, code = $3, kind = $4, value = $5, currency = $6, buy_quantity = $7, get_quantity = $8,
       product_ids = $9, category_handles = $10, minimum_subtotal_minor = $11, starts_at = $12, ends_at = $13, usage_limit = $14,
       once_per_customer = $15, combines_with = $16, active = $17, updated_at = now()
     WHERE id = $1 RETURNING ${WITH_USAGE}`,
    params(d),
  );
  return rows[0] ? toDiscount(rows[0]) : null;
}

export async function findDiscount(
  db: SqlExecutor,
  id: string,
  forUpdate = false,
): Promise<StoredDiscount | null> {
  const { rows } = await db.query(
    `SELECT ${WITH_USAGE} FROM discounts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toDiscount(rows[0]) : null;
}

/** Every active discount (expired ones too: a code past its end answers DISCOUNT_CODE_EXPIRED, not INVALID). */
export async function listActiveDiscounts(db: SqlExecutor): Promise<StoredDiscount[]> {
  const { rows } = await db.query(`SELECT * FROM discounts WHERE active ORDER BY created_at, id`);
  return rows.map(toDiscount);
}

export async function listDiscounts(
  db: SqlExecutor,
  limit: number,
  after: NewestFirstCursor,
): Promise<{ rows: StoredDiscount[]; total: number }> {
  const page = await newestFirstPage(db, 'discounts', 'true', [], limit, after, (r) => r as { id: string });
  if (!page.rows.length) return { rows: [], total: page.total };
  const { rows } = await db.query(`SELECT ${WITH_USAGE} FROM discounts WHERE id = ANY($1::uuid[])`, [
    page.rows.map((r) => r.id),
  ]);
  const byId = new Map(rows.map(toDiscount).map((d) => [d.id, d]));
  return { rows: page.rows.map((r) => byId.get(r.id)!), total: page.total };
}

/** Uses taken (committed or reserved) per discount, and whether this customer holds one. */
export async function usageOf(
  db: SqlExecutor,
  discountIds: string[],
  customerKey: string | null,
): Promise<Map<string, DiscountUsage>> {
  const usage = new Map<string, DiscountUsage>(
    discountIds.map((id) => [id, { taken: 0, usedByCustomer: false }]),
  );
  if (!discountIds.length) return usage;
  const { rows } = await db.query<{ discount_id: string; taken: string; mine: string }>(
    `SELECT discount_id, count(*) AS taken, count(*) FILTER (WHERE customer_key = $2) AS mine
       FROM discount_uses WHERE discount_id = ANY($1::uuid[]) AND status <> 'RELEASED' GROUP BY discount_id`,
    [discountIds, customerKey],
  );
  for (const r of rows)
    usage.set(r.discount_id, { taken: Number(r.taken), usedByCustomer: Number(r.mine) > 0 });
  return usage;
}

export async function reserveUse(
  db: SqlExecutor,
  discountId: string,
  orderId: string,
  customerKey: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO discount_uses (discount_id, order_id, customer_key, status) VALUES ($1, $2, $3, 'RESERVED')`,
    [discountId, orderId, customerKey],
  );
}

export async function cartCodes(db: SqlExecutor, cartId: string): Promise<string[]> {
  const { rows } = await db.query<{ codes: string[] }>(
    `SELECT codes FROM cart_discount_codes WHERE cart_id = $1`,
    [cartId],
  );
  return rows[0]?.codes ?? [];
}

export async function setCartCodes(db: SqlExecutor, cartId: string, codes: string[]): Promise<void> {
  await db.query(
    `INSERT INTO cart_discount_codes (cart_id, codes) VALUES ($1, $2)
     ON CONFLICT (cart_id) DO UPDATE SET codes = EXCLUDED.codes, updated_at = now()`,
    [cartId, codes],
  );
}
