import { toMoney } from '@shop/common';
import type { ProductVariantResolvers } from '../generated/resolvers-types';
import { variantProduct, variantReference } from '../domain/catalog';

export const ProductVariant: ProductVariantResolvers = {
  __resolveReference: (ref, ctx) => variantReference(ctx, ref.id),
  price: (variant) => toMoney(variant.priceMinor, variant.currencyCode),
  compareAtPrice: (variant) =>
    variant.compareAtPriceMinor === null ? null : toMoney(variant.compareAtPriceMinor, variant.currencyCode),
  product: (variant, _args, ctx) => variantProduct(ctx, variant),
};
