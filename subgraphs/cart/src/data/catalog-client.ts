// The catalog's internal API: variant prices and titles (never the client's), and related products.
import { z } from 'zod';
import { ServiceCallError, ServiceUnavailableError, type ServiceClient } from '@shop/common';
import type { VariantInfo } from '../domain/types';

const variantInfoSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  title: z.string(),
  sku: z.string(),
  priceMinor: z.number().int(),
  compareAtPriceMinor: z.number().int().nullable(),
  currencyCode: z.string(),
  weightGrams: z.number().int(),
  imageUrl: z.string().nullable(),
});

const lookupSchema = z.object({ variants: z.array(variantInfoSchema) });
const relatedSchema = z.object({ productIds: z.array(z.string()) });

const LOOKUP_MAX = 250;
/** The catalog refuses longer ids; such an id cannot name a variant, so it is simply unknown. */
const ID_MAX = 100;

export interface Catalog {
  lookupVariants(ids: readonly string[], requestId?: string): Promise<Map<string, VariantInfo>>;
  relatedProducts(productIds: string[], excludeProductIds: string[], first: number, requestId?: string): Promise<string[]>;
  /** Tells the catalog's personalisation what a shopper added; best effort, never fails the caller. */
  reportCartAdds(customerId: string, lines: { variantId: string; quantity: number }[], requestId?: string): Promise<void>;
}

async function call<T>(run: () => Promise<unknown>, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await run();
  } catch (error) {
    if (error instanceof ServiceCallError) throw new ServiceUnavailableError('The catalog is temporarily unavailable. Please retry.');
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ServiceUnavailableError('The catalog answered in an unexpected shape.');
  return parsed.data;
}

export function catalogOver(client: ServiceClient): Catalog {
  return {
    async lookupVariants(ids, requestId) {
      const result = new Map<string, VariantInfo>();
      const unique = [...new Set(ids)].filter((id) => id.length <= ID_MAX);
      for (let i = 0; i < unique.length; i += LOOKUP_MAX) {
        const chunk = unique.slice(i, i + LOOKUP_MAX);
        const { variants } = await call(() => client.post('/internal/variants/lookup', { ids: chunk }, requestId), lookupSchema);
        for (const variant of variants) result.set(variant.id, variant);
      }
      return result;
    },
    async relatedProducts(productIds, excludeProductIds, first, requestId) {
      if (!productIds.length || first <= 0) return [];
      const { productIds: related } = await call(
        () => client.post('/internal/products/related', { productIds, excludeProductIds, first }, requestId),
        relatedSchema,
      );
      const excluded = new Set(excludeProductIds);
      return related.filter((id) => !excluded.has(id)).slice(0, first);
    },
    async reportCartAdds(customerId, lines, requestId) {
      try {
        await client.post('/internal/behaviour/cart-adds', { customerId, lines }, requestId);
      } catch {
        // Personalisation is a nicety: a cart add never waits on it or fails because of it.
      }
    },
  };
}
