// Placing, reading, cancelling and refunding orders. checkoutComplete is the story of one payment:
// an order row keyed by the shopper's idempotency key, a stock hold, one charge, then PAID and the event together.
import { createHash, randomUUID } from 'node:crypto';
import {
  BadInputError,
  ForbiddenError,
  assertCanAccessOwned,
  clientAddressKey,
  customerIdOf,
  readsAll,
  isAdmin,
  pageSize,
  parseDecimal,
  toConnection,
  userError,
  type Connection,
  type UserError,
} from '@shop/common';
import { eventOf, orderCancelled, orderRefunded } from '@shop/contracts';
import { enqueueEvents, isUniqueViolation, type SqlExecutor } from '@shop/datastores';
import {
  addRefunded,
  claimLease,
  countPendingHolds,
  findByIdempotencyKey,
  findLiveOrderForCheckout,
  findOrder,
  findStalePending,
  finishRefund,
  insertOrder,
  insertRefund,
  listAttentionOrders,
  listCustomerOrders,
  releaseLease,
  transition,
} from '../data/orders';
import { findCheckout, repriceCheckout, setCheckoutDiscounts } from '../data/checkouts';
import { findPaymentCustomer } from '../data/subscriptions';
import type { Context } from '../context';
import { canSeeCustomer, decodeCreatedAtCursor, encodeCreatedAtCursor } from './customer-lists';
import { chargeKeyFor } from '../payments/gateway';
import { checkoutFor } from './checkout';
import { pricingLines } from './pricing';
import { customerKeyOf, discountsAtCompletion, reserveDiscountUses } from './promotions';
import { fulfilmentStarted } from './fulfilment';
import type { Deps } from './deps';
import { setRefundCardPart } from '../data/gift-cards';
import { creditGiftCards, debitGiftCardsForOrder, giveBackGiftCards, prorate } from './gift-cards';
import {
  amountToCharge,
  orderCancelledPayload,
  orderNumber,
  runAfterCommit,
  settle,
  settlePaidByGiftCards,
  type AfterCommit,
} from './payment-settlement';
import { canTransition, isCancellable, isRefundable } from './status';
import type { Checkout, NextAction, Order } from './types';

export interface CompletePayload {
  order: Order | null;
  nextAction: NextAction | null;
  /** The checkout as re-priced, when its prices moved (PRICES_CHANGED). */
  checkout?: Checkout | null;
  userErrors: UserError[];
}

const FAILURE_MESSAGES: Record<string, string> = {
  PAYMENT_DECLINED: 'The payment was declined. Try another payment method.',
  INSUFFICIENT_STOCK: 'Some items are no longer in stock.',
  INVALID_PAYMENT_METHOD: 'The payment method is not valid.',
  PAYMENT_TIMEOUT: 'The payment was not completed in time.',
};

/** What a completion attempt answers for an order in a given state; the same state always answers the same. */
export function resultOf(order: Order): CompletePayload {
  if (order.status === 'CANCELLED' && order.failureCode) {
    const code = order.failureCode;
    return {
      order: null,
      nextAction: null,
      // eslint-disable-next-line security/detect-object-injection -- code is a failure code this service stored, not a client's input
      userErrors: [userError(code, FAILURE_MESSAGES[code] ?? 'The order was cancelled.')],
    };
  }
  if (order.status === 'CANCELLED') {
    return {
      order: null,
      nextAction: null,
      userErrors: [userError('ORDER_CANCELLED', 'The order was cancelled.')],
    };
  }
  return { order, nextAction: order.status === 'PENDING_PAYMENT' ? order.nextAction : null, userErrors: [] };
}

const fail = (code: string, message: string, field?: string[]): CompletePayload => ({
  order: null,
  nextAction: null,
  userErrors: [userError(code, message, field)],
});

export function requestHash(checkoutId: string, paymentMethodId: string): string {
  return createHash('sha256').update(JSON.stringify({ checkoutId, paymentMethodId })).digest('hex');
}

// Stripe ids only: a card number can never be passed where a payment method id goes.
const PAYMENT_METHOD_ID = /^pm_[A-Za-z0-9_]{1,200}$/;

/** What an order paid by gift cards alone records as its payment method. */
export const NO_PAYMENT_METHOD = 'none';

