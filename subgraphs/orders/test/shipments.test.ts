import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin, customer } from '@shop/testkit';
import type { DomainEvent } from '@shop/datastores';
import { COMPLETE, readyCheckout, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_shipments');
});
afterAll(async () => h?.close());

async function paidOrder(): Promise<{ id: string; number: string; customerId: string }> {
  const shopper = customer();
  const checkout = await readyCheckout(h, shopper);
  const res = await h.call<{ checkoutComplete: { order: { id: string; number: string; status: string } } }>(
    shopper,
    COMPLETE,
    {
      id: checkout.id,
      pm: 'pm_card_visa',
      key: randomUUID(),
    },
  );
  expect(res.checkoutComplete.order.status).toBe('PAID');
  return { ...res.checkoutComplete.order, customerId: (shopper as { customerId: string }).customerId };
}

function shipmentEvent(
  topic: string,
  order: { id: string; customerId: string },
  status: string,
  trackingNumber: string | null = '1Z999',
): DomainEvent {
  return {
    id: randomUUID(),
    topic,
    source: 'shipping',
    occurredAt: new Date().toISOString(),
    payload: {
      shipmentId: randomUUID(),
      orderId: order.id,
      customerId: order.customerId,
      status,
      trackingNumber,
    },
  };
}

async function statusOf(orderId: string): Promise<string> {
  return (await h.db.db.query<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orderId]))
    .rows[0]!.status;
}

async function shippingEmails(orderId: string): Promise<string[]> {
  const { rows } = await h.db.db.query<{ event_id: string }>(
    `SELECT event_id FROM notifications_sent WHERE order_id = $1 AND kind = 'order_shipped' ORDER BY sent_at`,
    [orderId],
  );
  return rows.map((r) => r.event_id);
}

describe('shipment events', () => {
  it('When shipment.created arrives for a PAID order, then the order is FULFILLED and one shipping email (HTML and text) names the tracking number', async () => {
    const order = await paidOrder();
    const event = shipmentEvent('shipment.created', order, 'LABEL_CREATED');
    await h.bus.publish([event]);
    expect(await statusOf(order.id)).toBe('FULFILLED');
    expect(await shippingEmails(order.id)).toEqual([event.id]);
    const mail = JSON.parse(
      readFileSync(join(h.dataDir, 'mail', `order-shipped-${event.id}.json`), 'utf8'),
    ) as { to: string; subject: string; text: string; html: string };
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toBe(`Your order ${order.number} is being prepared for shipping`);
    expect(mail.text).toContain('Tracking number: 1Z999');
    expect(mail.html).toContain('Tracking number: 1Z999');
    const read = await h.call<{ order: { status: string } }>(
      admin(),
      `query($id: ID!) { order(id: $id) { status } }`,
      { id: order.id },
    );
    expect(read.order.status).toBe('FULFILLED');
  });

  it('When the same event is delivered twice, then it is applied and emailed once; a later update emails again', async () => {
    const order = await paidOrder();
    const created = shipmentEvent('shipment.created', order, 'LABEL_CREATED');
    await h.bus.publish([created]);
    await h.bus.publish([created]);
    expect(await shippingEmails(order.id)).toEqual([created.id]);
    const delivered = shipmentEvent('shipment.updated', order, 'DELIVERED');
    await h.bus.publish([delivered]);
    await h.bus.publish([delivered]);
    expect(await shippingEmails(order.id)).toEqual([created.id, delivered.id]);
    expect(await statusOf(order.id)).toBe('FULFILLED');
    const mail = JSON.parse(
      readFileSync(join(h.dataDir, 'mail', `order-shipped-${delivered.id}.json`), 'utf8'),
    ) as { subject: string };
    expect(mail.subject).toBe(`Your order ${order.number} has been delivered`);
  });

  it('When a shipment event names a cancelled order, then the status stays CANCELLED (no transition outside the machine)', async () => {
    const order = await paidOrder();
    const shopper = customer(order.customerId as ReturnType<typeof randomUUID>);
    const cancelled = await h.call<{ orderCancel: { order: { status: string } } }>(
      shopper,
      `mutation($id: ID!) { orderCancel(orderId: $id) { order { status } userErrors { code } } }`,
      { id: order.id },
    );
    expect(cancelled.orderCancel.order.status).toBe('CANCELLED');
    await h.bus.publish([shipmentEvent('shipment.created', order, 'LABEL_CREATED')]);
    expect(await statusOf(order.id)).toBe('CANCELLED');
  });

  it('When a shipment is RETURNED or the event is malformed, then the order is not fulfilled by it', async () => {
    const order = await paidOrder();
    await h.bus.publish([shipmentEvent('shipment.updated', order, 'RETURNED')]);
    await h.bus.publish([
      { ...shipmentEvent('shipment.updated', order, 'DELIVERED'), payload: { orderId: order.id } },
    ]);
    expect(await statusOf(order.id)).toBe('PAID');
  });
});
