// What other services ask the catalog over internal HTTP: variant facts for carts and orders, related products for cross-sell.
import type { z } from 'zod';
import type { productsRelated, VariantInfo } from '@shop/contracts';
import type { SqlExecutor } from '@shop/datastores';
import { boughtTogether } from '../data/availability';
import { categoryLineages } from '../data/categories';
import { popularProducts, productsByIds, variantsByIds } from '../data/products';

/** Unknown ids are left out. */
export async function lookupVariants(sql: SqlExecutor, ids: string[]): Promise<VariantInfo[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const variants = await variantsByIds(sql, unique);
  const products = new Map(
    (await productsByIds(sql, [...new Set(variants.map((v) => v.productId))])).map((p) => [p.id, p]),
  );
  const lineages = await categoryLineages(sql, [
    ...new Set([...products.values()].flatMap((p) => (p.categoryId ? [p.categoryId] : []))),
  ]);
  return variants.flatMap((v) => {
    const product = products.get(v.productId);
    if (!product) return [];
    return [
      {
        id: v.id,
        productId: v.productId,
        productTitle: product.title,
        title: v.title,
        sku: v.sku,
        priceMinor: v.priceMinor,
        compareAtPriceMinor: v.compareAtPriceMinor,
        currencyCode: v.currencyCode,
        weightGrams: v.weightGrams,
        imageUrl: product.images[0]?.url ?? null,
        categoryHandles: (product.categoryId && lineages.get(product.categoryId)) || [],
      },
    ];
  });
}

/** Bought together first (from paid orders), then popular products of the same categories. */
export async function relatedForProducts(
  sql: SqlExecutor,
  input: z.infer<typeof productsRelated.request>,
): Promise<string[]> {
  if (input.first === 0 || !input.productIds.length) return [];
  const exclude = [...new Set([...input.productIds, ...input.excludeProductIds])];
  const together = await boughtTogether(sql, input.productIds, exclude, input.first);
  if (together.length >= input.first) return together;
  const categoryIds = [
    ...new Set(
      (await productsByIds(sql, input.productIds)).flatMap((p) => (p.categoryId ? [p.categoryId] : [])),
    ),
  ];
  if (!categoryIds.length) return together;
  const sameCategory = await popularProducts(sql, input.first - together.length, {
    categoryIds,
    excludeIds: [...exclude, ...together],
  });
  return [...together, ...sameCategory.map((p) => p.id)];
}
