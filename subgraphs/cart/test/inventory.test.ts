// Stock and reservations on DynamoDB Local: no oversell, no partial holds, no double decrement.
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { ensureTables } from '@shop/datastores';
import { testDynamo, type TestDynamo } from '@shop/testkit';
import { cartTables } from '../src/data/tables';
import { InventoryRepository, reservationToken } from '../src/data/inventory-repo';
import { ReservationSweeper } from '../src/domain/inventory';
import { testLogger } from '@shop/testkit';

let t: TestDynamo;
let repo: InventoryRepository;

beforeAll(async () => {
  t = testDynamo();
  await ensureTables(t.dynamo.client, cartTables(t.prefix));
  repo = new InventoryRepository(t.dynamo, t.prefix);
});
afterAll(() => t.dynamo.client.destroy());

async function stocked(quantity: number): Promise<string> {
  const variantId = randomUUID();
  await repo.seed([{ variantId, quantity }], 'test');
  return variantId;
}

async function level(variantId: string) {
  const l = await repo.getLevel(variantId);
  if (!l) throw new Error('no level');
  return l;
}

function expectBalanced(l: { available: number; held: number; sold: number; received: number }) {
  expect(l.available + l.held + l.sold).toBe(l.received);
  expect(l.available).toBeGreaterThanOrEqual(0);
  expect(l.held).toBeGreaterThanOrEqual(0);
}

async function outboxEvents(): Promise<{ topic: string; payload: { variantId: string } }[]> {
  const { Items = [] } = await t.dynamo.doc.send(
    new QueryCommand({
      TableName: `${t.prefix}outbox`,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': 'pending' },
    }),
  );
  return Items as { topic: string; payload: { variantId: string } }[];
}

