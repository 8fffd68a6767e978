import { totpCodeAt } from '../src/domain/mfa';
import {
  call,
  loginCustomer,
  sessionPrincipal,
  signedInCustomer,
  startUsers,
  STRONG_PASSWORD,
  type Harness,
} from './helpers';

const ENROLL = `mutation($p: String) { customerMfaEnroll(currentPassword: $p) { secret otpauthUrl userErrors { code field } } }`;
const CONFIRM = `mutation($c: String!) { customerMfaConfirm(code: $c) { customer { id mfaEnabled } recoveryCodes accessToken expiresAt userErrors { code field } } }`;
const DISABLE = `mutation($p: String!, $c: String!) { customerMfaDisable(currentPassword: $p, code: $c) { customer { mfaEnabled } accessToken userErrors { code } } }`;

interface EnrollData {
  customerMfaEnroll: { secret: string | null; otpauthUrl: string | null; userErrors: { code: string }[] };
}
interface ConfirmData {
  customerMfaConfirm: {
    customer: { id: string; mfaEnabled: boolean } | null;
    recoveryCodes: string[] | null;
    accessToken: string | null;
    userErrors: { code: string }[];
  };
}

// A fake clock: each TOTP step is entered by moving time, not by waiting.
let h: Harness;
beforeAll(async () => {
  h = await startUsers({}, { fakeClock: true });
});
afterAll(async () => h?.close());
const tick = (seconds = 30) => {
  h.clock.now += seconds * 1000;
};

async function enrolled(on: Harness = h) {
  const s = await signedInCustomer(on);
  const enroll = await call<EnrollData>(on, ENROLL, { p: STRONG_PASSWORD }, s.principal);
  const { secret, otpauthUrl } = enroll.body.data!.customerMfaEnroll;
  expect(otpauthUrl).toContain(`secret=${secret}`);
  const confirm = await call<ConfirmData>(on, CONFIRM, { c: totpCodeAt(secret!, on.clock.now) }, s.principal);
  const payload = confirm.body.data!.customerMfaConfirm;
  expect(payload.userErrors).toEqual([]);
  return { ...s, secret: secret!, recoveryCodes: payload.recoveryCodes!, newToken: payload.accessToken! };
}

describe('MFA', () => {
  it('When a shopper enrols and confirms, then MFA is on, the secret is encrypted at rest and every old session ends', async () => {
    const s = await enrolled();
    expect(s.recoveryCodes).toHaveLength(10);
    const { rows } = await h.db.db.query<{ mfa_secret_enc: string }>(
      'SELECT mfa_secret_enc FROM customers WHERE id = $1',
      [s.id],
    );
    expect(rows[0]!.mfa_secret_enc).toMatch(/^v1\./);
    expect(rows[0]!.mfa_secret_enc).not.toContain(s.secret);
    expect(await h.service.deps.sessions.resolve(s.token)).toBeNull();
    expect(await h.service.deps.sessions.resolve(s.newToken)).toMatchObject({ customerId: s.id });
  });

  it('When confirming with a wrong code, then INVALID_MFA_CODE and MFA stays off', async () => {
    const s = await signedInCustomer(h);
    await call(h, ENROLL, { p: STRONG_PASSWORD }, s.principal);
    const res = await call<ConfirmData>(h, CONFIRM, { c: '000000' }, s.principal);
    expect(res.body.data!.customerMfaConfirm.userErrors.map((e) => e.code)).toEqual(['INVALID_MFA_CODE']);
    const { rows } = await h.db.db.query('SELECT mfa_enabled_at FROM customers WHERE id = $1', [s.id]);
    expect(rows).toEqual([{ mfa_enabled_at: null }]);
  });

  it('When a shopper enrols, even right after signing in, then enrolment needs the current password', async () => {
    const s = await signedInCustomer(h);
    const without = await call<EnrollData>(h, ENROLL, {}, s.principal);
    expect(without.body.data!.customerMfaEnroll.userErrors.map((e) => e.code)).toEqual([
      'CURRENT_PASSWORD_REQUIRED',
    ]);
    const wrong = await call<EnrollData>(h, ENROLL, { p: 'not-my-password-at-all' }, s.principal);
    expect(wrong.body.data!.customerMfaEnroll.userErrors.map((e) => e.code)).toEqual([
      'INVALID_CURRENT_PASSWORD',
    ]);
    const right = await call<EnrollData>(h, ENROLL, { p: STRONG_PASSWORD }, s.principal);
    expect(right.body.data!.customerMfaEnroll.secret).toBeTruthy();
  });

  it('When MFA is on, then login needs a code, a right code signs in and the same code cannot be used again', async () => {
    const s = await enrolled();
    tick();
    const first = await loginCustomer(h, s.email);
    expect(first).toMatchObject({ mfaRequired: true, accessToken: null, customer: null, userErrors: [] });
    const code = totpCodeAt(s.secret, h.clock.now);
    const ok = await loginCustomer(h, s.email, STRONG_PASSWORD, { totpCode: code });
    expect(ok.accessToken).toBeTruthy();
    expect(ok.customer!.id).toBe(s.id);
    const replay = await loginCustomer(h, s.email, STRONG_PASSWORD, { totpCode: code });
    expect(replay).toMatchObject({ accessToken: null, mfaRequired: true });
    expect(replay.userErrors.map((e) => e.code)).toEqual(['INVALID_MFA_CODE']);
    const wrong = await loginCustomer(h, s.email, STRONG_PASSWORD, { totpCode: '12345x' });
    expect(wrong.userErrors.map((e) => e.code)).toEqual(['INVALID_MFA_CODE']);
  });

  it('When two logins race with one code, then exactly one gets a session', async () => {
    const s = await enrolled();
    tick();
    const code = totpCodeAt(s.secret, h.clock.now);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => loginCustomer(h, s.email, STRONG_PASSWORD, { totpCode: code })),
    );
    expect(results.filter((r) => r.accessToken).length).toBe(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'INVALID_MFA_CODE').length).toBe(4);
  });

  it('When a code from an earlier step than the last used one is sent, then it is refused', async () => {
    const s = await enrolled();
    tick();
    const older = totpCodeAt(s.secret, h.clock.now - 30_000);
    const newer = totpCodeAt(s.secret, h.clock.now);
    expect((await loginCustomer(h, s.email, STRONG_PASSWORD, { totpCode: newer })).accessToken).toBeTruthy();
    if (older !== newer) {
      expect((await loginCustomer(h, s.email, STRONG_PASSWORD, { totpCode: older })).accessToken).toBeNull();
    }
  });

  it('When a recovery code is used, then it signs in once and never again', async () => {
    const s = await enrolled();
    const code = s.recoveryCodes[3]!;
    const ok = await loginCustomer(h, s.email, STRONG_PASSWORD, { recoveryCode: code.toLowerCase() });
    expect(ok.accessToken).toBeTruthy();
    const again = await loginCustomer(h, s.email, STRONG_PASSWORD, { recoveryCode: code });
    expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_MFA_CODE']);
    const { rows } = await h.db.db.query<{ code_hash: string }>(
      'SELECT code_hash FROM mfa_recovery_codes WHERE customer_id = $1',
      [s.id],
    );
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash))).toBe(true);
  });

  it('When MFA is disabled with the password and a code, then login no longer asks for a code', async () => {
    const s = await enrolled();
    tick();
    const principal = sessionPrincipal(s.id, s.newToken);
    const bad = await call<{ customerMfaDisable: { userErrors: { code: string }[] } }>(
      h,
      DISABLE,
      { p: 'wrong-password-given', c: totpCodeAt(s.secret, h.clock.now) },
      principal,
    );
    expect(bad.body.data!.customerMfaDisable.userErrors.map((e) => e.code)).toEqual([
      'INVALID_CURRENT_PASSWORD',
    ]);
    const res = await call<{ customerMfaDisable: { customer: { mfaEnabled: boolean } } }>(
      h,
      DISABLE,
      { p: STRONG_PASSWORD, c: totpCodeAt(s.secret, h.clock.now) },
      principal,
    );
    expect(res.body.data!.customerMfaDisable.customer.mfaEnabled).toBe(false);
    const login = await loginCustomer(h, s.email);
    expect(login.accessToken).toBeTruthy();
  });
});

