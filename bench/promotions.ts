// Bench section "promotions": a cart add (asking for its discounts) and a checkout create, with no automatic
// discounts and with 200 (190 on other products, 10 on whole orders), measured one request at a time in rounds
// that alternate between the two, so both see the same machine.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
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
/** Rounds of each setting (so twice as many in all, alternating), and timed calls per round. */
const ROUNDS = 6;
const PER_ROUND = 20;
const WARM_UP = 5;
/** Past the orders service's per-process copy of the active discounts (ACTIVE_TTL_MS, 2 s). */
const ACTIVE_COPY_MS = 2_200;
const BENCH_TITLE = 'Bench automatic';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** The milliseconds of each of `rounds` calls, after a warm-up (which also reloads the active discounts). */
async function timed(rounds: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

function summary(times: number[], wallMs: number): { p50: number; p99: number; rps: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(sorted, 50) * 10) / 10,
    p99: Math.round(percentile(sorted, 99) * 10) / 10,
    rps: Math.round(times.length / (wallMs / 1000)),
  };
}

export async function promotionsBench(
  gateway: string,
  admin: Record<string, string>,
  post: Post,
  ordersDatabaseUrl: string,
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
         cart { cost { totalAmount { amount } discountAmount { amount } } discountAllocations { title discountedAmount { amount } }
                lines { discountAllocations { title discountedAmount { amount } } } } userErrors { code } } }`,
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

  // The 200 automatic discounts are made once, then switched on and off between rounds (an UPDATE of their
  // `active` flag, then a wait past the orders service's 2 s copy of the active set), so the rounds with none and
  // with 200 alternate and share whatever the machine's load is doing.
  for (let i = 0; i < 200; i++) {
    const wholeOrder = i < 10;
    await post(
      gateway,
      `mutation($input: DiscountInput!) { discountCreate(input: $input) { userErrors { code message } } }`,
      {
        input: {
          title: `${BENCH_TITLE} ${i}`,
          kind: 'PERCENTAGE',
          value: String(1 + (i % 20)),
          appliesTo: wholeOrder ? undefined : { productIds: [`elsewhere-${i}`] },
        },
      },
      admin,
    );
  }
  const orders = new Client({ connectionString: ordersDatabaseUrl });
  await orders.connect();
  const setActive = async (active: boolean) => {
    await orders.query(`UPDATE discounts SET active = $1 WHERE title LIKE $2`, [active, `${BENCH_TITLE} %`]);
    await new Promise((r) => setTimeout(r, ACTIVE_COPY_MS));
  };

  const times = { add: [[], []] as number[][], checkout: [[], []] as number[][] };
  const wall = { add: [0, 0], checkout: [0, 0] };
  try {
    for (let round = 0; round < ROUNDS * 2; round++) {
      const on = round % 2; // 0: no automatic discounts, 1: 200
      await setActive(on === 1);
      const cart = await cartAdd();
      let t = performance.now();
      times.add[on]!.push(...(await timed(PER_ROUND, () => addLine(cart.cartId))));
      wall.add[on]! += performance.now() - t;
      const carts: string[] = [];
      for (let i = 0; i < PER_ROUND + WARM_UP; i++) carts.push(await checkoutCreate());
      let next = 0;
      t = performance.now();
      times.checkout[on]!.push(
        ...(await timed(PER_ROUND, () =>
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
        )),
      );
      wall.checkout[on]! += performance.now() - t;
    }
  } finally {
    await setActive(false).catch(() => undefined);
    await orders.end();
  }

  const rows: Row[] = [];
  const labels = ['0 automatic discounts', '200 automatic discounts'];
  for (const [kind, scenario] of [
    ['add', 'cart add'],
    ['checkout', 'checkout create'],
  ] as const) {
    const stats = [0, 1].map((on) => summary(times[kind][on]!, wall[kind][on]!));
    for (const on of [0, 1])
      rows.push({
        group: 'promotions',
        scenario: `${scenario}, ${labels[on]}`,
        connections: 1,
        errors: 0,
        ...stats[on]!,
        note:
          on === 1
            ? `${(stats[1]!.p50 / stats[0]!.p50).toFixed(2)}× the p50 with none (target ≤ 1.5×); ${ROUNDS} rounds each, alternating`
            : undefined,
      });
  }
  return rows;
}
