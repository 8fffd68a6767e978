// The rules of a cart's lines, pure: quantity bounds, the line cap, stock, and how two carts merge.
import { userError, type UserError } from '@shop/common';
import { LIMITS, type CartLineRecord, type VariantInfo } from './types';

export interface LineInput {
  merchandiseId: string;
  /** GraphQL fills in the default of 1. */
  quantity?: number | null;
}

export interface LineUpdate {
  id: string;
  quantity: number;
}

export interface LineFacts {
  /** Variants the catalog knows, by id. */
  variants: Map<string, VariantInfo>;
  /** Units available now, by variant id (absent: none). */
  available: Map<string, number>;
  now: string;
  newId: () => string;
}

export type LinesOutcome = { ok: true; lines: CartLineRecord[] } | { ok: false; errors: UserError[] };

export function quantityInBounds(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= LIMITS.minQuantity && quantity <= LIMITS.maxQuantity;
}

function name(variantId: string, variants: Map<string, VariantInfo>): string {
  const v = variants.get(variantId);
  return v ? `${v.productTitle} (${v.title})` : variantId;
}

function stockMessage(variantId: string, facts: LineFacts): string {
  const left = Math.max(0, facts.available.get(variantId) ?? 0);
  return left === 0
    ? `${name(variantId, facts.variants)} is out of stock.`
    : `Only ${left} of ${name(variantId, facts.variants)} ${left === 1 ? 'is' : 'are'} available.`;
}

/**
 * Adds lines: a variant already in the cart gets its quantity increased. All or nothing: every
 * problem is reported, each at the input line that caused it (`field` starts with `fieldPrefix`).
 */
export function addLines(
  current: CartLineRecord[],
  inputs: LineInput[],
  facts: LineFacts,
  fieldPrefix: string[] = ['lines'],
): LinesOutcome {
  const errors: UserError[] = [];
  const lines = current.map((line) => ({ ...line }));
  const byVariant = new Map(lines.map((line) => [line.variantId, line]));
  inputs.forEach((input, i) => {
    const at = [...fieldPrefix, String(i)];
    const quantity = input.quantity ?? 1;
    if (!quantityInBounds(quantity)) {
      errors.push(
        userError(
          'INVALID_QUANTITY',
          `Quantity must be a whole number from ${LIMITS.minQuantity} to ${LIMITS.maxQuantity}.`,
          [...at, 'quantity'],
        ),
      );
      return;
    }
    if (!facts.variants.has(input.merchandiseId)) {
      errors.push(
        userError('INVALID_MERCHANDISE', 'This product variant does not exist.', [...at, 'merchandiseId']),
      );
      return;
    }
    let line = byVariant.get(input.merchandiseId);
    if (!line) {
      line = { id: facts.newId(), variantId: input.merchandiseId, quantity: 0, addedAt: facts.now };
      byVariant.set(line.variantId, line);
      lines.push(line);
    }
    line.quantity += quantity;
    if (line.quantity > LIMITS.maxQuantity) {
      errors.push(
        userError('INVALID_QUANTITY', `A cart line holds at most ${LIMITS.maxQuantity} units.`, [
          ...at,
          'quantity',
        ]),
      );
    } else if (line.quantity > (facts.available.get(line.variantId) ?? 0)) {
      errors.push(userError('INSUFFICIENT_STOCK', stockMessage(line.variantId, facts), [...at, 'quantity']));
    }
  });
  if (!errors.length && lines.length > LIMITS.maxLines) {
    errors.push(userError('TOO_MANY_LINES', `A cart holds at most ${LIMITS.maxLines} lines.`, fieldPrefix));
  }
  return errors.length ? { ok: false, errors } : { ok: true, lines };
}

/** Sets quantities of existing lines; a quantity above the stock is refused, naming the line. */
export function updateLines(
  current: CartLineRecord[],
  updates: LineUpdate[],
  facts: LineFacts,
): LinesOutcome {
  const errors: UserError[] = [];
  const lines = current.map((line) => ({ ...line }));
  const byId = new Map(lines.map((line) => [line.id, line]));
  updates.forEach((update, i) => {
    const line = byId.get(update.id);
    if (!line) {
      errors.push(userError('INVALID_LINE', 'This line is not in the cart.', ['lines', String(i), 'id']));
      return;
    }
    if (!quantityInBounds(update.quantity)) {
      errors.push(
        userError(
          'INVALID_QUANTITY',
          `Quantity must be a whole number from ${LIMITS.minQuantity} to ${LIMITS.maxQuantity}.`,
          ['lines', String(i), 'quantity'],
        ),
      );
      return;
    }
    // Lowering a quantity is always allowed, even when stock has since dropped below it.
    if (update.quantity > line.quantity && update.quantity > (facts.available.get(line.variantId) ?? 0)) {
      errors.push(
        userError('INSUFFICIENT_STOCK', stockMessage(line.variantId, facts), [
          'lines',
          String(i),
          'quantity',
        ]),
      );
      return;
    }
    line.quantity = update.quantity;
  });
  return errors.length ? { ok: false, errors } : { ok: true, lines };
}

export function removeLines(current: CartLineRecord[], lineIds: string[]): LinesOutcome {
  const ids = new Set(current.map((line) => line.id));
  const errors = lineIds.flatMap((id, i) =>
    ids.has(id) ? [] : [userError('INVALID_LINE', 'This line is not in the cart.', ['lineIds', String(i)])],
  );
  if (errors.length) return { ok: false, errors };
  const remove = new Set(lineIds);
  return { ok: true, lines: current.filter((line) => !remove.has(line.id)) };
}

/**
 * Merges a guest cart's lines into the shopper's: quantities of a variant are summed, then capped by
 * the stock available and the per-line maximum, but never below what the shopper already had;
 * new lines beyond the line cap are dropped, as are guest lines with nothing in stock.
 */
export function mergeCartLines(
  target: CartLineRecord[],
  source: CartLineRecord[],
  available: Map<string, number>,
  newId: () => string,
  now: string,
): CartLineRecord[] {
  const lines = target.map((line) => ({ ...line }));
  const byVariant = new Map(lines.map((line) => [line.variantId, line]));
  for (const incoming of source) {
    const stock = Math.max(0, available.get(incoming.variantId) ?? 0);
    const existing = byVariant.get(incoming.variantId);
    if (existing) {
      const capped = Math.min(existing.quantity + incoming.quantity, LIMITS.maxQuantity, stock);
      existing.quantity = Math.max(existing.quantity, capped);
      continue;
    }
    const quantity = Math.min(incoming.quantity, LIMITS.maxQuantity, stock);
    if (quantity < LIMITS.minQuantity || lines.length >= LIMITS.maxLines) continue;
    const line = { id: newId(), variantId: incoming.variantId, quantity, addedAt: now };
    byVariant.set(line.variantId, line);
    lines.push(line);
  }
  return lines;
}

export function totalQuantity(lines: CartLineRecord[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}
