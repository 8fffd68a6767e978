import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate, OUTBOX_MIGRATIONS, InProcessBus } from '@shop/datastores';
import {
  admin,
  anonymous,
  createTestDatabase,
  gql,
  identityHeaders,
  TEST_SECRET,
  testLogger,
  type TestDatabase,
} from '@shop/testkit';
import { loadConfig } from '../src/config';
import { shipmentsRepo, type NewShipment } from '../src/data/shipments';
import { createService } from '../src/service';
import { startFakeOrders } from './harness';

const migrations = () => [...OUTBOX_MIGRATIONS, ...loadMigrations(join(__dirname, '..', 'migrations'))];

function newShipment(orderId: string, overrides: Partial<NewShipment> = {}): NewShipment {
  return {
    id: randomUUID(),
    orderId,
    customerId: null,
    carrier: 'UPS',
    service: 'GROUND',
    trackingNumber: `1Z${randomUUID().slice(0, 8).toUpperCase()}`,
    labelFormat: 'ZPL',
    labelData: 'Xl5YWg==',
    estimatedDelivery: '2026-02-02T00:00:00.000Z',
    lines: [{ orderLineId: 'l1', quantity: 2 }],
    ...overrides,
  };
}

describe('shipments repository on Postgres', () => {
  let pg: TestDatabase;
  beforeAll(async () => {
    pg = await createTestDatabase('shipping_repo');
    await migrate(pg.db, migrations());
  });
  afterAll(async () => pg?.drop());

  it('When migrations run again, then nothing is applied twice', async () => {
    expect(await migrate(pg.db, migrations())).toEqual([]);
  });

  it('When shipments of several orders are read at once, then each order gets its own, with lines, in one query', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const s1 = newShipment(a, { customerId: 'c1' });
    const s2 = newShipment(a, {
      lines: [
        { orderLineId: 'l2', quantity: 1 },
        { orderLineId: 'l3', quantity: 4 },
      ],
    });
    const s3 = newShipment(b, { carrier: 'DHL', service: 'EXPRESS' });
    for (const s of [s1, s2, s3]) await pg.db.transaction((tx) => shipmentsRepo.insert(tx, s));
    const byOrder = await shipmentsRepo.byOrderIds(pg.db, [a, b, randomUUID()]);
    expect(
      byOrder
        .get(a)!
        .map((s) => s.id)
        .sort(),
    ).toEqual([s1.id, s2.id].sort());
    expect(byOrder.get(a)!.find((s) => s.id === s2.id)!.lines).toEqual([
      { orderLineId: 'l2', quantity: 1 },
      { orderLineId: 'l3', quantity: 4 },
    ]);
    expect(byOrder.get(b)![0]).toMatchObject({
      carrier: 'DHL',
      status: 'LABEL_CREATED',
      customerId: null,
      estimatedDelivery: '2026-02-02T00:00:00.000Z',
    });
    expect(byOrder.size).toBe(2);
    expect(await shipmentsRepo.byTrackingNumber(pg.db, s1.trackingNumber)).toMatchObject({
      id: s1.id,
      customerId: 'c1',
    });
  });

  it('When the same carrier event is inserted twice, then it is stored once', async () => {
    const s = newShipment(randomUUID());
    await pg.db.transaction((tx) => shipmentsRepo.insert(tx, s));
    const event = {
      id: randomUUID(),
      shipmentId: s.id,
      carrier: 'UPS' as const,
      externalId: 'evt-42',
      status: 'IN_TRANSIT' as const,
      description: 'Picked up',
      location: null,
      occurredAt: new Date().toISOString(),
    };
    expect(await pg.db.transaction((tx) => shipmentsRepo.insertEvent(tx, event))).toBe(true);
    expect(
      await pg.db.transaction((tx) => shipmentsRepo.insertEvent(tx, { ...event, id: randomUUID() })),
    ).toBe(false);
    const events = await shipmentsRepo.eventsByShipmentIds(pg.db, [s.id]);
    expect(events.get(s.id)).toHaveLength(1);
  });

  it('When a shipment row breaks a constraint, then the whole transaction writes nothing', async () => {
    const s = newShipment(randomUUID(), { lines: [{ orderLineId: 'l1', quantity: 0 }] });
    await expect(pg.db.transaction((tx) => shipmentsRepo.insert(tx, s))).rejects.toThrow();
    expect(await shipmentsRepo.byId(pg.db, s.id)).toBeNull();
  });
});

describe('embedded mode', () => {
  it('When no DATABASE_URL is given, then the service runs on PGlite under DATA_DIR and keeps its data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipping-'));
    const orders = await startFakeOrders();
    orders.orders.set('o-1', { customerId: null, lines: { 'l-1': 1 } });
    const config = loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      DATA_DIR: dir,
      ORDERS_URL: orders.url,
      LOG_LEVEL: 'silent',
    });
    try {
      const first = await createService(config, { bus: new InProcessBus(testLogger), logger: testLogger });
      const port = await first.subgraph.app.listen(0);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toEqual({ status: 'ok', service: 'shipping' });
      const created = await gql<{ fulfillmentCreate: { shipment: { trackingNumber: string } } }>(
        `http://127.0.0.1:${port}/graphql`,
        `mutation { fulfillmentCreate(orderId: "o-1", lines: [{ orderLineId: "l-1", quantity: 1 }], carrier: UPS, service: "GROUND") { shipment { trackingNumber } } }`,
        {},
        identityHeaders(admin(), 'shipping'),
      );
      const trackingNumber = created.body.data!.fulfillmentCreate.shipment.trackingNumber;
      await first.close();
      const second = await createService(config, { bus: new InProcessBus(testLogger), logger: testLogger });
      const port2 = await second.subgraph.app.listen(0);
      const tracked = await gql<{ trackShipment: { trackingNumber: string } | null }>(
        `http://127.0.0.1:${port2}/graphql`,
        `query($n: String!) { trackShipment(trackingNumber: $n) { trackingNumber } }`,
        { n: trackingNumber },
        identityHeaders(anonymous, 'shipping'),
      );
      expect(tracked.body.data!.trackShipment).toEqual({ trackingNumber });
      await second.close();
    } finally {
      await orders.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
