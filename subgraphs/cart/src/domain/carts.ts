// The story of a cart: create, add, update, remove, attach to a shopper, read, and hand a snapshot to checkout.
import type { CartSnapshot } from '@shop/contracts';
import {
  BadInputError,
  ServiceUnavailableError,
  assertCanAccessOwned,
  canAccessOwned,
  customerIdOf,
  requireCustomer,
  toMoney,
  userError,
  type Money,
  type UserError,
} from '@shop/common';
import type { Context, Deps } from '../context';
import { backoffMs, sleep } from '../data/transact';
import {
  addLines,
  mergeCartLines,
  removeLines,
  updateLines,
  type LineFacts,
  type LineInput,
  type LineUpdate,
  type LinesOutcome,
} from './cart-rules';
import {
  LIMITS,
  type CartLineRecord,
  type CartRecord,
  type InventoryLevel,
  type PricedLine,
  type VariantInfo,
} from './types';

export interface CartPayload {
  cart: CartRecord | null;
  userErrors: UserError[];
}

// Enough for a handful of tabs racing on one cart; a pile-up beyond that answers "busy, retry" rather than wait on.
const MAX_WRITE_ATTEMPTS = 16;

function cartNotFound(): CartPayload {
  return { cart: null, userErrors: [userError('CART_NOT_FOUND', 'No open cart with this id.', ['cartId'])] };
}

function expiryFor(deps: Deps, customerId: string | null, now: Date): number | null {
  return customerId ? null : Math.floor(now.getTime() / 1000) + deps.settings.guestCartTtlDays * 24 * 3600;
}

/** The variants the catalog knows among `ids`, through the request's loader. */
async function knownVariants(ctx: Context, ids: string[]): Promise<Map<string, VariantInfo>> {
  const variants = new Map<string, VariantInfo>();
  (await ctx.loaders.variants.loadMany(ids)).forEach((v) => {
    if (v instanceof Error) throw v;
    if (v) variants.set(v.id, v);
  });
  return variants;
}

/** The facts the line rules need: catalog variants (from the request's loader) and fresh stock. */
async function lineFacts(ctx: Context, variantIds: string[]): Promise<LineFacts> {
  const variants = await knownVariants(ctx, [...new Set(variantIds)]);
  const levels = await ctx.deps.inventory.getLevels([...variants.keys()], true);
  const available = new Map([...levels].map(([id, level]) => [id, level.available]));
  return { variants, available, now: ctx.deps.now().toISOString(), newId: ctx.deps.newId };
}

/**
 * Read, change, write with the version read; on a concurrent write, read again and redo the change,
 * so two tabs adding at once both land.
 */
async function changeCart(
  ctx: Context,
  cartId: string,
  change: (cart: CartRecord, stock: Map<string, InventoryLevel>) => Promise<LinesOutcome>,
  /** Variants whose stock the change needs, when known before the cart is read: read with the cart, in one call. */
  stockOf: readonly string[] = [],
): Promise<CartPayload> {
  const { deps } = ctx;
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    // Stock is read afresh with the cart on every attempt, so a retry checks against stock as it is then.
    const { cart, stock } = stockOf.length
      ? await deps.carts.getFreshWithStock(cartId, deps.inventory, stockOf)
      : { cart: await deps.carts.getFresh(cartId), stock: new Map<string, InventoryLevel>() };
    // Someone else's cart answers exactly like a missing one.
    if (!cart || cart.status !== 'OPEN' || !canAccessOwned(ctx.principal, cart.customerId))
      return cartNotFound();
    const outcome = await change(cart, stock);
    if (!outcome.ok) return { cart, userErrors: outcome.errors };
    const now = deps.now();
    const next: CartRecord = {
      ...cart,
      lines: outcome.lines,
      version: cart.version + 1,
      updatedAt: now.toISOString(),
      expiresAt: expiryFor(deps, cart.customerId, now),
    };
    if (await deps.carts.save(next, cart.version)) {
      ctx.loaders.carts.clear(cartId).prime(cartId, next);
      return { cart: next, userErrors: [] };
    }
    await sleep(backoffMs(attempt));
  }
  throw new ServiceUnavailableError('The cart is busy. Please retry.');
}

function tooManyLines(lines: unknown[], field: string[]): CartPayload | null {
  // Checked before any lookup, so a huge input costs nothing.
  return lines.length > LIMITS.maxLines
    ? {
        cart: null,
        userErrors: [userError('TOO_MANY_LINES', `A cart holds at most ${LIMITS.maxLines} lines.`, field)],
      }
    : null;
}

