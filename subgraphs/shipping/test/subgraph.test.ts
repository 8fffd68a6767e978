import { randomUUID } from 'node:crypto';
import { admin, anonymous, customer, gql, identityHeaders, outboxDrained, service } from '@shop/testkit';
import { signCarrierPayload, CARRIER_SIGNATURE_HEADER } from '../src/domain/carrier-webhooks';
import { quote, RateSigner } from '../src/domain/rates';
import { carrierSecret, rateSecret } from '../src/service';
import { eventually, startShipping, type Harness } from './harness';

const MUG = 'var-mug';
const ANVIL = 'var-anvil';

let h: Harness;
beforeAll(async () => {
  h = await startShipping('shipping_subgraph', { [MUG]: 350, [ANVIL]: 20_000 });
});
afterAll(async () => h?.close());

const RATES = `query($input: ShippingRatesInput!) {
  shippingRates(input: $input) { handle carrier service price { amount currencyCode } estimatedDeliveryDays }
}`;

interface Rate {
  handle: string;
  carrier: string;
  service: string;
  price: { amount: string; currencyCode: string };
  estimatedDeliveryDays: number;
}

async function rates(input: unknown, who = anonymous) {
  return gql<{ shippingRates: Rate[] }>(h.url, RATES, { input }, identityHeaders(who, 'shipping'));
}

