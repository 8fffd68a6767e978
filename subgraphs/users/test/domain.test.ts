import { newSessionToken } from '@shop/auth';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { DEMO_ADMIN_PASSWORD, decodeKey, loadConfig } from '../src/config';
import { checkAddress } from '../src/domain/addresses';
import {
  hashRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  sealSecret,
  totpCodeAt,
} from '../src/domain/mfa';
import { checkPasswordPolicy, commonPasswords } from '../src/domain/passwords';
import { lockSeconds } from '../src/domain/throttle';
import { isValidEmail, normaliseEmail } from '../src/domain/validation';

const codes = (password: string, email?: string) =>
  checkPasswordPolicy(password, ['password'], { email }).map((e) => e.code);

describe('password policy (NIST SP 800-63B)', () => {
  it('When a password has fewer than 12 characters, then it is too short', () => {
    expect(codes('short-pass1')).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('When a password has more than 128 characters, then it is too long', () => {
    expect(codes('x'.repeat(100) + 'y'.repeat(29))).toEqual(['PASSWORD_TOO_LONG']);
    expect(codes('lantern-'.repeat(16))).toEqual([]);
  });

  it('When a long password has no digit, capital or symbol, then it is accepted (no composition rules)', () => {
    expect(codes('purple mountain river walk')).toEqual([]);
  });

  it('When a password is on the common list in any case, then it is refused', () => {
    expect(codes('password1234')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('Qwertyuiop123')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('123456789012')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('Michael1990!')).toEqual(['PASSWORD_TOO_COMMON']);
  });

  it('When a password is built from the account email, then it is refused', () => {
    expect(codes('jane.doe@example.com', 'jane.doe@example.com')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('jane.doe2026!', 'jane.doe@example.com')).toEqual(['PASSWORD_TOO_COMMON']);
  });

  it('When counting length, then code points count, not UTF-16 units', () => {
    expect(codes('😀'.repeat(11))).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('😀🌵🎈🚲🍋🎲🧩🪁🦉🐢🍄🌙')).toEqual([]);
  });

  it('The bundled list holds at least 10,000 passwords and not the demo admin passphrase', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(10_000);
    expect(codes(DEMO_ADMIN_PASSWORD)).toEqual([]);
  });
});

describe('email normalisation', () => {
  it('When an email has spaces and capitals, then it normalises to one trimmed lower-case form', () => {
    expect(normaliseEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
  });

  it('When normalising twice, then nothing changes (idempotent)', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseEmail(normaliseEmail(s)) === normaliseEmail(s)));
  });

  it('When an address is malformed, oversized or injection-shaped, then it is invalid', () => {
    for (const bad of [
      '',
      'plain',
      'a@b',
      '@example.com',
      'a@@example.com',
      "x'; DROP TABLE customers;--@example.com",
      `${'a'.repeat(250)}@example.com`,
      'a b@example.com',
    ]) {
      expect(isValidEmail(normaliseEmail(bad))).toBe(false);
    }
    expect(isValidEmail('jane+shop@mail.example.co.uk')).toBe(true);
  });
});

describe('addresses', () => {
  const good = {
    address1: '1 Main St',
    city: 'Springfield',
    province: 'NY',
    zip: '12345',
    countryCode: 'us',
  };

  it('When an address is valid, then the country code is upper-cased and blanks become null', () => {
    const { fields, errors } = checkAddress({ ...good, address2: '  ' }, ['address']);
    expect(errors).toEqual([]);
    expect(fields).toMatchObject({ countryCode: 'US', address2: null });
  });

  it('When a country code is not ISO 3166-1 alpha-2, then it is a userError', () => {
    for (const countryCode of ['XX', 'USA', 'EU', 'UK', '']) {
      const { fields, errors } = checkAddress({ ...good, countryCode }, ['address']);
      expect(fields).toBeNull();
      expect(errors.map((e) => e.code)).toEqual(['INVALID_COUNTRY_CODE']);
    }
  });

  it('When fields are oversized or required ones blank, then each gets a userError on its path', () => {
    const { errors } = checkAddress(
      { ...good, address1: ' ', city: 'c'.repeat(101), zip: 'z'.repeat(21), phone: 'call me' },
      ['address'],
    );
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['BLANK', ['address', 'address1']],
      ['TOO_LONG', ['address', 'city']],
      ['TOO_LONG', ['address', 'zip']],
      ['INVALID', ['address', 'phone']],
    ]);
  });
});

describe('login throttling', () => {
  const policy = {
    accountMaxFailures: 5,
    accountBaseLockSeconds: 1,
    accountMaxLockSeconds: 900,
    ipMaxFailures: 100,
    windowSeconds: 900,
  };
  it('When failures pass the limit, then the lock doubles each time up to the cap', () => {
    expect([4, 5, 6, 7, 15, 40].map((n) => lockSeconds(n, policy))).toEqual([0, 1, 2, 4, 900, 900]);
  });
});

describe('MFA secrets and codes', () => {
  const key = randomBytes(32);

  it('When a secret is sealed, then only the same key and customer open it', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP', 'customer-a');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(key, sealed, 'customer-a')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(key, sealed, 'customer-b')).toThrow();
    expect(() => openSecret(randomBytes(32), sealed, 'customer-a')).toThrow();
  });

  it('When a code is from the previous, current or next step, then it matches that step; two steps away it does not', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_015_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotpStep(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, now + 30_000), now)).toBe(step + 1);
    const far = totpCodeAt(secret, now - 90_000);
    if (![-1, 0, 1].some((d) => totpCodeAt(secret, now + d * 30_000) === far)) {
      expect(matchTotpStep(secret, far, now)).toBeNull();
    }
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
  });

  it('When recovery codes are made, then there are ten distinct ones whose hash ignores case and dashes', () => {
    const list = newRecoveryCodes();
    expect(new Set(list).size).toBe(10);
    expect(hashRecoveryCode(list[0]!.toLowerCase().replace('-', ''))).toBe(hashRecoveryCode(list[0]!));
  });
});

describe('config', () => {
  it('When MFA_ENCRYPTION_KEY is missing or not 32 bytes, then the config is refused with the problem named', () => {
    const base = { INTERNAL_AUTH_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(base)).toThrow(/MFA_ENCRYPTION_KEY/);
    expect(() => loadConfig({ ...base, MFA_ENCRYPTION_KEY: 'abcd' })).toThrow(/MFA_ENCRYPTION_KEY/);
    expect(loadConfig({ ...base, MFA_ENCRYPTION_KEY: 'ab'.repeat(32) }).MFA_ENCRYPTION_KEY).toHaveLength(64);
    expect(decodeKey(randomBytes(32).toString('base64'))).toHaveLength(32);
  });
});

describe('tokens', () => {
  it('When 10,000 session tokens are made, then all are distinct and 256-bit URL-safe strings', () => {
    const tokens = Array.from({ length: 10_000 }, () => newSessionToken());
    expect(new Set(tokens).size).toBe(10_000);
    expect(tokens.every((t) => /^[A-Za-z0-9_-]{43}$/.test(t))).toBe(true);
  });
});
