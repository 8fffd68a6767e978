import { createHash } from 'node:crypto';
import { migrate, OUTBOX_MIGRATIONS, loadMigrations } from '@shop/datastores';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { join } from 'node:path';
import { addressesRepo, customersRepo, EmailTakenError } from '../src/data/customers';
import { apiKeysRepo, tokensRepo } from '../src/data/security';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('users_repo');
  await migrate(t.db, [...OUTBOX_MIGRATIONS, ...loadMigrations(join(__dirname, '..', 'migrations'))]);
});
afterAll(async () => t?.drop());

let n = 0;
const newCustomer = (email = `repo${++n}@example.com`) =>
  customersRepo.insert(t.db, {
    email,
    passwordHash: '$argon2id$fake',
    firstName: null,
    lastName: null,
    role: 'CUSTOMER',
  });

describe('customers repository (Postgres)', () => {
  it('When two rows differ only in case or spaces of the email, then the unique index refuses the second', async () => {
    await newCustomer('dup@example.com');
    await expect(newCustomer('DUP@example.com')).rejects.toBeInstanceOf(EmailTakenError);
    await expect(newCustomer(' dup@example.com')).rejects.toBeInstanceOf(EmailTakenError);
    expect((await customersRepo.byEmail(t.db, 'dup@example.com'))?.email).toBe('dup@example.com');
  });

  it('When customers are read by ids, then unknown ids are left out and rows parse to domain objects', async () => {
    const a = await newCustomer();
    const b = await newCustomer();
    const rows = await customersRepo.byIds(t.db, [a.id, b.id, '00000000-0000-4000-8000-000000000000']);
    expect(rows.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(rows[0]).toMatchObject({ role: 'CUSTOMER', mfaSecretEnc: null, mfaLastUsedStep: null });
    expect(Date.parse(rows[0]!.createdAt)).not.toBeNaN();
  });

  it('When ten transactions race to consume one TOTP step, then exactly one wins and older steps lose after it', async () => {
    const c = await newCustomer();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => customersRepo.consumeTotpStep(t.db, c.id, 1000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await customersRepo.consumeTotpStep(t.db, c.id, 999)).toBe(false);
    expect(await customersRepo.consumeTotpStep(t.db, c.id, 1001)).toBe(true);
  });

  it('When a recovery code is used concurrently, then only one use succeeds', async () => {
    const c = await newCustomer();
    await customersRepo.replaceRecoveryCodes(t.db, c.id, ['h1', 'h2']);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => customersRepo.useRecoveryCode(t.db, c.id, 'h1')),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await customersRepo.unusedRecoveryCodeCount(t.db, c.id)).toBe(1);
  });

  it('When a customer is deleted, then addresses, tokens and recovery codes go with it', async () => {
    const c = await newCustomer();
    await addressesRepo.insert(t.db, c.id, {
      firstName: null,
      lastName: null,
      address1: '1 A St',
      address2: null,
      city: 'X',
      province: null,
      zip: '1',
      countryCode: 'US',
      phone: null,
    });
    await tokensRepo.insert(t.db, {
      tokenHash: `del-${c.id}`,
      customerId: c.id,
      purpose: 'VERIFY_EMAIL',
      email: c.email,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await customersRepo.replaceRecoveryCodes(t.db, c.id, ['x']);
    expect(await customersRepo.delete(t.db, c.id)).toBe(true);
    for (const table of ['customer_addresses', 'account_tokens', 'mfa_recovery_codes']) {
      const { rows } = await t.db.query(`SELECT 1 FROM ${table} WHERE customer_id = $1`, [c.id]);
      expect(rows).toHaveLength(0);
    }
  });
});

describe('addresses repository (Postgres)', () => {
  const fields = {
    firstName: null,
    lastName: null,
    address1: '1 A St',
    address2: null,
    city: 'X',
    province: null,
    zip: '1',
    countryCode: 'US',
    phone: null,
  };

  it('When defaults are set back and forth, then at most one address is the default', async () => {
    const c = await newCustomer();
    const a = await addressesRepo.insert(t.db, c.id, fields);
    const b = await addressesRepo.insert(t.db, c.id, fields);
    await t.db.transaction((tx) => addressesRepo.setDefault(tx, a.id, c.id));
    await t.db.transaction((tx) => addressesRepo.setDefault(tx, b.id, c.id));
    const rows = await addressesRepo.forCustomers(t.db, [c.id]);
    expect(rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([b.id]);
    await expect(
      t.db.query('UPDATE customer_addresses SET is_default = true WHERE id = $1', [a.id]),
    ).rejects.toThrow();
  });

  it('When another customer id is given, then update and delete touch nothing', async () => {
    const owner = await newCustomer();
    const other = await newCustomer();
    const a = await addressesRepo.insert(t.db, owner.id, fields);
    expect(await addressesRepo.update(t.db, a.id, other.id, { ...fields, city: 'Y' })).toBeNull();
    expect(await addressesRepo.delete(t.db, a.id, other.id)).toBe(false);
    expect((await addressesRepo.byId(t.db, a.id))?.city).toBe('X');
  });

  it('When a country code is not two capitals, then the database refuses it too', async () => {
    const c = await newCustomer();
    await expect(addressesRepo.insert(t.db, c.id, { ...fields, countryCode: 'usa' })).rejects.toThrow();
  });
});

describe('tokens and API keys repositories (Postgres)', () => {
  it('When a token is consumed twice or after expiry, then only the first live use returns its owner', async () => {
    const c = await newCustomer();
    const now = new Date();
    await tokensRepo.insert(t.db, {
      tokenHash: 'live',
      customerId: c.id,
      purpose: 'RESET_PASSWORD',
      email: c.email,
      expiresAt: new Date(now.getTime() + 60_000),
    });
    await tokensRepo.insert(t.db, {
      tokenHash: 'old',
      customerId: c.id,
      purpose: 'RESET_PASSWORD',
      email: c.email,
      expiresAt: new Date(now.getTime() - 1),
    });
    expect(await tokensRepo.consume(t.db, 'live', 'VERIFY_EMAIL', now)).toBeNull();
    expect(await tokensRepo.consume(t.db, 'live', 'RESET_PASSWORD', now)).toEqual({
      customerId: c.id,
      email: c.email,
    });
    expect(await tokensRepo.consume(t.db, 'live', 'RESET_PASSWORD', now)).toBeNull();
    expect(await tokensRepo.consume(t.db, 'old', 'RESET_PASSWORD', now)).toBeNull();
  });

  it('When an API key is revoked, then its hash no longer resolves', async () => {
    const keyHash = createHash('sha256').update('shk_secret').digest('hex');
    const key = await apiKeysRepo.insert(t.db, {
      name: 'Partner',
      keyHash,
      prefix: 'shk_se',
      scopes: ['orders:read'],
      createdBy: null,
    });
    expect((await apiKeysRepo.resolve(t.db, keyHash))?.id).toBe(key.id);
    const revoked = await apiKeysRepo.revoke(t.db, key.id);
    expect(revoked?.apiKey.revokedAt).not.toBeNull();
    expect(revoked?.keyHash).toBe(keyHash);
    expect(await apiKeysRepo.resolve(t.db, keyHash)).toBeNull();
  });
});
