import fc from 'fast-check';
import {
  DiscountIndex,
  allocateProportionally,
  evaluateDiscounts,
  type Discount,
  type DiscountUsage,
  type EvaluationInput,
  type PricingLine,
} from '../src/domain/discounts';
import { priceCheckout } from '../src/domain/pricing';

const NOW = new Date('2026-06-01T12:00:00Z');
const ALL = { orderDiscounts: true, productDiscounts: true, shippingDiscounts: true };
const NONE = { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false };

function discount(over: Partial<Discount> & Pick<Discount, 'id'>): Discount {
  return {
    title: over.id,
    code: null,
    kind: 'PERCENTAGE',
    value: 100_000,
    currencyCode: 'USD',
    buyQuantity: 0,
    getQuantity: 0,
    appliesTo: { productIds: [], categoryHandles: [] },
    minimumSubtotalMinor: null,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    oncePerCustomer: false,
    combinesWith: NONE,
    active: true,
    ...over,
  };
}

const line = (
  id: string,
  unitPriceMinor: number,
  quantity = 1,
  productId = `p-${id}`,
  categoryHandles: string[] = [],
): PricingLine => ({
  id,
  productId,
  categoryHandles,
  quantity,
  unitPriceMinor,
});

const unused: DiscountUsage = { taken: 0, usedByCustomer: false };

function evaluate(over: Partial<EvaluationInput>) {
  return evaluateDiscounts({
    lines: [],
    currencyCode: 'USD',
    shippingMinor: null,
    discounts: [],
    codes: [],
    now: NOW,
    usage: () => unused,
    ...over,
  });
}

const lineAmounts = (result: ReturnType<typeof evaluate>) =>
  Object.fromEntries(
    [...result.lineAllocations].map(([id, list]) => [id, list.reduce((s, a) => s + a.amountMinor, 0)]),
  );

describe('discount engine: kinds', () => {
  it.each([
    [
      'PERCENTAGE 10 % of 50.00 + 2 × 12.50',
      discount({ id: 'pct', value: 100_000 }),
      [line('a', 5000), line('b', 1250, 2)],
      { a: 500, b: 250 },
      750,
    ],
    [
      'FIXED_AMOUNT 10.00 split by what each line costs',
      discount({ id: 'fix', kind: 'FIXED_AMOUNT', value: 1000 }),
      [line('a', 3000), line('b', 1000)],
      { a: 750, b: 250 },
      1000,
    ],
    [
      'FIXED_AMOUNT above the subtotal takes the subtotal only',
      discount({ id: 'fix', kind: 'FIXED_AMOUNT', value: 9000 }),
      [line('a', 3000)],
      { a: 3000 },
      3000,
    ],
    [
      'BUY_X_GET_Y buy 2 get 1 free: the cheapest unit of every 3 is free',
      discount({ id: 'bxgy', kind: 'BUY_X_GET_Y', value: 1_000_000, buyQuantity: 2, getQuantity: 1 }),
      [line('a', 3000, 2), line('b', 1000, 1)],
      { a: 0, b: 1000 },
      1000,
    ],
    [
      'BUY_X_GET_Y buy 1 get 1 half off on 4 units: two cheapest at 50 %',
      discount({ id: 'bogo', kind: 'BUY_X_GET_Y', value: 500_000, buyQuantity: 1, getQuantity: 1 }),
      [line('a', 2001, 2), line('b', 999, 2)],
      { a: 0, b: 1000 },
      1000,
    ],
  ])('When %s, then each line gets its allocation', (_name, d, lines, perLine, total) => {
    const result = evaluate({ lines, discounts: [d] });
    expect(lineAmounts(result)).toEqual(perLine);
    expect(result.totalMinor).toBe(total);
  });

  it('When a free-shipping discount meets a chosen rate, then shipping is allocated in full and no line is touched', () => {
    const result = evaluate({
      lines: [line('a', 1000)],
      shippingMinor: 799,
      discounts: [discount({ id: 'ship', kind: 'FREE_SHIPPING' })],
    });
    expect(result.shippingAllocations).toEqual([
      { discountId: 'ship', title: 'ship', code: null, amountMinor: 799 },
    ]);
    expect(lineAmounts(result)).toEqual({ a: 0 });
  });

  it('When buy 2 get 1 has only 2 units, then nothing applies', () => {
    const d = discount({ id: 'bxgy', kind: 'BUY_X_GET_Y', value: 1_000_000, buyQuantity: 2, getQuantity: 1 });
    expect(evaluate({ lines: [line('a', 3000, 2)], discounts: [d] }).totalMinor).toBe(0);
  });
});

