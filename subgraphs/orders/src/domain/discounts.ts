// The discount engine: given a cart's lines, the active discounts, the codes entered and the customer, which
// discounts apply and how much each takes from each line and from shipping. Pure: no clock, no datastore.
//
// Rounding rule: a discount's amount is computed once on the eligible amount (half-up, in integer minor units),
// then split over its lines in proportion to what each line still costs by the largest-remainder method (floor
// every share, then hand the cents left over, one each, to the largest fractional remainders; ties go to the
// earlier line). So a discount's allocations always sum to exactly its amount, and no line goes below zero.

export const DISCOUNT_KINDS = ['PERCENTAGE', 'FIXED_AMOUNT', 'FREE_SHIPPING', 'BUY_X_GET_Y'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

/** What a discount takes money from, the class `combinesWith` speaks of. */
export type DiscountClass = 'ORDER' | 'PRODUCT' | 'SHIPPING';

export interface CombinesWith {
  orderDiscounts: boolean;
  productDiscounts: boolean;
  shippingDiscounts: boolean;
}

export interface Discount {
  id: string;
  title: string;
  /** Null for an automatic discount. */
  code: string | null;
  kind: DiscountKind;
  /** PERCENTAGE and BUY_X_GET_Y: parts per million off (25 % is 250_000); FIXED_AMOUNT: minor units off; FREE_SHIPPING: unused. */
  value: number;
  currencyCode: string;
  /** BUY_X_GET_Y: buy this many eligible units… */
  buyQuantity: number;
  /** …and this many more (the cheapest) get `value` off. */
  getQuantity: number;
  appliesTo: { productIds: string[]; categoryHandles: string[] };
  minimumSubtotalMinor: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  oncePerCustomer: boolean;
  combinesWith: CombinesWith;
  active: boolean;
}

export interface PricingLine {
  id: string;
  productId: string;
  /** The product's category and its ancestors. */
  categoryHandles: string[];
  quantity: number;
  unitPriceMinor: number;
}

export interface DiscountUsage {
  /** Uses committed by paid orders plus uses reserved by checkouts still being paid. */
  taken: number;
  /** Whether this customer has already used (or is using) the discount. */
  usedByCustomer: boolean;
}

export interface EvaluationInput {
  lines: PricingLine[];
  currencyCode: string;
  /** Null while no shipping rate is chosen (a cart): a free-shipping discount then applies with nothing to take. */
  shippingMinor: number | null;
  /** Automatic discounts that may apply, and the discounts the entered codes name. */
  discounts: Discount[];
  /** The codes the shopper entered, in their order. */
  codes: string[];
  now: Date;
  usage: (discountId: string) => DiscountUsage;
}

export const DISCOUNT_ERROR_CODES = [
  'DISCOUNT_CODE_INVALID',
  'DISCOUNT_CODE_EXPIRED',
  'DISCOUNT_USAGE_LIMIT_REACHED',
  'DISCOUNT_MINIMUM_NOT_MET',
  'DISCOUNT_NOT_COMBINABLE',
] as const;
export type DiscountErrorCode = (typeof DISCOUNT_ERROR_CODES)[number];

export interface Allocation {
  discountId: string;
  title: string;
  code: string | null;
  amountMinor: number;
}

export interface CodeResult {
  code: string;
  applicable: boolean;
  /** Why the code does not apply; null when it applies or merely matches nothing in the cart. */
  error: DiscountErrorCode | null;
}

export interface Evaluation {
  /** The discounts applied, in the order they were applied, with their whole amount. */
  applied: (Allocation & { discountClass: DiscountClass })[];
  lineAllocations: Map<string, Allocation[]>;
  shippingAllocations: Allocation[];
  codes: CodeResult[];
  totalMinor: number;
}

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

export function discountClass(d: Pick<Discount, 'kind' | 'appliesTo'>): DiscountClass {
  if (d.kind === 'FREE_SHIPPING') return 'SHIPPING';
  if (d.kind === 'BUY_X_GET_Y') return 'PRODUCT';
  return d.appliesTo.productIds.length || d.appliesTo.categoryHandles.length ? 'PRODUCT' : 'ORDER';
}

function allows(c: CombinesWith, cls: DiscountClass): boolean {
  return cls === 'ORDER' ? c.orderDiscounts : cls === 'PRODUCT' ? c.productDiscounts : c.shippingDiscounts;
}

/** Two discounts combine when each allows the other's class. */
export function combines(a: Discount, b: Discount): boolean {
  return allows(a.combinesWith, discountClass(b)) && allows(b.combinesWith, discountClass(a));
}

export function appliesToLine(
  d: Pick<Discount, 'appliesTo'>,
  line: Pick<PricingLine, 'productId' | 'categoryHandles'>,
): boolean {
  const { productIds, categoryHandles } = d.appliesTo;
  if (!productIds.length && !categoryHandles.length) return true;
  return productIds.includes(line.productId) || line.categoryHandles.some((h) => categoryHandles.includes(h));
}

/** Amount × ppm, half-up, exact for any safe integer. */
export function percentOf(amountMinor: number, ppm: number): number {
  return Number((BigInt(amountMinor) * BigInt(ppm) + 500_000n) / 1_000_000n);
}

/**
 * Splits `total` over `weights` in proportion, by largest remainder: the parts are integers and sum to `total`
 * exactly. `total` must not exceed the sum of the weights, so no part exceeds its weight.
 */
export function allocateProportionally(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const T = BigInt(total);
  const S = BigInt(sum);
  const parts = weights.map((w) => (T * BigInt(w)) / S);
  const remainders = weights.map((w, i) => ({ i, r: (T * BigInt(w)) % S }));
  let left = total - Number(parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts.splice(i, 1, parts.at(i)! + 1n);
    left--;
  }
  return parts.map(Number);
}

type Refusal = DiscountErrorCode | 'NOT_APPLICABLE';

/** Why a discount cannot be used now by this customer, before looking at the cart; null when it can. */
export function availability(d: Discount, now: Date, usage: DiscountUsage): DiscountErrorCode | null {
  if (!d.active) return 'DISCOUNT_CODE_INVALID';
  if (d.startsAt && now < d.startsAt) return 'DISCOUNT_CODE_INVALID';
  if (d.endsAt && now >= d.endsAt) return 'DISCOUNT_CODE_EXPIRED';
  if (d.usageLimit !== null && usage.taken >= d.usageLimit) return 'DISCOUNT_USAGE_LIMIT_REACHED';
  if (d.oncePerCustomer && usage.usedByCustomer) return 'DISCOUNT_USAGE_LIMIT_REACHED';
  return null;
}

/** What one discount takes from each line (by index) and from shipping, given what each still costs. */
function amountsFor(
  d: Discount,
  lines: PricingLine[],
  remaining: number[],
  shippingLeft: number,
  currencyCode: string,
): { perLine: number[]; shipping: number } | Refusal {
  if (
    d.kind !== 'FREE_SHIPPING' &&
    d.kind !== 'PERCENTAGE' &&
    d.kind !== 'BUY_X_GET_Y' &&
    d.currencyCode !== currencyCode
  ) {
    return 'NOT_APPLICABLE';
  }
  const eligible = lines.map((l) => appliesToLine(d, l));
  const eligibleSubtotal = lines.reduce(
    (sum, l, i) => (eligible.at(i) ? sum + l.unitPriceMinor * l.quantity : sum),
    0,
  );
  if (d.kind === 'FREE_SHIPPING' ? !lines.length : !eligible.some(Boolean)) return 'NOT_APPLICABLE';
  if (d.minimumSubtotalMinor !== null) {
    if (d.currencyCode !== currencyCode) return 'NOT_APPLICABLE';
    const base =
      d.kind === 'FREE_SHIPPING'
        ? lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0)
        : eligibleSubtotal;
    if (base < d.minimumSubtotalMinor) return 'DISCOUNT_MINIMUM_NOT_MET';
  }
  const zero = lines.map(() => 0);
  switch (d.kind) {
    case 'FREE_SHIPPING':
      return { perLine: zero, shipping: shippingLeft };
    case 'PERCENTAGE': {
      const weights = remaining.map((r, i) => (eligible.at(i) ? r : 0));
      const base = weights.reduce((a, b) => a + b, 0);
      return { perLine: allocateProportionally(percentOf(base, d.value), weights), shipping: 0 };
    }
    case 'FIXED_AMOUNT': {
      const weights = remaining.map((r, i) => (eligible.at(i) ? r : 0));
      const base = weights.reduce((a, b) => a + b, 0);
      return { perLine: allocateProportionally(Math.min(d.value, base), weights), shipping: 0 };
    }
    case 'BUY_X_GET_Y': {
      // Every group of buy + get eligible units gives `get` units off; the cheapest units are the ones discounted.
      const units = lines
        .flatMap((l, i) => (eligible.at(i) ? [{ i, price: l.unitPriceMinor, quantity: l.quantity }] : []))
        .sort((a, b) => a.price - b.price || a.i - b.i);
      const count = units.reduce((n, u) => n + u.quantity, 0);
      let free = Math.floor(count / (d.buyQuantity + d.getQuantity)) * d.getQuantity;
      if (free === 0) return 'NOT_APPLICABLE';
      const perLine = [...zero];
      for (const u of units) {
        if (free === 0) break;
        const n = Math.min(free, u.quantity);
        // Per unit, so the total is exactly the sum of what each discounted unit gives.
        perLine[u.i] = Math.min(remaining[u.i]!, perLine[u.i]! + n * percentOf(u.price, d.value));
        free -= n;
      }
      return { perLine, shipping: 0 };
    }
  }
}

