// Promotions: admins create, change and deactivate discounts; a cart carries codes; the active set is cached
// per process and indexed by what each discount applies to, so pricing a cart looks at few of them.
import { randomUUID } from 'node:crypto';
import {
  BadInputError,
  ForbiddenError,
  customerIdOf,
  isAdmin,
  pageSize,
  parseDecimal,
  toConnection,
  userError,
  type Connection,
  type UserError,
} from '@shop/common';
import { isUniqueViolation, type SqlExecutor } from '@shop/datastores';
import {
  cartCodes,
  findDiscount,
  insertDiscount,
  listActiveDiscounts,
  listDiscounts,
  reserveUse,
  setCartCodes,
  updateDiscount,
  usageOf,
  type StoredDiscount,
} from '../data/discounts';
import type { Context } from '../context';
import { decodeCreatedAtCursor, encodeCreatedAtCursor } from './customer-lists';
import type { Deps } from './deps';
import { pricingLines } from './pricing';
import {
  DISCOUNT_KINDS,
  DiscountIndex,
  evaluateDiscounts,
  normaliseCode,
  type Discount,
  type DiscountKind,
  type Evaluation,
  type PricingLine,
} from './discounts';

export interface DiscountInput {
  title?: string | null;
  code?: string | null;
  automatic?: boolean | null;
  kind?: DiscountKind | null;
  value?: string | null;
  currencyCode?: string | null;
  buyQuantity?: number | null;
  getQuantity?: number | null;
  appliesTo?: { productIds?: readonly string[] | null; categoryHandles?: readonly string[] | null } | null;
  minimumSubtotal?: string | null;
  startsAt?: Date | string | null;
  endsAt?: Date | string | null;
  usageLimit?: number | null;
  oncePerCustomer?: boolean | null;
  combinesWith?: {
    orderDiscounts?: boolean | null;
    productDiscounts?: boolean | null;
    shippingDiscounts?: boolean | null;
  } | null;
}

export interface DiscountPayload {
  discount: StoredDiscount | null;
  userErrors: UserError[];
}

const CODE = /^[A-Za-z0-9_-]{3,64}$/;
const MAX_TARGETS = 500;

/** Percent as a decimal string ("12.5") into parts per million, at most four decimals, above 0 and at most 100. */
function parsePercent(value: string): number | null {
  // eslint-disable-next-line security/detect-unsafe-regex -- linear: a bounded digit run and an optional bounded fraction
  const m = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(value.trim());
  if (!m) return null;
  const ppm = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return ppm > 0 && ppm <= 1_000_000 ? ppm : null;
}

function toDate(v: Date | string | null | undefined): Date | null | 'invalid' {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? 'invalid' : d;
}