/** Thrown inside the completion's transaction to refuse it and roll back what it wrote (the order, gift-card debits). */
class Refusal extends Error {
  constructor(readonly payload: CompletePayload) {
    super('refused');
  }
}

async function refusedOnThrow(open: () => Promise<Opened>): Promise<Opened> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof Refusal) return { kind: 'refused', payload: error.payload };
    throw error;
  }
}

type Opened =
  | { kind: 'created'; order: Order }
  | { kind: 'existing'; order: Order }
  | { kind: 'refused'; payload: CompletePayload };

export async function completeCheckout(
  ctx: Context,
  checkoutId: string,
  /** Null when the checkout's gift cards pay all of it. */
  paymentMethodId: string | null,
  idempotencyKey: string,
): Promise<CompletePayload> {
  if (idempotencyKey.length < 1 || idempotencyKey.length > 200) {
    return fail('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must be 1 to 200 characters.', ['idempotencyKey']);
  }
  if (paymentMethodId !== null && !PAYMENT_METHOD_ID.test(paymentMethodId)) {
    return fail(
      'INVALID_PAYMENT_METHOD',
      'paymentMethodId must be a payment method id such as pm_card_visa.',
      ['payment', 'paymentMethodId'],
    );
  }
  const checkout = await checkoutFor(ctx, checkoutId);
  if (!checkout) return fail('CHECKOUT_NOT_FOUND', 'The checkout does not exist.', ['checkoutId']);
  const deps = ctx.deps;
  const scope = checkout.customerId ? `customer:${checkout.customerId}` : `checkout:${checkout.id}`;
  const hash = requestHash(checkout.id, paymentMethodId ?? NO_PAYMENT_METHOD);

  // A saved card is only its owner's to pay with; a fresh one (saved on no one) anyone may use.
  const owner = paymentMethodId ? await deps.payments.paymentMethodOwner(paymentMethodId) : null;
  if (owner !== null) {
    const caller = customerIdOf(ctx.principal);
    const mine = caller ? await findPaymentCustomer(deps.db, caller, deps.payments.provider) : null;
    if (owner !== mine)
      return fail('INVALID_PAYMENT_METHOD', 'The payment method is not valid.', [
        'payment',
        'paymentMethodId',
      ]);
  }

  const replay = await findByIdempotencyKey(deps.db, scope, idempotencyKey);
  if (!replay) {
    const repriced = await repriceIfStale(deps, checkout);
    if (repriced) return repriced;
  }

  // Unpaid orders are bounded per client network (an IPv6 client's /64), not per address one subscriber can vary.
  const holderAddress = ctx.clientIp ? clientAddressKey(ctx.clientIp) : null;
  const open = async (): Promise<Opened> =>
    deps.db.transaction(async (tx) => {
      // The row lock queues concurrent completions of this checkout behind one another.
      const locked = await findCheckout(tx, checkout.id, true);
      if (!locked)
        return {
          kind: 'refused',
          payload: fail('CHECKOUT_NOT_FOUND', 'The checkout does not exist.', ['checkoutId']),
        };
      const existing = await findByIdempotencyKey(tx, scope, idempotencyKey);
      if (existing) {
        // eslint-disable-next-line security/detect-possible-timing-attacks -- a hash of the request, compared for idempotency, not a secret
        if (existing.requestHash !== hash) {
          return {
            kind: 'refused',
            payload: fail('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another request.', [
              'idempotencyKey',
            ]),
          };
        }
        return { kind: 'existing', order: existing };
      }
      if (await findLiveOrderForCheckout(tx, locked.id)) {
        return {
          kind: 'refused',
          payload: fail('CHECKOUT_COMPLETED', 'This checkout has already been completed.', ['checkoutId']),
        };
      }
      if (!locked.selectedRate) {
        return {
          kind: 'refused',
          payload: fail('SHIPPING_RATE_REQUIRED', 'Select a shipping rate first.', ['checkoutId']),
        };
      }
      if (Date.now() - locked.createdAt.getTime() > deps.settings.checkoutTtlSeconds * 1000) {
        return {
          kind: 'refused',
          payload: fail(
            'CHECKOUT_EXPIRED',
            'This checkout has expired; start a new one so prices are current.',
            ['checkoutId'],
          ),
        };
      }
      if (
        await tooManyPending(tx, deps, {
          customerId: locked.customerId,
          cartId: locked.cartId,
          clientIp: holderAddress,
        })
      ) {
        return {
          kind: 'refused',
          payload: fail(
            'TOO_MANY_PENDING_PAYMENTS',
            'Too many orders are awaiting payment; complete or cancel one first, or try again in a few minutes.',
            ['checkoutId'],
          ),
        };
      }
      const customerKey = customerKeyOf(locked.customerId, locked.email);
      const discounts = await discountsAtCompletion(
        tx,
        { ...locked, lines: pricingLines(locked.lines) },
        customerKey,
        new Date(),
      );
      if (discounts.kind === 'refused')
        return { kind: 'refused', payload: fail(discounts.code, discounts.message, ['checkoutId']) };
      if (discounts.kind === 'changed') {
        const repriced = await setCheckoutDiscounts(tx, locked.id, discounts.discounts);
        return {
          kind: 'refused',
          payload: {
            order: null,
            nextAction: null,
            checkout: repriced,
            userErrors: [
              userError(
                'PRICES_CHANGED',
                'The discounts on this checkout have changed; review the new total and complete again.',
                ['checkoutId'],
              ),
            ],
          },
        };
      }
      const order = await insertOrder(tx, {
        clientIp: holderAddress,
        id: randomUUID(),
        checkoutId: locked.id,
        cartId: locked.cartId,
        customerId: locked.customerId,
        idempotencyScope: scope,
        idempotencyKey,
        requestHash: hash,
        email: locked.email,
        currency: locked.currency,
        lines: locked.lines,
        shippingAddress: locked.shippingAddress,
        shippingLine: locked.selectedRate,
        subtotalMinor: locked.subtotalMinor,
        shippingMinor: locked.shippingMinor,
        taxMinor: locked.taxMinor,
        totalMinor: locked.totalMinor,
        discountMinor: locked.discountMinor,
        discountCodes: locked.discountCodes,
        allocations: locked.allocations,
        paymentMethodId: paymentMethodId ?? NO_PAYMENT_METHOD,
        leaseSeconds: deps.settings.leaseSeconds,
      });
      await reserveDiscountUses(tx, order.id, discounts.appliedIds, customerKey);
      // Gift cards pay first, debited with the order's row: both commit, or neither.
      const giftCardMinor = await debitGiftCardsForOrder(tx, locked.id, order.id, order.totalMinor);
      if (giftCardMinor < order.totalMinor && paymentMethodId === null) {
        throw new Refusal(
          fail(
            'PAYMENT_METHOD_REQUIRED',
            'The gift cards do not cover the total; give a payment method for the rest.',
            ['payment'],
          ),
        );
      }
      return { kind: 'created', order: { ...order, giftCardMinor } };
    });

  let opened: Opened;
  try {
    opened = await refusedOnThrow(open);
  } catch (error) {
    // Two requests with one key on two checkouts of one shopper: the loser finds the winner's row.
    if (!isUniqueViolation(error)) throw error;
    opened = await refusedOnThrow(open);
  }
  if (opened.kind === 'refused') return opened.payload;
  if (opened.kind === 'created') return resultOf(await processPayment(deps, opened.order));
  return resultOf(await resume(deps, opened.order));
}

