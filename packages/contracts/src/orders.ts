// The orders service's internal endpoints: the shipping service claims (and gives back) what it ships of an order.
import { z } from 'zod';
import { defineEndpoint } from './endpoint';

const id = z.string().min(1).max(100);

/** The most lines one shipment carries. */
export const CLAIM_LINES_MAX = 100;

/**
 * 404 `{ error: 'ORDER_NOT_FOUND' }`; 409 `fulfilmentNotFulfillable`; 422 `fulfilmentInvalidLines`;
 * 403 `{ error: 'FORBIDDEN' }`. Idempotent by claimId.
 */
export const fulfilmentClaim = defineEndpoint({
  service: 'orders',
  method: 'POST',
  path: '/internal/orders/:id/fulfilment-claims',
  callers: ['shipping'],
  request: z.object({
    claimId: id,
    lines: z
      .array(z.object({ orderLineId: id, quantity: z.number().int().min(1).max(10_000) }))
      .min(1)
      .max(CLAIM_LINES_MAX),
  }),
  response: z.object({ claimId: z.string(), customerId: z.string().nullable() }),
});

export const fulfilmentNotFulfillable = z.object({
  error: z.literal('ORDER_NOT_FULFILLABLE'),
  status: z.string(),
});

export const fulfilmentInvalidLines = z.object({
  error: z.literal('INVALID_LINES'),
  lines: z.array(
    z.object({
      index: z.number().int(),
      orderLineId: z.string(),
      code: z.enum(['UNKNOWN_LINE', 'QUANTITY_EXCEEDS_REMAINING']),
      remaining: z.number().int(),
    }),
  ),
});

/** A claim given back when its shipment could not be written. */
export const fulfilmentClaimRelease = defineEndpoint({
  service: 'orders',
  method: 'POST',
  path: '/internal/orders/:id/fulfilment-claims/:claimId/release',
  callers: ['shipping'],
  request: z.object({}),
  response: z.object({ status: z.enum(['RELEASED', 'NOT_CLAIMED']) }),
});
