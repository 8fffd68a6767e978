// The order status machine: a change not listed here is refused.
import type { OrderStatus } from './types';

const ALLOWED: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['FULFILLED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED'],
  FULFILLED: ['PARTIALLY_REFUNDED', 'REFUNDED'],
  PARTIALLY_REFUNDED: ['PARTIALLY_REFUNDED', 'REFUNDED', 'FULFILLED'],
  CANCELLED: [],
  REFUNDED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  // eslint-disable-next-line security/detect-object-injection -- from is an OrderStatus read from the database through its zod enum
  return ALLOWED[from].includes(to);
}

/** Statuses in which the shopper has been charged and a refund is possible. */
export function isRefundable(status: OrderStatus): boolean {
  return status === 'PAID' || status === 'FULFILLED' || status === 'PARTIALLY_REFUNDED';
}

/** A cancellation must come before fulfilment. */
export function isCancellable(status: OrderStatus): boolean {
  return status === 'PENDING_PAYMENT' || status === 'PAID';
}
