// Totals of a checkout, computed on the server only from the snapshot, the verified rate and the tax rule
// the checkout was priced with. Prices are tax-exclusive: tax is added on top of lines and shipping.
import { computeTax, type TaxRule } from './tax';
import type { Line, Rate } from './types';

export interface Totals {
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export function lineTotal(line: Pick<Line, 'unitPriceMinor' | 'quantity'>): number {
  return line.unitPriceMinor * line.quantity;
}

export function priceCheckout(lines: Line[], selectedRate: Rate | null, taxRule: TaxRule): Totals {
  const lineTotals = lines.map(lineTotal);
  const subtotalMinor = lineTotals.reduce((a, b) => a + b, 0);
  const shippingMinor = selectedRate?.priceMinor ?? 0;
  const taxMinor = computeTax(lineTotals, shippingMinor, taxRule);
  return { subtotalMinor, shippingMinor, taxMinor, totalMinor: subtotalMinor + shippingMinor + taxMinor };
}
