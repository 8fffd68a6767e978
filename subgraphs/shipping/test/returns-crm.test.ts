import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { admin, anonymous, customer, gql, identityHeaders, service } from '@shop/testkit';
import type { Principal } from '@shop/common';
import { CARRIER_SIGNATURE_HEADER, signCarrierPayload } from '../src/domain/carrier-webhooks';
import { segmentsOf } from '../src/domain/crm';
import { carrierSecret } from '../src/service';
import { eventually, pollUntil, startShipping, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startShipping(
    'shipping_returns_crm',
    { v1: 500 },
    {
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_RETRY_BASE_MS: '50',
      WEBHOOK_POLL_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '3',
    },
  );
});
afterAll(async () => h?.close());

const as = (who: Principal) => identityHeaders(who, 'shipping');

async function paidOrder(customerId: string | null, totalMinor = 2500, occurredAt?: string) {
  const orderId = h.paidOrder(customerId, { 'line-1': 10, 'line-2': 10 });
  const event = await h.publish(
    'order.paid',
    {
      orderId,
      orderNumber: String(1000 + Math.floor(Math.random() * 9000)),
      customerId,
      email: 'a@example.com',
      cartId: 'c',
      reservationId: 'r',
      lines: [],
      totalMinor,
      currencyCode: 'USD',
    },
    occurredAt,
  );
  return { orderId, event };
}

async function ship(orderId: string, lines = [{ orderLineId: 'line-1', quantity: 2 }]) {
  const result = await gql<{ fulfillmentCreate: { shipment: { id: string; trackingNumber: string } } }>(
    h.url,
    `mutation($o: ID!, $l: [FulfillmentLineInput!]!) { fulfillmentCreate(orderId: $o, lines: $l, carrier: UPS, service: "GROUND") { shipment { id trackingNumber } userErrors { code } } }`,
    { o: orderId, l: lines },
    as(admin()),
  );
  return result.body.data!.fulfillmentCreate.shipment;
}

