// The catalog's internal variant lookup, read for item weights; answers are parsed before use.
import type { ServiceClient } from '@shop/common';
import { lookupVariants } from '@shop/contracts';

export interface VariantWeight {
  id: string;
  weightGrams: number;
}

export interface CatalogClient {
  /** The weights of the variants that exist; unknown ids are left out. */
  variantWeights(ids: string[], requestId?: string): Promise<VariantWeight[]>;
}

export function catalogClient(client: ServiceClient): CatalogClient {
  return {
    async variantWeights(ids, requestId) {
      if (!ids.length) return [];
      const variants = await lookupVariants(client, ids, requestId);
      return variants.map((v) => ({ id: v.id, weightGrams: v.weightGrams }));
    },
  };
}
