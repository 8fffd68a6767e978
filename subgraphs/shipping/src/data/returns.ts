// The returns repository on Postgres.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import { RETURN_STATUSES, type Return, type ReturnStatus } from '../domain/returns-model';

const iso = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());

const returnRow = z.object({
  id: z.string(),
  order_id: z.string(),
  customer_id: z.string().nullable(),
  status: z.enum(RETURN_STATUSES),
  reason: z.string(),
  tracking_number: z.string().nullable(),
  label_format: z.string().nullable(),
  label_data: z.string().nullable(),
  created_at: iso,
  lines: z.array(z.object({ orderLineId: z.string(), quantity: z.number().int() })).nullable(),
});

function toReturn(row: unknown): Return {
  const r = returnRow.parse(row);
  return {
    id: r.id,
    orderId: r.order_id,
    customerId: r.customer_id,
    status: r.status,
    reason: r.reason,
    trackingNumber: r.tracking_number,
    label: r.label_format && r.label_data ? { format: r.label_format, data: r.label_data } : null,
    createdAt: r.created_at,
    lines: r.lines ?? [],
  };
}

const SELECT_RETURN = `
  SELECT r.id, r.order_id, r.customer_id, r.status, r.reason, r.tracking_number, r.label_format, r.label_data, r.created_at,
         (SELECT json_agg(json_build_object('orderLineId', l.order_line_id, 'quantity', l.quantity) ORDER BY l.order_line_id)
            FROM return_lines l WHERE l.return_id = r.id) AS lines
    FROM returns r`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const returnsRepo = {
  async insert(
    tx: SqlExecutor,
    r: {
      id: string;
      orderId: string;
      customerId: string | null;
      reason: string;
      lines: { orderLineId: string; quantity: number }[];
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO returns (id, order_id, customer_id, status, reason) VALUES ($1, $2, $3, 'REQUESTED', $4)`,
      [r.id, r.orderId, r.customerId, r.reason],
    );
    for (const line of r.lines) {
      await tx.query(`INSERT INTO return_lines (return_id, order_line_id, quantity) VALUES ($1, $2, $3)`, [
        r.id,
        line.orderLineId,
        line.quantity,
      ]);
    }
  },

  async byId(db: SqlExecutor, id: string, forUpdate = false): Promise<Return | null> {
    if (!UUID.test(id)) return null;
    if (forUpdate) await db.query(`SELECT 1 FROM returns WHERE id = $1 FOR UPDATE`, [id]);
    const { rows } = await db.query(`${SELECT_RETURN} WHERE r.id = $1`, [id]);
    return rows[0] ? toReturn(rows[0]) : null;
  },

  async byTrackingNumber(db: SqlExecutor, carrier: string, trackingNumber: string): Promise<Return | null> {
    const { rows } = await db.query(`${SELECT_RETURN} WHERE r.carrier = $1 AND r.tracking_number = $2`, [
      carrier,
      trackingNumber,
    ]);
    return rows[0] ? toReturn(rows[0]) : null;
  },

  async list(
    db: SqlExecutor,
    filter: { orderId?: string | null; customerId?: string | null },
  ): Promise<Return[]> {
    const { rows } = await db.query(
      `${SELECT_RETURN} WHERE ($1::text IS NULL OR r.order_id = $1) AND ($2::text IS NULL OR r.customer_id = $2)
        ORDER BY r.created_at DESC, r.id LIMIT 100`,
      [filter.orderId ?? null, filter.customerId ?? null],
    );
    return rows.map(toReturn);
  },

  /** Units of each order line shipped, less what open or finished returns already claim. Locks the order's shipments. */
  async returnableByLine(tx: SqlExecutor, orderId: string): Promise<Map<string, number>> {
    await tx.query(`SELECT 1 FROM shipments WHERE order_id = $1 FOR UPDATE`, [orderId]);
    const { rows } = await tx.query<{ order_line_id: string; returnable: string }>(
      `SELECT l.order_line_id,
              sum(l.quantity) - coalesce((SELECT sum(rl.quantity) FROM return_lines rl JOIN returns r ON r.id = rl.return_id
                                           WHERE r.order_id = $1 AND r.status <> 'REJECTED' AND rl.order_line_id = l.order_line_id), 0) AS returnable
         FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id
        WHERE s.order_id = $1
        GROUP BY l.order_line_id`,
      [orderId],
    );
    return new Map(rows.map((r) => [r.order_line_id, Number(r.returnable)]));
  },

  async setStatus(
    tx: SqlExecutor,
    id: string,
    status: ReturnStatus,
    extra: { rejectReason?: string | null } = {},
  ): Promise<void> {
    await tx.query(
      `UPDATE returns SET status = $2, reject_reason = coalesce($3, reject_reason), updated_at = now() WHERE id = $1`,
      [id, status, extra.rejectReason ?? null],
    );
  },

  async setLabel(
    tx: SqlExecutor,
    id: string,
    label: { carrier: string; trackingNumber: string; format: string; data: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE returns SET carrier = $2, tracking_number = $3, label_format = $4, label_data = $5 WHERE id = $1`,
      [id, label.carrier, label.trackingNumber, label.format, label.data],
    );
  },
};
