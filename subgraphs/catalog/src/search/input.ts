// What both search engines share: validation of hostile input, query tokenising and opaque keyset cursors.
import { z } from 'zod';
import { BadInputError, cursorValue, decodeCursor as decodeRelayCursor } from '@shop/common';
import type { SearchBoosts, SearchFilters, SearchSort } from './engine';

/**
 * A request the engine refuses (a query too long, a cursor from another sort, a bad filter).
 * A BAD_USER_INPUT error, so if the domain lets it through it still reaches the client as bad input, never a 500.
 */
export class SearchInputError extends BadInputError {
  override readonly name = 'SearchInputError';
}

export const MAX_QUERY_LENGTH = 256;
export const MAX_QUERY_TERMS = 12;
export const MAX_PAGE_SIZE = 100;
const MAX_FILTER_VALUES = 50;
/** Filters one search may combine. */
export const MAX_SEARCH_FILTERS = 20;
const MAX_TERM_LENGTH = 40;

/**
 * Keeps only words (letters and digits of any script) from a query; everything else (SQL, DSL, quotes,
 * control characters, emoji) is a separator, so no query syntax reaches an engine.
 */
export function queryTerms(query: string): string[] {
  if (typeof query !== 'string') throw new SearchInputError('The search query must be a string.');
  if (query.length > MAX_QUERY_LENGTH) {
    throw new SearchInputError(`The search query is too long (at most ${MAX_QUERY_LENGTH} characters).`);
  }
  const words =
    query
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique: string[] = [];
  for (const word of words) {
    const term = word.slice(0, MAX_TERM_LENGTH);
    if (!unique.includes(term)) unique.push(term);
    if (unique.length === MAX_QUERY_TERMS) break;
  }
  return unique;
}

/** A prefix for suggestions: its words, the last one possibly incomplete. */
export function suggestionPrefix(prefix: string): string {
  if (typeof prefix !== 'string') throw new SearchInputError('The prefix must be a string.');
  if (prefix.length > MAX_QUERY_LENGTH) {
    throw new SearchInputError(`The prefix is too long (at most ${MAX_QUERY_LENGTH} characters).`);
  }
  return (
    prefix
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .join(' ')
    .slice(0, 100);
}

export function pageSize(first: number, max = MAX_PAGE_SIZE): number {
  if (!Number.isInteger(first) || first < 0)
    throw new SearchInputError('`first` must be a non-negative integer.');
  return Math.min(first, max);
}

export interface NormalisedFilters {
  categories: string[];
  brands: string[];
  priceMinMinor: number | null;
  priceMaxMinor: number | null;
  available: boolean | null;
  /** Spec filters grouped by name: values of one name are alternatives, names must all match. */
  specs: Map<string, string[]>;
}

/** Drops control characters (a NUL byte is not even valid in a Postgres text). */
export function clean(value: string): string {
  return value.replace(/\p{C}+/gu, '').trim();
}

function strings(values: unknown, field: string): string[] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
    throw new SearchInputError(`The ${field} filter must be a list of strings.`);
  }
  if (values.length > MAX_FILTER_VALUES)
    throw new SearchInputError(`The ${field} filter has too many values.`);
  return [
    ...new Set(
      (values as string[])
        .map((value) => clean(value))
        .filter((value) => value.length > 0 && value.length <= 200),
    ),
  ];
}

function price(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new SearchInputError(`The ${field} filter must be a non-negative integer amount in minor units.`);
  }
  return value;
}

export function normaliseFilters(filters: SearchFilters | undefined): NormalisedFilters {
  const input = filters ?? {};
  const specs = new Map<string, string[]>();
  const specList: unknown = input.specs ?? [];
  if (!Array.isArray(specList) || specList.length > MAX_FILTER_VALUES)
    throw new SearchInputError('The spec filter is invalid.');
  for (const spec of specList as unknown[]) {
    const pair = spec as { name?: unknown; value?: unknown } | null;
    if (!pair || typeof pair.name !== 'string' || typeof pair.value !== 'string') {
      throw new SearchInputError('A spec filter needs a name and a value.');
    }
    const name = clean(pair.name);
    const value = clean(pair.value);
    const values = specs.get(name) ?? [];
    if (!values.includes(value)) values.push(value);
    specs.set(name, values);
  }
  if (input.available !== undefined && input.available !== null && typeof input.available !== 'boolean') {
    throw new SearchInputError('The available filter must be a boolean.');
  }
  return {
    categories: strings(input.categories, 'category'),
    brands: strings(input.brands, 'brand').map((brand) => brand.toLowerCase()),
    priceMinMinor: price(input.priceMinMinor, 'priceMin'),
    priceMaxMinor: price(input.priceMaxMinor, 'priceMax'),
    available: input.available ?? null,
    specs,
  };
}

