import { BadInputError } from '@shop/common';
import type { InventoryLevelResolvers } from '../generated/resolvers-types';
import { stockLocations, totalAvailable } from '../domain/inventory';

export const InventoryLevel: InventoryLevelResolvers = {
  variant: (level) => ({ id: level.variantId }),
  totalAvailable: (level) => totalAvailable(level),
  locations: (level, _args, ctx) => stockLocations(ctx, level),
  movements: (level, { first }, ctx) => {
    if (!Number.isInteger(first) || first < 0 || first > 100)
      throw new BadInputError('first must be between 0 and 100');
    return ctx.deps.inventory.movements(level.variantId, first);
  },
};
