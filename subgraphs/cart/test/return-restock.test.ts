// The cart's return.refunded listener: a refunded return's units go back on the shelf once, keyed by the return,
// however often the event is delivered.
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@shop/datastores';
import { makeVariant, startCart, startFakeCatalog, type FakeCatalog, type RunningCart } from './helpers';

let catalog: FakeCatalog;
let cart: RunningCart;

beforeAll(async () => {
  catalog = await startFakeCatalog();
  cart = await startCart(catalog.url);
  // The listeners (and the outbox relay and sweeper) run once the service is started.
  cart.service.start();
});
afterAll(async () => {
  await cart?.close();
  await catalog?.close();
});

async function stocked(quantity: number): Promise<string> {
  const variant = makeVariant();
  catalog.variants.set(variant.id, variant);
  await cart.service.deps.inventory.seed([{ variantId: variant.id, quantity }], 'test');
  return variant.id;
}

async function level(variantId: string) {
  const l = await cart.service.deps.inventory.getLevel(variantId);
  if (!l) throw new Error('no level');
  return { available: l.available, received: l.received };
}

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const refunded = (returnId: string, lines: { variantId: string; quantity: number }[]): DomainEvent => ({
  id: randomUUID(),
  topic: 'return.refunded',
  source: 'orders',
  occurredAt: new Date().toISOString(),
  payload: {
    returnId,
    orderId: randomUUID(),
    refundId: randomUUID(),
    amountMinor: 100,
    currencyCode: 'USD',
    lines,
  },
});

describe('return.refunded in the cart', () => {
  it('When a return is refunded, then its units are restocked once, however often and under whichever event id it is delivered', async () => {
    const a = await stocked(5);
    const b = await stocked(2);
    const returnId = randomUUID();
    const event = refunded(returnId, [
      { variantId: a, quantity: 2 },
      { variantId: b, quantity: 1 },
    ]);
    await cart.bus.publish([event]);
    await until(async () => (await level(a)).available === 7);
    expect(await level(a)).toEqual({ available: 7, received: 7 });
    expect(await level(b)).toEqual({ available: 3, received: 3 });

    // Redelivered, and sent again under another id (a second relay of the same return): nothing more.
    await cart.bus.publish([event]);
    await cart.bus.publish([{ ...event, id: randomUUID() }]);
    // A later return of the same variant is restocked, so the events above have been handled by then.
    const later = randomUUID();
    await cart.bus.publish([refunded(later, [{ variantId: b, quantity: 1 }])]);
    await until(async () => (await level(b)).available === 4);
    expect(await level(a)).toEqual({ available: 7, received: 7 });
    expect(await level(b)).toEqual({ available: 4, received: 4 });
    const movements = await cart.service.deps.inventory.movements(a, 20);
    expect(movements.filter((m) => m.reason === `return ${returnId} received`)).toHaveLength(1);
  });

  it('When a return.refunded event has no lines or no return id, then nothing is restocked', async () => {
    const a = await stocked(5);
    await cart.bus.publish([{ ...refunded(randomUUID(), []), id: randomUUID() }]);
    const bad = refunded(randomUUID(), [{ variantId: a, quantity: 3 }]);
    await cart.bus.publish([{ ...bad, payload: { ...bad.payload, returnId: undefined } }]);
    // A well-formed return after them is restocked: the bad ones were handled first and did nothing.
    await cart.bus.publish([refunded(randomUUID(), [{ variantId: a, quantity: 1 }])]);
    await until(async () => (await level(a)).available === 6);
    expect(await level(a)).toEqual({ available: 6, received: 6 });
  });
});
