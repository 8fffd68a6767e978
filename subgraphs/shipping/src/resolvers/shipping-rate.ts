import { toMoney } from '@shop/common';
import type { ShippingRateResolvers } from '../generated/resolvers-types';

export const ShippingRate: ShippingRateResolvers = {
  price: (rate) => toMoney(rate.priceMinor, rate.currencyCode),
};
