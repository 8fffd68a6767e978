import type { CategoryResolvers } from '../generated/resolvers-types';
import { categoryProducts, childCategories, parentCategory } from '../domain/catalog';

export const Category: CategoryResolvers = {
  parent: (category, _args, ctx) => parentCategory(ctx, category),
  children: (category, _args, ctx) => childCategories(ctx, category),
  products: (category, args, ctx) => categoryProducts(ctx, category, args),
};
