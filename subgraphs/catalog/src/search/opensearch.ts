// The production search engine: OpenSearch behind an alias, so a rebuild swaps indices with no downtime.
/* eslint-disable security/detect-object-injection -- the keys this engine indexes by are its own filter, facet,
   sort and field names (FilterName, SearchSort), never a client's text */
import { randomBytes } from 'node:crypto';
import { Client, type API } from '@opensearch-project/opensearch';
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
  type NormalisedFilters,
} from './input';

const ENGINE = 'opensearch';
const FACET_LIMIT = 50;
const BULK_BATCH = 500;
/** The aggregation holding the facets counted over the whole index (those whose own filter is on). */
const SCOPED = 'scoped_facets';

type Json = Record<string, unknown>;

/** Search fields and their boosts; every word must match one of them exactly (after stemming). */
const TEXT_FIELDS = [
  'title^4',
  'title.plain^3',
  'brand^2',
  'categoryText^2',
  'description',
  'specsText',
  'tags',
];

/**
 * Where a mistyped word is corrected: the unstemmed title (fuzzy matching must see the word as typed), brand and
 * category words. Short fields with a small vocabulary, as the Postgres engine corrects against its vocabulary:
 * fuzzy expansion over descriptions costs far more and finds mostly noise.
 */
const FUZZY_FIELDS = ['title.plain^3', 'brand', 'categoryText'];

const INDEX_BODY: Json = {
  settings: {
    // One shard keeps BM25 statistics exact for a catalogue of this size.
    number_of_shards: 1,
    analysis: {
      normalizer: { lowercase: { type: 'custom', filter: ['lowercase', 'asciifolding'] } },
      analyzer: {
        plain: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
      },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      productId: { type: 'keyword' },
      handle: { type: 'keyword' },
      title: {
        type: 'text',
        analyzer: 'english',
        fields: {
          plain: { type: 'text', analyzer: 'plain' },
          raw: { type: 'keyword' },
          lower: { type: 'keyword', normalizer: 'lowercase' },
        },
      },
      titleSuggest: { type: 'search_as_you_type', analyzer: 'plain' },
      brand: {
        type: 'text',
        analyzer: 'english',
        fields: {
          raw: { type: 'keyword', eager_global_ordinals: true },
          key: { type: 'keyword', normalizer: 'lowercase' },
        },
      },
      description: { type: 'text', analyzer: 'english' },
      categoryHandle: { type: 'keyword' },
      // Facets: their global ordinals are built as a refresh makes documents visible, not by the next search.
      categoryPath: { type: 'keyword', eager_global_ordinals: true },
      categoryText: { type: 'text', analyzer: 'english' },
      tags: { type: 'text', analyzer: 'english', fields: { raw: { type: 'keyword' } } },
      specs: { type: 'nested', properties: { name: { type: 'keyword' }, value: { type: 'keyword' } } },
      specsText: { type: 'text', analyzer: 'english' },
      minPriceMinor: { type: 'long' },
      maxPriceMinor: { type: 'long' },
      currencyCode: { type: 'keyword' },
      available: { type: 'boolean' },
      createdAt: { type: 'date' },
      popularity: { type: 'integer' },
    },
  },
};

function toSource(doc: SearchDocument): Json {
  const words = (handle: string) => handle.replace(/[-_/]+/g, ' ');
  const path = doc.categoryPath.includes(doc.categoryHandle)
    ? doc.categoryPath
    : [...doc.categoryPath, doc.categoryHandle];
  return {
    productId: doc.productId,
    handle: doc.handle,
    title: doc.title,
    titleSuggest: doc.title,
    brand: doc.brand,
    description: doc.description,
    categoryHandle: doc.categoryHandle,
    categoryPath: path,
    categoryText: [...new Set(path)].map(words).join(' '),
    tags: doc.tags,
    specs: doc.specs.map((spec) => ({ name: spec.name, value: spec.value })),
    specsText: doc.specs.map((spec) => `${spec.name} ${spec.value}`).join(' '),
    minPriceMinor: doc.minPriceMinor,
    maxPriceMinor: doc.maxPriceMinor,
    currencyCode: doc.currencyCode,
    available: doc.available,
    createdAt: doc.createdAt,
    popularity: Math.max(0, Math.trunc(doc.popularity)),
  };
}