/** The discount an input describes on top of `base` (a new discount's defaults, or the stored one), or its errors. */
export function buildDiscount(
  base: Discount,
  input: DiscountInput,
): { discount: Discount } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const bad = (field: string, message: string) =>
    errors.push(userError('INVALID_DISCOUNT', message, ['input', field]));
  const title = input.title === undefined || input.title === null ? base.title : input.title.trim();
  if (!title || title.length > 200) bad('title', 'title is 1 to 200 characters.');
  const automatic = input.automatic ?? base.code === null;
  let code = input.code === undefined ? base.code : input.code === null ? null : normaliseCode(input.code);
  if (automatic) {
    if (input.code) bad('code', 'An automatic discount has no code.');
    code = null;
  } else if (!code || !CODE.test(code)) {
    bad('code', 'A code is 3 to 64 letters, digits, dashes or underscores.');
  }
  const kind = input.kind ?? base.kind;
  if (!DISCOUNT_KINDS.includes(kind)) bad('kind', 'Unknown kind.');
  const currencyCode = input.currencyCode ?? base.currencyCode;
  let value = base.value;
  const money = (raw: string, field: string): number | null => {
    try {
      return parseDecimal(raw, currencyCode);
    } catch (error) {
      if (error instanceof BadInputError) {
        bad(field, error.message);
        return null;
      }
      throw error;
    }
  };
  if (input.value !== undefined && input.value !== null) {
    if (kind === 'PERCENTAGE' || kind === 'BUY_X_GET_Y') {
      const ppm = parsePercent(input.value);
      if (ppm === null) bad('value', 'value is a percentage above 0 and at most 100, such as "12.5".');
      else value = ppm;
    } else if (kind === 'FIXED_AMOUNT') {
      const minor = money(input.value, 'value');
      if (minor !== null && minor <= 0) bad('value', 'value must be above zero.');
      else if (minor !== null) value = minor;
    }
  } else if (kind === 'BUY_X_GET_Y' && base.kind !== 'BUY_X_GET_Y') {
    value = 1_000_000;
  } else if (kind !== 'FREE_SHIPPING' && (base.kind !== kind || value <= 0)) {
    bad('value', `A ${kind} discount needs a value.`);
  }
  if (kind === 'FREE_SHIPPING') value = 0;
  const buyQuantity = input.buyQuantity ?? base.buyQuantity;
  const getQuantity = input.getQuantity ?? base.getQuantity;
  if (
    kind === 'BUY_X_GET_Y' &&
    (!(buyQuantity >= 1 && buyQuantity <= 100) || !(getQuantity >= 1 && getQuantity <= 100))
  ) {
    bad('buyQuantity', 'A buy X get Y discount needs buyQuantity and getQuantity from 1 to 100.');
  }
  const productIds = [...new Set(input.appliesTo?.productIds ?? base.appliesTo.productIds)];
  const categoryHandles = [...new Set(input.appliesTo?.categoryHandles ?? base.appliesTo.categoryHandles)];
  if (
    productIds.length > MAX_TARGETS ||
    categoryHandles.length > MAX_TARGETS ||
    [...productIds, ...categoryHandles].some((s) => s.length > 100)
  ) {
    bad('appliesTo', `appliesTo names at most ${MAX_TARGETS} products and ${MAX_TARGETS} categories.`);
  }
  let minimumSubtotalMinor = base.minimumSubtotalMinor;
  if (input.minimumSubtotal !== undefined)
    minimumSubtotalMinor =
      input.minimumSubtotal === null ? null : money(input.minimumSubtotal, 'minimumSubtotal');
  const startsAt = input.startsAt === undefined ? base.startsAt : toDate(input.startsAt);
  const endsAt = input.endsAt === undefined ? base.endsAt : toDate(input.endsAt);
  if (startsAt === 'invalid') bad('startsAt', 'startsAt is not a date.');
  if (endsAt === 'invalid') bad('endsAt', 'endsAt is not a date.');
  if (startsAt instanceof Date && endsAt instanceof Date && endsAt <= startsAt)
    bad('endsAt', 'endsAt must be after startsAt.');
  const usageLimit = input.usageLimit === undefined ? base.usageLimit : input.usageLimit;
  if (
    usageLimit !== null &&
    !(Number.isInteger(usageLimit) && usageLimit >= 1 && usageLimit <= 1_000_000_000)
  ) {
    bad('usageLimit', 'usageLimit is a whole number of at least 1.');
  }
  const c = input.combinesWith;
  const combinesWith = {
    orderDiscounts: c?.orderDiscounts ?? base.combinesWith.orderDiscounts,
    productDiscounts: c?.productDiscounts ?? base.combinesWith.productDiscounts,
    shippingDiscounts: c?.shippingDiscounts ?? base.combinesWith.shippingDiscounts,
  };
  if (errors.length) return { errors };
  return {
    discount: {
      ...base,
      title,
      code,
      kind,
      value,
      currencyCode,
      buyQuantity: kind === 'BUY_X_GET_Y' ? buyQuantity : 0,
      getQuantity: kind === 'BUY_X_GET_Y' ? getQuantity : 0,
      appliesTo: { productIds, categoryHandles },
      minimumSubtotalMinor,
      startsAt: startsAt as Date | null,
      endsAt: endsAt as Date | null,
      usageLimit,
      oncePerCustomer: input.oncePerCustomer ?? base.oncePerCustomer,
      combinesWith,
    },
  };
}

const NEW_DISCOUNT = (id: string): Discount => ({
  id,
  title: '',
  code: null,
  kind: 'PERCENTAGE',
  value: 0,
  currencyCode: 'USD',
  buyQuantity: 0,
  getQuantity: 0,
  appliesTo: { productIds: [], categoryHandles: [] },
  minimumSubtotalMinor: null,
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  oncePerCustomer: false,
  combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
  active: true,
});

