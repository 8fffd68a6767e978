// Builds the orders service on a fresh real Postgres database, with fake cart and shipping services,
// and walks a shopper to the point of completing a checkout.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '@shop/common';
import { InProcessBus, type DomainEvent } from '@shop/datastores';
import {
  TEST_SECRET,
  createTestDatabase,
  gql,
  identityHeaders,
  testLogger,
  type TestDatabase,
} from '@shop/testkit';
import { loadConfig } from '../src/config';
import { createService, type OrdersServiceHandle } from '../src/service';
import type { PaymentGateway } from '../src/payments/gateway';
import {
  startFakeCart,
  startFakeCatalog,
  startFakeShipping,
  type FakeCart,
  type FakeCatalog,
  type FakeLine,
  type FakeShipping,
} from './fakes';

export interface Harness {
  db: TestDatabase;
  service: OrdersServiceHandle;
  url: string;
  cart: FakeCart;
  shipping: FakeShipping;
  catalog: FakeCatalog;
  bus: InProcessBus;
  events: DomainEvent[];
  dataDir: string;
  call: <T = Record<string, unknown>>(
    principal: Principal,
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<T>;
  close: () => Promise<void>;
}

export async function startHarness(
  label: string,
  env: Record<string, string> = {},
  options: {
    wrapPayments?: (g: PaymentGateway) => PaymentGateway;
    db?: TestDatabase;
    cart?: FakeCart;
    shipping?: FakeShipping;
  } = {},
): Promise<Harness> {
  const db = options.db ?? (await createTestDatabase(label));
  const cart = options.cart ?? (await startFakeCart());
  const shipping = options.shipping ?? (await startFakeShipping());
  const catalog = await startFakeCatalog();
  const dataDir = mkdtempSync(join(tmpdir(), 'orders-test-'));
  const bus = new InProcessBus(testLogger);
  const events: DomainEvent[] = [];
  bus.subscribe('test-recorder', ['order.paid', 'order.cancelled', 'order.refunded'], async (e) => {
    events.push(e);
  });
  const service = await createService(
    loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      DATABASE_URL: db.url,
      SEED_DEMO_DATA: 'false',
      DATA_DIR: dataDir,
      CART_URL: cart.url,
      SHIPPING_URL: shipping.url,
      CATALOG_URL: catalog.url,
      RENEWAL_INTERVAL_MS: '0',
      LOG_LEVEL: 'silent',
      RECONCILE_INTERVAL_MS: '0',
      ...env,
    }),
    { bus, logger: testLogger, wrapPayments: options.wrapPayments },
  );
  service.start();
  const port = await service.subgraph.app.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    db,
    service,
    url,
    cart,
    shipping,
    catalog,
    bus,
    events,
    dataDir,
    call: async <T>(principal: Principal, query: string, variables: Record<string, unknown> = {}) => {
      const res = await gql<T>(url, query, variables, identityHeaders(principal, 'orders'));
      if (res.body.errors?.length)
        throw Object.assign(new Error(res.body.errors[0]!.message), { errors: res.body.errors });
      return res.body.data as T;
    },
    close: async () => {
      await service.close();
      await bus.close();
      if (!options.cart) await cart.app.close();
      if (!options.shipping) await shipping.app.close();
      await catalog.app.close();
      if (!options.db) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CHECKOUT_FIELDS = `id email subtotal { amount currencyCode } tax { amount } total { amount }
  shippingLine { handle carrier price { amount } }
  availableShippingRates { handle carrier service price { amount currencyCode } estimatedDeliveryDays }
  lines { id title variantTitle sku quantity variant { id } unitPrice { amount } total { amount } }
  shippingAddress { id address1 city province zip countryCode }`;

export const CHECKOUT_CREATE = `mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { checkout { ${CHECKOUT_FIELDS} } userErrors { code field message } } }`;

export const RATE_SELECT = `mutation($id: ID!, $h: String!) {
  checkoutShippingRateSelect(checkoutId: $id, rateHandle: $h) { checkout { ${CHECKOUT_FIELDS} } userErrors { code field message } } }`;

export const ORDER_FIELDS = `id number status email subtotal { amount } shippingTotal { amount } taxTotal { amount } total { amount currencyCode }
  lines { title quantity unitPrice { amount } variant { id } } customer { id } refunds { amount { amount } status reason }
  shippingAddress { city countryCode } createdAt`;

export const COMPLETE = `mutation($id: ID!, $pm: String!, $key: String!) {
  checkoutComplete(checkoutId: $id, payment: { paymentMethodId: $pm }, idempotencyKey: $key) {
    order { ${ORDER_FIELDS} } nextAction { type redirectUrl clientSecret } userErrors { code field message } } }`;

export interface CheckoutData {
  id: string;
  total: { amount: string };
  tax: { amount: string };
  subtotal: { amount: string; currencyCode: string };
  shippingLine: { handle: string; price: { amount: string } } | null;
  availableShippingRates: { handle: string; carrier: string; price: { amount: string } }[];
  lines: {
    unitPrice: { amount: string };
    total: { amount: string };
    quantity: number;
    variant: { id: string };
  }[];
}

export interface UserErrorData {
  code: string;
  field: string[] | null;
  message: string;
}

export const US_ADDRESS = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  address1: '1 Main St',
  city: 'Springfield',
  province: 'CA',
  zip: '94000',
  countryCode: 'US',
};

