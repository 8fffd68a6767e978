// The embedded search engine: Postgres full-text search (weighted tsvector, GIN) with pg_trgm typo tolerance.
// Works alike on a Postgres server and on PGlite; it owns the tables search_documents, search_terms, search_lexemes.
import { z } from 'zod';
import type { SqlDatabase, SqlExecutor } from '@shop/datastores';
import type {
  SearchDocument,
  SearchEngine,
  SearchFacet,
  SearchRequest,
  SearchResult,
  SearchSort,
} from './engine';
import {
  PRICE_BUCKETS,
  SearchInputError,
  type CursorKind,
  clean,
  decodeCursor,
  encodeCursor,
  normaliseBoosts,
  normaliseFilters,
  pageSize,
  priceBucketLabel,
  queryTerms,
  suggestionPrefix,
  vocabulary,
} from './input';

const ENGINE = 'postgres';

/*
 * Weights of ts_rank_cd in the order {D, C, B, A}: a title word is worth ten description words, so a title match
 * outranks a description that repeats the term a few times.
 */
const RANK_WEIGHTS = '{0.02, 0.1, 0.4, 1.0}';
/** Enough to keep a facet readable; a shop has fewer brands or categories in any one result. */
const FACET_LIMIT = 50;
const UPSERT_BATCH = 500;

const PRICE_BUCKET_SQL = `CASE ${PRICE_BUCKETS.map((bucket) =>
  bucket.to === null ? '' : `WHEN price < ${bucket.to} THEN '${priceBucketLabel(bucket)}'`,
).join(' ')} ELSE '${priceBucketLabel(PRICE_BUCKETS[PRICE_BUCKETS.length - 1]!)}' END`;

/** Rebuilds every facet cell from the documents: after a reindex, or when the cells were never filled. */
const CELLS_REBUILD_SQL = `
DELETE FROM search_facet_cells;
INSERT INTO search_facet_cells (category_path, brand_key, brand, bucket, available, n)
SELECT category_path, brand_key, brand, search_price_bucket(min_price_minor), available, count(*)
FROM search_documents GROUP BY 1, 2, 3, 4, 5;`;

const GIN_INDEXES = [
  'search_documents_document',
  'search_documents_title_trgm',
  'search_documents_category_path',
  'search_documents_tags',
  'search_documents_specs',
  'search_terms_trgm',
];

