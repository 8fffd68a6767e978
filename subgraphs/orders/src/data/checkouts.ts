// The checkouts table in the orders Postgres database.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import { priceCheckout } from '../domain/pricing';
import { NO_TAX, taxRuleSchema, type TaxRule } from '../domain/tax';
import type { Discount } from '../domain/discounts';
import { discountSchema } from './discounts';
import {
  addressSchema,
  lineSchema,
  rateSchema,
  type Address,
  type Checkout,
  type Line,
  type Rate,
} from '../domain/types';

const rowSchema = z.object({
  id: z.string(),
  customer_id: z.string().nullable(),
  cart_id: z.string(),
  email: z.string(),
  currency: z.string(),
  lines: z.array(lineSchema),
  shipping_address: addressSchema,
  rates: z.array(rateSchema),
  selected_rate: rateSchema.nullable(),
  created_at: z.coerce.date(),
  priced_at: z.coerce.date(),
  tax_rule: taxRuleSchema.nullable(),
  discount_codes: z.array(z.string()).default([]),
  discounts: z.array(discountSchema).default([]),
});

function toCheckout(raw: unknown): Checkout {
  const row = rowSchema.parse(raw);
  const totals = priceCheckout(row.lines, row.selected_rate, row.tax_rule ?? NO_TAX, {
    discounts: row.discounts,
    codes: row.discount_codes,
    currencyCode: row.currency,
    at: row.priced_at,
  });
  return {
    id: row.id,
    customerId: row.customer_id,
    cartId: row.cart_id,
    email: row.email,
    currency: row.currency,
    lines: row.lines,
    shippingAddress: row.shipping_address,
    rates: row.rates,
    selectedRate: row.selected_rate,
    createdAt: row.created_at,
    pricedAt: row.priced_at,
    discountCodes: row.discount_codes,
    discounts: row.discounts,
    ...totals,
  };
}

export interface NewCheckout {
  id: string;
  customerId: string | null;
  cartId: string;
  email: string;
  currency: string;
  lines: Line[];
  shippingAddress: Address;
  rates: Rate[];
  /** The tax rule of the destination when the checkout was made; it keeps pricing the checkout. */
  taxRule: TaxRule;
  discountCodes?: string[];
  discounts?: Discount[];
}

export async function insertCheckout(db: SqlExecutor, c: NewCheckout): Promise<Checkout> {
  const { rows } = await db.query(
    `INSERT INTO checkouts (id, customer_id, cart_id, email, currency, lines, shipping_address, rates, tax_rule, discount_codes, discounts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      c.id,
      c.customerId,
      c.cartId,
      c.email,
      c.currency,
      JSON.stringify(c.lines),
      JSON.stringify(c.shippingAddress),
      JSON.stringify(c.rates),
      JSON.stringify(c.taxRule),
      c.discountCodes ?? [],
      JSON.stringify(c.discounts ?? []),
    ],
  );
  return toCheckout(rows[0]);
}

export async function findCheckout(db: SqlExecutor, id: string, forUpdate = false): Promise<Checkout | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query(`SELECT * FROM checkouts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return rows[0] ? toCheckout(rows[0]) : null;
}

export async function setSelectedRate(db: SqlExecutor, id: string, rate: Rate): Promise<Checkout> {
  const { rows } = await db.query(
    `UPDATE checkouts SET selected_rate = $2, updated_at = now() WHERE id = $1 RETURNING *`,
    [id, JSON.stringify(rate)],
  );
  return toCheckout(rows[0]);
}

/** New prices for a checkout's lines (the lines themselves unchanged), stamped as priced now. */
export async function repriceCheckout(db: SqlExecutor, id: string, lines: Line[]): Promise<Checkout> {
  const { rows } = await db.query(
    `UPDATE checkouts SET lines = $2, priced_at = now(), updated_at = now() WHERE id = $1 RETURNING *`,
    [id, JSON.stringify(lines)],
  );
  return toCheckout(rows[0]);
}

/** The discounts' terms as they are now, and the moment they are judged at. */
export async function setCheckoutDiscounts(
  db: SqlExecutor,
  id: string,
  discounts: Discount[],
): Promise<Checkout> {
  const { rows } = await db.query(
    `UPDATE checkouts SET discounts = $2, priced_at = now(), updated_at = now() WHERE id = $1 RETURNING *`,
    [id, JSON.stringify(discounts)],
  );
  return toCheckout(rows[0]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
