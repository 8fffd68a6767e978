// Products and their variants in Postgres: reads by id, handle and page; writes of a whole product.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import type { Product, ProductVariant } from '../domain/types';
import { insertRows, int, nameValues, timestamp } from './rows';

const productRow = z
  .object({
    id: z.string(),
    handle: z.string(),
    title: z.string(),
    description: z.string(),
    brand: z.string(),
    tags: z.array(z.string()),
    category_id: z.string().nullable(),
    specs: nameValues,
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    images: z.array(z.object({ url: z.string(), altText: z.string().nullable().optional() })),
    currency_code: z.string(),
    min_price_minor: int,
    max_price_minor: int,
    popularity: int,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .transform((r): Product => ({
    id: r.id,
    handle: r.handle,
    title: r.title,
    description: r.description,
    brand: r.brand,
    tags: r.tags,
    categoryId: r.category_id,
    specs: r.specs,
    options: r.options,
    images: r.images.map((i) => ({ url: i.url, altText: i.altText ?? null })),
    currencyCode: r.currency_code,
    minPriceMinor: r.min_price_minor,
    maxPriceMinor: r.max_price_minor,
    popularity: r.popularity,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));

const variantRow = z
  .object({
    id: z.string(),
    product_id: z.string(),
    position: int,
    sku: z.string(),
    title: z.string(),
    selected_options: nameValues,
    price_minor: int,
    compare_at_price_minor: int.nullable(),
    weight_grams: int,
    currency_code: z.string(),
  })
  .transform((r): ProductVariant => ({
    id: r.id,
    productId: r.product_id,
    position: r.position,
    sku: r.sku,
    title: r.title,
    selectedOptions: r.selected_options,
    priceMinor: r.price_minor,
    compareAtPriceMinor: r.compare_at_price_minor,
    weightGrams: r.weight_grams,
    currencyCode: r.currency_code,
  }));

const PRODUCT_COLUMNS = `p.id, p.handle, p.title, p.description, p.brand, p.tags, p.category_id, p.specs, p.options, p.images,
  p.currency_code, p.min_price_minor, p.max_price_minor, p.popularity, p.created_at, p.updated_at`;
const VARIANT_COLUMNS = `v.id, v.product_id, v.position, v.sku, v.title, v.selected_options, v.price_minor,
  v.compare_at_price_minor, v.weight_grams, p.currency_code`;

export const parseProduct = (row: unknown): Product => productRow.parse(row);

export async function productsByIds(sql: SqlExecutor, ids: readonly string[]): Promise<Product[]> {
  const { rows } = await sql.query(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ANY($1::text[])`, [
    ids,
  ]);
  return rows.map(parseProduct);
}

export async function productByHandle(sql: SqlExecutor, handle: string): Promise<Product | null> {
  const { rows } = await sql.query(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.handle = $1`, [handle]);
  return rows[0] ? parseProduct(rows[0]) : null;
}

export async function variantsByProductIds(
  sql: SqlExecutor,
  productIds: readonly string[],
): Promise<ProductVariant[]> {
  const { rows } = await sql.query(
    `SELECT ${VARIANT_COLUMNS} FROM product_variants v JOIN products p ON p.id = v.product_id
      WHERE v.product_id = ANY($1::text[]) ORDER BY v.product_id, v.position`,
    [productIds],
  );
  return rows.map((r) => variantRow.parse(r));
}

export async function variantsByIds(sql: SqlExecutor, ids: readonly string[]): Promise<ProductVariant[]> {
  const { rows } = await sql.query(
    `SELECT ${VARIANT_COLUMNS} FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.id = ANY($1::text[])`,
    [ids],
  );
  return rows.map((r) => variantRow.parse(r));
}

export async function variantsBySkus(sql: SqlExecutor, skus: readonly string[]): Promise<ProductVariant[]> {
  const { rows } = await sql.query(
    `SELECT ${VARIANT_COLUMNS} FROM product_variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ANY($1::text[])`,
    [skus],
  );
  return rows.map((r) => variantRow.parse(r));
}

export type ProductSortColumn = 'TITLE' | 'PRICE' | 'CREATED_AT' | 'BEST_SELLING' | 'ID';

const SORT_COLUMN: Record<ProductSortColumn, { expr: string; cast: string } | null> = {
  TITLE: { expr: 'p.title', cast: 'text' },
  PRICE: { expr: 'p.min_price_minor', cast: 'integer' },
  CREATED_AT: { expr: 'p.created_at', cast: 'timestamptz' },
  BEST_SELLING: { expr: 'p.popularity', cast: 'integer' },
  ID: null,
};

export interface ProductPageQuery {
  /** Products of this category and its descendants; all products when null. */
  categoryHandle: string | null;
  sort: ProductSortColumn;
  reverse: boolean;
  /** Keyset position: the sort value and id of the last product of the previous page. */
  after: { value: string | number | null; id: string } | null;
  limit: number;
}

export interface ProductPage {
  /** Up to `limit + 1` rows: the extra one only tells there is a next page. */
  products: Product[];
  totalCount: number;
}

/** One statement per page: the keyset page and the total of the whole list. */
export async function productPage(sql: SqlExecutor, q: ProductPageQuery): Promise<ProductPage> {
  const column = SORT_COLUMN[q.sort];
  const dir = q.reverse ? 'DESC' : 'ASC';
  const cmp = q.reverse ? '<' : '>';
  const params: unknown[] = [q.categoryHandle];
  let keyset = '';
  if (q.after) {
    if (column) {
      keyset = `AND (${column.expr}, p.id) ${cmp} ($${params.push(q.after.value)}::${column.cast}, $${params.push(q.after.id)}::text)`;
    } else {
      keyset = `AND p.id ${cmp} $${params.push(q.after.id)}::text`;
    }
  }
  const order = column ? `${column.expr} ${dir}, p.id ${dir}` : `p.id ${dir}`;
  const scope = `($1::text IS NULL OR p.category_id IN (SELECT id FROM scope))`;
  const { rows } = await sql.query<Record<string, unknown>>(
    `WITH RECURSIVE scope AS (
       SELECT id FROM categories WHERE handle = $1
       UNION ALL SELECT c.id FROM categories c JOIN scope s ON c.parent_id = s.id
     )
     SELECT ${PRODUCT_COLUMNS}, (SELECT count(*)::int FROM products p WHERE ${scope}) AS total_count
       FROM products p
      WHERE ${scope} ${keyset}
      ORDER BY ${order}
      LIMIT $${params.push(q.limit + 1)}`,
    params,
  );
  if (!rows.length) {
    const { rows: counted } = await sql.query<{ n: unknown }>(
      `WITH RECURSIVE scope AS (
         SELECT id FROM categories WHERE handle = $1
         UNION ALL SELECT c.id FROM categories c JOIN scope s ON c.parent_id = s.id
       ) SELECT count(*)::int AS n FROM products p WHERE ${scope}`,
      [q.categoryHandle],
    );
    return { products: [], totalCount: int.parse(counted[0]?.n ?? 0) };
  }
  return { products: rows.map(parseProduct), totalCount: int.parse(rows[0]!.total_count) };
}

/** The sort value a cursor carries for a product. */
export function sortValue(product: Product, sort: ProductSortColumn): string | number | null {
  switch (sort) {
    case 'TITLE':
      return product.title;
    case 'PRICE':
      return product.minPriceMinor;
    case 'CREATED_AT':
      return product.createdAt;
    case 'BEST_SELLING':
      return product.popularity;
    case 'ID':
      return null;
  }
}

export async function popularProducts(
  sql: SqlExecutor,
  limit: number,
  options: { categoryIds?: string[]; excludeIds?: string[] } = {},
): Promise<Product[]> {
  const { rows } = await sql.query(
    `SELECT ${PRODUCT_COLUMNS} FROM products p
      WHERE ($1::text[] IS NULL OR p.category_id = ANY($1::text[])) AND NOT (p.id = ANY($2::text[]))
      ORDER BY p.popularity DESC, p.created_at DESC, p.id LIMIT $3`,
    [options.categoryIds ?? null, options.excludeIds ?? [], limit],
  );
  return rows.map(parseProduct);
}

export async function countProducts(sql: SqlExecutor): Promise<number> {
  const { rows } = await sql.query<{ n: unknown }>(`SELECT count(*)::int AS n FROM products`);
  return int.parse(rows[0]?.n ?? 0);
}

/** Product ids in id order after `afterId`, for walking the whole catalog in batches. */
export async function productIdsAfter(
  sql: SqlExecutor,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id FROM products WHERE ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((r) => r.id);
}

export async function insertProducts(sql: SqlExecutor, products: Product[]): Promise<void> {
  await insertRows(
    sql,
    'products',
    [
      'id',
      'handle',
      'title',
      'description',
      'brand',
      'tags',
      'category_id',
      'specs',
      'options',
      'images',
      'currency_code',
      'min_price_minor',
      'max_price_minor',
      'popularity',
      'created_at',
      'updated_at',
    ],
    products.map((p) => [
      p.id,
      p.handle,
      p.title,
      p.description,
      p.brand,
      p.tags,
      p.categoryId,
      JSON.stringify(p.specs),
      JSON.stringify(p.options),
      JSON.stringify(p.images),
      p.currencyCode,
      p.minPriceMinor,
      p.maxPriceMinor,
      p.popularity,
      p.createdAt,
      p.updatedAt,
    ]),
  );
}

export async function updateProductRow(sql: SqlExecutor, p: Product): Promise<void> {
  await sql.query(
    `UPDATE products SET handle = $2, title = $3, description = $4, brand = $5, tags = $6, category_id = $7,
       specs = $8, options = $9, images = $10, min_price_minor = $11, max_price_minor = $12, updated_at = $13
     WHERE id = $1`,
    [
      p.id,
      p.handle,
      p.title,
      p.description,
      p.brand,
      p.tags,
      p.categoryId,
      JSON.stringify(p.specs),
      JSON.stringify(p.options),
      JSON.stringify(p.images),
      p.minPriceMinor,
      p.maxPriceMinor,
      p.updatedAt,
    ],
  );
}

export async function insertVariants(sql: SqlExecutor, variants: ProductVariant[]): Promise<void> {
  await insertRows(
    sql,
    'product_variants',
    [
      'id',
      'product_id',
      'position',
      'sku',
      'title',
      'selected_options',
      'price_minor',
      'compare_at_price_minor',
      'weight_grams',
    ],
    variants.map((v) => [
      v.id,
      v.productId,
      v.position,
      v.sku,
      v.title,
      JSON.stringify(v.selectedOptions),
      v.priceMinor,
      v.compareAtPriceMinor,
      v.weightGrams,
    ]),
  );
}

/** Replaces a product's variants: ids not in the new set go, the rest are written as given. */
export async function replaceVariants(
  sql: SqlExecutor,
  productId: string,
  variants: ProductVariant[],
): Promise<void> {
  await sql.query(`DELETE FROM product_variants WHERE product_id = $1 AND NOT (id = ANY($2::text[]))`, [
    productId,
    variants.map((v) => v.id),
  ]);
  // Kept variants may swap skus among themselves: park them on unique placeholders first.
  await sql.query(`UPDATE product_variants SET sku = '~' || id WHERE product_id = $1`, [productId]);
  await insertRows(
    sql,
    'product_variants',
    [
      'id',
      'product_id',
      'position',
      'sku',
      'title',
      'selected_options',
      'price_minor',
      'compare_at_price_minor',
      'weight_grams',
    ],
    variants.map((v) => [
      v.id,
      v.productId,
      v.position,
      v.sku,
      v.title,
      JSON.stringify(v.selectedOptions),
      v.priceMinor,
      v.compareAtPriceMinor,
      v.weightGrams,
    ]),
    `ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, sku = EXCLUDED.sku, title = EXCLUDED.title,
       selected_options = EXCLUDED.selected_options, price_minor = EXCLUDED.price_minor,
       compare_at_price_minor = EXCLUDED.compare_at_price_minor, weight_grams = EXCLUDED.weight_grams`,
  );
}

export async function deleteProduct(sql: SqlExecutor, id: string): Promise<Product | null> {
  const { rows } = await sql.query(`DELETE FROM products p WHERE p.id = $1 RETURNING ${PRODUCT_COLUMNS}`, [
    id,
  ]);
  return rows[0] ? parseProduct(rows[0]) : null;
}

/** Locks a product row for the rest of the transaction, so two admin edits apply one after the other. */
export async function lockProduct(sql: SqlExecutor, id: string): Promise<Product | null> {
  const { rows } = await sql.query(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = $1 FOR UPDATE`, [
    id,
  ]);
  return rows[0] ? parseProduct(rows[0]) : null;
}

export async function addPopularity(sql: SqlExecutor, units: Map<string, number>): Promise<void> {
  if (!units.size) return;
  await sql.query(
    `UPDATE products p SET popularity = p.popularity + u.units
       FROM unnest($1::text[], $2::int[]) AS u(id, units) WHERE p.id = u.id`,
    [[...units.keys()], [...units.values()]],
  );
}
