import { createServiceClient } from '@shop/common';
import { catalogClient } from '../src/data/catalog';
import { shippingRates } from '../src/domain/pricing';
import {
  RateSigner,
  normaliseRateInput,
  quote,
  RateInputError,
  zoneOf,
  type RateItem,
} from '../src/domain/rates';

const nyc = { countryCode: 'US', zip: '10001' };
const items: RateItem[] = [{ variantId: 'v1', quantity: 2 }];

describe('carrier pricing', () => {
  it('When the same parcel is quoted twice, then the rates are identical and sorted cheapest first', () => {
    const a = quote(1200, nyc);
    expect(quote(1200, nyc)).toEqual(a);
    expect(a).toHaveLength(6);
    expect(new Set(a.map((r) => r.carrier))).toEqual(new Set(['DHL', 'FEDEX', 'UPS']));
    for (let i = 1; i < a.length; i++) expect(a[i]!.priceMinor).toBeGreaterThanOrEqual(a[i - 1]!.priceMinor);
    for (const r of a) expect(Number.isInteger(r.priceMinor)).toBe(true);
  });

  it('When a parcel is heavier, then every service costs more, in 500 g steps', () => {
    const price = (grams: number) =>
      new Map(quote(grams, nyc).map((r) => [`${r.carrier}/${r.service}`, r.priceMinor]));
    const light = price(400);
    const sameStep = price(500);
    const heavy = price(2600);
    for (const [key, minor] of light) {
      expect(sameStep.get(key)).toBe(minor);
      expect(heavy.get(key)!).toBeGreaterThan(minor);
    }
    // UPS GROUND: 849 + 5 further steps of 190 for 2600 g, zone US-EAST at 100%.
    expect(heavy.get('UPS/GROUND')).toBe(849 + 5 * 190);
  });

  it('When the destination is farther, then the price and the delivery days grow', () => {
    const east = quote(1000, nyc);
    const west = quote(1000, { countryCode: 'US', zip: '94105' });
    const germany = quote(1000, { countryCode: 'DE', zip: '10115' });
    const japan = quote(1000, { countryCode: 'JP', zip: '100-0001' });
    const cheapest = (rates: typeof east) => rates[0]!.priceMinor;
    expect(cheapest(east)).toBeLessThan(cheapest(west));
    expect(cheapest(west)).toBeLessThan(cheapest(germany));
    expect(cheapest(germany)).toBeLessThan(cheapest(japan));
    expect(zoneOf({ countryCode: 'CA', zip: 'K1A 0B1' }).name).toBe('NORTH-AMERICA');
    const days = (rates: typeof east) => Math.max(...rates.map((r) => r.estimatedDeliveryDays));
    expect(days(japan)).toBeGreaterThan(days(east));
  });
});