const CLASS_ORDER: Record<DiscountClass, number> = { PRODUCT: 0, ORDER: 1, SHIPPING: 2 };

/**
 * Chooses and applies the discounts. The codes come first, in the order entered (the shopper chose them), then
 * automatic discounts by how much each would give alone, largest first; a discount joins only if it combines with
 * every one already chosen. The chosen are applied product discounts first, then order discounts on what is left,
 * then shipping.
 */
export function evaluateDiscounts(input: EvaluationInput): Evaluation {
  const { lines, currencyCode, now } = input;
  const subtotals = lines.map((l) => l.unitPriceMinor * l.quantity);
  const shipping = input.shippingMinor ?? 0;
  const byCode = new Map<string, Discount>();
  for (const d of input.discounts) if (d.code) byCode.set(normaliseCode(d.code), d);

  const chosen: Discount[] = [];
  const codes: CodeResult[] = [];
  const seen = new Set<string>();
  for (const raw of input.codes) {
    const code = normaliseCode(raw);
    if (seen.has(code)) continue;
    seen.add(code);
    const d = byCode.get(code);
    const refusal: Refusal | null = !d
      ? 'DISCOUNT_CODE_INVALID'
      : (availability(d, now, input.usage(d.id)) ??
        (() => {
          const alone = amountsFor(d, lines, subtotals, shipping, currencyCode);
          if (typeof alone === 'string') return alone;
          return chosen.every((c) => combines(c, d)) ? null : 'DISCOUNT_NOT_COMBINABLE';
        })());
    if (refusal === null) chosen.push(d!);
    codes.push({
      code,
      applicable: refusal === null,
      error: refusal === null || refusal === 'NOT_APPLICABLE' ? null : refusal,
    });
  }

  const automatic = input.discounts
    .filter((d) => d.code === null && availability(d, now, input.usage(d.id)) === null)
    .map((d) => {
      const alone = amountsFor(d, lines, subtotals, shipping, currencyCode);
      return {
        d,
        worth: typeof alone === 'string' ? -1 : alone.shipping + alone.perLine.reduce((a, b) => a + b, 0),
      };
    })
    .filter((a) => a.worth >= 0)
    .sort((a, b) => b.worth - a.worth || a.d.id.localeCompare(b.d.id));
  for (const { d } of automatic) if (chosen.every((c) => combines(c, d))) chosen.push(d);

  const remaining = [...subtotals];
  let shippingLeft = shipping;
  const lineAllocations = new Map<string, Allocation[]>(lines.map((l) => [l.id, []]));
  const shippingAllocations: Allocation[] = [];
  const applied: Evaluation['applied'] = [];
  const ordered = chosen
    .map((d, position) => ({ d, position }))
    .sort(
      (a, b) => CLASS_ORDER[discountClass(a.d)] - CLASS_ORDER[discountClass(b.d)] || a.position - b.position,
    );
  for (const { d } of ordered) {
    const amounts = amountsFor(d, lines, remaining, shippingLeft, currencyCode);
    if (typeof amounts === 'string') continue;
    const base = { discountId: d.id, title: d.title, code: d.code };
    let total = 0;
    amounts.perLine.forEach((amount, i) => {
      if (amount <= 0) return;
      remaining.splice(i, 1, remaining.at(i)! - amount);
      total += amount;
      lineAllocations.get(lines.at(i)!.id)!.push({ ...base, amountMinor: amount });
    });
    if (amounts.shipping > 0) {
      shippingLeft -= amounts.shipping;
      total += amounts.shipping;
      shippingAllocations.push({ ...base, amountMinor: amounts.shipping });
    }
    applied.push({ ...base, amountMinor: total, discountClass: discountClass(d) });
  }
  return {
    applied,
    lineAllocations,
    shippingAllocations,
    codes,
    totalMinor: applied.reduce((s, a) => s + a.amountMinor, 0),
  };
}

