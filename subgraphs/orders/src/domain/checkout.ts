// Checkout: a server-priced snapshot of a cart, its shipping rates and its tax.
import { randomUUID } from 'node:crypto';
import {
  ForbiddenError,
  canAccessOwned,
  customerIdOf,
  subdivisionCode,
  userError,
  type UserError,
} from '@shop/common';
import { findCheckout, insertCheckout, setSelectedRate } from '../data/checkouts';
import { findLiveOrderForCheckout } from '../data/orders';
import type { RatesRequest } from '../data/services';
import type { Context } from '../context';
import { subdivisionTaxed, taxRuleForAddress } from './tax-rates';
import { validateAddress, validateEmail, type AddressInput } from './validation';
import { customerKeyOf, discountsForCheckout } from './promotions';
import { pricingLines } from './pricing';
import type { Address, Checkout } from './types';

export interface CheckoutPayload {
  checkout: Checkout | null;
  userErrors: UserError[];
}

const fail = (...errors: UserError[]): CheckoutPayload => ({ checkout: null, userErrors: errors });

const clean = (v: string | null | undefined) =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();

/** A validated address input as the snapshot stored with a checkout or subscription. */
export function toAddress(raw: AddressInput): Address {
  return {
    id: randomUUID(),
    firstName: clean(raw.firstName),
    lastName: clean(raw.lastName),
    address1: raw.address1.trim(),
    address2: clean(raw.address2),
    city: raw.city.trim(),
    province: subdivisionCode(raw.countryCode, raw.province) ?? clean(raw.province)?.toUpperCase() ?? null,
    zip: raw.zip.trim(),
    countryCode: raw.countryCode.trim().toUpperCase(),
    phone: clean(raw.phone),
  };
}

export function ratesRequestFor(checkout: Pick<Checkout, 'shippingAddress' | 'lines'>): RatesRequest {
  return {
    destination: { countryCode: checkout.shippingAddress.countryCode, zip: checkout.shippingAddress.zip },
    items: checkout.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
  };
}

export async function createCheckout(
  ctx: Context,
  input: { cartId: string; email: string; shippingAddress: AddressInput },
): Promise<CheckoutPayload> {
  const email = input.email.trim();
  const raw = {
    ...input.shippingAddress,
    countryCode: input.shippingAddress.countryCode.trim().toUpperCase(),
  };
  const errors = [
    ...validateEmail(email, ['input', 'email']),
    ...validateAddress(
      raw,
      ['input', 'shippingAddress'],
      await subdivisionTaxed(ctx.deps.db, raw.countryCode),
    ),
  ];
  if (input.cartId.length > 100)
    errors.push(userError('CART_NOT_FOUND', 'The cart does not exist.', ['input', 'cartId']));
  if (errors.length) return fail(...errors);

  const customerId = customerIdOf(ctx.principal);
  const snapshot = await ctx.deps.cart.snapshot(input.cartId, customerId);
  // Another shopper's cart answers like a missing one, so ids reveal nothing.
  if (!snapshot.ok) return fail(userError('CART_NOT_FOUND', 'The cart does not exist.', ['input', 'cartId']));
  const cart = snapshot.cart;
  if (!cart.lines.length) return fail(userError('CART_EMPTY', 'The cart is empty.', ['input', 'cartId']));

  const address = toAddress(raw);
  const lines = cart.lines.map((l) => ({ ...l }));
  const offered = await ctx.deps.shipping.rates(ratesRequestFor({ shippingAddress: address, lines }));
  if (!offered.ok)
    return fail(userError('SHIPPING_UNAVAILABLE', offered.message, ['input', 'shippingAddress']));
  // A rate in another currency cannot be added to this cart's total.
  const rates = offered.rates.filter((r) => r.currencyCode === cart.currencyCode);

  const priced = await discountsForCheckout(ctx.deps, {
    cartId: cart.id,
    lines: pricingLines(lines),
    currencyCode: cart.currencyCode,
    customerKey: customerKeyOf(cart.customerId ?? customerId, email),
  });
  const checkout = await insertCheckout(ctx.deps.db, {
    id: randomUUID(),
    customerId: cart.customerId ?? customerId,
    cartId: cart.id,
    email,
    currency: cart.currencyCode,
    lines,
    shippingAddress: address,
    rates,
    taxRule: await taxRuleForAddress(ctx.deps.db, address),
    discountCodes: priced.codes,
    discounts: priced.discounts,
  });
  return { checkout, userErrors: [] };
}

/** A checkout the caller may see, or null (missing and forbidden look the same). */
export async function checkoutFor(ctx: Context, id: string): Promise<Checkout | null> {
  const checkout = await findCheckout(ctx.deps.db, id);
  if (!checkout || !canAccessOwned(ctx.principal, checkout.customerId)) return null;
  return checkout;
}

/** Query.checkout: FORBIDDEN alike whether the checkout is missing or someone else's. */
export async function readCheckout(ctx: Context, id: string): Promise<Checkout> {
  const checkout = await checkoutFor(ctx, id);
  if (!checkout) throw new ForbiddenError();
  return checkout;
}

export async function selectShippingRate(
  ctx: Context,
  checkoutId: string,
  handle: string,
): Promise<CheckoutPayload> {
  const checkout = await checkoutFor(ctx, checkoutId);
  if (!checkout) return fail(userError('CHECKOUT_NOT_FOUND', 'The checkout does not exist.', ['checkoutId']));
  if (await findLiveOrderForCheckout(ctx.deps.db, checkout.id)) {
    return fail(userError('CHECKOUT_COMPLETED', 'This checkout has already been completed.', ['checkoutId']));
  }
  const offered = checkout.rates.find((r) => r.handle === handle);
  const invalid = userError(
    'INVALID_SHIPPING_RATE',
    'Choose one of the shipping rates offered for this checkout.',
    ['rateHandle'],
  );
  if (!offered) return fail(invalid);
  // The shipping service signed the handle; it vouches that price, destination and items are unchanged.
  const verified = await ctx.deps.shipping.verify(handle, ratesRequestFor(checkout));
  if (!verified || verified.currencyCode !== checkout.currency) return fail(invalid);
  return { checkout: await setSelectedRate(ctx.deps.db, checkout.id, verified), userErrors: [] };
}
