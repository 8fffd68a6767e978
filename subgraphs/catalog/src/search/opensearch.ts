// The production search engine: OpenSearch behind an alias, so a rebuild swaps indices with no downtime.
/* eslint-disable security/detect-object-injection -- the keys this engine indexes by are its own filter, facet,
   sort and field names (FilterName, SearchSort), never a client's text */
import { randomBytes } from 'node:crypto';
import { Client, type API } from '@opensearch-project/opensearch';
import type { SearchDocument, SearchEngine, SearchFacet, SearchRequest, SearchResult } from './engine';
import {
  PRICE_BUCKETS,
  SearchInputError,
  decodeCursor,
  encodeCursor,
  normaliseFilters,
  pageSize,
  priceBucketLabel,
  queryTerms,
} from './input';
import { INDEX_BODY, toSource, type Json } from './opensearch-index';
import {
  SORTS,
  activeExcept,
  filterClauses,
  scored,
  textMatch,
  type FilterName,
  type SearchBody,
} from './opensearch-query';
import { createOpenSearchSuggestions } from './opensearch-suggest';

const ENGINE = 'opensearch';
const FACET_LIMIT = 50;
const BULK_BATCH = 500;
/** The aggregation holding the facets counted over the whole index (those whose own filter is on). */
const SCOPED = 'scoped_facets';

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
  const { suggest, related } = createOpenSearchSuggestions(client, alias);

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