const CUSTOMER = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on Customer {
  id segments timeline(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { kind title body referenceId occurredAt } } } } }`;

interface CustomerView {
  id: string;
  segments: string[];
  timeline: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { kind: string; title: string; body: string | null; referenceId: string | null }[];
  };
}

async function customerView(
  customerId: string,
  who: Principal = customer(customerId as ReturnType<typeof randomUUID>),
  vars: Record<string, unknown> = {},
) {
  return gql<{ _entities: (CustomerView | null)[] }>(
    h.url,
    CUSTOMER,
    { r: [{ __typename: 'Customer', id: customerId }], ...vars },
    as(who),
  );
}

describe('CRM from order events', () => {
  it('When order.paid arrives (even twice), then the customer gets one ORDER_PLACED entry and moves from new to repeat', async () => {
    const shopper = randomUUID();
    const { orderId, event } = await paidOrder(shopper, 2599);
    await h.bus.publish([event]);
    let view = (await customerView(shopper)).body.data!._entities[0]!;
    expect(view.timeline.nodes).toEqual([
      expect.objectContaining({
        kind: 'ORDER_PLACED',
        referenceId: orderId,
        title: expect.stringMatching(/^Order #\d+ placed \(25\.99 USD\)$/),
      }),
    ]);
    expect(view.segments).toEqual(['new']);
    await paidOrder(shopper, 60_000);
    view = (await customerView(shopper)).body.data!._entities[0]!;
    expect(view.segments).toEqual(['repeat', 'vip']);
    expect(view.timeline.totalCount).toBe(2);
  });

  it('When a shopper reads another shopper’s timeline, then FORBIDDEN; an admin and a service may', async () => {
    const shopper = randomUUID();
    await paidOrder(shopper);
    const other = await customerView(shopper, customer());
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const guest = await customerView(shopper, anonymous);
    expect(guest.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await customerView(shopper, service('users'))).status).toBe(403);
    for (const who of [admin()]) {
      const ok = await customerView(shopper, who);
      expect(ok.body.data!._entities[0]!.timeline.totalCount).toBe(1);
    }
  });

  it('When the timeline is paged, then pages follow newest first without gaps or repeats', async () => {
    const shopper = randomUUID();
    for (let i = 0; i < 3; i++) await paidOrder(shopper);
    const first = (await customerView(shopper, customer(shopper), { first: 2 })).body.data!._entities[0]!
      .timeline;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (
      await customerView(shopper, customer(shopper), { first: 2, after: first.pageInfo.endCursor })
    ).body.data!._entities[0]!.timeline;
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const refs = [...first.nodes, ...second.nodes].map((n) => n.referenceId);
    expect(new Set(refs).size).toBe(3);
    const bad = await customerView(shopper, customer(shopper), { first: 101 });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A forged cursor whose number is not a whole one is refused as bad input, never a database error.
    for (const s of [1.5, 1e300, -1]) {
      const forged = Buffer.from(JSON.stringify({ s })).toString('base64url');
      const res = await customerView(shopper, customer(shopper), { first: 2, after: forged });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('When a shipment is created for a paid order, then it records the owner: the timeline shows it and others cannot read it', async () => {
    const shopper = randomUUID();
    const { orderId } = await paidOrder(shopper);
    const shipment = await ship(orderId);
    const view = (await customerView(shopper)).body.data!._entities[0]!;
    expect(view.timeline.nodes[0]).toMatchObject({ kind: 'SHIPMENT_CREATED', referenceId: shipment.id });
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { shipments { id } } } }`;
    const other = await gql(h.url, q, { r: [{ __typename: 'Order', id: orderId }] }, as(customer()));
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('When an admin lists customers by segment, then only those in it come back; others may not list', async () => {
    const loyal = randomUUID();
    const fresh = randomUUID();
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await paidOrder(loyal, 30_000, longAgo);
    await paidOrder(loyal, 30_000, longAgo);
    await paidOrder(fresh, 1000);
    await h.publish('customer.registered', { customerId: randomUUID(), email: 'p@example.com' });
    const list = async (segment: string | null, who: Principal = admin()) =>
      gql<{ customers: { totalCount: number; nodes: { id: string }[] } }>(
        h.url,
        `query($s: String) { customers(segment: $s, first: 100) { totalCount nodes { id } } }`,
        { s: segment },
        as(who),
      );
    const ids = async (segment: string) => (await list(segment)).body.data!.customers.nodes.map((n) => n.id);
    expect(await ids('vip')).toContain(loyal);
    expect(await ids('vip')).not.toContain(fresh);
    expect(await ids('dormant')).toContain(loyal);
    expect(await ids('new')).toContain(fresh);
    expect(await ids('repeat')).not.toContain(fresh);
    expect((await ids('prospect')).length).toBeGreaterThanOrEqual(1);
    const all = (await list(null)).body.data!.customers;
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    expect((await list('vip', customer())).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await list('whales');
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors?.[0]?.message).toMatch(/segments are/);
  });

  it('When segments are computed, then they follow orders, spend, returns and recency', () => {
    const now = Date.UTC(2026, 5, 1);
    expect(segmentsOf(undefined, now)).toEqual([]);
    expect(
      segmentsOf({ customerId: 'c', orders: 0, spentUsdMinor: 0, lastOrderAt: null, returns: 0 }, now),
    ).toEqual(['prospect']);
    expect(
      segmentsOf(
        {
          customerId: 'c',
          orders: 3,
          spentUsdMinor: 50_000,
          lastOrderAt: '2025-01-01T00:00:00Z',
          returns: 1,
        },
        now,
      ),
    ).toEqual(['repeat', 'vip', 'returner', 'dormant']);
  });

  it('When an admin adds a note, then it is on the timeline; a shopper may not add one and an empty note is refused', async () => {
    const shopper = randomUUID();
    const NOTE = `mutation($c: ID!, $b: String!) { customerNoteAdd(customerId: $c, body: $b) { note { id body customerId authorId } userErrors { code field } } }`;
    const staff = randomUUID();
    const added = await gql<{ customerNoteAdd: { note: { id: string; body: string; authorId: string } } }>(
      h.url,
      NOTE,
      { c: shopper, b: ' Prefers morning delivery ' },
      as(admin(staff)),
    );
    expect(added.body.data!.customerNoteAdd.note).toMatchObject({
      body: 'Prefers morning delivery',
      authorId: staff,
    });
    const view = (await customerView(shopper, admin())).body.data!._entities[0]!;
    expect(view.timeline.nodes[0]).toMatchObject({
      kind: 'NOTE_ADDED',
      body: 'Prefers morning delivery',
      referenceId: added.body.data!.customerNoteAdd.note.id,
    });
    const shopperTry = await gql(h.url, NOTE, { c: shopper, b: 'hi' }, as(customer(shopper)));
    expect(shopperTry.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const empty = await gql<{ customerNoteAdd: { userErrors: { code: string }[] } }>(
      h.url,
      NOTE,
      { c: shopper, b: '  ' },
      as(admin()),
    );
    expect(empty.body.data!.customerNoteAdd.userErrors).toEqual([{ code: 'INVALID_BODY', field: ['body'] }]);
  });
});

