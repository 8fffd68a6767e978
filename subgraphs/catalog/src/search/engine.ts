// The search port: one contract, two engines (Postgres full-text + pg_trgm embedded; OpenSearch in production).

/** What the index holds per product; built from the catalog of record. */
export interface SearchDocument {
  productId: string;
  handle: string;
  title: string;
  brand: string;
  description: string;
  /** Handles of the product's category and all its ancestors, so a filter on a parent finds sub-categories. */
  categoryPath: string[];
  /** Handle of the product's own category. */
  categoryHandle: string;
  tags: string[];
  specs: { name: string; value: string }[];
  minPriceMinor: number;
  maxPriceMinor: number;
  currencyCode: string;
  /** Whether any variant can be bought now (stock from the cart subgraph's events). */
  available: boolean;
  createdAt: string;
  /** Units sold recently; the base order for "popular". */
  popularity: number;
}

export interface SearchFilters {
  /** Category handles; a product matches when any is on its categoryPath. */
  categories?: string[];
  brands?: string[];
  priceMinMinor?: number;
  priceMaxMinor?: number;
  available?: boolean;
  specs?: { name: string; value: string }[];
}

export type SearchSort = 'RELEVANCE' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST';

/** Personalisation: multiplicative boosts by category handle and brand (1 = neutral). */
export interface SearchBoosts {
  categories: Record<string, number>;
  brands: Record<string, number>;
}

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  first: number;
  after: string | null;
  boosts?: SearchBoosts;
  /** False when the caller does not read facets: the engine then skips counting them (the result has none). */
  withFacets?: boolean;
}

export interface SearchFacet {
  name: 'category' | 'brand' | 'price' | 'available' | string;
  values: { value: string; count: number }[];
}

export interface SearchResult {
  hits: { productId: string; cursor: string }[];
  totalCount: number;
  hasNextPage: boolean;
  facets: SearchFacet[];
}

export interface SearchEngine {
  readonly name: 'postgres' | 'opensearch';
  /** Creates the index (and its alias) if needed. */
  init(): Promise<void>;
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(productIds: string[]): Promise<void>;
  /** Sets `available` on products without re-sending the whole document. */
  setAvailability(updates: { productId: string; available: boolean }[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  suggest(prefix: string, first: number): Promise<string[]>;
  /** Products similar in content to the given one. */
  related(productId: string, first: number): Promise<string[]>;
  /** Products similar to each of the given ones, by source product id (none: no entry). */
  relatedMany(productIds: readonly string[], first: number): Promise<Map<string, string[]>>;
  /** Rebuilds the index from scratch; on OpenSearch into a new index, then swaps the alias. */
  reindex(docs: AsyncIterable<SearchDocument[]>): Promise<void>;
  close(): Promise<void>;
}
