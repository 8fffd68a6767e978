// The payment port: what checkout needs from a payment provider. Card data never passes through it,
// only payment method ids created in the shopper's browser.
import type { NextAction } from '../domain/types';

export type PaymentResult =
  /** The money is held on the card (authorised), not yet taken; capture takes it, cancelling the authorisation frees it. */
  | { kind: 'authorized'; paymentIntentId: string; amountMinor: number; orderId: string | null }
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
  /** The shopper's customer at the provider, when they have one (a saved payment method is charged through it). */
  providerCustomerId: string | null;
}

export interface PaymentGateway {
  readonly provider: 'sandbox' | 'stripe';
  /** Authorises the amount (manual capture): nothing is taken until `capture`. */
  authorize(request: ChargeRequest): Promise<PaymentResult>;
  /** Takes an authorised amount; the key makes a retry capture once. */
  capture(request: {
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<PaymentResult>;
  /** Frees an authorisation (or a payment still awaiting authentication) without taking anything; the payment as it is after. */
  cancelAuthorization(request: { paymentIntentId: string; idempotencyKey: string }): Promise<PaymentResult>;
  /** The payment as the provider sees it now. */
  retrieve(paymentIntentId: string): Promise<PaymentResult>;
  /**
   * The payment made for an order, if any (the reconciler's way to find a charge whose reply was lost). The
   * order's creation time bounds where to look.
   */
  findByOrder(orderId: string, orderCreatedAt: Date): Promise<PaymentResult | null>;
  refund(request: {
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<{ refundId: string }>;
  /** The provider customer a payment method is saved on; null for a method saved on no one (or unknown). */
  paymentMethodOwner(paymentMethodId: string): Promise<string | null>;

  /** The provider's customer for one of our shoppers; the key makes a retry find the same one. */
  createCustomer(request: {
    customerId: string;
    email: string | null;
    idempotencyKey: string;
  }): Promise<{ providerCustomerId: string }>;
  /** Saves a payment method on a customer; the answer is the saved method (its id may differ from the one given). */
  attachPaymentMethod(providerCustomerId: string, paymentMethodId: string): Promise<AttachResult>;
  listPaymentMethods(providerCustomerId: string): Promise<SavedPaymentMethod[]>;
  detachPaymentMethod(paymentMethodId: string): Promise<void>;
  /** Starts recurring billing; on Stripe the provider charges each period itself and tells us by webhook. */
  createSubscription(request: SubscriptionRequest): Promise<{ providerSubscriptionId: string }>;
  cancelSubscription(providerSubscriptionId: string): Promise<void>;
  /** A subscription invoice as the provider sees it now (Stripe's invoice.paid); null where the provider has none. */
  retrieveInvoice(invoiceId: string): Promise<PaidInvoice | null>;
}

export interface PaidInvoice {
  id: string;
  paid: boolean;
  providerSubscriptionId: string | null;
  periodStart: Date;
  amountPaidMinor: number;
  paymentIntentId: string | null;
}

export interface SavedPaymentMethod {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export type AttachResult = { ok: true; method: SavedPaymentMethod } | { ok: false; message: string };

export type BillingInterval = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface SubscriptionRequest {
  providerCustomerId: string;
  paymentMethodId: string;
  /** Our subscription's id, written into the provider's metadata so its invoices name it. */
  subscriptionId: string;
  productName: string;
  /** What one period costs in all (lines, shipping and tax), priced by us. */
  amountMinor: number;
  currency: string;
  interval: BillingInterval;
  idempotencyKey: string;
}

export const chargeKeyFor = (orderId: string) => `order-${orderId}-charge`;
export const captureKeyFor = (orderId: string) => `order-${orderId}-capture`;
export const voidKeyFor = (orderId: string) => `order-${orderId}-void`;
