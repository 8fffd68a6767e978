import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PublishCommand } from '@aws-sdk/client-sns';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { SesEmailSender } from '@shop/common';
import {
  OUTBOX_MIGRATIONS,
  SnsSqsBus,
  loadMigrations,
  migrate,
  openSqlDatabase,
  type DomainEvent,
} from '@shop/datastores';
import {
  createTestDatabase,
  customer,
  sesSentTo,
  testAws,
  testLogger,
  verifySesSender,
  waitFor,
  type TestDatabase,
} from '@shop/testkit';
import { handler, createSqsNotificationHandler } from '../src/lambdas/notifications';
import { NOTIFICATIONS_CONSUMER, NOTIFICATION_TOPICS, createNotifier } from '../src/notifications';
import { COMPLETE, readyCheckout, startHarness, type Harness } from './harness';
import { insertPaidOrder } from './paid-order';

const aws = testAws();
const FROM = 'Shop <no-reply@shop.local>';

let pg: TestDatabase;
let bus: SnsSqsBus;
let queueUrl: string;
let queueArn: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  pg = await createTestDatabase('orders_notifications_aws');
  await migrate(pg.db, [...OUTBOX_MIGRATIONS, ...loadMigrations(join(__dirname, '..', 'migrations'))]);
  await verifySesSender(aws.endpoint, 'no-reply@shop.local');
  bus = new SnsSqsBus(
    {
      region: aws.region,
      snsEndpoint: aws.endpoint,
      sqsEndpoint: aws.endpoint,
      topicName: `${aws.prefix}events`,
      queuePrefix: aws.prefix,
      visibilityTimeoutSeconds: 30,
      waitTimeSeconds: 1,
    },
    testLogger,
  );
  queueUrl = await bus.provision(NOTIFICATIONS_CONSUMER, NOTIFICATION_TOPICS);
  const { Attributes } = await bus.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  queueArn = Attributes!.QueueArn!;
});

afterAll(async () => {
  process.env = savedEnv;
  await bus?.close();
  await pg?.drop();
});

const paidOrder = (email: string) => insertPaidOrder(pg.db, email);

function paidEvent(orderId: string): DomainEvent {
  return {
    id: randomUUID(),
    topic: 'order.paid',
    source: 'orders',
    occurredAt: new Date().toISOString(),
    payload: { orderId },
  };
}

/** What the Lambda service hands a function for SQS messages (the SQS event source mapping). */
function sqsEvent(messages: Message[]): SQSEvent {
  return {
    Records: messages.map((m): SQSRecord => ({
      messageId: m.MessageId!,
      receiptHandle: m.ReceiptHandle!,
      body: m.Body!,
      attributes: {
        ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
        SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
        SenderId: m.Attributes?.SenderId ?? 'sns',
        ApproximateFirstReceiveTimestamp:
          m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: Object.fromEntries(
        Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [
          k,
          { dataType: v.DataType!, stringValue: v.StringValue },
        ]),
      ),
      md5OfBody: m.MD5OfBody!,
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: aws.region,
    })),
  };
}

/** Receives from the notifications queue until `count` messages are in hand. */
async function receive(count: number): Promise<Message[]> {
  const messages: Message[] = [];
  await waitFor(
    async () => {
      const out = await bus.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      messages.push(...(out.Messages ?? []));
      return messages.length >= count;
    },
    15_000,
    `${count} messages on the notifications queue`,
  );
  return messages;
}

/** What the event source mapping does with a batch's answer: deletes every record not reported as failed. */
async function deleteSucceeded(messages: Message[], failures: { itemIdentifier: string }[]) {
  const failed = new Set(failures.map((f) => f.itemIdentifier));
  for (const m of messages.filter((m) => !failed.has(m.MessageId!))) {
    await bus.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle! }));
  }
}