async function internal(path: string, body: unknown, who = service('orders')) {
  const response = await fetch(`${h.base}${path}`, {
    method: 'POST',
    headers: identityHeaders(who, 'shipping'),
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const nyc = { countryCode: 'US', zip: '10001' };
const cents = (amount: string) => Math.round(Number(amount) * 100);

describe('shipping rates', () => {
  it('When a request has no valid gateway identity, then it is refused with 401 before any resolver runs', async () => {
    const none = await gql(h.url, RATES, {
      input: { destination: nyc, items: [{ variantId: MUG, quantity: 1 }] },
    });
    expect(none.status).toBe(401);
    const forged = await gql(
      h.url,
      RATES,
      {},
      identityHeaders(customer(), 'another-secret-another-secret-another-secret'),
    );
    expect(forged.status).toBe(401);
    const internalCall = await fetch(`${h.base}/internal/rates`, { method: 'POST', body: '{}' });
    expect(internalCall.status).toBe(401);
  });

  it('When a shopper asks for rates twice, then all three carriers answer the same prices, cheapest first, in USD', async () => {
    const input = { destination: nyc, items: [{ variantId: MUG, quantity: 2 }] };
    const first = await rates(input);
    expect(first.body.errors).toBeUndefined();
    const list = first.body.data!.shippingRates;
    expect(list).toHaveLength(6);
    expect(new Set(list.map((r) => r.carrier))).toEqual(new Set(['DHL', 'FEDEX', 'UPS']));
    const prices = list.map((r) => cents(r.price.amount));
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
    expect(list.every((r) => r.price.currencyCode === 'USD' && /^\d+\.\d{2}$/.test(r.price.amount))).toBe(
      true,
    );
    // 700 g is two 500 g steps: the cheapest, UPS GROUND, is 849 + 190 cents in the nearest zone.
    expect(list[0]).toMatchObject({ carrier: 'UPS', service: 'GROUND', price: { amount: '10.39' } });
    const second = await rates(input, customer());
    expect(second.body.data!.shippingRates.map((r) => [r.carrier, r.service, r.price.amount])).toEqual(
      list.map((r) => [r.carrier, r.service, r.price.amount]),
    );
  });

  it('When the parcel is heavier or goes farther, then it costs more', async () => {
    const cheapest = async (input: unknown) =>
      cents((await rates(input)).body.data!.shippingRates[0]!.price.amount);
    const light = await cheapest({ destination: nyc, items: [{ variantId: MUG, quantity: 1 }] });
    const heavy = await cheapest({ destination: nyc, items: [{ variantId: ANVIL, quantity: 1 }] });
    const abroad = await cheapest({
      destination: { countryCode: 'FR', zip: '75001' },
      items: [{ variantId: MUG, quantity: 1 }],
    });
    expect(heavy).toBeGreaterThan(light);
    expect(abroad).toBeGreaterThan(light);
  });

  it.each([
    [
      'an unknown country',
      { destination: { countryCode: 'ZZ', zip: '10001' }, items: [{ variantId: MUG, quantity: 1 }] },
      /country code/,
    ],
    [
      'a bad US zip',
      { destination: { countryCode: 'US', zip: 'ABCDE' }, items: [{ variantId: MUG, quantity: 1 }] },
      /ZIP/,
    ],
    ['no items', { destination: nyc, items: [] }, /between 1 and 100 items/],
    ['a negative quantity', { destination: nyc, items: [{ variantId: MUG, quantity: -1 }] }, /Quantity/],
    [
      'an unknown variant',
      { destination: nyc, items: [{ variantId: 'var-nope', quantity: 1 }] },
      /Unknown product variant: var-nope/,
    ],
  ])('When the input has %s, then a BAD_USER_INPUT error says so', async (_label, input, message) => {
    const result = await rates(input);
    expect(result.status).toBe(200);
    expect(result.body.data).toBeNull();
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.message).toMatch(message);
  });
});

describe('internal rate endpoints', () => {
  const items = [{ variantId: MUG, quantity: 3 }];

  it('When orders asks for rates, then it gets signed RateInfo sorted by price; a shopper may not call it', async () => {
    const result = await internal('/internal/rates', { destination: nyc, items });
    expect(result.status).toBe(200);
    const list = result.body.rates as {
      priceMinor: number;
      carrier: string;
      currencyCode: string;
      handle: string;
    }[];
    expect(list).toHaveLength(6);
    expect(list.map((r) => r.priceMinor)).toEqual([...list.map((r) => r.priceMinor)].sort((a, b) => a - b));
    expect(list[0]).toMatchObject({ carrier: 'UPS', currencyCode: 'USD', priceMinor: 849 + 2 * 190 });
    const shopper = await internal('/internal/rates', { destination: nyc, items }, customer());
    expect(shopper.status).toBe(403);
  });

  it('When orders sends bad input or an unknown variant, then it gets a 400 that says what is wrong', async () => {
    const bad = await internal('/internal/rates', { destination: { countryCode: 'US', zip: '1' }, items });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: 'INVALID_INPUT', field: ['destination', 'zip'] },
    });
    const unknown = await internal('/internal/rates', {
      destination: nyc,
      items: [{ variantId: 'var-ghost', quantity: 1 }],
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: 'UNKNOWN_VARIANT', variantIds: ['var-ghost'] },
    });
    const malformed = await internal('/internal/rates', { destination: nyc });
    expect(malformed.status).toBe(400);
  });

  it('When a handle from shippingRates is verified for the same parcel, then the same rate comes back', async () => {
    const quoted = (await rates({ destination: nyc, items })).body.data!.shippingRates[2]!;
    const verified = await internal('/internal/rates/verify', {
      handle: quoted.handle,
      destination: { countryCode: 'us', zip: '10001' },
      items,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.rate).toEqual({
      handle: quoted.handle,
      carrier: quoted.carrier,
      service: quoted.service,
      priceMinor: cents(quoted.price.amount),
      currencyCode: 'USD',
      estimatedDeliveryDays: quoted.estimatedDeliveryDays,
    });
  });

  it('When a handle is altered, forged, expired or reused for another parcel, then verify answers INVALID_RATE', async () => {
    const quoted = (await rates({ destination: nyc, items })).body.data!.shippingRates[0]!;
    const [body, mac] = quoted.handle.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const altered = `${Buffer.from(JSON.stringify({ ...payload, p: 1 })).toString('base64url')}.${mac}`;
    const forged = new RateSigner('not-the-shipping-key-not-the-shipping-key', 3600).sign(
      quote(1050, nyc)[0]!,
      nyc,
      items,
    ).handle;
    const expired = new RateSigner(rateSecret(h.config), 3600).sign(
      quote(1050, nyc)[0]!,
      nyc,
      items,
      Date.now() - 2 * 3600_000,
    ).handle;
    const fresh = new RateSigner(rateSecret(h.config), 3600).sign(quote(1050, nyc)[0]!, nyc, items).handle;
    const cases: [string, unknown][] = [
      [altered, items],
      [forged, items],
      [expired, items],
      ['', items],
      [quoted.handle, [{ variantId: MUG, quantity: 4 }]],
      [quoted.handle, [...items, { variantId: ANVIL, quantity: 1 }]],
    ];
    for (const [handle, withItems] of cases) {
      const result = await internal('/internal/rates/verify', { handle, destination: nyc, items: withItems });
      expect(result).toEqual({ status: 400, body: { error: 'INVALID_RATE' } });
    }
    const otherZip = await internal('/internal/rates/verify', {
      handle: quoted.handle,
      destination: { countryCode: 'US', zip: '10002' },
      items,
    });
    expect(otherZip.status).toBe(400);
    // The control: the same key and a live expiry do verify, so the refusals above are about the handle.
    expect(
      (await internal('/internal/rates/verify', { handle: fresh, destination: nyc, items })).status,
    ).toBe(200);
  });
});

