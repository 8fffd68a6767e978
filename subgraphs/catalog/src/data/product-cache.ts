// Cache-aside for product reads: one entry per product id and one per handle, both holding the product aggregate
// (product, variants, category).
import type { Cache } from '@shop/datastores';
import type { ProductWithVariants } from '../domain/types';

/** An entry missing part of the aggregate (written by an older version) counts as a miss. */
function complete(entry: ProductWithVariants | undefined): ProductWithVariants | undefined {
  return entry && entry.product && Array.isArray(entry.variants) && entry.category !== undefined
    ? entry
    : undefined;
}

export class ProductCache {
  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds: number,
  ) {}

  // v2: the entry gained the category; entries written by an older version are simply never read.
  static idKey(id: string): string {
    return `product:v2:id:${id}`;
  }

  static handleKey(handle: string): string {
    return `product:v2:handle:${handle}`;
  }

  /** With a TTL of 0 nothing is read or written; invalidation still runs, for entries other instances wrote. */
  private get enabled(): boolean {
    return this.ttlSeconds > 0;
  }

  async byId(id: string): Promise<ProductWithVariants | undefined> {
    if (!this.enabled) return undefined;
    return complete(await this.cache.get<ProductWithVariants>(ProductCache.idKey(id)));
  }

  async byHandle(handle: string): Promise<ProductWithVariants | undefined> {
    if (!this.enabled) return undefined;
    return complete(await this.cache.get<ProductWithVariants>(ProductCache.handleKey(handle)));
  }

  async put(entry: ProductWithVariants): Promise<void> {
    if (!this.enabled) return;
    await Promise.all([
      this.cache.set(ProductCache.idKey(entry.product.id), entry, this.ttlSeconds),
      this.cache.set(ProductCache.handleKey(entry.product.handle), entry, this.ttlSeconds),
    ]);
  }

  async invalidate(id: string, handles: string[]): Promise<void> {
    await this.cache.del(ProductCache.idKey(id), ...handles.map((h) => ProductCache.handleKey(h)));
  }
}
