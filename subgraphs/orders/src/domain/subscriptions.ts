// Recurring billing: a subscription re-orders one variant every period. Each renewal is an ordinary order,
// priced at that moment from the catalog, the shipping service and the tax table, and placed once per period.
import { createHash, randomUUID } from 'node:crypto';
import {
  ForbiddenError,
  isAdmin,
  pageSize,
  requireCustomer,
  toConnection,
  userError,
  type Connection,
  type UserError,
} from '@shop/common';
import { findByIdempotencyKey, findOrder, insertOrder } from '../data/orders';
import {
  advancePeriod,
  findByProviderSubscription,
  findDue,
  findPaymentCustomer,
  findSubscription,
  paysLiveSubscription,
  insertSubscription,
  latestOrderContact,
  listCustomerSubscriptions,
  savePaymentCustomer,
  setProviderSubscription,
  setSubscriptionStatus,
  type Interval,
  type ProductSubscription,
} from '../data/subscriptions';
import type { Context } from '../context';
import { canSeeCustomer, decodeCreatedAtCursor, encodeCreatedAtCursor } from './customer-lists';
import type { PaidInvoice, SavedPaymentMethod } from '../payments/gateway';
import { toAddress } from './checkout';
import type { Deps } from './deps';
import { processPayment } from './orders';
import { settle } from './payment-settlement';
import { priceCheckout, type Totals } from './pricing';
import { subdivisionTaxed, taxRuleForAddress } from './tax-rates';
import type { Address, Line, Order, Rate } from './types';
import { validateAddress, validateEmail, type AddressInput } from './validation';

export interface SubscriptionPayload {
  subscription: ProductSubscription | null;
  /** The order of the first period, when one was placed. */
  order: Order | null;
  userErrors: UserError[];
}

const fail = (code: string, message: string, field?: string[]): SubscriptionPayload => ({
  subscription: null,
  order: null,
  userErrors: [userError(code, message, field)],
});

const PAYMENT_METHOD_ID = /^pm_[A-Za-z0-9_]{1,200}$/;
const MAX_QUANTITY = 100;

/** The same moment one interval later; a month from Jan 31 is the last day of February. */
export function addInterval(from: Date, interval: Interval): Date {
  const d = new Date(from.getTime());
  switch (interval) {
    case 'DAY':
      d.setUTCDate(d.getUTCDate() + 1);
      return d;
    case 'WEEK':
      d.setUTCDate(d.getUTCDate() + 7);
      return d;
    case 'MONTH':
    case 'YEAR': {
      const months = interval === 'MONTH' ? 1 : 12;
      const target = new Date(
        Date.UTC(
          d.getUTCFullYear(),
          d.getUTCMonth() + months,
          1,
          d.getUTCHours(),
          d.getUTCMinutes(),
          d.getUTCSeconds(),
          d.getUTCMilliseconds(),
        ),
      );
      const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
      return target;
    }
  }
}

/**
 * Where the period after `periodStart` begins, seen at `now`: periods the job slept through are skipped,
 * not charged in a burst, so a shopper is never billed for several periods at once.
 */
export function nextRenewalAfter(periodStart: Date, interval: Interval, now: Date): Date {
  let next = addInterval(periodStart, interval);
  while (next <= now) next = addInterval(next, interval);
  return next;
}

export interface Quote {
  lines: Line[];
  rate: Rate;
  totals: Totals;
  currency: string;
}

