// Tax arithmetic: rates in parts per million, amounts in integer minor units, each taxable line (and
// shipping, where the destination taxes it) rounded half-up on its own. Prices are tax-exclusive; the rates
// themselves are data (the tax_rates table, managed by taxRateUpsert).
import { z } from 'zod';

export const taxRuleSchema = z.object({
  /** Parts per million: 7.25 % is 72_500. */
  ratePpm: z.number().int().nonnegative(),
  shippingTaxable: z.boolean(),
});
export type TaxRule = z.infer<typeof taxRuleSchema>;

/** Where no rate is on record, nothing is charged. */
export const NO_TAX: TaxRule = { ratePpm: 0, shippingTaxable: false };

/** amount × rate, rounded half-up, in BigInt so no product of large numbers loses precision. */
export function taxOn(amountMinor: number, ratePpm: number): number {
  const product = BigInt(amountMinor) * BigInt(ratePpm);
  return Number((product + 500_000n) / 1_000_000n);
}

export function computeTax(lineTotalsMinor: number[], shippingMinor: number, rule: TaxRule): number {
  let tax = 0;
  for (const total of lineTotalsMinor) tax += taxOn(total, rule.ratePpm);
  if (rule.shippingTaxable) tax += taxOn(shippingMinor, rule.ratePpm);
  return tax;
}

/** A rate given as a decimal fraction ("0.0725") in parts per million, or null when it is not one in [0, 1]. */
export function parseRatePpm(rate: string): number | null {
  const [whole, frac = '', ...rest] = rate.trim().split('.');
  if (
    rest.length ||
    (whole !== '0' && whole !== '1') ||
    !/^\d{0,6}$/.test(frac) ||
    (rate.includes('.') && !frac)
  )
    return null;
  const ppm = Number(whole) * 1_000_000 + Number(frac.padEnd(6, '0'));
  return ppm <= 1_000_000 ? ppm : null;
}

/** Parts per million as the decimal fraction the API shows ("0.0725"). */
export function formatRatePpm(ppm: number): string {
  const whole = Math.floor(ppm / 1_000_000);
  const frac = String(ppm % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