describe('the notifications Lambda on SQS and SES (moto)', () => {
  it('When a batch from the queue holds an order.paid and a poison message, then the email goes out through SES and only the poison is reported failed', async () => {
    const email = `${aws.prefix}shopper@example.com`;
    const order = await paidOrder(email);
    const event = paidEvent(order.id);
    await bus.publish([event]);
    await bus.sns.send(
      new PublishCommand({
        TopicArn: await bus.topic(),
        Message: 'not an event',
        MessageAttributes: { topic: { DataType: 'String', StringValue: 'order.paid' } },
      }),
    );
    const messages = await receive(2);
    const poison = messages.find((m) => m.Body === 'not an event')!;

    // The exported entry, configured as a Lambda is: by its environment.
    process.env = {
      ...savedEnv,
      NODE_ENV: 'production',
      DATABASE_URL: pg.url,
      SES_REGION: aws.region,
      SES_ENDPOINT: aws.endpoint,
      EMAIL_FROM: FROM,
      LOG_LEVEL: 'silent',
    };
    const result = await handler(sqsEvent(messages));
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: poison.MessageId }] });

    const sent = await sesSentTo(aws.endpoint, email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.source).toBe(FROM);
    expect(sent[0]!.subject).toContain(`#${order.number}`);
    expect(sent[0]!.body).toContain('Trail Shoe');
    await deleteSucceeded(messages, result.batchItemFailures);

    // SQS delivers the confirmation again (a Lambda timed out before its answer): no second email.
    const again = await handler(sqsEvent(messages.filter((m) => m !== poison)));
    expect(again).toEqual({ batchItemFailures: [] });
    expect(await sesSentTo(aws.endpoint, email)).toHaveLength(1);
    const { rows } = await pg.db.query(`SELECT kind, recipient FROM notifications_sent WHERE order_id = $1`, [
      order.id,
    ]);
    expect(rows).toEqual([{ kind: 'order_confirmation', recipient: email }]);
  });

  it('When SES refuses a send, then the record is reported failed, nothing is recorded, and the next delivery sends it', async () => {
    const email = `${aws.prefix}retry@example.com`;
    const order = await paidOrder(email);
    await bus.publish([paidEvent(order.id)]);
    const messages = await receive(1);
    const db = await openSqlDatabase({ url: pg.url, dataDir: '' });
    try {
      // An unverified sender: SES answers MessageRejected.
      const refused = createSqsNotificationHandler(
        createNotifier({
          db,
          email: new SesEmailSender(aws.region, `unverified-${aws.prefix}@example.com`, aws.endpoint),
        }),
        testLogger,
      );
      expect(await refused(sqsEvent(messages))).toEqual({
        batchItemFailures: [{ itemIdentifier: messages[0]!.MessageId }],
      });
      expect(await sesSentTo(aws.endpoint, email)).toEqual([]);
      expect(
        (await pg.db.query(`SELECT 1 FROM notifications_sent WHERE order_id = $1`, [order.id])).rows,
      ).toEqual([]);

      const working = createSqsNotificationHandler(
        createNotifier({ db, email: new SesEmailSender(aws.region, FROM, aws.endpoint) }),
        testLogger,
      );
      expect(await working(sqsEvent(messages))).toEqual({ batchItemFailures: [] });
      expect(await sesSentTo(aws.endpoint, email)).toHaveLength(1);
    } finally {
      await db.close();
    }
    await deleteSucceeded(messages, []);
  });
});

describe('order emails through SES', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('orders_ses', {
      SES_REGION: aws.region,
      SES_ENDPOINT: aws.endpoint,
      EMAIL_FROM: FROM,
    });
  });
  afterAll(async () => h?.close());

  it('When SES_REGION is set and an order is paid, then its confirmation is sent through SES and no mail file is written', async () => {
    const email = `${aws.prefix}ses@example.com`;
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper, { email });
    const res = await h.call<{ checkoutComplete: { order: { number: string } | null } }>(shopper, COMPLETE, {
      id: checkout.id,
      pm: 'pm_card_visa',
      key: randomUUID(),
    });
    const number = res.checkoutComplete.order!.number;
    await waitFor(async () => (await sesSentTo(aws.endpoint, email)).length > 0, 15_000, 'the SES email');
    const sent = await sesSentTo(aws.endpoint, email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toContain(number);
    expect(sent[0]!.source).toBe(FROM);
    const mailDir = join(h.dataDir, 'mail');
    expect(existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith('.json')) : []).toEqual([]);
  });
});