/** Prices one period now: the catalog's price, the cheapest shipping rate, tax for the address. */
export async function quote(
  deps: Deps,
  item: { variantId: string; quantity: number; address: Address },
): Promise<{ ok: true; quote: Quote } | { ok: false; code: string; message: string }> {
  const [variant] = await deps.catalog.lookup([item.variantId]);
  if (!variant)
    return { ok: false, code: 'INVALID_MERCHANDISE', message: 'The product variant does not exist.' };
  const lines: Line[] = [
    {
      id: randomUUID(),
      variantId: variant.id,
      productId: variant.productId,
      title: variant.productTitle,
      variantTitle: variant.title,
      sku: variant.sku,
      quantity: item.quantity,
      unitPriceMinor: variant.priceMinor,
      weightGrams: variant.weightGrams,
    },
  ];
  const offered = await deps.shipping.rates({
    destination: { countryCode: item.address.countryCode, zip: item.address.zip },
    items: [{ variantId: variant.id, quantity: item.quantity }],
  });
  if (!offered.ok) return { ok: false, code: 'SHIPPING_UNAVAILABLE', message: offered.message };
  // Rates come sorted by price; the cheapest in the variant's currency ships every renewal.
  const rate = offered.rates.find((r) => r.currencyCode === variant.currencyCode);
  if (!rate)
    return { ok: false, code: 'SHIPPING_UNAVAILABLE', message: 'We cannot ship this item to this address.' };
  return {
    ok: true,
    quote: {
      lines,
      rate,
      totals: priceCheckout(lines, rate, await taxRuleForAddress(deps.db, item.address)),
      currency: variant.currencyCode,
    },
  };
}

/** The shopper's customer at the payment provider, made on first use. */
async function paymentCustomerFor(deps: Deps, customerId: string, email: string | null): Promise<string> {
  const provider = deps.payments.provider;
  const known = await findPaymentCustomer(deps.db, customerId, provider);
  if (known) return known;
  const { providerCustomerId } = await deps.payments.createCustomer({
    customerId,
    email,
    idempotencyKey: `customer-${customerId}`,
  });
  return savePaymentCustomer(deps.db, customerId, provider, providerCustomerId);
}

export interface SubscriptionCreateInput {
  variantId: string;
  quantity: number;
  interval: Interval;
  paymentMethodId: string;
  shippingAddress?: AddressInput | null;
  email?: string | null;
}

