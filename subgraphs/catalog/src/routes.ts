// The catalog's internal endpoints (service identity only; see docs/internal-contracts.md).
import { type InternalAuth, type Route } from '@shop/common';
import { behaviourCartAdds, endpointRoute, ok, productsRelated, variantsLookup } from '@shop/contracts';
import type { SqlExecutor } from '@shop/datastores';
import type { BehaviourStore } from './data/behaviour';
import { recordCartAdds } from './domain/personalisation';
import { lookupVariants, relatedForProducts } from './domain/internal';

/** Prices and weights serve carts, checkout and shipping rates; related products and cart adds serve the cart. */
export function internalRoutes(
  auth: InternalAuth,
  sql: SqlExecutor,
  behaviour: BehaviourStore | null,
): Route[] {
  return [
    endpointRoute(auth, variantsLookup, async (input) =>
      ok(variantsLookup, { variants: await lookupVariants(sql, input.ids) }),
    ),
    endpointRoute(auth, productsRelated, async (input) =>
      ok(productsRelated, { productIds: await relatedForProducts(sql, input) }),
    ),
    // The cart reports a signed-in shopper's cart adds here for personalisation (a failure never fails the add).
    endpointRoute(auth, behaviourCartAdds, async (input) =>
      ok(behaviourCartAdds, {
        recorded: await recordCartAdds({ behaviour, db: sql }, input.customerId, input.lines),
      }),
    ),
  ];
}
