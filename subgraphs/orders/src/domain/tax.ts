// The tax table and its arithmetic: rates in parts per million, amounts in integer minor units,
// each taxable line (and shipping, where the destination taxes it) rounded half-up on its own.

export interface TaxRule {
  /** Parts per million: 7.25 % is 72_500. */
  ratePpm: number;
  shippingTaxable: boolean;
}

const VAT = (percent: number): TaxRule => ({ ratePpm: Math.round(percent * 10_000), shippingTaxable: true });
const SALES = (percent: number): TaxRule => ({ ratePpm: Math.round(percent * 10_000), shippingTaxable: false });

/** Country-wide rates; a region entry below overrides its country's. Unlisted destinations pay no tax. */
const COUNTRY_RULES: Record<string, TaxRule> = {
  AT: VAT(20), BE: VAT(21), DE: VAT(19), DK: VAT(25), ES: VAT(21), FI: VAT(25.5), FR: VAT(20), IE: VAT(23),
  IT: VAT(22), NL: VAT(21), PL: VAT(23), PT: VAT(23), SE: VAT(25), GB: VAT(20), NO: VAT(25), CH: VAT(8.1),
  AU: VAT(10), JP: VAT(10), CA: VAT(5),
};

/** State and province rates (US state base sales tax; Canadian HST/GST+QST). */
const REGION_RULES: Record<string, TaxRule> = {
  'US-CA': SALES(7.25), 'US-NY': SALES(4), 'US-TX': SALES(6.25), 'US-WA': SALES(6.5), 'US-FL': SALES(6),
  'US-IL': SALES(6.25), 'US-MA': SALES(6.25), 'US-NJ': SALES(6.625), 'US-PA': SALES(6), 'US-OR': SALES(0),
  'CA-ON': VAT(13), 'CA-QC': VAT(14.975), 'CA-BC': VAT(12), 'CA-NS': VAT(14), 'CA-AB': VAT(5),
};

/** Countries taxed per subdivision: their addresses must name a valid one (SUBDIVISION_COUNTRIES in @shop/common). */
export const REGION_TAXED_COUNTRIES: ReadonlySet<string> = new Set(Object.keys(REGION_RULES).map((k) => k.split('-')[0]!));

const NO_TAX: TaxRule = { ratePpm: 0, shippingTaxable: false };

export function taxRuleFor(countryCode: string, province: string | null): TaxRule {
  const region = province ? REGION_RULES[`${countryCode}-${province.trim().toUpperCase()}`] : undefined;
  // eslint-disable-next-line security/detect-object-injection -- countryCode passed isCountryCode (two capital letters naming a country), so it names no Object.prototype member
  return region ?? COUNTRY_RULES[countryCode] ?? NO_TAX;
}

/** amount × rate, rounded half-up, in BigInt so no product of large numbers loses precision. */
export function taxOn(amountMinor: number, ratePpm: number): number {
  const product = BigInt(amountMinor) * BigInt(ratePpm);
  return Number((product + 500_000n) / 1_000_000n);
}

export function computeTax(
  lineTotalsMinor: number[],
  shippingMinor: number,
  address: { countryCode: string; province: string | null },
): number {
  const rule = taxRuleFor(address.countryCode, address.province);
  let tax = 0;
  for (const total of lineTotalsMinor) tax += taxOn(total, rule.ratePpm);
  if (rule.shippingTaxable) tax += taxOn(shippingMinor, rule.ratePpm);
  return tax;
}
