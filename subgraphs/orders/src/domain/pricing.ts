// Totals of a checkout, computed on the server only from the snapshot and the verified rate.
import { computeTax } from './tax';
import type { Address, Line, Rate } from './types';

export interface Totals {
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export function lineTotal(line: Pick<Line, 'unitPriceMinor' | 'quantity'>): number {
  return line.unitPriceMinor * line.quantity;
}

export function priceCheckout(lines: Line[], selectedRate: Rate | null, address: Pick<Address, 'countryCode' | 'province'>): Totals {
  const lineTotals = lines.map(lineTotal);
  const subtotalMinor = lineTotals.reduce((a, b) => a + b, 0);
  const shippingMinor = selectedRate?.priceMinor ?? 0;
  const taxMinor = computeTax(lineTotals, shippingMinor, address);
  return { subtotalMinor, shippingMinor, taxMinor, totalMinor: subtotalMinor + shippingMinor + taxMinor };
}