describe('discount engine: rounding', () => {
  it('When 33.33 % is taken from 3 lines of 10.00, then the allocations sum exactly to the discount (largest remainder)', () => {
    const result = evaluate({
      lines: [line('a', 1000), line('b', 1000), line('c', 1000)],
      discounts: [discount({ id: 'third', value: 333_300 })],
    });
    expect(result.totalMinor).toBe(1000); // 3000 × 33.33 % = 999.9 → 1000
    expect(lineAmounts(result)).toEqual({ a: 334, b: 333, c: 333 });
  });

  it('When 33.33 % is taken from 3 lines of 0.01, then one cent is given and no line goes below zero', () => {
    const result = evaluate({
      lines: [line('a', 1), line('b', 1), line('c', 1)],
      discounts: [discount({ id: 'third', value: 333_300 })],
    });
    expect(result.totalMinor).toBe(1);
    expect(lineAmounts(result)).toEqual({ a: 1, b: 0, c: 0 });
  });

  it('When any amount is split over any weights, then the parts are whole, within their weights and sum to the amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, f) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const total = Math.floor(sum * f);
          const parts = allocateProportionally(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(sum === 0 ? 0 : total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(weights[i]!);
          });
        },
      ),
    );
  });
});

describe('discount engine: conditions', () => {
  const lines = [
    line('shoe', 8000, 1, 'p-shoe', ['footwear', 'apparel']),
    line('hat', 2000, 1, 'p-hat', ['hats', 'apparel']),
  ];

  it.each([
    ['a product', { productIds: ['p-hat'], categoryHandles: [] }, { shoe: 0, hat: 200 }],
    ['a category', { productIds: [], categoryHandles: ['footwear'] }, { shoe: 800, hat: 0 }],
    ['a parent category', { productIds: [], categoryHandles: ['apparel'] }, { shoe: 800, hat: 200 }],
    ['a product not in the cart', { productIds: ['p-other'], categoryHandles: [] }, { shoe: 0, hat: 0 }],
  ])('When a discount applies to %s, then only its lines are discounted', (_n, appliesTo, expected) => {
    expect(lineAmounts(evaluate({ lines, discounts: [discount({ id: 'd', appliesTo })] }))).toEqual(expected);
  });

  it.each([
    ['under the minimum subtotal', { minimumSubtotalMinor: 10_001 }, {}, 'DISCOUNT_MINIMUM_NOT_MET'],
    ['at the minimum subtotal', { minimumSubtotalMinor: 10_000 }, {}, null],
    ['before it starts', { startsAt: new Date('2026-06-02T00:00:00Z') }, {}, 'DISCOUNT_CODE_INVALID'],
    ['after it ends', { endsAt: new Date('2026-06-01T12:00:00Z') }, {}, 'DISCOUNT_CODE_EXPIRED'],
    [
      'inside its window',
      { startsAt: new Date('2026-05-01T00:00:00Z'), endsAt: new Date('2026-07-01T00:00:00Z') },
      {},
      null,
    ],
    ['deactivated', { active: false }, {}, 'DISCOUNT_CODE_INVALID'],
    ['used up', { usageLimit: 5 }, { taken: 5 }, 'DISCOUNT_USAGE_LIMIT_REACHED'],
    ['with one use left', { usageLimit: 5 }, { taken: 4 }, null],
    [
      'once per customer, already used by this customer',
      { oncePerCustomer: true },
      { usedByCustomer: true },
      'DISCOUNT_USAGE_LIMIT_REACHED',
    ],
    ['once per customer, first use', { oncePerCustomer: true }, {}, null],
  ])('When a code is entered %s, then it answers its expected code', (_n, over, usage, error) => {
    const d = discount({ id: 'code', code: 'SAVE10', ...over });
    const result = evaluate({
      lines,
      discounts: [d],
      codes: [' save10 '],
      usage: () => ({ ...unused, ...usage }),
    });
    expect(result.codes).toEqual([{ code: 'SAVE10', applicable: error === null, error }]);
    expect(result.totalMinor).toBe(error === null ? 1000 : 0);
  });

  it('When a code is unknown, then it is DISCOUNT_CODE_INVALID', () => {
    expect(evaluate({ lines, codes: ['NOPE'] }).codes).toEqual([
      { code: 'NOPE', applicable: false, error: 'DISCOUNT_CODE_INVALID' },
    ]);
  });

  it('When a code matches nothing in the cart, then it is not applicable but not an error', () => {
    const d = discount({
      id: 'code',
      code: 'SOCKS',
      appliesTo: { productIds: ['p-sock'], categoryHandles: [] },
    });
    expect(evaluate({ lines, discounts: [d], codes: ['SOCKS'] }).codes).toEqual([
      { code: 'SOCKS', applicable: false, error: null },
    ]);
  });

  it('When a fixed amount is in another currency, then it does not apply', () => {
    const d = discount({ id: 'eur', kind: 'FIXED_AMOUNT', value: 500, currencyCode: 'EUR' });
    expect(evaluate({ lines, discounts: [d] }).totalMinor).toBe(0);
  });
});

