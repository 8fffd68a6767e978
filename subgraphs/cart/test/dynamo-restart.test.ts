// DynamoDB restarted under cart traffic: a private DynamoDB Local that the test really stops and starts again.
// It runs on disk (-dbPath, see privateDynamo): DynamoDB Local in memory would come back empty, a wipe rather
// than the restart DynamoDB's own failover is, so a restart here keeps its tables and items.
import { randomUUID } from 'node:crypto';
import { InProcessBus } from '@shop/datastores';
import {
  anonymous,
  identityHeaders,
  privateDynamo,
  service,
  TEST_SECRET,
  testLogger,
  testRedisUrl,
  waitFor,
  type PrivateServer,
} from '@shop/testkit';
import { loadConfig } from '../src/config';
import { createService, type CartService } from '../src/service';
import { makeVariant, startFakeCatalog, type FakeCatalog } from './helpers';

/** Longer than any answer may take: the DynamoDB client's bounded attempts, well under the gateway's 10 s. */
const REQUEST_TIMEOUT_MS = 15_000;

type Outcome = { status: number; retryAfter: string | null; body: Record<string, unknown> } | 'timed out';

describe('DynamoDB restarted under cart traffic', () => {
  let dynamo: PrivateServer & { endpoint: string };
  let catalog: FakeCatalog;
  let cart: CartService;
  let base: string;
  const bus = new InProcessBus(testLogger);

  beforeAll(async () => {
    dynamo = await privateDynamo();
    await dynamo.start();
    catalog = await startFakeCatalog();
    cart = await createService(
      loadConfig({
        INTERNAL_AUTH_SECRET: TEST_SECRET,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        DYNAMODB_TABLE_PREFIX: 'restart_',
        REDIS_URL: testRedisUrl(),
        SEED_DEMO_DATA: 'false',
        CATALOG_URL: catalog.url,
        LOG_LEVEL: 'silent',
      }),
      { bus, logger: testLogger },
    );
    base = `http://127.0.0.1:${await cart.subgraph.app.listen(0, '127.0.0.1')}`;
  }, 120_000);

  afterAll(async () => {
    await cart?.close();
    await bus.close();
    await catalog?.close();
    await dynamo?.destroy();
  });

  async function post(path: string, body: unknown, headers: Record<string, string>): Promise<Outcome> {
    try {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: (await res.json()) as Record<string, unknown>,
      };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return 'timed out';
      // The connection itself failed: recorded as status 0, which the test does not expect.
      return { status: 0, retryAfter: null, body: { error: String(error) } };
    }
  }

  const reserve = (reservationId: string, variantId: string) =>
    post(
      '/internal/reservations',
      { reservationId, lines: [{ variantId, quantity: 1 }] },
      identityHeaders(service('orders'), 'cart'),
    );

  const createCart = (variantId: string) =>
    post(
      '/graphql',
      {
        query:
          'mutation($lines: [CartLineInput!]) { cartCreate(input: { lines: $lines }) { cart { id totalQuantity } userErrors { code } } }',
        variables: { lines: [{ merchandiseId: variantId, quantity: 1 }] },
      },
      identityHeaders(anonymous, 'cart'),
    );

  const cartId = (outcome: Outcome): string | undefined =>
    outcome !== 'timed out' && outcome.status === 200
      ? (outcome.body as { data?: { cartCreate?: { cart?: { id: string } } } }).data?.cartCreate?.cart?.id
      : undefined;

  it('When DynamoDB restarts while carts are made and stock is reserved, then requests in the outage answer 503 with Retry-After, and afterwards no cart or reservation is lost or doubled', async () => {
    const variant = makeVariant();
    catalog.variants.set(variant.id, variant);
    const STOCK = 10_000;
    await cart.deps.inventory.seed([{ variantId: variant.id, quantity: STOCK }], 'test');

    let running = true;
    const reservations = new Map<string, Outcome[]>();
    const carts: { id: string; during: boolean }[] = [];
    const outcomes: Outcome[] = [];
    let outage = false;
    const reservers = Array.from({ length: 3 }, async () => {
      while (running) {
        const id = randomUUID();
        const outcome = await reserve(id, variant.id);
        reservations.set(id, [outcome]);
        outcomes.push(outcome);
        if (outcome === 'timed out' || outcome.status !== 200) await new Promise((r) => setTimeout(r, 50));
      }
    });
    const shoppers = Array.from({ length: 2 }, async () => {
      while (running) {
        const outcome = await createCart(variant.id);
        outcomes.push(outcome);
        const id = cartId(outcome);
        if (id) carts.push({ id, during: outage });
        else await new Promise((r) => setTimeout(r, 50));
      }
    });
    const ok = () => outcomes.filter((o) => o !== 'timed out' && o.status === 200).length;
    const refused = () => outcomes.filter((o) => o !== 'timed out' && o.status === 503);

    await waitFor(() => ok() >= 30, 60_000, 'traffic before the restart');
    const cartsBefore = carts.map((c) => c.id);
    outage = true;
    await dynamo.stop();
    await waitFor(() => refused().length >= 5, 60_000, 'requests refused while DynamoDB is down');
    await dynamo.start();
    outage = false;
    const okBefore = ok();
    await waitFor(() => ok() >= okBefore + 30, 60_000, 'traffic after the restart');
    running = false;
    // Every request settled: the loops end.
    await Promise.all([...reservers, ...shoppers]);

    // Nothing hung, and what failed failed as an outage: 503 with Retry-After, never a 500.
    expect(outcomes.filter((o) => o === 'timed out')).toEqual([]);
    const statuses = new Set(outcomes.map((o) => (o === 'timed out' ? 0 : o.status)));
    expect([...statuses].sort()).toEqual([200, 503]);
    for (const outcome of refused()) {
      expect(outcome !== 'timed out' && Number(outcome.retryAfter)).toBeGreaterThan(0);
      expect(JSON.stringify(outcome)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|dynamo/i);
    }
    const refusedGraphql = refused().filter((o) => o !== 'timed out' && 'errors' in o.body);
    expect(refusedGraphql.length).toBeGreaterThan(0);
    for (const outcome of refusedGraphql) {
      const { errors } = (outcome as unknown as { body: { errors: { extensions: { code: string } }[] } })
        .body;
      expect(errors.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    }

    // Carts made before the outage are still there: the restart kept DynamoDB's items.
    for (const id of cartsBefore.slice(0, 5)) {
      const res = await post(
        '/graphql',
        { query: 'query($id: ID!) { cart(id: $id) { id totalQuantity } }', variables: { id } },
        identityHeaders(anonymous, 'cart'),
      );
      expect(res !== 'timed out' && res.body).toEqual({ data: { cart: { id, totalQuantity: 1 } } });
    }

    // Orders retries a reservation it got no answer for, with the same id: each is held once, whatever the
    // first attempt did before DynamoDB went away.
    for (const [id, [first]] of reservations) {
      if (first && first !== 'timed out' && first.status === 200) continue;
      const again = await reserve(id, variant.id);
      expect(again !== 'timed out' && again.status).toBe(200);
    }
    const notHeld: string[] = [];
    for (const id of reservations.keys()) {
      if ((await cart.deps.inventory.getReservation(id))?.status !== 'HELD') notHeld.push(id);
    }
    expect(notHeld).toEqual([]);
    // Counted against what was admitted: every reservation's unit is held once, and no other unit is.
    const level = await cart.deps.inventory.getLevel(variant.id);
    expect(level!.held).toBe(reservations.size);
    expect(level!.available).toBe(STOCK - reservations.size);
  }, 240_000);
});
