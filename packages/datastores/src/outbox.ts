// The transactional outbox: events are written in the producer's own transaction and relayed to the bus
// afterwards, so a crash between the commit and the publish loses nothing. Consumers record what they handled.
import { randomUUID } from 'node:crypto';
import {
  currentTraceparent,
  eventsPublished,
  onScrape,
  outboxBacklog,
  outboxOldestAge,
  producerSpans,
  type Logger,
} from '@shop/common';
import type { DomainEvent, EventBus } from './bus';
import type { Migration } from './migrate';
import type { SqlDatabase, SqlExecutor } from './sql';
import { PollingWorker } from './worker';

export const OUTBOX_MIGRATION: Migration = {
  version: '000_outbox',
  sql: `
    CREATE TABLE outbox_events (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      claimed_until timestamptz,
      published_at timestamptz
    );
    CREATE INDEX outbox_events_pending ON outbox_events (seq) WHERE published_at IS NULL;
    CREATE TABLE processed_events (
      consumer text NOT NULL,
      event_id text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    );
  `,
};

/** Each row keeps the trace of the request that wrote it; the relay and the consumers continue that trace. */
export const OUTBOX_TRACE_MIGRATION: Migration = {
  version: '000_outbox_trace_context',
  sql: `ALTER TABLE outbox_events ADD COLUMN trace_context text`,
};

/** The outbox's tables, in order: what each service using `enqueueEvents` migrates first. */
export const OUTBOX_MIGRATIONS: Migration[] = [OUTBOX_MIGRATION, OUTBOX_TRACE_MIGRATION];

export interface NewEvent {
  topic: string;
  payload: Record<string, unknown>;
}

/** Writes events in the caller's transaction, each with the trace it was written in (null when untraced). */
export async function enqueueEvents(tx: SqlExecutor, events: NewEvent[]): Promise<void> {
  const traceparent = currentTraceparent() ?? null;
  for (const event of events) {
    await tx.query(`INSERT INTO outbox_events (id, topic, payload, trace_context) VALUES ($1, $2, $3, $4)`, [
      randomUUID(),
      event.topic,
      JSON.stringify(event.payload),
      traceparent,
    ]);
  }
}

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  occurred_at: Date | string;
  trace_context: string | null;
}

/** How long relayed rows are kept, to be published again if the bus loses them (Redis restarted empty). */
export const OUTBOX_RETENTION_SECONDS = 24 * 3600;

/**
 * Relays committed outbox rows to the bus; `kick()` after a commit publishes at once, polling is the backstop.
 * Relayed rows are kept for `retentionSeconds`: when the bus's epoch changes (its store lost what it held), every
 * row relayed within that window is published again (consumers apply each event once), and older rows are deleted.
 */
export class SqlOutboxRelay extends PollingWorker {
  private epoch: string | undefined;
  private lastCleanup = 0;

  constructor(
    private readonly db: SqlDatabase,
    private readonly bus: EventBus,
    private readonly source: string,
    logger: Logger,
    pollMs = 1000,
    private readonly retentionSeconds = OUTBOX_RETENTION_SECONDS,
  ) {
    super(logger, pollMs, 'outbox relay');
  }

  /** Marks for publishing again what was relayed within the retention window when the bus lost its store. */
  private async checkEpoch(): Promise<void> {
    if (!this.bus.epoch) return;
    const epoch = await this.bus.epoch();
    if (this.epoch !== undefined && epoch !== this.epoch) {
      const { rowCount } = await this.db.query(
        `UPDATE outbox_events SET published_at = NULL, claimed_until = NULL
          WHERE published_at IS NOT NULL AND published_at > now() - make_interval(secs => $1)`,
        [this.retentionSeconds],
      );
      this.logger.warn({ events: rowCount }, 'the event bus lost its store; publishing recent events again');
    }
    this.epoch = epoch;
  }

  /** Deletes relayed rows past the retention window, oldest first, a batch at a time (at most once a minute). */
  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await this.db.query(
      `DELETE FROM outbox_events WHERE seq IN (
         SELECT seq FROM outbox_events
          WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1)
          ORDER BY seq LIMIT 1000)`,
      [this.retentionSeconds],
    );
  }

  private stopGauges: () => void = () => undefined;

  override start(): void {
    super.start();
    // Read at scrape time: `outbox_backlog_events` and `outbox_oldest_unsent_age_seconds` for this service.
    this.stopGauges = onScrape(async () => {
      const { rows } = await this.db.query<{ backlog: string; age: number | null }>(
        `SELECT count(*) AS backlog, extract(epoch FROM now() - min(occurred_at))::float8 AS age
           FROM outbox_events WHERE published_at IS NULL`,
      );
      outboxBacklog.set({ source: this.source }, Number(rows[0]?.backlog ?? 0));
      outboxOldestAge.set({ source: this.source }, Math.max(0, rows[0]?.age ?? 0));
    });
  }

  override async stop(): Promise<void> {
    this.stopGauges();
    await super.stop();
  }

  /** Publishes everything pending; resolves when the outbox is empty or a publish failed. */
  async drain(): Promise<void> {
    await this.checkEpoch();
    await this.cleanup();
    for (;;) {
      // A short claim instead of a lock held over the publish: the bus may call back into this database.
      const { rows } = await this.db.query<OutboxRow>(
        `UPDATE outbox_events SET claimed_until = now() + interval '30 seconds'
          WHERE seq IN (
            SELECT seq FROM outbox_events
             WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
             ORDER BY seq LIMIT 100 FOR UPDATE SKIP LOCKED)
          RETURNING seq, id, topic, payload, occurred_at, trace_context`,
      );
      if (!rows.length) return;
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      const spans = producerSpans(rows.map((row) => ({ topic: row.topic, traceparent: row.trace_context })));
      const events: DomainEvent[] = rows.map((row, i) => ({
        id: row.id,
        topic: row.topic,
        source: this.source,
        occurredAt: new Date(row.occurred_at).toISOString(),
        payload: row.payload,
        // eslint-disable-next-line security/detect-object-injection -- i indexes the spans made from these same rows
        ...(spans.traceparents[i] ? { traceparent: spans.traceparents[i] } : {}),
      }));
      try {
        await this.bus.publish(events);
        spans.end();
      } catch (error) {
        spans.end(error);
        await this.db.query(`UPDATE outbox_events SET claimed_until = NULL WHERE seq = ANY($1::bigint[])`, [
          rows.map((r) => r.seq),
        ]);
        throw error;
      }
      await this.db.query(`UPDATE outbox_events SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
      ]);
      for (const event of events) eventsPublished.inc({ topic: event.topic });
    }
  }
}

/**
 * Runs `effect` once per (consumer, event): the marker and the effect commit together, so a
 * redelivered event finds the marker and does nothing. Returns false when it was a duplicate.
 */
export async function consumeOnce(
  db: SqlDatabase,
  consumer: string,
  eventId: string,
  effect: (tx: SqlExecutor) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [consumer, eventId],
    );
    if (rowCount === 0) return false;
    await effect(tx);
    return true;
  });
}
