// Tiny stand-ins for the cart and shipping services that answer the internal contract
// (docs/internal-contracts.md) through the same signed-identity routes, and record every call.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { createHttpApp, internalRoute, type HttpApp } from '@shop/common';
import { TEST_SECRET, testLogger } from '@shop/testkit';

export interface FakeLine {
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  weightGrams: number;
}

export interface FakeCart {
  app: HttpApp;
  url: string;
  carts: Map<string, { customerId: string | null; currencyCode: string; lines: FakeLine[] }>;
  stock: Map<string, number>;
  reservations: Map<
    string,
    { lines: { variantId: string; quantity: number }[]; status: 'HELD' | 'COMMITTED' | 'RELEASED' }
  >;
  calls: { path: string; body: unknown }[];
}

export async function startFakeCart(): Promise<FakeCart> {
  const carts: FakeCart['carts'] = new Map();
  const stock: FakeCart['stock'] = new Map();
  const reservations: FakeCart['reservations'] = new Map();
  const calls: FakeCart['calls'] = [];
  const line = z.object({ variantId: z.string(), quantity: z.number().int().positive() });
  const app = createHttpApp({
    logger: testLogger,
    routes: [
      internalRoute(
        { secret: TEST_SECRET, service: 'cart' },
        'POST',
        '/internal/carts/:id/snapshot',
        ['orders'],
        z.object({ customerId: z.string().nullable() }),
        async (input, ctx) => {
          calls.push({ path: `snapshot:${ctx.params.id}`, body: input });
          const cart = carts.get(ctx.params.id ?? '');
          if (!cart) return { status: 404, body: { error: 'CART_NOT_FOUND' } };
          if (cart.customerId && cart.customerId !== input.customerId)
            return { status: 403, body: { error: 'FORBIDDEN' } };
          const lines = cart.lines.map((l, i) => ({ id: `${ctx.params.id}-line-${i}`, ...l }));
          return {
            status: 200,
            body: {
              cart: {
                id: ctx.params.id,
                customerId: cart.customerId,
                currencyCode: cart.currencyCode,
                subtotalMinor: lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0),
                lines,
              },
            },
          };
        },
      ),
      internalRoute(
        { secret: TEST_SECRET, service: 'cart' },
        'POST',
        '/internal/reservations',
        ['orders'],
        z.object({ reservationId: z.string(), lines: z.array(line), ttlSeconds: z.number().optional() }),
        async (input) => {
          calls.push({ path: 'reserve', body: input });
          if (reservations.has(input.reservationId))
            return { status: 200, body: { status: 'HELD', expiresAt: new Date().toISOString() } };
          const short = input.lines
            .filter((l) => (stock.get(l.variantId) ?? 0) < l.quantity)
            .map((l) => l.variantId);
          if (short.length) return { status: 409, body: { error: 'INSUFFICIENT_STOCK', variantIds: short } };
          for (const l of input.lines) stock.set(l.variantId, (stock.get(l.variantId) ?? 0) - l.quantity);
          reservations.set(input.reservationId, { lines: input.lines, status: 'HELD' });
          return {
            status: 200,
            body: { status: 'HELD', expiresAt: new Date(Date.now() + 900_000).toISOString() },
          };
        },
      ),
      internalRoute(
        { secret: TEST_SECRET, service: 'cart' },
        'POST',
        '/internal/reservations/:id/commit',
        ['orders'],
        z.object({}).passthrough(),
        async (_input, ctx) => {
          calls.push({ path: `commit:${ctx.params.id}`, body: null });
          const r = reservations.get(ctx.params.id ?? '');
          if (!r || r.status === 'RELEASED') return { status: 409, body: { error: 'RESERVATION_EXPIRED' } };
          r.status = 'COMMITTED';
          return { status: 200, body: { status: 'COMMITTED' } };
        },
      ),
      internalRoute(
        { secret: TEST_SECRET, service: 'cart' },
        'POST',
        '/internal/reservations/:id/release',
        ['orders'],
        z.object({}).passthrough(),
        async (_input, ctx) => {
          calls.push({ path: `release:${ctx.params.id}`, body: null });
          const r = reservations.get(ctx.params.id ?? '');
          if (r && r.status === 'HELD') {
            for (const l of r.lines) stock.set(l.variantId, (stock.get(l.variantId) ?? 0) + l.quantity);
            r.status = 'RELEASED';
          }
          return { status: 200, body: { status: 'RELEASED' } };
        },
      ),
    ],
  });
  const port = await app.listen(0);
  return { app, url: `http://127.0.0.1:${port}`, carts, stock, reservations, calls };
}

