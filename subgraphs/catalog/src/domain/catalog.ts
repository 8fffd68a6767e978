// Catalog reads: products by id, handle and page, categories, variants, related and recommended products.
import { z } from 'zod';
import {
  BadInputError,
  cursorValue,
  customerIdOf,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Connection,
} from '@shop/common';
import { allCategories } from '../data/categories';
import {
  productByHandle,
  productPage,
  productsByIds,
  popularProducts,
  sortValue,
  variantsByProductIds,
  type ProductSortColumn,
} from '../data/products';
import type { Context } from '../context';
import type { Category, Product, ProductVariant, ProductWithVariants } from './types';
import { personalBoosts, recordBehaviour } from './personalisation';

export const MAX_LIST = 100;

/** Bounds a plain-list `first` argument (related, recommended) like a connection's. */
export function listSize(first: number | null | undefined, fallback: number, max = MAX_LIST): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0 || first > max)
    throw new BadInputError(`first must be between 0 and ${max}`);
  return first;
}

/**
 * Reads through the cache; a miss reads Postgres (product, variants, category) and fills the cache. A hit costs one
 * cache read and no SQL: every nested field of a detail page resolves from the primed loaders.
 */
async function loadProductWithVariants(
  ctx: Context,
  by: { id: string } | { handle: string },
): Promise<ProductWithVariants | null> {
  const { productCache, db } = ctx.deps;
  const cached = 'id' in by ? await productCache.byId(by.id) : await productCache.byHandle(by.handle);
  if (cached) return cached;
  const product =
    'id' in by ? ((await productsByIds(db, [by.id]))[0] ?? null) : await productByHandle(db, by.handle);
  if (!product) return null;
  const [variants, category] = await Promise.all([
    variantsByProductIds(db, [product.id]),
    product.categoryId ? ctx.loaders.category.load(product.categoryId) : null,
  ]);
  const entry: ProductWithVariants = { product, variants, category };
  await productCache.put(entry);
  return entry;
}

export async function getProduct(
  ctx: Context,
  args: { id?: string | null; handle?: string | null },
): Promise<Product | null> {
  const by = args.id ? { id: args.id } : args.handle ? { handle: args.handle } : null;
  if (!by) throw new BadInputError('Give a product id or handle.');
  if (args.id && args.handle) throw new BadInputError('Give a product id or a handle, not both.');
  const entry = await loadProductWithVariants(ctx, by);
  if (!entry) return null;
  // Later field resolvers (variants, entities) find these without another query.
  ctx.loaders.product.prime(entry.product.id, entry.product);
  ctx.loaders.variantsByProduct.prime(entry.product.id, entry.variants);
  for (const variant of entry.variants) ctx.loaders.variant.prime(variant.id, variant);
  if (entry.category) ctx.loaders.category.prime(entry.category.id, entry.category);
  recordBehaviour(ctx, {
    kind: 'view',
    productId: entry.product.id,
    brand: entry.product.brand,
    categoryId: entry.product.categoryId,
  });
  return entry.product;
}

/** A products cursor: the sort it belongs to, the last product's sort value (as its column holds it), and its id. */
const SORT_VALUE: Record<ProductSortColumn, z.ZodType<string | number | null>> = {
  PRICE: cursorValue.int4,
  BEST_SELLING: cursorValue.int4,
  TITLE: cursorValue.text,
  CREATED_AT: cursorValue.instant,
  ID: z.null(),
};
const keysetCursor = (sort: ProductSortColumn) =>
  // eslint-disable-next-line security/detect-object-injection -- sort is a ProductSortColumn, checked by GraphQL's enum
  z.tuple([z.literal(sort), SORT_VALUE[sort], cursorValue.text]);

export async function listProducts(
  ctx: Context,
  args: {
    first?: number | null;
    after?: string | null;
    categoryHandle?: string | null;
    sortKey?: ProductSortColumn | null;
    reverse?: boolean | null;
  },
): Promise<Connection<Product>> {
  const limit = pageSize(args.first);
  const sort = args.sortKey ?? 'ID';
  const cursor = decodeCursor(args.after, keysetCursor(sort));
  const page = await productPage(ctx.deps.db, {
    categoryHandle: args.categoryHandle ?? null,
    sort,
    reverse: args.reverse ?? false,
    after: cursor ? { value: cursor[1], id: cursor[2] } : null,
    limit,
  });
  ctx.listItems.take(page.products.slice(0, limit));
  for (const product of page.products) ctx.loaders.product.prime(product.id, product);
  return toConnection(
    page.products,
    limit,
    (p) => encodeCursor([sort, sortValue(p, sort), p.id]),
    page.totalCount,
    cursor !== null,
  );
}

