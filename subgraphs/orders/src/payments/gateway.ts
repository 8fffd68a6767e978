// The payment port: what checkout needs from a payment provider. Card data never passes through it,
// only payment method ids created in the shopper's browser.
import type { NextAction } from '../domain/types';

export type PaymentResult =
  | { kind: 'succeeded'; paymentIntentId: string; amountMinor: number; orderId: string | null }
  | { kind: 'declined'; paymentIntentId: string | null; message: string; orderId: string | null }
  | { kind: 'requires_action'; paymentIntentId: string; nextAction: NextAction; orderId: string | null }
  | { kind: 'processing'; paymentIntentId: string; orderId: string | null }
  | { kind: 'invalid_payment_method'; message: string };

export interface ChargeRequest {
  amountMinor: number;
  currency: string;
  paymentMethodId: string;
  orderId: string;
  /** Derived from the order, so every retry of one order names the same charge. */
  idempotencyKey: string;
  returnUrl: string;
}

export interface PaymentGateway {
  readonly provider: 'sandbox' | 'stripe';
  charge(request: ChargeRequest): Promise<PaymentResult>;
  /** The payment as the provider sees it now. */
  retrieve(paymentIntentId: string): Promise<PaymentResult>;
  /** The payment made for an order, if any (the reconciler's way to find a charge whose reply was lost). */
  findByOrder(orderId: string): Promise<PaymentResult | null>;
  refund(request: { paymentIntentId: string; amountMinor: number; idempotencyKey: string }): Promise<{ refundId: string }>;
}

export const chargeKeyFor = (orderId: string) => `order-${orderId}-charge`;
