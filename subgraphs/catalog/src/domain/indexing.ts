// Keeps the search index in step with the catalog of record: documents are built from Postgres, never from a request.
import type { Logger } from '@shop/common';
import type { SqlDatabase, SqlExecutor } from '@shop/datastores';
import { allCategories } from '../data/categories';
import { countProducts, productIdsAfter, productsByIds } from '../data/products';
import { availableProductIds } from '../data/availability';
import type { SearchDocument, SearchEngine } from '../search/engine';
import type { Category, Product } from './types';

/** Pure: the handles of a category and all its ancestors, own handle first. */
export function categoryPath(categoryId: string | null, byId: Map<string, Category>): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = categoryId ? byId.get(categoryId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.push(current.handle);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** Pure: one product's search document. */
export function toSearchDocument(
  product: Product,
  categories: Map<string, Category>,
  available: boolean,
): SearchDocument {
  const path = categoryPath(product.categoryId, categories);
  return {
    productId: product.id,
    handle: product.handle,
    title: product.title,
    brand: product.brand,
    description: product.description,
    categoryPath: path,
    categoryHandle: path[0] ?? '',
    tags: product.tags,
    specs: product.specs,
    minPriceMinor: product.minPriceMinor,
    maxPriceMinor: product.maxPriceMinor,
    currencyCode: product.currencyCode,
    available,
    createdAt: product.createdAt,
    popularity: product.popularity,
  };
}

/** Documents of the given products as Postgres has them now; ids no longer in the catalog are absent. */
export async function loadSearchDocuments(
  sql: SqlExecutor,
  productIds: readonly string[],
): Promise<SearchDocument[]> {
  if (!productIds.length) return [];
  const [products, categories, available] = await Promise.all([
    productsByIds(sql, productIds),
    allCategories(sql),
    availableProductIds(sql, productIds),
  ]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  return products.map((p) => toSearchDocument(p, byId, available.has(p.id)));
}

/** Makes the index agree with Postgres for these products: upserts those that exist, removes the rest. */
export async function syncIndex(sql: SqlExecutor, engine: SearchEngine, productIds: string[]): Promise<void> {
  const docs = await loadSearchDocuments(sql, productIds);
  const present = new Set(docs.map((d) => d.productId));
  const gone = productIds.filter((id) => !present.has(id));
  if (docs.length) await engine.upsert(docs);
  if (gone.length) await engine.remove(gone);
}

/** Every product's document, in batches, for a full reindex. */
export async function* allSearchDocuments(
  sql: SqlExecutor,
  batchSize = 500,
): AsyncIterable<SearchDocument[]> {
  let after: string | null = null;
  for (;;) {
    const ids = await productIdsAfter(sql, after, batchSize);
    if (!ids.length) return;
    yield await loadSearchDocuments(sql, ids);
    after = ids[ids.length - 1]!;
  }
}

export async function rebuildIndex(db: SqlDatabase, engine: SearchEngine, logger: Logger): Promise<void> {
  const started = Date.now();
  if (db.kind === 'pglite') {
    // PGlite has one connection: an engine that rebuilds inside a transaction on it would wait forever for
    // our reads, so read everything first.
    const batches: SearchDocument[][] = [];
    for await (const docs of allSearchDocuments(db)) batches.push(docs);
    await engine.reindex(
      (async function* () {
        yield* batches;
      })(),
    );
  } else {
    await engine.reindex(allSearchDocuments(db));
  }
  logger.info({ engine: engine.name, ms: Date.now() - started }, 'search index rebuilt');
}

/**
 * Rebuilds the index when it holds nothing while the catalog holds products: a new search cluster, or a catalog
 * first run on another engine. Returns whether it rebuilt.
 */
export async function indexIfEmpty(db: SqlDatabase, engine: SearchEngine, logger: Logger): Promise<boolean> {
  const indexed = await engine.search({
    query: '',
    filters: {},
    sort: 'NEWEST',
    first: 1,
    after: null,
    withFacets: false,
  });
  if (indexed.totalCount > 0 || (await countProducts(db)) === 0) return false;
  await rebuildIndex(db, engine, logger);
  return true;
}
