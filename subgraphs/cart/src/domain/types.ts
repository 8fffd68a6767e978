// The cart subgraph's domain objects: what repositories return and resolvers receive.
import type { VariantInfo } from '@shop/contracts';

/** Bounds on a cart. A reservation of a whole cart is one TransactWriteItems (at most 100 items), hence the line cap. */
export const LIMITS = {
  minQuantity: 1,
  maxQuantity: 99,
  maxLines: 40,
} as const;

export type CartStatus = 'OPEN' | 'COMPLETED' | 'MERGED';

export interface CartLineRecord {
  id: string;
  variantId: string;
  quantity: number;
  addedAt: string;
}

export interface CartRecord {
  id: string;
  /** null for a guest's cart. */
  customerId: string | null;
  status: CartStatus;
  lines: CartLineRecord[];
  /** Optimistic concurrency: every write requires the version it read and bumps it. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Epoch seconds after which the cart is gone (guests only). */
  expiresAt: number | null;
}

/** A variant as the catalog describes it (internal contract `VariantInfo`). */
export type { VariantInfo };

/** A cart line priced from the catalog. */
export interface PricedLine {
  /** The cart the line is in: part of the CartLine entity's key, by which orders adds its discounts. */
  cartId: string;
  line: CartLineRecord;
  variant: VariantInfo;
}

/** Stock of one variant. Invariant: available + held + sold = received. */
export interface InventoryLevel {
  variantId: string;
  available: number;
  held: number;
  sold: number;
  received: number;
  updatedAt: string;
  /**
   * Units available at locations other than the default, summed (kept on the variant's item in the same
   * transaction as each location's change). `available` and the rest are the default location's.
   */
  elsewhere: number;
}

/** Where stock goes when no location is given, and where reservations take it from. */
export const DEFAULT_LOCATION = 'default';

/** Stock of a variant at one location. */
export interface LocationStock {
  variantId: string;
  locationId: string;
  available: number;
  received: number;
  updatedAt: string;
}

export type ReservationStatus = 'HELD' | 'COMMITTED' | 'RELEASED';

export interface ReservationLine {
  variantId: string;
  quantity: number;
}

export interface Reservation {
  id: string;
  status: ReservationStatus;
  lines: ReservationLine[];
  createdAt: string;
  expiresAt: string;
  /** Why it was released: RELEASED by the caller or EXPIRED by the sweeper. */
  releaseReason: 'RELEASED' | 'EXPIRED' | null;
}

export type MovementKind = 'ADJUSTMENT' | 'RESTOCK' | 'SEED';

export interface StockMovement {
  id: string;
  variantId: string;
  kind: MovementKind;
  delta: number;
  /** DEFAULT_LOCATION for a movement recorded before locations existed. */
  locationId: string;
  reason: string;
  actor: string;
  occurredAt: string;
}

/** A ProductVariant as this subgraph knows it: only its key. */
export interface VariantRef {
  id: string;
}
