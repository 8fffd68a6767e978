import { ConfigError } from '@shop/common';
import { loadConfig } from '../src/config';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('Orders configuration', () => {
  it('When production starts without Stripe keys, then it refuses to start rather than take orders without money', () => {
    expect(() => loadConfig({ INTERNAL_AUTH_SECRET: SECRET, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ INTERNAL_AUTH_SECRET: SECRET, NODE_ENV: 'production', STRIPE_SECRET_KEY: 'sk_live_x' }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET: is required in production/);
    expect(
      loadConfig({
        INTERNAL_AUTH_SECRET: SECRET,
        NODE_ENV: 'production',
        STRIPE_SECRET_KEY: 'sk_live_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_x',
      }).STRIPE_SECRET_KEY,
    ).toBe('sk_live_x');
  });

  it('When developing, then the sandbox provider needs no keys', () => {
    expect(loadConfig({ INTERNAL_AUTH_SECRET: SECRET }).STRIPE_SECRET_KEY).toBeUndefined();
  });

  it('When nothing is set, then unpaid orders hold stock 10 minutes, at most 3 per holder, prices hold an hour, and backorders are refused', () => {
    expect(loadConfig({ INTERNAL_AUTH_SECRET: SECRET })).toMatchObject({
      RESERVATION_TTL_SECONDS: 600,
      MAX_PENDING_PAYMENTS: 3,
      CHECKOUT_PRICE_TTL_SECONDS: 3600,
      ALLOW_BACKORDERS: false,
      PUBLIC_URL: 'http://localhost:4000',
    });
    expect(loadConfig({ INTERNAL_AUTH_SECRET: SECRET, ALLOW_BACKORDERS: 'true' }).ALLOW_BACKORDERS).toBe(
      true,
    );
    expect(() => loadConfig({ INTERNAL_AUTH_SECRET: SECRET, MAX_PENDING_PAYMENTS: '0' })).toThrow(
      /MAX_PENDING_PAYMENTS/,
    );
  });
});
