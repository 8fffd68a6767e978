// The shopper's journey end to end through the gateway, on the real datastores: every subgraph, the
// signed identity, federation across subgraphs, and the outbox and bus between them.
import { randomUUID } from 'node:crypto';
import { gql, TEST_SECRET, testLogger } from '@shop/testkit';
import type { RunningShop } from '../scripts/start';
import { ADDRESS } from './checkout-flow';
import { startTestShop } from './real-shop';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { getOperationAST, parse } from 'graphql';
import { createHttpApp, IDENTITY_HEADER, signIdentity, type ForwardedIdentity } from '@shop/common';

interface Variant {
  id: string;
  title: string;
  quantityAvailable: number;
  price: { amount: string; currencyCode: string };
}

/**
 * Run twice: on the real datastores (Postgres server, Redis, DynamoDB Local), and embedded as `npm start`
 * runs by default (PGlite, the in-process cache and bus, DynamoDB Local).
 */
describe.each([
  { mode: 'on the real datastores', embedded: false },
  { mode: 'embedded, as npm start runs it', embedded: true },
])('A shopper journey through the gateway, $mode', ({ embedded }) => {
  let shop: RunningShop;
  let url: string;
  let stop: (() => Promise<void>) | undefined;
  const password = 'correct horse battery staple';
  const email = `Shopper.${randomUUID().slice(0, 8)}@Example.com`;
  let token: string;
  let customerId: string;
  const sent: { subgraph: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const auth = () => ({ authorization: `Bearer ${token}` });

  async function call<T>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = auth(),
  ) {
    const { body } = await gql<T>(url, query, variables, headers);
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  }

  async function variantsInStock(min: number, count: number): Promise<Variant[]> {
    const data = await call<{ products: { nodes: { variants: Variant[] }[] } }>(
      `{ products(first: 50) { nodes { variants { id title quantityAvailable price { amount currencyCode } } } } }`,
    );
    const found = data.products.nodes.flatMap((p) => p.variants).filter((v) => v.quantityAvailable >= min);
    expect(found.length).toBeGreaterThanOrEqual(count);
    return found.slice(0, count);
  }

  async function available(variantId: string): Promise<number> {
    const { nodes } = (
      await call<{ products: { nodes: { variants: Variant[] }[] } }>(
        `{ products(first: 100) { nodes { variants { id title quantityAvailable price { amount currencyCode } } } } }`,
      )
    ).products;
    return nodes.flatMap((p) => p.variants).find((v) => v.id === variantId)!.quantityAvailable;
  }

  beforeAll(async () => {
    ({ shop, stop } = await startTestShop('journey', { embedded }));
    url = shop.gatewayUrl;
    // Every request the gateway sends a subgraph, as it arrives: replayed at the end through both query paths.
    for (const [name, subgraph] of Object.entries(shop.subgraphs)) {
      subgraph.app.server.prependListener('request', (req: IncomingMessage) => {
        if (req.method !== 'POST' || req.url !== '/graphql') return;
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () =>
          sent.push({
            subgraph: name,
            headers: { ...req.headers },
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
    }
  }, 180_000);

  afterAll(async () => {
    await stop?.();
  });

  it('When a shopper registers and signs in, then me is that shopper and the email is normalised', async () => {
    const registered = await call<{
      customerRegister: { customer: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation($input: CustomerRegisterInput!) { customerRegister(input: $input) { customer { id } userErrors { code field message } } }`,
      { input: { email, password, firstName: 'Ada', lastName: 'Lovelace' } },
      {},
    );
    // A new and a taken address get the same answer: registration tells nobody who has an account.
    expect(registered.customerRegister).toEqual({ customer: null, userErrors: [] });

    const duplicate = await call<{
      customerRegister: { customer: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation($input: CustomerRegisterInput!) { customerRegister(input: $input) { customer { id } userErrors { code field message } } }`,
      { input: { email: email.toUpperCase(), password, firstName: 'A', lastName: 'B' } },
      {},
    );
    expect(duplicate).toEqual(registered);

    const wrong = await call<{
      customerLogin: { accessToken: string | null; userErrors: { code: string }[] };
    }>(
      `mutation($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken userErrors { code } } }`,
      { input: { email, password: 'not the password at all' } },
      {},
    );
    expect(wrong.customerLogin.accessToken).toBeNull();
    expect(wrong.customerLogin.userErrors.length).toBe(1);

    const login = await call<{
      customerLogin: {
        accessToken: string;
        expiresAt: string;
        mfaRequired: boolean;
        customer: { id: string };
      };
    }>(
      `mutation($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken expiresAt mfaRequired customer { id } userErrors { code } } }`,
      { input: { email, password } },
      {},
    );
    expect(login.customerLogin.mfaRequired).toBe(false);
    token = login.customerLogin.accessToken;
    customerId = login.customerLogin.customer.id;

    // Two sign-ins in one request, even split by another subgraph's mutation between them, are refused whole.
    const doubled = await gql(
      url,
      `mutation($input: CustomerLoginInput!) {
        a: customerLogin(input: $input) { accessToken }
        cartCreate(input: { lines: [] }) { cart { id } }
        b: customerLogin(input: $input) { accessToken }
      }`,
      { input: { email, password: 'not the password at all' } },
      {},
    );
    expect(doubled.status).toBe(400);
    expect(doubled.body.data).toBeUndefined();
    expect(doubled.body.errors?.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_CREDENTIAL_CHECKS']);

    const me = await call<{ me: { id: string; email: string; role: string } }>(`{ me { id email role } }`);
    expect(me.me).toEqual({ id: customerId, email: email.toLowerCase(), role: 'CUSTOMER' });
    expect((await call<{ me: null }>(`{ me { id } }`, {}, {})).me).toBeNull();
  });

  it('When the shopper browses and searches, then products, a product page and faceted results come back', async () => {
    const page = await call<{ products: { nodes: { id: string; handle: string }[]; totalCount: number } }>(
      `{ products(first: 10) { nodes { id handle } totalCount pageInfo { hasNextPage endCursor } } }`,
    );
    expect(page.products.totalCount).toBeGreaterThanOrEqual(200);
    const handle = page.products.nodes[0]!.handle;
    const product = await call<{ product: { handle: string; variants: { price: { amount: string } }[] } }>(
      `query($h: String) { product(handle: $h) { handle title category { name } variants { id price { amount currencyCode } quantityAvailable availableForSale } } }`,
      { h: handle },
    );
    expect(product.product.handle).toBe(handle);
    expect(product.product.variants.length).toBeGreaterThan(0);

    const search = await call<{
      search: { totalCount: number; facets: { name: string; values: { count: number }[] }[] };
    }>(
      `{ search(query: "runnign shoes", first: 5) { totalCount edges { node { title } } facets { name values { value count } } } }`,
    );
    expect(search.search.totalCount).toBeGreaterThan(0);
    expect(search.search.facets.find((f) => f.name === 'brand')?.values.length).toBeGreaterThan(0);
  });

  let cartId: string;
  let bought: Variant[];

  it('When the shopper fills a cart, then totals come from the catalog and an out-of-stock line is refused', async () => {
    bought = await variantsInStock(3, 2);
    const created = await call<{ cartCreate: { cart: { id: string }; userErrors: unknown[] } }>(
      `mutation($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code field message } } }`,
      { input: { lines: [{ merchandiseId: bought[0]!.id, quantity: 1 }] } },
    );
    expect(created.cartCreate.userErrors).toEqual([]);
    cartId = created.cartCreate.cart.id;

    const added = await call<{
      cartLinesAdd: {
        cart: { totalQuantity: number; cost: { totalAmount: { amount: string } } };
        userErrors: unknown[];
      };
    }>(
      `mutation($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) {
         cart { totalQuantity cost { totalAmount { amount currencyCode } } } userErrors { code field message } } }`,
      { id: cartId, lines: [{ merchandiseId: bought[1]!.id, quantity: 2 }] },
    );
    expect(added.cartLinesAdd.userErrors).toEqual([]);
    expect(added.cartLinesAdd.cart.totalQuantity).toBe(3);
    const cents = (m: string) => Math.round(Number(m) * 100);
    expect(cents(added.cartLinesAdd.cart.cost.totalAmount.amount)).toBe(
      cents(bought[0]!.price.amount) + 2 * cents(bought[1]!.price.amount),
    );

    const tooMany = await call<{
      cartLinesAdd: { cart: { totalQuantity: number } | null; userErrors: { code: string }[] };
    }>(
      `mutation($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) {
         cart { totalQuantity } userErrors { code field message } } }`,
      { id: cartId, lines: [{ merchandiseId: bought[1]!.id, quantity: bought[1]!.quantityAvailable }] },
    );
    expect(tooMany.cartLinesAdd.userErrors.map((e) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    const after = await call<{ cart: { totalQuantity: number } }>(
      `query($id: ID!) { cart(id: $id) { totalQuantity } }`,
      { id: cartId },
    );
    expect(after.cart.totalQuantity).toBe(3);

    const negative = await call<{ cartLinesAdd: { userErrors: { code: string }[] } }>(
      `mutation($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) { userErrors { code } } }`,
      { id: cartId, lines: [{ merchandiseId: bought[0]!.id, quantity: -1 }] },
    );
    expect(negative.cartLinesAdd.userErrors.map((e) => e.code)).toEqual(['INVALID_QUANTITY']);
  });

  let checkoutId: string;
  let paidOrderId: string;

  it('When the shopper checks out, then rates come from the shipping subgraph and the chosen one prices the total', async () => {
    const created = await call<{
      checkoutCreate: {
        checkout: {
          id: string;
          availableShippingRates: { handle: string; carrier: string; price: { amount: string } }[];
        };
        userErrors: unknown[];
      };
    }>(
      `mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
         checkout { id availableShippingRates { handle carrier service price { amount } estimatedDeliveryDays } }
         userErrors { code field message } } }`,
      { input: { cartId, email, shippingAddress: ADDRESS } },
    );
    expect(created.checkoutCreate.userErrors).toEqual([]);
    checkoutId = created.checkoutCreate.checkout.id;
    const rates = created.checkoutCreate.checkout.availableShippingRates;
    expect(new Set(rates.map((r) => r.carrier))).toEqual(new Set(['DHL', 'FEDEX', 'UPS']));
    const prices = rates.map((r) => Number(r.price.amount));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));

    const forged = await call<{ checkoutShippingRateSelect: { userErrors: { code: string }[] } }>(
      `mutation($id: ID!, $h: String!) { checkoutShippingRateSelect(checkoutId: $id, rateHandle: $h) { userErrors { code } } }`,
      { id: checkoutId, h: `${rates[0]!.handle}x` },
    );
    expect(forged.checkoutShippingRateSelect.userErrors.length).toBe(1);

    const selected = await call<{
      checkoutShippingRateSelect: {
        checkout: {
          subtotal: { amount: string };
          shippingLine: { price: { amount: string } };
          tax: { amount: string };
          total: { amount: string };
        };
      };
    }>(
      `mutation($id: ID!, $h: String!) { checkoutShippingRateSelect(checkoutId: $id, rateHandle: $h) {
         checkout { subtotal { amount } shippingLine { price { amount } } tax { amount } total { amount } } userErrors { code } } }`,
      { id: checkoutId, h: rates[0]!.handle },
    );
    const c = selected.checkoutShippingRateSelect.checkout;
    const cents = (m: string) => Math.round(Number(m) * 100);
    expect(cents(c.total.amount)).toBe(
      cents(c.subtotal.amount) + cents(c.shippingLine.price.amount) + cents(c.tax.amount),
    );
  });

  const COMPLETE = `mutation($id: ID!, $pm: String!, $key: String!) {
    checkoutComplete(checkoutId: $id, payment: { paymentMethodId: $pm }, idempotencyKey: $key) {
      order { id number status total { amount } } userErrors { code message } } }`;

  it('When the card is declined, then no order is paid and the held stock is returned', async () => {
    const before = await available(bought[0]!.id);
    const declined = await call<{
      checkoutComplete: { order: { status: string } | null; userErrors: { code: string }[] };
    }>(COMPLETE, {
      id: checkoutId,
      pm: 'pm_card_chargeDeclined',
      key: randomUUID(),
    });
    expect(declined.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['PAYMENT_DECLINED']);
    expect(await available(bought[0]!.id)).toBe(before);
  });

  it('When the card succeeds, then one paid order exists, a retry returns it, and it shows in the shopper history', async () => {
    const before = await available(bought[1]!.id);
    const key = randomUUID();
    const paid = await call<{
      checkoutComplete: { order: { id: string; number: string; status: string }; userErrors: unknown[] };
    }>(COMPLETE, { id: checkoutId, pm: 'pm_card_visa', key });
    expect(paid.checkoutComplete.userErrors).toEqual([]);
    expect(paid.checkoutComplete.order.status).toBe('PAID');
    paidOrderId = paid.checkoutComplete.order.id;
    const again = await call<{ checkoutComplete: { order: { id: string } } }>(COMPLETE, {
      id: checkoutId,
      pm: 'pm_card_visa',
      key,
    });
    expect(again.checkoutComplete.order.id).toBe(paid.checkoutComplete.order.id);

    const history = await call<{ me: { orders: { nodes: { id: string; status: string }[] } } }>(
      `{ me { orders(first: 5) { nodes { id number status total { amount currencyCode } } totalCount } } }`,
    );
    expect(history.me.orders.nodes.map((o) => o.id)).toEqual([paid.checkoutComplete.order.id]);
    expect(await available(bought[1]!.id)).toBe(before - 2);

    // Another shopper cannot read it, whether or not it exists.
    const otherEmail = `other.${randomUUID().slice(0, 8)}@example.com`;
    await call(
      `mutation($i: CustomerRegisterInput!) { customerRegister(input: $i) { customer { id } } }`,
      {
        i: { email: otherEmail, password, firstName: 'O', lastName: 'T' },
      },
      {},
    );
    const other = await call<{ customerLogin: { accessToken: string } }>(
      `mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken } }`,
      { i: { email: otherEmail, password } },
      {},
    );
    for (const id of [paid.checkoutComplete.order.id, randomUUID()]) {
      const { body } = await gql(
        url,
        `query($id: ID!) { order(id: $id) { id } }`,
        { id },
        {
          authorization: `Bearer ${other.customerLogin.accessToken}`,
        },
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('When an admin issues a partner API key, then the key reads the catalog until it is revoked', async () => {
    const admin = await call<{ customerLogin: { accessToken: string } }>(
      `mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken userErrors { code } } }`,
      { i: { email: 'admin@shop.local', password: 'demo-admin-passphrase-2026' } },
      {},
    );
    const adminAuth = { authorization: `Bearer ${admin.customerLogin.accessToken}` };
    const created = await call<{ apiKeyCreate: { key: string; apiKey: { id: string } } }>(
      `mutation { apiKeyCreate(name: "ERP sync", scopes: ["catalog:read"], safelistOnly: false) { key apiKey { id } userErrors { code } } }`,
      {},
      adminAuth,
    );
    const partner = { 'x-api-key': created.apiKeyCreate.key };
    const page = await call<{ products: { nodes: unknown[] } }>(
      `{ products(first: 1) { nodes { id } } }`,
      {},
      partner,
    );
    expect(page.products.nodes).toHaveLength(1);

    // A shopper cannot create keys.
    const { body } = await gql(url, `mutation { apiKeyCreate(name: "x", scopes: []) { key } }`, {}, auth());
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await call(
      `mutation($id: ID!) { apiKeyRevoke(id: $id) { userErrors { code } } }`,
      { id: created.apiKeyCreate.apiKey.id },
      adminAuth,
    );
    const refused = await gql(url, `{ products(first: 1) { nodes { id } } }`, {}, partner);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('When a partner key holds scopes, then it opens exactly the admin operations they name', async () => {
    const admin = await call<{ customerLogin: { accessToken: string } }>(
      `mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken userErrors { code } } }`,
      { i: { email: 'admin@shop.local', password: 'demo-admin-passphrase-2026' } },
      {},
    );
    const adminAuth = { authorization: `Bearer ${admin.customerLogin.accessToken}` };
    const keyWith = async (scopes: string[]) => {
      const created = await call<{ apiKeyCreate: { key: string | null; userErrors: { code: string }[] } }>(
        `mutation($s: [String!]!) { apiKeyCreate(name: "ERP", scopes: $s, safelistOnly: false) { key userErrors { code } } }`,
        { s: scopes },
        adminAuth,
      );
      return created.apiKeyCreate;
    };
    const erp = { 'x-api-key': (await keyWith(['orders:read', 'inventory:write'])).key! };
    const feed = { 'x-api-key': (await keyWith(['catalog:read'])).key! };
    expect((await keyWith(['orders:delete'])).userErrors).toEqual([{ code: 'INVALID_SCOPES' }]);

    const ORDER = `query($id: ID!) { order(id: $id) { id status } }`;
    const read = await call<{ order: { id: string; status: string } }>(ORDER, { id: paidOrderId }, erp);
    expect(read.order).toEqual({ id: paidOrderId, status: 'PAID' });
    const ADJUST = `mutation($v: ID!) { inventoryAdjust(variantId: $v, delta: 1, reason: "ERP stock count") { userErrors { code } } }`;
    const adjusted = await call<{ inventoryAdjust: { userErrors: unknown[] } }>(
      ADJUST,
      { v: bought[0]!.id },
      erp,
    );
    expect(adjusted.inventoryAdjust.userErrors).toEqual([]);

    // What the scopes do not name stays refused, and a key without them gets nothing of the above.
    const refusals: [string, Record<string, unknown>, Record<string, string>][] = [
      [`mutation { productDelete(id: "${randomUUID()}") { deletedProductId } }`, {}, erp],
      [ORDER, { id: paidOrderId }, feed],
      [ADJUST, { v: bought[0]!.id }, feed],
    ];
    for (const [query, variables, headers] of refusals) {
      const { body } = await gql(url, query, variables, headers);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("When a shopper and a partner read across subgraphs, then each subgraph resolves its part of every entity type, and refuses what is not the caller's", async () => {
    // The users root, then orders, shipping and cart entities; orders lines reach the catalog and cart variants.
    const mine = await call<{
      me: {
        id: string;
        segments: string[];
        orders: { nodes: { id: string; customer: { email: string } }[] };
      };
    }>(
      `{ me { id email role createdAt segments timeline(first: 3) { totalCount }
          orders(first: 5) { nodes { id number status createdAt total { amount currencyCode } shipments { id status }
            customer { email role }
            lines { quantity unitPrice { amount currencyCode } variant { id sku price { amount } quantityAvailable product { id title createdAt } } } } } } }`,
    );
    expect(mine.me.orders.nodes.map((o) => o.id)).toContain(paidOrderId);
    expect(mine.me.orders.nodes[0]!.customer.email).toBe(email.toLowerCase());

    // A cart: the cart root, then catalog variants and products and the users' buyer.
    const [variant] = await variantsInStock(1, 1);
    const created = await call<{ cartCreate: { cart: { id: string } } }>(
      `mutation($v: ID!) { cartCreate(input: { lines: [{ merchandiseId: $v, quantity: 1 }] }) { cart { id } userErrors { code } } }`,
      { v: variant!.id },
    );
    const cart = await call<{
      cart: { buyer: { email: string } | null; lines: { merchandise: { sku: string } }[] };
    }>(
      `query($id: ID!) { cart(id: $id) { id createdAt buyer { email } cost { totalAmount { amount currencyCode } }
          lines { quantity merchandise { id sku price { amount } product { title handle } } }
          crossSellProducts(first: 2) { id title createdAt variants { id quantityAvailable availableForSale } } } }`,
      { id: created.cartCreate.cart.id },
    );
    expect(cart.cart.lines).toHaveLength(1);

    // A partner reading orders may read the order, not its customer: the users subgraph refuses it inside its
    // entity resolver, and the rest of the answer stands.
    const admin = await call<{ customerLogin: { accessToken: string } }>(
      `mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken } }`,
      { i: { email: 'admin@shop.local', password: 'demo-admin-passphrase-2026' } },
      {},
    );
    const key = await call<{ apiKeyCreate: { key: string } }>(
      `mutation { apiKeyCreate(name: "orders feed", scopes: ["orders:read"], safelistOnly: false) { key } }`,
      {},
      { authorization: `Bearer ${admin.customerLogin.accessToken}` },
    );
    const partner = await gql<{ order: { status: string; customer: unknown } }>(
      url,
      `query($id: ID!) { order(id: $id) { id status createdAt customer { email } } }`,
      { id: paidOrderId },
      { 'x-api-key': key.apiKeyCreate.key },
    );
    expect(partner.body.data!.order.status).toBe('PAID');
    expect(partner.body.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ['FORBIDDEN', ['order', 'customer']],
    ]);
  });

  it('When the subgraph queries of this journey are replayed through the query fast path and through Apollo Server, then status, headers and body are the same', async () => {
    const queries = sent.filter(({ body }) => {
      const { query, operationName } = JSON.parse(body) as { query: string; operationName?: string };
      return getOperationAST(parse(query), operationName)?.operation === 'query';
    });
    const servers = new Map<string, { fast: string; apollo: string; close: () => Promise<void> }>();
    for (const [name, subgraph] of Object.entries(shop.subgraphs)) {
      const fast = createHttpApp({ routes: [], graphql: subgraph.graphql, logger: testLogger });
      const apollo = createHttpApp({
        routes: [],
        graphql: { ...subgraph.graphql, fastPath: undefined },
        logger: testLogger,
      });
      servers.set(name, {
        fast: `http://127.0.0.1:${await fast.listen(0)}/graphql`,
        apollo: `http://127.0.0.1:${await apollo.listen(0)}/graphql`,
        close: async () => {
          await fast.close();
          await apollo.close();
        },
      });
    }
    try {
      const entityTypes = new Set<string>();
      let entityErrors = 0;
      for (const request of queries) {
        const { variables } = JSON.parse(request.body) as {
          variables?: { representations?: { __typename: string }[] };
        };
        for (const representation of variables?.representations ?? [])
          entityTypes.add(`${request.subgraph}:${representation.__typename}`);
        // The recorded identity, signed again: it lived 60 seconds.
        const signed = request.headers[IDENTITY_HEADER] as string;
        const identity = JSON.parse(
          Buffer.from(signed.split('.')[0]!, 'base64url').toString('utf8'),
        ) as ForwardedIdentity;
        const headers: Record<string, string> = {
          'content-type': request.headers['content-type'] as string,
          accept: (request.headers.accept as string | undefined) ?? '*/*',
          [IDENTITY_HEADER]: signIdentity(
            {
              principal: identity.principal,
              requestId: identity.requestId,
              clientIp: identity.clientIp,
              audience: identity.audience,
            },
            TEST_SECRET,
          ),
        };
        // One request id for both replays: each answer echoes it, so the two must carry the same one.
        const replayId = randomUUID();
        const answer = async (target: string) => {
          const res = await fetch(target, {
            method: 'POST',
            headers: { ...headers, 'x-request-id': replayId },
            body: request.body,
          });
          const kept = Array.from(res.headers as unknown as Iterable<[string, string]>).filter(
            ([key]) => !['date', 'connection', 'keep-alive'].includes(key),
          );
          return {
            request: `${request.subgraph}: ${request.body}`,
            status: res.status,
            headers: kept,
            body: await res.text(),
          };
        };
        const { fast, apollo } = servers.get(request.subgraph)!;
        const viaFastPath = await answer(fast);
        expect(viaFastPath).toEqual(await answer(apollo));
        if (variables?.representations && viaFastPath.body.includes('"errors"')) entityErrors += 1;
      }
      // What the gateway asked each subgraph to resolve by reference in this journey: every entity type a subgraph adds
      // fields to, and at least one entity error.
      expect([...entityTypes].sort()).toEqual([
        'cart:ProductVariant',
        'catalog:Product',
        'catalog:ProductVariant',
        'orders:Customer',
        'shipping:Customer',
        'shipping:Order',
        'users:Customer',
      ]);
      expect(entityErrors).toBeGreaterThan(0);
    } finally {
      for (const { close } of servers.values()) await close();
    }
  });

  it('When the shopper signs out, then the token stops working on the next request', async () => {
    const out = await call<{ customerLogout: { success: boolean } }>(
      `mutation { customerLogout { success userErrors { code } } }`,
    );
    expect(out.customerLogout.success).toBe(true);
    const { status, body } = await gql(url, `{ me { id } }`, {}, auth());
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