/**
 * Re-prices a checkout whose prices are older than the price window from the catalog's prices now. Null
 * when completion may go on (nothing moved); PRICES_CHANGED with the re-priced checkout when something did.
 */
async function repriceIfStale(deps: Deps, checkout: Checkout): Promise<CompletePayload | null> {
  const now = Date.now();
  if (now - checkout.pricedAt.getTime() <= deps.settings.checkoutPriceTtlSeconds * 1000) return null;
  // An expired checkout is refused as such, inside the completion.
  if (now - checkout.createdAt.getTime() > deps.settings.checkoutTtlSeconds * 1000) return null;
  if (await findLiveOrderForCheckout(deps.db, checkout.id)) return null;
  const current = new Map(
    (await deps.catalog.lookup(checkout.lines.map((l) => l.variantId))).map((v) => [v.id, v]),
  );
  const missing = checkout.lines.filter((l) => current.get(l.variantId)?.currencyCode !== checkout.currency);
  if (missing.length) {
    return fail(
      'INVALID_MERCHANDISE',
      'A product in this checkout is no longer sold; start a new checkout.',
      ['checkoutId'],
    );
  }
  const lines = checkout.lines.map((l) => ({ ...l, unitPriceMinor: current.get(l.variantId)!.priceMinor }));
  const repriced = await repriceCheckout(deps.db, checkout.id, lines);
  const moved =
    lines.some((l, i) => l.unitPriceMinor !== checkout.lines.at(i)?.unitPriceMinor) ||
    repriced.totalMinor !== checkout.totalMinor;
  if (!moved) return null;
  return {
    order: null,
    nextAction: null,
    checkout: repriced,
    userErrors: [
      userError(
        'PRICES_CHANGED',
        'Prices have changed since the checkout was made; review the new total and complete again.',
        ['checkoutId'],
      ),
    ],
  };
}