/**
 * The automatic discounts and codes indexed by what they apply to, so a cart looks only at the discounts that
 * could touch its products, categories or whole order, however many a shop runs.
 */
export class DiscountIndex {
  private readonly everywhere: Discount[] = [];
  private readonly byProduct = new Map<string, Discount[]>();
  private readonly byCategory = new Map<string, Discount[]>();
  private readonly byCode = new Map<string, Discount>();

  constructor(discounts: Discount[]) {
    for (const d of discounts) {
      if (!d.active) continue;
      if (d.code) {
        this.byCode.set(normaliseCode(d.code), d);
        continue;
      }
      const { productIds, categoryHandles } = d.appliesTo;
      if (d.kind === 'FREE_SHIPPING' || (!productIds.length && !categoryHandles.length))
        this.everywhere.push(d);
      for (const id of productIds) push(this.byProduct, id, d);
      for (const h of categoryHandles) push(this.byCategory, h, d);
    }
  }

  /** The automatic discounts that could apply to these lines, and the discounts these codes name. */
  candidates(lines: Pick<PricingLine, 'productId' | 'categoryHandles'>[], codes: string[]): Discount[] {
    const found = new Set<Discount>(this.everywhere);
    for (const l of lines) {
      for (const d of this.byProduct.get(l.productId) ?? []) found.add(d);
      for (const h of l.categoryHandles) for (const d of this.byCategory.get(h) ?? []) found.add(d);
    }
    for (const c of codes) {
      const d = this.byCode.get(normaliseCode(c));
      if (d) found.add(d);
    }
    return [...found];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
