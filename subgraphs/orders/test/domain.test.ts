import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { computeTax, formatRatePpm, parseRatePpm, taxOn } from '../src/domain/tax';
import { canTransition, isCancellable, isRefundable } from '../src/domain/status';
import { isCountryCode, validateAddress, validateEmail } from '../src/domain/validation';
import { priceCheckout } from '../src/domain/pricing';
import { SandboxPaymentGateway } from '../src/payments/sandbox';
import { requestHash, resultOf } from '../src/domain/orders';
import { renderOrderConfirmation } from '../src/notifications/render';
import { ORDER_STATUSES, type Order } from '../src/domain/types';

describe('tax', () => {
  it('When an amount is taxed, then the result is rounded half-up in integer minor units', () => {
    expect(taxOn(1000, 72_500)).toBe(73); // 72.5 → 73
    expect(taxOn(999, 72_500)).toBe(72); // 72.4275 → 72
    expect(taxOn(3998, 72_500)).toBe(290); // 289.855 → 290
    expect(taxOn(200, 25_000)).toBe(5); // exactly 5
    expect(taxOn(2, 250_000)).toBe(1); // 0.5 → 1
  });

  it('When amounts are huge, then no precision is lost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 300_000 }),
        (amount, ppm) => {
          const exact = (BigInt(amount) * BigInt(ppm) * 2n + 1_000_000n) / 2_000_000n;
          expect(BigInt(taxOn(amount, ppm))).toBe(exact);
        },
      ),
    );
  });

  it('When a rate is given as a decimal fraction, then it is read exactly in parts per million and shown back alike', () => {
    expect(parseRatePpm('0.0725')).toBe(72_500);
    expect(parseRatePpm('0.14975')).toBe(149_750);
    expect(parseRatePpm('1')).toBe(1_000_000);
    expect(parseRatePpm('0')).toBe(0);
    for (const bad of ['1.5', '-0.1', '0.1234567', '7.25', 'abc', '']) expect(parseRatePpm(bad)).toBeNull();
    expect(formatRatePpm(72_500)).toBe('0.0725');
    expect(formatRatePpm(0)).toBe('0');
    expect(formatRatePpm(1_000_000)).toBe('1');
  });

  it('When lines and shipping are taxed, then each line is rounded on its own and shipping only where taxable', () => {
    // DE 19 %: 1.05 → 0.1995 → 0.20 each; shipping 5.00 → 0.95.
    expect(computeTax([105, 105], 500, { ratePpm: 190_000, shippingTaxable: true })).toBe(20 + 20 + 95);
    expect(computeTax([105, 105], 500, { ratePpm: 40_000, shippingTaxable: false })).toBe(4 + 4);
  });

  it('When a checkout is priced, then total = subtotal + shipping + tax', () => {
    const line = {
      id: 'l',
      variantId: 'v',
      productId: 'p',
      title: 't',
      variantTitle: 'v',
      sku: 's',
      weightGrams: 1,
    };
    const totals = priceCheckout(
      [{ ...line, quantity: 3, unitPriceMinor: 1000 }],
      {
        handle: 'h',
        carrier: 'UPS',
        service: 'Ground',
        priceMinor: 700,
        currencyCode: 'EUR',
        estimatedDeliveryDays: 3,
      },
      { ratePpm: 200_000, shippingTaxable: true },
    );
    expect(totals).toEqual({
      subtotalMinor: 3000,
      shippingMinor: 700,
      discountMinor: 0,
      taxMinor: 600 + 140,
      totalMinor: 4440,
      appliedDiscounts: [],
      allocations: [],
    });
  });
});

describe('order status machine', () => {
  it('When a transition is not listed, then it is refused; terminal states go nowhere', () => {
    expect(canTransition('PENDING_PAYMENT', 'PAID')).toBe(true);
    expect(canTransition('PAID', 'PENDING_PAYMENT')).toBe(false);
    expect(canTransition('CANCELLED', 'PAID')).toBe(false);
    expect(canTransition('FULFILLED', 'CANCELLED')).toBe(false);
    for (const to of ORDER_STATUSES) {
      expect(canTransition('REFUNDED', to)).toBe(false);
      expect(canTransition('CANCELLED', to)).toBe(false);
    }
    expect(isCancellable('FULFILLED')).toBe(false);
    expect(isCancellable('PAID')).toBe(true);
    expect(isRefundable('PENDING_PAYMENT')).toBe(false);
    expect(isRefundable('PARTIALLY_REFUNDED')).toBe(true);
  });
});

