// The outbox for services whose store is DynamoDB: an outbox item joins the producer's TransactWriteItems,
// and a relay publishes it and moves it to the relayed items, kept for the retention window to be published again
// if the bus loses them. On AWS, DynamoDB Streams + EventBridge Pipes could replace the relay.
import { randomUUID } from 'node:crypto';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
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
import { epochSeconds, type Dynamo } from './dynamo';
import { OUTBOX_RETENTION_SECONDS, type NewEvent } from './outbox';
import { PollingWorker } from './worker';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const PENDING = 'pending';
/** Published items, sorted by when they were relayed; each keeps its pending sort key to go back under it. */
const RELAYED = 'relayed';

/** A sort key that orders by time: zero-padded epoch milliseconds, then the event's id. */
const timeKey = (ms: number, id: string) => `${ms.toString().padStart(15, '0')}#${id}`;

/** The Put that writes an event in the caller's transaction. */
export function outboxPut(prefix: string, source: string, event: NewEvent, now = new Date()): TransactItem {
  const id = randomUUID();
  const item: DomainEvent & { pk: string; sk: string } = {
    pk: PENDING,
    sk: timeKey(now.getTime(), id),
    id,
    topic: event.topic,
    source,
    occurredAt: now.toISOString(),
    payload: event.payload,
  };
  // The trace the event was written in, continued by the relay's publish and its consumers.
  const traceparent = currentTraceparent();
  if (traceparent) item.traceparent = traceparent;
  return { Put: { TableName: `${prefix}outbox`, Item: item } };
}

/**
 * The Put that marks an event handled, failing the transaction if it already was: include it in
 * the consumer's TransactWriteItems so the marker and the effect commit together.
 */
export function processedMarker(
  prefix: string,
  consumer: string,
  eventId: string,
  now = Date.now(),
): TransactItem {
  return {
    Put: {
      TableName: `${prefix}processed_events`,
      Item: { id: `${consumer}#${eventId}`, ttl: epochSeconds(now) + 30 * 24 * 3600 },
      ConditionExpression: 'attribute_not_exists(id)',
    },
  };
}

type WriteRequest =
  { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Relays pending outbox items to the bus; `kick()` after a commit publishes at once, polling is the backstop.
 * Relayed items are kept for `retentionSeconds` (and carry a TTL past it): when the bus's epoch changes (its store
 * lost what it held), every item relayed within that window goes back to pending and is published again (consumers
 * apply each event once), and older ones are deleted, as the Postgres outbox does (outbox.ts).
 */
export class DynamoOutboxRelay extends PollingWorker {
  private epoch: string | undefined;
  private lastCleanup = 0;

  constructor(
    private readonly dynamo: Dynamo,
    private readonly prefix: string,
    private readonly bus: EventBus,
    logger: Logger,
    pollMs = 1000,
    /** The producing service, as the backlog gauges name it. */
    private readonly source = 'dynamodb',
    private readonly retentionSeconds = OUTBOX_RETENTION_SECONDS,
  ) {
    super(logger, pollMs, 'outbox relay');
  }

  private get table(): string {
    return `${this.prefix}outbox`;
  }

  /** Writes in batches of 25 (BatchWriteItem's bound), sending again what DynamoDB left unprocessed. */
  private async write(requests: WriteRequest[]): Promise<void> {
    for (let i = 0; i < requests.length; i += 25) {
      let pending: Record<string, WriteRequest[]> | undefined = { [this.table]: requests.slice(i, i + 25) };
      for (let attempt = 0; pending && Object.keys(pending).length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
        const out = await this.dynamo.doc.send(new BatchWriteCommand({ RequestItems: pending }));
        pending = out.UnprocessedItems as Record<string, WriteRequest[]> | undefined;
      }
    }
  }

