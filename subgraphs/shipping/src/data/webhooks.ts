// The outbound webhooks repository on Postgres: subscriptions and their deliveries.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';

const iso = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());

export interface WebhookSubscription {
  id: string;
  url: string;
  topics: string[];
  createdAt: string;
}

export interface DueDelivery {
  id: string;
  subscriptionId: string;
  url: string;
  secret: string;
  eventId: string;
  topic: string;
  payload: Record<string, unknown>;
  occurredAt: string;
  attempts: number;
}

const dueRow = z.object({
  id: z.string(),
  subscription_id: z.string(),
  url: z.string(),
  secret: z.string(),
  event_id: z.string(),
  topic: z.string(),
  payload: z.record(z.unknown()),
  occurred_at: iso,
  attempts: z.coerce.number(),
});

export const webhooksRepo = {
  async createSubscription(
    tx: SqlExecutor,
    s: { url: string; topics: string[]; secret: string; createdBy: string },
  ): Promise<WebhookSubscription> {
    const id = randomUUID();
    const { rows } = await tx.query<{ created_at: Date | string }>(
      `INSERT INTO webhook_subscriptions (id, url, topics, secret, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING created_at`,
      [id, s.url, s.topics, s.secret, s.createdBy],
    );
    return { id, url: s.url, topics: s.topics, createdAt: new Date(rows[0]!.created_at).toISOString() };
  },

  /** One delivery per subscription of the topic; a redelivered event adds none (unique per subscription and event). */
  async enqueue(
    tx: SqlExecutor,
    event: { id: string; topic: string; payload: Record<string, unknown>; occurredAt: string },
  ): Promise<number> {
    const { rowCount } = await tx.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, event_id, topic, payload, occurred_at)
       SELECT gen_random_uuid(), s.id, $1, $2, $3, $4 FROM webhook_subscriptions s WHERE $2 = ANY(s.topics)
       ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      [event.id, event.topic, JSON.stringify(event.payload), event.occurredAt],
    );
    return rowCount;
  },

  /** Claims due deliveries for a while, so two workers never send the same one at once. */
  async claimDue(db: SqlExecutor, limit: number, claimSeconds: number): Promise<DueDelivery[]> {
    const { rows } = await db.query(
      `UPDATE webhook_deliveries d SET claimed_until = now() + make_interval(secs => $2)
         FROM webhook_subscriptions s
        WHERE s.id = d.subscription_id AND d.id IN (
              SELECT id FROM webhook_deliveries
               WHERE status = 'PENDING' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
               ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.subscription_id, s.url, s.secret, d.event_id, d.topic, d.payload, d.occurred_at, d.attempts`,
      [limit, claimSeconds],
    );
    return rows.map((row) => {
      const r = dueRow.parse(row);
      return {
        id: r.id,
        subscriptionId: r.subscription_id,
        url: r.url,
        secret: r.secret,
        eventId: r.event_id,
        topic: r.topic,
        payload: r.payload,
        occurredAt: r.occurred_at,
        attempts: r.attempts,
      };
    });
  },

  async markDelivered(tx: SqlExecutor, id: string, httpStatus: number): Promise<void> {
    await tx.query(
      `UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = attempts + 1, last_status = $2, delivered_at = now(), claimed_until = NULL
        WHERE id = $1`,
      [id, httpStatus],
    );
  },

  /** Schedules the next try, or gives up (FAILED) after the last one. */
  async markFailed(
    db: SqlExecutor,
    id: string,
    httpStatus: number | null,
    retryInMs: number | null,
  ): Promise<void> {
    await db.query(
      `UPDATE webhook_deliveries
          SET attempts = attempts + 1, last_status = $2, claimed_until = NULL,
              status = CASE WHEN $3::bigint IS NULL THEN 'FAILED' ELSE 'PENDING' END,
              next_attempt_at = CASE WHEN $3::bigint IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $3::bigint / 1000.0) END
        WHERE id = $1`,
      [id, httpStatus, retryInMs],
    );
  },

  async deliveries(
    db: SqlExecutor,
    subscriptionId: string,
  ): Promise<{ eventId: string; status: string; attempts: number }[]> {
    const { rows } = await db.query<{ event_id: string; status: string; attempts: number }>(
      `SELECT event_id, status, attempts FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY occurred_at`,
      [subscriptionId],
    );
    return rows.map((r) => ({ eventId: r.event_id, status: r.status, attempts: Number(r.attempts) }));
  },
};
