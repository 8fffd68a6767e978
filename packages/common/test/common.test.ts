import { z } from 'zod';
import {
  ConfigError,
  cursorValue,
  canAccessOwned,
  commonEnv,
  decodeCursor,
  encodeCursor,
  maskError,
  pageSize,
  parseConfig,
  requireAdminOrScope,
  parseDecimal,
  signIdentity,
  toMoney,
  verifyIdentity,
  readsAll,
  type ForwardedIdentity,
} from '../src';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const identity: ForwardedIdentity = {
  principal: { kind: 'customer', customerId: 'c1', role: 'CUSTOMER', sessionId: 's1' },
  requestId: 'r1',
  clientIp: '10.0.0.1',
  audience: 'orders',
};

describe('Forwarded identity', () => {
  it('When a signed identity is verified with the same key, then the principal comes back', () => {
    expect(verifyIdentity(signIdentity(identity, SECRET), SECRET, 'orders')).toEqual(identity);
  });

  it('When the payload is altered, signed with another key, expired or missing, then it is refused', () => {
    const header = signIdentity(identity, SECRET);
    const [body, mac] = header.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...identity, principal: { ...identity.principal, role: 'ADMIN' }, exp: 9e9 }),
    ).toString('base64url');
    expect(() => verifyIdentity(`${forged}.${mac}`, SECRET, 'orders')).toThrow('bad identity signature');
    expect(() => verifyIdentity(header, `${SECRET}x`, 'orders')).toThrow('bad identity signature');
    expect(() =>
      verifyIdentity(signIdentity(identity, SECRET, 60, Date.now() - 120_000), SECRET, 'orders'),
    ).toThrow('expired');
    expect(() => verifyIdentity(undefined, SECRET, 'orders')).toThrow('missing');
    expect(() => verifyIdentity(body, SECRET, 'orders')).toThrow('malformed');
  });

  it('When an identity signed for one service is presented to another, then it is refused', () => {
    const header = signIdentity(identity, SECRET);
    expect(() => verifyIdentity(header, SECRET, 'users')).toThrow('identity meant for another service');
    // The audience is inside the signature: rewriting it breaks the signature.
    const [body, mac] = header.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const moved = Buffer.from(JSON.stringify({ ...payload, audience: 'users' })).toString('base64url');
    expect(() => verifyIdentity(`${moved}.${mac}`, SECRET, 'users')).toThrow('bad identity signature');
  });

  it('When ownership is checked, then owners and admins pass, a service does not, and others are refused alike for missing objects', () => {
    const other = { kind: 'customer' as const, customerId: 'c2', role: 'CUSTOMER' as const, sessionId: 's2' };
    expect(canAccessOwned(identity.principal, 'c1')).toBe(true);
    expect(canAccessOwned(other, 'c1')).toBe(false);
    expect(canAccessOwned({ ...other, role: 'ADMIN' }, 'c1')).toBe(true);
    expect(canAccessOwned({ kind: 'service', service: 'orders' }, 'c1')).toBe(false);
    expect(readsAll({ kind: 'service', service: 'orders' }, 'orders:read')).toBe(false);
    expect(canAccessOwned({ kind: 'anonymous' }, null)).toBe(true);
    expect(canAccessOwned(identity.principal, undefined)).toBe(false);
  });

  it('When an admin operation checks a scope, then admins and partners holding it pass, and everyone else is refused', () => {
    const outcome = (principal: Parameters<typeof requireAdminOrScope>[0]) => {
      try {
        return requireAdminOrScope(principal, 'orders:read').actorId;
      } catch (error) {
        return (error as { extensions?: { code?: string } }).extensions?.code;
      }
    };
    expect(outcome({ kind: 'customer', customerId: 'c1', role: 'ADMIN', sessionId: 's1' })).toBe('c1');
    expect(outcome({ kind: 'partner', partnerId: 'k1', scopes: ['catalog:read', 'orders:read'] })).toBe(
      'partner:k1',
    );
    expect(outcome({ kind: 'partner', partnerId: 'k1', scopes: ['catalog:read', 'orders:write'] })).toBe(
      'FORBIDDEN',
    );
    expect(outcome(identity.principal)).toBe('FORBIDDEN');
    expect(outcome({ kind: 'service', service: 'orders' })).toBe('FORBIDDEN');
    expect(outcome({ kind: 'anonymous' })).toBe('UNAUTHENTICATED');
  });
});