type FilterName = 'category' | 'brand' | 'price' | 'available' | 'spec';

function filterClauses(filters: NormalisedFilters): Record<FilterName, Json | null> {
  const price: Json[] = [];
  if (filters.priceMinMinor !== null)
    price.push({ range: { maxPriceMinor: { gte: filters.priceMinMinor } } });
  if (filters.priceMaxMinor !== null)
    price.push({ range: { minPriceMinor: { lte: filters.priceMaxMinor } } });
  const specs = [...filters.specs.entries()].map(([name, values]) => ({
    nested: {
      path: 'specs',
      query: { bool: { filter: [{ term: { 'specs.name': name } }, { terms: { 'specs.value': values } }] } },
    },
  }));
  return {
    category: filters.categories.length > 0 ? { terms: { categoryPath: filters.categories } } : null,
    brand: filters.brands.length > 0 ? { terms: { 'brand.key': filters.brands } } : null,
    price: price.length > 0 ? { bool: { filter: price } } : null,
    available: filters.available === null ? null : { term: { available: filters.available } },
    spec: specs.length > 0 ? { bool: { filter: specs } } : null,
  };
}

function activeExcept(clauses: Record<FilterName, Json | null>, except: FilterName | null): Json[] {
  return (Object.entries(clauses) as [FilterName, Json | null][])
    .filter(([name, clause]) => name !== except && clause !== null)
    .map(([, clause]) => clause as Json);
}

const SORTS: Record<SearchSort, Json[]> = {
  RELEVANCE: [{ _score: 'desc' }, { productId: 'asc' }],
  PRICE_ASC: [{ minPriceMinor: 'asc' }, { productId: 'asc' }],
  PRICE_DESC: [{ minPriceMinor: 'desc' }, { productId: 'asc' }],
  NEWEST: [{ createdAt: 'desc' }, { productId: 'asc' }],
};

interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

type Buckets = { buckets?: Bucket[] | Record<string, Bucket> };

/** A facet's aggregation as it comes back: its buckets, or, for those counted over the whole index, each under `matched`. */
type FacetAggregation = Buckets & { matched?: Record<string, { values?: Buckets }> };

interface SearchHit {
  _id: string;
  _source?: Json;
  sort?: (string | number)[];
}

interface SearchBody {
  hits: { total: { value: number } | number; hits: SearchHit[] };
  aggregations?: Record<string, FacetAggregation>;
}

interface BulkBody {
  errors: boolean;
  items: Record<string, { status: number; error?: { type?: string; reason?: string } }>[];
}

function emptyResult(): SearchResult {
  return {
    hits: [],
    totalCount: 0,
    hasNextPage: false,
    facets: ['category', 'brand', 'price', 'available'].map((name) => ({ name, values: [] })),
  };
}