  /** The relayed items whose sort key is past (`after`) or before the start of the retention window, a page at a time. */
  private async relayedPage(side: 'after' | 'before', start?: Record<string, unknown>) {
    const cutoff = timeKey(Date.now() - this.retentionSeconds * 1000, '');
    return this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: side === 'after' ? 'pk = :pk AND sk >= :cutoff' : 'pk = :pk AND sk < :cutoff',
        ExpressionAttributeValues: { ':pk': RELAYED, ':cutoff': cutoff },
        ConsistentRead: true,
        Limit: 100,
        ExclusiveStartKey: start,
      }),
    );
  }

  /** Puts back under pending what was relayed within the retention window when the bus lost its store. */
  private async checkEpoch(): Promise<void> {
    if (!this.bus.epoch) return;
    const epoch = await this.bus.epoch();
    if (this.epoch !== undefined && epoch !== this.epoch) {
      let events = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.relayedPage('after', start);
        const items = page.Items ?? [];
        // The pending copy first: a crash between the two leaves an event published twice, never lost.
        await this.write(
          items.map(({ pendingSk, relayedAt: _relayedAt, ttl: _ttl, ...item }) => ({
            PutRequest: { Item: { ...item, pk: PENDING, sk: pendingSk } },
          })),
        );
        await this.write(items.map((item) => ({ DeleteRequest: { Key: { pk: RELAYED, sk: item.sk } } })));
        events += items.length;
        start = page.LastEvaluatedKey;
      } while (start);
      this.logger.warn({ events }, 'the event bus lost its store; publishing recent events again');
    }
    this.epoch = epoch;
  }

  /** Deletes relayed items past the retention window, a page at a time (at most once a minute). */
  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    const { Items = [] } = await this.relayedPage('before');
    await this.write(Items.map((item) => ({ DeleteRequest: { Key: { pk: RELAYED, sk: item.sk } } })));
  }

  private stopGauges: () => void = () => undefined;

  override start(): void {
    super.start();
    // Items sort by the time they were written: the first pending one is the oldest.
    this.stopGauges = onScrape(async () => {
      const table = this.table;
      const [count, first] = await Promise.all([
        this.dynamo.doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': PENDING },
            Select: 'COUNT',
          }),
        ),
        this.dynamo.doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': PENDING },
            Limit: 1,
          }),
        ),
      ]);
      const oldest = first.Items?.[0]?.occurredAt as string | undefined;
      const source = this.source;
      outboxBacklog.set({ source }, count.Count ?? 0);
      outboxOldestAge.set({ source }, oldest ? Math.max(0, (Date.now() - Date.parse(oldest)) / 1000) : 0);
    });
  }

  override async stop(): Promise<void> {
    this.stopGauges();
    await super.stop();
  }

  async drain(): Promise<void> {
    await this.checkEpoch();
    await this.cleanup();
    for (;;) {
      const { Items = [] } = await this.dynamo.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': PENDING },
          ConsistentRead: true,
          Limit: 25,
        }),
      );
      if (!Items.length) return;
      const spans = producerSpans(
        Items.map((item) => ({
          topic: String(item.topic),
          traceparent: item.traceparent as string | undefined,
        })),
      );
      const events = Items.map(({ id, topic, source, occurredAt, payload }, i) => ({
        id,
        topic,
        source,
        occurredAt,
        payload,
        // eslint-disable-next-line security/detect-object-injection -- i indexes the spans made from these same items
        ...(spans.traceparents[i] ? { traceparent: spans.traceparents[i] } : {}),
      })) as DomainEvent[];
      try {
        await this.bus.publish(events);
        spans.end();
      } catch (error) {
        spans.end(error);
        throw error;
      }
      for (const event of events) eventsPublished.inc({ topic: event.topic });
      // Kept as relayed before the pending item goes: a crash between the two publishes it again, never loses it.
      const now = Date.now();
      await this.write(
        Items.map((item) => ({
          PutRequest: {
            Item: {
              ...item,
              pk: RELAYED,
              sk: timeKey(now, String(item.id)),
              pendingSk: item.sk,
              relayedAt: new Date(now).toISOString(),
              ttl: epochSeconds(now) + this.retentionSeconds + 3600,
            },
          },
        })),
      );
      await this.write(Items.map((item) => ({ DeleteRequest: { Key: { pk: PENDING, sk: item.sk } } })));
    }
  }
}
