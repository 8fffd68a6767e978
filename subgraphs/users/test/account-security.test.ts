import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { createCache } from '@shop/datastores';
import { IDENTITY_HEADER, signIdentity } from '@shop/common';
import {
  admin,
  customer,
  identityHeaders,
  service,
  TEST_SECRET,
  testLogger,
  testRedisUrl,
} from '@shop/testkit';
import {
  call,
  REGISTER,
  loginCustomer,
  registerCustomer,
  sessionPrincipal,
  signedInCustomer,
  startUsers,
  STRONG_PASSWORD,
  uniqueEmail,
  type Harness,
} from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startUsers(
    { LOGIN_ACCOUNT_MAX_FAILURES: '3', LOGIN_ACCOUNT_BASE_LOCK_SECONDS: '60', LOGIN_IP_MAX_FAILURES: '1000' },
    { fakeClock: true },
  );
});
afterAll(async () => h?.close());

/** The emails written for an address, newest last. */
function mailTo(email: string): { subject: string; text: string }[] {
  const dir = join(h.dataDir, 'mail');
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  type Mail = { to: string; subject: string; text: string; sentAt: string };
  // A file still being written is skipped; the caller polls until the mail it wants is whole.
  const read = (f: string): Mail[] => {
    try {
      return [JSON.parse(readFileSync(join(dir, f), 'utf8')) as Mail];
    } catch {
      return [];
    }
  };
  return files
    .flatMap(read)
    .filter((m) => m.to === email)
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}
const tokenIn = (text: string) => /code: ([A-Za-z0-9_-]{43})/.exec(text)![1]!;