export async function createCart(ctx: Context, lines: LineInput[]): Promise<CartPayload> {
  const refused = tooManyLines(lines, ['input', 'lines']);
  if (refused) return refused;
  const { deps } = ctx;
  const facts = await lineFacts(
    ctx,
    lines.map((l) => l.merchandiseId),
  );
  const outcome = addLines([], lines, facts, ['input', 'lines']);
  if (!outcome.ok) return { cart: null, userErrors: outcome.errors };
  const now = deps.now();
  const customerId = customerIdOf(ctx.principal);
  const cart: CartRecord = {
    id: deps.newId(),
    customerId,
    status: 'OPEN',
    lines: outcome.lines,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: expiryFor(deps, customerId, now),
  };
  await deps.carts.create(cart);
  ctx.loaders.carts.prime(cart.id, cart);
  return { cart, userErrors: [] };
}

export async function addCartLines(ctx: Context, cartId: string, lines: LineInput[]): Promise<CartPayload> {
  const refused = tooManyLines(lines, ['lines']);
  if (refused) return refused;
  const ids = [...new Set(lines.map((l) => l.merchandiseId))];
  // The catalog lookup runs while the cart and stock are read; a cart that turns out missing leaves it unused.
  const known = knownVariants(ctx, ids);
  known.catch(() => undefined);
  const payload = await changeCart(
    ctx,
    cartId,
    async (cart, stock) => {
      // The cart's other lines are looked up in the same round, so the payload's lines and totals need no further call.
      const [variants] = await Promise.all([
        known,
        ctx.loaders.variants.loadMany(cart.lines.map((l) => l.variantId)),
      ]);
      const available = new Map([...stock].map(([id, level]) => [id, level.available]));
      return addLines(cart.lines, lines, {
        variants,
        available,
        now: ctx.deps.now().toISOString(),
        newId: ctx.deps.newId,
      });
    },
    ids,
  );
  const customerId = customerIdOf(ctx.principal);
  if (customerId && payload.cart && !payload.userErrors.length) {
    ctx.deps.cartAdds.report(
      customerId,
      lines.map((l) => ({ variantId: l.merchandiseId, quantity: l.quantity ?? 1 })),
    );
  }
  return payload;
}

export async function updateCartLines(
  ctx: Context,
  cartId: string,
  updates: LineUpdate[],
): Promise<CartPayload> {
  const refused = tooManyLines(updates, ['lines']);
  if (refused) return refused;
  return changeCart(ctx, cartId, async (cart) => {
    const ids = new Set(updates.map((u) => u.id));
    const facts = await lineFacts(
      ctx,
      cart.lines.filter((l) => ids.has(l.id)).map((l) => l.variantId),
    );
    return updateLines(cart.lines, updates, facts);
  });
}

export async function removeCartLines(ctx: Context, cartId: string, lineIds: string[]): Promise<CartPayload> {
  return changeCart(ctx, cartId, async (cart) => removeLines(cart.lines, lineIds));
}

/** Attaches a cart to the signed-in shopper, merging it into their open cart when they have one (see the schema). */
export async function attachBuyer(ctx: Context, cartId: string): Promise<CartPayload> {
  const shopper = requireCustomer(ctx.principal);
  const { deps } = ctx;
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const cart = await deps.carts.getFresh(cartId);
    if (!cart || cart.status !== 'OPEN' || !canAccessOwned(ctx.principal, cart.customerId))
      return cartNotFound();
    const now = deps.now();
    const target = await deps.carts.latestOpenOf(shopper.customerId);
    if (!target || target.id === cart.id) {
      if (cart.customerId === shopper.customerId) return { cart, userErrors: [] };
      const next: CartRecord = {
        ...cart,
        customerId: shopper.customerId,
        version: cart.version + 1,
        updatedAt: now.toISOString(),
        expiresAt: null,
      };
      if (await deps.carts.save(next, cart.version)) {
        ctx.loaders.carts.clear(cartId).prime(cartId, next);
        return { cart: next, userErrors: [] };
      }
    } else {
      const levels = await deps.inventory.getLevels([...new Set(cart.lines.map((l) => l.variantId))], true);
      const available = new Map([...levels].map(([id, level]) => [id, level.available]));
      const merged: CartRecord = {
        ...target,
        lines: mergeCartLines(target.lines, cart.lines, available, deps.newId, now.toISOString()),
        version: target.version + 1,
        updatedAt: now.toISOString(),
      };
      const closed: CartRecord = {
        ...cart,
        status: 'MERGED',
        version: cart.version + 1,
        updatedAt: now.toISOString(),
      };
      if (
        await deps.carts.saveBoth(
          { cart: merged, expectedVersion: target.version },
          { cart: closed, expectedVersion: cart.version },
        )
      ) {
        ctx.loaders.carts.clear(merged.id).prime(merged.id, merged).clear(cartId);
        return { cart: merged, userErrors: [] };
      }
    }
    await sleep(backoffMs(attempt));
  }
  throw new ServiceUnavailableError('The cart is busy. Please retry.');
}

/** A cart for whoever may read it: FORBIDDEN to anyone else, alike whether or not it exists. */
export async function readCart(ctx: Context, cartId: string): Promise<CartRecord> {
  const cart = await ctx.loaders.carts.load(cartId);
  assertCanAccessOwned(ctx.principal, cart ? cart.customerId : undefined);
  return cart!;
}