/**
 * Whether another unpaid order would hold stock for one holder too many. Each holder's lock is taken (in one
 * order, so two completions never wait on each other) so that concurrent completions count one another.
 */
async function tooManyPending(
  tx: SqlExecutor,
  deps: Deps,
  holders: { customerId: string | null; cartId: string | null; clientIp: string | null },
): Promise<boolean> {
  const keys = [
    holders.customerId && `customer:${holders.customerId}`,
    holders.cartId && `cart:${holders.cartId}`,
    holders.clientIp && `ip:${holders.clientIp}`,
  ]
    .filter((k): k is string => Boolean(k))
    .sort();
  if (deps.db.kind === 'pg')
    for (const key of keys)
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`pending-payments:${key}`]);
  return (
    (await countPendingHolds(tx, holders, deps.settings.reservationTtlSeconds)) >=
    deps.settings.maxPendingPayments
  );
}

/** A retry of a known key: answer its settled result, or take over the attempt once no one else holds it. */
async function resume(deps: Deps, order: Order): Promise<Order> {
  const deadline = Date.now() + (deps.settings.leaseSeconds + 2) * 1000;
  let current: Order | null = order;
  while (current && current.status === 'PENDING_PAYMENT') {
    const claimed = await claimLease(deps.db, current.id, deps.settings.leaseSeconds);
    if (claimed) return processPayment(deps, claimed);
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
    current = await findOrder(deps.db, order.id);
  }
  return current ?? order;
}

/**
 * Runs while holding the order's lease: stock hold, authorisation, then (in settle) the stock committed and
 * the payment captured, or voided when the stock is gone. Every step is idempotent for this order.
 */
export async function processPayment(deps: Deps, order: Order): Promise<Order> {
  try {
    const held = await deps.cart.reserve(
      order.id,
      order.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      deps.settings.reservationTtlSeconds,
    );
    if (!held.ok) {
      const cancelled = await deps.db.transaction(async (tx) => {
        const done = await transition(tx, order.id, ['PENDING_PAYMENT'], 'CANCELLED', {
          failureCode: 'INSUFFICIENT_STOCK',
          cancelReason: 'out of stock',
        });
        if (done) await giveBackGiftCards(tx, order.id);
        return done;
      });
      return cancelled ?? (await findOrder(deps.db, order.id)) ?? order;
    }
    if (amountToCharge(order) === 0) {
      await settlePaidByGiftCards(deps, order);
      return (await findOrder(deps.db, order.id)) ?? order;
    }
    // A payment already started (awaiting 3-D Secure) is read as it is now, not asked for again.
    const result = order.paymentIntentId
      ? await deps.payments.retrieve(order.paymentIntentId)
      : await deps.payments.authorize({
          amountMinor: amountToCharge(order),
          currency: order.currency,
          paymentMethodId: order.paymentMethodId,
          orderId: order.id,
          idempotencyKey: chargeKeyFor(order.id),
          returnUrl: deps.settings.returnUrl,
          providerCustomerId: order.customerId
            ? await findPaymentCustomer(deps.db, order.customerId, deps.payments.provider)
            : null,
        });
    await settle(deps, order.id, result, { leased: true });
    return (await findOrder(deps.db, order.id)) ?? order;
  } finally {
    await releaseLease(deps.db, order.id).catch(() => undefined);
  }
}

/**
 * An order to its owner, an admin or a service; FORBIDDEN alike whether it exists or not. A guest's order
 * has no owner to sign in, so only admins and services read it by id (the guest has it in the checkout's answer and by email).
 */
