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

const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE IF NOT EXISTS search_documents (
  product_id text PRIMARY KEY,
  handle text NOT NULL,
  title text NOT NULL,
  brand text NOT NULL,
  brand_key text NOT NULL,
  description text NOT NULL,
  category_handle text NOT NULL,
  category_path text[] NOT NULL,
  tags text[] NOT NULL,
  specs jsonb NOT NULL,
  category_text text NOT NULL,
  detail_text text NOT NULL,
  min_price_minor bigint NOT NULL,
  max_price_minor bigint NOT NULL,
  currency_code text NOT NULL,
  available boolean NOT NULL,
  created_at timestamptz NOT NULL,
  popularity integer NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, brand || ' ' || category_text), 'B') ||
    setweight(to_tsvector('english'::regconfig, description), 'C') ||
    setweight(to_tsvector('english'::regconfig, detail_text), 'D')
  ) STORED
);
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
CREATE INDEX IF NOT EXISTS search_documents_popularity ON search_documents (popularity DESC);
CREATE TABLE IF NOT EXISTS search_terms (
  term text PRIMARY KEY,
  frequency integer NOT NULL
);
CREATE INDEX IF NOT EXISTS search_terms_trgm ON search_terms USING gin (term gin_trgm_ops);
CREATE INDEX IF NOT EXISTS search_terms_prefix ON search_terms (term text_pattern_ops);
CREATE TABLE IF NOT EXISTS search_lexemes (
  lexeme text PRIMARY KEY
);
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

const UPSERT_SQL = `
INSERT INTO search_documents (${COLUMNS.map(([name]) => name).join(', ')})
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

async function writeDocuments(tx: SqlExecutor, docs: SearchDocument[]): Promise<void> {
  // The last version of a product in one batch wins; ON CONFLICT cannot touch a row twice in a statement.
  const byId = new Map<string, SearchDocument>();
  for (const doc of docs) byId.set(doc.productId, doc);
  // A fixed order of rows (and of words below) keeps concurrent writers from deadlocking on each other's locks.
  const unique = [...byId.values()].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
  );
  for (let i = 0; i < unique.length; i += UPSERT_BATCH) {
    const batch = unique.slice(i, i + UPSERT_BATCH);
    await tx.query(UPSERT_SQL, [JSON.stringify(batch.map(toRow))]);
    const words = batch.flatMap((doc) => [
      ...new Set([
        ...vocabulary(doc.title),
        ...vocabulary(doc.brand),
        ...vocabulary([doc.categoryHandle, ...doc.categoryPath].join(' ')),
      ]),
    ]);
    if (words.length > 0) await tx.query(TERMS_SQL, [words]);
    await tx.query(LEXEMES_SQL, [batch.map((doc) => doc.productId)]);
  }
}

/**
 * Turns the words of a query into one tsquery: a word whose lexemes no document holds is widened with its nearest
 * vocabulary word by trigram similarity ("runnign" -> runnign | running), and all words must match.
 * Whether a word is known is asked of search_lexemes (a primary-key probe), not of the documents: a probe of the
 * documents for a word that is nowhere makes the planner scan the whole table.
 * Yields null when nothing searchable is left (only stop words).
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
    CASE WHEN known OR char_length(word) < 3 THEN NULL
      ELSE (SELECT t.term FROM search_terms t WHERE t.term % words.word
            ORDER BY similarity(t.term, words.word) DESC, t.frequency DESC, t.term LIMIT 1)
    END AS correction
  FROM words
  WHERE numnode(q) > 0
)
SELECT string_agg(
  '(' || (CASE WHEN correction IS NULL OR correction = word THEN q ELSE q || plainto_tsquery('english', correction) END)::text || ')',
  ' & ' ORDER BY ord) AS tsquery
FROM resolved`;

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
  kinds: ('string' | 'number')[];
  keys: (hit: HitRow) => (string | number)[];
}

type HitRow = [string, number | null, number, string];