describe('Money', () => {
  it('When minor units are shown, then the decimal string is exact for each currency', () => {
    expect(toMoney(1999, 'USD')).toEqual({ amount: '19.99', currencyCode: 'USD' });
    expect(toMoney(5, 'EUR').amount).toBe('0.05');
    expect(toMoney(-250, 'USD').amount).toBe('-2.50');
    expect(toMoney(1200, 'JPY').amount).toBe('1200');
    expect(() => toMoney(1.5, 'USD')).toThrow(RangeError);
  });

  it('When a client sends a decimal, then it becomes minor units or a clear error', () => {
    expect(parseDecimal('19.99', 'USD')).toBe(1999);
    expect(parseDecimal('7', 'USD')).toBe(700);
    expect(parseDecimal('0.1', 'USD')).toBe(10);
    expect(() => parseDecimal('1.999', 'USD')).toThrow('at most 2 decimal places');
    expect(() => parseDecimal('-1', 'USD')).toThrow('not a decimal amount');
    expect(() => parseDecimal('1e9', 'USD')).toThrow('not a decimal amount');
  });
});

describe('Pagination', () => {
  it('When first is missing, too large or negative, then it defaults or is refused clearly', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow('first must be between 0 and 100');
    expect(() => pageSize(-1)).toThrow('first must be between 0 and 100');
  });

  it('When a cursor is forged, then it is refused as bad input', () => {
    const isNumber = z.number();
    expect(decodeCursor(encodeCursor(5), isNumber)).toBe(5);
    expect(() => decodeCursor('not-a-cursor', isNumber)).toThrow('after is not a valid cursor');
    expect(() => decodeCursor(encodeCursor('x'), isNumber)).toThrow('after is not a valid cursor');
  });

  it('When a cursor value does not fit its column, then the cursor is refused as bad input', () => {
    const keyset = z.object({ at: cursorValue.instant, price: cursorValue.int4, id: cursorValue.text });
    const ok = { at: '2026-02-28T23:59:59.123Z', price: 2 ** 31 - 1, id: 'p-1' };
    expect(decodeCursor(encodeCursor(ok), keyset)).toEqual(ok);
    for (const forged of [
      { ...ok, at: '2026-02-30T00:00:00.000Z' },
      { ...ok, at: '1' },
      { ...ok, at: '2026-01-01' },
      { ...ok, price: 2 ** 31 },
      { ...ok, price: 1.5 },
      { ...ok, id: 'a\u0000b' },
    ]) {
      expect(() => decodeCursor(encodeCursor(forged), keyset)).toThrow('after is not a valid cursor');
    }
    expect(() => decodeCursor('!!!', keyset)).toThrow('after is not a valid cursor');
    expect(() => decodeCursor(encodeCursor(ok).repeat(20), keyset)).toThrow('after is not a valid cursor');
  });
});

describe('Errors and config', () => {
  it('When an unexpected error is formatted, then only a generic message leaves', () => {
    expect(
      maskError({
        message: 'relation "users" does not exist',
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] },
      }),
    ).toEqual({
      message: 'Internal server error',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(
      maskError({ message: 'No access', extensions: { code: 'FORBIDDEN', exception: { host: 'db' } } })
        .extensions,
    ).toEqual({ code: 'FORBIDDEN' });
  });

  it('When the environment has several bad values, then every problem is listed at once', () => {
    const schema = z.object({ ...commonEnv, PORT: z.coerce.number().int() });
    try {
      parseConfig(schema, { INTERNAL_AUTH_SECRET: 'short', PORT: 'abc', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/INTERNAL_AUTH_SECRET/);
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });
});
