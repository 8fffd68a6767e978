// Sandbox carrier pricing and signed rate handles: deterministic prices by weight and destination,
// and handles that bind a quoted rate so a client can neither forge nor alter one.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CARRIERS } from '@shop/contracts';
import { COUNTRY_CODES, EUROPE } from './countries';

export { CARRIERS };
export type Carrier = (typeof CARRIERS)[number];

export interface CarrierService {
  carrier: Carrier;
  service: string;
  /** Price of the first 500 g, in US cents, before the zone multiplier. */
  baseMinor: number;
  /** Price of every further 500 g (or part of it). */
  stepMinor: number;
  /** Business days to the nearest zone; far zones add days. */
  days: number;
}

export const SERVICES: readonly CarrierService[] = [
  { carrier: 'DHL', service: 'EXPRESS', baseMinor: 1899, stepMinor: 350, days: 2 },
  { carrier: 'DHL', service: 'ECONOMY', baseMinor: 999, stepMinor: 200, days: 6 },
  { carrier: 'FEDEX', service: 'PRIORITY_OVERNIGHT', baseMinor: 2499, stepMinor: 400, days: 1 },
  { carrier: 'FEDEX', service: 'GROUND', baseMinor: 899, stepMinor: 180, days: 5 },
  { carrier: 'UPS', service: 'NEXT_DAY_AIR', baseMinor: 2299, stepMinor: 380, days: 1 },
  { carrier: 'UPS', service: 'GROUND', baseMinor: 849, stepMinor: 190, days: 5 },
];

export function findService(carrier: string, service: string): CarrierService | undefined {
  return SERVICES.find((s) => s.carrier === carrier && s.service === service);
}

export const CURRENCY = 'USD';
export const MAX_ITEMS = 100;
export const MAX_QUANTITY = 999;
const STEP_GRAMS = 500;

export interface Destination {
  countryCode: string;
  zip: string;
}

export interface RateItem {
  variantId: string;
  quantity: number;
}

/** What a quoted rate is, inside and over the internal contract. */
export interface RateInfo {
  handle: string;
  carrier: Carrier;
  service: string;
  priceMinor: number;
  currencyCode: string;
  estimatedDeliveryDays: number;
}

export interface Zone {
  name: string;
  /** Percent applied to the base price. */
  percent: number;
  extraDays: number;
}

/** The shop ships from the US: US zones by the zip's first digit, then North America, Europe, the world. */
export function zoneOf(destination: Destination): Zone {
  const { countryCode, zip } = destination;
  if (countryCode === 'US') {
    const first = Number(zip[0]);
    if (first <= 3) return { name: 'US-EAST', percent: 100, extraDays: 0 };
    if (first <= 6) return { name: 'US-CENTRAL', percent: 115, extraDays: 1 };
    return { name: 'US-WEST', percent: 130, extraDays: 1 };
  }
  if (countryCode === 'CA' || countryCode === 'MX')
    return { name: 'NORTH-AMERICA', percent: 160, extraDays: 2 };
  if (EUROPE.has(countryCode)) return { name: 'EUROPE', percent: 220, extraDays: 3 };
  return { name: 'WORLD', percent: 280, extraDays: 5 };
}

export interface Quote {
  carrier: Carrier;
  service: string;
  priceMinor: number;
  estimatedDeliveryDays: number;
}

/** Every carrier service's price for a parcel, cheapest first; ties broken by carrier and service so order is stable. */
export function quote(totalGrams: number, destination: Destination): Quote[] {
  const zone = zoneOf(destination);
  const steps = Math.max(1, Math.ceil(totalGrams / STEP_GRAMS));
  return SERVICES.map((s) => {
    const raw = s.baseMinor + (steps - 1) * s.stepMinor;
    // Integer rounding to the nearest cent: (raw * percent) / 100, half up.
    const priceMinor = Math.floor((raw * zone.percent + 50) / 100);
    return {
      carrier: s.carrier,
      service: s.service,
      priceMinor,
      estimatedDeliveryDays: s.days + zone.extraDays,
    };
  }).sort(
    (a, b) =>
      a.priceMinor - b.priceMinor || a.carrier.localeCompare(b.carrier) || a.service.localeCompare(b.service),
  );
}

export class RateInputError extends Error {
  constructor(
    message: string,
    readonly field: string[],
  ) {
    super(message);
  }
}

// eslint-disable-next-line security/detect-unsafe-regex -- linear: five digits and an optional fixed-length suffix, nothing repeated
const US_ZIP = /^\d{5}(-\d{4})?$/;
const ANY_ZIP = /^[A-Z0-9][A-Z0-9 -]{1,9}$/;

