// The domain objects of checkout and orders; money is integer minor units throughout.
import { z } from 'zod';
import { cartSnapshotLine, rateInfo } from '@shop/contracts';
import type { Allocation, Discount } from './discounts';

export const addressSchema = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  address1: z.string(),
  address2: z.string().nullable(),
  city: z.string(),
  province: z.string().nullable(),
  zip: z.string(),
  countryCode: z.string(),
  phone: z.string().nullable(),
});
export type Address = z.infer<typeof addressSchema>;

/** A checkout's or an order's line: the cart snapshot's line, as the cart priced it (internal contract). */
export const lineSchema = cartSnapshotLine;
export type Line = z.infer<typeof lineSchema>;

/** A shipping rate as the shipping service quotes it (internal contract `rateInfo`). */
export const rateSchema = rateInfo;
export type Rate = z.infer<typeof rateSchema>;

/** What one discount took off one line (lineId) or off shipping (lineId null). */
export const recordedAllocationSchema = z.object({
  lineId: z.string().nullable(),
  discountId: z.string(),
  title: z.string(),
  code: z.string().nullable(),
  amountMinor: z.number().int().positive(),
});
export type RecordedAllocation = z.infer<typeof recordedAllocationSchema>;

export interface Checkout {
  id: string;
  customerId: string | null;
  cartId: string;
  email: string;
  currency: string;
  lines: Line[];
  shippingAddress: Address;
  rates: Rate[];
  selectedRate: Rate | null;
  subtotalMinor: number;
  shippingMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** The codes from the cart, as entered. */
  discountCodes: string[];
  /** The discounts the checkout is priced with, their terms as when it was priced. */
  discounts: Discount[];
  /** The applied discounts, each with its whole amount. */
  appliedDiscounts: Allocation[];
  allocations: RecordedAllocation[];
  /** When the checkout was made. */
  createdAt: Date;
  /** When its lines were last priced from the catalog. */
  pricedAt: Date;
}

export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'FULFILLED',
  'CANCELLED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Why a person should look at an order: its payment completed after its stock was gone. */
export const ATTENTION_REASONS = [
  'STOCK_GONE_PAYMENT_VOIDED',
  'STOCK_GONE_PAYMENT_REFUNDED',
  'BACKORDERED',
] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

export const nextActionSchema = z.object({
  type: z.string(),
  redirectUrl: z.string().nullable(),
  clientSecret: z.string().nullable(),
});
export type NextAction = z.infer<typeof nextActionSchema>;

export interface Order {
  id: string;
  number: number;
  /** Null for a subscription's renewal order, which has neither checkout nor cart. */
  checkoutId: string | null;
  cartId: string | null;
  subscriptionId: string | null;
  customerId: string | null;
  idempotencyScope: string;
  idempotencyKey: string;
  requestHash: string;
  email: string;
  status: OrderStatus;
  currency: string;
  lines: Line[];
  shippingAddress: Address;
  shippingLine: Rate;
  subtotalMinor: number;
  shippingMinor: number;
  discountMinor: number;
  discountCodes: string[];
  allocations: RecordedAllocation[];
  taxMinor: number;
  totalMinor: number;
  paymentMethodId: string;
  paymentIntentId: string | null;
  capturedMinor: number;
  refundedMinor: number;
  /** What gift cards paid (debited with the order's row); the card is charged the rest. */
  giftCardMinor: number;
  /** What of that went back to the gift cards. */
  giftCardRefundedMinor: number;
  nextAction: NextAction | null;
  failureCode: string | null;
  cancelReason: string | null;
  attentionReason: AttentionReason | null;
  /** Kept and charged although its stock was gone (the shop allows backorders). */
  backordered: boolean;
  leaseUntil: Date | null;
  createdAt: Date;
}

export interface Refund {
  id: string;
  orderId: string;
  amountMinor: number;
  reason: string | null;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  providerRefundId: string | null;
  createdAt: Date;
}