describe('Inventory repository on DynamoDB Local', () => {
  it('When a hold is made, committed, and another released, then units move available -> held -> sold or back, balanced', async () => {
    const v = await stocked(10);
    const r1 = randomUUID();
    expect((await repo.reserve(r1, [{ variantId: v, quantity: 3 }], 900)).kind).toBe('held');
    expect(await level(v)).toMatchObject({ available: 7, held: 3, sold: 0, received: 10 });
    expect(await repo.commit(r1)).toEqual({ kind: 'committed' });
    expect(await repo.commit(r1)).toEqual({ kind: 'committed' });
    expect(await level(v)).toMatchObject({ available: 7, held: 0, sold: 3, received: 10 });
    const r2 = randomUUID();
    await repo.reserve(r2, [{ variantId: v, quantity: 2 }], 900);
    expect(await repo.release(r2, 'RELEASED')).toEqual({ kind: 'released' });
    expect(await repo.release(r2, 'RELEASED')).toEqual({ kind: 'released' });
    expect(await repo.commit(r2)).toEqual({ kind: 'expired' });
    expect(await level(v)).toMatchObject({ available: 7, held: 0, sold: 3, received: 10 });
    expect(await repo.release(r1, 'RELEASED')).toEqual({ kind: 'committed' });
    const events = (await outboxEvents()).filter((e) => e.payload.variantId === v);
    // reserve, reserve, release: a commit does not change what is available.
    expect(events.map((e) => e.topic)).toEqual([
      'inventory.changed',
      'inventory.changed',
      'inventory.changed',
    ]);
  });

  it('When the same reservation id is sent again, then stock is decremented once', async () => {
    const v = await stocked(5);
    const id = randomUUID();
    const first = await repo.reserve(id, [{ variantId: v, quantity: 2 }], 900);
    const again = await Promise.all(
      [1, 2, 3].map(() => repo.reserve(id, [{ variantId: v, quantity: 2 }], 900)),
    );
    expect(first.kind).toBe('held');
    for (const r of again) expect(r).toMatchObject({ kind: 'held', replayed: true });
    expect(await level(v)).toMatchObject({ available: 3, held: 2 });
    expect(reservationToken(id)).toHaveLength(36);
  });

  it('When racing requests for one new reservation id arrive together, then the stock is held once', async () => {
    const v = await stocked(10);
    const id = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => repo.reserve(id, [{ variantId: v, quantity: 3 }], 900)),
    );
    expect(results.every((r) => r.kind === 'held')).toBe(true);
    expect(await level(v)).toMatchObject({ available: 7, held: 3 });
  });

  it('When 50 buyers race for a variant with 5 in stock, then exactly 5 succeed and stock ends at 0', async () => {
    const v = await stocked(5);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => repo.reserve(randomUUID(), [{ variantId: v, quantity: 1 }], 900)),
    );
    expect(results.filter((r) => r.kind === 'held')).toHaveLength(5);
    for (const r of results.filter((r) => r.kind === 'insufficient'))
      expect(r).toEqual({ kind: 'insufficient', variantIds: [v] });
    const l = await level(v);
    expect(l).toMatchObject({ available: 0, held: 5 });
    expectBalanced(l);
  });

  it('When 50 two-line reservations race over 10 units of each, then exactly 10 succeed and nothing is half-held', async () => {
    const a = await stocked(10);
    const b = await stocked(10);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        repo.reserve(
          randomUUID(),
          i % 2
            ? [
                { variantId: a, quantity: 1 },
                { variantId: b, quantity: 1 },
              ]
            : [
                { variantId: b, quantity: 1 },
                { variantId: a, quantity: 1 },
              ],
          900,
        ),
      ),
    );
    expect(results.filter((r) => r.kind === 'held')).toHaveLength(10);
    const [la, lb] = [await level(a), await level(b)];
    expect(la).toMatchObject({ available: 0, held: 10 });
    expect(lb).toMatchObject({ available: 0, held: 10 });
  });

  it('When one line of a reservation is short, then nothing is held and the short variant is named', async () => {
    const plenty = await stocked(10);
    const short = await stocked(1);
    const result = await repo.reserve(
      randomUUID(),
      [
        { variantId: plenty, quantity: 2 },
        { variantId: short, quantity: 2 },
      ],
      900,
    );
    expect(result).toEqual({ kind: 'insufficient', variantIds: [short] });
    expect(await level(plenty)).toMatchObject({ available: 10, held: 0 });
    const unknown = randomUUID();
    expect(await repo.reserve(randomUUID(), [{ variantId: unknown, quantity: 1 }], 900)).toEqual({
      kind: 'insufficient',
      variantIds: [unknown],
    });
  });

  it('When a hold expires and the process that made it is gone, then a sweeper elsewhere returns its stock', async () => {
    const v = await stocked(4);
    const id = randomUUID();
    await repo.reserve(id, [{ variantId: v, quantity: 3 }], 60);
    // Another process, an hour later.
    const later = new InventoryRepository(t.dynamo, t.prefix, () => new Date(Date.now() + 3600_000));
    const sweeper = new ReservationSweeper(later, testLogger, 60_000);
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
    expect(await level(v)).toMatchObject({ available: 4, held: 0 });
    expect(await repo.getReservation(id)).toMatchObject({ status: 'RELEASED', releaseReason: 'EXPIRED' });
    expect(await repo.commit(id)).toEqual({ kind: 'expired' });
    // A hold still within its time is left alone.
    const fresh = randomUUID();
    await repo.reserve(fresh, [{ variantId: v, quantity: 1 }], 900);
    await new ReservationSweeper(repo, testLogger, 60_000).sweep();
    expect((await repo.getReservation(fresh))?.status).toBe('HELD');
  });

  it('When an order is paid after its hold expired, then it is sold from available stock if there is some, once', async () => {
    const v = await stocked(3);
    const id = randomUUID();
    await repo.reserve(id, [{ variantId: v, quantity: 2 }], 60);
    await repo.release(id, 'EXPIRED');
    expect(await repo.sellReleased(id)).toEqual({ kind: 'sold' });
    expect(await repo.sellReleased(id)).toEqual({ kind: 'not_released' });
    expect(await level(v)).toMatchObject({ available: 1, held: 0, sold: 2, received: 3 });
    const other = randomUUID();
    await repo.reserve(other, [{ variantId: v, quantity: 1 }], 60);
    await repo.release(other, 'EXPIRED');
    await repo.adjust(v, -1, 'damaged', 'test');
    expect(await repo.sellReleased(other)).toEqual({ kind: 'insufficient', variantIds: [v] });
    expectBalanced(await level(v));
  });

  it('When a release is asked for an id never reserved, then a late reservation with that id holds nothing', async () => {
    const v = await stocked(3);
    const id = randomUUID();
    expect(await repo.release(id, 'RELEASED')).toEqual({ kind: 'released' });
    const late = await repo.reserve(id, [{ variantId: v, quantity: 1 }], 900);
    expect(late).toMatchObject({ kind: 'held', replayed: true, reservation: { status: 'RELEASED' } });
    expect(await level(v)).toMatchObject({ available: 3, held: 0 });
  });

  it('When stock is adjusted at locations, then each location is kept apart, the total is their sum, and reservations take from the default location', async () => {
    const v = await stocked(4);
    expect(await repo.adjust(v, 6, 'transfer in', 'admin-1', 'warehouse-2')).toMatchObject({
      kind: 'adjusted',
      level: { available: 4, elsewhere: 6, received: 4 },
    });
    expect(await repo.adjust(v, 3, 'store delivery', 'admin-1', 'store_7')).toMatchObject({
      kind: 'adjusted',
      level: { available: 4, elsewhere: 9 },
    });
    // A location never goes below zero, whatever stock the others have.
    expect(await repo.adjust(v, -4, 'count', 'admin-1', 'store_7')).toEqual({
      kind: 'insufficient',
      available: 3,
    });
    expect(await repo.adjust(v, -1, 'count', 'admin-1', 'nowhere')).toEqual({
      kind: 'insufficient',
      available: 0,
    });
    expect(await repo.adjust(v, -2, 'damaged', 'admin-2', 'warehouse-2')).toMatchObject({
      kind: 'adjusted',
      level: { elsewhere: 7 },
    });

    // Policy: a reservation holds only what the default location has.
    expect(await repo.reserve(randomUUID(), [{ variantId: v, quantity: 5 }], 900)).toEqual({
      kind: 'insufficient',
      variantIds: [v],
    });
    expect(await repo.reserve(randomUUID(), [{ variantId: v, quantity: 3 }], 900)).toMatchObject({
      kind: 'held',
    });

    const l = await level(v);
    expect(l).toMatchObject({ available: 1, held: 3, sold: 0, received: 4, elsewhere: 7 });
    expectBalanced(l);
    const locations = await repo.locations(v);
    expect(locations.map((x) => [x.locationId, x.available, x.received])).toEqual([
      ['default', 1, 4],
      ['store_7', 3, 3],
      ['warehouse-2', 4, 4],
    ]);
    expect(locations.reduce((sum, x) => sum + x.available, 0)).toBe(l.available + l.elsewhere);
    const moves = await repo.movements(v, 10);
    expect(moves.map((m) => [m.locationId, m.delta])).toEqual([
      ['warehouse-2', -2],
      ['store_7', 3],
      ['warehouse-2', 6],
      ['default', 4],
    ]);

    // A variant first stocked away from the default location has an empty default stock, nothing to reserve.
    const remote = randomUUID();
    expect(await repo.adjust(remote, 2, 'new line', 'admin-1', 'warehouse-2')).toMatchObject({
      kind: 'adjusted',
      level: { available: 0, held: 0, sold: 0, received: 0, elsewhere: 2 },
    });
    expect(await repo.reserve(randomUUID(), [{ variantId: remote, quantity: 1 }], 900)).toEqual({
      kind: 'insufficient',
      variantIds: [remote],
    });
  });

  it('When many adjustments at two locations race, then the total stays the sum of the locations', async () => {
    const v = await stocked(0);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        repo.adjust(v, i % 3 === 0 ? -1 : 2, 'race', 'admin', i % 2 ? 'a' : 'b'),
      ),
    );
    const l = await level(v);
    const locations = await repo.locations(v);
    expect(locations.filter((x) => x.locationId !== 'default').every((x) => x.available >= 0)).toBe(true);
    expect(locations.reduce((sum, x) => sum + x.available, 0)).toBe(l.available + l.elsewhere);
    expect(l.elsewhere).toBe(
      (await repo.movements(v, 100))
        .filter((m) => m.locationId !== 'default')
        .reduce((sum, m) => sum + m.delta, 0),
    );
  });

  it('When stock is adjusted and restocked, then every change is in the audit trail and a repeated restock counts once', async () => {
    const v = randomUUID();
    expect(await repo.adjust(v, -1, 'shrinkage', 'admin-1')).toEqual({ kind: 'insufficient', available: 0 });
    expect(await repo.adjust(v, 5, 'received PO-1', 'admin-1')).toMatchObject({
      kind: 'adjusted',
      level: { available: 5, received: 5 },
    });
    expect(await repo.adjust(v, -6, 'count', 'admin-1')).toEqual({ kind: 'insufficient', available: 5 });
    await repo.adjust(v, -2, 'damaged', 'admin-2');
    const restockId = randomUUID();
    expect(
      await repo.restock([{ variantId: v, quantity: 1 }], {
        restockId,
        actor: 'shipping',
        reason: 'return R-1',
      }),
    ).toEqual({ kind: 'restocked' });
    expect(
      await repo.restock([{ variantId: v, quantity: 1 }], {
        restockId,
        actor: 'shipping',
        reason: 'return R-1',
      }),
    ).toEqual({ kind: 'duplicate' });
    const l = await level(v);
    expect(l).toMatchObject({ available: 4, received: 4 });
    expectBalanced(l);
    const moves = await repo.movements(v, 10);
    expect(moves.map((m) => [m.kind, m.delta, m.reason, m.actor])).toEqual([
      ['RESTOCK', 1, 'return R-1', 'shipping'],
      ['ADJUSTMENT', -2, 'damaged', 'admin-2'],
      ['ADJUSTMENT', 5, 'received PO-1', 'admin-1'],
    ]);
  });

  it('When random reserve, commit, release, expire and restock steps run, then available + held + sold = received and available >= 0 throughout', async () => {
    type Op =
      | { op: 'reserve'; q: number }
      | { op: 'commit'; pick: number }
      | { op: 'release'; pick: number }
      | { op: 'expire' }
      | { op: 'restock'; q: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('reserve' as const), q: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ op: fc.constant('commit' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('release' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('expire' as const) }),
      fc.record({ op: fc.constant('restock' as const), q: fc.integer({ min: 1, max: 4 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10 }),
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        async (initial, ops) => {
          // Each run has its own table prefix' worth of isolation: a fresh variant, and holds expiring at once.
          const v = randomUUID();
          await repo.seed([{ variantId: v, quantity: initial }], 'test');
          const model = { available: initial, held: 0, sold: 0, received: initial };
          const holds: { id: string; q: number; state: 'HELD' | 'COMMITTED' | 'RELEASED'; ttl: number }[] =
            [];
          for (const step of ops) {
            if (step.op === 'reserve') {
              const id = randomUUID();
              const r = await repo.reserve(id, [{ variantId: v, quantity: step.q }], 3600);
              expect(r.kind).toBe(model.available >= step.q ? 'held' : 'insufficient');
              if (r.kind === 'held') {
                model.available -= step.q;
                model.held += step.q;
                holds.push({ id, q: step.q, state: 'HELD', ttl: 3600 });
              }
            } else if (step.op === 'commit' || step.op === 'release') {
              const hold = holds[step.pick % Math.max(1, holds.length)];
              if (!hold) continue;
              if (step.op === 'commit') {
                const r = await repo.commit(hold.id);
                expect(r.kind).toBe(hold.state === 'RELEASED' ? 'expired' : 'committed');
                if (hold.state === 'HELD') {
                  model.held -= hold.q;
                  model.sold += hold.q;
                  hold.state = 'COMMITTED';
                }
              } else {
                const r = await repo.release(hold.id, 'RELEASED');
                expect(r.kind).toBe(hold.state === 'COMMITTED' ? 'committed' : 'released');
                if (hold.state === 'HELD') {
                  model.held -= hold.q;
                  model.available += hold.q;
                  hold.state = 'RELEASED';
                }
              }
            } else if (step.op === 'expire') {
              // Expiry of this run's holds as a sweeper two hours later would do it.
              const later = new InventoryRepository(
                t.dynamo,
                t.prefix,
                () => new Date(Date.now() + 7200_000),
              );
              for (const hold of holds.filter((h) => h.state === 'HELD')) {
                await later.release(hold.id, 'EXPIRED');
                model.held -= hold.q;
                model.available += hold.q;
                hold.state = 'RELEASED';
              }
            } else {
              await repo.restock([{ variantId: v, quantity: step.q }], { actor: 'test', reason: 'return' });
              model.available += step.q;
              model.received += step.q;
            }
            const l = await level(v);
            expectBalanced(l);
            expect({ available: l.available, held: l.held, sold: l.sold, received: l.received }).toEqual(
              model,
            );
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
