import type { QueryResolvers } from '../generated/resolvers-types';
import { getProduct, listCategories, listProducts, recommendedProducts } from '../domain/catalog';
import { searchProducts, searchSuggestions } from '../domain/search';
import { selectsField } from './selection';

export const Query: QueryResolvers = {
  product: (_parent, args, ctx) => getProduct(ctx, args),
  products: (_parent, args, ctx) => listProducts(ctx, args),
  categories: (_parent, _args, ctx) => listCategories(ctx),
  search: (_parent, args, ctx, info) => searchProducts(ctx, args, { facets: selectsField(info, 'facets') }),
  searchSuggestions: (_parent, args, ctx) => searchSuggestions(ctx, args),
  recommendedProducts: (_parent, args, ctx) => recommendedProducts(ctx, args.first),
};
