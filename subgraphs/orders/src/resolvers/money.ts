// Money at the edge: integer minor units become the public decimal strings here and nowhere else.
import { toMoney, type Money } from '@shop/common';
import type { CurrencyCode } from '../generated/resolvers-types';

export function money(minor: number, currency: string): { amount: string; currencyCode: CurrencyCode } {
  const m: Money = toMoney(minor, currency);
  return { amount: m.amount, currencyCode: m.currencyCode as CurrencyCode };
}
