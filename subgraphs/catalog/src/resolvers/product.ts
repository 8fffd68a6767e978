import { toMoney } from '@shop/common';
import type { ProductResolvers } from '../generated/resolvers-types';
import { productCategory, productReference, productVariants, relatedProducts } from '../domain/catalog';

export const Product: ProductResolvers = {
  __resolveReference: (ref, ctx) => productReference(ctx, ref.id),
  category: (product, _args, ctx) => productCategory(ctx, product),
  variants: (product, _args, ctx) => productVariants(ctx, product),
  priceRange: (product) => ({
    minVariantPrice: toMoney(product.minPriceMinor, product.currencyCode),
    maxVariantPrice: toMoney(product.maxPriceMinor, product.currencyCode),
  }),
  relatedProducts: (product, args, ctx) => relatedProducts(ctx, product, args.first),
};
