import type { SubgraphContext } from '@shop/common';
import type { CatalogDeps } from './deps';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends SubgraphContext {
  deps: CatalogDeps;
  loaders: Loaders;
}

export function buildContext(base: SubgraphContext, deps: CatalogDeps): Context {
  return { ...base, deps, loaders: createLoaders(deps.db) };
}
