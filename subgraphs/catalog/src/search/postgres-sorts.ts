// How the Postgres search engine orders a page and resumes after a cursor (keyset pagination per sort).
import type { SearchSort } from './engine';
import type { CursorKind } from './input';

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface SortPlan {
  order: string;
  keyset: (keys: (string | number)[], params: Params) => string;
  kinds: CursorKind[];
  keys: (hit: HitRow) => (string | number)[];
}

type HitRow = [string, number | null, number, string];

export const SORTS: Record<SearchSort, SortPlan> = {
  RELEVANCE: {
    order: 'score DESC, product_id ASC',
    keyset: ([score, id], p) =>
      `(score < ${p.add(score)}::float8 OR (score = ${p.add(score)}::float8 AND product_id > ${p.add(id)}::text))`,
    kinds: ['float', 'text'],
    keys: ([id, score]) => [score ?? 0, id],
  },
  PRICE_ASC: {
    order: 'min_price_minor ASC, product_id ASC',
    keyset: ([price, id], p) =>
      `(min_price_minor, product_id) > (${p.add(price)}::bigint, ${p.add(id)}::text)`,
    kinds: ['int', 'text'],
    keys: ([id, , price]) => [price, id],
  },
  PRICE_DESC: {
    order: 'min_price_minor DESC, product_id ASC',
    keyset: ([price, id], p) =>
      `(min_price_minor < ${p.add(price)}::bigint OR (min_price_minor = ${p.add(price)}::bigint AND product_id > ${p.add(id)}::text))`,
    kinds: ['int', 'text'],
    keys: ([id, , price]) => [price, id],
  },
  NEWEST: {
    order: 'created_at DESC, product_id ASC',
    // Microseconds since the epoch: exact, and independent of the session's TimeZone and DateStyle.
    keyset: ([at, id], p) => {
      const instant = `(timestamptz 'epoch' + ${p.add(at)}::bigint * interval '1 microsecond')`;
      return `(created_at < ${instant} OR (created_at = ${instant} AND product_id > ${p.add(id)}::text))`;
    },
    kinds: ['micros', 'text'],
    keys: ([id, , , at]) => [at, id],
  },
};

/**
 * RELEVANCE with no words and no personal boosts is popularity: ordered by the column itself, so the index on
 * (popularity, product_id) serves a page without sorting the catalogue.
 */
export const POPULARITY: SortPlan = {
  order: 'popularity DESC, product_id ASC',
  keyset: ([popularity, id], p) =>
    `(popularity < ${p.add(popularity)}::float8 OR (popularity = ${p.add(popularity)}::float8 AND product_id > ${p.add(id)}::text))`,
  kinds: ['float', 'text'],
  keys: ([id, score]) => [score ?? 0, id],
};