const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Columns in the order a search reads them: fixed-width first (their offsets are known without walking the row),
-- then the short texts, the tsvector, and the long texts that only the tsvector is built from. A search over
-- thousands of matches deforms every row it counts, so the order is measurable.
CREATE TABLE IF NOT EXISTS search_documents (
  min_price_minor bigint NOT NULL,
  max_price_minor bigint NOT NULL,
  created_at timestamptz NOT NULL,
  popularity integer NOT NULL,
  available boolean NOT NULL,
  product_id text PRIMARY KEY,
  brand_key text NOT NULL,
  brand text NOT NULL,
  category_handle text NOT NULL,
  category_path text[] NOT NULL,
  currency_code text NOT NULL,
  handle text NOT NULL,
  title text NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, brand || ' ' || category_text), 'B') ||
    setweight(to_tsvector('english'::regconfig, description), 'C') ||
    setweight(to_tsvector('english'::regconfig, detail_text), 'D')
  ) STORED,
  tags text[] NOT NULL,
  specs jsonb NOT NULL,
  category_text text NOT NULL,
  description text NOT NULL,
  detail_text text NOT NULL
);
-- Room on each page for an availability update to stay there (a HOT update), keeping the category order.
ALTER TABLE search_documents SET (fillfactor = 90);
CREATE INDEX IF NOT EXISTS search_documents_document ON search_documents USING gin (document);
CREATE INDEX IF NOT EXISTS search_documents_title_trgm ON search_documents USING gin (lower(title) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS search_documents_title_prefix ON search_documents (lower(title) text_pattern_ops);
CREATE INDEX IF NOT EXISTS search_documents_category_path ON search_documents USING gin (category_path);
CREATE INDEX IF NOT EXISTS search_documents_category ON search_documents (category_handle, popularity DESC);
CREATE INDEX IF NOT EXISTS search_documents_brand ON search_documents (brand_key, popularity DESC);
CREATE INDEX IF NOT EXISTS search_documents_tags ON search_documents USING gin (tags);
CREATE INDEX IF NOT EXISTS search_documents_specs ON search_documents USING gin (specs jsonb_path_ops);
CREATE INDEX IF NOT EXISTS search_documents_price ON search_documents (min_price_minor, product_id);
CREATE INDEX IF NOT EXISTS search_documents_newest ON search_documents (created_at DESC, product_id);
DROP INDEX IF EXISTS search_documents_popularity;
CREATE INDEX IF NOT EXISTS search_documents_popularity_id ON search_documents (popularity DESC, product_id);
CREATE OR REPLACE FUNCTION search_price_bucket(price bigint) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ${PRICE_BUCKET_SQL};
-- Documents counted per (category path, brand, price bucket, availability): the facets and totals of a browse
-- (no words) are summed from these few hundred cells instead of the whole catalogue. Kept by the triggers below
-- in the writer's transaction; a cell whose count falls to 0 stays, and reindex rebuilds them all.
CREATE TABLE IF NOT EXISTS search_facet_cells (
  category_path text[] NOT NULL,
  brand_key text NOT NULL,
  brand text NOT NULL,
  bucket text NOT NULL,
  available boolean NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (category_path, brand_key, brand, bucket, available)
);
CREATE OR REPLACE FUNCTION search_facet_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One net change per cell, from the rows the statement added (+1) and removed (-1), written in key order so
  -- that concurrent writers lock cells in the same order. Only the transition tables this trigger has are named.
  EXECUTE 'INSERT INTO search_facet_cells AS c (category_path, brand_key, brand, bucket, available, n)
    SELECT category_path, brand_key, brand, search_price_bucket(min_price_minor), available, sum(d) FROM ('
    || CASE TG_OP
         WHEN 'INSERT' THEN 'SELECT *, 1 AS d FROM new_rows'
         WHEN 'DELETE' THEN 'SELECT *, -1 AS d FROM old_rows'
         ELSE 'SELECT *, 1 AS d FROM new_rows UNION ALL SELECT *, -1 FROM old_rows'
       END
    || ') s GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (category_path, brand_key, brand, bucket, available) DO UPDATE SET n = c.n + excluded.n';
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER search_facet_cells_insert AFTER INSERT ON search_documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_cells_apply();
CREATE OR REPLACE TRIGGER search_facet_cells_update AFTER UPDATE ON search_documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_cells_apply();
CREATE OR REPLACE TRIGGER search_facet_cells_delete AFTER DELETE ON search_documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_cells_apply();
CREATE TABLE IF NOT EXISTS search_terms (
  term text PRIMARY KEY,
  frequency integer NOT NULL
);
CREATE INDEX IF NOT EXISTS search_terms_trgm ON search_terms USING gin (term gin_trgm_ops);
CREATE INDEX IF NOT EXISTS search_terms_prefix ON search_terms (term text_pattern_ops);
CREATE TABLE IF NOT EXISTS search_lexemes (
  lexeme text PRIMARY KEY
);
-- A GIN index buffers new entries in a pending list that every search scans in full: keep it short (256 kB)
-- so writes between vacuums cannot slow searches down.
${GIN_INDEXES.map((name) => `ALTER INDEX ${name} SET (gin_pending_list_limit = 256);`).join('\n')}
`;

interface DocumentRow {
  product_id: string;
  handle: string;
  title: string;
  brand: string;
  brand_key: string;
  description: string;
  category_handle: string;
  category_path: string[];
  tags: string[];
  specs: { name: string; value: string }[];
  category_text: string;
  detail_text: string;
  min_price_minor: number;
  max_price_minor: number;
  currency_code: string;
  available: boolean;
  created_at: string;
  popularity: number;
}

function toRow(doc: SearchDocument): DocumentRow {
  const words = (handle: string) => handle.replace(/[-_/]+/g, ' ');
  return {
    product_id: doc.productId,
    handle: doc.handle,
    title: doc.title,
    brand: doc.brand,
    brand_key: doc.brand.toLowerCase(),
    description: doc.description,
    category_handle: doc.categoryHandle,
    category_path: doc.categoryPath.includes(doc.categoryHandle)
      ? doc.categoryPath
      : [...doc.categoryPath, doc.categoryHandle],
    tags: doc.tags,
    specs: doc.specs.map((spec) => ({ name: spec.name, value: spec.value })),
    category_text: [...new Set([doc.categoryHandle, ...doc.categoryPath])].map(words).join(' '),
    detail_text: [...doc.specs.map((spec) => `${spec.name} ${spec.value}`), ...doc.tags.map(words)].join(' '),
    min_price_minor: doc.minPriceMinor,
    max_price_minor: doc.maxPriceMinor,
    currency_code: doc.currencyCode,
    available: doc.available,
    created_at: doc.createdAt,
    popularity: Math.max(0, Math.trunc(doc.popularity)),
  };
}

const COLUMNS: [keyof DocumentRow, string][] = [
  ['product_id', 'text'],
  ['handle', 'text'],
  ['title', 'text'],
  ['brand', 'text'],
  ['brand_key', 'text'],
  ['description', 'text'],
  ['category_handle', 'text'],
  ['category_path', 'text[]'],
  ['tags', 'text[]'],
  ['specs', 'jsonb'],
  ['category_text', 'text'],
  ['detail_text', 'text'],
  ['min_price_minor', 'bigint'],
  ['max_price_minor', 'bigint'],
  ['currency_code', 'text'],
  ['available', 'boolean'],
  ['created_at', 'timestamptz'],
  ['popularity', 'integer'],
];

const upsertSql = (table: string) => `
INSERT INTO ${table} (${COLUMNS.map(([name]) => name).join(', ')})
SELECT ${COLUMNS.map(([name]) => name).join(', ')}
FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})
ON CONFLICT (product_id) DO UPDATE SET
${COLUMNS.filter(([name]) => name !== 'product_id')
  .map(([name]) => `  ${name} = excluded.${name}`)
  .join(',\n')}`;

const TERMS_SQL = `
INSERT INTO search_terms (term, frequency)
SELECT w, count(*)::int FROM unnest($1::text[]) AS w GROUP BY w ORDER BY w
ON CONFLICT (term) DO UPDATE SET frequency = search_terms.frequency + excluded.frequency`;

/** Lexemes outlive the documents that brought them; a stale one only spares a word its typo correction. */
const LEXEMES_SQL = `
INSERT INTO search_lexemes (lexeme)
SELECT DISTINCT unnest(tsvector_to_array(document)) FROM search_documents WHERE product_id = ANY($1::text[]) ORDER BY 1
ON CONFLICT (lexeme) DO NOTHING`;

const UPSERT_SQL = upsertSql('search_documents');
const STAGE_SQL = upsertSql('search_documents_staging');

/**
 * Writes documents with their vocabulary. `into` the staging table of a reindex, the lexemes are collected once
 * at the end instead of per batch.
 */
async function writeDocuments(tx: SqlExecutor, docs: SearchDocument[], into: 'index' | 'staging' = 'index'): Promise<void> {
  // The last version of a product in one batch wins; ON CONFLICT cannot touch a row twice in a statement.
  const byId = new Map<string, SearchDocument>();
  for (const doc of docs) byId.set(doc.productId, doc);
  // A fixed order of rows (and of words below) keeps concurrent writers from deadlocking on each other's locks.
  const unique = [...byId.values()].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
  );
  for (let i = 0; i < unique.length; i += UPSERT_BATCH) {
    const batch = unique.slice(i, i + UPSERT_BATCH);
    await tx.query(into === 'index' ? UPSERT_SQL : STAGE_SQL, [JSON.stringify(batch.map(toRow))]);
    const words = batch.flatMap((doc) => [
      ...new Set([
        ...vocabulary(doc.title),
        ...vocabulary(doc.brand),
        ...vocabulary([doc.categoryHandle, ...doc.categoryPath].join(' ')),
      ]),
    ]);
    if (words.length > 0) await tx.query(TERMS_SQL, [words]);
    if (into === 'index') await tx.query(LEXEMES_SQL, [batch.map((doc) => doc.productId)]);
  }
}

/**
 * Turns the words of a query into one tsquery: a word whose lexemes no document holds is widened with its nearest
 * vocabulary word by trigram similarity ("runnign" -> runnign | running), and all words must match.
 * Whether a word is known is asked of search_lexemes (a primary-key probe), not of the documents: a probe of the
 * documents for a word that is nowhere makes the planner scan the whole table.
 * Gives each word's part of the query, or null for a stop word; the engine joins the parts with AND to match
 * and with OR to rank (below).
 */
const RESOLVE_SQL = `
WITH words AS (
  SELECT w.ord, w.word, plainto_tsquery('english', w.word) AS q,
    (SELECT coalesce(bool_and(EXISTS (SELECT 1 FROM search_lexemes s WHERE s.lexeme = l)), FALSE)
       FROM unnest(tsvector_to_array(to_tsvector('english', w.word))) AS l) AS known
  FROM unnest($1::text[]) WITH ORDINALITY AS w(word, ord)
),
resolved AS (
  SELECT ord, q, word,
    CASE WHEN known OR char_length(word) < 3 OR numnode(q) = 0 THEN NULL
      ELSE (SELECT t.term FROM search_terms t WHERE t.term % words.word
            ORDER BY similarity(t.term, words.word) DESC, t.frequency DESC, t.term LIMIT 1)
    END AS correction
  FROM words
)
SELECT word,
  CASE WHEN numnode(q) = 0 THEN NULL
    ELSE '(' || (CASE WHEN correction IS NULL OR correction = word THEN q ELSE q || plainto_tsquery('english', correction) END)::text || ')'
  END AS part
