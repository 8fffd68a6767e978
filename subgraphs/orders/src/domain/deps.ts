// What the domain functions need from the outside world, built once per service.
import type { Logger } from '@shop/common';
import type { SqlDatabase } from '@shop/datastores';
import type { CartPort, CatalogPort, ShippingPort } from '../data/services';
import type { PaymentGateway } from '../payments/gateway';

export interface Deps {
  db: SqlDatabase;
  cart: CartPort;
  shipping: ShippingPort;
  catalog: CatalogPort;
  payments: PaymentGateway;
  logger: Logger;
  settings: {
    leaseSeconds: number;
    reservationTtlSeconds: number;
    pendingTimeoutSeconds: number;
    returnUrl: string;
    /** How long a checkout lives. */
    checkoutTtlSeconds: number;
    /** How long a checkout's prices hold before completing it re-prices it. */
    checkoutPriceTtlSeconds: number;
    /** How many unpaid orders holding stock a customer, cart or client address may have. */
    maxPendingPayments: number;
    /** Keep (and charge) an order whose payment completed after its stock was gone. */
    allowBackorders: boolean;
  };
  /** Signs and checks the tokens that let an account take a guest's order (orderClaim). */
  orderClaimKey: Buffer;
  /** Called after a commit that wrote outbox rows, so they are relayed at once. */
  outboxWritten: () => void;
}
