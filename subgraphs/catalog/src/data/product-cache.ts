// Cache-aside for product reads: one entry per product id and one per handle, both holding the product with its variants.
import type { Cache } from '@shop/datastores';
import type { ProductWithVariants } from '../domain/types';

export class ProductCache {
  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds: number,
  ) {}

  static idKey(id: string): string {
    return `product:id:${id}`;
  }

  static handleKey(handle: string): string {
    return `product:handle:${handle}`;
  }

  byId(id: string): Promise<ProductWithVariants | undefined> {
    return this.cache.get<ProductWithVariants>(ProductCache.idKey(id));
  }

  byHandle(handle: string): Promise<ProductWithVariants | undefined> {
    return this.cache.get<ProductWithVariants>(ProductCache.handleKey(handle));
  }

  async put(entry: ProductWithVariants): Promise<void> {
    await Promise.all([
      this.cache.set(ProductCache.idKey(entry.product.id), entry, this.ttlSeconds),
      this.cache.set(ProductCache.handleKey(entry.product.handle), entry, this.ttlSeconds),
    ]);
  }

  async invalidate(id: string, handles: string[]): Promise<void> {
    await this.cache.del(ProductCache.idKey(id), ...handles.map((h) => ProductCache.handleKey(h)));
  }
}