export async function myCart(ctx: Context): Promise<CartRecord | null> {
  const customerId = customerIdOf(ctx.principal);
  return customerId ? ctx.deps.carts.latestOpenOf(customerId) : null;
}

/** Lines with the catalog's current prices; a line whose variant the catalog no longer knows is left out. */
export async function pricedLines(ctx: Context, cart: CartRecord): Promise<PricedLine[]> {
  const variants = await ctx.loaders.variants.loadMany(cart.lines.map((l) => l.variantId));
  return cart.lines.flatMap((line, i) => {
    // eslint-disable-next-line security/detect-object-injection -- i is a loop counter over the cart's lines, within both arrays
    const variant = variants[i];
    if (variant instanceof Error) throw variant;
    return variant ? [{ cartId: cart.id, line, variant }] : [];
  });
}

export function lineCost(priced: PricedLine): { amountPerQuantity: Money; totalAmount: Money } {
  const { priceMinor, currencyCode } = priced.variant;
  return {
    amountPerQuantity: toMoney(priceMinor, currencyCode),
    totalAmount: toMoney(priceMinor * priced.line.quantity, currencyCode),
  };
}

export function cartCost(
  lines: Pick<PricedLine, 'line' | 'variant'>[],
  defaultCurrency: string,
): { subtotalMinor: number; currencyCode: string } {
  const currencyCode = lines[0]?.variant.currencyCode ?? defaultCurrency;
  const subtotalMinor = lines.reduce((sum, p) => sum + p.variant.priceMinor * p.line.quantity, 0);
  return { subtotalMinor, currencyCode };
}

export async function cartCostMoney(
  ctx: Context,
  cart: CartRecord,
): Promise<{ cartId: string; subtotalAmount: Money; totalAmount: Money }> {
  const { subtotalMinor, currencyCode } = cartCost(
    await pricedLines(ctx, cart),
    ctx.deps.settings.defaultCurrency,
  );
  // Shipping and tax are added at checkout, so a cart's total is its subtotal.
  return {
    cartId: cart.id,
    subtotalAmount: toMoney(subtotalMinor, currencyCode),
    totalAmount: toMoney(subtotalMinor, currencyCode),
  };
}

export const MAX_CROSS_SELL = 20;

export async function crossSell(
  ctx: Context,
  cart: CartRecord,
  first: number,
): Promise<{ __typename: 'Product'; id: string }[]> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_CROSS_SELL)
    throw new BadInputError(`first must be between 0 and ${MAX_CROSS_SELL}`);
  const productIds = [...new Set((await pricedLines(ctx, cart)).map((p) => p.variant.productId))];
  const related = await ctx.deps.catalog.relatedProducts(productIds, productIds, first, ctx.requestId);
  return related.map((id) => ({ __typename: 'Product' as const, id }));
}

export type SnapshotResult =
  { kind: 'ok'; cart: CartSnapshot } | { kind: 'not_found' } | { kind: 'forbidden' };

/** What checkout needs, priced afresh from the catalog. */
export async function snapshotCart(
  deps: Deps,
  cartId: string,
  customerId: string | null,
  requestId?: string,
): Promise<SnapshotResult> {
  const cart = await deps.carts.getFresh(cartId);
  if (!cart || cart.status !== 'OPEN') return { kind: 'not_found' };
  if (cart.customerId !== null && cart.customerId !== customerId) return { kind: 'forbidden' };
  const variants = await deps.catalog.lookupVariants(
    cart.lines.map((l) => l.variantId),
    requestId,
  );
  const priced = cart.lines.flatMap((line: CartLineRecord) => {
    const variant = variants.get(line.variantId);
    return variant ? [{ line, variant }] : [];
  });
  const { subtotalMinor, currencyCode } = cartCost(priced, deps.settings.defaultCurrency);
  return {
    kind: 'ok',
    cart: {
      id: cart.id,
      customerId: cart.customerId,
      currencyCode,
      subtotalMinor,
      lines: priced.map(({ line, variant }) => ({
        id: line.id,
        variantId: variant.id,
        productId: variant.productId,
        title: variant.productTitle,
        variantTitle: variant.title,
        sku: variant.sku,
        quantity: line.quantity,
        unitPriceMinor: variant.priceMinor,
        weightGrams: variant.weightGrams,
        categoryHandles: variant.categoryHandles ?? [],
      })),
    },
  };
}

/** Closes a cart once its order is paid; repeating it changes nothing. */
export async function completeCart(deps: Deps, cartId: string): Promise<void> {
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const cart = await deps.carts.getFresh(cartId);
    if (!cart || cart.status !== 'OPEN') return;
    const now = deps.now();
    if (
      await deps.carts.save(
        { ...cart, status: 'COMPLETED', version: cart.version + 1, updatedAt: now.toISOString() },
        cart.version,
      )
    )
      return;
    await sleep(backoffMs(attempt));
  }
  throw new Error('cart kept changing while being completed');
}
