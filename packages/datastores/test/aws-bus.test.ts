import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, GetQueueUrlCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { PublishCommand } from '@aws-sdk/client-sns';
import { busConfigSchema, ConfigError, parseConfig } from '@shop/common';
import { createTestDatabase, testAws, testLogger, waitFor, type TestDatabase } from '@shop/testkit';
import {
  consumeOnce,
  createEventBus,
  enqueueEvents,
  migrate,
  OUTBOX_MIGRATIONS,
  SnsSqsBus,
  SqlOutboxRelay,
  type DomainEvent,
} from '../src';

function event(topic: string, n: number): DomainEvent {
  return { id: randomUUID(), topic, source: 'test', occurredAt: new Date().toISOString(), payload: { n } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let pg: TestDatabase;
const buses: SnsSqsBus[] = [];

function newBus(
  prefix: string,
  options: { maxReceiveCount?: number; topicName?: string; provision?: boolean } = {},
): SnsSqsBus {
  const aws = testAws();
  const bus = new SnsSqsBus(
    {
      region: aws.region,
      snsEndpoint: aws.endpoint,
      sqsEndpoint: aws.endpoint,
      topicName: options.topicName ?? `${prefix}events`,
      provision: options.provision,
      queuePrefix: prefix,
      visibilityTimeoutSeconds: 1,
      waitTimeSeconds: 1,
      maxReceiveCount: options.maxReceiveCount,
    },
    testLogger,
  );
  buses.push(bus);
  return bus;
}

/** Messages on a queue, visible or received and not yet deleted. */
async function messagesOn(bus: SnsSqsBus, queueName: string): Promise<number> {
  const { QueueUrl } = await bus.sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
  const { Attributes } = await bus.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes!.ApproximateNumberOfMessages) +
    Number(Attributes!.ApproximateNumberOfMessagesNotVisible)
  );
}

beforeAll(async () => {
  pg = await createTestDatabase('aws_bus');
  await migrate(pg.db, OUTBOX_MIGRATIONS);
  await pg.db.query(`CREATE TABLE effects (consumer text, event_id text)`);
});

afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  await pg.drop();
});