export async function createSubscription(
  ctx: Context,
  input: SubscriptionCreateInput,
  now = new Date(),
): Promise<SubscriptionPayload> {
  const shopper = requireCustomer(ctx.principal);
  const deps = ctx.deps;
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_QUANTITY) {
    return fail('INVALID_QUANTITY', `quantity must be 1 to ${MAX_QUANTITY}.`, ['input', 'quantity']);
  }
  if (!PAYMENT_METHOD_ID.test(input.paymentMethodId)) {
    return fail(
      'INVALID_PAYMENT_METHOD',
      'paymentMethodId must be a payment method id such as pm_card_visa.',
      ['input', 'paymentMethodId'],
    );
  }
  if (input.variantId.length > 100)
    return fail('INVALID_MERCHANDISE', 'The product variant does not exist.', ['input', 'variantId']);

  const previous =
    input.shippingAddress && input.email ? null : await latestOrderContact(deps.db, shopper.customerId);
  let address: Address;
  if (input.shippingAddress) {
    const countryCode = input.shippingAddress.countryCode.trim().toUpperCase();
    const errors = validateAddress(
      { ...input.shippingAddress, countryCode },
      ['input', 'shippingAddress'],
      await subdivisionTaxed(deps.db, countryCode),
    );
    if (errors.length) return { subscription: null, order: null, userErrors: errors };
    address = toAddress(input.shippingAddress);
  } else if (previous) {
    address = { ...previous.address, id: randomUUID() };
  } else {
    return fail('SHIPPING_ADDRESS_REQUIRED', 'Give a shipping address for the deliveries.', [
      'input',
      'shippingAddress',
    ]);
  }
  const email = input.email?.trim() || previous?.email;
  if (!email) return fail('EMAIL_REQUIRED', 'Give an email address for the receipts.', ['input', 'email']);
  const emailErrors = validateEmail(email, ['input', 'email']);
  if (emailErrors.length) return { subscription: null, order: null, userErrors: emailErrors };

  const priced = await quote(deps, { variantId: input.variantId, quantity: input.quantity, address });
  if (!priced.ok)
    return fail(
      priced.code,
      priced.message,
      priced.code === 'INVALID_MERCHANDISE' ? ['input', 'variantId'] : ['input', 'shippingAddress'],
    );

  // The payment method is saved on the shopper's provider customer, so later periods can be charged without them.
  const providerCustomerId = await paymentCustomerFor(deps, shopper.customerId, email);
  const saved = await savedMethodFor(deps, providerCustomerId, input.paymentMethodId);
  if (!saved.ok) return fail('INVALID_PAYMENT_METHOD', saved.message, ['input', 'paymentMethodId']);

  const subscription = await insertSubscription(deps.db, {
    id: randomUUID(),
    customerId: shopper.customerId,
    email,
    variantId: input.variantId,
    quantity: input.quantity,
    interval: input.interval,
    paymentMethodId: saved.method.id,
    shippingAddress: address,
    currency: priced.quote.currency,
    provider: deps.payments.provider,
    nextRenewalAt: now,
  });
  const line = priced.quote.lines[0]!;
  const { providerSubscriptionId } = await deps.payments.createSubscription({
    providerCustomerId,
    paymentMethodId: saved.method.id,
    subscriptionId: subscription.id,
    productName: `${line.title} (${line.variantTitle}) × ${line.quantity}`,
    amountMinor: priced.quote.totals.totalMinor,
    currency: priced.quote.currency,
    interval: input.interval,
    idempotencyKey: `subscription-${subscription.id}`,
  });
  await setProviderSubscription(deps.db, subscription.id, providerSubscriptionId);

  if (deps.payments.provider === 'stripe') {
    // Stripe charged the first period itself; its invoice.paid webhook places the order.
    return { subscription: await findSubscription(deps.db, subscription.id), order: null, userErrors: [] };
  }
  const order = await renewSubscription(deps, subscription.id, now, priced.quote);
  if (order && order.status === 'CANCELLED') {
    // The first period could not be paid or shipped: no subscription is left running.
    await deps.payments.cancelSubscription(providerSubscriptionId);
    await setSubscriptionStatus(deps.db, subscription.id, 'CANCELLED');
    const code = order.failureCode ?? 'PAYMENT_DECLINED';
    return fail(
      code,
      code === 'INSUFFICIENT_STOCK'
        ? 'The item is not in stock.'
        : 'The payment was declined. Try another payment method.',
    );
  }
  return { subscription: await findSubscription(deps.db, subscription.id), order, userErrors: [] };
}

async function savedMethodFor(
  deps: Deps,
  providerCustomerId: string,
  paymentMethodId: string,
): Promise<{ ok: true; method: SavedPaymentMethod } | { ok: false; message: string }> {
  const existing = (await deps.payments.listPaymentMethods(providerCustomerId)).find(
    (m) => m.id === paymentMethodId,
  );
  if (existing) return { ok: true, method: existing };
  return deps.payments.attachPaymentMethod(providerCustomerId, paymentMethodId);
}

/**
 * Places the order of the period that is due at `now`, once: the subscription row is locked, its period
 * advanced and the order inserted in one transaction, and the order's idempotency key names the period.
 * Null when nothing was due (another run got there first, or the subscription was cancelled).
 */
export async function renewSubscription(
  deps: Deps,
  id: string,
  now: Date,
  priced?: Quote,
): Promise<Order | null> {
  const current = await findSubscription(deps.db, id);
  // Stripe bills its subscriptions itself (invoice.paid); charging them here too would charge twice.
  if (
    !current ||
    current.provider !== 'sandbox' ||
    current.status === 'CANCELLED' ||
    current.nextRenewalAt > now
  )
    return null;
  let q = priced;
  if (!q) {
    const fresh = await quote(deps, {
      variantId: current.variantId,
      quantity: current.quantity,
      address: current.shippingAddress,
    });
    if (!fresh.ok) {
      // Left due: the next run tries again (a variant back in the catalog, a shipping service back up).
      deps.logger.warn({ subscriptionId: id, code: fresh.code }, 'subscription renewal could not be priced');
      return null;
    }
    q = fresh.quote;
  }
  const quoted = q;
  const order = await deps.db.transaction(async (tx) => {
    const sub = await findSubscription(tx, id, true);
    if (!sub || sub.status === 'CANCELLED' || sub.nextRenewalAt > now) return null;
    const periodStart = sub.nextRenewalAt;
    await advancePeriod(tx, sub.id, periodStart, nextRenewalAfter(periodStart, sub.interval, now));
    return insertOrder(tx, renewalOrder(deps, sub, periodStart, quoted));
  });
  if (!order) return null;
  const settled = await processPayment(deps, order);
  if (settled.status === 'CANCELLED' && settled.failureCode === 'PAYMENT_DECLINED') {
    await setSubscriptionStatus(deps.db, id, 'PAST_DUE');
  } else if (settled.status === 'PAID') {
    const sub = await findSubscription(deps.db, id);
    if (sub?.status === 'PAST_DUE') await setSubscriptionStatus(deps.db, id, 'ACTIVE');
  }
  return settled;
}

