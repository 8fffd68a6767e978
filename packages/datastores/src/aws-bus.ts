// The event bus on AWS: one SNS topic; each consuming service has its own SQS queue subscribed to the
// topic with raw message delivery and a filter on the event's topic, and a dead-letter queue behind it.
// A message is deleted only after its handler has committed; one that keeps failing moves to the
// dead-letter queue after `maxReceiveCount` receives. Delivery is at least once, in no set order.
import {
  CreateTopicCommand,
  PublishBatchCommand,
  SetSubscriptionAttributesCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { awsClientOptions, type Logger } from '@shop/common';
import { consumeTraced, type DomainEvent, type EventBus, type EventHandler } from './bus';

export interface SnsSqsBusOptions {
  region: string;
  snsEndpoint?: string;
  sqsEndpoint?: string;
  /** A topic name (default `shop-events`) or, for a topic made by the infrastructure, its ARN. */
  topicName?: string;
  /**
   * Make or update the topic's queues, their redrive and subscriptions at start (default). Off where the
   * infrastructure owns them and the service may only publish, receive and delete.
   */
  provision?: boolean;
  /** Queue `<prefix><consumer>-events`; default `shop-`. */
  queuePrefix?: string;
  /** Default 5. */
  maxReceiveCount?: number;
  /** Default 60. */
  visibilityTimeoutSeconds?: number;
  /** Long-poll wait, default 20. */
  waitTimeSeconds?: number;
}

/** The message attribute SNS filters on, so each queue receives only the topics its consumer reads. */
export const EVENT_TOPIC_ATTRIBUTE = 'topic';

const domainEventSchema = z.object({
  id: z.string().min(1),
  topic: z.string().min(1),
  source: z.string(),
  occurredAt: z.string(),
  payload: z.record(z.unknown()),
});

/** An SQS message body (raw delivery: the event as published) as a domain event; throws on anything else. */
export function parseEventMessage(body: string | undefined): DomainEvent {
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    throw new Error('the message body is not JSON');
  }
  const parsed = domainEventSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `the message is not an event: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  return parsed.data;
}

const DLQ_RETENTION_SECONDS = 14 * 24 * 3600;
const SNS_BATCH = 10;

export class SnsSqsBus implements EventBus {
  readonly sns: SNSClient;
  readonly sqs: SQSClient;
  private readonly topicName: string;
  private readonly queuePrefix: string;
  private readonly maxReceiveCount: number;
  private readonly visibilityTimeout: number;
  private readonly waitTime: number;
  private readonly provisionQueues: boolean;
  private topicArn?: Promise<string>;
  private running = true;
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private readonly provisioning: Promise<unknown>[] = [];

  constructor(
    options: SnsSqsBusOptions,
    private readonly logger: Logger,
  ) {
    this.sns = new SNSClient(awsClientOptions(options.region, options.snsEndpoint));
    this.sqs = new SQSClient(awsClientOptions(options.region, options.sqsEndpoint));
    this.topicName = options.topicName ?? 'shop-events';
    this.queuePrefix = options.queuePrefix ?? 'shop-';
    this.maxReceiveCount = options.maxReceiveCount ?? 5;
    this.visibilityTimeout = options.visibilityTimeoutSeconds ?? 60;
    this.waitTime = options.waitTimeSeconds ?? 20;
    this.provisionQueues = options.provision ?? true;
  }

  queueName(consumer: string): string {
    return `${this.queuePrefix}${consumer}-events`;
  }

  /** The topic's ARN; CreateTopic is idempotent, so this also makes the topic where none exists yet. */
  topic(): Promise<string> {
    if (this.topicName.startsWith('arn:')) return Promise.resolve(this.topicName);
    this.topicArn ??= this.sns
      .send(new CreateTopicCommand({ Name: this.topicName }))
      .then((out) => out.TopicArn!);
    this.topicArn.catch(() => (this.topicArn = undefined));
    return this.topicArn;
  }

  async publish(events: DomainEvent[]): Promise<void> {
    if (!events.length) return;
    const topicArn = await this.topic();
    for (let start = 0; start < events.length; start += SNS_BATCH) {
      const batch = events.slice(start, start + SNS_BATCH);
      const out = await this.sns.send(
        new PublishBatchCommand({
          TopicArn: topicArn,
          PublishBatchRequestEntries: batch.map((event, i) => ({
            Id: String(i),
            Message: JSON.stringify(event),
            MessageAttributes: { [EVENT_TOPIC_ATTRIBUTE]: { DataType: 'String', StringValue: event.topic } },
          })),
        }),
      );
      // The relay keeps the whole batch and publishes it again: consumers apply each event once.
      if (out.Failed?.length)
        throw new Error(
          `SNS refused ${out.Failed.length} of ${batch.length} events: ${out.Failed[0]!.Code ?? ''}`,
        );
    }
  }

  private async queue(
    name: string,
    attributes: (arn: string) => Record<string, string>,
  ): Promise<{ url: string; arn: string }> {
    let url: string;
    try {
      url = (await this.sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
    } catch (error) {
      if ((error as { name?: string }).name !== 'QueueDoesNotExist') throw error;
      url = (await this.sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;
    }
    const got = await this.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
    );
    const arn = got.Attributes!.QueueArn!;
    // Set on an existing queue too, so a changed setting reaches it without recreating it.
    await this.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes(arn) }));
    return { url, arn };
  }

  /**
   * Makes (or brings up to date) the consumer's queue, its dead-letter queue and its subscription to the
   * topic, filtered to `topics`; returns the queue's URL. Safe to run at every start. With provisioning
   * off it only looks the queue up.
   */
  async provision(consumer: string, topics: string[]): Promise<string> {
    const name = this.queueName(consumer);
    if (!this.provisionQueues)
      return (await this.sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
    const topicArn = await this.topic();
    const dlq = await this.queue(`${name}-dlq`, () => ({
      MessageRetentionPeriod: String(DLQ_RETENTION_SECONDS),
    }));
    const queue = await this.queue(name, (arn) => ({
      VisibilityTimeout: String(this.visibilityTimeout),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: this.maxReceiveCount }),
      // SNS may deliver to the queue only for this topic.
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: arn,
            Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
          },
        ],
      }),
    }));
    const subscription = await this.sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'sqs',
        Endpoint: queue.arn,
        Attributes: { RawMessageDelivery: 'true' },
        ReturnSubscriptionArn: true,
      }),
    );
    await this.sns.send(
      new SetSubscriptionAttributesCommand({
        SubscriptionArn: subscription.SubscriptionArn!,
        AttributeName: 'FilterPolicy',
        AttributeValue: JSON.stringify({ [EVENT_TOPIC_ATTRIBUTE]: [...new Set(topics)] }),
      }),
    );
    return queue.url;
  }

  subscribe(group: string, topics: string[], handler: EventHandler): void {
    const queue = this.provision(group, topics);
    this.provisioning.push(queue.catch(() => undefined));
    this.loops.push(this.consume(group, topics, queue, handler));
  }

  /**
   * Resolves once every subscription made so far has its queue subscribed to the topic: SNS keeps no
   * event for a queue that does not exist yet (on AWS the queues are made before the first deploy).
   */
  async ready(): Promise<void> {
    await Promise.all(this.provisioning);
  }

  private async consume(
    group: string,
    topics: string[],
    provisioned: Promise<string>,
    handler: EventHandler,
  ): Promise<void> {
    const wanted = new Set(topics);
    let queueUrl: string | undefined;
    let pending: Promise<string> | undefined = provisioned;
    while (this.running) {
      try {
        queueUrl ??= await (pending ?? this.provision(group, topics));
        pending = undefined;
        const out = await this.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: this.waitTime,
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          { abortSignal: this.abort.signal },
        );
        for (const message of out.Messages ?? []) {
          if (!this.running) return;
          await this.handle(queueUrl, group, message, wanted, handler);
        }
      } catch (error) {
        pending = undefined;
        if (!this.running) return;
        this.logger.warn({ err: error, group }, 'event queue receive failed; retrying');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async handle(
    queueUrl: string,
    group: string,
    message: Message,
    topics: Set<string>,
    handler: EventHandler,
  ) {
    try {
      const event = parseEventMessage(message.Body);
      if (topics.has(event.topic)) await consumeTraced(group, event, handler);
    } catch (error) {
      // Left on the queue: visible again after the visibility timeout, then dead-lettered after maxReceiveCount.
      this.logger.warn(
        {
          err: error,
          group,
          messageId: message.MessageId,
          receives: message.Attributes?.ApproximateReceiveCount,
        },
        'event handler failed; will retry',
      );
      return;
    }
    await this.sqs.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }),
    );
  }

  async close(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await Promise.allSettled(this.loops);
    this.sns.destroy();
    this.sqs.destroy();
  }
}
