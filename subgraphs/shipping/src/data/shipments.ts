// The shipments repository on Postgres: shipments, their lines and their tracking events.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import { CARRIERS, type Carrier } from '../domain/rates';
import {
  SHIPMENT_STATUSES,
  type Shipment,
  type ShipmentStatus,
  type TrackingEvent,
} from '../domain/shipments';

const iso = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());

const shipmentRow = z.object({
  id: z.string(),
  order_id: z.string(),
  customer_id: z.string().nullable(),
  carrier: z.enum(CARRIERS),
  service: z.string(),
  tracking_number: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  progress: z.coerce.number().int(),
  estimated_delivery: iso.nullable(),
  created_at: iso,
  lines: z.array(z.object({ orderLineId: z.string(), quantity: z.number().int() })).nullable(),
});

const eventRow = z.object({
  id: z.string(),
  shipment_id: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  description: z.string(),
  location: z.string().nullable(),
  occurred_at: iso,
});

function toShipment(row: unknown): Shipment {
  const r = shipmentRow.parse(row);
  return {
    id: r.id,
    orderId: r.order_id,
    customerId: r.customer_id,
    carrier: r.carrier,
    service: r.service,
    trackingNumber: r.tracking_number,
    status: r.status,
    progress: r.progress,
    estimatedDelivery: r.estimated_delivery,
    lines: r.lines ?? [],
    createdAt: r.created_at,
  };
}

function toEvent(row: unknown): TrackingEvent {
  const r = eventRow.parse(row);
  return {
    id: r.id,
    shipmentId: r.shipment_id,
    status: r.status,
    description: r.description,
    location: r.location,
    occurredAt: r.occurred_at,
  };
}

const SELECT_SHIPMENT = `
  SELECT s.id, s.order_id, s.customer_id, s.carrier, s.service, s.tracking_number, s.status, s.progress,
         s.estimated_delivery, s.created_at,
         (SELECT json_agg(json_build_object('orderLineId', l.order_line_id, 'quantity', l.quantity) ORDER BY l.order_line_id)
            FROM shipment_lines l WHERE l.shipment_id = s.id) AS lines
    FROM shipments s`;

export interface NewShipment {
  id: string;
  orderId: string;
  customerId: string | null;
  carrier: Carrier;
  service: string;
  trackingNumber: string;
  labelFormat: string;
  labelData: string;
  estimatedDelivery: string;
  lines: { orderLineId: string; quantity: number }[];
}

export interface NewTrackingEvent {
  id: string;
  shipmentId: string;
  carrier: Carrier;
  externalId: string;
  status: ShipmentStatus;
  description: string;
  location: string | null;
  occurredAt: string;
}

export const shipmentsRepo = {
  async insert(tx: SqlExecutor, s: NewShipment): Promise<void> {
    await tx.query(
      `INSERT INTO shipments (id, order_id, customer_id, carrier, service, tracking_number, status, progress,
                              label_format, label_data, estimated_delivery)
       VALUES ($1, $2, $3, $4, $5, $6, 'LABEL_CREATED', 0, $7, $8, $9)`,
      [
        s.id,
        s.orderId,
        s.customerId,
        s.carrier,
        s.service,
        s.trackingNumber,
        s.labelFormat,
        s.labelData,
        s.estimatedDelivery,
      ],
    );
    for (const line of s.lines) {
      await tx.query(
        `INSERT INTO shipment_lines (shipment_id, order_line_id, quantity) VALUES ($1, $2, $3)`,
        [s.id, line.orderLineId, line.quantity],
      );
    }
  },

  async byId(db: SqlExecutor, id: string): Promise<Shipment | null> {
    const { rows } = await db.query(`${SELECT_SHIPMENT} WHERE s.id = $1`, [id]);
    return rows[0] ? toShipment(rows[0]) : null;
  },

  async byTrackingNumber(db: SqlExecutor, trackingNumber: string): Promise<Shipment | null> {
    const { rows } = await db.query(`${SELECT_SHIPMENT} WHERE s.tracking_number = $1`, [trackingNumber]);
    return rows[0] ? toShipment(rows[0]) : null;
  },

  /** Locks the row for the rest of the transaction, so concurrent carrier updates apply one after another. */
  async lockByTrackingNumber(
    tx: SqlExecutor,
    carrier: Carrier,
    trackingNumber: string,
  ): Promise<Shipment | null> {
    const { rows } = await tx.query(
      `SELECT id FROM shipments WHERE carrier = $1 AND tracking_number = $2 FOR UPDATE`,
      [carrier, trackingNumber],
    );
    const id = (rows[0] as { id?: string } | undefined)?.id;
    return id ? shipmentsRepo.byId(tx, id) : null;
  },

  /** Shipments of many orders in one query, oldest first, grouped by order id. */
  async byOrderIds(db: SqlExecutor, orderIds: readonly string[]): Promise<Map<string, Shipment[]>> {
    const { rows } = await db.query(
      `${SELECT_SHIPMENT} WHERE s.order_id = ANY($1::text[]) ORDER BY s.created_at, s.id`,
      [[...orderIds]],
    );
    const byOrder = new Map<string, Shipment[]>();
    for (const row of rows) {
      const shipment = toShipment(row);
      const list = byOrder.get(shipment.orderId) ?? [];
      list.push(shipment);
      byOrder.set(shipment.orderId, list);
    }
    return byOrder;
  },

  async setStatus(tx: SqlExecutor, id: string, status: ShipmentStatus, progress: number): Promise<void> {
    await tx.query(`UPDATE shipments SET status = $2, progress = $3, updated_at = now() WHERE id = $1`, [
      id,
      status,
      progress,
    ]);
  },

  /** Inserts an event unless the carrier already sent it; returns whether it was new. */
  async insertEvent(tx: SqlExecutor, e: NewTrackingEvent): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO tracking_events (id, shipment_id, carrier, external_id, status, description, location, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (carrier, external_id) DO NOTHING`,
      [e.id, e.shipmentId, e.carrier, e.externalId, e.status, e.description, e.location, e.occurredAt],
    );
    return rowCount > 0;
  },

  /** Events of many shipments in one query, oldest first. */
  async eventsByShipmentIds(
    db: SqlExecutor,
    shipmentIds: readonly string[],
  ): Promise<Map<string, TrackingEvent[]>> {
    const { rows } = await db.query(
      `SELECT id, shipment_id, status, description, location, occurred_at FROM tracking_events
        WHERE shipment_id = ANY($1::uuid[]) ORDER BY occurred_at, recorded_at, id`,
      [[...shipmentIds]],
    );
    const byShipment = new Map<string, TrackingEvent[]>();
    for (const row of rows) {
      const event = toEvent(row);
      const list = byShipment.get(event.shipmentId) ?? [];
      list.push(event);
      byShipment.set(event.shipmentId, list);
    }
    return byShipment;
  },

  async label(db: SqlExecutor, id: string): Promise<{ format: string; data: string } | null> {
    const { rows } = await db.query<{ label_format: string; label_data: string }>(
      `SELECT label_format, label_data FROM shipments WHERE id = $1`,
      [id],
    );
    return rows[0] ? { format: rows[0].label_format, data: rows[0].label_data } : null;
  },
};