async function eventually<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('login throttling', () => {
  it('When an account fails past the limit, then even the right password is refused with the same answer', async () => {
    const { email } = await registerCustomer(h);
    for (let i = 0; i < 3; i++)
      expect((await loginCustomer(h, email, 'wrong-password-attempt')).accessToken).toBeNull();
    const locked = await loginCustomer(h, email);
    const wrong = await loginCustomer(h, uniqueEmail(), 'wrong-password-attempt');
    expect(locked).toEqual(wrong);
    expect(locked.userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
  });

  it('When wrong passwords for one account arrive all at once, then no more are checked than the limit allows', async () => {
    const { id, email } = await registerCustomer(h);
    const { rows } = await h.db.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM customers WHERE id = $1',
      [id],
    );
    const verify = jest.spyOn(h.service.deps.hasher, 'verify');
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => loginCustomer(h, email, 'wrong-password-attempt')),
      );
      expect(answers.map((a) => a.userErrors[0]?.code)).toEqual(Array(12).fill('INVALID_CREDENTIALS'));
      const checked = verify.mock.calls.filter(([hash]) => hash === rows[0]!.password_hash);
      expect(checked.length).toBeGreaterThan(0);
      expect(checked.length).toBeLessThanOrEqual(3);
    } finally {
      verify.mockRestore();
    }
    // The account is locked like after three failures in a row: even the right password is refused.
    expect((await loginCustomer(h, email)).userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
  });

  it('When a locked-out shopper resets their password, then they can sign in at once', async () => {
    const { email } = await registerCustomer(h);
    for (let i = 0; i < 4; i++) await loginCustomer(h, email, 'wrong-password-attempt');
    await call(
      h,
      `mutation($e: String!) { customerPasswordResetRequest(email: $e) { userErrors { code } } }`,
      { e: email },
    );
    const mail = await eventually(() => mailTo(email).find((m) => m.subject.includes('Reset')));
    const newPassword = 'fresh-orchard-compass-77';
    const reset = await call<{
      customerPasswordReset: { customer: { email: string }; userErrors: unknown[] };
    }>(
      h,
      `mutation($t: String!, $p: String!) { customerPasswordReset(token: $t, newPassword: $p) { customer { email } userErrors { code } } }`,
      { t: tokenIn(mail.text), p: newPassword },
    );
    expect(reset.body.data!.customerPasswordReset).toEqual({ customer: { email }, userErrors: [] });
    expect((await loginCustomer(h, email, newPassword)).accessToken).toBeTruthy();
  });

  it('When a sprayer moves through the addresses of one IPv6 /64, then the network counts as one client address', async () => {
    const sprayer = await startUsers({ LOGIN_IP_MAX_FAILURES: '4' });
    const loginFrom = async (clientIp: string, email: string, password: string) => {
      const res = await fetch(sprayer.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity(
            { principal: { kind: 'anonymous' }, requestId: randomUUID(), clientIp, audience: 'users' },
            TEST_SECRET,
          ),
        },
        body: JSON.stringify({
          query: `mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken } }`,
          variables: { i: { email, password } },
        }),
      });
      return ((await res.json()) as { data: { customerLogin: { accessToken: string | null } } }).data
        .customerLogin.accessToken;
    };
    try {
      const { email } = await registerCustomer(sprayer);
      for (let i = 1; i <= 4; i++)
        await loginFrom(`2001:db8:7:7::${i}`, uniqueEmail('victim'), 'Summer2026-spray!');
      // Another address of the same /64: refused.
      expect(await loginFrom('2001:db8:7:7:ffff::99', email, STRONG_PASSWORD)).toBeNull();
      // The next /64 is another subscriber.
      expect(await loginFrom('2001:db8:7:8::1', email, STRONG_PASSWORD)).toBeTruthy();
    } finally {
      await sprayer.close();
    }
  });

  it('When one client address sprays many accounts, then it is refused after its limit', async () => {
    const sprayer = await startUsers({ LOGIN_IP_MAX_FAILURES: '4' });
    try {
      const { email } = await registerCustomer(sprayer);
      for (let i = 0; i < 4; i++) await loginCustomer(sprayer, uniqueEmail('victim'), 'Summer2026-spray!');
      // The right password of an untouched account, from the same address: refused.
      expect((await loginCustomer(sprayer, email)).userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
      // From another address it works.
      const headers = {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: signIdentity(
          {
            principal: { kind: 'anonymous' },
            requestId: randomUUID(),
            clientIp: '10.9.8.7',
            audience: 'users',
          },
          TEST_SECRET,
        ),
      };
      const res = await fetch(sprayer.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          query: `mutation($i: CustomerLoginInput!) { customerLogin(input: $i) { accessToken } }`,
          variables: { i: { email, password: STRONG_PASSWORD } },
        }),
      });
      const body = (await res.json()) as { data: { customerLogin: { accessToken: string | null } } };
      expect(body.data.customerLogin.accessToken).toBeTruthy();
    } finally {
      await sprayer.close();
    }
  });

  it('When unknown emails, wrong passwords and a locked account fail, then the three median times are within 20%', async () => {
    const timing = await startUsers({
      LOGIN_ACCOUNT_MAX_FAILURES: '40',
      LOGIN_ACCOUNT_BASE_LOCK_SECONDS: '600',
      LOGIN_IP_MAX_FAILURES: '100000',
    });
    try {
      const { email } = await registerCustomer(timing);
      const { email: lockedEmail } = await registerCustomer(timing);
      for (let i = 0; i < 40; i++) await loginCustomer(timing, lockedEmail, 'wrong-password-attempt');
      // Interleaved, so load from other processes on the machine falls on every series alike.
      const known: number[] = [];
      const unknown: number[] = [];
      const locked: number[] = [];
      const time = async (target: string, into: number[], password = 'wrong-password-attempt') => {
        const start = process.hrtime.bigint();
        const answer = await loginCustomer(timing, target, password);
        into.push(Number(process.hrtime.bigint() - start));
        expect(answer.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
      };
      const series = [
        () => time(email, known),
        () => time(uniqueEmail('ghost'), unknown),
        // The right password of the locked account: refused all the same.
        () => time(lockedEmail, locked, STRONG_PASSWORD),
      ];
      // Each round starts with a different series, so no series always comes first after the previous round; 36
      // rounds keep the known account's failures under the 40 that would lock it.
      for (let i = 0; i < 36; i++) {
        for (let j = 0; j < series.length; j++) await series[(i + j) % series.length]!();
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const medians = [median(known), median(unknown), median(locked)];
      expect((Math.max(...medians) - Math.min(...medians)) / Math.max(...medians)).toBeLessThan(0.2);
    } finally {
      await timing.close();
    }
  });
});

/** Counts the argon2id computations the service makes (hashes and verifications) until restored. */
function countHashes(on: Harness) {
  const hasher = on.service.deps.hasher;
  const original = { ...hasher };
  let n = 0;
  hasher.hash = async (password) => (n++, original.hash(password));
  hasher.verify = async (hash, password) => (n++, original.verify(hash, password));
  hasher.verifyDummy = async (password) => (n++, original.verifyDummy(password));
  return { count: () => n, restore: () => Object.assign(hasher, original) };
}

/** A GraphQL call as the gateway forwards it for a client at `clientIp`. */
async function callFrom<T>(on: Harness, clientIp: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(on.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [IDENTITY_HEADER]: signIdentity(
        { principal: { kind: 'anonymous' }, requestId: randomUUID(), clientIp, audience: 'users' },
        TEST_SECRET,
      ),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] },
  };
}

