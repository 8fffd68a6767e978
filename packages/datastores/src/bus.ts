// Events between services. Delivery is at least once on every adapter (in-process, Redis Streams, and
// SNS + SQS in aws-bus.ts), so every consumer must be idempotent (see `consumeOnce` in outbox.ts).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type Redis from 'ioredis';
import { consumerLag, eventsConsumed, inRequestScope, inSpan, onScrape, type Logger } from '@shop/common';
import { firstConnection } from './cache';

export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  topic: string;
  source: string;
  occurredAt: string;
  payload: P;
  /** The W3C traceparent of the publish, so the consumer's handling joins the trace of the request that wrote it. */
  traceparent?: string;
}

/**
 * Runs a consumer's handler in a consumer span continuing the event's trace; its log lines name the event's id as
 * their request and the topic as their operation.
 */
export function consumeTraced(group: string, event: DomainEvent, handler: EventHandler): Promise<void> {
  return inRequestScope({ requestId: event.id, operation: `${event.topic} ${group}` }, () =>
    inSpan(
      `${event.topic} process`,
      'consumer',
      event.traceparent,
      {
        'messaging.destination.name': event.topic,
        'messaging.consumer.group.name': group,
        'messaging.message.id': event.id,
      },
      () => handler(event),
    ),
  );
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface EventBus {
  /** Resolves once the events are durable on the bus (Redis), or handled (in-process). */
  publish(events: DomainEvent[]): Promise<void>;
  /** `group` names the consuming service: each group gets every event of its topics once (or more). */
  subscribe(group: string, topics: string[], handler: EventHandler): void;
  /**
   * Names the bus's current store: it changes when the store lost what it held (Redis restarted empty), so an
   * outbox relay knows to publish again what it relayed recently. Absent on buses that cannot lose events.
   */
  epoch?(): Promise<string>;
  close(): Promise<void>;
}

/**
 * For the single-process embedded mode: `publish` runs the subscribers and rejects if one fails,
 * so the outbox keeps the event and the relay delivers it again.
 */
export class InProcessBus implements EventBus {
  private readonly subscriptions: { group: string; topics: Set<string>; handler: EventHandler }[] = [];
  constructor(private readonly logger: Logger) {}

  async publish(events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      const targets = this.subscriptions.filter((s) => s.topics.has(event.topic));
      const results = await Promise.allSettled(targets.map((s) => consumeTraced(s.group, event, s.handler)));
      targets.forEach((target, i) =>
        eventsConsumed.inc({
          group: target.group,
          topic: event.topic,
          // eslint-disable-next-line security/detect-object-injection -- i indexes the results of these same targets
          outcome: results[i]!.status === 'fulfilled' ? 'ok' : 'error',
        }),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        this.logger.warn(
          { err: failed.reason, topic: event.topic, eventId: event.id },
          'event handler failed',
        );
        throw new Error(`a handler of ${event.topic} failed`);
      }
    }
  }

  subscribe(group: string, topics: string[], handler: EventHandler): void {
    this.subscriptions.push({ group, topics: new Set(topics), handler });
  }

  async close(): Promise<void> {
    this.subscriptions.length = 0;
  }
}

/**
 * Redis Streams: one stream, one consumer group per consuming service. A message is acked only
 * after its handler succeeds; messages left pending (a failed handler, a dead consumer) are
 * claimed again after `claimIdleMs`.
 */
