// Redis restarted empty under the bus (a failover or restart without persistence): a private redis-server that
// the test really stops and starts again, never the shared one.
import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  privateRedis,
  testLogger,
  waitFor,
  type PrivateServer,
  type TestDatabase,
} from '@shop/testkit';
import {
  connectRedis,
  consumeOnce,
  enqueueEvents,
  migrate,
  OUTBOX_MIGRATIONS,
  RedisStreamsBus,
  SqlOutboxRelay,
  type DomainEvent,
} from '../src';

describe('Event bus when Redis restarts empty', () => {
  let redis: PrivateServer;
  let pg: TestDatabase;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    pg = await createTestDatabase('bus_restart');
    await migrate(pg.db, [
      ...OUTBOX_MIGRATIONS,
      {
        version: '001_effects',
        sql: 'CREATE TABLE shipments (order_id text PRIMARY KEY); CREATE TABLE emails (id serial PRIMARY KEY, order_id text NOT NULL);',
      },
    ]);
  });

  afterAll(async () => {
    await pg?.drop();
    await redis?.destroy();
  });

  it('When Redis restarts between an order and its shipment, then consumers recreate their groups, the order event is published again, and the shipment and its email each arrive once', async () => {
    const bus = new RedisStreamsBus(connectRedis(redis.url), testLogger, { blockMs: 50, claimIdleMs: 500 });
    const relay = new SqlOutboxRelay(pg.db, bus, 'orders', testLogger, 100);
    const count = async (table: string) =>
      (await pg.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    try {
      // The notifications consumer runs throughout: it must come back from NOGROUP on its own.
      let emailsHandled = 0;
      bus.subscribe('notifications', ['shipment.created'], async (event: DomainEvent) => {
        await consumeOnce(pg.db, 'notifications', event.id, async (tx) => {
          await tx.query('INSERT INTO emails (order_id) VALUES ($1)', [event.payload.orderId]);
        });
        emailsHandled++;
      });
      relay.start();

      // The order is paid and its event relayed to the stream...
      const orderId = randomUUID();
      await pg.db.transaction((tx) => enqueueEvents(tx, [{ topic: 'order.paid', payload: { orderId } }]));
      relay.kick();
      await waitFor(
        async () =>
          (await pg.db.query('SELECT 1 FROM outbox_events WHERE published_at IS NOT NULL')).rows.length === 1,
        10_000,
        'the order event to be relayed',
      );

      // ...and Redis restarts empty before shipping has read it.
      await redis.stop();
      await redis.start();

      bus.subscribe('shipping', ['order.paid'], async (event: DomainEvent) => {
        await consumeOnce(pg.db, 'shipping', event.id, async (tx) => {
          await tx.query('INSERT INTO shipments (order_id) VALUES ($1) ON CONFLICT DO NOTHING', [
            event.payload.orderId,
          ]);
          await enqueueEvents(tx, [
            { topic: 'shipment.created', payload: { orderId: event.payload.orderId } },
          ]);
        });
        relay.kick();
      });

      await waitFor(async () => (await count('emails')) === 1, 30_000, 'the shipment email');
      expect((await pg.db.query('SELECT order_id FROM shipments')).rows).toEqual([{ order_id: orderId }]);
      // Everything relayed is relayed again; nothing is applied twice.
      await waitFor(
        async () =>
          (await pg.db.query('SELECT 1 FROM outbox_events WHERE published_at IS NULL')).rows.length === 0,
      );
      expect(emailsHandled).toBeGreaterThanOrEqual(1);
      expect(await count('emails')).toBe(1);
      expect(await count('shipments')).toBe(1);
    } finally {
      await relay.stop();
      await bus.close();
    }
  });
});