/** Checks and normalises a destination and items; duplicate variants are merged. Throws RateInputError. */
export function normaliseRateInput(input: { destination: Destination; items: RateItem[] }): {
  destination: Destination;
  items: RateItem[];
} {
  const countryCode = input.destination.countryCode.trim().toUpperCase();
  if (!COUNTRY_CODES.has(countryCode)) {
    throw new RateInputError(`"${countryCode.slice(0, 8)}" is not an ISO 3166-1 alpha-2 country code`, [
      'destination',
      'countryCode',
    ]);
  }
  const zip = input.destination.zip.trim().toUpperCase();
  if (countryCode === 'US' ? !US_ZIP.test(zip) : !ANY_ZIP.test(zip)) {
    throw new RateInputError(
      countryCode === 'US'
        ? 'A US ZIP code has 5 digits, such as 10001 or 10001-1234'
        : 'The postal code must be 2 to 10 letters, digits, spaces or dashes',
      ['destination', 'zip'],
    );
  }
  if (input.items.length < 1 || input.items.length > MAX_ITEMS) {
    throw new RateInputError(`Give between 1 and ${MAX_ITEMS} items`, ['items']);
  }
  const merged = new Map<string, number>();
  input.items.forEach((item, index) => {
    const variantId = item.variantId.trim();
    if (!variantId || variantId.length > 100)
      throw new RateInputError('A variant id is required', ['items', String(index), 'variantId']);
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
      throw new RateInputError(`Quantity must be between 1 and ${MAX_QUANTITY}`, [
        'items',
        String(index),
        'quantity',
      ]);
    }
    merged.set(variantId, (merged.get(variantId) ?? 0) + item.quantity);
  });
  const items = [...merged.entries()].map(([variantId, quantity]) => ({ variantId, quantity }));
  for (const [index, item] of items.entries()) {
    if (item.quantity > MAX_QUANTITY) {
      throw new RateInputError(`Quantity must be between 1 and ${MAX_QUANTITY}`, [
        'items',
        String(index),
        'quantity',
      ]);
    }
  }
  items.sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
  return { destination: { countryCode, zip }, items };
}

/** A digest of the (normalised) items, so a handle cannot be reused for a different parcel. */
export function itemsDigest(items: RateItem[]): string {
  return createHash('sha256')
    .update(items.map((i) => `${i.variantId}\u0000${i.quantity}`).join('\n'))
    .digest('base64url');
}

const handlePayload = z.object({
  v: z.literal(1),
  c: z.enum(CARRIERS),
  s: z.string(),
  p: z.number().int().nonnegative(),
  cur: z.string(),
  d: z.number().int().positive(),
  cc: z.string(),
  zip: z.string(),
  ih: z.string(),
  exp: z.number().int(),
});
type HandlePayload = z.infer<typeof handlePayload>;

/** Derives the rate-signing key when none is configured, so it never equals the identity key itself. */
export function deriveKey(masterSecret: string, label: string): string {
  return createHmac('sha256', masterSecret).update(label).digest('base64url');
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`shipping-rate.v1.${body}`).digest('base64url');
}

export class RateSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  sign(q: Quote, destination: Destination, items: RateItem[], now = Date.now()): RateInfo {
    const payload: HandlePayload = {
      v: 1,
      c: q.carrier,
      s: q.service,
      p: q.priceMinor,
      cur: CURRENCY,
      d: q.estimatedDeliveryDays,
      cc: destination.countryCode,
      zip: destination.zip,
      ih: itemsDigest(items),
      exp: Math.floor(now / 1000) + this.ttlSeconds,
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return {
      handle: `${body}.${sign(this.secret, body)}`,
      carrier: q.carrier,
      service: q.service,
      priceMinor: q.priceMinor,
      currencyCode: CURRENCY,
      estimatedDeliveryDays: q.estimatedDeliveryDays,
    };
  }

  /**
   * The rate a handle stands for, or null when it was forged, altered, expired, or quoted for
   * another destination or other items (destination and items must already be normalised).
   */
  verify(handle: string, destination: Destination, items: RateItem[], now = Date.now()): RateInfo | null {
    if (handle.length > 2048) return null;
    const dot = handle.indexOf('.');
    if (dot <= 0) return null;
    const body = handle.slice(0, dot);
    const given = Buffer.from(handle.slice(dot + 1));
    const expected = Buffer.from(sign(this.secret, body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let payload: HandlePayload;
    try {
      const parsed = handlePayload.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      if (!parsed.success) return null;
      payload = parsed.data;
    } catch {
      return null;
    }
    if (payload.exp * 1000 <= now) return null;
    if (payload.cc !== destination.countryCode || payload.zip !== destination.zip) return null;
    if (payload.ih !== itemsDigest(items)) return null;
    return {
      handle,
      carrier: payload.c,
      service: payload.s,
      priceMinor: payload.p,
      currencyCode: payload.cur,
      estimatedDeliveryDays: payload.d,
    };
  }
}
