import { admin, customer } from '@shop/testkit';
import { taxRuleForAddress } from '../src/domain/tax-rates';
import {
  CHECKOUT_CREATE,
  US_ADDRESS,
  defaultLines,
  readyCheckout,
  startHarness,
  type Harness,
  type UserErrorData,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_tax_rates');
});
afterAll(async () => h?.close());

const UPSERT = `mutation($input: TaxRateInput!) { taxRateUpsert(input: $input) {
  taxRate { countryCode province rate name shippingTaxable } userErrors { code field message } } }`;

interface UpsertData {
  taxRateUpsert: {
    taxRate: {
      countryCode: string;
      province: string | null;
      rate: string;
      name: string;
      shippingTaxable: boolean;
    } | null;
    userErrors: UserErrorData[];
  };
}

const BR_ADDRESS = { ...US_ADDRESS, city: 'São Paulo', province: 'SP', zip: '01310-100', countryCode: 'BR' };

describe('tax rates as data', () => {
  it('When the table is seeded, then a subdivision’s rate overrides its country’s and an unlisted destination pays none', async () => {
    const rule = (countryCode: string, province: string | null) =>
      taxRuleForAddress(h.db.db, { countryCode, province });
    expect(await rule('US', 'CA')).toEqual({ ratePpm: 72_500, shippingTaxable: false });
    expect((await rule('US', 'OR')).ratePpm).toBe(0);
    expect((await rule('US', 'AZ')).ratePpm).toBe(0);
    expect(await rule('DE', null)).toEqual({ ratePpm: 190_000, shippingTaxable: true });
    expect((await rule('CA', 'QC')).ratePpm).toBe(149_750);
    expect((await rule('CA', 'YT')).ratePpm).toBe(50_000);
    expect((await rule('BR', 'SP')).ratePpm).toBe(0);
    const { rows } = await h.db.db.query<{ country_code: string }>(
      `SELECT DISTINCT country_code FROM tax_rates WHERE province <> '' ORDER BY 1`,
    );
    expect(rows.map((r) => r.country_code)).toEqual(['CA', 'US']);
  });

  it('When a shopper or a bad rate calls taxRateUpsert, then FORBIDDEN or a userError, and nothing changes', async () => {
    await expect(
      h.call(customer(), UPSERT, { input: { countryCode: 'DE', rate: '0.5', name: 'VAT' } }),
    ).rejects.toThrow();
    await expect(h.call(customer(), `{ taxRates { countryCode } }`)).rejects.toThrow();
    for (const [input, code, field] of [
      [{ countryCode: 'DE', rate: '19', name: 'VAT' }, 'INVALID_RATE', 'input.rate'],
      [{ countryCode: 'XX', rate: '0.1', name: 'VAT' }, 'INVALID_COUNTRY_CODE', 'input.countryCode'],
      [
        { countryCode: 'US', province: 'ZZ', rate: '0.1', name: 'Sales tax' },
        'INVALID_ADDRESS',
        'input.province',
      ],
      [{ countryCode: 'DE', rate: '0.1', name: ' ' }, 'INVALID_NAME', 'input.name'],
    ] as const) {
      const res = await h.call<UpsertData>(admin(), UPSERT, { input });
      expect([
        res.taxRateUpsert.taxRate,
        res.taxRateUpsert.userErrors.map((e) => [e.code, e.field?.join('.')]),
      ]).toEqual([null, [[code, field]]]);
    }
    expect(await taxRuleForAddress(h.db.db, { countryCode: 'DE', province: null })).toEqual({
      ratePpm: 190_000,
      shippingTaxable: true,
    });
  });

  it('When an admin adds rates per subdivision for a new country, then its addresses must name a valid subdivision and are taxed on goods and shipping; earlier checkouts keep their rate', async () => {
    const before = await readyCheckout(h, customer(), { address: BR_ADDRESS });
    expect(before.tax.amount).toBe('0.00');

    const set = await h.call<UpsertData>(admin(), UPSERT, {
      input: { countryCode: 'br', province: 'BR-SP', rate: '0.18', name: 'ICMS', shippingTaxable: true },
    });
    expect(set.taxRateUpsert).toEqual({
      taxRate: { countryCode: 'BR', province: 'SP', rate: '0.18', name: 'ICMS', shippingTaxable: true },
      userErrors: [],
    });
    const listed = await h.call<{
      taxRates: { countryCode: string; province: string | null; rate: string }[];
    }>(admin(), `{ taxRates { countryCode province rate } }`);
    expect(listed.taxRates).toContainEqual({ countryCode: 'BR', province: 'SP', rate: '0.18' });
    expect(listed.taxRates).toContainEqual({ countryCode: 'US', province: 'CA', rate: '0.0725' });

    // 2 × 19.99 = 39.98 → 7.1964 → 7.20; the cheapest rate for 2 units is 7.00 → 1.26.
    const after = await readyCheckout(h, customer(), { address: BR_ADDRESS });
    expect(after.shippingLine?.price.amount).toBe('7.00');
    expect(after.tax.amount).toBe('8.46');
    expect(after.total.amount).toBe('55.44');

    const cartId = 'br-cart';
    h.cart.carts.set(cartId, { customerId: null, currencyCode: 'USD', lines: defaultLines() });
    const unknown = await h.call<{ checkoutCreate: { checkout: unknown; userErrors: UserErrorData[] } }>(
      customer(),
      CHECKOUT_CREATE,
      {
        input: { cartId, email: 'a@example.com', shippingAddress: { ...BR_ADDRESS, province: 'ZZ' } },
      },
    );
    expect(unknown.checkoutCreate.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_ADDRESS', 'input.shippingAddress.province'],
    ]);

    // A rate changed later leaves the earlier checkout's total where it was.
    await h.call<UpsertData>(admin(), UPSERT, {
      input: { countryCode: 'BR', province: 'SP', rate: '0.2', name: 'ICMS' },
    });
    const reread = await h.call<{ checkout: { tax: { amount: string } } }>(
      admin(),
      `query($id: ID!) { checkout(id: $id) { tax { amount } } }`,
      { id: after.id },
    );
    expect(reread.checkout.tax.amount).toBe('8.46');
    expect(await taxRuleForAddress(h.db.db, { countryCode: 'BR', province: 'SP' })).toEqual({
      ratePpm: 200_000,
      shippingTaxable: true,
    });
  });
});