export class RedisStreamsBus implements EventBus {
  private readonly stream: string;
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly readers: Redis[] = [];

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    options: { stream?: string; claimIdleMs?: number; blockMs?: number } = {},
  ) {
    this.stream = options.stream ?? 'shop:events';
    this.claimIdleMs = options.claimIdleMs ?? 30_000;
    this.blockMs = options.blockMs ?? 1000;
  }
  private readonly claimIdleMs: number;
  private readonly blockMs: number;

  async publish(events: DomainEvent[]): Promise<void> {
    if (!events.length) return;
    await firstConnection(this.redis);
    const pipeline = this.redis.multi();
    for (const event of events) {
      pipeline.xadd(
        this.stream,
        'MAXLEN',
        '~',
        '1000000',
        '*',
        'topic',
        event.topic,
        'event',
        JSON.stringify(event),
      );
    }
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('publish failed');
  }

  subscribe(group: string, topics: string[], handler: EventHandler): void {
    const wanted = new Set(topics);
    const reader = this.redis.duplicate({
      enableOfflineQueue: true,
      commandTimeout: undefined,
      maxRetriesPerRequest: null,
    });
    reader.on('error', () => undefined);
    this.readers.push(reader);
    const consumer = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.loops.push(this.consume(reader, group, consumer, wanted, handler));
    this.groups.add(group);
    if (this.groups.size === 1) this.stopGauge = onScrape(() => this.readLag());
  }

  private readonly groups = new Set<string>();
  private stopGauge: () => void = () => undefined;

  /** `event_consumer_lag_events` per group: what the stream holds past its last delivery, plus what is unacknowledged. */
  private async readLag(): Promise<void> {
    const info = (await this.redis.xinfo('GROUPS', this.stream)) as unknown[][];
    for (const fields of info) {
      const get = (name: string) => fields[fields.indexOf(name) + 1];
      const group = String(get('name'));
      if (!this.groups.has(group)) continue;
      consumerLag.set({ group }, Number(get('lag') ?? 0) + Number(get('pending') ?? 0));
    }
  }

  private async consume(
    reader: Redis,
    group: string,
    consumer: string,
    topics: Set<string>,
    handler: EventHandler,
  ) {
    await this.createGroup(reader, group);
    let lastClaim = 0;
    while (this.running) {
      try {
        let entries: [string, string[]][] = [];
        if (Date.now() - lastClaim > this.claimIdleMs / 2) {
          lastClaim = Date.now();
          const claimed = (await reader.xautoclaim(
            this.stream,
            group,
            consumer,
            this.claimIdleMs,
            '0',
            'COUNT',
            50,
          )) as [string, [string, string[]][]];
          entries = claimed[1] ?? [];
        }
        if (!entries.length) {
          const read = (await reader.xreadgroup(
            'GROUP',
            group,
            consumer,
            'COUNT',
            50,
            'BLOCK',
            this.blockMs,
            'STREAMS',
            this.stream,
            '>',
          )) as [string, [string, string[]][]][] | null;
          entries = read?.[0]?.[1] ?? [];
        }
        for (const [messageId, fields] of entries) {
          if (!this.running) return;
          await this.handle(reader, group, messageId, fields, topics, handler);
        }
      } catch (error) {
        if (!this.running) return;
        if (String(error).includes('NOGROUP')) {
          // The stream or the group is gone (Redis restarted empty, or the key was deleted): make them again
          // and go on. What the outbox relays publish again lands in the new stream, read from its start.
          this.logger.warn({ group }, 'event stream or consumer group missing; recreating it');
          await this.createGroup(reader, group);
          lastClaim = 0;
          continue;
        }
        this.logger.warn({ err: error, group }, 'event stream read failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Creates the group from the stream's beginning (a group that joins late misses nothing); one that exists is kept. */
  private async createGroup(reader: Redis, group: string): Promise<void> {
    try {
      await reader.xgroup('CREATE', this.stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (String(error).includes('BUSYGROUP')) return;
      this.logger.error({ err: error, group }, 'cannot create consumer group; retrying');
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** A random name kept in Redis beside the stream: a Redis that restarted empty has a new one. */
  async epoch(): Promise<string> {
    await firstConnection(this.redis);
    const key = `${this.stream}:epoch`;
    await this.redis.set(key, randomUUID(), 'NX');
    const epoch = await this.redis.get(key);
    if (!epoch) throw new Error('the event stream epoch could not be read');
    return epoch;
  }

  private async handle(
    reader: Redis,
    group: string,
    messageId: string,
    fields: string[],
    topics: Set<string>,
    handler: EventHandler,
  ) {
    const topic = fields[fields.indexOf('topic') + 1];
    const raw = fields[fields.indexOf('event') + 1];
    if (topic && raw && topics.has(topic)) {
      try {
        await consumeTraced(group, JSON.parse(raw) as DomainEvent, handler);
        eventsConsumed.inc({ group, topic, outcome: 'ok' });
      } catch (error) {
        eventsConsumed.inc({ group, topic, outcome: 'error' });
        // Left pending: claimed and retried after claimIdleMs.
        this.logger.warn({ err: error, group, topic }, 'event handler failed; will retry');
        return;
      }
    }
    await reader.xack(this.stream, group, messageId);
  }

  /** Stops the consumers and ends every connection, the publishing one given to the constructor included. */
  async close(): Promise<void> {
    this.stopGauge();
    this.running = false;
    for (const reader of this.readers) reader.disconnect();
    // A command queued while Redis is down and ioredis is between reconnects is never settled by disconnect():
    // the loops are waited for a while, not for ever, so a service still stops during a Redis outage.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(this.loops),
      new Promise((resolve) => {
        timer = setTimeout(resolve, 2000);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    this.redis.disconnect();
  }
}
