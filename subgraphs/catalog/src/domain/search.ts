// Product search through the search port: GraphQL filters become engine filters, hits become products.
import { BadInputError, customerIdOf, parseDecimal, pageSize } from '@shop/common';
import type { Context } from '../context';
import type { SearchFilters, SearchSort } from '../search/engine';
import { MAX_QUERY_LENGTH } from '../search/input';
import type { SearchConnectionModel } from './types';
import { listSize } from './catalog';
import { personalBoosts, recordBehaviour } from './personalisation';

export interface SearchFilterInput {
  category?: string | null;
  brand?: string | null;
  priceMin?: string | null;
  priceMax?: string | null;
  available?: boolean | null;
  spec?: { name: string; value: string } | null;
}

const MAX_FILTERS = 50;

/**
 * Pure: filters of one kind OR together (two brands: either), kinds AND together. Several price bounds
 * widen the range (the lowest minimum, the highest maximum); contradictory availability filters cancel out.
 */
export function toSearchFilters(
  filters: SearchFilterInput[] | null | undefined,
  currencyCode = 'USD',
): SearchFilters {
  const list = filters ?? [];
  if (list.length > MAX_FILTERS) throw new BadInputError(`At most ${MAX_FILTERS} filters.`);
  const out: SearchFilters = {};
  const mins: number[] = [];
  const maxes: number[] = [];
  const availability = new Set<boolean>();
  for (const filter of list) {
    const kinds = Object.entries(filter).filter(([, value]) => value !== null && value !== undefined);
    if (kinds.length === 0) throw new BadInputError('A search filter must set one field.');
    if (filter.category) (out.categories ??= []).push(filter.category);
    if (filter.brand) (out.brands ??= []).push(filter.brand);
    if (filter.priceMin !== null && filter.priceMin !== undefined)
      mins.push(parseDecimal(filter.priceMin, currencyCode));
    if (filter.priceMax !== null && filter.priceMax !== undefined)
      maxes.push(parseDecimal(filter.priceMax, currencyCode));
    if (filter.available !== null && filter.available !== undefined) availability.add(filter.available);
    if (filter.spec) (out.specs ??= []).push({ name: filter.spec.name, value: filter.spec.value });
  }
  if (mins.length) out.priceMinMinor = Math.min(...mins);
  if (maxes.length) out.priceMaxMinor = Math.max(...maxes);
  if (availability.size === 1) out.available = [...availability][0];
  return out;
}

export async function searchProducts(
  ctx: Context,
  args: {
    query: string;
    first?: number | null;
    after?: string | null;
    filters?: SearchFilterInput[] | null;
    sortKey?: SearchSort | null;
  },
  /** facets: false when the query does not select them; the engine then does not count them. */
  wanted: { facets: boolean } = { facets: true },
): Promise<SearchConnectionModel> {
  if (args.query.length > MAX_QUERY_LENGTH) {
    throw new BadInputError(`The search query is too long (at most ${MAX_QUERY_LENGTH} characters).`);
  }
  const first = pageSize(args.first);
  const sort = args.sortKey ?? 'RELEVANCE';
  const filters = toSearchFilters(args.filters);
  const customerId = customerIdOf(ctx.principal);
  const boosts = customerId && sort === 'RELEVANCE' ? await personalBoosts(ctx, customerId) : null;
  const result = await ctx.deps.engine.search({
    query: args.query,
    filters,
    sort,
    first,
    after: args.after ?? null,
    withFacets: wanted.facets,
    ...(boosts ? { boosts } : {}),
  });
  if (args.query.trim()) recordBehaviour(ctx, { kind: 'search', query: args.query });
  const products = await ctx.loaders.product.loadMany(
    ctx.listItems.take(result.hits).map((h) => h.productId),
  );
  // A hit whose product was deleted a moment ago (index not yet caught up) is skipped, not an error.
  const edges = result.hits.flatMap((hit, i) => {
    // eslint-disable-next-line security/detect-object-injection -- i is a loop counter within the array
    const node = products[i];
    return node && !(node instanceof Error) ? [{ cursor: hit.cursor, node }] : [];
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: args.after !== null && args.after !== undefined,
      startCursor: result.hits[0]?.cursor ?? null,
      endCursor: result.hits[result.hits.length - 1]?.cursor ?? null,
    },
    totalCount: result.totalCount,
    facets: result.facets,
  };
}

export async function searchSuggestions(
  ctx: Context,
  args: { prefix: string; first?: number | null },
): Promise<string[]> {
  if (args.prefix.length > MAX_QUERY_LENGTH)
    throw new BadInputError(`The prefix is too long (at most ${MAX_QUERY_LENGTH} characters).`);
  const first = listSize(args.first, 8, 20);
  if (first === 0 || !args.prefix.trim()) return [];
  return ctx.deps.engine.suggest(args.prefix, first);
}
