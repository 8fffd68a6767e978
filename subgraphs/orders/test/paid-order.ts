// A PAID order written straight to the orders database, for tests of what happens after payment.
import { randomUUID } from 'node:crypto';
import type { SqlDatabase } from '@shop/datastores';
import { insertCheckout } from '../src/data/checkouts';
import { insertOrder, transition } from '../src/data/orders';

export async function insertPaidOrder(db: SqlDatabase, email: string) {
  const address = {
    id: randomUUID(),
    firstName: null,
    lastName: null,
    address1: '1 Main',
    address2: null,
    city: 'Austin',
    province: 'TX',
    zip: '73301',
    countryCode: 'US',
    phone: null,
  };
  const line = {
    id: 'l',
    variantId: 'v',
    productId: 'p',
    title: 'Trail Shoe',
    variantTitle: 'Blue / 42',
    sku: 's',
    quantity: 1,
    unitPriceMinor: 1000,
    weightGrams: 1,
  };
  const rate = {
    handle: 'h',
    carrier: 'UPS' as const,
    service: 'Ground',
    priceMinor: 500,
    currencyCode: 'USD',
    estimatedDeliveryDays: 3,
  };
  const checkout = await insertCheckout(db, {
    id: randomUUID(),
    customerId: null,
    cartId: randomUUID(),
    email,
    currency: 'USD',
    lines: [line],
    shippingAddress: address,
    rates: [rate],
    taxRule: { ratePpm: 0, shippingTaxable: false },
  });
  const order = await insertOrder(db, {
    id: randomUUID(),
    checkoutId: checkout.id,
    cartId: 'c',
    customerId: null,
    idempotencyScope: checkout.id,
    idempotencyKey: randomUUID(),
    requestHash: 'h',
    email,
    currency: 'USD',
    lines: [line],
    shippingAddress: address,
    shippingLine: rate,
    subtotalMinor: 1000,
    shippingMinor: 500,
    taxMinor: 0,
    totalMinor: 1500,
    paymentMethodId: 'pm_card_visa',
    leaseSeconds: 30,
  });
  await transition(db, order.id, ['PENDING_PAYMENT'], 'PAID', {
    capturedMinor: 1500,
    paymentIntentId: `pi_${order.id}`,
  });
  return order;
}
