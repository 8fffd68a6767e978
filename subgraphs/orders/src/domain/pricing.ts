// Totals of a checkout, computed on the server only from the snapshot, the verified rate, the tax rule the
// checkout was priced with and the discounts' terms: discounts first, then tax on what is left of each line (and
// of shipping, where the destination taxes it). Prices are tax-exclusive: tax is added on top.
import { evaluateDiscounts, type Allocation, type Discount, type PricingLine } from './discounts';
import { computeTax, type TaxRule } from './tax';
import type { Line, Rate, RecordedAllocation } from './types';

export interface Totals {
  subtotalMinor: number;
  shippingMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  appliedDiscounts: Allocation[];
  allocations: RecordedAllocation[];
}

export function lineTotal(line: Pick<Line, 'unitPriceMinor' | 'quantity'>): number {
  return line.unitPriceMinor * line.quantity;
}

/** Lines as the discount engine reads them; the categories come from the catalog through the cart's snapshot. */
export function pricingLines(
  lines: (Pick<Line, 'id' | 'productId' | 'quantity' | 'unitPriceMinor'> & { categoryHandles?: string[] })[],
): PricingLine[] {
  return lines.map((l) => ({
    id: l.id,
    productId: l.productId,
    categoryHandles: l.categoryHandles ?? [],
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor,
  }));
}

export interface PricingDiscounts {
  discounts: Discount[];
  codes: string[];
  currencyCode: string;
  /** The moment the discounts' windows are judged at (when the checkout was priced). */
  at: Date;
}

export function priceCheckout(
  lines: Line[],
  selectedRate: Rate | null,
  taxRule: TaxRule,
  discounts: PricingDiscounts = { discounts: [], codes: [], currencyCode: '', at: new Date(0) },
): Totals {
  const lineTotals = lines.map(lineTotal);
  const subtotalMinor = lineTotals.reduce((a, b) => a + b, 0);
  const shippingMinor = selectedRate?.priceMinor ?? 0;
  const evaluation = evaluateDiscounts({
    lines: pricingLines(lines),
    currencyCode: discounts.currencyCode,
    shippingMinor: selectedRate ? shippingMinor : null,
    discounts: discounts.discounts,
    codes: discounts.codes,
    now: discounts.at,
    // Uses are counted, under a lock, when the checkout completes; here the terms alone decide.
    usage: () => ({ taken: 0, usedByCustomer: false }),
  });
  const allocations: RecordedAllocation[] = [
    ...lines.flatMap((l) =>
      (evaluation.lineAllocations.get(l.id) ?? []).map((a) => ({ lineId: l.id, ...a })),
    ),
    ...evaluation.shippingAllocations.map((a) => ({ lineId: null, ...a })),
  ];
  const discountedLines = lines.map(
    (l, i) => lineTotals.at(i)! - sum(evaluation.lineAllocations.get(l.id) ?? []),
  );
  const discountedShipping = shippingMinor - sum(evaluation.shippingAllocations);
  const taxMinor = computeTax(discountedLines, discountedShipping, taxRule);
  const discountMinor = evaluation.totalMinor;
  return {
    subtotalMinor,
    shippingMinor,
    discountMinor,
    taxMinor,
    totalMinor: subtotalMinor + shippingMinor - discountMinor + taxMinor,
    appliedDiscounts: evaluation.applied.map(({ discountClass: _c, ...a }) => a),
    allocations,
  };
}

function sum(allocations: { amountMinor: number }[]): number {
  return allocations.reduce((s, a) => s + a.amountMinor, 0);
}
