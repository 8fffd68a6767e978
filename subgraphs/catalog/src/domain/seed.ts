// Seeds the demo catalog into an empty database in one transaction, with multi-row INSERTs.
import { demoCatalog, demoStock } from '@shop/demo-data';
import type { SqlDatabase } from '@shop/datastores';
import { createHash } from 'node:crypto';
import { insertCategories } from '../data/categories';
import { countProducts, insertProducts, insertVariants } from '../data/products';
import { seedAvailability } from '../data/availability';
import type { Category, Product, ProductVariant } from './types';

/** A stable stand-in for past sales, so "popular" means something in a fresh demo shop. */
function demoPopularity(handle: string): number {
  return createHash('sha1').update(handle).digest().readUInt16BE(0) % 200;
}

/** Returns whether it seeded (false when products already exist). */
export async function seedDemoCatalog(db: SqlDatabase): Promise<boolean> {
  const catalog = demoCatalog();
  return db.transaction(async (tx) => {
    // Serialises concurrent starters on a real server; the count check below makes the second one a no-op.
    if (db.kind === 'pg') await tx.query(`SELECT pg_advisory_xact_lock(hashtext('catalog_seed'))`);
    if ((await countProducts(tx)) > 0) return false;
    const categoryIds = new Map(catalog.categories.map((c) => [c.handle, c.id]));
    const categories: Category[] = catalog.categories.map((c, position) => ({
      id: c.id,
      handle: c.handle,
      name: c.name,
      parentId: c.parentHandle ? (categoryIds.get(c.parentHandle) ?? null) : null,
      position,
    }));
    await tx.query(`DELETE FROM categories`);
    await insertCategories(tx, categories);
    const products: Product[] = [];
    const variants: ProductVariant[] = [];
    for (const p of catalog.products) {
      const prices = p.variants.map((v) => v.priceMinor);
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
        minPriceMinor: Math.min(...prices),
        maxPriceMinor: Math.max(...prices),
        popularity: demoPopularity(p.handle),
        createdAt: p.createdAt,
        updatedAt: p.createdAt,
      });
      p.variants.forEach((v, position) =>
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
        }),
      );
    }
    await insertProducts(tx, products);
    await insertVariants(tx, variants);
    await seedAvailability(tx, demoStock());
    return true;
  });
}