describe('SNS + SQS event bus (on moto)', () => {
  it('When the outbox relay publishes, then every subscribed queue gets each of its events once, and no other', async () => {
    const { prefix } = testAws();
    const bus = newBus(prefix);
    const seen: Record<string, string[]> = { cart: [], catalog: [], shipping: [] };
    bus.subscribe('cart', ['order.paid'], async (e) => void seen.cart!.push(e.id));
    bus.subscribe('catalog', ['order.paid', 'product.changed'], async (e) => void seen.catalog!.push(e.id));
    bus.subscribe('shipping', ['shipment.created'], async (e) => void seen.shipping!.push(e.id));
    await bus.ready();

    const relay = new SqlOutboxRelay(pg.db, bus, 'orders', testLogger);
    await pg.db.transaction((tx) =>
      enqueueEvents(tx, [
        { topic: 'order.paid', payload: { n: 1 } },
        { topic: 'product.changed', payload: { n: 2 } },
        { topic: 'order.paid', payload: { n: 3 } },
      ]),
    );
    await relay.drain();
    const { rows } = await pg.db.query<{ id: string; topic: string; published_at: Date | null }>(
      `SELECT id, topic, published_at FROM outbox_events ORDER BY seq`,
    );
    expect(rows.every((r) => r.published_at)).toBe(true);
    const paid = rows.filter((r) => r.topic === 'order.paid').map((r) => r.id);

    await waitFor(() => seen.cart!.length >= 2 && seen.catalog!.length >= 3, 15_000, 'deliveries');
    // Longer than the visibility timeout: an undeleted message would have come back by now.
    await sleep(2500);
    expect(seen.cart!.sort()).toEqual([...paid].sort());
    expect(seen.catalog!.sort()).toEqual(rows.map((r) => r.id).sort());
    expect(seen.shipping).toEqual([]);
    for (const consumer of ['cart', 'catalog', 'shipping'])
      expect(await messagesOn(bus, bus.queueName(consumer))).toBe(0);
  });

  it('When a consumer dies after its effect committed but before deleting, then the event comes again and is applied once', async () => {
    const { prefix } = testAws();
    const first = newBus(prefix);
    const delivered: string[] = [];
    const apply = (e: DomainEvent) =>
      consumeOnce(pg.db, `${prefix}cart`, e.id, async (tx) => {
        await tx.query(`INSERT INTO effects (consumer, event_id) VALUES ($1, $2)`, [`${prefix}cart`, e.id]);
      });
    first.subscribe('cart', ['order.paid'], async (e) => {
      delivered.push(e.id);
      await apply(e);
      throw new Error('the process died before DeleteMessage');
    });
    await first.ready();
    const sent = event('order.paid', 1);
    await first.publish([sent]);
    await waitFor(() => delivered.length === 1, 15_000, 'the first delivery');
    await first.close();

    // The restarted consumer: the same queue, a new process.
    const second = newBus(prefix);
    second.subscribe('cart', ['order.paid'], async (e) => {
      delivered.push(e.id);
      await apply(e);
    });
    await waitFor(() => delivered.length === 2, 15_000, 'the redelivery');
    await waitFor(
      async () => (await messagesOn(second, second.queueName('cart'))) === 0,
      10_000,
      'the delete',
    );
    expect(delivered).toEqual([sent.id, sent.id]);
    const { rows } = await pg.db.query(`SELECT * FROM effects WHERE consumer = $1`, [`${prefix}cart`]);
    expect(rows).toEqual([{ consumer: `${prefix}cart`, event_id: sent.id }]);
  });

  it('When a message always fails, then after maxReceiveCount receives it is in the dead-letter queue and nowhere else', async () => {
    const { prefix } = testAws();
    const bus = newBus(prefix, { maxReceiveCount: 3 });
    const attempts: string[] = [];
    bus.subscribe('catalog', ['product.changed'], async (e) => {
      attempts.push(e.id);
      throw new Error('poison');
    });
    await bus.ready();
    const poison = event('product.changed', 1);
    await bus.publish([poison]);
    // A body that is no event at all, with the topic the queue reads: it can never be handled either.
    await bus.sns.send(
      new PublishCommand({
        TopicArn: await bus.topic(),
        Message: 'not an event',
        MessageAttributes: { topic: { DataType: 'String', StringValue: 'product.changed' } },
      }),
    );

    const { QueueUrl: dlqUrl } = await bus.sqs.send(
      new GetQueueUrlCommand({ QueueName: `${bus.queueName('catalog')}-dlq` }),
    );
    const dead: string[] = [];
    await waitFor(
      async () => {
        const out = await bus.sqs.send(
          new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }),
        );
        dead.push(...(out.Messages ?? []).map((m) => m.Body!));
        return dead.length >= 2;
      },
      30_000,
      'the dead letters',
    );
    expect(attempts).toEqual([poison.id, poison.id, poison.id]);
    expect(dead.map((b) => (b.startsWith('{') ? (JSON.parse(b) as DomainEvent).id : b)).sort()).toEqual(
      [poison.id, 'not an event'].sort(),
    );
    expect(await messagesOn(bus, bus.queueName('catalog'))).toBe(0);
  });

  it('When the infrastructure owns the topic and queues, then a bus with provisioning off publishes to the ARN and consumes without making anything', async () => {
    const { prefix } = testAws();
    const owner = newBus(prefix);
    const topicArn = await owner.topic();
    await owner.provision('cart', ['order.paid']);
    const bus = newBus(prefix, { topicName: topicArn, provision: false });
    const seen: string[] = [];
    bus.subscribe('cart', ['order.paid'], async (e) => void seen.push(e.id));
    await bus.ready();
    const sent = event('order.paid', 1);
    await bus.publish([sent]);
    await waitFor(() => seen.length === 1, 15_000, 'the delivery');
    expect(seen).toEqual([sent.id]);
    // Nothing to consume from where no queue was made for it.
    await expect(bus.provision('catalog', ['order.paid'])).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
    expect(() => parseConfig(busConfigSchema, { EVENT_TOPIC: topicArn })).not.toThrow();
    expect(() => parseConfig(busConfigSchema, { EVENT_TOPIC: 'no spaces' })).toThrow(/EVENT_TOPIC/);
  });

  it('When EVENT_BUS=aws, then the config builds the SNS + SQS bus with its topic, queues and redrive', async () => {
    const aws = testAws();
    const config = parseConfig(busConfigSchema, {
      EVENT_BUS: 'aws',
      AWS_ENDPOINT_URL: aws.endpoint,
      EVENT_TOPIC: `${aws.prefix}events`,
      EVENT_QUEUE_PREFIX: aws.prefix,
      EVENT_MAX_RECEIVES: '7',
    });
    const bus = createEventBus(config, testLogger);
    expect(bus).toBeInstanceOf(SnsSqsBus);
    buses.push(bus as SnsSqsBus);
    const url = await (bus as SnsSqsBus).provision('orders-notifications', ['order.paid']);
    expect(url).toContain(`${aws.prefix}orders-notifications-events`);
    const { Attributes } = await (bus as SnsSqsBus).sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['RedrivePolicy'] }),
    );
    expect(JSON.parse(Attributes!.RedrivePolicy!)).toEqual({
      deadLetterTargetArn: expect.stringContaining(`${aws.prefix}orders-notifications-events-dlq`),
      maxReceiveCount: 7,
    });
    expect(() => parseConfig(busConfigSchema, { EVENT_BUS: 'kafka' })).toThrow(/EVENT_BUS/);
    expect(() => createEventBus(parseConfig(busConfigSchema, { EVENT_BUS: 'redis' }), testLogger)).toThrow(
      ConfigError,
    );
  });
});
