// Shipping's return.refunded listener: orders has refunded a received return, which becomes REFUNDED once, with one
// return.updated event and one timeline entry, however often the event is delivered.
import { randomUUID } from 'node:crypto';
import { admin, customer, gql, identityHeaders } from '@shop/testkit';
import type { Principal } from '@shop/common';
import type { DomainEvent } from '@shop/datastores';
import { startShipping, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startShipping('shipping_return_refunded', { v1: 500 });
});
afterAll(async () => h?.close());

async function call<T>(query: string, variables: Record<string, unknown>, who: Principal): Promise<T> {
  const { body } = await gql<T>(h.url, query, variables, identityHeaders(who, 'shipping'));
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** A shipped order's return, moved through the given admin steps. */
async function returnOf(shopper: string, steps: ('returnApprove' | 'returnReceive')[]): Promise<string> {
  const orderId = h.paidOrder(shopper, { 'line-1': 3 });
  await call(
    `mutation($o: ID!) { fulfillmentCreate(orderId: $o, lines: [{ orderLineId: "line-1", quantity: 3 }], carrier: UPS, service: "GROUND") { userErrors { code } } }`,
    { o: orderId },
    admin(),
  );
  const requested = await call<{ returnRequest: { return: { id: string } } }>(
    `mutation($o: ID!) { returnRequest(input: { orderId: $o, lines: [{ orderLineId: "line-1", quantity: 1 }], reason: "Too big" }) { return { id } userErrors { code } } }`,
    { o: orderId },
    customer(shopper as ReturnType<typeof randomUUID>),
  );
  const id = requested.returnRequest.return.id;
  for (const step of steps)
    await call(`mutation($id: ID!) { ${step}(id: $id) { userErrors { code } } }`, { id }, admin());
  return id;
}

const statusOf = async (id: string) => {
  const { rows } = await h.database.db.query<{ status: string }>(`SELECT status FROM returns WHERE id = $1`, [
    id,
  ]);
  return rows[0]?.status;
};

const refundedEvent = (returnId: string): DomainEvent => ({
  id: randomUUID(),
  topic: 'return.refunded',
  source: 'orders',
  occurredAt: new Date().toISOString(),
  payload: {
    returnId,
    orderId: randomUUID(),
    refundId: randomUUID(),
    amountMinor: 500,
    currencyCode: 'USD',
    lines: [],
  },
});

describe('return.refunded in shipping', () => {
  it('When a received return is refunded, then it becomes REFUNDED once: one return.updated, one timeline entry, however often the event comes', async () => {
    const shopper = randomUUID();
    const id = await returnOf(shopper, ['returnApprove', 'returnReceive']);
    expect(await statusOf(id)).toBe('RECEIVED');
    const event = refundedEvent(id);
    await h.bus.publish([event]);
    expect(await statusOf(id)).toBe('REFUNDED');
    await h.bus.publish([event]);
    await h.bus.publish([{ ...event, id: randomUUID() }]);
    expect(await statusOf(id)).toBe('REFUNDED');
    // What the service published is in its outbox: one update to REFUNDED for the return, whatever came again.
    const { rows: outbox } = await h.database.db.query(
      `SELECT id FROM outbox_events WHERE topic = 'return.updated' AND payload->>'returnId' = $1 AND payload->>'status' = 'REFUNDED'`,
      [id],
    );
    expect(outbox).toHaveLength(1);
    const { rows: timeline } = await h.database.db.query(
      `SELECT title FROM timeline_events WHERE reference_id = $1 AND title = 'Return refunded'`,
      [id],
    );
    expect(timeline).toHaveLength(1);
  });

  it('When return.refunded names a return not yet received, or none, then nothing changes', async () => {
    const id = await returnOf(randomUUID(), ['returnApprove']);
    await h.bus.publish([refundedEvent(id)]);
    expect(await statusOf(id)).toBe('APPROVED');
    await h.bus.publish([refundedEvent(randomUUID())]);
    const { rows } = await h.database.db.query(
      `SELECT id FROM outbox_events WHERE topic = 'return.updated' AND payload->>'returnId' = $1 AND payload->>'status' = 'REFUNDED'`,
      [id],
    );
    expect(rows).toEqual([]);
  });
});
