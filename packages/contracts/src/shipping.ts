// The shipping service's internal endpoints: the rates checkout offers, and the check of a chosen rate's handle.
import { z } from 'zod';
import { defineEndpoint } from './endpoint';

export const CARRIERS = ['DHL', 'FEDEX', 'UPS'] as const;

export const rateInfo = z.object({
  /** Signed by the shipping service; binds carrier, service, price, destination and items. */
  handle: z.string(),
  carrier: z.enum(CARRIERS),
  service: z.string(),
  priceMinor: z.number().int().nonnegative(),
  currencyCode: z.string(),
  estimatedDeliveryDays: z.number().int().nonnegative(),
});

const destination = z.object({ countryCode: z.string().max(8), zip: z.string().max(32) });
const items = z.array(z.object({ variantId: z.string().max(200), quantity: z.number() })).max(1000);

/** Sorted by price; 400 `ratesRefusal` for a destination or items it cannot rate, 503 when the catalog is down. */
export const rates = defineEndpoint({
  service: 'shipping',
  method: 'POST',
  path: '/internal/rates',
  callers: ['orders'],
  request: z.object({ destination, items }),
  response: z.object({ rates: z.array(rateInfo) }),
});

export const ratesRefusal = z.object({ error: z.string(), message: z.string().max(300) });

/** 400 `{ error: 'INVALID_RATE' }` for a forged or altered handle. */
export const rateVerify = defineEndpoint({
  service: 'shipping',
  method: 'POST',
  path: '/internal/rates/verify',
  callers: ['orders'],
  request: z.object({ handle: z.string().max(4096), destination, items }),
  response: z.object({ rate: rateInfo }),
});
