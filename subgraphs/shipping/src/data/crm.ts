// The CRM repository on Postgres: known customers, paid orders (from order.paid), notes and timelines.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';

const iso = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());

export const TIMELINE_KINDS = [
  'ORDER_PLACED',
  'SHIPMENT_CREATED',
  'SHIPMENT_UPDATED',
  'RETURN_REQUESTED',
  'RETURN_UPDATED',
  'REGISTERED',
  'NOTE_ADDED',
  'MESSAGE_SENT',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: string;
  seq: number;
  customerId: string;
  kind: TimelineKind;
  title: string;
  body: string | null;
  referenceId: string | null;
  occurredAt: string;
}

const timelineRow = z.object({
  seq: z.coerce.number(),
  id: z.string(),
  customer_id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  reference_id: z.string().nullable(),
  occurred_at: iso,
});

export interface CustomerNote {
  id: string;
  customerId: string;
  body: string;
  authorId: string;
  createdAt: string;
}

export interface CustomerStats {
  customerId: string;
  orders: number;
  spentUsdMinor: number;
  lastOrderAt: string | null;
  returns: number;
}

const statsRow = z.object({
  customer_id: z.string(),
  orders: z.coerce.number(),
  spent_usd: z.coerce.number(),
  last_order_at: iso.nullable(),
  returns: z.coerce.number(),
});

function toStats(row: unknown): CustomerStats {
  const r = statsRow.parse(row);
  return {
    customerId: r.customer_id,
    orders: r.orders,
    spentUsdMinor: r.spent_usd,
    lastOrderAt: r.last_order_at,
    returns: r.returns,
  };
}

/** One stats row per known customer; segment filters are conditions on it. */
const STATS = `
  SELECT c.customer_id,
         (SELECT count(*) FROM paid_orders o WHERE o.customer_id = c.customer_id) AS orders,
         (SELECT coalesce(sum(o.total_minor), 0) FROM paid_orders o WHERE o.customer_id = c.customer_id AND o.currency_code = 'USD') AS spent_usd,
         (SELECT max(o.paid_at) FROM paid_orders o WHERE o.customer_id = c.customer_id) AS last_order_at,
         (SELECT count(*) FROM returns r WHERE r.customer_id = c.customer_id) AS returns
    FROM crm_customers c`;

export const SEGMENT_CONDITIONS = {
  prospect: 'orders = 0',
  new: 'orders = 1',
  repeat: 'orders >= 2',
  vip: 'spent_usd >= 50000',
  returner: 'returns >= 1',
  dormant: "orders >= 1 AND last_order_at < now() - interval '180 days'",
} as const;
export type Segment = keyof typeof SEGMENT_CONDITIONS;

export interface NewTimelineEntry {
  customerId: string;
  kind: TimelineKind;
  title: string;
  body?: string | null;
  referenceId?: string | null;
  occurredAt?: string;
}