function renewalOrder(deps: Deps, sub: ProductSubscription, periodStart: Date, quoted: Quote) {
  return {
    id: randomUUID(),
    checkoutId: null,
    cartId: null,
    subscriptionId: sub.id,
    customerId: sub.customerId,
    idempotencyScope: `subscription:${sub.id}`,
    idempotencyKey: `period:${periodStart.toISOString()}`,
    requestHash: createHash('sha256')
      .update(JSON.stringify({ subscriptionId: sub.id, periodStart }))
      .digest('hex'),
    email: sub.email,
    currency: quoted.currency,
    lines: quoted.lines,
    shippingAddress: sub.shippingAddress,
    shippingLine: quoted.rate,
    ...quoted.totals,
    paymentMethodId: sub.paymentMethodId,
    leaseSeconds: deps.settings.leaseSeconds,
  };
}

/**
 * Stripe's invoice.paid: Stripe charged a period itself, so the order is placed already paid. The invoice's
 * period names the order (its idempotency key), so a redelivered or replayed event places nothing new.
 */
export async function recordPaidInvoice(deps: Deps, invoice: PaidInvoice): Promise<Order | null> {
  if (!invoice.paid || !invoice.providerSubscriptionId) return null;
  const sub = await findByProviderSubscription(deps.db, invoice.providerSubscriptionId);
  if (!sub) return null;
  const key = `period:${invoice.periodStart.toISOString()}`;
  const known = await findByIdempotencyKey(deps.db, `subscription:${sub.id}`, key);
  if (known) return known;
  const priced = await quote(deps, {
    variantId: sub.variantId,
    quantity: sub.quantity,
    address: sub.shippingAddress,
  });
  // Without the variant in the catalog the order's lines cannot be written; the webhook fails and Stripe redelivers it.
  if (!priced.ok) throw new Error(`renewal of subscription ${sub.id} could not be priced: ${priced.code}`);
  const order = await deps.db.transaction(async (tx) => {
    const locked = (await findSubscription(tx, sub.id, true))!;
    const existing = await findByIdempotencyKey(tx, `subscription:${sub.id}`, key);
    if (existing) return null;
    if (invoice.periodStart >= locked.currentPeriodStart) {
      await advancePeriod(tx, sub.id, invoice.periodStart, addInterval(invoice.periodStart, locked.interval));
    }
    // The order records what Stripe captured; the lines are priced from the catalog as of now.
    return insertOrder(tx, {
      ...renewalOrder(deps, locked, invoice.periodStart, priced.quote),
      leaseSeconds: 0,
    });
  });
  if (!order) return findByIdempotencyKey(deps.db, `subscription:${sub.id}`, key);
  // Stripe has charged already, so a stock shortfall cannot refuse the order; the hold lets order.paid commit the units.
  const held = await deps.cart.reserve(
    order.id,
    order.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    deps.settings.reservationTtlSeconds,
  );
  if (!held.ok)
    deps.logger.error(
      { orderId: order.id, variantIds: held.variantIds },
      'paid subscription renewal without stock',
    );
  await settle(deps, order.id, {
    kind: 'succeeded',
    paymentIntentId: invoice.paymentIntentId ?? invoice.id,
    amountMinor: invoice.amountPaidMinor,
    orderId: order.id,
  });
  return findOrder(deps.db, order.id);
}

