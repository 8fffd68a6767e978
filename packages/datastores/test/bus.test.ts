import { randomUUID } from 'node:crypto';
import { createTestDatabase, testLogger, testRedisUrl, type TestDatabase } from '@shop/testkit';
import {
  connectRedis,
  consumeOnce,
  enqueueEvents,
  InProcessBus,
  migrate,
  OUTBOX_MIGRATIONS,
  RedisStreamsBus,
  SqlOutboxRelay,
  type DomainEvent,
  type EventBus,
} from '../src';

function event(topic: string, n: number): DomainEvent {
  return { id: randomUUID(), topic, source: 'test', occurredAt: new Date().toISOString(), payload: { n } };
}

async function waitFor(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('Event bus', () => {
  it('When a Redis Streams consumer fails once, then the event is delivered again and every event arrives', async () => {
    const stream = `test:events:${randomUUID()}`;
    const bus = new RedisStreamsBus(connectRedis(testRedisUrl()), testLogger, {
      stream,
      claimIdleMs: 200,
      blockMs: 50,
    });
    const seen: number[] = [];
    let failedOnce = false;
    bus.subscribe('consumer-a', ['thing.happened'], async (e) => {
      if (!failedOnce) {
        failedOnce = true;
        throw new Error('transient');
      }
      seen.push(e.payload.n as number);
    });
    await new Promise((r) => setTimeout(r, 100));
    await bus.publish([event('thing.happened', 1), event('other.topic', 2), event('thing.happened', 3)]);
    await waitFor(() => seen.includes(1) && seen.includes(3));
    expect(seen).not.toContain(2);
    await bus.close();
  });

  it('When an in-process handler fails, then publish rejects so the outbox keeps the event', async () => {
    const bus: EventBus = new InProcessBus(testLogger);
    bus.subscribe('c', ['t'], async () => {
      throw new Error('nope');
    });
    await expect(bus.publish([event('t', 1)])).rejects.toThrow();
  });
});

describe('Transactional outbox', () => {
  let pg: TestDatabase;
  beforeAll(async () => {
    pg = await createTestDatabase('outbox');
    await migrate(pg.db, OUTBOX_MIGRATIONS);
  });
  afterAll(async () => pg?.drop());

  it('When a transaction rolls back, then its events are never published', async () => {
    const bus = new InProcessBus(testLogger);
    const seen: string[] = [];
    bus.subscribe('c', ['order.rolled'], async (e) => void seen.push(e.id));
    await pg.db
      .transaction(async (tx) => {
        await enqueueEvents(tx, [{ topic: 'order.rolled', payload: {} }]);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await new SqlOutboxRelay(pg.db, bus, 'test', testLogger).drain();
    expect(seen).toEqual([]);
  });

  it('When the bus fails, then the relay keeps the event and delivers it on the next drain, and a consumer applies it once', async () => {
    const bus = new InProcessBus(testLogger);
    let fail = true;
    let applied = 0;
    bus.subscribe('counter', ['order.counted'], async (e) => {
      if (fail) throw new Error('down');
      await consumeOnce(pg.db, 'counter', e.id, async () => {
        applied++;
      });
    });
    await pg.db.transaction((tx) => enqueueEvents(tx, [{ topic: 'order.counted', payload: { n: 1 } }]));
    const relay = new SqlOutboxRelay(pg.db, bus, 'test', testLogger);
    await expect(relay.drain()).rejects.toThrow();
    fail = false;
    await relay.drain();
    expect(applied).toBe(1);

    // A redelivery of the same event (at least once) changes nothing.
    const { rows } = await pg.db.query<{ id: string }>(
      `SELECT id FROM outbox_events WHERE topic = 'order.counted'`,
    );
    const again = await consumeOnce(pg.db, 'counter', rows[0]!.id, async () => {
      applied++;
    });
    expect(again).toBe(false);
    expect(applied).toBe(1);
    const pending = await pg.db.query(`SELECT 1 FROM outbox_events WHERE published_at IS NULL`);
    expect(pending.rowCount).toBe(0);
  });
});
