// Per-request DataLoaders: N lookups of one kind in a request cost one SQL statement.
import DataLoader from 'dataloader';
import type { SqlExecutor } from '@shop/datastores';
import type { SearchEngine } from './search/engine';
import { categoriesByIds, categoriesByParentIds } from './data/categories';
import { productsByIds, variantsByIds, variantsByProductIds } from './data/products';
import type { Category, Product, ProductVariant } from './domain/types';

export interface Loaders {
  product: DataLoader<string, Product | null>;
  variant: DataLoader<string, ProductVariant | null>;
  variantsByProduct: DataLoader<string, ProductVariant[]>;
  category: DataLoader<string, Category | null>;
  childCategories: DataLoader<string, Category[]>;
  /** Related product ids of a product, for one `first`: every product of a page asks in one engine query. */
  related: DataLoader<{ productId: string; first: number }, string[], string>;
}

function byKey<K, V>(keys: readonly K[], items: V[], keyOf: (item: V) => K): (V | null)[] {
  const map = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((key) => map.get(key) ?? null);
}

function groupBy<K, V>(keys: readonly K[], items: V[], keyOf: (item: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const item of items) {
    const list = map.get(keyOf(item));
    if (list) list.push(item);
    else map.set(keyOf(item), [item]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

function relatedLoader(engine: SearchEngine): Loaders['related'] {
  const keyOf = (key: { productId: string; first: number }) => `${key.first}:${key.productId}`;
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, string[]>();
      const firsts = [...new Set(keys.map((k) => k.first))];
      await Promise.all(
        firsts.map(async (first) => {
          const ids = keys.filter((k) => k.first === first).map((k) => k.productId);
          const related = await engine.relatedMany(ids, first);
          for (const id of ids) found.set(keyOf({ productId: id, first }), related.get(id) ?? []);
        }),
      );
      return keys.map((key) => found.get(keyOf(key)) ?? []);
    },
    { cacheKeyFn: keyOf },
  );
}

export function createLoaders(sql: SqlExecutor, engine: SearchEngine): Loaders {
  return {
    product: new DataLoader(async (ids) => byKey(ids, await productsByIds(sql, ids), (p) => p.id)),
    variant: new DataLoader(async (ids) => byKey(ids, await variantsByIds(sql, ids), (v) => v.id)),
    variantsByProduct: new DataLoader(async (ids) =>
      groupBy(ids, await variantsByProductIds(sql, ids), (v) => v.productId),
    ),
    category: new DataLoader(async (ids) => byKey(ids, await categoriesByIds(sql, ids), (c) => c.id)),
    childCategories: new DataLoader(async (ids) =>
      groupBy(ids, await categoriesByParentIds(sql, ids), (c) => c.parentId ?? ''),
    ),
    related: relatedLoader(engine),
  };
}