FROM resolved ORDER BY ord`;

/** Words resolved lately, kept in process for a minute: shoppers repeat their words, and most searches then
 * skip the resolving round trip. A word new to the vocabulary meanwhile is at worst still widened with its
 * correction for that minute (the word itself is always in its part). */
const RESOLVED_WORDS_TTL_MS = 60_000;
const RESOLVED_WORDS_MAX = 10_000;

class Params {
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

const SORTS: Record<SearchSort, SortPlan> = {
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
const POPULARITY: SortPlan = {
  order: 'popularity DESC, product_id ASC',
  keyset: ([popularity, id], p) =>
    `(popularity < ${p.add(popularity)}::float8 OR (popularity = ${p.add(popularity)}::float8 AND product_id > ${p.add(id)}::text))`,
  kinds: ['float', 'text'],
  keys: ([id, score]) => [score ?? 0, id],
};

const hitsSchema = z.array(z.tuple([z.string(), z.number().nullable(), z.coerce.number(), z.string()]));
/** The facet cube: category path, brand, price bucket, availability, the filter the rows fail (0: none), count. */
const cubeSchema = z.array(
  z.tuple([z.array(z.string()), z.string(), z.string(), z.boolean(), z.number().int(), z.coerce.number()]),
);

function json(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function emptyResult(): SearchResult {
  return {
    hits: [],
    totalCount: 0,
    hasNextPage: false,
    facets: ['category', 'brand', 'price', 'available'].map((name) => ({ name, values: [] })),
  };
}

export function createPostgresSearchEngine(db: SqlDatabase): SearchEngine {
  const resolvedWords = new Map<string, { part: string | null; until: number }>();

  /** The query for these words, matched with AND and ranked with OR; null when only stop words are left. */
  async function resolveQuery(terms: string[]): Promise<{ match: string; rank: string } | null> {
    const now = Date.now();
    const unknown = terms.filter((term) => !((resolvedWords.get(term)?.until ?? 0) > now));
    if (unknown.length > 0) {
      const { rows } = await db.query<{ word: string; part: string | null }>(RESOLVE_SQL, [unknown]);
      for (const row of rows) {
        if (resolvedWords.size >= RESOLVED_WORDS_MAX) resolvedWords.delete(resolvedWords.keys().next().value!);
        resolvedWords.delete(row.word); // re-inserted last: the map's order is the eviction order
        resolvedWords.set(row.word, { part: row.part, until: now + RESOLVED_WORDS_TTL_MS });
      }
    }
    const parts = terms.map((term) => resolvedWords.get(term)?.part).filter((part): part is string => !!part);
    return parts.length > 0 ? { match: parts.join(' & '), rank: parts.join(' | ') } : null;
  }

  async function search(request: SearchRequest): Promise<SearchResult> {
    const terms = queryTerms(request.query);
    const filters = normaliseFilters(request.filters);
    const sort = request.sort;
    // eslint-disable-next-line security/detect-object-injection -- sort is a SearchSort enum value, checked by GraphQL
    const plan = SORTS[sort];
    if (!plan) throw new SearchInputError(`Unknown sort: ${String(sort)}.`);
    const limit = pageSize(request.first);
    const after = request.after ? decodeCursor(ENGINE, sort, request.after, plan.kinds) : null;

    let tsquery: { match: string; rank: string } | null = null;
    if (terms.length > 0) {
      tsquery = await resolveQuery(terms);
      if (tsquery === null) return emptyResult();
    } else if (/[^\s\p{C}]/u.test(request.query)) {
      // Only symbols or punctuation (emoji, `--;`) and no word: nothing can match, rather than everything.
      return emptyResult();
    }

    const p = new Params();
    const tsq = tsquery === null ? null : `${p.add(tsquery.match)}::tsquery`;
    const flags = {
      f_cat:
        filters.categories.length > 0 ? `d.category_path && ${p.add(filters.categories)}::text[]` : 'TRUE',
      f_brand: filters.brands.length > 0 ? `d.brand_key = ANY(${p.add(filters.brands)}::text[])` : 'TRUE',
      f_price:
        [
          filters.priceMinMinor === null
            ? null
            : `d.max_price_minor >= ${p.add(filters.priceMinMinor)}::bigint`,
          filters.priceMaxMinor === null
            ? null
            : `d.min_price_minor <= ${p.add(filters.priceMaxMinor)}::bigint`,
        ]
          .filter((part) => part !== null)
          .join(' AND ') || 'TRUE',
      f_avail: filters.available === null ? 'TRUE' : `d.available = ${p.add(filters.available)}::boolean`,
      f_spec:
        [...filters.specs.entries()]
          .map(
            ([name, values]) =>
              `d.specs @> ANY(${p.add(values.map((value) => JSON.stringify([{ name, value }])))}::jsonb[])`,
          )
          .join(' AND ') || 'TRUE',
    };
    const allFlags = 'x.f_cat AND x.f_brand AND x.f_price AND x.f_avail AND x.f_spec';

    let score = 'NULL::float8';
    let order = plan;
    if (sort === 'RELEVANCE') {
      const boosts = normaliseBoosts(request.boosts);
      const boosted = Object.keys(boosts.brands).length > 0 || Object.keys(boosts.categories).length > 0;
      if (tsq === null && !boosted) order = POPULARITY;
      score =
        tsq === null
          ? boosted
            ? 'ln(2 + x.popularity)::float8'
            : 'x.popularity::float8'
          : // Ranked by the words joined by OR: ts_rank then sums each word's weighted occurrences in one pass,
            // where the AND form also weighs every pair of positions (proximity), which costs a multiple.
            `ts_rank('${RANK_WEIGHTS}'::float4[], x.document, ${p.add(tsquery!.rank)}::tsquery)::float8`;
      if (Object.keys(boosts.brands).length > 0) {
        score += ` * coalesce((${p.add(JSON.stringify(boosts.brands))}::jsonb ->> x.brand_key)::float8, 1)`;
      }
      if (Object.keys(boosts.categories).length > 0) {
        const boostsParam = p.add(JSON.stringify(boosts.categories));
        score += ` * coalesce((SELECT max((${boostsParam}::jsonb ->> c)::float8) FROM unnest(x.category_path) AS c), 1)`;
      }
    }

    const keyset = after ? order.keyset(after, p) : 'TRUE';
    const limitParam = p.add(limit + 1);
    const priceBucket = 'search_price_bucket(x.min_price_minor)';
    const filterNames = Object.keys(flags) as (keyof typeof flags)[];
    // eslint-disable-next-line security/detect-object-injection -- name is one of this engine's own filter names
    const active = filterNames.filter((name) => flags[name] !== 'TRUE');
    // Which filter a row fails (0: none); a row failing two or more is kept out of the scan altogether.
    const missed = active.length === 0
      ? '0'
      : `CASE ${active.map((name) => `WHEN NOT x.${name} THEN ${filterNames.indexOf(name) + 1}`).join(' ')} ELSE 0 END`;
    const flagColumns = (indent: string) =>
      Object.entries(flags)
        .map(([name, expression]) => `(${expression}) AS ${name}`)
        .join(`,\n${indent}`);
    // A facet needs the rows that only its own filter drops: the rows failing at most one filter.
    const atMostOneMissed = `${active.map((name) => `(NOT x.${name})::int`).join(' + ') || '0'} <= 1`;
    const cubeJson = (rows: string) =>
      `(SELECT coalesce(json_agg(json_build_array(category_path, brand, bucket, available, missed, n)), '[]'::json) FROM (${rows}) c)`;
    const matched = (score: string) => `
  SELECT x.product_id, x.min_price_minor, x.created_at, x.popularity, x.category_path, x.brand, x.available,
    ${priceBucket} AS bucket, ${missed} AS missed, ${score} AS score
  FROM (
    SELECT d.product_id, d.document, d.brand, d.brand_key, d.category_path, d.available, d.min_price_minor,
      d.created_at, d.popularity,
      ${flagColumns('      ')}
    FROM search_documents d
    WHERE ${tsq === null ? 'TRUE' : `d.document @@ ${tsq}`}
  ) x`;
    const hitsJson = `(SELECT coalesce(json_agg(json_build_array(product_id, score, min_price_minor, (extract(epoch FROM created_at) * 1000000)::bigint::text) ORDER BY ${order.order}), '[]'::json)
     FROM page)`;

    /*
     * Two scans of the matches, each cheap, rather than one materialised for both. The page: rows passing every
     * filter, ranked, top N (OFFSET 0 keeps the planner from walking a sort-key index over the whole table
     * instead). The facets: that scan keeps every row failing at most one filter, and one GROUP BY folds them into a small cube (category path, brand, price
     * bucket, availability, which filter failed): a few hundred rows at most, which the facets and the total are
     * summed from below. One hash lookup per matching row, however many facets there are.
     */
    const pageSql = `