export async function categoryProducts(
  ctx: Context,
  category: Category,
  args: { first?: number | null; after?: string | null },
) {
  return listProducts(ctx, {
    ...args,
    categoryHandle: category.handle,
    sortKey: 'CREATED_AT',
    reverse: true,
  });
}

export async function listCategories(ctx: Context): Promise<Category[]> {
  const categories = await allCategories(ctx.deps.db);
  for (const c of categories) ctx.loaders.category.prime(c.id, c);
  // Parents before children: a depth-first walk of the tree.
  const children = new Map<string | null, Category[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const ordered: Category[] = [];
  const walk = (parentId: string | null) => {
    for (const c of children.get(parentId) ?? []) {
      ordered.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return ctx.listItems.take(ordered);
}

export const productCategory = (ctx: Context, product: Product) =>
  product.categoryId ? ctx.loaders.category.load(product.categoryId) : null;

export const parentCategory = (ctx: Context, category: Category) =>
  category.parentId ? ctx.loaders.category.load(category.parentId) : null;

export const childCategories = async (ctx: Context, category: Category) =>
  ctx.listItems.take(await ctx.loaders.childCategories.load(category.id));

export const productVariants = async (ctx: Context, product: Product) =>
  ctx.listItems.take(await ctx.loaders.variantsByProduct.load(product.id));

export async function variantProduct(ctx: Context, variant: ProductVariant): Promise<Product> {
  const product = await ctx.loaders.product.load(variant.productId);
  if (!product) throw new Error(`variant ${variant.id} has no product`);
  return product;
}

export const productReference = (ctx: Context, id: string) => ctx.loaders.product.load(id);
export const variantReference = (ctx: Context, id: string) => ctx.loaders.variant.load(id);

async function loadMany(ctx: Context, ids: string[]): Promise<Product[]> {
  const loaded = await ctx.loaders.product.loadMany(ids);
  return loaded.filter((p): p is Product => p !== null && !(p instanceof Error));
}

export async function relatedProducts(
  ctx: Context,
  product: Product,
  first: number | null | undefined,
): Promise<Product[]> {
  const limit = listSize(first, 8);
  if (limit === 0) return [];
  const ids = await ctx.loaders.related.load({ productId: product.id, first: limit + 1 });
  return ctx.listItems.take(
    (
      await loadMany(
        ctx,
        ids.filter((id) => id !== product.id),
      )
    ).slice(0, limit),
  );
}

/** Popular products; for a signed-in shopper, re-ranked by their affinity to categories and brands. */
export async function recommendedProducts(
  ctx: Context,
  first: number | null | undefined,
): Promise<Product[]> {
  const limit = listSize(first, 8);
  if (limit === 0) return [];
  const customerId = customerIdOf(ctx.principal);
  const boosts = customerId ? await personalBoosts(ctx, customerId) : null;
  if (!boosts) return ctx.listItems.take(await popularProducts(ctx.deps.db, limit));
  // Rank a wider pool of popular products by popularity x affinity.
  const pool = await popularProducts(ctx.deps.db, Math.max(limit * 5, 50));
  const categories = await ctx.loaders.category.loadMany([
    ...new Set(pool.flatMap((p) => (p.categoryId ? [p.categoryId] : []))),
  ]);
  const handleOf = new Map(
    categories.flatMap((c) => (c && !(c instanceof Error) ? [[c.id, c.handle] as const] : [])),
  );
  const score = (p: Product, rank: number) => {
    const category = p.categoryId ? (boosts.categories[handleOf.get(p.categoryId) ?? ''] ?? 1) : 1;
    const brand = boosts.brands[p.brand.toLowerCase()] ?? boosts.brands[p.brand] ?? 1;
    return (1 / (rank + 1)) * category * brand;
  };
  return ctx.listItems.take(
    pool
      .map((p, rank) => ({ p, s: score(p, rank) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, limit)
      .map((x) => x.p),
  );
}
