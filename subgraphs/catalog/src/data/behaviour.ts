// Shopper behaviour events in DynamoDB (one partition per shopper, newest last, expiring by TTL), read back for personalisation.
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { epochSeconds, type Dynamo } from '@shop/datastores';

export type BehaviourKind = 'view' | 'search' | 'cart_add' | 'purchase';

export interface BehaviourEvent {
  kind: BehaviourKind;
  productId?: string;
  categoryHandle?: string;
  brand?: string;
  query?: string;
  /** Units, for purchases. */
  quantity?: number;
  occurredAt: string;
}

const RETENTION_SECONDS = 90 * 24 * 3600;

export { behaviourTables } from '@shop/datastores';

const itemSchema = z.object({
  kind: z.enum(['view', 'search', 'cart_add', 'purchase']),
  productId: z.string().optional(),
  categoryHandle: z.string().optional(),
  brand: z.string().optional(),
  query: z.string().optional(),
  quantity: z.number().optional(),
  occurredAt: z.string(),
});

export class BehaviourStore {
  private readonly table: string;
  constructor(
    private readonly dynamo: Dynamo,
    prefix: string,
  ) {
    this.table = `${prefix}behaviour_events`;
  }

  async record(customerId: string, events: BehaviourEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 25) {
      const chunk = events.slice(i, i + 25);
      await this.dynamo.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [this.table]: chunk.map((event) => ({
              PutRequest: {
                Item: {
                  customerId,
                  sk: `${event.occurredAt}#${randomUUID()}`,
                  ...event,
                  query: event.query?.slice(0, 256),
                  ttl: epochSeconds(new Date(event.occurredAt)) + RETENTION_SECONDS,
                },
              },
            })),
          },
        }),
      );
    }
  }

  /** The shopper's most recent events, newest first. */
  async recent(customerId: string, limit = 200): Promise<BehaviourEvent[]> {
    const { Items = [] } = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'customerId = :c',
        ExpressionAttributeValues: { ':c': customerId },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.flatMap((item) => {
      const parsed = itemSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }
}