page AS (
  SELECT product_id, score, min_price_minor, created_at, popularity FROM (${matched(score)}
    WHERE ${allFlags} OFFSET 0
  ) m
  WHERE ${keyset}
  ORDER BY ${order.order} LIMIT ${limitParam}
)`;
    const sql = `
WITH ${pageSql}
SELECT
  ${cubeJson(`
     SELECT category_path, brand, bucket, available, missed, count(*) AS n FROM (${matched('NULL::float8')}
       WHERE ${atMostOneMissed}
     ) m
     GROUP BY category_path, brand, bucket, available, missed`)} AS cube,
  ${hitsJson} AS hits`;

    // Without facets: only the rows that pass every filter, counted and paged; no facet counting pass.
    const plainSql = `
WITH ${pageSql}
SELECT (SELECT count(*) FROM (${matched('NULL::float8')} WHERE ${allFlags}) m) AS total, ${hitsJson} AS hits`;

    /*
     * Browsing (no words) by category, brand and availability: the facets and the total come from
     * search_facet_cells, a trigger-maintained count per (category path, brand, price bucket, availability),
     * and the page from an index, so the cost does not grow with the catalogue. (A signed-in shopper's boosts
     * reorder the page, which is then sorted from the filtered rows.) Price and spec filters cut across the
     * cells, so they take the scan above.
     */
    const cells = tsq === null && filters.priceMinMinor === null && filters.priceMaxMinor === null && filters.specs.size === 0;
    const cellRows = (where: string) => `
      SELECT x.category_path, x.brand, x.bucket, x.available, ${missed} AS missed, x.n FROM (
        SELECT d.category_path, d.brand, d.bucket, d.available, d.n,
          ${flagColumns('          ')}
        FROM search_facet_cells d WHERE d.n > 0
      ) x WHERE ${where}`;
    const browsePage = `
