// Relay connections: cursors, page bounds and the connection shape every list shares.
import { z, type ZodType, type ZodTypeDef } from 'zod';
import { BadInputError } from './errors';
import { isCleanText } from './input-guard';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Longer than any cursor a page hands out. */
const MAX_CURSOR_LENGTH = 1_000;

/**
 * Decodes a cursor and parses it with its schema. Whatever a page never handed out (wrong base64, wrong shape,
 * a number a column cannot hold, a date that is not one) is BAD_USER_INPUT here, before any query.
 */
export function decodeCursor<T>(
  cursor: string | null | undefined,
  schema: ZodType<T, ZodTypeDef, unknown>,
): T | null {
  if (cursor === null || cursor === undefined) return null;
  if (cursor.length <= MAX_CURSOR_LENGTH && /^[\w-]*$/.test(cursor)) {
    try {
      const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: the error below
    }
  }
  throw new BadInputError('after is not a valid cursor');
}

const INT4_MAX = 2 ** 31 - 1;
// eslint-disable-next-line security/detect-unsafe-regex -- anchored, fixed widths and one bounded optional group: linear
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The values cursors carry, each within what its Postgres column holds. */
export const cursorValue = {
  /** An `integer` column: prices in minor units, counts. */
  int4: z
    .number()
    .int()
    .min(-INT4_MAX - 1)
    .max(INT4_MAX),
  /** A `bigint` column that JavaScript holds exactly (serials). */
  int8: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** A finite `float8` (a relevance score). */
  float8: z.number().finite(),
  /** A `timestamptz` as `toISOString` writes it: a real instant in years 0000–9999, not just any string `Date.parse` takes. */
  instant: z
    .string()
    .regex(ISO_INSTANT)
    .refine((v) => {
      const ms = Date.parse(v);
      return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === v.slice(0, 19);
    }),
  uuid: z.string().uuid(),
  /** A text key (an id or a title): clean, and no longer than a key can be. */
  text: z.string().max(500).refine(isCleanText),
};

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells that there is a next page. */
export function toConnection<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => string,
  totalCount: number,
  hasPrevious = false,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
