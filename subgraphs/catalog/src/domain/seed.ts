// Loads a catalog (the demo one, or a generated one of any size) into an empty database: a few statements per
// thousands of rows, each chunk one JSON parameter expanded by jsonb_to_recordset (COPY-like, no per-row round trip).
import { createHash } from 'node:crypto';
import { demoCatalog, demoStock, type DemoCatalog } from '@shop/demo-data';
import type { Logger } from '@shop/common';
import type { SqlDatabase, SqlExecutor } from '@shop/datastores';
import { countProducts } from '../data/products';
import type { SearchDocument, SearchEngine } from '../search/engine';
import { toSearchDocument } from './indexing';
import type { Category, Product, ProductVariant } from './types';

/** A stable stand-in for past sales, so "popular" means something in a fresh demo shop. */
function demoPopularity(handle: string): number {
  return createHash('sha1').update(handle).digest().readUInt16BE(0) % 200;
}

/** Rows per INSERT: large enough that 100,000 products take a few hundred statements, small enough for memory. */
export const BULK_CHUNK_ROWS = 2000;

type ColumnTypes = [string, string][];

const PRODUCT_COLUMNS: ColumnTypes = [
  ['id', 'text'],
  ['handle', 'text'],
  ['title', 'text'],
  ['description', 'text'],
  ['brand', 'text'],
  ['tags', 'text[]'],
  ['category_id', 'text'],
  ['specs', 'jsonb'],
  ['options', 'jsonb'],
  ['images', 'jsonb'],
  ['currency_code', 'text'],
  ['min_price_minor', 'integer'],
  ['max_price_minor', 'integer'],
  ['popularity', 'integer'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const VARIANT_COLUMNS: ColumnTypes = [
  ['id', 'text'],
  ['product_id', 'text'],
  ['position', 'integer'],
  ['sku', 'text'],
  ['title', 'text'],
  ['selected_options', 'jsonb'],
  ['price_minor', 'integer'],
  ['compare_at_price_minor', 'integer'],
  ['weight_grams', 'integer'],
];
const STOCK_COLUMNS: ColumnTypes = [
  ['variant_id', 'text'],
  ['quantity_available', 'integer'],
];

/** Inserts records (objects keyed by column) in chunks, one jsonb parameter per statement. */
async function bulkInsert(
  sql: SqlExecutor,
  table: string,
  columns: ColumnTypes,
  records: object[],
  suffix = '',
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const text = `INSERT INTO ${table} (${names}) SELECT ${names}
    FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map(([name, type]) => `${name} ${type}`).join(', ')}) ${suffix}`;
  for (let start = 0; start < records.length; start += BULK_CHUNK_ROWS) {
    await sql.query(text, [JSON.stringify(records.slice(start, start + BULK_CHUNK_ROWS))]);
  }
}

/** Pure: the catalog's domain rows for a DemoCatalog (categories in parent-first order). */
export function catalogRows(catalog: DemoCatalog): {
  categories: Category[];
  products: Product[];
  variants: ProductVariant[];
  stock: { variantId: string; quantity: number }[];
} {
  const categoryIds = new Map(catalog.categories.map((c) => [c.handle, c.id]));
  const categories: Category[] = catalog.categories.map((c, position) => ({
    id: c.id,
    handle: c.handle,
    name: c.name,
    parentId: c.parentHandle ? (categoryIds.get(c.parentHandle) ?? null) : null,
    position,
  }));
  const products: Product[] = [];
  const variants: ProductVariant[] = [];
  const stock: { variantId: string; quantity: number }[] = [];
  for (const p of catalog.products) {
    let min = Infinity;
    let max = -Infinity;
    for (const v of p.variants) {
      min = Math.min(min, v.priceMinor);
      max = Math.max(max, v.priceMinor);
    }
    products.push({
      id: p.id,
      handle: p.handle,
      title: p.title,
      description: p.description,
      brand: p.brand,
      tags: p.tags,
      categoryId: categoryIds.get(p.categoryHandle) ?? null,
      specs: p.specs,
      options: p.options,
      images: p.images.map((i) => ({ url: i.url, altText: i.altText })),
      currencyCode: catalog.currencyCode,
      minPriceMinor: min,
      maxPriceMinor: max,
      popularity: demoPopularity(p.handle),
      createdAt: p.createdAt,
      updatedAt: p.createdAt,
    });
    p.variants.forEach((v, position) => {
      variants.push({
        id: v.id,
        productId: p.id,
        position,
        sku: v.sku,
        title: v.title,
        selectedOptions: v.selectedOptions,
        priceMinor: v.priceMinor,
        compareAtPriceMinor: v.compareAtPriceMinor,
        weightGrams: v.weightGrams,
        currencyCode: catalog.currencyCode,
      });
      stock.push({ variantId: v.id, quantity: v.stock });
    });
  }
  return { categories, products, variants, stock };
}

async function insertCatalogRows(tx: SqlExecutor, rows: ReturnType<typeof catalogRows>): Promise<void> {
  await tx.query(`DELETE FROM categories`);
  // Parents precede children in the list, so the foreign key holds row by row within one statement.
  await bulkInsert(
    tx,
    'categories',
    [
      ['id', 'text'],
      ['handle', 'text'],
      ['name', 'text'],
      ['parent_id', 'text'],
      ['position', 'integer'],
    ],
    rows.categories.map((c) => ({
      id: c.id,
      handle: c.handle,
      name: c.name,
      parent_id: c.parentId,
      position: c.position,
    })),
  );
  await bulkInsert(
    tx,
    'products',
    PRODUCT_COLUMNS,
    rows.products.map((p) => ({
      id: p.id,
      handle: p.handle,
      title: p.title,
      description: p.description,
      brand: p.brand,
      tags: p.tags,
      category_id: p.categoryId,
      specs: p.specs,
      options: p.options,
      images: p.images,
      currency_code: p.currencyCode,
      min_price_minor: p.minPriceMinor,
      max_price_minor: p.maxPriceMinor,
      popularity: p.popularity,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    })),
  );
  await bulkInsert(
    tx,
    'product_variants',
    VARIANT_COLUMNS,
    rows.variants.map((v) => ({
      id: v.id,
      product_id: v.productId,
      position: v.position,
      sku: v.sku,
      title: v.title,
      selected_options: v.selectedOptions,
      price_minor: v.priceMinor,
      compare_at_price_minor: v.compareAtPriceMinor,
      weight_grams: v.weightGrams,
    })),
  );
  await bulkInsert(
    tx,
    'variant_availability',
    STOCK_COLUMNS,
    rows.stock.map((s) => ({ variant_id: s.variantId, quantity_available: s.quantity })),
    'ON CONFLICT (variant_id) DO NOTHING',
  );
}

/** Documents for the search engine straight from the loaded rows, in batches (no read back from Postgres). */
function* searchDocuments(
  rows: ReturnType<typeof catalogRows>,
  batchSize: number,
): Generator<SearchDocument[]> {
  const categories = new Map(rows.categories.map((c) => [c.id, c]));
  const available = new Set<string>();
  const productOf = new Map(rows.variants.map((v) => [v.id, v.productId]));
  for (const s of rows.stock) if (s.quantity > 0) available.add(productOf.get(s.variantId) ?? '');
  for (let start = 0; start < rows.products.length; start += batchSize) {
    yield rows.products
      .slice(start, start + batchSize)
      .map((p) => toSearchDocument(p, categories, available.has(p.id)));
  }
}

export interface BulkLoadResult {
  categories: number;
  products: number;
  variants: number;
  /** Milliseconds spent inserting rows, and building the search index (0 without an engine). */
  insertMs: number;
  indexMs: number;
}

const ANALYZE_CATALOG =
  'ANALYZE categories; ANALYZE products; ANALYZE product_variants; ANALYZE variant_availability;';

/**
 * Bulk-loads a catalog into an empty catalog database (migrated; the categories table is replaced) in one
 * transaction, with each variant's `stock` as its availability; then, when an engine is given, rebuilds its index
 * from the same rows. Refuses a database that already holds products.
 */
export async function bulkLoadCatalog(
  db: SqlDatabase,
  catalog: DemoCatalog,
  options: { engine?: SearchEngine; logger?: Logger } = {},
): Promise<BulkLoadResult> {
  const rows = catalogRows(catalog);
  const started = Date.now();
  await db.transaction(async (tx) => {
    if ((await countProducts(tx)) > 0)
      throw new Error('bulkLoadCatalog needs a catalog database without products');
    await insertCatalogRows(tx, rows);
  });
  // Statistics for the planner now, not whenever autovacuum comes by (if it runs at all): without them it
  // estimates a product's variants in the hundreds and plans a parallel scan for every product read.
  await db.exec(ANALYZE_CATALOG);
  const insertMs = Date.now() - started;
  let indexMs = 0;
  if (options.engine) {
    const engine = options.engine;
    const indexStart = Date.now();
    await engine.reindex(
      (async function* () {
        yield* searchDocuments(rows, BULK_CHUNK_ROWS);
      })(),
    );
    indexMs = Date.now() - indexStart;
  }
  options.logger?.info({ products: rows.products.length, insertMs, indexMs }, 'catalog bulk-loaded');
  return {
    categories: rows.categories.length,
    products: rows.products.length,
    variants: rows.variants.length,
    insertMs,
    indexMs,
  };
}

/** Returns whether it seeded (false when products already exist). */
export async function seedDemoCatalog(db: SqlDatabase): Promise<boolean> {
  const catalog = demoCatalog();
  const seeded = await db.transaction(async (tx) => {
    // Serialises concurrent starters on a real server; the count check below makes the second one a no-op.
    if (db.kind === 'pg') await tx.query(`SELECT pg_advisory_xact_lock(hashtext('catalog_seed'))`);
    if ((await countProducts(tx)) > 0) return false;
    const rows = catalogRows(catalog);
    // The cart seeds the same stock from demoStock(); both read the demo catalog, so they agree.
    rows.stock = demoStock();
    await insertCatalogRows(tx, rows);
    return true;
  });
  if (seeded) await db.exec(ANALYZE_CATALOG);
  return seeded;
}