describe('MFA codes and the login lockout', () => {
  // Three failures lock the account for ten minutes: a lock cannot lapse while a test runs.
  let locking: Harness;
  beforeAll(async () => {
    locking = await startUsers(
      {
        LOGIN_ACCOUNT_MAX_FAILURES: '3',
        LOGIN_ACCOUNT_BASE_LOCK_SECONDS: '600',
        LOGIN_IP_MAX_FAILURES: '1000',
      },
      { fakeClock: true },
    );
  });
  afterAll(async () => locking?.close());

  it('When wrong codes are sent to customerMfaDisable, then they count toward the login lockout and lock the account', async () => {
    const s = await enrolled(locking);
    locking.clock.now += 30_000;
    const principal = sessionPrincipal(s.id, s.newToken);
    for (let i = 0; i < 3; i++) {
      const res = await call<{ customerMfaDisable: { userErrors: { code: string }[] } }>(
        locking,
        DISABLE,
        { p: STRONG_PASSWORD, c: '000000' },
        principal,
      );
      expect(res.body.data!.customerMfaDisable.userErrors.map((e) => e.code)).toEqual(['INVALID_MFA_CODE']);
    }
    // Locked: the right password and a right code no longer sign in, nor turn MFA off.
    const login = await loginCustomer(locking, s.email, STRONG_PASSWORD, {
      totpCode: totpCodeAt(s.secret, locking.clock.now),
    });
    expect(login).toMatchObject({ accessToken: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    const disable = await call<{ customerMfaDisable: { customer: unknown; userErrors: { code: string }[] } }>(
      locking,
      DISABLE,
      { p: STRONG_PASSWORD, c: totpCodeAt(s.secret, locking.clock.now) },
      principal,
    );
    expect(disable.body.data!.customerMfaDisable.customer).toBeNull();
  });

  it('When wrong codes are sent to customerMfaConfirm, then they count toward the lockout and a locked account cannot confirm', async () => {
    const s = await signedInCustomer(locking);
    const enroll = await call<EnrollData>(locking, ENROLL, { p: STRONG_PASSWORD }, s.principal);
    const secret = enroll.body.data!.customerMfaEnroll.secret!;
    for (let i = 0; i < 3; i++) await call(locking, CONFIRM, { c: '000000' }, s.principal);
    const right = await call<ConfirmData>(
      locking,
      CONFIRM,
      { c: totpCodeAt(secret, locking.clock.now) },
      s.principal,
    );
    expect(right.body.data!.customerMfaConfirm.userErrors.map((e) => e.code)).toEqual(['INVALID_MFA_CODE']);
    expect((await loginCustomer(locking, s.email)).userErrors.map((e) => e.code)).toEqual([
      'INVALID_CREDENTIALS',
    ]);
  });
});
