// What the catalog's domain needs from the service, built once in createService.
import type { Logger } from '@shop/common';
import type { SqlDatabase } from '@shop/datastores';
import type { ProductCache } from './data/product-cache';
import type { BehaviourStore } from './data/behaviour';
import type { SearchEngine } from './search/engine';

export interface CatalogDeps {
  db: SqlDatabase;
  productCache: ProductCache;
  engine: SearchEngine;
  logger: Logger;
  /** Publishes committed outbox events now rather than at the next poll. */
  kickOutbox: () => void;
  /** Shopper behaviour for personalisation; null when disabled. */
  behaviour: BehaviourStore | null;
  /** The most list items (products, related products, categories) one request may resolve. */
  maxListItemsPerRequest: number;
}