describe('rate input', () => {
  const ok = { destination: { countryCode: ' us ', zip: '10001' }, items };

  it('When the input is fine, then the country is upper-cased and duplicate variants are merged', () => {
    const result = normaliseRateInput({
      ...ok,
      items: [
        { variantId: 'b', quantity: 1 },
        { variantId: 'a', quantity: 2 },
        { variantId: 'b', quantity: 3 },
      ],
    });
    expect(result.destination).toEqual({ countryCode: 'US', zip: '10001' });
    expect(result.items).toEqual([
      { variantId: 'a', quantity: 2 },
      { variantId: 'b', quantity: 4 },
    ]);
  });

  it.each([
    ['an unknown country', { ...ok, destination: { countryCode: 'XX', zip: '10001' } }, /country code/],
    ['a three-letter country', { ...ok, destination: { countryCode: 'USA', zip: '10001' } }, /country code/],
    ['a malformed US zip', { ...ok, destination: { countryCode: 'US', zip: '1234' } }, /ZIP/],
    [
      'an overlong postal code',
      { ...ok, destination: { countryCode: 'DE', zip: '1'.repeat(40) } },
      /postal code/,
    ],
    ['no items', { ...ok, items: [] }, /between 1 and 100 items/],
    [
      '101 items',
      { ...ok, items: Array.from({ length: 101 }, (_, i) => ({ variantId: `v${i}`, quantity: 1 })) },
      /between 1 and 100 items/,
    ],
    ['a zero quantity', { ...ok, items: [{ variantId: 'v', quantity: 0 }] }, /Quantity/],
    ['a quantity of 1000', { ...ok, items: [{ variantId: 'v', quantity: 1000 }] }, /Quantity/],
    [
      'merged quantities above 999',
      {
        ...ok,
        items: [
          { variantId: 'v', quantity: 600 },
          { variantId: 'v', quantity: 600 },
        ],
      },
      /Quantity/,
    ],
    ['a blank variant id', { ...ok, items: [{ variantId: ' ', quantity: 1 }] }, /variant id/],
  ])('When the input has %s, then it is refused with a clear message', (_label, input, message) => {
    expect(() => normaliseRateInput(input)).toThrow(RateInputError);
    expect(() => normaliseRateInput(input)).toThrow(message);
  });
});

describe('rate handles', () => {
  const signer = new RateSigner('a-rate-signing-secret-of-enough-length!!', 3600);
  const q = quote(1000, nyc)[0]!;
  const now = Date.UTC(2026, 0, 1);
  const rate = signer.sign(q, nyc, items, now);

  it('When a handle is verified for the same parcel before it expires, then it gives back the quoted rate', () => {
    expect(signer.verify(rate.handle, nyc, items, now + 1000)).toEqual(rate);
  });

  it('When a handle is altered, forged, expired or used for another parcel, then it is refused', () => {
    const [body, mac] = rate.handle.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const cheaper = Buffer.from(JSON.stringify({ ...payload, p: 1 })).toString('base64url');
    expect(signer.verify(`${cheaper}.${mac}`, nyc, items, now)).toBeNull();
    const otherKey = new RateSigner('another-secret-another-secret-another!!', 3600).sign(q, nyc, items, now);
    expect(signer.verify(otherKey.handle, nyc, items, now)).toBeNull();
    expect(signer.verify(`${body}.${mac.slice(0, -2)}AA`, nyc, items, now)).toBeNull();
    expect(signer.verify('garbage', nyc, items, now)).toBeNull();
    expect(signer.verify(rate.handle, nyc, items, now + 3601 * 1000)).toBeNull();
    expect(signer.verify(rate.handle, { countryCode: 'US', zip: '10002' }, items, now)).toBeNull();
    expect(signer.verify(rate.handle, nyc, [{ variantId: 'v1', quantity: 3 }], now)).toBeNull();
  });
});

describe('when the catalog is down', () => {
  it('When the catalog cannot be reached, then rates fail with SERVICE_UNAVAILABLE and no internal address', async () => {
    const catalog = catalogClient(
      createServiceClient({
        caller: 'shipping',
        target: 'catalog',
        baseUrl: 'http://127.0.0.1:1',
        secret: 'x'.repeat(32),
        timeoutMs: 500,
      }),
    );
    const signer = new RateSigner('a-rate-signing-secret-of-enough-length!!', 3600);
    const failure = await shippingRates({ catalog, signer }, { destination: nyc, items }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(String((failure as Error).message)).not.toContain('127.0.0.1');
  });

  it('When the catalog omits a variant, then the error names the unknown variant', async () => {
    const catalog = { variantWeights: async () => [{ id: 'v1', weightGrams: 100 }] };
    const signer = new RateSigner('a-rate-signing-secret-of-enough-length!!', 3600);
    const input = { destination: nyc, items: [...items, { variantId: 'v2', quantity: 1 }] };
    await expect(shippingRates({ catalog, signer }, input)).rejects.toMatchObject({
      message: 'Unknown product variant: v2',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
