// The OpenSearch query of a search: filters, sorts, the text match and the relevance scoring, and the shape of
// the response.
import type { SearchRequest, SearchSort } from './engine';
import { normaliseBoosts, type NormalisedFilters } from './input';
import { FUZZY_FIELDS, TEXT_FIELDS, type Json } from './opensearch-index';

export type FilterName = 'category' | 'brand' | 'price' | 'available' | 'spec';

export function filterClauses(filters: NormalisedFilters): Record<FilterName, Json | null> {
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

export function activeExcept(clauses: Record<FilterName, Json | null>, except: FilterName | null): Json[] {
  return (Object.entries(clauses) as [FilterName, Json | null][])
    .filter(([name, clause]) => name !== except && clause !== null)
    .map(([, clause]) => clause as Json);
}

export const SORTS: Record<SearchSort, Json[]> = {
  RELEVANCE: [{ _score: 'desc' }, { productId: 'asc' }],
  PRICE_ASC: [{ minPriceMinor: 'asc' }, { productId: 'asc' }],
  PRICE_DESC: [{ minPriceMinor: 'desc' }, { productId: 'asc' }],
  NEWEST: [{ createdAt: 'desc' }, { productId: 'asc' }],
};

/** Every word must match in some field (AND across fields): exactly anywhere, or within an edit or two of a short field. */
export function textMatch(terms: string[]): Json {
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
export function scored(match: Json, terms: string[], request: SearchRequest): Json {
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

export interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

export type Buckets = { buckets?: Bucket[] | Record<string, Bucket> };

/** A facet's aggregation as it comes back: its buckets, or, for those counted over the whole index, each under `matched`. */
export type FacetAggregation = Buckets & { matched?: Record<string, { values?: Buckets }> };

interface SearchHit {
  _id: string;
  _source?: Json;
  sort?: (string | number)[];
}

export interface SearchBody {
  hits: { total: { value: number } | number; hits: SearchHit[] };
  aggregations?: Record<string, FacetAggregation>;
}
