// Gift cards: issued by an admin with a code shown once, applied to checkouts, debited with the order's row
// (so a debit and its order commit together or not at all, and the order's key makes the debit happen once),
// given back when the order is cancelled and credited when it is refunded. A card's balance never goes below
// zero: debits lock the card's row and the balance has a CHECK.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  BadInputError,
  ForbiddenError,
  isAdmin,
  parseDecimal,
  userError,
  type UserError,
} from '@shop/common';
import type { SqlExecutor } from '@shop/datastores';
import {
  addGiftCardRefunded,
  applyToCheckout,
  checkoutGiftCards,
  findGiftCard,
  findGiftCardByHash,
  hasMovement,
  insertGiftCard,
  listCustomerGiftCards,
  lockGiftCards,
  moveBalance,
  orderGiftCardMovements,
  removeFromCheckout,
  setOrderGiftCardPaid,
  type GiftCardRecord,
} from '../data/gift-cards';
import { findLiveOrderForCheckout } from '../data/orders';
import type { Context } from '../context';
import { checkoutFor, type CheckoutPayload } from './checkout';
import { canSeeCustomer } from './customer-lists';
import type { Checkout } from './types';

// No 0/O or 1/I: a code is read off a card and typed.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GENERATED_LENGTH = 16;
const MIN_LENGTH = 16;

/** Codes compare without case, spaces or dashes ("abcd-efgh …" is "ABCDEFGH…"). */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashCode(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}

/** 16 characters of 32 from the OS's secure random source: 80 bits. */
export function generateCode(): string {
  let code = '';
  for (let i = 0; i < GENERATED_LENGTH; i++) code += ALPHABET.charAt(randomInt(ALPHABET.length));
  return code;
}

export interface GiftCardCreateResult {
  giftCard: GiftCardRecord | null;
  /** The code, this once; only its hash is kept. */
  code: string | null;
  userErrors: UserError[];
}