const RETURN_FIELDS = `return { id orderId status reason trackingNumber lines { orderLineId quantity } returnLabel { format data } } userErrors { code field message }`;

interface ReturnView {
  id: string;
  status: string;
  trackingNumber: string | null;
  lines: { orderLineId: string; quantity: number }[];
  returnLabel: { format: string; data: string } | null;
}
interface ReturnPayload {
  return: ReturnView | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

async function requestReturn(orderId: string, lines: unknown[], who: Principal) {
  const result = await gql<{ returnRequest: ReturnPayload }>(
    h.url,
    `mutation($i: ReturnRequestInput!) { returnRequest(input: $i) { ${RETURN_FIELDS} } }`,
    { i: { orderId, lines, reason: 'Too small' } },
    as(who),
  );
  return result;
}

async function move(
  step: 'returnApprove' | 'returnReject' | 'returnReceive',
  id: string,
  who: Principal = admin(),
) {
  return gql<Record<string, ReturnPayload>>(
    h.url,
    `mutation($id: ID!) { ${step}(id: $id) { ${RETURN_FIELDS} } }`,
    { id },
    as(who),
  );
}

describe('returns', () => {
  it('When the owner returns shipped items, then the return goes REQUESTED, APPROVED (with a label), IN_TRANSIT on the carrier scan, RECEIVED', async () => {
    const shopper = randomUUID();
    const { orderId } = await paidOrder(shopper);
    await ship(orderId, [
      { orderLineId: 'line-1', quantity: 2 },
      { orderLineId: 'line-2', quantity: 1 },
    ]);
    const requested = await requestReturn(
      orderId,
      [{ orderLineId: 'line-1', quantity: 1 }],
      customer(shopper),
    );
    const r = requested.body.data!.returnRequest.return!;
    expect(r).toMatchObject({
      status: 'REQUESTED',
      lines: [{ orderLineId: 'line-1', quantity: 1 }],
      returnLabel: null,
    });

    expect((await move('returnApprove', r.id, customer(shopper))).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const approved = (await move('returnApprove', r.id)).body.data!.returnApprove!.return!;
    expect(approved.status).toBe('APPROVED');
    expect(approved.trackingNumber).toMatch(/^1Z/);
    expect(Buffer.from(approved.returnLabel!.data, 'base64').toString()).toContain(approved.trackingNumber!);
    expect((await move('returnApprove', r.id)).body.data!.returnApprove!.userErrors[0]!.code).toBe(
      'INVALID_STATUS',
    );

    const body = JSON.stringify({
      events: [
        {
          id: `r-${r.id}`,
          trackingNumber: approved.trackingNumber,
          status: 'IN_TRANSIT',
          description: 'Dropped off',
          occurredAt: new Date().toISOString(),
        },
      ],
    });
    const scan = await fetch(`${h.base}/webhooks/carriers/ups`, {
      method: 'POST',
      headers: {
        [CARRIER_SIGNATURE_HEADER]: signCarrierPayload(
          carrierSecret(h.config, 'UPS'),
          body,
          Math.floor(Date.now() / 1000),
        ),
      },
      body,
    });
    expect(scan.status).toBe(200);
    const mine = await gql<{ returns: ReturnView[] }>(
      h.url,
      `query($o: ID) { returns(orderId: $o) { id status } }`,
      { o: orderId },
      as(customer(shopper)),
    );
    expect(mine.body.data!.returns).toEqual([{ id: r.id, status: 'IN_TRANSIT' }]);

    const received = (await move('returnReceive', r.id)).body.data!.returnReceive!.return!;
    expect(received.status).toBe('RECEIVED');
    await eventually(() =>
      h.published.some((e) => e.topic === 'return.received' && e.payload.returnId === r.id),
    );
    expect(
      h.published.find((e) => e.topic === 'return.received' && e.payload.returnId === r.id)!.payload,
    ).toMatchObject({
      orderId,
      customerId: shopper,
      lines: [{ orderLineId: 'line-1', quantity: 1 }],
    });
    const view = (await customerView(shopper)).body.data!._entities[0]!;
    expect(view.segments).toContain('returner');
    expect(view.timeline.nodes.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['RETURN_REQUESTED', 'RETURN_UPDATED']),
    );
    const others = await gql<{ returns: ReturnView[] }>(
      h.url,
      `query($o: ID) { returns(orderId: $o) { id } }`,
      { o: orderId },
      as(customer()),
    );
    expect(others.body.data!.returns).toEqual([]);
  });

  it('When someone else, or a guest, asks to return an order, then FORBIDDEN; an unknown order too', async () => {
    const shopper = randomUUID();
    const { orderId } = await paidOrder(shopper);
    await ship(orderId);
    expect(
      (await requestReturn(orderId, [{ orderLineId: 'line-1', quantity: 1 }], customer())).body.errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await requestReturn(orderId, [{ orderLineId: 'line-1', quantity: 1 }], anonymous)).body.errors?.[0]
        ?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      (await requestReturn(randomUUID(), [{ orderLineId: 'line-1', quantity: 1 }], customer(shopper))).body
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('When more is returned than was shipped, or a line never shipped, then userErrors; a rejected return frees its units again', async () => {
    const shopper = randomUUID();
    const who = customer(shopper);
    const { orderId } = await paidOrder(shopper);
    await ship(orderId, [{ orderLineId: 'line-1', quantity: 2 }]);
    const tooMany = await requestReturn(orderId, [{ orderLineId: 'line-1', quantity: 3 }], who);
    expect(tooMany.body.data!.returnRequest.userErrors).toEqual([
      expect.objectContaining({
        code: 'QUANTITY_EXCEEDS_SHIPPED',
        message: 'At most 2 of this line can be returned',
      }),
    ]);
    const notShipped = await requestReturn(orderId, [{ orderLineId: 'line-9', quantity: 1 }], who);
    expect(notShipped.body.data!.returnRequest.userErrors[0]!.code).toBe('LINE_NOT_SHIPPED');
    const dup = await requestReturn(
      orderId,
      [
        { orderLineId: 'line-1', quantity: 1 },
        { orderLineId: 'line-1', quantity: 1 },
      ],
      who,
    );
    expect(dup.body.data!.returnRequest.userErrors[0]!.code).toBe('DUPLICATE_LINE');

    const first = (await requestReturn(orderId, [{ orderLineId: 'line-1', quantity: 2 }], who)).body.data!
      .returnRequest.return!;
    const again = await requestReturn(orderId, [{ orderLineId: 'line-1', quantity: 1 }], who);
    expect(again.body.data!.returnRequest.userErrors[0]!.code).toBe('QUANTITY_EXCEEDS_SHIPPED');
    expect((await move('returnReceive', first.id)).body.data!.returnReceive!.userErrors[0]!.code).toBe(
      'INVALID_STATUS',
    );
    const rejected = await gql<{ returnReject: ReturnPayload }>(
      h.url,
      `mutation($id: ID!) { returnReject(id: $id, reason: "Worn") { ${RETURN_FIELDS} } }`,
      { id: first.id },
      as(admin()),
    );
    expect(rejected.body.data!.returnReject.return!.status).toBe('REJECTED');
    const afterReject = await requestReturn(orderId, [{ orderLineId: 'line-1', quantity: 2 }], who);
    expect(afterReject.body.data!.returnRequest.return!.status).toBe('REQUESTED');
    expect((await move('returnApprove', randomUUID())).body.data!.returnApprove!.userErrors[0]!.code).toBe(
      'RETURN_NOT_FOUND',
    );
  });
});

describe('outbound webhooks', () => {
  interface Received {
    headers: IncomingHttpHeaders;
    body: string;
  }
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  let failuresLeft = 1;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          res.writeHead(500).end();
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  });
  afterAll(async () => new Promise<void>((resolve) => receiver.close(() => resolve())));

  const SUBSCRIBE = `mutation($u: String!, $t: [String!]!) { webhookSubscriptionCreate(url: $u, topics: $t) {
    webhookSubscription { id url topics } signingSecret userErrors { code field } } }`;
  interface SubscribeResult {
    webhookSubscriptionCreate: {
      webhookSubscription: { id: string; topics: string[] } | null;
      signingSecret: string | null;
      userErrors: { code: string }[];
    };
  }

  it('When a subscription is bad or not made by an admin, then it is refused', async () => {
    const codes = async (u: string, t: string[]) =>
      (
        await gql<SubscribeResult>(h.url, SUBSCRIBE, { u, t }, as(admin()))
      ).body.data!.webhookSubscriptionCreate.userErrors.map((e) => e.code);
    expect(await codes('ftp://example.com/x', ['shipment.created'])).toEqual(['INVALID_URL']);
    expect(await codes('not a url', ['shipment.created'])).toEqual(['INVALID_URL']);
    expect(await codes('https://user:pw@example.com/', ['shipment.created'])).toEqual(['INVALID_URL']);
    expect(await codes('https://example.com/', ['orders.deleted'])).toEqual(['UNKNOWN_TOPIC']);
    expect(await codes('https://example.com/', [])).toEqual(['INVALID_TOPICS']);
    const shopper = await gql(
      h.url,
      SUBSCRIBE,
      { u: 'https://example.com/', t: ['shipment.created'] },
      as(customer()),
    );
    expect(shopper.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('When a subscribed event happens and the first try fails, then it is delivered signed on a retry, once, and noted on the timeline', async () => {
    const created = await gql<SubscribeResult>(
      h.url,
      SUBSCRIBE,
      { u: receiverUrl, t: ['shipment.created', 'shipment.created'] },
      as(admin()),
    );
    const { webhookSubscription, signingSecret } = created.body.data!.webhookSubscriptionCreate;
    expect(webhookSubscription!.topics).toEqual(['shipment.created']);
    expect(signingSecret).toMatch(/^whsec_/);

    const shopper = randomUUID();
    const { orderId } = await paidOrder(shopper);
    const shipment = await ship(orderId);
    await eventually(() => received.filter((r) => r.body.includes(shipment.id)).length >= 2);
    const attempts = received.filter((r) => r.body.includes(shipment.id));
    const last = attempts[attempts.length - 1]!;
    const body = JSON.parse(last.body) as { topic: string; payload: Record<string, unknown> };
    expect(body).toMatchObject({
      topic: 'shipment.created',
      payload: { shipmentId: shipment.id, orderId, customerId: shopper },
    });
    const header = String(last.headers['x-shop-webhook-signature']);
    const t = /t=(\d+)/.exec(header)![1];
    const expected = createHmac('sha256', signingSecret!).update(`${t}.${last.body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(attempts[0]!.headers['x-shop-webhook-id']).toBe(last.headers['x-shop-webhook-id']);

    const rows = await pollUntil(
      async () =>
        (
          await h.database.db.query<{ status: string; attempts: number }>(
            `SELECT status, attempts FROM webhook_deliveries WHERE subscription_id = $1`,
            [webhookSubscription!.id],
          )
        ).rows,
      (r) => r[0]?.status === 'DELIVERED',
    );
    expect(rows).toEqual([{ status: 'DELIVERED', attempts: 2 }]);
    // The relay may publish again (at least once): a redelivered event must not be sent twice.
    const event = h.published.find(
      (e) => e.topic === 'shipment.created' && e.payload.shipmentId === shipment.id,
    )!;
    // The in-process bus returns once the webhook consumer has handled the redelivery: it queued no second delivery.
    await h.bus.publish([event]);
    const afterRedelivery = await h.database.db.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM webhook_deliveries WHERE subscription_id = $1`,
      [webhookSubscription!.id],
    );
    expect(afterRedelivery.rows).toEqual([{ status: 'DELIVERED', attempts: 2 }]);
    expect(received.filter((r) => r.body.includes(shipment.id))).toHaveLength(2);
    const view = (await customerView(shopper)).body.data!._entities[0]!;
    expect(view.timeline.nodes.some((n) => n.kind === 'MESSAGE_SENT')).toBe(true);
  });

  it('When the receiver keeps failing, then the delivery is given up after the last attempt', async () => {
    const deadServer = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((resolve) => deadServer.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(deadServer.address() as AddressInfo).port}/`;
      const created = await gql<SubscribeResult>(
        h.url,
        SUBSCRIBE,
        { u: url, t: ['shipment.created'] },
        as(admin()),
      );
      const id = created.body.data!.webhookSubscriptionCreate.webhookSubscription!.id;
      await ship(h.paidOrder(randomUUID()));
      const row = await pollUntil(
        async () =>
          (
            await h.database.db.query<{ status: string; attempts: number }>(
              `SELECT status, attempts FROM webhook_deliveries WHERE subscription_id = $1`,
              [id],
            )
          ).rows[0],
        (r) => r !== undefined && r.status !== 'PENDING',
      );
      expect(row).toEqual({ status: 'FAILED', attempts: 3 });
    } finally {
      await new Promise<void>((resolve) => deadServer.close(() => resolve()));
    }
  });
});
