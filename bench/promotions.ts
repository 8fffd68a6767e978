// Bench section "promotions": a cart add (asking for its discounts) and a checkout create, with no automatic
// discounts and then with 200 (190 on other products, 10 on whole orders), measured one request at a time.
import { randomUUID } from 'node:crypto';
import type { Row } from './run';

type Post = <T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<T>;

const ADDRESS = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  address1: '1 Main Street',
  city: 'Springfield',
  province: 'CA',
  zip: '94105',
  countryCode: 'US',
};
const ROUNDS = 60;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function timed(
  rounds: number,
  run: () => Promise<unknown>,
): Promise<{ p50: number; p99: number; rps: number }> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const total = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(times, 50) * 10) / 10,
    p99: Math.round(percentile(times, 99) * 10) / 10,
    rps: Math.round(rounds / total),
  };
}

export async function promotionsBench(
  gateway: string,
  admin: Record<string, string>,
  post: Post,
): Promise<Row[]> {
  const products = await post<{
    products: { nodes: { variants: { id: string; quantityAvailable: number }[] }[] };
  }>(gateway, `{ products(first: 100) { nodes { variants { id quantityAvailable } } } }`);
  const variant = products.products.nodes.flatMap((p) => p.variants).find((v) => v.quantityAvailable > 0)!;

  const cartAdd = async () => {
    const created = await post<{ cartCreate: { cart: { id: string } } }>(
      gateway,
      `mutation($input: CartInput!) { cartCreate(input: $input) { cart { id } } }`,
      { input: { lines: [] } },
    );
    const cartId = created.cartCreate.cart.id;
    return { cartId };
  };
  const addLine = (cartId: string) =>
    post(
      gateway,
      `mutation($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) {
         cart { cost { totalAmount { amount } } discountAllocations { title discountedAmount { amount } } } userErrors { code } } }`,
      { id: cartId, lines: [{ merchandiseId: variant.id, quantity: 1 }] },
    );
  const checkoutCreate = async () => {
    const created = await post<{ cartCreate: { cart: { id: string } } }>(
      gateway,
      `mutation($input: CartInput!) { cartCreate(input: $input) { cart { id } } }`,
      { input: { lines: [{ merchandiseId: variant.id, quantity: 1 }] } },
    );
    return created.cartCreate.cart.id;
  };

  const rows: Row[] = [];
  const run = async (label: string) => {
    const cart = await cartAdd();
    const add = await timed(ROUNDS, () => addLine(cart.cartId));
    rows.push({ group: 'promotions', scenario: `cart add, ${label}`, connections: 1, errors: 0, ...add });
    const carts: string[] = [];
    for (let i = 0; i < ROUNDS + 5; i++) carts.push(await checkoutCreate());
    let next = 0;
    const checkout = await timed(ROUNDS, () =>
      post(
        gateway,
        `mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) { checkout { id discountTotal { amount } total { amount } } userErrors { code } } }`,
        {
          input: {
            cartId: carts[next++ % carts.length],
            email: `bench.${randomUUID()}@example.com`,
            shippingAddress: ADDRESS,
          },
        },
      ),
    );
    rows.push({
      group: 'promotions',
      scenario: `checkout create, ${label}`,
      connections: 1,
      errors: 0,
      ...checkout,
    });
  };

  await run('0 automatic discounts');
  for (let i = 0; i < 200; i++) {
    const wholeOrder = i < 10;
    await post(
      gateway,
      `mutation($input: DiscountInput!) { discountCreate(input: $input) { userErrors { code message } } }`,
      {
        input: {
          title: `Automatic ${i}`,
          kind: 'PERCENTAGE',
          value: String(1 + (i % 20)),
          appliesTo: wholeOrder ? undefined : { productIds: [`elsewhere-${i}`] },
        },
      },
      admin,
    );
  }
  await run('200 automatic discounts');
  const [add0, checkout0, add200, checkout200] = rows;
  const note = (a?: Row, b?: Row) =>
    a && b ? `${(b.p50 / a.p50).toFixed(2)}× the p50 with none (target ≤ 1.5×)` : '';
  if (add200) add200.note = note(add0, add200);
  if (checkout200) checkout200.note = note(checkout0, checkout200);
  return rows;
}
