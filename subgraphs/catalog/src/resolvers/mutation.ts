import type { MutationResolvers } from '../generated/resolvers-types';
import { createProduct, removeProduct, updateProduct } from '../domain/admin';

export const Mutation: MutationResolvers = {
  productCreate: (_parent, args, ctx) => createProduct(ctx, args.input),
  productUpdate: (_parent, args, ctx) => updateProduct(ctx, args.id, args.input),
  productDelete: (_parent, args, ctx) => removeProduct(ctx, args.id),
};
