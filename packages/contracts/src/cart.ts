// The cart's internal endpoints: cart snapshots and stock holds for checkout, restocks for returns.
import { z } from 'zod';
import { defineEndpoint } from './endpoint';

const id = z.string().min(1).max(200);
const stockLine = z.object({ variantId: id, quantity: z.number().int().min(1).max(10_000) });

/** A line of a cart snapshot, as checkout and the order keep it. */
export const cartSnapshotLine = z.object({
  id: z.string(),
  variantId: z.string(),
  productId: z.string(),
  title: z.string(),
  variantTitle: z.string(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  unitPriceMinor: z.number().int().nonnegative(),
  weightGrams: z.number().int().nonnegative(),
  /** The product's category and those above it, nearest first (for discounts on categories); absent on older orders. */
  categoryHandles: z.array(z.string().max(200)).max(64).optional(),
});

export const cartSnapshotSchema = z.object({
  id: z.string(),
  customerId: z.string().nullable(),
  currencyCode: z.string(),
  subtotalMinor: z.number().int(),
  lines: z.array(cartSnapshotLine),
});
/** What checkout needs of a cart, priced afresh from the catalog. */
export type CartSnapshot = z.infer<typeof cartSnapshotSchema>;

/** 404 `{ error: 'CART_NOT_FOUND' }`; 403 `{ error: 'FORBIDDEN' }` for another shopper's cart. */
export const cartSnapshot = defineEndpoint({
  service: 'cart',
  method: 'POST',
  path: '/internal/carts/:id/snapshot',
  callers: ['orders'],
  request: z.object({ customerId: z.string().nullable() }),
  response: z.object({ cart: cartSnapshotSchema }),
});

/** A reservation is one DynamoDB TransactWriteItems: 1 reservation item + 2 per variant (stock, event) <= 100. */
export const RESERVATION_LINES_MAX = 49;

/** 409 `{ error: 'INSUFFICIENT_STOCK', variantIds }`. Idempotent by reservationId. */
export const reservationCreate = defineEndpoint({
  service: 'cart',
  method: 'POST',
  path: '/internal/reservations',
  callers: ['orders'],
  request: z.object({
    reservationId: id,
    lines: z.array(stockLine).min(1).max(RESERVATION_LINES_MAX),
    ttlSeconds: z
      .number()
      .int()
      .min(1)
      .max(24 * 3600)
      .optional(),
  }),
  response: z.object({ status: z.enum(['HELD', 'COMMITTED', 'RELEASED']), expiresAt: z.string() }),
});

/** The refusals of a commit: 409 or 404 with one of these as `error`. */
export const reservationCommitRefusal = z.object({
  error: z.enum(['INSUFFICIENT_STOCK', 'RESERVATION_EXPIRED', 'RESERVATION_NOT_FOUND']),
  variantIds: z.array(z.string()).optional(),
});

/** The stock refusal of a reserve (409). */
export const insufficientStock = z.object({
  error: z.literal('INSUFFICIENT_STOCK'),
  variantIds: z.array(z.string()).default([]),
});

/** Takes no body (an empty one is fine). */
export const reservationCommit = defineEndpoint({
  service: 'cart',
  method: 'POST',
  path: '/internal/reservations/:id/commit',
  callers: ['orders'],
  request: z.unknown(),
  response: z.object({ status: z.literal('COMMITTED') }),
});

/** Idempotent; 409 `{ error: 'RESERVATION_COMMITTED' }`. Takes no body. */
export const reservationRelease = defineEndpoint({
  service: 'cart',
  method: 'POST',
  path: '/internal/reservations/:id/release',
  callers: ['orders'],
  request: z.unknown(),
  response: z.object({ status: z.literal('RELEASED') }),
});

/** Returned units back to stock, once per restockId. */
export const restock = defineEndpoint({
  service: 'cart',
  method: 'POST',
  path: '/internal/restock',
  callers: ['shipping'],
  request: z.object({
    lines: z.array(stockLine).min(1).max(30),
    restockId: id.optional(),
    reason: z.string().min(1).max(500).default('return received'),
  }),
  response: z.object({ status: z.enum(['RESTOCKED', 'ALREADY_RESTOCKED']) }),
});