export function createOpenSearchEngine(options: { node: string; indexPrefix: string }): SearchEngine {
  const client = new Client({ node: options.node });
  const prefix = options.indexPrefix.toLowerCase();
  const alias = `${prefix}products`;

  function newIndexName(): string {
    return `${alias}-${Date.now()}-${randomBytes(3).toString('hex')}`;
  }

  async function currentIndices(): Promise<string[]> {
    const response = await client.indices.getAlias({ name: alias }, { ignore: [404] });
    if (response.statusCode === 404) return [];
    return Object.keys(response.body as Record<string, unknown>);
  }

  /** Sends a bulk request; failures other than the ones a caller tolerates (a missing document) throw. */
  async function bulk(
    index: string,
    body: Json[],
    refresh: boolean | 'wait_for',
    tolerated: number[] = [],
  ): Promise<void> {
    if (body.length === 0) return;
    const response = await client.bulk({ index, body, refresh });
    const result = response.body as unknown as BulkBody;
    if (!result.errors) return;
    const failures = result.items
      .map((item) => Object.values(item)[0])
      .filter((item) => item?.error && !tolerated.includes(item.status));
    if (failures.length > 0) {
      const first = failures[0]?.error;
      throw new Error(
        `OpenSearch bulk request failed for ${failures.length} item(s): ${first?.type ?? ''} ${first?.reason ?? ''}`,
      );
    }
  }

  async function indexDocuments(
    index: string,
    docs: SearchDocument[],
    refresh: boolean | 'wait_for',
  ): Promise<void> {
    for (let i = 0; i < docs.length; i += BULK_BATCH) {
      const body = docs
        .slice(i, i + BULK_BATCH)
        .flatMap((doc) => [{ index: { _id: doc.productId } }, toSource(doc)]);
      await bulk(index, body, refresh);
    }
  }

  /** Every word must match in some field (AND across fields): exactly anywhere, or within an edit or two of a short field. */
  function textMatch(terms: string[]): Json {
    if (terms.length === 0) return { match_all: {} };
    return {
      bool: {
        must: terms.map((term) => ({
          bool: {
            should: [
              { multi_match: { query: term, fields: TEXT_FIELDS, type: 'best_fields', tie_breaker: 0.3 } },
              {
                multi_match: {
                  query: term,
                  fields: FUZZY_FIELDS,
                  type: 'best_fields',
                  fuzziness: 'AUTO',
                  prefix_length: 1,
                  max_expansions: 20,
                },
              },
            ],
            minimum_should_match: 1,
          },
        })),
      },
    };
  }

  /** The scoring of a RELEVANCE search: text relevance (or popularity, browsing), times personal boosts. */
  function scored(match: Json, terms: string[], request: SearchRequest): Json {
    let query = match;
    if (terms.length === 0) {
      // Browsing by relevance means by popularity.
      query = {
        function_score: {
          query,
          field_value_factor: { field: 'popularity', modifier: 'ln2p', missing: 0 },
          boost_mode: 'replace',
        },
      };
    }
    const boosts = normaliseBoosts(request.boosts);
    const categories = Object.entries(boosts.categories);
    const brands = Object.entries(boosts.brands);
    if (categories.length > 0) {
      query = {
        function_score: {
          query,
          functions: categories.map(([handle, weight]) => ({
            filter: { term: { categoryPath: handle } },
            weight,
          })),
          score_mode: 'max',
          boost_mode: 'multiply',
        },
      };
    }
    if (brands.length > 0) {
      query = {
        function_score: {
          query,
          functions: brands.map(([brand, weight]) => ({ filter: { term: { 'brand.key': brand } }, weight })),
          score_mode: 'max',
          boost_mode: 'multiply',
        },
      };
    }
    return query;
  }

  async function search(request: SearchRequest): Promise<SearchResult> {
    const terms = queryTerms(request.query);
    const filters = normaliseFilters(request.filters);
    const sort = request.sort;
    const sortClause = SORTS[sort];
    if (!sortClause) throw new SearchInputError(`Unknown sort: ${String(sort)}.`);
    const limit = pageSize(request.first);
    const after = request.after ? decodeCursor(ENGINE, sort, request.after, ['float', 'text']) : null;
    if (terms.length === 0 && /[^\s\p{C}]/u.test(request.query)) return emptyResult();

    const clauses = filterClauses(filters);
    const match = textMatch(terms);
    // Hits obey every filter. Each facet counts with every filter but its own: one whose own filter is off counts
    // the hits themselves; those whose own filter is on count, over the whole index, what the words match (found
    // once for all of them) and the other filters let through. The filters stay in the query (not a post_filter),
    // so scoring and the other aggregations only visit what the filters let through.
    const aggs: Json = {};
    const scoped: Json = {};
    const facetAgg = (name: FilterName, agg: Json): void => {
      if (clauses[name] === null) aggs[name] = agg;
      else
        scoped[name] = { filter: { bool: { filter: activeExcept(clauses, name) } }, aggs: { values: agg } };
    };
    const termsAgg = (field: string): Json => ({
      terms: { field, size: FACET_LIMIT, order: [{ _count: 'desc' }, { _key: 'asc' }] },
    });
    const body: Json = {
      query: {
        bool: {
          must: [sort === 'RELEVANCE' ? scored(match, terms, request) : match],
          filter: activeExcept(clauses, null),
        },
      },
      sort: sortClause,
      size: limit + 1,
      track_total_hits: true,
      _source: false,
    };
    if (request.withFacets !== false) {
      // Aggregations are most of a broad query's cost; skipped when the caller does not read facets.
      facetAgg('category', termsAgg('categoryPath'));
      facetAgg('brand', termsAgg('brand.raw'));
      facetAgg('available', termsAgg('available'));
      facetAgg('price', {
        range: {
          field: 'minPriceMinor',
          keyed: false,
          ranges: PRICE_BUCKETS.map((bucket) =>
            bucket.to === null
              ? { key: priceBucketLabel(bucket), from: bucket.from }
              : { key: priceBucketLabel(bucket), from: bucket.from, to: bucket.to },
          ),
        },
      });
      if (Object.keys(scoped).length > 0) {
        aggs[SCOPED] = { global: {}, aggs: { matched: { filter: match, aggs: scoped } } };
      }
      body.aggs = aggs;
    }
    if (after) body.search_after = after;
    const response = await client.search({ index: alias, body: body as API.Search_RequestBody });
    const result = response.body as unknown as SearchBody;
    const total = typeof result.hits.total === 'number' ? result.hits.total : result.hits.total.value;
    const buckets = (name: string): { value: string; count: number }[] => {
      const raw =
        result.aggregations?.[SCOPED]?.matched?.[name]?.values?.buckets ??
        result.aggregations?.[name]?.buckets ??
        [];
      const list = Array.isArray(raw) ? raw : Object.values(raw);
      return list
        .filter((bucket) => bucket.doc_count > 0)
        .map((bucket) => ({ value: bucket.key_as_string ?? String(bucket.key), count: bucket.doc_count }));
    };
    const facets: SearchFacet[] = [
      { name: 'category', values: buckets('category') },
      { name: 'brand', values: buckets('brand') },
      { name: 'price', values: buckets('price') },
      { name: 'available', values: buckets('available') },
    ];
    const hits = result.hits.hits.slice(0, limit);
    return {
      hits: hits.map((hit) => {
        const [value, id] = hit.sort ?? [];
        return {
          productId: hit._id,
          cursor: encodeCursor(ENGINE, sort, [
            typeof value === 'number' ? value : Number(value),
            String(id ?? hit._id),
          ]),
        };
      }),
      totalCount: total,
      hasNextPage: result.hits.hits.length > limit,
      facets,
    };
  }

  async function suggest(prefix: string, first: number): Promise<string[]> {
    const text = suggestionPrefix(prefix);
    const limit = pageSize(first, 20);
    if (text.length === 0 || limit === 0) return [];
    const body: Json = {
      size: limit,
      _source: ['title'],
      query: {
        bool: {
          should: [
            // Titles that start with the prefix, then titles with words that do, then titles with a similar word.
            { constant_score: { filter: { prefix: { 'title.lower': text } }, boost: 3 } },
            {
              constant_score: {
                filter: {
                  multi_match: {
                    query: text,
                    type: 'bool_prefix',
                    operator: 'and',
                    fields: ['titleSuggest', 'titleSuggest._2gram', 'titleSuggest._3gram'],
                  },
                },
                boost: 2,
              },
            },
            ...(text.length >= 3
              ? [
                  {
                    constant_score: {
                      filter: {
                        match: { 'title.plain': { query: text, fuzziness: 'AUTO', operator: 'and' } },
                      },
                      boost: 1,
                    },
                  },
                ]
              : []),
          ],
          minimum_should_match: 1,
        },
      },
      collapse: { field: 'title.raw' },
      sort: [{ _score: 'desc' }, { popularity: 'desc' }, { 'title.raw': 'asc' }],
    };
    const response = await client.search({ index: alias, body: body as API.Search_RequestBody });
    const result = response.body as unknown as SearchBody;
    const seen = new Set<string>();
    const out: string[] = [];
    for (const hit of result.hits.hits) {
      const title = hit._source?.title;
      if (typeof title !== 'string' || seen.has(title.toLowerCase())) continue;
      seen.add(title.toLowerCase());
      out.push(title);
    }
    return out.slice(0, limit);
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
    const found = await client.get({ index: alias, id: productId }, { ignore: [404] });
    const source = (found.body as { found?: boolean; _source?: Json }).found
      ? (found.body as { _source?: Json })._source
      : undefined;
    if (!source) return [];
    const tags = Array.isArray(source.tags) ? (source.tags as string[]) : [];
    const body: Json = {
      size: limit,
      _source: false,
      query: {
        bool: {
          should: [
            {
              more_like_this: {
                fields: ['title', 'brand', 'categoryText', 'tags', 'description'],
                like: [{ _id: productId }],
                min_term_freq: 1,
                min_doc_freq: 1,
                max_query_terms: 25,
              },
            },
            { term: { categoryHandle: { value: source.categoryHandle, boost: 3 } } },
            { term: { 'brand.key': { value: String(source.brand ?? '').toLowerCase(), boost: 1.5 } } },
            ...(tags.length > 0 ? [{ terms: { 'tags.raw': tags, boost: 0.5 } }] : []),
          ],
          minimum_should_match: 1,
          must_not: [{ ids: { values: [productId] } }],
        },
      },
      sort: [{ _score: 'desc' }, { popularity: 'desc' }, { productId: 'asc' }],
    };
    const response = await client.search({ index: alias, body: body as API.Search_RequestBody });
    return (response.body as unknown as SearchBody).hits.hits.map((hit) => hit._id);
  }

  return {
    name: 'opensearch',

    async init() {
      if ((await currentIndices()).length > 0) return;
      const response = await client.indices.create(
        {
          index: newIndexName(),
          body: { ...INDEX_BODY, aliases: { [alias]: {} } } as API.Indices_Create_RequestBody,
        },
        { ignore: [400] },
      );
      // Another instance may have created the alias meanwhile; only a real failure is an error.
      if (response.statusCode === 400 && (await currentIndices()).length === 0) {
        throw new Error(`Could not create the search index behind ${alias}.`);
      }
    },

    async upsert(docs) {
      const byId = new Map<string, SearchDocument>();
      for (const doc of docs) byId.set(doc.productId, doc);
      await indexDocuments(alias, [...byId.values()], 'wait_for');
    },

    async remove(productIds) {
      await bulk(
        alias,
        [...new Set(productIds)].map((id) => ({ delete: { _id: id } })),
        'wait_for',
        [404],
      );
    },

    async setAvailability(updates) {
      const latest = new Map<string, boolean>();
      for (const update of updates) latest.set(update.productId, update.available);
      const body = [...latest.entries()].flatMap(([id, available]) => [
        { update: { _id: id } },
        { doc: { available } },
      ]);
      await bulk(alias, body, 'wait_for', [404]);
    },

    search,
    suggest,
    related,

    async relatedMany(productIds, first) {
      const ids = [...new Set(productIds)];
      const found = await Promise.all(ids.map((id) => related(id, first)));
      return new Map(ids.map((id, i) => [id, found[i]!]));
    },

    async reindex(batches) {
      // Build a fresh index while the alias keeps serving the old one, then swap atomically and drop the old.
      const index = newIndexName();
      // Nobody reads the new index before the swap: no refreshes and no replicas to copy each batch to meanwhile.
      const building = {
        ...INDEX_BODY,
        settings: { ...(INDEX_BODY.settings as Json), refresh_interval: '-1', number_of_replicas: 0 },
      };
      await client.indices.create({ index, body: building as API.Indices_Create_RequestBody });
      try {
        for await (const docs of batches) await indexDocuments(index, docs, false);
        // Back to the defaults the live index runs with (null resets a setting).
        const defaults = { index: { refresh_interval: null, number_of_replicas: null } };
        await client.indices.putSettings({
          index,
          body: defaults as unknown as API.Indices_PutSettings_Request['body'],
        });
        await client.indices.refresh({ index });
        // Merged before it serves: searches then read one segment, and the merges bulk loading leaves behind do
        // not run beside the first searches.
        await client.indices.forcemerge({ index, max_num_segments: 1 });
        const old = await currentIndices();
        await client.indices.updateAliases({
          body: {
            actions: [...old.map((name) => ({ remove: { index: name, alias } })), { add: { index, alias } }],
          },
        });
        if (old.length > 0) await client.indices.delete({ index: old }, { ignore: [404] });
      } catch (error) {
        await client.indices.delete({ index }, { ignore: [404] }).catch(() => undefined);
        throw error;
      }
    },

    async close() {
      await client.close();
    },
  };
}