/** The sandbox's renewal job: every due subscription gets its period's order. Returns how many were placed. */
export async function renewDue(deps: Deps, now: Date = new Date()): Promise<number> {
  let placed = 0;
  for (const id of await findDue(deps.db, now)) {
    try {
      if (await renewSubscription(deps, id, now)) placed++;
    } catch (error) {
      deps.logger.warn({ err: error, subscriptionId: id }, 'subscription renewal failed; will retry');
    }
  }
  return placed;
}

export async function cancelSubscription(ctx: Context, id: string): Promise<SubscriptionPayload> {
  const shopper = requireCustomer(ctx.principal);
  const existing = await findSubscription(ctx.deps.db, id);
  // Another shopper's subscription is refused exactly like a missing one.
  if (!existing || !(existing.customerId === shopper.customerId || isAdmin(ctx.principal)))
    throw new ForbiddenError();
  if (existing.status === 'CANCELLED') {
    return {
      subscription: existing,
      order: null,
      userErrors: [userError('SUBSCRIPTION_CANCELLED', 'The subscription is already cancelled.', ['id'])],
    };
  }
  // The provider stops charging first: a crash after it leaves our row to be cancelled again, never a charge without a subscription.
  if (existing.providerSubscriptionId)
    await ctx.deps.payments.cancelSubscription(existing.providerSubscriptionId);
  const cancelled = await setSubscriptionStatus(ctx.deps.db, id, 'CANCELLED');
  return { subscription: cancelled, order: null, userErrors: [] };
}

export async function customerSubscriptions(
  ctx: Context,
  customerId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ProductSubscription>> {
  if (!canSeeCustomer(ctx.principal, customerId)) throw new ForbiddenError();
  const limit = pageSize(first);
  const cursor = decodeCreatedAtCursor(after);
  const { rows, total } = await listCustomerSubscriptions(ctx.deps.db, customerId, limit, cursor);
  return toConnection(rows, limit, encodeCreatedAtCursor, total, cursor !== null);
}

/**
 * The payment methods saved on the shopper's provider customer (none before their first subscription). Saved
 * cards are their owner's: only the shopper and admins read them, not partner keys or other services.
 */
export async function customerPaymentMethods(
  ctx: Context,
  customerId: string,
): Promise<SavedPaymentMethod[]> {
  const own = ctx.principal.kind === 'customer' && ctx.principal.customerId === customerId;
  if (!own && !isAdmin(ctx.principal)) throw new ForbiddenError();
  const providerCustomerId = await findPaymentCustomer(ctx.deps.db, customerId, ctx.deps.payments.provider);
  return providerCustomerId ? ctx.deps.payments.listPaymentMethods(providerCustomerId) : [];
}

export interface DetachPayload {
  detachedPaymentMethodId: string | null;
  userErrors: UserError[];
}

export async function detachPaymentMethod(ctx: Context, paymentMethodId: string): Promise<DetachPayload> {
  const shopper = requireCustomer(ctx.principal);
  const deps = ctx.deps;
  const providerCustomerId = await findPaymentCustomer(deps.db, shopper.customerId, deps.payments.provider);
  const owned = providerCustomerId
    ? (await deps.payments.listPaymentMethods(providerCustomerId)).some((m) => m.id === paymentMethodId)
    : false;
  // A method that is not on this shopper's customer is refused whether or not it exists.
  if (!owned) throw new ForbiddenError();
  if (await paysLiveSubscription(deps.db, shopper.customerId, paymentMethodId)) {
    return {
      detachedPaymentMethodId: null,
      userErrors: [
        userError('PAYMENT_METHOD_IN_USE', 'A running subscription pays with this method; cancel it first.', [
          'id',
        ]),
      ],
    };
  }
  await deps.payments.detachPaymentMethod(paymentMethodId);
  return { detachedPaymentMethodId: paymentMethodId, userErrors: [] };
}