const SORTS: Record<SearchSort, SortPlan> = {
  RELEVANCE: {
    order: 'score DESC, product_id ASC',
    keyset: ([score, id], p) =>
      `(score < ${p.add(score)}::float8 OR (score = ${p.add(score)}::float8 AND product_id > ${p.add(id)}::text))`,
    kinds: ['number', 'string'],
    keys: ([id, score]) => [score ?? 0, id],
  },
  PRICE_ASC: {
    order: 'min_price_minor ASC, product_id ASC',
    keyset: ([price, id], p) =>
      `(min_price_minor, product_id) > (${p.add(price)}::bigint, ${p.add(id)}::text)`,
    kinds: ['number', 'string'],
    keys: ([id, , price]) => [price, id],
  },
  PRICE_DESC: {
    order: 'min_price_minor DESC, product_id ASC',
    keyset: ([price, id], p) =>
      `(min_price_minor < ${p.add(price)}::bigint OR (min_price_minor = ${p.add(price)}::bigint AND product_id > ${p.add(id)}::text))`,
    kinds: ['number', 'string'],
    keys: ([id, , price]) => [price, id],
  },
  NEWEST: {
    order: 'created_at DESC, product_id ASC',
    // Microseconds since the epoch: exact, and independent of the session's TimeZone and DateStyle.
    keyset: ([at, id], p) => {
      const instant = `(timestamptz 'epoch' + ${p.add(at)}::bigint * interval '1 microsecond')`;
      return `(created_at < ${instant} OR (created_at = ${instant} AND product_id > ${p.add(id)}::text))`;
    },
    kinds: ['string', 'string'],
    keys: ([id, , , at]) => [at, id],
  },
};

