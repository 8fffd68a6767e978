// The catalog's internal variant lookup, read for item weights; answers are parsed before use.
import { z } from 'zod';
import { ServiceCallError, ServiceUnavailableError, type ServiceClient } from '@shop/common';

const variantInfo = z.object({
  id: z.string(),
  weightGrams: z.number().int().nonnegative(),
});
const lookupAnswer = z.object({ variants: z.array(variantInfo.passthrough()) });

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
      let raw: unknown;
      try {
        raw = await client.post<unknown>('/internal/variants/lookup', { ids }, requestId);
      } catch (error) {
        if (error instanceof ServiceCallError)
          throw new ServiceUnavailableError('The catalog could not be reached. Please retry.');
        throw error;
      }
      const parsed = lookupAnswer.safeParse(raw);
      if (!parsed.success)
        throw new ServiceUnavailableError('The catalog answered unexpectedly. Please retry.');
      return parsed.data.variants.map((v) => ({ id: v.id, weightGrams: v.weightGrams }));
    },
  };
}
