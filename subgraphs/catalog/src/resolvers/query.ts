import type { QueryResolvers } from '../generated/resolvers-types';
import { getProduct, listCategories, listProducts, recommendedProducts } from '../domain/catalog';
import { searchProducts, searchSuggestions } from '../domain/search';

export const Query: QueryResolvers = {
  product: (_parent, args, ctx) => getProduct(ctx, args),
  products: (_parent, args, ctx) => listProducts(ctx, args),
  categories: (_parent, _args, ctx) => listCategories(ctx),
  search: (_parent, args, ctx) => searchProducts(ctx, args),
  searchSuggestions: (_parent, args, ctx) => searchSuggestions(ctx, args),
  recommendedProducts: (_parent, args, ctx) => recommendedProducts(ctx, args.first),
};
