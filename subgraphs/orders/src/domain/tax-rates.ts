// Tax rates as data: the rule a destination is taxed by, the address check that depends on it, and the
// admin's taxRateUpsert and taxRates.
import { ForbiddenError, isAdmin, subdivisionCode, userError, type UserError } from '@shop/common';
import type { SqlExecutor } from '@shop/datastores';
import {
  findTaxRule,
  hasSubdivisionRates,
  listTaxRates,
  upsertTaxRate,
  type TaxRateRecord,
} from '../data/tax-rates';
import type { Context } from '../context';
import { NO_TAX, parseRatePpm, type TaxRule } from './tax';
import { isCountryCode } from './validation';

/** The rule for a destination: its subdivision's rate, else its country's, else no tax. */
export async function taxRuleForAddress(
  db: SqlExecutor,
  address: { countryCode: string; province: string | null },
): Promise<TaxRule> {
  const province = address.province ? subdivisionCode(address.countryCode, address.province) : null;
  return (await findTaxRule(db, address.countryCode, province)) ?? NO_TAX;
}

/** The countries among `countryCode` whose addresses must name a subdivision because the tax table rates them per one. */
export async function subdivisionTaxed(db: SqlExecutor, countryCode: string): Promise<ReadonlySet<string>> {
  const country = countryCode.trim().toUpperCase();
  return (await hasSubdivisionRates(db, country)) ? new Set([country]) : new Set();
}

export interface TaxRateResult {
  taxRate: TaxRateRecord | null;
  userErrors: UserError[];
}

export interface TaxRateInput {
  countryCode: string;
  province?: string | null;
  rate: string;
  name: string;
  shippingTaxable?: boolean | null;
}

export async function saveTaxRate(ctx: Context, input: TaxRateInput): Promise<TaxRateResult> {
  if (!isAdmin(ctx.principal)) throw new ForbiddenError();
  const errors: UserError[] = [];
  const countryCode = input.countryCode.trim().toUpperCase();
  if (!isCountryCode(countryCode)) {
    errors.push(
      userError('INVALID_COUNTRY_CODE', 'countryCode must be an ISO 3166-1 alpha-2 code, such as US.', [
        'input',
        'countryCode',
      ]),
    );
  }
  const given = input.province?.trim() ?? '';
  const province = given ? subdivisionCode(countryCode, given) : null;
  if (given && !province) {
    errors.push(
      userError('INVALID_ADDRESS', `province must be an ISO 3166-2 subdivision code of ${countryCode}.`, [
        'input',
        'province',
      ]),
    );
  }
  const ratePpm = parseRatePpm(input.rate);
  if (ratePpm === null) {
    errors.push(
      userError(
        'INVALID_RATE',
        'rate must be a decimal fraction from 0 to 1 with at most 6 decimals, such as 0.0725.',
        ['input', 'rate'],
      ),
    );
  }
  const name = input.name.trim();
  if (!name || name.length > 100)
    errors.push(userError('INVALID_NAME', 'name is 1 to 100 characters.', ['input', 'name']));
  if (errors.length || ratePpm === null) return { taxRate: null, userErrors: errors };
  const taxRate = await upsertTaxRate(ctx.deps.db, {
    countryCode,
    province,
    ratePpm,
    shippingTaxable: input.shippingTaxable ?? null,
    name,
  });
  return { taxRate, userErrors: [] };
}

export async function taxRates(ctx: Context): Promise<TaxRateRecord[]> {
  if (!isAdmin(ctx.principal)) throw new ForbiddenError();
  return listTaxRates(ctx.deps.db);
}
