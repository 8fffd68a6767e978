// Every list input is bounded, through the gateway on the real datastores: too many items is one
// TOO_MANY_ITEMS userError naming the input (BAD_USER_INPUT for a query's argument), and nothing changes.
import { randomUUID } from 'node:crypto';
import { gql } from '@shop/testkit';
import { startRealShop, type RealShop } from './real-shop';

const many = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));

interface Payload {
  userErrors: { code: string; field: string[] | null; message: string }[];
}

describe('List inputs through the gateway', () => {
  let shop: RealShop;
  let admin: Record<string, string>;
  let shopper: Record<string, string>;

  beforeAll(async () => {
    shop = await startRealShop('bounds');
    admin = await shop.signIn();
    shopper = await shop.newShopper();
  }, 180_000);

  afterAll(async () => shop?.stop());

  async function mutate<T>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    const { body } = await gql<Record<string, T>>(shop.url, query, variables, headers);
    expect(body.errors).toBeUndefined();
    return Object.values(body.data!)[0]!;
  }

  function expectOneTooMany(payload: Payload, field: string[]) {
    expect(payload.userErrors).toEqual([
      { code: 'TOO_MANY_ITEMS', field, message: expect.stringMatching(/at most \d+ items/) },
    ]);
  }

  it('When a cart mutation names too many lines or line ids, then one TOO_MANY_ITEMS and the cart is unchanged', async () => {
    const variantId = (
      await gql<{ products: { nodes: { variants: { id: string }[] }[] } }>(
        shop.url,
        '{ products(first: 1) { nodes { variants { id } } } }',
      )
    ).body.data!.products.nodes[0]!.variants[0]!.id;
    const tooMany = many(41, () => ({ merchandiseId: variantId, quantity: 1 }));

    const created = await mutate<Payload & { cart: null }>(
      'mutation($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code field message } } }',
      { input: { lines: tooMany } },
    );
    expectOneTooMany(created, ['input', 'lines']);
    expect(created.cart).toBeNull();

    const cart = await mutate<Payload & { cart: { id: string; lines: { id: string; quantity: number }[] } }>(
      'mutation($input: CartInput) { cartCreate(input: $input) { cart { id lines { id quantity } } userErrors { code field message } } }',
      { input: { lines: [{ merchandiseId: variantId, quantity: 1 }] } },
    );
    const cartId = cart.cart.id;
    const lineId = cart.cart.lines[0]!.id;

    const added = await mutate<Payload>(
      'mutation($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) { userErrors { code field message } } }',
      {
        id: cartId,
        lines: tooMany,
      },
    );
    expectOneTooMany(added, ['lines']);
    const updated = await mutate<Payload>(
      'mutation($id: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $id, lines: $lines) { userErrors { code field message } } }',
      { id: cartId, lines: many(41, () => ({ id: lineId, quantity: 3 })) },
    );
    expectOneTooMany(updated, ['lines']);
    const removed = await mutate<Payload>(
      'mutation($id: ID!, $ids: [ID!]!) { cartLinesRemove(cartId: $id, lineIds: $ids) { userErrors { code field message } } }',
      {
        id: cartId,
        ids: [lineId, ...many(1000, () => randomUUID())],
      },
    );
    expectOneTooMany(removed, ['lineIds']);

    const after = await gql<{ cart: { lines: { id: string; quantity: number }[] } }>(
      shop.url,
      'query($id: ID!) { cart(id: $id) { lines { id quantity } } }',
      { id: cartId },
    );
    expect(after.body.data!.cart.lines).toEqual([{ id: lineId, quantity: 1 }]);

    // At the bound, the request is the cart's to judge as before.
    const atBound = await mutate<Payload>(
      'mutation($id: ID!, $ids: [ID!]!) { cartLinesRemove(cartId: $id, lineIds: $ids) { userErrors { code } } }',
      {
        id: cartId,
        ids: many(40, () => randomUUID()),
      },
    );
    expect(atBound.userErrors.map((e) => e.code)).not.toContain('TOO_MANY_ITEMS');
  });

  it('When a product mutation holds too many variants, images, specs, tags or option values, then one TOO_MANY_ITEMS and no product', async () => {
    const handle = `bounded-${randomUUID().slice(0, 8)}`;
    const base = {
      title: 'Bounded',
      brand: 'Acme',
      handle,
      variants: [{ sku: `B-${handle}`, title: 'One', price: '1.00' }],
    };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ tags: many(51, (i) => `tag${i}`) }, ['input', 'tags']],
      [{ images: many(51, (i) => ({ url: `https://example.com/${i}.png` })) }, ['input', 'images']],
      [{ specs: many(51, (i) => ({ name: `n${i}`, value: 'v' })) }, ['input', 'specs']],
      [
        { options: [{ name: 'Size', values: many(51, (i) => `s${i}`) }] },
        ['input', 'options', '0', 'values'],
      ],
      [{ variants: many(101, (i) => ({ sku: `B-${handle}-${i}`, price: '1.00' })) }, ['input', 'variants']],
    ];
    for (const [extra, field] of cases) {
      const payload = await mutate<Payload & { product: null }>(
        'mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } userErrors { code field message } } }',
        { input: { ...base, ...extra } },
        admin,
      );
      expectOneTooMany(payload, field);
      expect(payload.product).toBeNull();
    }
    const product = await gql<{ product: null }>(
      shop.url,
      'query($h: String) { product(handle: $h) { id } }',
      { h: handle },
    );
    expect(product.body.data!.product).toBeNull();

    const existing = (
      await gql<{ products: { nodes: { id: string; tags: string[] }[] } }>(
        shop.url,
        '{ products(first: 1) { nodes { id tags } } }',
      )
    ).body.data!.products.nodes[0]!;
    const update = await mutate<Payload>(
      'mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { userErrors { code field message } } }',
      { id: existing.id, input: { tags: many(51, (i) => `t${i}`) } },
      admin,
    );
    expectOneTooMany(update, ['input', 'tags']);
    const reread = await gql<{ product: { tags: string[] } }>(
      shop.url,
      'query($id: ID) { product(id: $id) { tags } }',
      { id: existing.id },
    );
    expect(reread.body.data!.product.tags).toEqual(existing.tags);
  });

  it('When a search combines too many filters, then it is one BAD_USER_INPUT error', async () => {
    const { body } = await gql(
      shop.url,
      'query($f: [SearchFilter!]) { search(query: "shoes", first: 1, filters: $f) { totalCount } }',
      {
        f: many(21, () => ({ brand: 'Acme' })),
      },
    );
    expect(body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'filters takes at most 20 items.'],
    ]);
  });

  it('When a shipping input holds too many lines, topics or items, then one TOO_MANY_ITEMS (or BAD_USER_INPUT for rates)', async () => {
    const orderId = randomUUID();
    const lines = many(101, () => ({ orderLineId: randomUUID(), quantity: 1 }));
    const returned = await mutate<Payload>(
      'mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { userErrors { code field message } } }',
      { input: { orderId, lines, reason: 'too big' } },
      shopper,
    );
    expectOneTooMany(returned, ['input', 'lines']);
    const fulfilled = await mutate<Payload>(
      'mutation($id: ID!, $lines: [FulfillmentLineInput!]!) { fulfillmentCreate(orderId: $id, lines: $lines, carrier: UPS, service: "Ground") { userErrors { code field message } } }',
      { id: orderId, lines },
      admin,
    );
    expectOneTooMany(fulfilled, ['lines']);
    const topics = many(50, () => 'shipment.created');
    const hooked = await mutate<Payload>(
      'mutation($t: [String!]!) { webhookSubscriptionCreate(url: "https://example.com/hook", topics: $t) { userErrors { code field message } } }',
      { t: topics },
      admin,
    );
    expectOneTooMany(hooked, ['topics']);

    const rates = await gql(
      shop.url,
      'query($input: ShippingRatesInput!) { shippingRates(input: $input) { handle } }',
      {
        input: {
          destination: { countryCode: 'US', zip: '73301' },
          items: many(101, () => ({ variantId: randomUUID(), quantity: 1 })),
        },
      },
    );
    expect(rates.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'input.items takes at most 100 items.'],
    ]);
  });

  it('When an API key names more scopes than there are, then one TOO_MANY_ITEMS and no key', async () => {
    const name = `bounded-${randomUUID().slice(0, 8)}`;
    const payload = await mutate<Payload & { key: null }>(
      'mutation($n: String!, $s: [String!]!) { apiKeyCreate(name: $n, scopes: $s, safelistOnly: false) { key userErrors { code field message } } }',
      { n: name, s: many(30, () => 'catalog:read') },
      admin,
    );
    expectOneTooMany(payload, ['scopes']);
    expect(payload.key).toBeNull();
    const keys = await gql<{ apiKeys: { name: string }[] }>(shop.url, '{ apiKeys { name } }', {}, admin);
    expect(keys.body.data!.apiKeys.map((k) => k.name)).not.toContain(name);
  });
});