function requireAdmin(ctx: Context): void {
  if (!isAdmin(ctx.principal)) throw new ForbiddenError();
}

const taken = (): DiscountPayload => ({
  discount: null,
  userErrors: [userError('DISCOUNT_CODE_TAKEN', 'Another discount has this code.', ['input', 'code'])],
});

export async function createDiscount(ctx: Context, input: DiscountInput): Promise<DiscountPayload> {
  requireAdmin(ctx);
  if (input.automatic === undefined || input.automatic === null) input = { ...input, automatic: !input.code };
  const built = buildDiscount(NEW_DISCOUNT(randomUUID()), input);
  if ('errors' in built) return { discount: null, userErrors: built.errors };
  try {
    const discount = await insertDiscount(ctx.deps.db, built.discount);
    forgetActiveDiscounts(ctx.deps);
    return { discount, userErrors: [] };
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}

const notFound = (): DiscountPayload => ({
  discount: null,
  userErrors: [userError('DISCOUNT_NOT_FOUND', 'The discount does not exist.', ['id'])],
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function changeDiscount(
  ctx: Context,
  id: string,
  input: DiscountInput,
): Promise<DiscountPayload> {
  requireAdmin(ctx);
  if (!UUID.test(id)) return notFound();
  try {
    return await ctx.deps.db.transaction(async (tx) => {
      const stored = await findDiscount(tx, id, true);
      if (!stored) return notFound();
      const built = buildDiscount(stored, input);
      if ('errors' in built) return { discount: null, userErrors: built.errors };
      const discount = await updateDiscount(tx, built.discount);
      forgetActiveDiscounts(ctx.deps);
      return { discount, userErrors: [] };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}

export async function deactivateDiscount(ctx: Context, id: string): Promise<DiscountPayload> {
  requireAdmin(ctx);
  if (!UUID.test(id)) return notFound();
  return ctx.deps.db.transaction(async (tx) => {
    const stored = await findDiscount(tx, id, true);
    if (!stored) return notFound();
    const discount = await updateDiscount(tx, { ...stored, active: false });
    forgetActiveDiscounts(ctx.deps);
    return { discount, userErrors: [] };
  });
}

export async function discountsPage(
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<StoredDiscount>> {
  requireAdmin(ctx);
  const limit = pageSize(first);
  const cursor = decodeCreatedAtCursor(after);
  const { rows, total } = await listDiscounts(ctx.deps.db, limit, cursor);
  return toConnection(rows, limit, encodeCreatedAtCursor, total, cursor !== null);
}

/**
 * How long this process trusts its copy of the active discounts. A change made here is seen at once; one made by
 * another instance within this window. Usage limits are never taken from the copy: they are counted, under a lock,
 * when a checkout completes.
 */
const ACTIVE_TTL_MS = 2_000;
const activeCache = new WeakMap<
  object,
  { index: DiscountIndex; byId: Map<string, Discount>; loadedAt: number; loading?: Promise<void> }
>();

export function forgetActiveDiscounts(deps: Deps): void {
  activeCache.delete(deps.db);
}

export async function activeDiscounts(
  deps: Deps,
): Promise<{ index: DiscountIndex; byId: Map<string, Discount> }> {
  const cached = activeCache.get(deps.db);
  if (cached && Date.now() - cached.loadedAt < ACTIVE_TTL_MS) return cached;
  const all = await listActiveDiscounts(deps.db);
  const entry = {
    index: new DiscountIndex(all),
    byId: new Map<string, Discount>(all.map((d) => [d.id, d])),
    loadedAt: Date.now(),
  };
  activeCache.set(deps.db, entry);
  return entry;
}

/** Prices a set of lines with the discounts that apply now: the automatic ones and the codes given. */
export async function evaluateFor(
  deps: Deps,
  db: SqlExecutor,
  input: {
    lines: PricingLine[];
    currencyCode: string;
    shippingMinor: number | null;
    codes: string[];
    customerKey: string | null;
    candidates?: Discount[];
  },
): Promise<{ evaluation: Evaluation; considered: Discount[] }> {
  const considered =
    input.candidates ?? (await activeDiscounts(deps)).index.candidates(input.lines, input.codes);
  // Only limited discounts need their uses counted; the rest are not read from the database at all.
  const counted = considered.filter(
    (d) => d.usageLimit !== null || (d.oncePerCustomer && input.customerKey !== null),
  );
  const usage = await usageOf(
    db,
    counted.map((d) => d.id),
    input.customerKey,
  );
  const evaluation = evaluateDiscounts({
    lines: input.lines,
    currencyCode: input.currencyCode,
    shippingMinor: input.shippingMinor,
    discounts: considered,
    codes: input.codes,
    now: new Date(),
    usage: (id) => usage.get(id) ?? { taken: 0, usedByCustomer: false },
  });
  return { evaluation, considered };
}

/** Who a oncePerCustomer discount counts against: the signed-in customer, else the checkout's email. */
export function customerKeyOf(customerId: string | null, email: string | null): string | null {
  if (customerId) return `customer:${customerId}`;
  return email ? `email:${email.trim().toLowerCase()}` : null;
}

export interface CartDiscounts {
  cartId: string;
  currencyCode: string;
  codes: string[];
  evaluation: Evaluation;
  lines: { id: string; subtotalMinor: number }[];
}

const perRequest = new WeakMap<Context, Map<string, Promise<CartDiscounts | null>>>();

/** cartDiscounts once per cart per request, however many of its fields a query asks for. */
export function cartDiscountsOnce(ctx: Context, cartId: string): Promise<CartDiscounts | null> {
  let memo = perRequest.get(ctx);
  if (!memo) perRequest.set(ctx, (memo = new Map()));
  let found = memo.get(cartId);
  if (!found) memo.set(cartId, (found = cartDiscounts(ctx, cartId)));
  return found;
}

/** The discounts on a cart, as the cart's owner would be charged them at checkout before shipping is chosen. */
export async function cartDiscounts(ctx: Context, cartId: string): Promise<CartDiscounts | null> {
  const customerId = customerIdOf(ctx.principal);
  const snapshot = await ctx.deps.cart.snapshot(cartId, customerId);
  if (!snapshot.ok) return null;
  const cart = snapshot.cart;
  const codes = await cartCodes(ctx.deps.db, cart.id);
  const lines = pricingLines(cart.lines);
  const { evaluation } = await evaluateFor(ctx.deps, ctx.deps.db, {
    lines,
    currencyCode: cart.currencyCode,
    shippingMinor: null,
    codes,
    customerKey: customerKeyOf(cart.customerId ?? customerId, null),
  });
  return {
    cartId: cart.id,
    currencyCode: cart.currencyCode,
    codes,
    evaluation,
    lines: lines.map((l) => ({ id: l.id, subtotalMinor: l.unitPriceMinor * l.quantity })),
  };
}

const MESSAGES: Record<string, string> = {
  DISCOUNT_CODE_INVALID: 'This discount code is not valid.',
  DISCOUNT_CODE_EXPIRED: 'This discount code has expired.',
  DISCOUNT_USAGE_LIMIT_REACHED: 'This discount code has been used as many times as it may be.',
  DISCOUNT_MINIMUM_NOT_MET: 'The cart does not reach the minimum subtotal for this discount code.',
  DISCOUNT_NOT_COMBINABLE: 'This discount code cannot be combined with the other discounts on the cart.',
};

export function discountCodeErrors(evaluation: Evaluation, path: string[]): UserError[] {
  return evaluation.codes.flatMap((c, i) =>
    c.error
      ? [userError(c.error, MESSAGES[c.error] ?? 'This discount code does not apply.', [...path, String(i)])]
      : [],
  );
}

/**
 * cartDiscountCodesUpdate: replaces the cart's codes. Codes that do not apply are kept (applicable: false, as
 * Shopify keeps them) and each says why in userErrors; the next change to the cart may make them apply.
 */
export async function updateCartDiscountCodes(
  ctx: Context,
  cartId: string,
  codes: readonly string[],
): Promise<{ cart: { id: string } | null; userErrors: UserError[] }> {
  if (codes.length > 10 || codes.some((c) => c.length > 64)) {
    return {
      cart: null,
      userErrors: [
        userError('DISCOUNT_CODE_INVALID', 'At most 10 codes of at most 64 characters.', ['discountCodes']),
      ],
    };
  }
  const snapshot = await ctx.deps.cart.snapshot(cartId, customerIdOf(ctx.principal));
  if (!snapshot.ok)
    return { cart: null, userErrors: [userError('CART_NOT_FOUND', 'The cart does not exist.', ['cartId'])] };
  const unique = [...new Set(codes.map(normaliseCode).filter(Boolean))];
  await setCartCodes(ctx.deps.db, snapshot.cart.id, unique);
  const discounts = await cartDiscounts(ctx, snapshot.cart.id);
  return {
    cart: { id: snapshot.cart.id },
    userErrors: discounts ? discountCodeErrors(discounts.evaluation, ['discountCodes']) : [],
  };
}

/** The discounts a new checkout is priced with: the automatic ones that apply and the cart's codes that do. */
export async function discountsForCheckout(
  deps: Deps,
  input: { cartId: string; lines: PricingLine[]; currencyCode: string; customerKey: string | null },
): Promise<{ discounts: Discount[]; codes: string[] }> {
  const codes = await cartCodes(deps.db, input.cartId);
  const { evaluation, considered } = await evaluateFor(deps, deps.db, {
    ...input,
    shippingMinor: null,
    codes,
  });
  // A free-shipping discount is among the applied with nothing to take until a rate is chosen.
  const applied = new Set(evaluation.applied.map((a) => a.discountId));
  return {
    discounts: considered.filter((d) => applied.has(d.id)),
    codes: evaluation.codes.filter((c) => c.applicable).map((c) => c.code),
  };
}

export type CompletionDiscounts =
  | { kind: 'ok'; appliedIds: string[] }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'changed'; discounts: Discount[] };

/**
 * Inside the completion's transaction: the checkout's discounts re-read as they are now, the limited ones locked
 * (in id order, so two completions never wait on each other in a cycle) and their uses counted, so the Nth use is
 * the last whatever the concurrency. A code that no longer applies refuses the completion with its reason; an
 * amount that moved otherwise answers `changed` with the terms to re-price with.
 */
export async function discountsAtCompletion(
  tx: SqlExecutor,
  checkout: {
    lines: PricingLine[];
    currency: string;
    shippingMinor: number;
    discounts: Discount[];
    discountCodes: string[];
    discountMinor: number;
  },
  customerKey: string | null,
  now: Date,
): Promise<CompletionDiscounts> {
  if (!checkout.discounts.length) return { kind: 'ok', appliedIds: [] };
  const fresh: StoredDiscount[] = [];
  for (const d of [...checkout.discounts].sort((a, b) => a.id.localeCompare(b.id))) {
    const limited = d.usageLimit !== null || d.oncePerCustomer;
    const current = await findDiscount(tx, d.id, limited);
    if (current) fresh.push(current);
  }
  const usage = await usageOf(
    tx,
    fresh.map((d) => d.id),
    customerKey,
  );
  const evaluation = evaluateDiscounts({
    lines: checkout.lines,
    currencyCode: checkout.currency,
    shippingMinor: checkout.shippingMinor,
    discounts: fresh,
    codes: checkout.discountCodes,
    now,
    usage: (id) => usage.get(id) ?? { taken: 0, usedByCustomer: false },
  });
  const refused = evaluation.codes.find((c) => !c.applicable);
  if (refused) {
    const code = refused.error ?? 'DISCOUNT_CODE_INVALID';
    // eslint-disable-next-line security/detect-object-injection -- code is one of the engine's own codes
    return { kind: 'refused', code, message: MESSAGES[code] ?? 'This discount code no longer applies.' };
  }
  if (evaluation.totalMinor !== checkout.discountMinor) {
    const applied = new Set(evaluation.applied.map((a) => a.discountId));
    return { kind: 'changed', discounts: fresh.filter((d) => applied.has(d.id)) };
  }
  return { kind: 'ok', appliedIds: evaluation.applied.map((a) => a.discountId) };
}

/** Reserves one use of each discount the order applies; committed or released with the order's status. */
export async function reserveDiscountUses(
  tx: SqlExecutor,
  orderId: string,
  discountIds: string[],
  customerKey: string | null,
): Promise<void> {
  for (const id of discountIds) await reserveUse(tx, id, orderId, customerKey);
}