const facetValues = z.array(z.tuple([z.string(), z.coerce.number()])).nullable();
const searchRowSchema = z.object({
  total: z.coerce.number(),
  hits: z.array(z.tuple([z.string(), z.number().nullable(), z.coerce.number(), z.string()])),
  category: facetValues,
  brand: facetValues,
  price: facetValues,
  available: facetValues,
});

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
  async function resolveQuery(terms: string[]): Promise<string | null> {
    const { rows } = await db.query<{ tsquery: string | null }>(RESOLVE_SQL, [terms]);
    return rows[0]?.tsquery ?? null;
  }

  async function search(request: SearchRequest): Promise<SearchResult> {
    const terms = queryTerms(request.query);
    const filters = normaliseFilters(request.filters);
    const sort = request.sort;
    const plan = SORTS[sort];
    if (!plan) throw new SearchInputError(`Unknown sort: ${String(sort)}.`);
    const limit = pageSize(request.first);
    const after = request.after ? decodeCursor(ENGINE, sort, request.after, plan.kinds) : null;

    let tsquery: string | null = null;
    if (terms.length > 0) {
      tsquery = await resolveQuery(terms);
      if (tsquery === null) return emptyResult();
    } else if (/[^\s\p{C}]/u.test(request.query)) {
      // Only symbols or punctuation (emoji, `--;`) and no word: nothing can match, rather than everything.
      return emptyResult();
    }

    const p = new Params();
    const tsq = tsquery === null ? null : `${p.add(tsquery)}::tsquery`;
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
    if (sort === 'RELEVANCE') {
      score =
        tsq === null
          ? 'ln(2 + x.popularity)::float8'
          : `ts_rank_cd('${RANK_WEIGHTS}'::float4[], x.document, ${tsq})::float8`;
      const boosts = normaliseBoosts(request.boosts);
      if (Object.keys(boosts.brands).length > 0) {
        score += ` * coalesce((${p.add(JSON.stringify(boosts.brands))}::jsonb ->> x.brand_key)::float8, 1)`;
      }
      if (Object.keys(boosts.categories).length > 0) {
        const boostsParam = p.add(JSON.stringify(boosts.categories));
        score += ` * coalesce((SELECT max((${boostsParam}::jsonb ->> c)::float8) FROM unnest(x.category_path) AS c), 1)`;
      }
    }

    const keyset = after ? plan.keyset(after, p) : 'TRUE';
    const limitParam = p.add(limit + 1);
    const priceBucket = `CASE ${PRICE_BUCKETS.map((bucket) =>
      bucket.to === null ? '' : `WHEN x.min_price_minor < ${bucket.to} THEN '${priceBucketLabel(bucket)}'`,
    ).join(' ')} ELSE '${priceBucketLabel(PRICE_BUCKETS[PRICE_BUCKETS.length - 1]!)}' END`;
    const othersThan = (except: keyof typeof flags) =>
      Object.keys(flags)
        .filter((name) => name !== except)
        .join(' AND ');
    const facetJson = (value: string, count: string, where: string) =>
      `(SELECT json_agg(json_build_array(v, n) ORDER BY n DESC, v) FROM (
          SELECT ${value} AS v, ${count} AS n FROM counts WHERE ${where} ORDER BY n DESC, v LIMIT ${FACET_LIMIT}) f)`;

    /*
     * One scan of the matches: base keeps every row that fails at most one filter (a facet needs the rows its own
     * filter drops), and one GROUPING SETS pass counts each facet with the other filters and the total with all.
     * Category counts are grouped by whole path first, then spread over the path's handles: far cheaper than
     * unnesting every row.
     */
    const sql = `
WITH base AS MATERIALIZED (
  SELECT x.product_id, x.brand, x.category_path, x.available, x.min_price_minor, x.created_at,
    ${priceBucket} AS bucket,
    x.f_cat, x.f_brand, x.f_price, x.f_avail, x.f_spec,
    CASE WHEN ${allFlags} THEN ${score} END AS score
  FROM (
    SELECT d.product_id, d.document, d.brand, d.brand_key, d.category_path, d.available, d.min_price_minor,
      d.created_at, d.popularity,
      ${Object.entries(flags)
        .map(([name, expression]) => `(${expression}) AS ${name}`)
        .join(',\n      ')}
    FROM search_documents d
    WHERE ${tsq === null ? 'TRUE' : `d.document @@ ${tsq}`}
  ) x
  WHERE (NOT x.f_cat)::int + (NOT x.f_brand)::int + (NOT x.f_price)::int + (NOT x.f_avail)::int + (NOT x.f_spec)::int <= 1
),
counts AS (
  SELECT category_path, brand, bucket, available::text AS available,
    GROUPING(category_path, brand, bucket, available) AS g,
    count(*) FILTER (WHERE ${othersThan('f_cat')}) AS n_cat,
    count(*) FILTER (WHERE ${othersThan('f_brand')}) AS n_brand,
    count(*) FILTER (WHERE ${othersThan('f_price')}) AS n_price,
    count(*) FILTER (WHERE ${othersThan('f_avail')}) AS n_avail,
    count(*) FILTER (WHERE f_cat AND f_brand AND f_price AND f_avail AND f_spec) AS n_all
  FROM base
  GROUP BY GROUPING SETS ((category_path), (brand), (bucket), (available), ())
),
page AS (
  SELECT product_id, score, min_price_minor, created_at FROM base
  WHERE f_cat AND f_brand AND f_price AND f_avail AND f_spec AND ${keyset}
  ORDER BY ${plan.order} LIMIT ${limitParam}
)
SELECT
  (SELECT coalesce(sum(n_all), 0) FROM counts WHERE g = 15) AS total,
  (SELECT coalesce(json_agg(json_build_array(product_id, score, min_price_minor, (extract(epoch FROM created_at) * 1000000)::bigint::text) ORDER BY ${plan.order}), '[]'::json)
     FROM page) AS hits,
  (SELECT json_agg(json_build_array(v, n) ORDER BY n DESC, v) FROM (
     SELECT c AS v, sum(n_cat) AS n FROM counts, unnest(category_path) AS c WHERE g = 7 AND n_cat > 0
     GROUP BY c ORDER BY n DESC, c LIMIT ${FACET_LIMIT}) f) AS category,
  ${facetJson('brand', 'n_brand', 'g = 11 AND n_brand > 0')} AS brand,
  ${facetJson('bucket', 'n_price', 'g = 13 AND n_price > 0')} AS price,
  ${facetJson('available', 'n_avail', 'g = 14 AND n_avail > 0')} AS available`;

    // Without facets: only the rows that pass every filter, counted and paged; no facet counting pass.
    const plainSql = `
WITH base AS MATERIALIZED (
  SELECT x.product_id, x.min_price_minor, x.created_at, ${score} AS score
  FROM (
    SELECT d.product_id, d.document, d.brand_key, d.category_path, d.min_price_minor, d.created_at, d.popularity,
      ${Object.entries(flags)
        .map(([name, expression]) => `(${expression}) AS ${name}`)
        .join(',\n      ')}
    FROM search_documents d
    WHERE ${tsq === null ? 'TRUE' : `d.document @@ ${tsq}`}
  ) x
  WHERE ${allFlags}
),
page AS (
  SELECT product_id, score, min_price_minor, created_at FROM base WHERE ${keyset} ORDER BY ${plan.order} LIMIT ${limitParam}
)
SELECT
  (SELECT count(*) FROM base) AS total,
  (SELECT coalesce(json_agg(json_build_array(product_id, score, min_price_minor, (extract(epoch FROM created_at) * 1000000)::bigint::text) ORDER BY ${plan.order}), '[]'::json)
     FROM page) AS hits,
  NULL AS category, NULL AS brand, NULL AS price, NULL AS available`;

    const withFacets = request.withFacets !== false;
    const { rows } = await db.query<Record<string, unknown>>(withFacets ? sql : plainSql, p.values);
    const raw = rows[0] ?? {};
    const row = searchRowSchema.parse({
      total: raw.total,
      hits: json(raw.hits),
      category: json(raw.category),
      brand: json(raw.brand),
      price: json(raw.price),
      available: json(raw.available),
    });
    const pageHits = row.hits.slice(0, limit);
    const bucketOrder = PRICE_BUCKETS.map(priceBucketLabel);
    const values = (list: [string, number][] | null) =>
      (list ?? []).map(([value, count]) => ({ value, count }));
    const facets: SearchFacet[] = !withFacets ? [] : [
      { name: 'category', values: values(row.category) },
      { name: 'brand', values: values(row.brand) },
      {
        name: 'price',
        values: values(row.price).sort((a, b) => bucketOrder.indexOf(a.value) - bucketOrder.indexOf(b.value)),
      },
      { name: 'available', values: values(row.available) },
    ];
    return {
      hits: pageHits.map((hit) => ({
        productId: hit[0],
        cursor: encodeCursor(ENGINE, sort, plan.keys(hit)),
      })),
      totalCount: row.total,
      hasNextPage: row.hits.length > limit,
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

  async function related(productId: string, first: number): Promise<string[]> {
    const limit = pageSize(first, 50);
    if (
      typeof productId !== 'string' ||
      clean(productId) !== productId ||
      productId.length === 0 ||
      productId.length > 200 ||
      limit === 0
    ) {
      return [];
    }
    const source = await db.query<{
      category_handle: string;
      category_path: string[];
      brand_key: string;
      title: string;
      tags: string[];
    }>(
      'SELECT category_handle, category_path, brand_key, lower(title) AS title, tags FROM search_documents WHERE product_id = $1',
      [productId],
    );
    const src = source.rows[0];
    if (!src) return [];
    // Bounded candidate pools (same category, same brand, similar title) keep this cheap on a large catalogue.
    const { rows } = await db.query<{ product_id: string }>(
      `WITH candidates AS (
         (SELECT product_id FROM search_documents WHERE category_handle = $2 AND product_id <> $1 ORDER BY popularity DESC LIMIT 200)
         UNION
         (SELECT product_id FROM search_documents WHERE brand_key = $4 AND product_id <> $1 ORDER BY popularity DESC LIMIT 100)
         UNION
         (SELECT product_id FROM search_documents WHERE lower(title) % $5 AND product_id <> $1 LIMIT 100)
       )
       SELECT d.product_id FROM candidates JOIN search_documents d USING (product_id)
       ORDER BY
         3.0 * (d.category_handle = $2)::int
         + 0.5 * (SELECT count(*) FROM unnest(d.category_path) AS c WHERE c = ANY($3::text[]))
         + 1.5 * (d.brand_key = $4)::int
         + 3.0 * similarity(lower(d.title), $5)
         + 0.5 * (SELECT count(*) FROM unnest(d.tags) AS t WHERE t = ANY($6::text[])) DESC,
         d.popularity DESC, d.product_id
       LIMIT $7`,
      [productId, src.category_handle, src.category_path, src.brand_key, src.title, src.tags, limit],
    );
    return rows.map((row) => row.product_id);
  }

  return {
    name: 'postgres',

    async init() {
      await db.exec(SCHEMA);
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

    async reindex(batches) {
      // DELETE (not TRUNCATE) inside one transaction: readers keep seeing the old index until the commit.
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM search_documents');
        await tx.query('DELETE FROM search_terms');
        await tx.query('DELETE FROM search_lexemes');
        for await (const docs of batches) {
          if (docs.length > 0) await writeDocuments(tx, docs);
        }
      });
    },

    async close() {
      // The database belongs to the service that passed it in; it closes it.
    },
  };
}
