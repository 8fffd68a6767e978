import type { ProductVariantResolvers } from '../generated/resolvers-types';
import { availability } from '../domain/availability';

export const ProductVariant: ProductVariantResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  quantityAvailable: async (variant, _args, ctx) => (await availability(ctx, variant.id)).quantityAvailable,
  availableForSale: async (variant, _args, ctx) => (await availability(ctx, variant.id)).availableForSale,
};