describe('validation', () => {
  it('When an email or country code is malformed, then it is refused', () => {
    expect(validateEmail('a@b.co', ['e'])).toEqual([]);
    expect(validateEmail('no at sign', ['e'])[0]?.code).toBe('INVALID_EMAIL');
    expect(validateEmail(`${'a'.repeat(250)}@b.co`, ['e'])[0]?.code).toBe('INVALID_EMAIL');
    expect(isCountryCode('US')).toBe(true);
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('usa')).toBe(false);
  });

  it('When address fields are empty or too long, then each is named', () => {
    const errors = validateAddress({ address1: ' ', city: 'c'.repeat(101), zip: '1', countryCode: 'US' }, [
      'a',
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      ['a', 'address1'],
      ['a', 'city'],
    ]);
  });
});

function order(overrides: Partial<Order> = {}): Order {
  return {
    id: randomUUID(),
    number: 1001,
    checkoutId: randomUUID(),
    cartId: 'c',
    subscriptionId: null,
    customerId: null,
    idempotencyScope: 's',
    idempotencyKey: 'k',
    requestHash: 'h',
    email: 'a@b.co',
    status: 'PAID',
    currency: 'USD',
    lines: [
      {
        id: 'l',
        variantId: 'v',
        productId: 'p',
        title: '<b>Shoe</b>',
        variantTitle: 'Blue',
        sku: 's',
        quantity: 2,
        unitPriceMinor: 500,
        weightGrams: 1,
      },
    ],
    shippingAddress: {
      id: 'a',
      firstName: 'Ada',
      lastName: null,
      address1: '1 Main',
      address2: null,
      city: 'Springfield',
      province: null,
      zip: '1',
      countryCode: 'US',
      phone: null,
    },
    shippingLine: {
      handle: 'h',
      carrier: 'UPS',
      service: 'Ground',
      priceMinor: 500,
      currencyCode: 'USD',
      estimatedDeliveryDays: 3,
    },
    subtotalMinor: 1000,
    shippingMinor: 500,
    discountMinor: 0,
    discountCodes: [],
    allocations: [],
    taxMinor: 0,
    totalMinor: 1500,
    paymentMethodId: 'pm_card_visa',
    paymentIntentId: null,
    capturedMinor: 1500,
    refundedMinor: 0,
    giftCardMinor: 0,
    giftCardRefundedMinor: 0,
    nextAction: null,
    failureCode: null,
    cancelReason: null,
    attentionReason: null,
    backordered: false,
    leaseUntil: null,
    createdAt: new Date(),
    ...overrides,
  };
}

describe('completion results', () => {
  it('When an order failed, then its failure code is the answer every time; a pending one answers its next action', () => {
    expect(
      resultOf(order({ status: 'CANCELLED', failureCode: 'PAYMENT_DECLINED' })).userErrors[0]?.code,
    ).toBe('PAYMENT_DECLINED');
    const next = { type: 'REDIRECT_TO_URL', redirectUrl: 'http://x', clientSecret: null };
    expect(resultOf(order({ status: 'PENDING_PAYMENT', nextAction: next })).nextAction).toEqual(next);
    expect(resultOf(order({ nextAction: next })).nextAction).toBeNull();
  });

  it('When the payment method differs, then the request hash differs', () => {
    expect(requestHash('c', 'pm_card_visa')).toBe(requestHash('c', 'pm_card_visa'));
    expect(requestHash('c', 'pm_card_visa')).not.toBe(requestHash('c', 'pm_card_amex'));
    expect(requestHash('c1', 'pm_card_visa')).not.toBe(requestHash('c2', 'pm_card_visa'));
  });
});

describe('confirmation email', () => {
  it('When an order is rendered, then the HTML escapes shopper-controlled text and both parts carry the totals', () => {
    const mail = renderOrderConfirmation(order());
    expect(mail.subject).toBe('Your order #1001 is confirmed');
    expect(mail.html).toContain('&lt;b&gt;Shoe&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Shoe</b>');
    expect(mail.text).toContain('Total: 15.00 USD');
    expect(mail.html).toContain('15.00 USD');
  });
});

describe('sandbox payment methods', () => {
  it('When a payment method id names a member of every object, such as constructor, then the sandbox does not know it', () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
      expect(SandboxPaymentGateway.knows(id)).toBe(false);
    expect(SandboxPaymentGateway.knows('pm_card_chargeDeclined')).toBe(true);
    expect(SandboxPaymentGateway.knows('pm_card_visa')).toBe(true);
  });
});
