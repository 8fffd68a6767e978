// The DynamoDB outbox (the cart's) when Redis restarts empty between a relayed event and its consumption: a private
// redis-server that the test really stops and starts again, never the shared one.
import { randomUUID } from 'node:crypto';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { privateRedis, testDynamo, testLogger, waitFor, type PrivateServer } from '@shop/testkit';
import {
  connectRedis,
  dynamoOutboxTables,
  DynamoOutboxRelay,
  ensureTables,
  outboxPut,
  processedMarker,
  RedisStreamsBus,
  type DomainEvent,
} from '../src';

describe('DynamoDB outbox when Redis restarts empty', () => {
  let redis: PrivateServer;
  const { dynamo, prefix } = testDynamo();
  const outbox = `${prefix}outbox`;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    await ensureTables(dynamo.client, dynamoOutboxTables(prefix));
  });

  afterAll(async () => {
    dynamo.client.destroy();
    await redis?.destroy();
  });

  /** The outbox items under `pk` ('pending' or 'relayed') of the outbox table `table`. */
  const itemsOf = async (table: string, pk: string) =>
    (
      await dynamo.doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ConsistentRead: true,
        }),
      )
    ).Items ?? [];
  const items = (pk: string) => itemsOf(outbox, pk);

  it('When Redis restarts between a cart event and its consumption, then the relay publishes it again and the consumer applies it once', async () => {
    const bus = new RedisStreamsBus(connectRedis(redis.url), testLogger, { blockMs: 50, claimIdleMs: 500 });
    const relay = new DynamoOutboxRelay(dynamo, prefix, bus, testLogger, 100, 'cart');
    const applied: string[] = [];
    try {
      relay.start();
      // The cart releases a reservation; its event is written with the change and relayed to the stream...
      const variantId = randomUUID();
      await dynamo.doc.send(
        new TransactWriteCommand({
          TransactItems: [outboxPut(prefix, 'cart', { topic: 'inventory.changed', payload: { variantId } })],
        }),
      );
      relay.kick();
      await waitFor(
        async () => (await items('relayed')).length === 1,
        10_000,
        'the cart event to be relayed',
      );
      expect(await items('pending')).toEqual([]);
      const [relayed] = await items('relayed');
      // Kept past the retention window only by its TTL, which DynamoDB honours on AWS.
      expect(relayed!.ttl).toBeGreaterThan(Date.now() / 1000 + 23 * 3600);

      // ...and Redis restarts empty before any consumer has read it.
      await redis.stop();
      await redis.start();

      // The catalog's consumer joins after the restart: the event reaches it only if the relay publishes it again.
      bus.subscribe('catalog', ['inventory.changed'], async (event: DomainEvent) => {
        // Once per event, as a consumer on DynamoDB records it: the marker fails a second delivery.
        try {
          await dynamo.doc.send(
            new TransactWriteCommand({ TransactItems: [processedMarker(prefix, 'catalog', event.id)] }),
          );
        } catch (error) {
          if ((error as Error).name === 'TransactionCanceledException') return;
          throw error;
        }
        applied.push(String(event.payload.variantId));
      });
      // The relay learns of the new stream on its next round (the poll, or the next commit's kick).
      await waitFor(async () => applied.length === 1, 30_000, 'the consumer to apply the event');
      expect(applied).toEqual([variantId]);
      // Published again, it is relayed again: nothing is left pending and it is kept once.
      await waitFor(async () => (await items('pending')).length === 0, 10_000, 'the outbox to drain');
      const again = await items('relayed');
      expect(again.map((i) => i.id)).toEqual([relayed!.id]);
      expect(again[0]!.pendingSk).toBe(relayed!.pendingSk);
    } finally {
      await relay.stop();
      await bus.close();
    }
    // A redelivery of the same event changes nothing.
    expect(applied).toEqual([applied[0]]);
  });

  it('When relayed items are older than the retention window, then the relay deletes them and does not publish them again', async () => {
    const bus = new RedisStreamsBus(connectRedis(redis.url), testLogger, { blockMs: 50 });
    // A one-second window: what was relayed a second ago is past it.
    const relay = new DynamoOutboxRelay(dynamo, `${prefix}old_`, bus, testLogger, 100, 'cart', 1);
    await ensureTables(dynamo.client, dynamoOutboxTables(`${prefix}old_`));
    const table = `${prefix}old_outbox`;
    const count = async (pk: string) => (await itemsOf(table, pk)).length;
    try {
      await dynamo.doc.send(
        new TransactWriteCommand({
          TransactItems: [outboxPut(`${prefix}old_`, 'cart', { topic: 'cart.test', payload: {} })],
        }),
      );
      await relay.drain();
      expect(await count('relayed')).toBe(1);
      await new Promise((r) => setTimeout(r, 1500));
      // A new relay (a restart) runs its cleanup on its first round.
      const fresh = new DynamoOutboxRelay(dynamo, `${prefix}old_`, bus, testLogger, 100, 'cart', 1);
      await fresh.drain();
      expect(await count('relayed')).toBe(0);
      expect(await count('pending')).toBe(0);
    } finally {
      await relay.stop();
      await bus.close();
    }
  });
});