export function defaultLines(variantId = randomUUID()): FakeLine[] {
  return [
    {
      variantId,
      productId: randomUUID(),
      title: 'Trail Shoe',
      variantTitle: 'Blue / 42',
      sku: 'TS-42',
      quantity: 2,
      unitPriceMinor: 1999,
      weightGrams: 800,
    },
  ];
}

/** A cart in the fake cart service with stock for it, a checkout, and the cheapest rate selected. */
export async function readyCheckout(
  h: Harness,
  principal: Principal,
  options: {
    lines?: FakeLine[];
    stock?: number;
    address?: Record<string, unknown>;
    email?: string;
    /** Codes entered on the cart before the checkout is made (each must apply). */
    discountCodes?: string[];
  } = {},
): Promise<CheckoutData> {
  const cartId = randomUUID();
  const lines = options.lines ?? defaultLines();
  h.cart.carts.set(cartId, {
    customerId: principal.kind === 'customer' ? principal.customerId : null,
    currencyCode: 'USD',
    lines,
  });
  for (const l of lines) h.cart.stock.set(l.variantId, options.stock ?? 100);
  if (options.discountCodes) {
    const codes = await h.call<{ cartDiscountCodesUpdate: { userErrors: UserErrorData[] } }>(
      principal,
      `mutation($id: ID!, $codes: [String!]!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: $codes) { userErrors { code field message } } }`,
      { id: cartId, codes: options.discountCodes },
    );
    if (codes.cartDiscountCodesUpdate.userErrors.length)
      throw new Error(JSON.stringify(codes.cartDiscountCodesUpdate.userErrors));
  }
  const created = await h.call<{
    checkoutCreate: { checkout: CheckoutData | null; userErrors: UserErrorData[] };
  }>(principal, CHECKOUT_CREATE, {
    input: {
      cartId,
      email: options.email ?? 'ada@example.com',
      shippingAddress: options.address ?? US_ADDRESS,
    },
  });
  if (!created.checkoutCreate.checkout) throw new Error(JSON.stringify(created.checkoutCreate.userErrors));
  const checkout = created.checkoutCreate.checkout;
  const selected = await h.call<{
    checkoutShippingRateSelect: { checkout: CheckoutData | null; userErrors: UserErrorData[] };
  }>(principal, RATE_SELECT, { id: checkout.id, h: checkout.availableShippingRates[0]!.handle });
  if (!selected.checkoutShippingRateSelect.checkout)
    throw new Error(JSON.stringify(selected.checkoutShippingRateSelect.userErrors));
  return selected.checkoutShippingRateSelect.checkout;
}

export async function chargeCount(h: Pick<Harness, 'db'>): Promise<number> {
  const { rows } = await h.db.db.query<{ n: string }>(`SELECT count(*) AS n FROM sandbox_charges`);
  return Number(rows[0]!.n);
}