export const crmRepo = {
  async rememberCustomer(tx: SqlExecutor, customerId: string, email: string | null = null): Promise<void> {
    await tx.query(
      `INSERT INTO crm_customers (customer_id, email) VALUES ($1, $2)
       ON CONFLICT (customer_id) DO UPDATE SET email = coalesce(EXCLUDED.email, crm_customers.email)`,
      [customerId, email],
    );
  },

  /** Returns false when the order was already recorded. */
  async recordPaidOrder(
    tx: SqlExecutor,
    o: {
      orderId: string;
      orderNumber: string;
      customerId: string | null;
      email: string | null;
      totalMinor: number;
      currencyCode: string;
      paidAt: string;
    },
  ): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO paid_orders (order_id, order_number, customer_id, email, total_minor, currency_code, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id) DO NOTHING`,
      [o.orderId, o.orderNumber, o.customerId, o.email, o.totalMinor, o.currencyCode, o.paidAt],
    );
    return rowCount > 0;
  },

  /** The order's customer as order.paid told it: a string, null for a guest, undefined when unknown here. */
  async orderOwner(db: SqlExecutor, orderId: string): Promise<string | null | undefined> {
    const { rows } = await db.query<{ customer_id: string | null }>(
      `SELECT customer_id FROM paid_orders WHERE order_id = $1`,
      [orderId],
    );
    return rows[0] ? rows[0].customer_id : undefined;
  },

  async orderOwners(db: SqlExecutor, orderIds: readonly string[]): Promise<Map<string, string | null>> {
    const { rows } = await db.query<{ order_id: string; customer_id: string | null }>(
      `SELECT order_id, customer_id FROM paid_orders WHERE order_id = ANY($1::text[])`,
      [[...orderIds]],
    );
    return new Map(rows.map((r) => [r.order_id, r.customer_id]));
  },

  async addTimeline(tx: SqlExecutor, e: NewTimelineEntry): Promise<void> {
    await crmRepo.rememberCustomer(tx, e.customerId);
    await tx.query(
      `INSERT INTO timeline_events (id, customer_id, kind, title, body, reference_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()))`,
      [
        randomUUID(),
        e.customerId,
        e.kind,
        e.title,
        e.body ?? null,
        e.referenceId ?? null,
        e.occurredAt ?? null,
      ],
    );
  },

  /** Newest first; `beforeSeq` pages on. Fetches `limit + 1` so the caller can tell there is more. */
  async timeline(
    db: SqlExecutor,
    customerId: string,
    limit: number,
    beforeSeq: number | null,
  ): Promise<{ rows: TimelineEntry[]; total: number }> {
    const { rows } = await db.query(
      `SELECT seq, id, customer_id, kind, title, body, reference_id, occurred_at FROM timeline_events
        WHERE customer_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3`,
      [customerId, beforeSeq, limit + 1],
    );
    const count = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM timeline_events WHERE customer_id = $1`,
      [customerId],
    );
    return {
      rows: rows.map((row) => {
        const r = timelineRow.parse(row);
        return {
          id: r.id,
          seq: r.seq,
          customerId: r.customer_id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          referenceId: r.reference_id,
          occurredAt: r.occurred_at,
        };
      }),
      total: Number(count.rows[0]?.n ?? 0),
    };
  },

  async addNote(
    tx: SqlExecutor,
    note: { customerId: string; body: string; authorId: string },
  ): Promise<CustomerNote> {
    const id = randomUUID();
    const { rows } = await tx.query<{ created_at: Date | string }>(
      `INSERT INTO customer_notes (id, customer_id, body, author_id) VALUES ($1, $2, $3, $4) RETURNING created_at`,
      [id, note.customerId, note.body, note.authorId],
    );
    return { id, ...note, createdAt: new Date(rows[0]!.created_at).toISOString() };
  },

  async statsOf(db: SqlExecutor, customerIds: readonly string[]): Promise<Map<string, CustomerStats>> {
    const { rows } = await db.query(`SELECT * FROM (${STATS}) s WHERE customer_id = ANY($1::text[])`, [
      [...customerIds],
    ]);
    return new Map(rows.map((row) => [toStats(row).customerId, toStats(row)]));
  },

  /** Known customers by id, optionally in one segment; `limit + 1` rows for paging. */
  async customers(
    db: SqlExecutor,
    segment: Segment | null,
    limit: number,
    afterId: string | null,
  ): Promise<{ ids: string[]; total: number }> {
    // eslint-disable-next-line security/detect-object-injection -- segment was checked against SEGMENTS by the domain before it gets here
    const where = segment ? SEGMENT_CONDITIONS[segment] : 'true';
    const { rows } = await db.query<{ customer_id: string }>(
      `SELECT customer_id FROM (${STATS}) s WHERE ${where} AND ($1::text IS NULL OR customer_id > $1) ORDER BY customer_id LIMIT $2`,
      [afterId, limit + 1],
    );
    const count = await db.query<{ n: string }>(`SELECT count(*) AS n FROM (${STATS}) s WHERE ${where}`);
    return { ids: rows.map((r) => r.customer_id), total: Number(count.rows[0]?.n ?? 0) };
  },
};