const FULFIL = `mutation($orderId: ID!, $lines: [FulfillmentLineInput!]!, $carrier: Carrier!, $service: String!) {
  fulfillmentCreate(orderId: $orderId, lines: $lines, carrier: $carrier, service: $service) {
    shipment { id carrier service trackingNumber trackingUrl status estimatedDelivery lines { orderLineId quantity }
               events { status description location occurredAt } }
    label { format data }
    userErrors { code field message }
  }
}`;

interface ShipmentView {
  id: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  trackingUrl: string;
  status: string;
  estimatedDelivery: string | null;
  lines: { orderLineId: string; quantity: number }[];
  events: { status: string; description: string; location: string | null; occurredAt: string }[];
}

interface FulfilResult {
  fulfillmentCreate: {
    shipment: ShipmentView | null;
    label: { format: string; data: string } | null;
    userErrors: { code: string; field: string[] | null }[];
  };
}

async function fulfil(vars: Record<string, unknown>, who = admin()) {
  return gql<FulfilResult>(
    h.url,
    FULFIL,
    { lines: [{ orderLineId: 'line-1', quantity: 1 }], carrier: 'UPS', service: 'GROUND', ...vars },
    identityHeaders(who, 'shipping'),
  );
}

async function shipFor(
  orderId: string,
  customerId: string | null,
  carrier = 'UPS',
  serviceName = 'GROUND',
): Promise<ShipmentView> {
  if (!h.orders.orders.has(orderId)) h.paidOrder(customerId, { 'line-1': 10 }, orderId);
  const result = await fulfil({ orderId, carrier, service: serviceName });
  expect(result.body.data?.fulfillmentCreate.userErrors).toEqual([]);
  return result.body.data!.fulfillmentCreate.shipment!;
}