describe('credential checks per request', () => {
  const aliased = (n: number) =>
    `mutation($i: CustomerLoginInput!) { ${Array.from({ length: n }, (_, k) => `l${k}: customerLogin(input: $i) { accessToken userErrors { code } }`).join(' ')} }`;

  it('When thirty aliased customerLogins come in one request, then the request is refused before any runs: no hash, no failure counted', async () => {
    const { email } = await registerCustomer(h);
    const hashes = countHashes(h);
    try {
      const res = await call(h, aliased(30), { i: { email, password: 'wrong-password-attempt' } });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.extensions?.code).toBe('TOO_MANY_CREDENTIAL_CHECKS');
      expect(hashes.count()).toBe(0);
    } finally {
      hashes.restore();
    }
    // Nothing was counted against the account: three failures would have locked it.
    expect((await loginCustomer(h, email)).accessToken).toBeTruthy();
  });

  it('When two different credential mutations hide in fragments, then the request is refused too; one alone runs', async () => {
    const hashes = countHashes(h);
    try {
      const res = await call(
        h,
        `mutation($i: CustomerLoginInput!, $r: CustomerRegisterInput!) { ...Both }
         fragment Both on Mutation { customerLogin(input: $i) { accessToken } ... on Mutation { customerRegister(input: $r) { userErrors { code } } } }`,
        {
          i: { email: uniqueEmail(), password: 'wrong-password-attempt' },
          r: { email: uniqueEmail(), password: STRONG_PASSWORD },
        },
      );
      expect(res.status).toBe(400);
      expect(res.body.errors![0]!.extensions?.code).toBe('TOO_MANY_CREDENTIAL_CHECKS');
      expect(hashes.count()).toBe(0);
    } finally {
      hashes.restore();
    }
    const one = await call<{ l0: { userErrors: { code: string }[] } }>(h, aliased(1), {
      i: { email: uniqueEmail(), password: 'wrong-password-attempt' },
    });
    expect(one.body.data!.l0.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('When a throttled account is tried, then it is refused before argon2 runs, with the answer of a wrong password', async () => {
    const { email } = await registerCustomer(h);
    for (let i = 0; i < 3; i++) await loginCustomer(h, email, 'wrong-password-attempt');
    const hashes = countHashes(h);
    try {
      const locked = await loginCustomer(h, email);
      expect(locked).toEqual({
        accessToken: null,
        expiresAt: null,
        mfaRequired: false,
        customer: null,
        userErrors: [expect.objectContaining({ code: 'INVALID_CREDENTIALS' })],
      });
      expect(hashes.count()).toBe(0);
    } finally {
      hashes.restore();
    }
  });
});

describe('registration without enumeration', () => {
  const register = (on: Harness, email: string, ip = '127.0.0.1') =>
    callFrom<{ customerRegister: { customer: unknown; userErrors: { code: string }[] } }>(on, ip, REGISTER, {
      input: { email, password: STRONG_PASSWORD, firstName: 'Ada', lastName: 'Lovelace' },
    });

  it('When a new and a taken address register, then both get the same answer, and the owner of the taken one is emailed', async () => {
    const email = uniqueEmail('owner');
    const fresh = await register(h, email);
    const taken = await register(h, email.toUpperCase());
    expect(fresh).toEqual({
      status: 200,
      body: { data: { customerRegister: { customer: null, userErrors: [] } } },
    });
    expect(taken).toEqual(fresh);
    const { rows } = await h.db.db.query('SELECT id FROM customers WHERE email = $1', [email]);
    expect(rows).toHaveLength(1);
    await eventually(() => (mailTo(email).length >= 2 ? true : undefined));
    expect(
      mailTo(email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(['Confirm your email address', 'You already have an account']);
  });

  it('When new and taken addresses register in turn, then the median times are within 25%', async () => {
    const timing = await startUsers();
    try {
      const taken = (await registerCustomer(timing)).email;
      const fresh: number[] = [];
      const again: number[] = [];
      const time = async (email: string, into: number[]) => {
        const start = process.hrtime.bigint();
        await register(timing, email);
        into.push(Number(process.hrtime.bigint() - start));
      };
      for (let i = 0; i < 20; i++) {
        await time(uniqueEmail('new'), fresh);
        await time(taken, again);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[10]!;
      const [f, a] = [median(fresh), median(again)];
      expect(Math.abs(f - a) / Math.max(f, a)).toBeLessThan(0.25);
    } finally {
      await timing.close();
    }
  });

  it('When one client address registers past its limit, then THROTTLED before any hash, and another address still registers', async () => {
    const limited = await startUsers({ REGISTER_IP_MAX_ATTEMPTS: '3' });
    try {
      for (let i = 0; i < 3; i++) {
        expect(
          (await register(limited, uniqueEmail(), '10.1.1.1')).body.data!.customerRegister.userErrors,
        ).toEqual([]);
      }
      const hashes = countHashes(limited);
      const email = uniqueEmail('fourth');
      const refused = await register(limited, email, '10.1.1.1');
      expect(refused.body.data!.customerRegister.userErrors.map((e) => e.code)).toEqual(['THROTTLED']);
      expect(hashes.count()).toBe(0);
      hashes.restore();
      expect(
        (await limited.db.db.query('SELECT 1 FROM customers WHERE email = $1', [email])).rows,
      ).toHaveLength(0);
      expect((await register(limited, email, '10.2.2.2')).body.data!.customerRegister.userErrors).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});

describe('account email limits', () => {
  const RESET = `mutation($e: String!) { customerPasswordResetRequest(email: $e) { userErrors { code } } }`;
  const reset = (on: Harness, email: string, ip: string) =>
    callFrom<{ customerPasswordResetRequest: { userErrors: { code: string }[] } }>(on, ip, RESET, {
      e: email,
    });
  const codes = (res: Awaited<ReturnType<typeof reset>>) =>
    res.body.data!.customerPasswordResetRequest.userErrors.map((e) => e.code);

  let mailer: Harness;
  beforeAll(async () => {
    mailer = await startUsers({ ACCOUNT_EMAIL_ADDRESS_MAX: '2', ACCOUNT_EMAIL_IP_MAX: '4' });
  });
  afterAll(async () => mailer?.close());

  it('When password resets for one address pass its limit, then THROTTLED, the same for a registered and an unknown address', async () => {
    for (const email of [uniqueEmail('nobody'), uniqueEmail('nobody')]) {
      expect(codes(await reset(mailer, email, '10.3.0.1'))).toEqual([]);
      expect(codes(await reset(mailer, email, '10.3.0.2'))).toEqual([]);
      expect(codes(await reset(mailer, email, '10.3.0.3'))).toEqual(['THROTTLED']);
    }
  });

  it('When one client address asks for resets past its limit, then THROTTLED, and other addresses still may', async () => {
    for (let i = 0; i < 4; i++) expect(codes(await reset(mailer, uniqueEmail(), '10.4.0.1'))).toEqual([]);
    expect(codes(await reset(mailer, uniqueEmail(), '10.4.0.1'))).toEqual(['THROTTLED']);
    expect(codes(await reset(mailer, uniqueEmail(), '10.4.0.2'))).toEqual([]);
  });

  it('When a shopper asks for the verification email again and again, then it is sent up to the limit, then THROTTLED', async () => {
    const s = await signedInCustomer(mailer);
    const SEND = `mutation { customerEmailVerificationSend { userErrors { code } } }`;
    // Registration sent the first; one more is allowed.
    const sent = await call<{ customerEmailVerificationSend: { userErrors: { code: string }[] } }>(
      mailer,
      SEND,
      {},
      s.principal,
    );
    expect(sent.body.data!.customerEmailVerificationSend.userErrors).toEqual([]);
    const refused = await call<{ customerEmailVerificationSend: { userErrors: { code: string }[] } }>(
      mailer,
      SEND,
      {},
      s.principal,
    );
    expect(refused.body.data!.customerEmailVerificationSend.userErrors.map((e) => e.code)).toEqual([
      'THROTTLED',
    ]);
  });
});

describe('sessions', () => {
  const SESSIONS = `{ customerSessions { id device current createdAt lastSeenAt expiresAt } }`;
  const REVOKE = `mutation($id: ID!) { customerSessionRevoke(id: $id) { revokedSessionId userErrors { code } } }`;

  it('When a shopper lists sessions and revokes one, then it stops working on the next request', async () => {
    const s = await signedInCustomer(h);
    const phone = await loginCustomer(h, s.email, STRONG_PASSWORD, { deviceName: 'Phone' });
    const list = await call<{ customerSessions: { id: string; device: string | null; current: boolean }[] }>(
      h,
      SESSIONS,
      {},
      s.principal,
    );
    const sessions = list.body.data!.customerSessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.find((x) => x.current)!.device).toBeNull();
    const other = sessions.find((x) => !x.current)!;
    expect(other.device).toBe('Phone');
    const res = await call<{ customerSessionRevoke: { revokedSessionId: string } }>(
      h,
      REVOKE,
      { id: other.id },
      s.principal,
    );
    expect(res.body.data!.customerSessionRevoke.revokedSessionId).toBe(other.id);
    expect(await h.service.deps.sessions.resolve(phone.accessToken!)).toBeNull();
    expect(await h.service.deps.sessions.resolve(s.token)).not.toBeNull();
  });

  it("When a shopper revokes another shopper's session or a missing one, then FORBIDDEN and it stays", async () => {
    const victim = await signedInCustomer(h);
    const attacker = await signedInCustomer(h);
    for (const id of [
      victim.principal.kind === 'customer' ? victim.principal.sessionId : '',
      'f'.repeat(64),
      'junk',
    ]) {
      const res = await call(h, REVOKE, { id }, attacker.principal);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await h.service.deps.sessions.resolve(victim.token)).not.toBeNull();
  });

  it('When the password changes, then every old session ends and a new token works', async () => {
    const s = await signedInCustomer(h);
    const second = await loginCustomer(h, s.email);
    const CHANGE = `mutation($c: String!, $n: String!) { customerPasswordChange(currentPassword: $c, newPassword: $n) { accessToken userErrors { code field } } }`;
    const wrong = await call<{
      customerPasswordChange: { accessToken: null; userErrors: { code: string }[] };
    }>(h, CHANGE, { c: 'not-the-password', n: 'brand-new-passphrase-9' }, s.principal);
    expect(wrong.body.data!.customerPasswordChange.userErrors.map((e) => e.code)).toEqual([
      'INVALID_CURRENT_PASSWORD',
    ]);
    const common = await call<{ customerPasswordChange: { userErrors: { code: string }[] } }>(
      h,
      CHANGE,
      { c: STRONG_PASSWORD, n: 'password123456' },
      s.principal,
    );
    expect(common.body.data!.customerPasswordChange.userErrors.map((e) => e.code)).toEqual([
      'PASSWORD_TOO_COMMON',
    ]);
    const ok = await call<{ customerPasswordChange: { accessToken: string } }>(
      h,
      CHANGE,
      { c: STRONG_PASSWORD, n: 'brand-new-passphrase-9' },
      s.principal,
    );
    const token = ok.body.data!.customerPasswordChange.accessToken;
    expect(await h.service.deps.sessions.resolve(s.token)).toBeNull();
    expect(await h.service.deps.sessions.resolve(second.accessToken!)).toBeNull();
    expect(await h.service.deps.sessions.resolve(token)).toMatchObject({ customerId: s.id });
    expect((await loginCustomer(h, s.email)).accessToken).toBeNull();
    expect((await loginCustomer(h, s.email, 'brand-new-passphrase-9')).accessToken).toBeTruthy();
  });
});

describe('email verification and password reset', () => {
  const VERIFY = `mutation($t: String!) { customerEmailVerify(token: $t) { customer { emailVerified } userErrors { code } } }`;
  const RESET = `mutation($t: String!, $p: String!) { customerPasswordReset(token: $t, newPassword: $p) { customer { id } userErrors { code } } }`;
  const REQUEST = `mutation($e: String!) { customerPasswordResetRequest(email: $e) { userErrors { code } } }`;

  it('When a shopper registers, then a verification email arrives whose token works once; the token is stored hashed', async () => {
    const { email } = await registerCustomer(h);
    const mail = await eventually(() => mailTo(email).find((m) => m.subject.includes('Confirm')));
    const token = tokenIn(mail.text);
    const { rows } = await h.db.db.query<{ token_hash: string }>(
      `SELECT token_hash FROM account_tokens WHERE email = $1`,
      [email],
    );
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    const first = await call<{ customerEmailVerify: { customer: { emailVerified: boolean } } }>(h, VERIFY, {
      t: token,
    });
    expect(first.body.data!.customerEmailVerify.customer.emailVerified).toBe(true);
    const again = await call<{ customerEmailVerify: { userErrors: { code: string }[] } }>(h, VERIFY, {
      t: token,
    });
    expect(again.body.data!.customerEmailVerify.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN']);
  });

  it('When a reset is asked for a registered and an unknown email, then the answer is the same and only the registered gets mail', async () => {
    const { email } = await registerCustomer(h);
    const ghost = uniqueEmail('ghost');
    const known = await call(h, REQUEST, { e: email });
    const unknown = await call(h, REQUEST, { e: ghost });
    expect(known.body).toEqual(unknown.body);
    expect(known.body).toEqual({ data: { customerPasswordResetRequest: { userErrors: [] } } });
    await eventually(() => mailTo(email).find((m) => m.subject.includes('Reset')));
    expect(mailTo(ghost)).toEqual([]);
  });

  it('When a reset token is used, then it works once, ends every session, and an expired one never works', async () => {
    const s = await signedInCustomer(h);
    await call(h, REQUEST, { e: s.email });
    const mail = await eventually(() => mailTo(s.email).find((m) => m.subject.includes('Reset')));
    const token = tokenIn(mail.text);
    const weak = await call<{ customerPasswordReset: { userErrors: { code: string }[] } }>(h, RESET, {
      t: token,
      p: 'short',
    });
    expect(weak.body.data!.customerPasswordReset.userErrors.map((e) => e.code)).toEqual([
      'PASSWORD_TOO_SHORT',
    ]);
    const ok = await call<{ customerPasswordReset: { customer: { id: string } } }>(h, RESET, {
      t: token,
      p: 'second-garden-umbrella-5',
    });
    expect(ok.body.data!.customerPasswordReset.customer.id).toBe(s.id);
    expect(await h.service.deps.sessions.resolve(s.token)).toBeNull();
    const reuse = await call<{ customerPasswordReset: { userErrors: { code: string }[] } }>(h, RESET, {
      t: token,
      p: 'third-garden-umbrella-6',
    });
    expect(reuse.body.data!.customerPasswordReset.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN']);

    await call(h, REQUEST, { e: s.email });
    const later = await eventually(() => {
      const all = mailTo(s.email).filter((m) => m.subject.includes('Reset'));
      return all.length >= 2 ? all[all.length - 1] : undefined;
    });
    h.clock.now += 16 * 60 * 1000;
    const expired = await call<{ customerPasswordReset: { userErrors: { code: string }[] } }>(h, RESET, {
      t: tokenIn(later.text),
      p: 'fourth-garden-umbrella-7',
    });
    expect(expired.body.data!.customerPasswordReset.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN']);
  });
});

describe('email change and verification resend', () => {
  const UPDATE = `mutation($p: String!, $e: String!) { customerEmailUpdate(currentPassword: $p, email: $e) {
    customer { email emailVerified } accessToken userErrors { code field } } }`;

  it('When a signed-in shopper tries address after address, then past the cap the answer is THROTTLED, taken or not', async () => {
    const s = await signedInCustomer(h);
    const taken = await Promise.all([1, 2, 3, 4, 5, 6].map(() => registerCustomer(h)));
    const codes: string[][] = [];
    for (const t of taken) {
      const res = await call<{ customerEmailUpdate: { userErrors: { code: string }[] } }>(
        h,
        UPDATE,
        { p: STRONG_PASSWORD, e: t.email },
        s.principal,
      );
      codes.push(res.body.data!.customerEmailUpdate.userErrors.map((e) => e.code));
    }
    // ACCOUNT_EMAIL_ADDRESS_MAX (5) changes per account per window: the sixth tells nothing of the address.
    expect(codes).toEqual([...Array(5).fill(['EMAIL_TAKEN']), ['THROTTLED']]);
    const free = await call<{ customerEmailUpdate: { userErrors: { code: string }[] } }>(
      h,
      UPDATE,
      { p: STRONG_PASSWORD, e: uniqueEmail('free') },
      s.principal,
    );
    expect(free.body.data!.customerEmailUpdate.userErrors.map((e) => e.code)).toEqual(['THROTTLED']);
  });

  it('When a shopper changes email with the password, then the new address must be confirmed, the old is told and sessions are replaced', async () => {
    const s = await signedInCustomer(h);
    const taken = await registerCustomer(h);
    const wrong = await call<{ customerEmailUpdate: { userErrors: { code: string }[] } }>(
      h,
      UPDATE,
      { p: 'not-the-password', e: uniqueEmail() },
      s.principal,
    );
    expect(wrong.body.data!.customerEmailUpdate.userErrors.map((e) => e.code)).toEqual([
      'INVALID_CURRENT_PASSWORD',
    ]);
    const dup = await call<{ customerEmailUpdate: { userErrors: { code: string }[] } }>(
      h,
      UPDATE,
      { p: STRONG_PASSWORD, e: taken.email.toUpperCase() },
      s.principal,
    );
    expect(dup.body.data!.customerEmailUpdate.userErrors.map((e) => e.code)).toEqual(['EMAIL_TAKEN']);
    const next = uniqueEmail('moved');
    const ok = await call<{
      customerEmailUpdate: { customer: { email: string; emailVerified: boolean }; accessToken: string };
    }>(h, UPDATE, { p: STRONG_PASSWORD, e: next }, s.principal);
    expect(ok.body.data!.customerEmailUpdate.customer).toEqual({ email: next, emailVerified: false });
    expect(await h.service.deps.sessions.resolve(s.token)).toBeNull();
    expect(
      await h.service.deps.sessions.resolve(ok.body.data!.customerEmailUpdate.accessToken),
    ).not.toBeNull();
    expect(mailTo(s.email).some((m) => m.subject.includes('changed'))).toBe(true);
    const confirm = await eventually(() => mailTo(next).find((m) => m.subject.includes('Confirm')));
    expect(confirm.text).toContain('expires in 15 minutes');
    expect((await loginCustomer(h, next)).accessToken).toBeTruthy();
  });

  it('When a shopper asks for the verification email again, then the new token works and the older one no longer does', async () => {
    const s = await signedInCustomer(h);
    const firstMail = await eventually(() => mailTo(s.email).find((m) => m.subject.includes('Confirm')));
    const SEND = `mutation { customerEmailVerificationSend { userErrors { code } } }`;
    const sent = await call<{ customerEmailVerificationSend: { userErrors: unknown[] } }>(
      h,
      SEND,
      {},
      s.principal,
    );
    expect(sent.body.data!.customerEmailVerificationSend.userErrors).toEqual([]);
    const mails = await eventually(() => {
      const all = mailTo(s.email).filter((m) => m.subject.includes('Confirm'));
      return all.length >= 2 ? all : undefined;
    });
    const VERIFY = `mutation($t: String!) { customerEmailVerify(token: $t) { customer { emailVerified } userErrors { code } } }`;
    const old = await call<{ customerEmailVerify: { userErrors: { code: string }[] } }>(h, VERIFY, {
      t: tokenIn(firstMail.text),
    });
    expect(old.body.data!.customerEmailVerify.userErrors.map((e) => e.code)).toEqual(['INVALID_TOKEN']);
    const fresh = await call<{ customerEmailVerify: { customer: { emailVerified: boolean } } }>(h, VERIFY, {
      t: tokenIn(mails[mails.length - 1]!.text),
    });
    expect(fresh.body.data!.customerEmailVerify.customer.emailVerified).toBe(true);
    const again = await call<{ customerEmailVerificationSend: { userErrors: { code: string }[] } }>(
      h,
      SEND,
      {},
      s.principal,
    );
    expect(again.body.data!.customerEmailVerificationSend.userErrors.map((e) => e.code)).toEqual([
      'ALREADY_VERIFIED',
    ]);
  });
});

describe('privacy', () => {
  it('When a shopper exports their data, then it holds the profile, addresses and sessions but no secret', async () => {
    const s = await signedInCustomer(h);
    await call(
      h,
      `mutation($a: MailingAddressInput!) { customerAddressCreate(address: $a) { userErrors { code } } }`,
      { a: { address1: '9 Elm Row', city: 'Leeds', zip: 'LS1 1AA', countryCode: 'GB' } },
      s.principal,
    );
    const res = await call<{ customerDataExport: { json: string } }>(
      h,
      `{ customerDataExport { generatedAt json } }`,
      {},
      s.principal,
    );
    const json = res.body.data!.customerDataExport.json;
    const doc = JSON.parse(json) as {
      customer: { email: string };
      addresses: { city: string }[];
      sessions: unknown[];
    };
    expect(doc.customer.email).toBe(s.email);
    expect(doc.addresses.map((a) => a.city)).toEqual(['Leeds']);
    expect(doc.sessions).toHaveLength(1);
    expect(json).not.toMatch(/argon2|password|secret_enc|token/i);
  });

  it('When a shopper deletes the account with the password, then the row, addresses and sessions are gone', async () => {
    const s = await signedInCustomer(h);
    const DELETE = `mutation($p: String!) { customerDelete(currentPassword: $p) { deletedCustomerId userErrors { code } } }`;
    const wrong = await call<{ customerDelete: { userErrors: { code: string }[] } }>(
      h,
      DELETE,
      { p: 'wrong-password-given' },
      s.principal,
    );
    expect(wrong.body.data!.customerDelete.userErrors.map((e) => e.code)).toEqual([
      'INVALID_CURRENT_PASSWORD',
    ]);
    const ok = await call<{ customerDelete: { deletedCustomerId: string } }>(
      h,
      DELETE,
      { p: STRONG_PASSWORD },
      s.principal,
    );
    expect(ok.body.data!.customerDelete.deletedCustomerId).toBe(s.id);
    expect((await h.db.db.query('SELECT 1 FROM customers WHERE id = $1', [s.id])).rows).toHaveLength(0);
    expect(await h.service.deps.sessions.resolve(s.token)).toBeNull();
    const { rows } = await h.db.db.query<{ payload: { customerId: string } }>(
      `SELECT payload FROM outbox_events WHERE topic = 'customer.deleted'`,
    );
    expect(rows.map((r) => r.payload.customerId)).toContain(s.id);
    expect((await loginCustomer(h, s.email)).accessToken).toBeNull();
  });
});

describe('partner API keys', () => {
  const CREATE = `mutation($n: String!, $s: [String!]!, $c: String = "erp") { apiKeyCreate(name: $n, scopes: $s, clientName: $c) { key apiKey { id name scopes prefix } userErrors { code } } }`;
  const REVOKE = `mutation($id: ID!) { apiKeyRevoke(id: $id) { apiKey { revokedAt } userErrors { code } } }`;
  const resolveKey = (key: string, principal = service('gateway')) =>
    fetch(h.url.replace('/graphql', '/internal/api-keys/resolve'), {
      method: 'POST',
      headers: identityHeaders(principal, 'users'),
      body: JSON.stringify({ key }),
    });

  it('When an admin creates a key, then it is shown once, stored hashed, resolves to the partner, and stops after revocation', async () => {
    const res = await call<{ apiKeyCreate: { key: string; apiKey: { id: string; prefix: string } } }>(
      h,
      CREATE,
      { n: 'ERP', s: ['orders:read', 'catalog:read'] },
      admin(),
    );
    const { key, apiKey } = res.body.data!.apiKeyCreate;
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const { rows } = await h.db.db.query<{ key_hash: string }>(
      'SELECT key_hash FROM api_keys WHERE id = $1',
      [apiKey.id],
    );
    expect(rows[0]!.key_hash).not.toContain(key);
    const resolved = await resolveKey(key);
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toEqual({
      partnerId: apiKey.id,
      scopes: ['orders:read', 'catalog:read'],
      clientName: 'erp',
      safelistOnly: true,
      costPerSecond: null,
    });
    expect((await resolveKey(key + 'x')).status).toBe(404);
    expect((await resolveKey(key, customer())).status).toBe(403);
    // Only the gateway resolves keys: another service is refused, and so is an identity meant for another service.
    expect((await resolveKey(key, service('orders'))).status).toBe(403);
    const misdirected = await fetch(h.url.replace('/graphql', '/internal/api-keys/resolve'), {
      method: 'POST',
      headers: identityHeaders(service('gateway'), 'catalog'),
      body: JSON.stringify({ key }),
    });
    expect(misdirected.status).toBe(401);
    const list = await call<{ apiKeys: { id: string }[] }>(h, `{ apiKeys { id name } }`, {}, admin());
    expect(list.body.data!.apiKeys.map((k) => k.id)).toContain(apiKey.id);
    // The gateway caches a resolved key under shop:apikey:<sha256>; revocation clears it.
    const gatewayCache = createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: 'shop:' });
    const cacheKey = `apikey:${createHash('sha256').update(key).digest('hex')}`;
    await gatewayCache.set(cacheKey, { kind: 'partner', partnerId: apiKey.id, scopes: [] }, 60);
    await call(h, REVOKE, { id: apiKey.id }, admin());
    expect(await gatewayCache.get(cacheKey)).toBeUndefined();
    await gatewayCache.close();
    expect((await resolveKey(key)).status).toBe(404);
  });

  it('When a shopper creates or lists keys, then FORBIDDEN; bad scopes are a userError', async () => {
    expect(
      (await call(h, CREATE, { n: 'x', s: ['orders:read'] }, customer())).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await call(h, `{ apiKeys { id } }`, {}, customer())).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const bad = await call<{ apiKeyCreate: { key: null; userErrors: { code: string }[] } }>(
      h,
      CREATE,
      { n: 'x', s: ['everything'] },
      admin(),
    );
    expect(bad.body.data!.apiKeyCreate).toEqual({
      key: null,
      apiKey: null,
      userErrors: [{ code: 'INVALID_SCOPES' }],
    });
  });
});

describe('cross-shopper access', () => {
  it('When a shopper or a partner reads what is not theirs, then every read is refused', async () => {
    const owner = await signedInCustomer(h);
    const intruder = await signedInCustomer(h);
    const partner = { kind: 'partner' as const, partnerId: randomUUID(), scopes: ['orders:read'] };
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }`;
    for (const principal of [intruder.principal, partner, sessionPrincipal(randomUUID(), 'x'.repeat(43))]) {
      for (const id of [owner.id, randomUUID()]) {
        const res = await call(h, ENTITIES, { r: [{ __typename: 'Customer', id }] }, principal);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
    for (const query of ['{ customerSessions { id } }', '{ customerDataExport { json } }']) {
      expect((await call(h, query, {}, partner)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
