// The outbox for services whose store is DynamoDB: an outbox item joins the producer's TransactWriteItems,
// and a relay publishes and deletes it. On AWS, DynamoDB Streams + EventBridge Pipes could replace the relay.
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
import type { NewEvent } from './outbox';
import { PollingWorker } from './worker';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const PENDING = 'pending';

/** The Put that writes an event in the caller's transaction. */
export function outboxPut(prefix: string, source: string, event: NewEvent, now = new Date()): TransactItem {
  const id = randomUUID();
  const item: DomainEvent & { pk: string; sk: string } = {
    pk: PENDING,
    sk: `${now.getTime().toString().padStart(15, '0')}#${id}`,
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

export class DynamoOutboxRelay extends PollingWorker {
  constructor(
    private readonly dynamo: Dynamo,
    private readonly prefix: string,
    private readonly bus: EventBus,
    logger: Logger,
    pollMs = 1000,
    /** The producing service, as the backlog gauges name it. */
    private readonly source = 'dynamodb',
  ) {
    super(logger, pollMs, 'outbox relay');
  }

  private stopGauges: () => void = () => undefined;

  override start(): void {
    super.start();
    // Items sort by the time they were written: the first pending one is the oldest.
    this.stopGauges = onScrape(async () => {
      const table = `${this.prefix}outbox`;
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
    for (;;) {
      const { Items = [] } = await this.dynamo.doc.send(
        new QueryCommand({
          TableName: `${this.prefix}outbox`,
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
      await this.dynamo.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [`${this.prefix}outbox`]: Items.map((item) => ({
              DeleteRequest: { Key: { pk: item.pk as string, sk: item.sk as string } },
            })),
          },
        }),
      );
    }
  }
}