const SHIPPING_KEY = 'fake-shipping-signing-key';
const destination = z.object({ countryCode: z.string(), zip: z.string() });
const items = z.array(z.object({ variantId: z.string(), quantity: z.number().int() }));

function sign(body: string): string {
  return createHmac('sha256', SHIPPING_KEY).update(body).digest('base64url');
}

export interface FakeShipping {
  app: HttpApp;
  url: string;
  calls: { path: string; body: unknown }[];
}

/** Rates priced by destination and quantity; each handle signs what it binds, as the real shipping service does. */
export async function startFakeShipping(): Promise<FakeShipping> {
  const calls: FakeShipping['calls'] = [];
  const ratesFor = (dest: z.infer<typeof destination>, its: z.infer<typeof items>) => {
    const units = its.reduce((s, i) => s + i.quantity, 0);
    return [
      {
        carrier: 'UPS' as const,
        service: 'Ground',
        priceMinor: 500 + 100 * units,
        currencyCode: 'USD',
        estimatedDeliveryDays: 5,
      },
      {
        carrier: 'DHL' as const,
        service: 'Express',
        priceMinor: 1500 + 200 * units,
        currencyCode: 'USD',
        estimatedDeliveryDays: 2,
      },
    ].map((r) => {
      const body = Buffer.from(JSON.stringify({ ...r, dest, its })).toString('base64url');
      return { ...r, handle: `${body}.${sign(body)}` };
    });
  };
  const app = createHttpApp({
    logger: testLogger,
    routes: [
      internalRoute(
        { secret: TEST_SECRET, service: 'shipping' },
        'POST',
        '/internal/rates',
        ['orders'],
        z.object({ destination, items }),
        async (input) => {
          calls.push({ path: 'rates', body: input });
          if (input.destination.countryCode === 'AQ')
            return {
              status: 400,
              body: {
                error: 'INVALID_INPUT',
                message: 'We do not ship to Antarctica.',
                field: 'countryCode',
              },
            };
          return { status: 200, body: { rates: ratesFor(input.destination, input.items) } };
        },
      ),
      internalRoute(
        { secret: TEST_SECRET, service: 'shipping' },
        'POST',
        '/internal/rates/verify',
        ['orders'],
        z.object({ handle: z.string(), destination, items }),
        async (input) => {
          calls.push({ path: 'verify', body: input });
          const [body, mac] = input.handle.split('.');
          const expected = body ? sign(body) : '';
          if (
            !body ||
            !mac ||
            mac.length !== expected.length ||
            !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))
          ) {
            return { status: 400, body: { error: 'INVALID_RATE' } };
          }
          const bound = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
            dest: unknown;
            its: unknown;
          };
          if (
            JSON.stringify(bound.dest) !== JSON.stringify(input.destination) ||
            JSON.stringify(bound.its) !== JSON.stringify(input.items)
          ) {
            return { status: 400, body: { error: 'INVALID_RATE' } };
          }
          const rate = ratesFor(input.destination, input.items).find((r) => r.handle === input.handle);
          return rate ? { status: 200, body: { rate } } : { status: 400, body: { error: 'INVALID_RATE' } };
        },
      ),
    ],
  });
  const port = await app.listen(0);
  return { app, url: `http://127.0.0.1:${port}`, calls };
}

export interface FakeVariant {
  id: string;
  productId: string;
  productTitle: string;
  title: string;
  sku: string;
  priceMinor: number;
  currencyCode: string;
  weightGrams: number;
}

export interface FakeCatalog {
  app: HttpApp;
  url: string;
  variants: Map<string, FakeVariant>;
  lookups: number;
}

/** The catalog's variant lookup, answering at whatever price the test set last. */
export async function startFakeCatalog(): Promise<FakeCatalog> {
  const variants = new Map<string, FakeVariant>();
  const state = { lookups: 0 };
  const app = createHttpApp({
    logger: testLogger,
    routes: [
      internalRoute(
        { secret: TEST_SECRET, service: 'catalog' },
        'POST',
        '/internal/variants/lookup',
        ['orders'],
        z.object({ ids: z.array(z.string()).max(250) }),
        async (input) => {
          state.lookups++;
          const found = input.ids.flatMap((id) => {
            const v = variants.get(id);
            return v ? [{ ...v, compareAtPriceMinor: null, imageUrl: null }] : [];
          });
          return { status: 200, body: { variants: found } };
        },
      ),
    ],
  });
  const port = await app.listen(0);
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    variants,
    get lookups() {
      return state.lookups;
    },
  };
}
