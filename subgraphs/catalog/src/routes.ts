// The catalog's internal endpoints (service identity only; see docs/internal-contracts.md).
import { internalRoute, type InternalAuth, type Route } from '@shop/common';
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import type { BehaviourStore } from './data/behaviour';
import { recordCartAdds } from './domain/personalisation';
import { lookupVariants, relatedForProducts, relatedInput, variantsLookupInput } from './domain/internal';

const cartAddsInput = z.object({
  customerId: z.string().min(1).max(100),
  lines: z
    .array(z.object({ variantId: z.string().max(100), quantity: z.number().int().positive().max(10_000) }))
    .max(100),
});

/** Prices and weights serve carts, checkout and shipping rates; related products and cart adds serve the cart. */
const VARIANT_READERS = ['cart', 'orders', 'shipping'] as const;
const CART = ['cart'] as const;

export function internalRoutes(
  auth: InternalAuth,
  sql: SqlExecutor,
  behaviour: BehaviourStore | null,
): Route[] {
  return [
    internalRoute(
      auth,
      'POST',
      '/internal/variants/lookup',
      VARIANT_READERS,
      variantsLookupInput,
      async (input) => ({
        status: 200,
        body: { variants: await lookupVariants(sql, input.ids) },
      }),
    ),
    internalRoute(auth, 'POST', '/internal/products/related', CART, relatedInput, async (input) => ({
      status: 200,
      body: { productIds: await relatedForProducts(sql, input) },
    })),
    // The cart reports a signed-in shopper's cart adds here for personalisation (a failure never fails the add).
    internalRoute(auth, 'POST', '/internal/behaviour/cart-adds', CART, cartAddsInput, async (input) => ({
      status: 200,
      body: { recorded: await recordCartAdds({ behaviour, db: sql }, input.customerId, input.lines) },
    })),
  ];
}
