import { OUTBOX_MIGRATIONS, isUniqueViolation, loadMigrations, migrate } from '@shop/datastores';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import {
  addCopurchases,
  boughtTogether,
  seedAvailability,
  setQuantityAvailable,
  availableProductIds,
} from '../src/data/availability';
import { allCategories, insertCategories } from '../src/data/categories';
import {
  insertProducts,
  insertVariants,
  productByHandle,
  productPage,
  replaceVariants,
  sortValue,
  variantsByProductIds,
} from '../src/data/products';
import type { Product, ProductVariant } from '../src/domain/types';
import { MIGRATIONS_DIR } from '../src/service';

function product(i: number, overrides: Partial<Product> = {}): Product {
  return {
    id: `p${String(i).padStart(3, '0')}`,
    handle: `product-${i}`,
    title: `Product ${String.fromCharCode(65 + (i % 26))}`,
    description: '',
    brand: 'B',
    tags: [],
    categoryId: i % 2 ? 'shoes' : 'boots',
    specs: [{ name: 'Drop', value: '8 mm' }],
    options: [],
    images: [],
    currencyCode: 'USD',
    minPriceMinor: (i % 7) * 100,
    maxPriceMinor: (i % 7) * 100 + 50,
    popularity: i % 5,
    createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 10))).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    ...overrides,
  };
}

function variant(productId: string, id: string, sku: string, position = 0): ProductVariant {
  return {
    id,
    productId,
    position,
    sku,
    title: sku,
    selectedOptions: [],
    priceMinor: 100,
    compareAtPriceMinor: null,
    weightGrams: 10,
    currencyCode: 'USD',
  };
}

describe('catalog repositories on Postgres', () => {
  let pg: TestDatabase;
  beforeAll(async () => {
    pg = await createTestDatabase('catalog_repos');
    await migrate(pg.db, [...OUTBOX_MIGRATIONS, ...loadMigrations(MIGRATIONS_DIR)]);
    await insertCategories(pg.db, [
      { id: 'footwear', handle: 'footwear', name: 'Footwear', parentId: null, position: 0 },
      { id: 'shoes', handle: 'shoes', name: 'Shoes', parentId: 'footwear', position: 1 },
      { id: 'boots', handle: 'boots', name: 'Boots', parentId: 'footwear', position: 2 },
    ]);
    await insertProducts(
      pg.db,
      Array.from({ length: 45 }, (_, i) => product(i)),
    );
  });
  afterAll(async () => pg?.drop());

  it('When products are paged by keyset with ties in the sort value, then every product comes exactly once in order', async () => {
    for (const sort of ['PRICE', 'TITLE', 'CREATED_AT', 'BEST_SELLING', 'ID'] as const) {
      for (const reverse of [false, true]) {
        const seen: Product[] = [];
        let after: { value: string | number | null; id: string } | null = null;
        for (;;) {
          const page = await productPage(pg.db, { categoryHandle: null, sort, reverse, after, limit: 7 });
          expect(page.totalCount).toBe(45);
          const rows = page.products.slice(0, 7);
          seen.push(...rows);
          if (page.products.length <= 7) break;
          const last = rows[rows.length - 1]!;
          after = { value: sortValue(last, sort), id: last.id };
        }
        expect(new Set(seen.map((p) => p.id)).size).toBe(45);
      }
    }
  });

  it('When a page is limited to a parent category, then products of its sub-categories are included', async () => {
    expect(
      (
        await productPage(pg.db, {
          categoryHandle: 'footwear',
          sort: 'ID',
          reverse: false,
          after: null,
          limit: 100,
        })
      ).totalCount,
    ).toBe(45);
    const shoes = await productPage(pg.db, {
      categoryHandle: 'shoes',
      sort: 'ID',
      reverse: false,
      after: null,
      limit: 100,
    });
    expect(shoes.totalCount).toBe(22);
    expect(shoes.products.every((p) => p.categoryId === 'shoes')).toBe(true);
    expect(
      (
        await productPage(pg.db, {
          categoryHandle: 'nope',
          sort: 'ID',
          reverse: false,
          after: null,
          limit: 10,
        })
      ).totalCount,
    ).toBe(0);
  });

  it('When a handle or sku is taken, then the insert fails with a unique violation and writes nothing', async () => {
    const failed = await pg.db
      .transaction(async (tx) => {
        await insertProducts(tx, [product(100)]);
        await insertProducts(tx, [product(101, { handle: 'product-1' })]);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await productByHandle(pg.db, 'product-100')).toBeNull();
    await insertVariants(pg.db, [variant('p001', 'v1', 'SKU-1')]);
    const dup = await insertVariants(pg.db, [variant('p002', 'v2', 'SKU-1')]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(dup)).toBe(true);
  });

  it('When variants are replaced with swapped skus, then kept ids stay, dropped ones go and the order follows', async () => {
    await insertVariants(pg.db, [
      variant('p003', 'v3a', 'S-A', 0),
      variant('p003', 'v3b', 'S-B', 1),
      variant('p003', 'v3c', 'S-C', 2),
    ]);
    await pg.db.transaction((tx) =>
      replaceVariants(tx, 'p003', [
        variant('p003', 'v3b', 'S-A', 0),
        variant('p003', 'v3a', 'S-B', 1),
        variant('p003', 'v3d', 'S-D', 2),
      ]),
    );
    const after = await variantsByProductIds(pg.db, ['p003']);
    expect(after.map((v) => [v.id, v.sku])).toEqual([
      ['v3b', 'S-A'],
      ['v3a', 'S-B'],
      ['v3d', 'S-D'],
    ]);
  });

  it('When stock and purchases are recorded, then availability and bought-together follow', async () => {
    await insertVariants(pg.db, [variant('p010', 'v10', 'SKU-10'), variant('p011', 'v11', 'SKU-11')]);
    await seedAvailability(pg.db, [
      { variantId: 'v10', quantity: 3 },
      { variantId: 'v11', quantity: 0 },
    ]);
    expect([...(await availableProductIds(pg.db, ['p010', 'p011']))]).toEqual(['p010']);
    expect(await setQuantityAvailable(pg.db, 'v11', 2)).toBe('p011');
    expect(await setQuantityAvailable(pg.db, 'ghost', 2)).toBeNull();
    expect((await availableProductIds(pg.db, ['p010', 'p011'])).size).toBe(2);
    await addCopurchases(pg.db, ['p010', 'p011', 'p012']);
    await addCopurchases(pg.db, ['p010', 'p012']);
    expect(await boughtTogether(pg.db, ['p010'], [], 5)).toEqual(['p012', 'p011']);
    expect(await boughtTogether(pg.db, ['p010'], ['p012'], 5)).toEqual(['p011']);
    expect((await allCategories(pg.db)).map((c) => c.handle)).toEqual(['footwear', 'shoes', 'boots']);
  });
});