page AS (
  SELECT product_id, score, min_price_minor, created_at, popularity FROM (
    SELECT x.product_id, x.min_price_minor, x.created_at, x.popularity, ${score} AS score
    FROM (SELECT d.* FROM search_documents d WHERE ${Object.values(flags).join(' AND ')}) x
  ) x
  WHERE ${keyset} ORDER BY ${order.order} LIMIT ${limitParam}
)`;
    const browseSql = `
WITH ${browsePage}
SELECT
  ${cubeJson(cellRows(atMostOneMissed))} AS cube,
  ${hitsJson} AS hits`;
    const browsePlainSql = `
WITH ${browsePage}
SELECT (SELECT coalesce(sum(n), 0) FROM (${cellRows(allFlags)}) c) AS total, ${hitsJson} AS hits`;

    const withFacets = request.withFacets !== false;
    const statement = cells ? (withFacets ? browseSql : browsePlainSql) : withFacets ? sql : plainSql;
    const { rows } = await db.query<Record<string, unknown>>(statement, p.values);
    const raw = rows[0] ?? {};
    const hits = hitsSchema.parse(json(raw.hits));
    const pageHits = hits.slice(0, limit);
    let total: number;
    let facets: SearchFacet[] = [];
    if (withFacets) {
      const cube = cubeSchema.parse(json(raw.cube));
      total = 0;
      const counts = { category: new Map<string, number>(), brand: new Map<string, number>(), price: new Map<string, number>(), available: new Map<string, number>() };
      const add = (facet: Map<string, number>, value: string, n: number) => facet.set(value, (facet.get(value) ?? 0) + n);
      const index = (name: keyof typeof flags) => filterNames.indexOf(name) + 1;
      for (const [path, brand, bucket, available, miss, n] of cube) {
        if (miss === 0) total += n;
        if (miss === 0 || miss === index('f_cat')) for (const c of path) add(counts.category, c, n);
        if (miss === 0 || miss === index('f_brand')) add(counts.brand, brand, n);
        if (miss === 0 || miss === index('f_price')) add(counts.price, bucket, n);
        if (miss === 0 || miss === index('f_avail')) add(counts.available, String(available), n);
      }
      const top = (facet: Map<string, number>) =>
        [...facet]
          .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
          .slice(0, FACET_LIMIT)
          .map(([value, count]) => ({ value, count }));
      const bucketOrder = PRICE_BUCKETS.map(priceBucketLabel);
      facets = [
        { name: 'category', values: top(counts.category) },
        { name: 'brand', values: top(counts.brand) },
        { name: 'price', values: top(counts.price).sort((a, b) => bucketOrder.indexOf(a.value) - bucketOrder.indexOf(b.value)) },
        { name: 'available', values: top(counts.available) },
      ];
    } else {
      total = z.coerce.number().parse(raw.total);
    }
    return {
      hits: pageHits.map((hit) => ({
        productId: hit[0],
        cursor: encodeCursor(ENGINE, sort, order.keys(hit)),
      })),
      totalCount: total,
      hasNextPage: hits.length > limit,
      facets,
    };
  }

  /** Titles that start with the prefix, then titles with a word that does, then vocabulary completions. */
  async function prefixSuggestions(text: string, limit: number): Promise<string[]> {
    const words = text.split(' ');
    const last = words[words.length - 1]!;
    const head = words.slice(0, -1).join(' ');
    const p = new Params();
    // Several products may share a title: fetch more than asked, then keep distinct titles.
    const n = p.add(limit * 4);
    const parts = [
      `(SELECT title AS s, 1 AS tier, popularity::float8 AS rank FROM search_documents
        WHERE lower(title) LIKE ${p.add(`${text}%`)} ORDER BY popularity DESC, title LIMIT ${n})`,
      `(SELECT ${p.add(head ? `${head} ` : '')} || term AS s, 3 AS tier, frequency::float8 AS rank
        FROM search_terms WHERE term LIKE ${p.add(`${last}%`)} ORDER BY frequency DESC, term LIMIT ${n})`,
    ];
    if (text.length >= 3) {
      // Below three characters no trigram can serve an infix match; the prefix tiers suffice.
      parts.push(`(SELECT title AS s, 2 AS tier, popularity::float8 AS rank FROM search_documents
        WHERE lower(title) LIKE ${p.add(`% ${text}%`)} ORDER BY popularity DESC, title LIMIT ${n})`);
    }
    const { rows } = await db.query<{ s: string }>(
      `SELECT s FROM (${parts.join(' UNION ALL ')}) u ORDER BY tier, rank DESC, s`,
      p.values,
    );
    return rows.map((row) => row.s);
  }

  async function suggest(prefix: string, first: number): Promise<string[]> {
    const text = suggestionPrefix(prefix);
    const limit = pageSize(first, 20);
    if (text.length === 0 || limit === 0) return [];
    const seen = new Set<string>();
    const out: string[] = [];
    const take = (list: string[]) => {
      for (const s of list) {
        const key = s.toLowerCase();
        if (out.length === limit || seen.has(key)) continue;
        seen.add(key);
        out.push(s);
      }
    };
    take(await prefixSuggestions(text, limit));
    const words = text.split(' ');
    const last = words[words.length - 1]!;
    if (out.length < limit && last.length >= 3) {
      // Only when the prefix found too little: a mistyped last word ("wirles") is corrected against the vocabulary.
      const { rows } = await db.query<{ term: string }>(
        `SELECT term FROM search_terms WHERE term % $1 AND term <> $1
         ORDER BY similarity(term, $1) DESC, frequency DESC, term LIMIT 2`,
        [last],
      );
      for (const { term } of rows) {
        take(await prefixSuggestions([...words.slice(0, -1), term].join(' '), limit));
      }
    }
    return out;
  }

  /** Products similar to each of the given ones, in one statement for all of them (a request's DataLoader batch). */
  async function relatedMany(productIds: readonly string[], first: number): Promise<Map<string, string[]>> {
    const limit = pageSize(first, 50);
    const out = new Map<string, string[]>();
    const ids = [...new Set(productIds)].filter((id) => typeof id === 'string' && id.length > 0 && id.length <= 200 && clean(id) === id);
    if (ids.length === 0 || limit === 0) return out;
    // Bounded candidate pools (same category, same brand, similar title) keep this cheap on a large catalogue.
    const { rows } = await db.query<{ source_id: string; product_id: string }>(
      `SELECT s.product_id AS source_id, r.product_id
       FROM search_documents s
       CROSS JOIN LATERAL (
         WITH candidates AS (
           (SELECT product_id FROM search_documents WHERE category_handle = s.category_handle AND product_id <> s.product_id ORDER BY popularity DESC LIMIT 200)
           UNION
           (SELECT product_id FROM search_documents WHERE brand_key = s.brand_key AND product_id <> s.product_id ORDER BY popularity DESC LIMIT 100)
           UNION
           (SELECT product_id FROM search_documents WHERE lower(title) % lower(s.title) AND product_id <> s.product_id LIMIT 100)
         )
         SELECT d.product_id FROM candidates JOIN search_documents d USING (product_id)
         ORDER BY
           3.0 * (d.category_handle = s.category_handle)::int
           + 0.5 * (SELECT count(*) FROM unnest(d.category_path) AS c WHERE c = ANY(s.category_path))
           + 1.5 * (d.brand_key = s.brand_key)::int
           + 3.0 * similarity(lower(d.title), lower(s.title))
           + 0.5 * (SELECT count(*) FROM unnest(d.tags) AS t WHERE t = ANY(s.tags)) DESC,
           d.popularity DESC, d.product_id
         LIMIT $2
       ) r
       WHERE s.product_id = ANY($1::text[])`,
      [ids, limit],
    );
    for (const row of rows) {
      const list = out.get(row.source_id);
      if (list) list.push(row.product_id);
      else out.set(row.source_id, [row.product_id]);
    }
    return out;
  }

  async function related(productId: string, first: number): Promise<string[]> {
    return (await relatedMany([productId], first)).get(productId) ?? [];
  }

  return {
    name: 'postgres',

    async init() {
      await db.exec(SCHEMA);
      // An index built before the cells existed: count them once, with writers held off so none is missed.
      const filled = async (sql: SqlExecutor) =>
        (
          await sql.query<{ cells: boolean; docs: boolean }>(
            'SELECT EXISTS (SELECT 1 FROM search_facet_cells) AS cells, EXISTS (SELECT 1 FROM search_documents) AS docs',
          )
        ).rows[0]!;
      const state = await filled(db);
      if (state.docs && !state.cells) {
        await db.transaction(async (tx) => {
          await tx.query('LOCK TABLE search_documents IN SHARE MODE');
          const again = await filled(tx);
          if (again.docs && !again.cells) await tx.exec(CELLS_REBUILD_SQL);
        });
      }
    },

    async upsert(docs) {
      if (docs.length === 0) return;
      await db.transaction((tx) => writeDocuments(tx, docs));
    },

    async remove(productIds) {
      if (productIds.length === 0) return;
      await db.query('DELETE FROM search_documents WHERE product_id = ANY($1::text[])', [productIds]);
    },

    async setAvailability(updates) {
      if (updates.length === 0) return;
      const latest = new Map<string, boolean>();
      for (const update of updates) latest.set(update.productId, update.available);
      await db.query(
        `UPDATE search_documents d SET available = u.available
         FROM unnest($1::text[], $2::boolean[]) AS u(product_id, available)
         WHERE d.product_id = u.product_id AND d.available IS DISTINCT FROM u.available`,
        [[...latest.keys()], [...latest.values()]],
      );
    },

    search,
    suggest,
    related,
    relatedMany,

    async reindex(batches) {
      /*
       * DELETE (not TRUNCATE) inside one transaction: readers keep seeing the old index until the commit.
       * Documents are staged first and written in category order, so the matches of a query (which cluster by
       * category) sit on few pages: a search over thousands of matches then reads a fraction of the table.
       * Later upserts append; the next reindex restores the order.
       */
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM search_documents');
        await tx.query('DELETE FROM search_terms');
        await tx.query('DELETE FROM search_lexemes');
        await tx.query(
          `CREATE TEMP TABLE search_documents_staging (LIKE search_documents, PRIMARY KEY (product_id)) ON COMMIT DROP`,
        );
        for await (const docs of batches) {
          if (docs.length > 0) await writeDocuments(tx, docs, 'staging');
        }
        const columns = COLUMNS.map(([name]) => name).join(', ');
        await tx.query(
          `INSERT INTO search_documents (${columns})
           SELECT ${columns} FROM search_documents_staging ORDER BY category_path, product_id`,
        );
        await tx.query(
          `INSERT INTO search_lexemes (lexeme)
           SELECT DISTINCT unnest(tsvector_to_array(document)) FROM search_documents ORDER BY 1`,
        );
        await tx.exec(CELLS_REBUILD_SQL);
      });
      // Merge what the bulk write left in the GIN pending lists and refresh the planner's statistics, at once
      // rather than at autovacuum's pace: both weigh on every search until done.
      await db.query(`SELECT ${GIN_INDEXES.map((name) => `gin_clean_pending_list('${name}'::regclass)`).join(', ')}`);
      await db.query('ANALYZE search_documents');
      await db.query('ANALYZE search_terms');
      await db.query('ANALYZE search_facet_cells');
    },

    async close() {
      // The database belongs to the service that passed it in; it closes it.
    },
  };
}
