// Money lives as integer minor units; `Decimal` strings exist only at the API edge.
import { BadInputError } from './errors';

export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'JPY',
  'CHF',
  'SEK',
  'DKK',
  'NOK',
  'PLN',
] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];

const ZERO_DECIMAL = new Set<string>(['JPY']);

export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : 2;
}

export interface Money {
  amount: string;
  currencyCode: string;
}

export function toMoney(minor: number, currencyCode: string): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError('money must be an integer number of minor units');
  const digits = minorDigits(currencyCode);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return { amount: `${sign}${abs}`, currencyCode };
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const frac = String(abs % scale).padStart(digits, '0');
  return { amount: `${sign}${whole}.${frac}`, currencyCode };
}

/** Parses a client's decimal string ("19.99") into minor units, refusing more precision than the currency has. */
export function parseDecimal(amount: string, currencyCode: string): number {
  const digits = minorDigits(currencyCode);
  // eslint-disable-next-line security/detect-unsafe-regex -- linear: one bounded digit run, then an optional dot and digits; no nested or overlapping repetition
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new BadInputError(`"${amount.slice(0, 32)}" is not a decimal amount`);
  const frac = match[2] ?? '';
  if (frac.length > digits)
    throw new BadInputError(`${currencyCode} amounts have at most ${digits} decimal places`);
  return Number(match[1]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
}