describe('fulfillment and tracking', () => {
  it('When a shopper or a guest tries to fulfil an order, then they are refused', async () => {
    const shopper = await fulfil({ orderId: randomUUID() }, customer());
    expect(shopper.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const guest = await fulfil({ orderId: randomUUID() }, anonymous);
    expect(guest.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('When an admin fulfils order lines, then a shipment with a label and a tracking number exists and shipment.created is published', async () => {
    const customerId = randomUUID();
    const orderId = h.paidOrder(customerId, { 'line-a': 2, 'line-b': 1 });
    const result = await fulfil({
      orderId,
      carrier: 'DHL',
      service: 'EXPRESS',
      lines: [
        { orderLineId: 'line-a', quantity: 2 },
        { orderLineId: 'line-b', quantity: 1 },
      ],
    });
    const payload = result.body.data!.fulfillmentCreate;
    expect(payload.userErrors).toEqual([]);
    const shipment = payload.shipment!;
    expect(shipment).toMatchObject({ carrier: 'DHL', service: 'EXPRESS', status: 'LABEL_CREATED' });
    expect(shipment.trackingNumber).toMatch(/^JD\d{18}$/);
    expect(shipment.trackingUrl).toContain(shipment.trackingNumber);
    expect(shipment.lines).toEqual([
      { orderLineId: 'line-a', quantity: 2 },
      { orderLineId: 'line-b', quantity: 1 },
    ]);
    expect(shipment.events).toEqual([expect.objectContaining({ status: 'LABEL_CREATED' })]);
    expect(Date.parse(shipment.estimatedDelivery!)).toBeGreaterThan(Date.now());
    expect(payload.label!.format).toBe('ZPL');
    expect(Buffer.from(payload.label!.data, 'base64').toString()).toContain(shipment.trackingNumber);
    await eventually(() =>
      h.published.some((e) => e.topic === 'shipment.created' && e.payload.shipmentId === shipment.id),
    );
    const event = h.published.find((e) => e.payload.shipmentId === shipment.id)!;
    expect(event.payload).toMatchObject({
      orderId,
      customerId,
      status: 'LABEL_CREATED',
      trackingNumber: shipment.trackingNumber,
    });
  });

  it('When the fulfilment input is wrong, then userErrors say what and nothing is created', async () => {
    const orderId = randomUUID();
    const wrongService = await fulfil({ orderId, carrier: 'FEDEX', service: 'EXPRESS' });
    expect(wrongService.body.data!.fulfillmentCreate).toMatchObject({
      shipment: null,
      userErrors: [{ code: 'UNKNOWN_SERVICE', field: ['service'] }],
    });
    const badLines = await fulfil({
      orderId,
      lines: [
        { orderLineId: 'x', quantity: 0 },
        { orderLineId: 'x', quantity: 1 },
      ],
    });
    expect(badLines.body.data!.fulfillmentCreate.userErrors.map((e) => e.code)).toEqual([
      'INVALID_QUANTITY',
      'DUPLICATE_LINE',
    ]);
    const noLines = await fulfil({ orderId, lines: [] });
    expect(noLines.body.data!.fulfillmentCreate.userErrors.map((e) => e.code)).toEqual(['INVALID_LINES']);
    const { rows } = await h.database.db.query(`SELECT 1 FROM shipments WHERE order_id = $1`, [orderId]);
    expect(rows).toHaveLength(0);
  });

  it('When anyone tracks a known number, then they see the shipment; an unknown number gives null', async () => {
    const shipment = await shipFor(randomUUID(), randomUUID(), 'FEDEX', 'GROUND');
    const TRACK = `query($n: String!) { trackShipment(trackingNumber: $n) { id trackingNumber status events { status } } }`;
    const found = await gql<{ trackShipment: { id: string } | null }>(
      h.url,
      TRACK,
      { n: ` ${shipment.trackingNumber} ` },
      identityHeaders(anonymous, 'shipping'),
    );
    expect(found.body.data!.trackShipment).toMatchObject({
      id: shipment.id,
      status: 'LABEL_CREATED',
      events: [{ status: 'LABEL_CREATED' }],
    });
    const missing = await gql<{ trackShipment: unknown }>(
      h.url,
      TRACK,
      { n: '000000000000' },
      identityHeaders(anonymous, 'shipping'),
    );
    expect(missing.body.data!.trackShipment).toBeNull();
    const tooLong = await gql(h.url, TRACK, { n: 'X'.repeat(100) }, identityHeaders(anonymous, 'shipping'));
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('carrier webhooks', () => {
  async function deliver(
    carrier: string,
    events: unknown[],
    key = carrierSecret(h.config, carrier.toUpperCase() as 'UPS'),
  ) {
    const body = JSON.stringify({ events });
    const response = await fetch(`${h.base}/webhooks/carriers/${carrier}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CARRIER_SIGNATURE_HEADER]: signCarrierPayload(key, body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, number> };
  }

  const TRACK = `query($n: String!) { trackShipment(trackingNumber: $n) { status events { status description location occurredAt } } }`;
  const track = async (n: string) =>
    (
      await gql<{ trackShipment: { status: string; events: { status: string; description: string }[] } }>(
        h.url,
        TRACK,
        { n },
        identityHeaders(anonymous, 'shipping'),
      )
    ).body.data!.trackShipment;

  it('When a webhook is unsigned, signed with another key or for an unknown carrier, then it is refused and nothing changes', async () => {
    const shipment = await shipFor(randomUUID(), null);
    const event = {
      id: 'evt-1',
      trackingNumber: shipment.trackingNumber,
      status: 'IN_TRANSIT',
      description: 'Picked up',
      occurredAt: new Date().toISOString(),
    };
    const unsigned = await fetch(`${h.base}/webhooks/carriers/ups`, {
      method: 'POST',
      body: JSON.stringify({ events: [event] }),
    });
    expect(unsigned.status).toBe(401);
    expect((await deliver('ups', [event], carrierSecret(h.config, 'DHL'))).status).toBe(401);
    expect((await deliver('royalmail', [event])).status).toBe(404);
    expect((await track(shipment.trackingNumber)).status).toBe('LABEL_CREATED');
  });

  it('When a carrier sends the same events twice, then each applies once and the status only moves forward', async () => {
    const orderId = randomUUID();
    const shipment = await shipFor(orderId, null);
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000).toISOString();
    const n = shipment.trackingNumber;
    const first = [
      {
        id: `${n}-1`,
        trackingNumber: n,
        status: 'IN_TRANSIT',
        description: 'Picked up',
        location: 'Louisville, KY',
        occurredAt: at(1),
      },
      {
        id: `${n}-2`,
        trackingNumber: n,
        status: 'DELIVERED',
        description: 'Delivered',
        location: 'New York, NY',
        occurredAt: at(3),
      },
    ];
    expect(await deliver('ups', first)).toEqual({
      status: 200,
      body: { received: 2, applied: 2, duplicates: 0, unknownShipments: 0 },
    });
    expect(await deliver('UPS', first)).toEqual({
      status: 200,
      body: { received: 2, applied: 0, duplicates: 2, unknownShipments: 0 },
    });
    // A late scan arrives after delivery: it joins the history but the status stays DELIVERED.
    const late = [
      {
        id: `${n}-late`,
        trackingNumber: n,
        status: 'OUT_FOR_DELIVERY',
        description: 'On the truck',
        occurredAt: at(2),
      },
    ];
    expect((await deliver('ups', late)).body.applied).toBe(1);
    const unknown = [
      {
        id: 'x-1',
        trackingNumber: 'NO-SUCH',
        status: 'IN_TRANSIT',
        description: 'Picked up',
        occurredAt: at(1),
      },
    ];
    expect((await deliver('ups', unknown)).body.unknownShipments).toBe(1);

    const tracked = await track(n);
    expect(tracked.status).toBe('DELIVERED');
    expect(tracked.events.map((e) => e.status)).toEqual([
      'LABEL_CREATED',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
    await eventually(
      () =>
        h.published.filter((e) => e.topic === 'shipment.updated' && e.payload.orderId === orderId).length ===
        2,
    );
    // Every event the webhooks caused is published once the outbox is drained: none is still to come.
    await outboxDrained(h.database.db);
    const updates = h.published.filter(
      (e) => e.topic === 'shipment.updated' && e.payload.orderId === orderId,
    );
    expect(updates.map((e) => e.payload.status)).toEqual(['IN_TRANSIT', 'DELIVERED']);
  });

  it('When a webhook body is malformed, then it gets a 400 and nothing is applied', async () => {
    expect(
      (
        await deliver('ups', [
          { id: 'e', trackingNumber: 'n', status: 'LOST', description: 'x', occurredAt: 'yesterday' },
        ])
      ).status,
    ).toBe(400);
    expect((await deliver('ups', [])).status).toBe(400);
  });
});

describe('Order.shipments through _entities', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id shipments { id trackingNumber status carrier } } } }`;
  const entities = (ids: string[], who: Parameters<typeof identityHeaders>[0]) =>
    gql<{ _entities: ({ id: string; shipments: { id: string }[] } | null)[] }>(
      h.url,
      ENTITIES,
      { r: ids.map((id) => ({ __typename: 'Order', id })) },
      identityHeaders(who, 'shipping'),
    );

  it('When the gateway resolves several orders, then each gets its own shipments, oldest first, and an order without any gets []', async () => {
    const owner = randomUUID();
    const orderA = randomUUID();
    const orderB = randomUUID();
    const a1 = await shipFor(orderA, owner);
    const a2 = await shipFor(orderA, owner, 'DHL', 'ECONOMY');
    const b1 = await shipFor(orderB, owner, 'FEDEX', 'PRIORITY_OVERNIGHT');
    const result = await entities([orderA, orderB, randomUUID()], customer(owner));
    expect(result.body.errors).toBeUndefined();
    const [a, b, none] = result.body.data!._entities;
    expect(a!.shipments.map((s) => s.id)).toEqual([a1.id, a2.id]);
    expect(b!.shipments.map((s) => s.id)).toEqual([b1.id]);
    expect(none!.shipments).toEqual([]);
  });

  it('When another shopper, a guest or a partner asks for an order’s shipments, then FORBIDDEN; the owner, an admin and a service may', async () => {
    const owner = randomUUID();
    const orderId = randomUUID();
    await shipFor(orderId, owner);
    const other = await entities([orderId], customer());
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.body.data?._entities?.[0] ?? null).toBeNull();
    const guest = await entities([orderId], anonymous);
    expect(guest.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const partner = await entities([orderId], { kind: 'partner', partnerId: 'p1', scopes: [] });
    expect(partner.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await entities([orderId], service('orders'))).status).toBe(403);
    for (const who of [customer(owner), admin()]) {
      const ok = await entities([orderId], who);
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data!._entities[0]!.shipments).toHaveLength(1);
    }
  });
});
