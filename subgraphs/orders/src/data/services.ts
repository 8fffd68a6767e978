// Calls to the cart and shipping services' internal endpoints (docs/internal-contracts.md), answers parsed by zod.
import { ServiceCallError, type ServiceClient } from '@shop/common';
import {
  callEndpoint,
  cartSnapshot,
  insufficientStock,
  lookupVariants,
  rates as ratesEndpoint,
  ratesRefusal,
  rateVerify,
  reservationCommit,
  reservationCommitRefusal,
  reservationCreate,
  reservationRelease,
  type CartSnapshot,
  type VariantInfo,
} from '@shop/contracts';
import type { Rate } from '../domain/types';

export type { CartSnapshot };

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
        const { cart } = await callEndpoint(client, cartSnapshot, { customerId }, { params: { id: cartId } });
        return { ok: true, cart };
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
        await callEndpoint(client, reservationCreate, { reservationId, lines, ttlSeconds });
        return { ok: true };
      } catch (error) {
        if (error instanceof ServiceCallError && error.status === 409) {
          const parsed = insufficientStock.safeParse(error.body);
          return { ok: false, variantIds: parsed.success ? parsed.data.variantIds : [] };
        }
        throw error;
      }
    },
    async commit(reservationId) {
      try {
        await callEndpoint(client, reservationCommit, {}, { params: { id: reservationId } });
        return { ok: true };
      } catch (error) {
        if (error instanceof ServiceCallError && (error.status === 404 || error.status === 409)) {
          const parsed = reservationCommitRefusal.safeParse(error.body);
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
      await callEndpoint(client, reservationRelease, {}, { params: { id: reservationId } });
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
        return { ok: true, rates: (await callEndpoint(client, ratesEndpoint, request)).rates };
      } catch (error) {
        if (error instanceof ServiceCallError && error.status === 400) {
          const parsed = ratesRefusal.safeParse(error.body);
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
        return (await callEndpoint(client, rateVerify, { handle, ...request })).rate;
      } catch (error) {
        if (error instanceof ServiceCallError && (error.status === 400 || error.status === 404)) return null;
        throw error;
      }
    },
  };
}

export interface CatalogPort {
  /** The variants the catalog knows, at today's prices; unknown ids are left out. */
  lookup(ids: string[]): Promise<VariantInfo[]>;
}

export function catalogPort(client: ServiceClient): CatalogPort {
  return { lookup: (ids) => lookupVariants(client, ids) };
}
