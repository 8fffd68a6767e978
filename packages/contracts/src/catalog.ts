// The catalog's internal endpoints: variant facts for carts, checkout and shipping rates; related products and
// cart adds for the cart.
import { z } from 'zod';
import { ServiceCallError, ServiceUnavailableError, type ServiceClient } from '@shop/common';
import { callEndpoint, defineEndpoint } from './endpoint';

export const variantInfo = z.object({
  id: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  title: z.string(),
  sku: z.string(),
  priceMinor: z.number().int().nonnegative(),
  compareAtPriceMinor: z.number().int().nonnegative().nullable(),
  currencyCode: z.string(),
  weightGrams: z.number().int().nonnegative(),
  imageUrl: z.string().nullable(),
  /** The handles of the product's category and of each category above it, nearest first; empty when it has none. */
  categoryHandles: z.array(z.string()).optional(),
});
/** A variant as the catalog describes it to other services. */
export type VariantInfo = z.infer<typeof variantInfo>;

/** The most ids one lookup takes, and the longest id (a longer one cannot name a variant). */
export const VARIANT_LOOKUP_MAX = 250;
export const VARIANT_ID_MAX = 100;

/** Unknown ids are left out of the answer. */
export const variantsLookup = defineEndpoint({
  service: 'catalog',
  method: 'POST',
  path: '/internal/variants/lookup',
  callers: ['cart', 'orders', 'shipping'],
  request: z.object({ ids: z.array(z.string().max(VARIANT_ID_MAX)).max(VARIANT_LOOKUP_MAX) }),
  response: z.object({ variants: z.array(variantInfo) }),
});

/**
 * The one client of the variant lookup, for every service: ids deduplicated, those too long to name a variant
 * dropped, asked in chunks the catalog takes. A catalog that cannot be reached, answers an error or answers in
 * another shape is SERVICE_UNAVAILABLE to every caller alike.
 */
export async function lookupVariants(
  client: ServiceClient,
  ids: readonly string[],
  requestId?: string,
): Promise<VariantInfo[]> {
  const unique = [...new Set(ids)].filter((id) => id.length <= VARIANT_ID_MAX);
  const found: VariantInfo[] = [];
  for (let i = 0; i < unique.length; i += VARIANT_LOOKUP_MAX) {
    const chunk = unique.slice(i, i + VARIANT_LOOKUP_MAX);
    try {
      found.push(...(await callEndpoint(client, variantsLookup, { ids: chunk }, { requestId })).variants);
    } catch (error) {
      if (error instanceof ServiceCallError) throw new ServiceUnavailableError(CATALOG_UNAVAILABLE);
      throw error;
    }
  }
  return found;
}

export const CATALOG_UNAVAILABLE = 'The catalog is temporarily unavailable. Please retry.';

/** Products that go with these: bought together, else popular in the same categories. */
export const productsRelated = defineEndpoint({
  service: 'catalog',
  method: 'POST',
  path: '/internal/products/related',
  callers: ['cart'],
  request: z.object({
    productIds: z.array(z.string().max(100)).max(100),
    excludeProductIds: z.array(z.string().max(100)).max(500).default([]),
    first: z.number().int().min(0).max(100),
  }),
  response: z.object({ productIds: z.array(z.string()) }),
});

/** A signed-in shopper's cart adds, as behaviour for personalisation (a failure never fails the add). */
export const behaviourCartAdds = defineEndpoint({
  service: 'catalog',
  method: 'POST',
  path: '/internal/behaviour/cart-adds',
  callers: ['cart'],
  request: z.object({
    customerId: z.string().min(1).max(100),
    lines: z
      .array(z.object({ variantId: z.string().max(100), quantity: z.number().int().positive().max(10_000) }))
      .max(100),
  }),
  response: z.object({ recorded: z.number().int().nonnegative() }),
});
