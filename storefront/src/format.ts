// Money as the shopper reads it: Intl.NumberFormat in the API's currency (amounts are decimal strings).
const formatters = new Map<string, Intl.NumberFormat>();

export interface Money {
  amount: string;
  currencyCode: string;
}

export function formatMoney(money: Money): string {
  let f = formatters.get(money.currencyCode);
  if (!f) {
    f = new Intl.NumberFormat(document.documentElement.lang || undefined, {
      style: 'currency',
      currency: money.currencyCode,
    });
    formatters.set(money.currencyCode, f);
  }
  return f.format(Number(money.amount));
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(document.documentElement.lang || undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** An enum value such as OUT_FOR_DELIVERY as words. */
export function words(value: string): string {
  const s = value.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `from` less the sum of `amounts` (one currency), in whole minor units so no cent is lost on the way. */
export function subtractMoney(from: Money, amounts: readonly Money[]): Money {
  const digits = Math.max(...[from, ...amounts].map((m) => m.amount.split('.')[1]?.length ?? 0));
  const minor = (m: Money) => Math.round(Number(m.amount) * 10 ** digits);
  const left = amounts.reduce((sum, m) => sum - minor(m), minor(from));
  return { amount: (Math.max(0, left) / 10 ** digits).toFixed(digits), currencyCode: from.currencyCode };
}
