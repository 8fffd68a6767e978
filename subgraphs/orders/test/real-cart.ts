// The orders service wired to the real cart service on DynamoDB Local (the catalog and shipping services are
// the stand-ins that answer their internal contracts), and a shopper walked to a checkout ready to complete.
import { randomUUID } from 'node:crypto';
import { signIdentity, IDENTITY_HEADER, type Principal } from '@shop/common';
import { TEST_SECRET, gql } from '@shop/testkit';
import {
  makeVariant,
  startCart,
  startFakeCatalog,
  type FakeCatalog,
  type RunningCart,
} from '../../cart/test/helpers';
import type { PaymentGateway } from '../src/payments/gateway';
import {
  CHECKOUT_CREATE,
  COMPLETE,
  RATE_SELECT,
  US_ADDRESS,
  startHarness,
  type CheckoutData,
  type Harness,
  type UserErrorData,
} from './harness';

export interface RealCart {
  cart: RunningCart;
  catalog: FakeCatalog;
  close: () => Promise<void>;
}

export async function startRealCart(): Promise<RealCart> {
  const catalog = await startFakeCatalog();
  // The sweeper and consumers are not started: a test expires holds itself, at the moment it needs.
  const cart = await startCart(catalog.url);
  return {
    cart,
    catalog,
    close: async () => {
      await cart.close();
      await catalog.close();
    },
  };
}

/** An orders service whose CART_URL is the real cart service. */
export function startOrdersOnRealCart(
  label: string,
  real: RealCart,
  env: Record<string, string> = {},
  options: { wrapPayments?: (g: PaymentGateway) => PaymentGateway } = {},
): Promise<Harness> {
  return startHarness(label, { ...env, CART_URL: real.cart.base }, options);
}

/** A variant the catalog sells, with this much stock in the cart service. */
export async function stockedVariant(real: RealCart, quantity: number, priceMinor = 2500): Promise<string> {
  const variant = makeVariant({ priceMinor });
  real.catalog.variants.set(variant.id, variant);
  await real.cart.service.deps.inventory.seed([{ variantId: variant.id, quantity }], 'test');
  return variant.id;
}

/** Signed as the gateway signs a shopper's request from a given client address. */
export function headersFrom(
  principal: Principal,
  clientIp = '127.0.0.1',
  audience = 'orders',
): Record<string, string> {
  return {
    'content-type': 'application/json',
    [IDENTITY_HEADER]: signIdentity({ principal, requestId: randomUUID(), clientIp, audience }, TEST_SECRET),
  };
}

async function must<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<T> {
  const res = await gql<T>(url, query, variables, headers);
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data as T;
}

/** A cart in the real cart service, checked out, the cheapest rate selected. */
export async function realCheckout(
  h: Harness,
  real: RealCart,
  principal: Principal,
  lines: { variantId: string; quantity: number }[],
  clientIp?: string,
): Promise<CheckoutData> {
  const headers = headersFrom(principal, clientIp);
  const created = await must<{ cartCreate: { cart: { id: string } | null; userErrors: UserErrorData[] } }>(
    real.cart.url,
    `mutation($lines: [CartLineInput!]) { cartCreate(input: { lines: $lines }) { cart { id } userErrors { code message } } }`,
    { lines: lines.map((l) => ({ merchandiseId: l.variantId, quantity: l.quantity })) },
    headersFrom(principal, clientIp, 'cart'),
  );
  if (!created.cartCreate.cart) throw new Error(JSON.stringify(created.cartCreate.userErrors));
  const checkout = await must<{
    checkoutCreate: { checkout: CheckoutData | null; userErrors: UserErrorData[] };
  }>(
    h.url,
    CHECKOUT_CREATE,
    {
      input: { cartId: created.cartCreate.cart.id, email: 'ada@example.com', shippingAddress: US_ADDRESS },
    },
    headers,
  );
  if (!checkout.checkoutCreate.checkout) throw new Error(JSON.stringify(checkout.checkoutCreate.userErrors));
  const selected = await must<{
    checkoutShippingRateSelect: { checkout: CheckoutData | null; userErrors: UserErrorData[] };
  }>(
    h.url,
    RATE_SELECT,
    {
      id: checkout.checkoutCreate.checkout.id,
      h: checkout.checkoutCreate.checkout.availableShippingRates[0]!.handle,
    },
    headers,
  );
  if (!selected.checkoutShippingRateSelect.checkout)
    throw new Error(JSON.stringify(selected.checkoutShippingRateSelect.userErrors));
  return selected.checkoutShippingRateSelect.checkout;
}

export interface CompleteResult {
  order: { id: string; status: string; total: { amount: string } } | null;
  nextAction: { type: string; redirectUrl: string | null } | null;
  userErrors: UserErrorData[];
}

export async function completeAs(
  h: Harness,
  principal: Principal,
  checkoutId: string,
  pm: string,
  clientIp?: string,
): Promise<CompleteResult> {
  const data = await must<{ checkoutComplete: CompleteResult }>(
    h.url,
    COMPLETE,
    { id: checkoutId, pm, key: randomUUID() },
    headersFrom(principal, clientIp),
  );
  return data.checkoutComplete;
}

/** Follows a sandbox 3-D Secure link to this orders service (the gateway forwards it there in a running shop). */
export async function authenticate(h: Harness, redirectUrl: string): Promise<Response> {
  const link = new URL(redirectUrl);
  return fetch(`${new URL(h.url).origin}${link.pathname}${link.search}`, { method: 'POST' });
}

export async function orderRow(h: Harness, orderId: string) {
  const { rows } = await h.db.db.query<{
    status: string;
    failure_code: string | null;
    attention_reason: string | null;
    backordered: boolean;
    captured_minor: string;
    refunded_minor: string;
    cancel_reason: string | null;
  }>(
    `SELECT status, failure_code, attention_reason, backordered, captured_minor, refunded_minor, cancel_reason FROM orders WHERE id = $1`,
    [orderId],
  );
  return rows[0]!;
}

/** The sandbox's charges of an order by status: an authorisation is `requires_capture`, money taken is `succeeded`. */
export async function chargeStatuses(h: Harness, orderId: string): Promise<string[]> {
  const { rows } = await h.db.db.query<{ status: string }>(
    `SELECT status FROM sandbox_charges WHERE order_id = $1`,
    [orderId],
  );
  return rows.map((r) => r.status);
}
