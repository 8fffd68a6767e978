// The story of a rate request: validate, weigh the parcel from the catalog, quote every carrier, sign each quote.
import { BadInputError } from '@shop/common';
import type { CatalogClient } from '../data/catalog';
import {
  normaliseRateInput,
  quote,
  RateInputError,
  type Destination,
  type RateInfo,
  type RateItem,
  type RateSigner,
} from './rates';

export interface PricingDeps {
  catalog: CatalogClient;
  signer: RateSigner;
}

export class UnknownVariantsError extends Error {
  constructor(readonly variantIds: string[]) {
    super(`Unknown product variant${variantIds.length > 1 ? 's' : ''}: ${variantIds.slice(0, 5).join(', ')}`);
  }
}

export async function parcelWeight(
  catalog: CatalogClient,
  items: RateItem[],
  requestId?: string,
): Promise<number> {
  const weights = await catalog.variantWeights(
    items.map((i) => i.variantId),
    requestId,
  );
  const byId = new Map(weights.map((w) => [w.id, w.weightGrams]));
  const unknown = items.filter((i) => !byId.has(i.variantId)).map((i) => i.variantId);
  if (unknown.length) throw new UnknownVariantsError(unknown);
  return items.reduce((sum, i) => sum + (byId.get(i.variantId) ?? 0) * i.quantity, 0);
}

/** Throws RateInputError or UnknownVariantsError for bad input; the callers choose how to answer. */
export async function rateParcel(
  deps: PricingDeps,
  input: { destination: Destination; items: RateItem[] },
  requestId?: string,
): Promise<RateInfo[]> {
  const { destination, items } = normaliseRateInput(input);
  const grams = await parcelWeight(deps.catalog, items, requestId);
  return quote(grams, destination).map((q) => deps.signer.sign(q, destination, items));
}

/** For the public query: bad input becomes a BAD_USER_INPUT error with a clear message. */
export async function shippingRates(
  deps: PricingDeps,
  input: { destination: Destination; items: RateItem[] },
  requestId?: string,
): Promise<RateInfo[]> {
  try {
    return await rateParcel(deps, input, requestId);
  } catch (error) {
    if (error instanceof RateInputError || error instanceof UnknownVariantsError)
      throw new BadInputError(error.message);
    throw error;
  }
}

/** For the orders service: the rate a handle stands for, or null when it is not valid for this parcel. */
export function verifyRate(
  signer: RateSigner,
  input: { handle: string; destination: Destination; items: RateItem[] },
): RateInfo | null {
  let normalised: { destination: Destination; items: RateItem[] };
  try {
    normalised = normaliseRateInput(input);
  } catch (error) {
    if (error instanceof RateInputError) return null;
    throw error;
  }
  return signer.verify(input.handle, normalised.destination, normalised.items);
}