const MIN_BOOST = 0.1;
const MAX_BOOST = 10;

/** Boost factors clamped to a sane range; non-finite or neutral factors are dropped. */
export function normaliseBoosts(boosts: SearchBoosts | undefined): {
  categories: Record<string, number>;
  brands: Record<string, number>;
} {
  const clean = (record: Record<string, number> | undefined, lower: boolean): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [key, factor] of Object.entries(record ?? {}).slice(0, 200)) {
      if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0 || factor === 1) continue;
      out[lower ? key.toLowerCase() : key] = Math.min(MAX_BOOST, Math.max(MIN_BOOST, factor));
    }
    return out;
  };
  return { categories: clean(boosts?.categories, false), brands: clean(boosts?.brands, true) };
}

/** Price facet buckets in minor units, [from, to). */
export const PRICE_BUCKETS: { from: number; to: number | null }[] = [
  { from: 0, to: 2_500 },
  { from: 2_500, to: 5_000 },
  { from: 5_000, to: 10_000 },
  { from: 10_000, to: 25_000 },
  { from: 25_000, to: 50_000 },
  { from: 50_000, to: null },
];

export function priceBucketLabel(bucket: { from: number; to: number | null }): string {
  return `${bucket.from}-${bucket.to ?? ''}`;
}

type CursorValue = string | number;

interface CursorPayload {
  /** The sort the cursor belongs to. */
  s: SearchSort;
  /** The engine that made it. */
  e: string;
  /** The sort values of the last hit, then its productId. */
  k: CursorValue[];
}

export function encodeCursor(engine: string, sort: SearchSort, keys: CursorValue[]): string {
  const payload: CursorPayload = { s: sort, e: engine, k: keys };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** What a cursor's key may be, each within what the engine's sort column takes. */
const KEY_KINDS = {
  /** A bigint column: a price in minor units. */
  int: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** A float8: a score or a popularity. */
  float: cursorValue.float8,
  /** Microseconds since the epoch, as digits. */
  micros: z.string().regex(/^-?\d{1,17}$/),
  /** A product id. */
  text: cursorValue.text.refine((key) => key.length <= 200 && clean(key) === key),
};
export type CursorKind = keyof typeof KEY_KINDS;

/** Decodes a cursor and checks it belongs to this engine and sort, with one key of each expected kind. */
export function decodeCursor(
  engine: string,
  sort: SearchSort,
  cursor: string,
  kinds: CursorKind[],
): CursorValue[] {
  // eslint-disable-next-line security/detect-object-injection -- kind is one of the engine's own CursorKind constants
  const keys = kinds.map((kind) => KEY_KINDS[kind]) as unknown as [
    z.ZodType<CursorValue>,
    ...z.ZodType<CursorValue>[],
  ];
  const payload = decodeRelayCursor(
    cursor,
    z.object({ s: z.string().max(20), e: z.literal(engine), k: z.array(z.unknown()).max(10) }),
  );
  if (!payload) throw new SearchInputError('The `after` cursor is not valid.');
  if (payload.s !== sort)
    throw new SearchInputError(`The \`after\` cursor belongs to another sort, not ${sort}.`);
  const parsed = z.tuple(keys).safeParse(payload.k);
  if (!parsed.success) throw new SearchInputError('The `after` cursor is not valid.');
  return parsed.data;
}

/** Words of a text for the vocabulary of typo correction and suggestions. */
export function vocabulary(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((word) => word.length >= 2 && word.length <= MAX_TERM_LENGTH);
}