export async function orderFor(ctx: Context, id: string): Promise<Order> {
  const order = await ctx.loaders.order.load(id);
  const privileged = readsAll(ctx.principal, 'orders:read');
  if (!order || (order.customerId === null && !privileged)) throw new ForbiddenError();
  if (!privileged) assertCanAccessOwned(ctx.principal, order.customerId);
  return order;
}

export async function customerOrders(
  ctx: Context,
  customerId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<Order>> {
  if (!canSeeCustomer(ctx.principal, customerId)) throw new ForbiddenError();
  const limit = pageSize(first);
  const cursor = decodeCreatedAtCursor(after);
  const { rows, total } = await listCustomerOrders(ctx.deps.db, customerId, limit, cursor);
  for (const row of rows) ctx.loaders.order.prime(row.id, row);
  return toConnection(rows, limit, encodeCreatedAtCursor, total, cursor !== null);
}

/** Orders a person should look at (paid after their stock was gone): admins and partners reading orders. */
export async function ordersNeedingAttention(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<Order>> {
  if (!readsAll(ctx.principal, 'orders:read') || ctx.principal.kind === 'service') throw new ForbiddenError();
  const limit = pageSize(first);
  const cursor = decodeCreatedAtCursor(after);
  const { rows, total } = await listAttentionOrders(ctx.deps.db, limit, cursor);
  for (const row of rows) ctx.loaders.order.prime(row.id, row);
  return toConnection(rows, limit, encodeCreatedAtCursor, total, cursor !== null);
}

export interface OrderPayload {
  order: Order | null;
  userErrors: UserError[];
}

const orderFail = (code: string, message: string, field?: string[]): OrderPayload => ({
  order: null,
  userErrors: [userError(code, message, field)],
});

export async function cancelOrder(
  ctx: Context,
  orderId: string,
  reason: string | null | undefined,
): Promise<OrderPayload> {
  if (ctx.principal.kind !== 'customer') throw new ForbiddenError();
  const existing = await findOrder(ctx.deps.db, orderId);
  // Guests' orders are cancelled through support, not by whoever holds the id.
  if (!existing || !(existing.customerId === ctx.principal.customerId || isAdmin(ctx.principal)))
    throw new ForbiddenError();
  if (reason && reason.length > 500)
    return orderFail('INVALID_REASON', 'reason is at most 500 characters.', ['reason']);
  const deps = ctx.deps;
  const outcome = await deps.db.transaction(
    async (tx): Promise<OrderPayload & { effects: AfterCommit[] }> => {
      const order = (await findOrder(tx, orderId, true))!;
      if (!isCancellable(order.status)) {
        return {
          ...orderFail('ORDER_NOT_CANCELLABLE', `An order that is ${order.status} cannot be cancelled.`),
          effects: [],
        };
      }
      if (await fulfilmentStarted(tx, order.id)) {
        return {
          ...orderFail('ORDER_NOT_CANCELLABLE', 'The order is being shipped and can no longer be cancelled.'),
          effects: [],
        };
      }
      if (order.status === 'PENDING_PAYMENT' && order.leaseUntil && order.leaseUntil > new Date()) {
        return {
          ...orderFail('PAYMENT_IN_PROGRESS', 'The payment is being processed; try again in a moment.'),
          effects: [],
        };
      }
      const effects: AfterCommit[] = [
        { kind: 'release_reservation', reservationId: order.id },
        { kind: 'outbox' },
      ];
      // A payment still awaiting 3-D Secure is cancelled at the provider, so finishing it later takes nothing.
      if (order.status === 'PENDING_PAYMENT' && order.paymentIntentId)
        effects.push({ kind: 'void', orderId: order.id, paymentIntentId: order.paymentIntentId });
      const cardRemaining = order.capturedMinor - order.refundedMinor;
      let remaining = 0;
      if (order.status === 'PAID' && cardRemaining > 0 && order.paymentIntentId) {
        const refundId = randomUUID();
        await insertRefund(tx, {
          id: refundId,
          orderId: order.id,
          amountMinor: cardRemaining,
          reason: reason ?? 'order cancelled',
        });
        await addRefunded(tx, order.id, cardRemaining, order.status);
        effects.push({
          kind: 'refund',
          refundId,
          paymentIntentId: order.paymentIntentId,
          amountMinor: cardRemaining,
        });
        remaining += cardRemaining;
      }
      // What gift cards paid goes back to them, whether the order was paid or still awaiting its card payment.
      remaining += await giveBackGiftCards(tx, order.id);
      const cancelled = await transition(tx, order.id, [order.status], 'CANCELLED', {
        cancelReason: reason ?? 'cancelled',
      });
      await enqueueEvents(tx, [eventOf(orderCancelled, orderCancelledPayload(order, remaining))]);
      return { order: cancelled, userErrors: [], effects };
    },
  );
  await runAfterCommit(deps, outcome.effects);
  return { order: outcome.order ? await findOrder(deps.db, orderId) : null, userErrors: outcome.userErrors };
}

export async function refundOrder(
  ctx: Context,
  orderId: string,
  amount: string,
  reason: string | null | undefined,
): Promise<OrderPayload> {
  if (!isAdmin(ctx.principal)) throw new ForbiddenError();
  const deps = ctx.deps;
  const existing = await findOrder(deps.db, orderId);
  if (!existing) return orderFail('ORDER_NOT_FOUND', 'The order does not exist.', ['orderId']);
  let amountMinor: number;
  try {
    amountMinor = parseDecimal(amount, existing.currency);
  } catch (error) {
    if (error instanceof BadInputError) return orderFail('INVALID_AMOUNT', error.message, ['amount']);
    throw error;
  }
  if (amountMinor <= 0) return orderFail('INVALID_AMOUNT', 'The amount must be above zero.', ['amount']);
  if (reason && reason.length > 500)
    return orderFail('INVALID_REASON', 'reason is at most 500 characters.', ['reason']);
  const outcome = await deps.db.transaction(
    async (tx): Promise<OrderPayload & { effects: AfterCommit[] }> => {
      const order = (await findOrder(tx, orderId, true))!;
      if (!isRefundable(order.status) || (!order.paymentIntentId && order.giftCardMinor === 0)) {
        return {
          ...orderFail('ORDER_NOT_REFUNDABLE', `An order that is ${order.status} cannot be refunded.`),
          effects: [],
        };
      }
      const refunded = await refundInTransaction(tx, order, amountMinor, reason ?? null);
      if (!refunded.ok) {
        const message =
          refunded.code === 'REFUND_EXCEEDS_CAPTURED'
            ? 'The amount is more than what is left to refund.'
            : `An order that is ${order.status} cannot be refunded.`;
        return {
          ...orderFail(
            refunded.code,
            message,
            refunded.code === 'REFUND_EXCEEDS_CAPTURED' ? ['amount'] : undefined,
          ),
          effects: [],
        };
      }
      return { order: refunded.order, userErrors: [], effects: refunded.effects };
    },
  );
  await runAfterCommit(deps, outcome.effects);
  return { order: outcome.order, userErrors: outcome.userErrors };
}

/** What is left to refund of an order: on the card and on its gift cards. */
export function refundableOf(order: Order): { cardMinor: number; giftCardMinor: number } {
  return {
    cardMinor: order.capturedMinor - order.refundedMinor,
    giftCardMinor: order.giftCardMinor - order.giftCardRefundedMinor,
  };
}

/**
 * Refunds `amountMinor` of an order inside the caller's transaction (the order row locked): split between
 * the card and the gift cards in proportion to what is left on each, the gift-card part credited at once,
 * the card part left as an effect to run after the commit. The status becomes REFUNDED once nothing is left.
 */
export async function refundInTransaction(
  tx: SqlExecutor,
  order: Order,
  amountMinor: number,
  reason: string | null,
): Promise<
  | { ok: true; order: Order; refundId: string; effects: AfterCommit[] }
  | { ok: false; code: 'REFUND_EXCEEDS_CAPTURED' | 'ORDER_NOT_REFUNDABLE' }
> {
  const left = refundableOf(order);
  const refundable = left.cardMinor + left.giftCardMinor;
  if (amountMinor > refundable) return { ok: false, code: 'REFUND_EXCEEDS_CAPTURED' };
  const next = amountMinor === refundable ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  if (!canTransition(order.status, next)) return { ok: false, code: 'ORDER_NOT_REFUNDABLE' };
  const [cardShare = 0, giftShare = 0] = prorate(amountMinor, [left.cardMinor, left.giftCardMinor]);
  const refundId = randomUUID();
  await insertRefund(tx, { id: refundId, orderId: order.id, amountMinor, reason });
  if (giftShare > 0) {
    await creditGiftCards(tx, order.id, giftShare, `refund:${refundId}`);
    await setRefundCardPart(tx, refundId, cardShare);
  }
  const updated = await addRefunded(tx, order.id, cardShare, next);
  const effects: AfterCommit[] = [{ kind: 'outbox' }];
  if (cardShare > 0 && order.paymentIntentId)
    effects.unshift({
      kind: 'refund',
      refundId,
      paymentIntentId: order.paymentIntentId,
      amountMinor: cardShare,
    });
  else await finishRefund(tx, refundId, 'SUCCEEDED', null);
  await enqueueEvents(tx, [
    eventOf(orderRefunded, {
      orderId: order.id,
      orderNumber: orderNumber(order.number),
      refundId,
      amountMinor,
      currencyCode: order.currency,
    }),
  ]);
  return { ok: true, order: updated, refundId, effects };
}

/**
 * Settles PENDING_PAYMENT orders whose attempt died or whose webhook never came: asks the provider what
 * happened to the order's payment; a payment that never started is given up after the timeout. Also
 * retries refunds whose provider call failed.
 */
export async function reconcile(deps: Deps, now = Date.now()): Promise<number> {
  let settled = 0;
  for (const stale of await findStalePending(deps.db, deps.settings.leaseSeconds)) {
    const order = await claimLease(deps.db, stale.id, deps.settings.leaseSeconds);
    if (!order) continue;
    try {
      // Paid by gift cards alone (debited with the order): only the stock and the PAID step are left.
      if (amountToCharge(order) === 0) {
        await processPayment(deps, order);
        settled++;
        continue;
      }
      const result = order.paymentIntentId
        ? await deps.payments.retrieve(order.paymentIntentId)
        : await deps.payments.findByOrder(order.id, order.createdAt);
      const expired = now - order.createdAt.getTime() > deps.settings.pendingTimeoutSeconds * 1000;
      if (result && result.kind !== 'requires_action' && result.kind !== 'processing') {
        await settle(deps, order.id, result, { leased: true });
        settled++;
      } else if (expired) {
        const intentId = result ? result.paymentIntentId : order.paymentIntentId;
        const effects = await deps.db.transaction(async (tx): Promise<AfterCommit[]> => {
          const cancelled = await transition(tx, order.id, ['PENDING_PAYMENT'], 'CANCELLED', {
            failureCode: 'PAYMENT_TIMEOUT',
            cancelReason: 'payment not completed',
          });
          if (!cancelled) return [];
          await giveBackGiftCards(tx, order.id);
          // The abandoned payment is cancelled at the provider too: authenticating it later takes nothing.
          const voided: AfterCommit[] = intentId
            ? [{ kind: 'void', orderId: order.id, paymentIntentId: intentId }]
            : [];
          return [...voided, { kind: 'release_reservation', reservationId: order.id }];
        });
        await runAfterCommit(deps, effects);
        settled++;
      } else if (result) {
        await settle(deps, order.id, result, { leased: true });
      }
    } catch (error) {
      deps.logger.warn({ err: error, orderId: order.id }, 'reconciling an order failed; will retry');
    } finally {
      await releaseLease(deps.db, order.id).catch(() => undefined);
    }
  }
  const { rows } = await deps.db.query<{ id: string; payment_intent_id: string; amount_minor: string }>(
    `SELECT r.id, o.payment_intent_id, coalesce(r.card_minor, r.amount_minor) AS amount_minor FROM refunds r JOIN orders o ON o.id = r.order_id
      WHERE r.status = 'PENDING' AND coalesce(r.card_minor, r.amount_minor) > 0 AND r.created_at < now() - interval '1 minute' AND o.payment_intent_id IS NOT NULL LIMIT 50`,
  );
  await runAfterCommit(
    deps,
    rows.map((r) => ({
      kind: 'refund' as const,
      refundId: r.id,
      paymentIntentId: r.payment_intent_id,
      amountMinor: Number(r.amount_minor),
    })),
  );
  return settled;
}