describe('discount engine: combinations', () => {
  const lines = [line('a', 10_000, 1, 'p-a')];
  const product = (over: Partial<Discount> = {}) =>
    discount({
      id: 'product',
      value: 200_000,
      appliesTo: { productIds: ['p-a'], categoryHandles: [] },
      ...over,
    });
  const order = (over: Partial<Discount> = {}) => discount({ id: 'order', value: 100_000, ...over });
  const ship = (over: Partial<Discount> = {}) => discount({ id: 'ship', kind: 'FREE_SHIPPING', ...over });

  it('When a product and an order discount combine, then the order discount applies to what the product discount left', () => {
    const result = evaluate({
      lines,
      discounts: [
        order({ combinesWith: { ...NONE, productDiscounts: true } }),
        product({ combinesWith: { ...NONE, orderDiscounts: true } }),
      ],
    });
    expect(result.applied.map((a) => [a.discountId, a.amountMinor])).toEqual([
      ['product', 2000],
      ['order', 800],
    ]);
    expect(result.totalMinor).toBe(2800);
  });

  it('When only one side allows the combination, then only the larger automatic discount applies', () => {
    const result = evaluate({
      lines,
      discounts: [order({ combinesWith: ALL }), product({ combinesWith: NONE })],
    });
    expect(result.applied.map((a) => a.discountId)).toEqual(['product']);
  });

  it('When free shipping combines with everything, then it applies beside an order discount', () => {
    const result = evaluate({
      lines,
      shippingMinor: 500,
      discounts: [order({ combinesWith: ALL }), ship({ combinesWith: ALL })],
    });
    expect(result.applied.map((a) => [a.discountId, a.amountMinor])).toEqual([
      ['order', 1000],
      ['ship', 500],
    ]);
  });

  it('When a second code does not combine with the first, then it is DISCOUNT_NOT_COMBINABLE and the first stays', () => {
    const result = evaluate({
      lines,
      discounts: [order({ code: 'ONE' }), product({ code: 'TWO' })],
      codes: ['ONE', 'TWO'],
    });
    expect(result.codes).toEqual([
      { code: 'ONE', applicable: true, error: null },
      { code: 'TWO', applicable: false, error: 'DISCOUNT_NOT_COMBINABLE' },
    ]);
    expect(result.totalMinor).toBe(1000);
  });

  it('When a code is entered, then an automatic discount it does not combine with gives way', () => {
    const result = evaluate({ lines, discounts: [order({ code: 'ONE' }), product()], codes: ['ONE'] });
    expect(result.applied.map((a) => a.discountId)).toEqual(['order']);
  });

  it('When two order discounts both allow order discounts, then both apply, the second on what the first left', () => {
    const both = { ...NONE, orderDiscounts: true };
    const result = evaluate({
      lines,
      discounts: [
        order({ id: 'o1', combinesWith: both }),
        order({ id: 'o2', value: 50_000, combinesWith: both }),
      ],
    });
    expect(result.applied.map((a) => [a.discountId, a.amountMinor])).toEqual([
      ['o1', 1000],
      ['o2', 450],
    ]);
  });
});

describe('discount index', () => {
  it('When 200 automatic discounts touch other products, then a cart sees only the ones that can apply to it', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      discount({ id: `d${i}`, appliesTo: { productIds: [`p-${i}`], categoryHandles: [] } }),
    );
    const index = new DiscountIndex([
      ...many,
      discount({ id: 'cat', appliesTo: { productIds: [], categoryHandles: ['hats'] } }),
      discount({ id: 'everything' }),
      discount({ id: 'code', code: 'SAVE' }),
      discount({ id: 'off', active: false }),
    ]);
    const ids = index
      .candidates([line('x', 100, 1, 'p-7', ['hats'])], ['save'])
      .map((d) => d.id)
      .sort();
    expect(ids).toEqual(['cat', 'code', 'd7', 'everything']);
  });
});

describe('checkout pricing with discounts', () => {
  it('When a line and shipping are discounted, then tax is on what is left of each and the total subtracts the discounts', () => {
    const base = { variantId: 'v', title: 't', variantTitle: 'v', sku: 's', weightGrams: 1 };
    const totals = priceCheckout(
      [{ ...base, id: 'a', productId: 'p-a', quantity: 1, unitPriceMinor: 10_000 }],
      {
        handle: 'h',
        carrier: 'UPS',
        service: 'Ground',
        priceMinor: 1000,
        currencyCode: 'EUR',
        estimatedDeliveryDays: 3,
      },
      { ratePpm: 200_000, shippingTaxable: true },
      {
        discounts: [
          discount({ id: 'pct', value: 250_000, currencyCode: 'EUR' }),
          discount({ id: 'ship', kind: 'FREE_SHIPPING', combinesWith: ALL }),
        ].map((d) => ({ ...d, combinesWith: ALL })),
        codes: [],
        currencyCode: 'EUR',
        at: NOW,
      },
    );
    expect(totals.discountMinor).toBe(2500 + 1000);
    expect(totals.taxMinor).toBe(1500); // 20 % of 75.00, shipping free
    expect(totals.totalMinor).toBe(10_000 + 1000 - 3500 + 1500);
    expect(totals.allocations).toEqual([
      { lineId: 'a', discountId: 'pct', title: 'pct', code: null, amountMinor: 2500 },
      { lineId: null, discountId: 'ship', title: 'ship', code: null, amountMinor: 1000 },
    ]);
  });
});
