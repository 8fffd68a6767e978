// The gift_cards table, its ledger and the cards applied to checkouts, in the orders Postgres database.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import { isUuid } from './checkouts';

const int = z.union([z.string(), z.number()]).transform((v) => Number(v));

const rowSchema = z.object({
  id: z.string(),
  last_characters: z.string(),
  currency: z.string(),
  initial_minor: int,
  balance_minor: int,
  // Selected as text (YYYY-MM-DD), so no time zone shifts the day.
  expires_on: z.string().nullable(),
  customer_id: z.string().nullable(),
  created_at: z.coerce.date(),
});

export interface GiftCardRecord {
  id: string;
  lastCharacters: string;
  currency: string;
  initialMinor: number;
  balanceMinor: number;
  /** The last day the card can be used (YYYY-MM-DD, UTC), or null when it never expires. */
  expiresOn: string | null;
  customerId: string | null;
  createdAt: Date;
}

function toGiftCard(raw: unknown): GiftCardRecord {
  const r = rowSchema.parse(raw);
  return {
    id: r.id,
    lastCharacters: r.last_characters,
    currency: r.currency,
    initialMinor: r.initial_minor,
    balanceMinor: r.balance_minor,
    expiresOn: r.expires_on,
    customerId: r.customer_id,
    createdAt: r.created_at,
  };
}

const COLUMNS = `id, last_characters, currency, initial_minor, balance_minor, expires_on::text AS expires_on, customer_id, created_at`;

export async function insertGiftCard(
  db: SqlExecutor,
  g: {
    id: string;
    codeHash: string;
    lastCharacters: string;
    currency: string;
    initialMinor: number;
    expiresOn: string | null;
    customerId: string | null;
  },
): Promise<GiftCardRecord> {
  const { rows } = await db.query(
    `INSERT INTO gift_cards (id, code_hash, last_characters, currency, initial_minor, balance_minor, expires_on, customer_id)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7) RETURNING ${COLUMNS}`,
    [g.id, g.codeHash, g.lastCharacters, g.currency, g.initialMinor, g.expiresOn, g.customerId],
  );
  return toGiftCard(rows[0]);
}

export async function findGiftCard(db: SqlExecutor, id: string): Promise<GiftCardRecord | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM gift_cards WHERE id = $1`, [id]);
  return rows[0] ? toGiftCard(rows[0]) : null;
}

export async function findGiftCardByHash(db: SqlExecutor, codeHash: string): Promise<GiftCardRecord | null> {
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM gift_cards WHERE code_hash = $1`, [codeHash]);
  return rows[0] ? toGiftCard(rows[0]) : null;
}

export async function listCustomerGiftCards(db: SqlExecutor, customerId: string): Promise<GiftCardRecord[]> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM gift_cards WHERE customer_id = $1 ORDER BY created_at DESC, id LIMIT 100`,
    [customerId],
  );
  return rows.map(toGiftCard);
}

export async function applyToCheckout(
  db: SqlExecutor,
  checkoutId: string,
  giftCardId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO checkout_gift_cards (checkout_id, gift_card_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [checkoutId, giftCardId],
  );
}

export async function removeFromCheckout(
  db: SqlExecutor,
  checkoutId: string,
  giftCardId: string,
): Promise<boolean> {
  if (!isUuid(giftCardId)) return false;
  const { rowCount } = await db.query(
    `DELETE FROM checkout_gift_cards WHERE checkout_id = $1 AND gift_card_id = $2`,
    [checkoutId, giftCardId],
  );
  return (rowCount ?? 0) > 0;
}

/** The cards applied to a checkout, first applied first. */
export async function checkoutGiftCards(db: SqlExecutor, checkoutId: string): Promise<GiftCardRecord[]> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `g.${c}`)
      .join(', ')} FROM checkout_gift_cards a JOIN gift_cards g ON g.id = a.gift_card_id
      WHERE a.checkout_id = $1 ORDER BY a.applied_at, g.id`,
    [checkoutId],
  );
  return rows.map(toGiftCard);
}

/** Locks cards for the rest of the transaction, in id order (so two transactions never wait on each other). */
export async function lockGiftCards(db: SqlExecutor, ids: string[]): Promise<Map<string, GiftCardRecord>> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM gift_cards WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map(toGiftCard).map((g) => [g.id, g]));
}

export async function hasMovement(db: SqlExecutor, idempotencyKey: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM gift_card_transactions WHERE idempotency_key = $1`, [
    idempotencyKey,
  ]);
  return rows.length > 0;
}

/**
 * Moves a card's balance by `deltaMinor` (negative debits) with its ledger row; the caller holds the card's
 * lock (lockGiftCards) and has checked the key is new. The balance condition and the CHECK keep it from
 * going below zero whatever the caller believed; false when it would have.
 */
export async function moveBalance(
  db: SqlExecutor,
  m: { id: string; giftCardId: string; orderId: string | null; deltaMinor: number; idempotencyKey: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE gift_cards SET balance_minor = balance_minor + $2 WHERE id = $1 AND balance_minor + $2 >= 0`,
    [m.giftCardId, m.deltaMinor],
  );
  if (!rowCount) return false;
  await db.query(
    `INSERT INTO gift_card_transactions (id, gift_card_id, order_id, amount_minor, idempotency_key) VALUES ($1, $2, $3, $4, $5)`,
    [m.id, m.giftCardId, m.orderId, m.deltaMinor, m.idempotencyKey],
  );
  return true;
}

/** The debits (negative) and credits (positive) of an order, per card. */
export async function orderGiftCardMovements(
  db: SqlExecutor,
  orderId: string,
): Promise<{ giftCardId: string; amountMinor: number; idempotencyKey: string }[]> {
  const { rows } = await db.query<{ gift_card_id: string; amount_minor: string; idempotency_key: string }>(
    `SELECT gift_card_id, amount_minor, idempotency_key FROM gift_card_transactions WHERE order_id = $1 ORDER BY created_at, id`,
    [orderId],
  );
  return rows.map((r) => ({
    giftCardId: r.gift_card_id,
    amountMinor: Number(r.amount_minor),
    idempotencyKey: r.idempotency_key,
  }));
}

export async function setOrderGiftCardPaid(
  db: SqlExecutor,
  orderId: string,
  amountMinor: number,
): Promise<void> {
  await db.query(`UPDATE orders SET gift_card_minor = $2 WHERE id = $1`, [orderId, amountMinor]);
}

export async function addGiftCardRefunded(
  db: SqlExecutor,
  orderId: string,
  amountMinor: number,
): Promise<void> {
  await db.query(`UPDATE orders SET gift_card_refunded_minor = gift_card_refunded_minor + $2 WHERE id = $1`, [
    orderId,
    amountMinor,
  ]);
}

/** Records what of a refund the card gets back (the reconciler retries only that part). */
export async function setRefundCardPart(db: SqlExecutor, refundId: string, cardMinor: number): Promise<void> {
  await db.query(`UPDATE refunds SET card_minor = $2 WHERE id = $1`, [refundId, cardMinor]);
}
