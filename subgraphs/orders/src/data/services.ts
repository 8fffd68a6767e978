// Calls to the cart and shipping services' internal endpoints (docs/internal-contracts.md), answers parsed by zod.
import { z } from 'zod';
import { ServiceCallError, type ServiceClient } from '@shop/common';
import { rateSchema, type Rate } from '../domain/types';

const snapshotSchema = z.object({
  cart: z.object({
    id: z.string(),
    customerId: z.string().nullable(),
    currencyCode: z.string(),
    subtotalMinor: z.number().int(),
    lines: z.array(
      z.object({
        id: z.string(),
        variantId: z.string(),
        productId: z.string(),
        title: z.string(),
        variantTitle: z.string(),
        sku: z.string(),
        quantity: z.number().int().positive(),
        unitPriceMinor: z.number().int().nonnegative(),
        weightGrams: z.number().int().nonnegative(),
        categoryHandles: z.array(z.string().max(200)).max(64).default([]),
      }),
    ),
  }),
});
export type CartSnapshot = z.infer<typeof snapshotSchema>['cart'];

export type SnapshotResult =
  { ok: true; cart: CartSnapshot } | { ok: false; error: 'CART_NOT_FOUND' | 'FORBIDDEN' };
export type ReserveResult = { ok: true } | { ok: false; variantIds: string[] };
/** Not ok when the hold ran out and the stock has sold since, or the hold was released or never made. */
export type CommitResult =
  | { ok: true }
  | { ok: false; reason: 'INSUFFICIENT_STOCK' | 'RESERVATION_EXPIRED' | 'RESERVATION_NOT_FOUND' };

export interface CartPort {
  snapshot(cartId: string, customerId: string | null): Promise<SnapshotResult>;
  reserve(
    reservationId: string,
    lines: { variantId: string; quantity: number }[],
    ttlSeconds: number,
  ): Promise<ReserveResult>;
  /** Sells the held units (a hold that ran out is sold from the stock available now, if it is there). */
  commit(reservationId: string): Promise<CommitResult>;
  release(reservationId: string): Promise<void>;
}

export function cartPort(client: ServiceClient): CartPort {
  return {
    async snapshot(cartId, customerId) {
      try {
        const body = await client.post(`/internal/carts/${encodeURIComponent(cartId)}/snapshot`, {
          customerId,
        });
        return { ok: true, cart: snapshotSchema.parse(body).cart };
      } catch (error) {
        if (error instanceof ServiceCallError && error.status === 404)
          return { ok: false, error: 'CART_NOT_FOUND' };
        if (error instanceof ServiceCallError && error.status === 403)
          return { ok: false, error: 'FORBIDDEN' };
        throw error;
      }
    },
    async reserve(reservationId, lines, ttlSeconds) {
      try {
        await client.post('/internal/reservations', { reservationId, lines, ttlSeconds });
        return { ok: true };
      } catch (error) {
        if (error instanceof ServiceCallError && error.status === 409) {
          const parsed = z.object({ variantIds: z.array(z.string()).default([]) }).safeParse(error.body);
          return { ok: false, variantIds: parsed.success ? parsed.data.variantIds : [] };
        }
        throw error;
      }
    },
    async commit(reservationId) {
      try {
        await client.post(`/internal/reservations/${encodeURIComponent(reservationId)}/commit`, {});
        return { ok: true };
      } catch (error) {
        if (error instanceof ServiceCallError && (error.status === 404 || error.status === 409)) {
          const parsed = z
            .object({ error: z.enum(['INSUFFICIENT_STOCK', 'RESERVATION_EXPIRED', 'RESERVATION_NOT_FOUND']) })
            .safeParse(error.body);
          return {
            ok: false,
            reason: parsed.success
              ? parsed.data.error
              : error.status === 404
                ? 'RESERVATION_NOT_FOUND'
                : 'RESERVATION_EXPIRED',
          };
        }
        throw error;
      }
    },
    async release(reservationId) {
      await client.post(`/internal/reservations/${encodeURIComponent(reservationId)}/release`, {});
    },
  };
}

export interface RatesRequest {
  destination: { countryCode: string; zip: string };
  items: { variantId: string; quantity: number }[];
}

export type RatesResult = { ok: true; rates: Rate[] } | { ok: false; message: string };

export interface ShippingPort {
  /** The rates on offer; not ok when the shipping service refuses the destination or items. */
  rates(request: RatesRequest): Promise<RatesResult>;
  /** The rate the handle names, when the shipping service vouches for it; null for a forged or altered handle. */
  verify(handle: string, request: RatesRequest): Promise<Rate | null>;
}

export function shippingPort(client: ServiceClient): ShippingPort {
  return {
    async rates(request) {
      try {
        const body = await client.post('/internal/rates', request);
        return { ok: true, rates: z.object({ rates: z.array(rateSchema) }).parse(body).rates };
      } catch (error) {
        if (error instanceof ServiceCallError && error.status === 400) {
          const parsed = z.object({ message: z.string().max(300) }).safeParse(error.body);
          return {
            ok: false,
            message: parsed.success ? parsed.data.message : 'We cannot ship these items to this address.',
          };
        }
        throw error;
      }
    },
    async verify(handle, request) {
      try {
        const body = await client.post('/internal/rates/verify', { handle, ...request });
        return z.object({ rate: rateSchema }).parse(body).rate;
      } catch (error) {
        if (error instanceof ServiceCallError && (error.status === 400 || error.status === 404)) return null;
        throw error;
      }
    },
  };
}

const variantInfoSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  title: z.string(),
  sku: z.string(),
  priceMinor: z.number().int().nonnegative(),
  currencyCode: z.string(),
  weightGrams: z.number().int().nonnegative(),
});
export type VariantInfo = z.infer<typeof variantInfoSchema>;

export interface CatalogPort {
  /** The variants the catalog knows, at today's prices; unknown ids are left out. */
  lookup(ids: string[]): Promise<VariantInfo[]>;
}

export function catalogPort(client: ServiceClient): CatalogPort {
  return {
    async lookup(ids) {
      const body = await client.post('/internal/variants/lookup', { ids });
      return z.object({ variants: z.array(variantInfoSchema.passthrough()) }).parse(body).variants;
    },
  };
}
