// The embedded search engine: Postgres full-text search (weighted tsvector, GIN) with pg_trgm typo tolerance.
// Works alike on a Postgres server and on PGlite; it owns the tables search_documents, search_terms, search_lexemes.
import { z } from 'zod';
import type { SqlDatabase, SqlExecutor } from '@shop/datastores';
import type { SearchEngine, SearchFacet, SearchRequest, SearchResult } from './engine';
import {
  PRICE_BUCKETS,
  SearchInputError,
  decodeCursor,
  encodeCursor,
  normaliseBoosts,
  normaliseFilters,
  pageSize,
  priceBucketLabel,
  queryTerms,
} from './input';
import { reindexDocuments, writeDocuments } from './postgres-documents';
import { CELLS_REBUILD_SQL, SCHEMA } from './postgres-schema';
import { Params, POPULARITY, SORTS } from './postgres-sorts';
import { createPostgresSuggestions } from './postgres-suggest';

const ENGINE = 'postgres';

/*
 * Weights of ts_rank_cd in the order {D, C, B, A}: a title word is worth ten description words, so a title match
 * outranks a description that repeats the term a few times.
 */
const RANK_WEIGHTS = '{0.02, 0.1, 0.4, 1.0}';
/** Enough to keep a facet readable; a shop has fewer brands or categories in any one result. */
const FACET_LIMIT = 50;

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
  const suggestions = createPostgresSuggestions(db);
  const resolvedWords = new Map<string, { part: string | null; until: number }>();

  /** The query for these words, matched with AND and ranked with OR; null when only stop words are left. */
  async function resolveQuery(terms: string[]): Promise<{ match: string; rank: string } | null> {
    const now = Date.now();
    const unknown = terms.filter((term) => !((resolvedWords.get(term)?.until ?? 0) > now));
    if (unknown.length > 0) {
      const { rows } = await db.query<{ word: string; part: string | null }>(RESOLVE_SQL, [unknown]);
      for (const row of rows) {
        if (resolvedWords.size >= RESOLVED_WORDS_MAX)
          resolvedWords.delete(resolvedWords.keys().next().value!);
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
    const missed =
      active.length === 0
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
    const cells =
      tsq === null &&
      filters.priceMinMinor === null &&
      filters.priceMaxMinor === null &&
      filters.specs.size === 0;
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
      const counts = {
        category: new Map<string, number>(),
        brand: new Map<string, number>(),
        price: new Map<string, number>(),
        available: new Map<string, number>(),
      };
      const add = (facet: Map<string, number>, value: string, n: number) =>
        facet.set(value, (facet.get(value) ?? 0) + n);
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
        {
          name: 'price',
          values: top(counts.price).sort(
            (a, b) => bucketOrder.indexOf(a.value) - bucketOrder.indexOf(b.value),
          ),
        },
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
    ...suggestions,

    async reindex(batches) {
      await reindexDocuments(db, batches);
    },

    async close() {
      // The database belongs to the service that passed it in; it closes it.
    },
  };
}
