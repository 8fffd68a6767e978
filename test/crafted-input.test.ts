// Crafted input through the gateway on the real datastores: forged cursors in every connection and control
// characters in text arguments are the client's error (BAD_USER_INPUT), never a server error.
import { randomUUID } from 'node:crypto';
import { gql } from '@shop/testkit';
import { startRealShop, type RealShop } from './real-shop';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = randomUUID();
const INT4_PAST = 2 ** 40;

/** Cursors no page ever handed out: wrong base64, wrong shape, numbers past int4, dates that are not dates. */
const FORGED_COMMON = [
  '!!not base64!!',
  b64({ unexpected: true }),
  b64('just a string'),
  b64([1, 2, 3, 4, 5]),
  'x'.repeat(5000),
];

describe('Crafted input through the gateway', () => {
  let shop: RealShop;
  let adminHeaders: Record<string, string>;
  let shopperHeaders: Record<string, string>;

  beforeAll(async () => {
    shop = await startRealShop('crafted');
    adminHeaders = await shop.signIn();
    shopperHeaders = await shop.newShopper();
  }, 180_000);

  afterAll(async () => shop?.stop());

  async function expectBadInput(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    const { status, body } = await gql(shop.url, query, variables, headers);
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    expect({ variables, codes }).toEqual({ variables, codes: ['BAD_USER_INPUT'] });
    expect(status).toBeLessThan(500);
  }

  it('When a products cursor is forged, then each forgery is BAD_USER_INPUT', async () => {
    const forged: [string, string][] = [
      ...FORGED_COMMON.map((c) => ['ID', c] as [string, string]),
      ['PRICE', b64(['PRICE', INT4_PAST, ID])],
      ['PRICE', b64(['PRICE', 1.5, ID])],
      ['BEST_SELLING', b64(['BEST_SELLING', -INT4_PAST, ID])],
      ['CREATED_AT', b64(['CREATED_AT', '2024-02-30T00:00:00.000Z', ID])],
      ['CREATED_AT', b64(['CREATED_AT', '1', ID])],
      ['CREATED_AT', b64(['CREATED_AT', '+275760-09-13T00:00:00.000Z', ID])],
      ['TITLE', b64(['TITLE', 'shoe\u0000', ID])],
      ['ID', b64(['ID', null, 'a\u0000b'])],
    ];
    for (const [sortKey, after] of forged) {
      await expectBadInput(
        `query($after: String, $sortKey: ProductSortKey) { products(first: 2, after: $after, sortKey: $sortKey) { nodes { id } } }`,
        {
          after,
          sortKey,
        },
      );
    }
  });

  it('When a category products cursor is forged, then it is BAD_USER_INPUT', async () => {
    for (const after of [
      ...FORGED_COMMON,
      b64(['CREATED_AT', '2024-02-30T00:00:00.000Z', ID]),
      b64(['CREATED_AT', '2024-01-01T00:00:00.000Z', 'x\u0000']),
    ]) {
      await expectBadInput(
        `query($after: String) { categories { products(first: 1, after: $after) { nodes { id } } } }`,
        { after },
      );
    }
  });

  it('When a search cursor is forged, then it is BAD_USER_INPUT', async () => {
    const forged: [string, string][] = [
      ...FORGED_COMMON.map((c) => ['RELEVANCE', c] as [string, string]),
      ['PRICE_ASC', b64({ s: 'PRICE_ASC', e: 'postgres', k: [1.5, ID] })],
      ['PRICE_ASC', b64({ s: 'PRICE_ASC', e: 'postgres', k: [1e300, ID] })],
      ['PRICE_DESC', b64({ s: 'PRICE_DESC', e: 'postgres', k: [INT4_PAST ** 2, ID] })],
      ['NEWEST', b64({ s: 'NEWEST', e: 'postgres', k: ['not a time', ID] })],
      ['RELEVANCE', b64({ s: 'RELEVANCE', e: 'postgres', k: [1e309, ID] })],
    ];
    for (const [sortKey, after] of forged) {
      await expectBadInput(
        `query($after: String, $sortKey: SearchSortKey) { search(query: "shoes", first: 2, after: $after, sortKey: $sortKey) { nodes { id } } }`,
        {
          after,
          sortKey,
        },
      );
    }
  });

  it("When a customer's orders or subscriptions cursor is forged, then it is BAD_USER_INPUT", async () => {
    const forged = [
      ...FORGED_COMMON,
      b64({ createdAt: '2024-02-30T00:00:00.000Z', id: ID }),
      b64({ createdAt: '1', id: ID }),
      b64({ createdAt: '2024-01-01T00:00:00.000Z', id: 'not-a-uuid' }),
    ];
    for (const after of forged) {
      await expectBadInput(
        `query($after: String) { me { orders(first: 1, after: $after) { nodes { id } } } }`,
        { after },
        shopperHeaders,
      );
      await expectBadInput(
        `query($after: String) { me { subscriptions(first: 1, after: $after) { nodes { id } } } }`,
        { after },
        shopperHeaders,
      );
    }
  });

  it("When a customer's timeline or the customers list cursor is forged, then it is BAD_USER_INPUT", async () => {
    for (const after of [...FORGED_COMMON, b64({ s: 2 ** 63 }), b64({ s: -1 }), b64({ s: 1.5 })]) {
      await expectBadInput(
        `query($after: String) { me { timeline(first: 1, after: $after) { nodes { __typename } } } }`,
        { after },
        shopperHeaders,
      );
    }
    for (const after of [...FORGED_COMMON, b64({ id: 'a\u0000b' }), b64({ id: 'x'.repeat(1000) })]) {
      await expectBadInput(
        `query($after: String) { customers(first: 1, after: $after) { nodes { id } } }`,
        { after },
        adminHeaders,
      );
    }
  });

  const NUL = 'a\u0000b';
  const CONTROL = ['a\u0000b', 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'lone \ud800 surrogate'];

  it('When a users text input holds control characters, then it is BAD_USER_INPUT', async () => {
    for (const text of CONTROL) {
      await expectBadInput(
        `mutation($input: CustomerRegisterInput!) { customerRegister(input: $input) { userErrors { code } } }`,
        {
          input: {
            email: `x.${randomUUID().slice(0, 6)}@example.com`,
            password: 'correct horse battery staple',
            firstName: text,
            lastName: 'B',
          },
        },
      );
      await expectBadInput(
        `mutation($email: String!) { customerPasswordResetRequest(email: $email) { userErrors { code } } }`,
        { email: `${text}@example.com` },
      );
    }
    await expectBadInput(
      `mutation($a: MailingAddressInput!) { customerAddressCreate(address: $a) { userErrors { code } } }`,
      {
        a: {
          firstName: 'A',
          lastName: 'B',
          address1: NUL,
          city: 'Austin',
          province: 'TX',
          zip: '73301',
          countryCode: 'US',
        },
      },
      shopperHeaders,
    );
  });

  it('When a catalog text input holds control characters, then it is BAD_USER_INPUT', async () => {
    for (const text of CONTROL) {
      await expectBadInput(`query($h: String) { product(handle: $h) { id } }`, { h: text });
      await expectBadInput(`query($q: String!) { search(query: $q, first: 1) { totalCount } }`, { q: text });
      await expectBadInput(`query($p: String!) { searchSuggestions(prefix: $p) }`, { p: text });
      await expectBadInput(`query($c: String) { products(first: 1, categoryHandle: $c) { totalCount } }`, {
        c: text,
      });
    }
    await expectBadInput(`query($id: ID) { product(id: $id) { id } }`, { id: NUL });
    await expectBadInput(
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { userErrors { code } } }`,
      {
        input: {
          title: `Shoe ${NUL}`,
          brand: 'B',
          handle: `shoe-${randomUUID().slice(0, 6)}`,
          variants: [{ sku: 'S-1', title: 'One', price: '1.00' }],
        },
      },
      adminHeaders,
    );
  });

  it('When a cart text input holds control characters, then it is BAD_USER_INPUT', async () => {
    for (const text of CONTROL) {
      await expectBadInput(`query($id: ID!) { cart(id: $id) { id } }`, { id: text });
      await expectBadInput(
        `mutation($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code } } }`,
        {
          input: { lines: [{ merchandiseId: text, quantity: 1 }] },
        },
      );
    }
    await expectBadInput(
      `query($id: ID!) { inventoryLevel(variantId: $id) { available } }`,
      { id: NUL },
      adminHeaders,
    );
  });

  it('When an orders text input holds control characters, then it is BAD_USER_INPUT', async () => {
    for (const text of CONTROL) {
      await expectBadInput(`query($id: ID!) { order(id: $id) { id } }`, { id: text }, shopperHeaders);
      await expectBadInput(
        `mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) { userErrors { code } } }`,
        {
          input: {
            cartId: ID,
            email: 'shopper@example.com',
            shippingAddress: {
              address1: '1 Main St',
              city: text,
              province: 'TX',
              zip: '73301',
              countryCode: 'US',
            },
          },
        },
        shopperHeaders,
      );
      await expectBadInput(
        `mutation($id: ID!, $r: String) { orderCancel(orderId: $id, reason: $r) { userErrors { code } } }`,
        { id: ID, r: text },
        shopperHeaders,
      );
    }
  });

  it('When a shipping text input holds control characters, then it is BAD_USER_INPUT', async () => {
    for (const text of CONTROL) {
      await expectBadInput(`query($n: String!) { trackShipment(trackingNumber: $n) { id } }`, { n: text });
      await expectBadInput(
        `query($s: String) { customers(segment: $s, first: 1) { totalCount } }`,
        { s: text },
        adminHeaders,
      );
      await expectBadInput(
        `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { userErrors { code } } }`,
        { input: { orderId: ID, lines: [{ orderLineId: ID, quantity: 1 }], reason: text } },
        shopperHeaders,
      );
      await expectBadInput(
        `mutation($id: ID!, $b: String!) { customerNoteAdd(customerId: $id, body: $b) { userErrors { code } } }`,
        { id: ID, b: text },
        adminHeaders,
      );
    }
  });
});
