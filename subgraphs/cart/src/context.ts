// Per-request state: the verified identity, the shared dependencies and one DataLoader per thing loaded by id.
import DataLoader from 'dataloader';
import type { SubgraphContext } from '@shop/common';
import type { CartAddReporter, Catalog, VariantLookup } from './data/catalog-client';
import type { CartRepository } from './data/cart-repo';
import type { InventoryRepository } from './data/inventory-repo';
import type { CartRecord, InventoryLevel, VariantInfo } from './domain/types';

export interface CartSettings {
  guestCartTtlDays: number;
  reservationTtlSeconds: number;
  defaultCurrency: string;
}

export interface Deps {
  carts: CartRepository;
  inventory: InventoryRepository;
  catalog: Catalog;
  /** The catalog's variants through a short-lived cache: for carts as shown, never for checkout's snapshot. */
  variants: VariantLookup;
  cartAdds: CartAddReporter;
  settings: CartSettings;
  now: () => Date;
  newId: () => string;
}

export interface Loaders {
  variants: DataLoader<string, VariantInfo | null>;
  stock: DataLoader<string, InventoryLevel | null>;
  carts: DataLoader<string, CartRecord | null>;
}

export interface Context extends SubgraphContext {
  deps: Deps;
  loaders: Loaders;
}

export function createLoaders(deps: Deps, requestId: string): Loaders {
  return {
    variants: new DataLoader(async (ids) => {
      const found = await deps.variants(ids, requestId);
      return ids.map((id) => found.get(id) ?? null);
    }),
    stock: new DataLoader(async (ids) => {
      const found = await deps.inventory.getLevels(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    carts: new DataLoader(async (ids) => {
      const found = await deps.carts.getMany(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

export function buildContext(deps: Deps, base: SubgraphContext): Context {
  return { ...base, deps, loaders: createLoaders(deps, base.requestId) };
}
