import type { SubgraphContext } from '@shop/common';
import type { CatalogDeps } from './deps';
import { ListItemBudget } from './domain/list-budget';
import { createLoaders, type Loaders } from './loaders';

export interface Context extends SubgraphContext {
  deps: CatalogDeps;
  loaders: Loaders;
  /** How many more list items this request may resolve (MAX_LIST_ITEMS_PER_REQUEST). */
  listItems: ListItemBudget;
}

export function buildContext(base: SubgraphContext, deps: CatalogDeps): Context {
  return {
    ...base,
    deps,
    loaders: createLoaders(deps.db, deps.engine),
    listItems: new ListItemBudget(deps.maxListItemsPerRequest),
  };
}
