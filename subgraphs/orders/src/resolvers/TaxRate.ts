import type { TaxRateResolvers } from '../generated/resolvers-types';
import { formatRatePpm } from '../domain/tax';

export const TaxRate: TaxRateResolvers = {
  rate: (r) => formatRatePpm(r.ratePpm),
};
