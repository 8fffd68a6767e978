// The catalog's internal API: variant prices and titles (never the client's), and related products.
import { ServiceCallError, ServiceUnavailableError, type ServiceClient } from '@shop/common';
import {
  behaviourCartAdds,
  callEndpoint,
  CATALOG_UNAVAILABLE,
  lookupVariants,
  productsRelated,
  VARIANT_ID_MAX as ID_MAX,
} from '@shop/contracts';
import type { Cache } from '@shop/datastores';
import type { VariantInfo } from '../domain/types';

export interface Catalog {
  lookupVariants(ids: readonly string[], requestId?: string): Promise<Map<string, VariantInfo>>;
  relatedProducts(
    productIds: string[],
    excludeProductIds: string[],
    first: number,
    requestId?: string,
  ): Promise<string[]>;
  /** Tells the catalog's personalisation what a shopper added; best effort, never fails the caller. */
  reportCartAdds(
    customerId: string,
    lines: { variantId: string; quantity: number }[],
    requestId?: string,
  ): Promise<void>;
}

/** A catalog that answers with an error is as unavailable to the cart as one that cannot be reached. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ServiceCallError) throw new ServiceUnavailableError(CATALOG_UNAVAILABLE);
    throw error;
  }
}

export function catalogOver(client: ServiceClient): Catalog {
  return {
    async lookupVariants(ids, requestId) {
      const variants = await lookupVariants(client, ids, requestId);
      return new Map(variants.map((variant) => [variant.id, variant]));
    },
    async relatedProducts(productIds, excludeProductIds, first, requestId) {
      if (!productIds.length || first <= 0) return [];
      const { productIds: related } = await call(() =>
        callEndpoint(client, productsRelated, { productIds, excludeProductIds, first }, { requestId }),
      );
      const excluded = new Set(excludeProductIds);
      return related.filter((id) => !excluded.has(id)).slice(0, first);
    },
    async reportCartAdds(customerId, lines, requestId) {
      try {
        await callEndpoint(client, behaviourCartAdds, { customerId, lines }, { requestId });
      } catch {
        // Personalisation is a nicety: a cart add never waits on it or fails because of it.
      }
    },
  };
}

export type VariantLookup = (ids: readonly string[], requestId?: string) => Promise<Map<string, VariantInfo>>;

/**
 * The catalog's variant lookup behind the cache port, for what a shopper sees and the cart's line checks.
 * Every cart add and every cart read needs the variants of its lines; asking the catalog each time made
 * two HTTP calls (and two Postgres queries on its side) per add. Prices still come from the catalog: an
 * entry lives `ttlSeconds` (30 s by default), so a price change shows in carts within that bound. Checkout's
 * snapshot does not come through here; it asks the catalog afresh, so an order is always priced now.
 * Unknown ids are not cached: a variant the catalog adds is seen at once. A ttl of 0 turns the cache off.
 */
export function cachedVariantLookup(catalog: Catalog, cache: Cache, ttlSeconds: number): VariantLookup {
  if (ttlSeconds <= 0) return (ids, requestId) => catalog.lookupVariants(ids, requestId);
  const key = (id: string) => `variant:v1:${id}`;
  // Lookups in flight, by id: when an entry expires under load, the requests that miss it at once share one
  // catalog call instead of each making their own.
  const inFlight = new Map<string, Promise<VariantInfo | undefined>>();
  const fetchMissing = (missing: string[], requestId?: string): Promise<(VariantInfo | undefined)[]> => {
    const fresh = missing.filter((id) => !inFlight.has(id));
    if (fresh.length) {
      const call = catalog.lookupVariants(fresh, requestId).then(async (fetched) => {
        await Promise.all(
          [...fetched.values()].map((variant) => cache.set(key(variant.id), variant, ttlSeconds)),
        );
        return fetched;
      });
      const settled = call.finally(() => fresh.forEach((id) => inFlight.delete(id)));
      settled.catch(() => undefined);
      for (const id of fresh)
        inFlight.set(
          id,
          call.then((fetched) => fetched.get(id)),
        );
    }
    return Promise.all(missing.map((id) => inFlight.get(id)!));
  };
  return async (ids, requestId) => {
    const unique = [...new Set(ids)].filter((id) => id.length <= ID_MAX);
    const cached = await Promise.all(unique.map((id) => cache.get<VariantInfo>(key(id))));
    const result = new Map<string, VariantInfo>();
    const missing: string[] = [];
    unique.forEach((id, i) => {
      // eslint-disable-next-line security/detect-object-injection -- i is a loop counter over the requested ids, within both arrays
      const hit = cached[i];
      if (hit && hit.id === id) result.set(id, hit);
      else missing.push(id);
    });
    if (!missing.length) return result;
    const fetched = await fetchMissing(missing, requestId);
    missing.forEach((id, i) => {
      // eslint-disable-next-line security/detect-object-injection -- i is a loop counter over the requested ids, within both arrays
      const variant = fetched[i];
      if (variant) result.set(id, variant);
    });
    return result;
  };
}

/**
 * Cart adds for the catalog's personalisation, gathered for `windowMs` and sent as one call per shopper
 * (quantities of a variant summed). Reported one by one, every add cost the shop a further HTTP call and
 * a write on the catalog's side; personalisation is none the worse for hearing a second later.
 */
export class CartAddReporter {
  private pending = new Map<string, Map<string, number>>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly catalog: Catalog,
    private readonly windowMs: number,
  ) {}

  report(customerId: string, lines: { variantId: string; quantity: number }[]): void {
    const mine = this.pending.get(customerId) ?? new Map<string, number>();
    this.pending.set(customerId, mine);
    for (const line of lines) mine.set(line.variantId, (mine.get(line.variantId) ?? 0) + line.quantity);
    if (this.windowMs <= 0) {
      void this.flush();
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.windowMs);
      this.timer.unref();
    }
  }

  /** Sends what is gathered; never fails (reportCartAdds swallows its errors). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    // One call after another: a burst of one call per shopper would queue ahead of the cart's own catalog lookups.
    const done = (async () => {
      for (const [customerId, byVariant] of batch) {
        const lines = [...byVariant].map(([variantId, quantity]) => ({
          variantId,
          quantity: Math.min(quantity, 10_000),
        }));
        // The catalog takes at most 100 lines a call.
        for (let i = 0; i < lines.length; i += 100)
          await this.catalog.reportCartAdds(customerId, lines.slice(i, i + 100));
      }
    })();
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }

  async close(): Promise<void> {
    await this.flush();
    await Promise.all(this.inFlight);
  }
}