export interface GiftCardCreateInput {
  initialValue: { amount: string; currencyCode: string };
  code?: string | null;
  expiresOn?: string | null;
  customerId?: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function createGiftCard(
  ctx: Context,
  input: GiftCardCreateInput,
): Promise<GiftCardCreateResult> {
  if (!isAdmin(ctx.principal)) throw new ForbiddenError();
  const errors: UserError[] = [];
  const fail = (...e: UserError[]): GiftCardCreateResult => ({ giftCard: null, code: null, userErrors: e });
  let initialMinor = 0;
  try {
    initialMinor = parseDecimal(input.initialValue.amount, input.initialValue.currencyCode);
    if (initialMinor <= 0)
      errors.push(
        userError('INVALID_AMOUNT', 'The initial value must be above zero.', [
          'input',
          'initialValue',
          'amount',
        ]),
      );
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    errors.push(userError('INVALID_AMOUNT', error.message, ['input', 'initialValue', 'amount']));
  }
  const code = input.code ? normaliseCode(input.code) : generateCode();
  if (code.length < MIN_LENGTH || code.length > 64 || !/^[A-Z0-9]+$/.test(code)) {
    errors.push(
      userError('INVALID_CODE', `code must be ${MIN_LENGTH} to 64 letters and digits.`, ['input', 'code']),
    );
  }
  const expiresOn = input.expiresOn?.trim() || null;
  if (expiresOn && (!DATE.test(expiresOn) || Number.isNaN(Date.parse(`${expiresOn}T00:00:00Z`)))) {
    errors.push(
      userError('INVALID_DATE', 'expiresOn must be a date such as 2027-12-31.', ['input', 'expiresOn']),
    );
  }
  if (input.customerId && input.customerId.length > 100)
    errors.push(userError('INVALID_CUSTOMER', 'The customer id is not valid.', ['input', 'customerId']));
  if (errors.length) return fail(...errors);
  if (await findGiftCardByHash(ctx.deps.db, hashCode(code))) {
    return fail(
      userError('GIFT_CARD_CODE_TAKEN', 'A gift card with this code exists already.', ['input', 'code']),
    );
  }
  const giftCard = await insertGiftCard(ctx.deps.db, {
    id: randomUUID(),
    codeHash: hashCode(code),
    lastCharacters: code.slice(-4),
    currency: input.initialValue.currencyCode,
    initialMinor,
    expiresOn,
    customerId: input.customerId ?? null,
  });
  return { giftCard, code, userErrors: [] };
}

export async function giftCardById(ctx: Context, id: string): Promise<GiftCardRecord | null> {
  if (!isAdmin(ctx.principal)) throw new ForbiddenError();
  return findGiftCard(ctx.deps.db, id);
}

export async function customerGiftCards(ctx: Context, customerId: string): Promise<GiftCardRecord[]> {
  if (!canSeeCustomer(ctx.principal, customerId)) throw new ForbiddenError();
  return listCustomerGiftCards(ctx.deps.db, customerId);
}

/** Whether a card can pay today (UTC): not past its last day. */
export function isUsable(card: GiftCardRecord, now: Date): boolean {
  return card.expiresOn === null || card.expiresOn >= now.toISOString().slice(0, 10);
}

const checkoutFail = (code: string, message: string, field: string[]): CheckoutPayload => ({
  checkout: null,
  userErrors: [userError(code, message, field)],
});

async function openCheckout(ctx: Context, checkoutId: string): Promise<Checkout | CheckoutPayload> {
  const checkout = await checkoutFor(ctx, checkoutId);
  if (!checkout) return checkoutFail('CHECKOUT_NOT_FOUND', 'The checkout does not exist.', ['checkoutId']);
  if (await findLiveOrderForCheckout(ctx.deps.db, checkout.id)) {
    return checkoutFail('CHECKOUT_COMPLETED', 'This checkout has already been completed.', ['checkoutId']);
  }
  return checkout;
}

export async function applyGiftCard(
  ctx: Context,
  checkoutId: string,
  code: string,
): Promise<CheckoutPayload> {
  const opened = await openCheckout(ctx, checkoutId);
  if (!('id' in opened)) return opened;
  // A wrong code, another currency's card and an empty card all answer alike to a guesser except for their own card.
  const card = code.length <= 100 ? await findGiftCardByHash(ctx.deps.db, hashCode(code)) : null;
  if (!card) return checkoutFail('GIFT_CARD_NOT_FOUND', 'The gift card code is not valid.', ['code']);
  if (!isUsable(card, new Date()))
    return checkoutFail('GIFT_CARD_EXPIRED', 'The gift card has expired.', ['code']);
  if (card.currency !== opened.currency)
    return checkoutFail(
      'GIFT_CARD_CURRENCY_MISMATCH',
      `The gift card is in ${card.currency}; the checkout is in ${opened.currency}.`,
      ['code'],
    );
  if (card.balanceMinor === 0)
    return checkoutFail('GIFT_CARD_DEPLETED', 'The gift card has no balance left.', ['code']);
  await applyToCheckout(ctx.deps.db, opened.id, card.id);
  return { checkout: opened, userErrors: [] };
}

export async function removeGiftCard(
  ctx: Context,
  checkoutId: string,
  giftCardId: string,
): Promise<CheckoutPayload> {
  const opened = await openCheckout(ctx, checkoutId);
  if (!('id' in opened)) return opened;
  if (!(await removeFromCheckout(ctx.deps.db, opened.id, giftCardId))) {
    return checkoutFail('GIFT_CARD_NOT_APPLIED', 'That gift card is not applied to this checkout.', [
      'giftCardId',
    ]);
  }
  return { checkout: opened, userErrors: [] };
}

export interface AppliedGiftCardModel {
  card: GiftCardRecord;
  /** What the card would pay of the checkout now. */
  amountUsedMinor: number;
}

/** Takes cards in the order applied, each as far as its balance (or the rest of the total) goes. */
export function allocateGiftCards(
  cards: GiftCardRecord[],
  totalMinor: number,
  now: Date,
): AppliedGiftCardModel[] {
  let remaining = totalMinor;
  return cards.map((card) => {
    const amountUsedMinor = isUsable(card, now) ? Math.min(card.balanceMinor, remaining) : 0;
    remaining -= amountUsedMinor;
    return { card, amountUsedMinor };
  });
}

export async function appliedGiftCards(db: SqlExecutor, checkout: Checkout): Promise<AppliedGiftCardModel[]> {
  return allocateGiftCards(await checkoutGiftCards(db, checkout.id), checkout.totalMinor, new Date());
}

const debitKey = (orderId: string, giftCardId: string) => `debit:${orderId}:${giftCardId}`;

/**
 * Debits the checkout's gift cards for an order, inside the transaction that inserts the order: the cards'
 * rows are locked, each debit is keyed by order and card, and the order records what they paid.
 * Returns what the gift cards paid in all.
 */
export async function debitGiftCardsForOrder(
  tx: SqlExecutor,
  checkoutId: string,
  orderId: string,
  totalMinor: number,
): Promise<number> {
  const applied = await checkoutGiftCards(tx, checkoutId);
  if (!applied.length) return 0;
  const locked = await lockGiftCards(
    tx,
    applied.map((c) => c.id),
  );
  const plan = allocateGiftCards(
    applied.map((c) => locked.get(c.id) ?? c),
    totalMinor,
    new Date(),
  );
  let paid = 0;
  for (const { card, amountUsedMinor } of plan) {
    if (amountUsedMinor <= 0) continue;
    const key = debitKey(orderId, card.id);
    if (await hasMovement(tx, key)) continue;
    if (
      !(await moveBalance(tx, {
        id: randomUUID(),
        giftCardId: card.id,
        orderId,
        deltaMinor: -amountUsedMinor,
        idempotencyKey: key,
      }))
    ) {
      throw new Error('a locked gift card did not cover its planned debit');
    }
    paid += amountUsedMinor;
  }
  await setOrderGiftCardPaid(tx, orderId, paid);
  return paid;
}

/** What each card has paid of the order, net of what went back to it. */
async function netPaidPerCard(tx: SqlExecutor, orderId: string): Promise<Map<string, number>> {
  const net = new Map<string, number>();
  for (const m of await orderGiftCardMovements(tx, orderId))
    net.set(m.giftCardId, (net.get(m.giftCardId) ?? 0) - m.amountMinor);
  return net;
}

/**
 * Credits `amountMinor` of an order back to the cards that paid it, spread over them in proportion to what
 * each still has paid (the largest remainders take the leftover cents), once for `reference`. Returns what
 * was credited (at most what the cards still have paid).
 */
export async function creditGiftCards(
  tx: SqlExecutor,
  orderId: string,
  amountMinor: number,
  reference: string,
): Promise<number> {
  const net = [...(await netPaidPerCard(tx, orderId))]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const left = net.reduce((s, [, n]) => s + n, 0);
  const amount = Math.min(amountMinor, left);
  if (amount <= 0) return 0;
  const shares = prorate(
    amount,
    net.map(([, n]) => n),
  );
  await lockGiftCards(
    tx,
    net.map(([id]) => id),
  );
  let credited = 0;
  for (const [i, [giftCardId]] of net.entries()) {
    const share = shares.at(i) ?? 0;
    const key = `credit:${reference}:${giftCardId}`;
    if (share <= 0 || (await hasMovement(tx, key))) continue;
    await moveBalance(tx, { id: randomUUID(), giftCardId, orderId, deltaMinor: share, idempotencyKey: key });
    credited += share;
  }
  await addGiftCardRefunded(tx, orderId, credited);
  return credited;
}

/** Everything the cards paid of an order goes back to them (a cancelled or unpaid order). */
export async function giveBackGiftCards(tx: SqlExecutor, orderId: string): Promise<number> {
  return creditGiftCards(tx, orderId, Number.MAX_SAFE_INTEGER, `cancel:${orderId}`);
}

/**
 * Splits `amount` over `weights` in proportion, in integer minor units that sum exactly to `amount`: each
 * share is rounded down and the cents left over go one each to the largest remainders (ties to the first).
 */
export function prorate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(amount) * BigInt(w));
  const floors = exact.map((e) => Number(e / BigInt(total)));
  const leftover = amount - floors.reduce((a, b) => a + b, 0);
  const bonus = new Set(
    exact
      .map((e, i) => ({ i, rem: e % BigInt(total) }))
      .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1))
      .slice(0, leftover)
      .map(({ i }) => i),
  );
  return floors.map((f, i) => f + (bonus.has(i) ? 1 : 0));
}
