import { randomUUID } from 'node:crypto';
import { gql } from '@shop/testkit';
import { admin, service, testLogger, testRedisUrl } from '@shop/testkit';
import { DEFAULT_SESSION_POLICY, hashToken, SessionStore } from '@shop/auth';
import { createCache, createDynamo } from '@shop/datastores';
import type { DomainEvent } from '@shop/datastores';
import { DEMO_ADMIN_PASSWORD } from '../src/config';
import {
  asCustomer,
  call,
  LOGIN,
  loginCustomer,
  REGISTER,
  registerCustomer,
  sessionPrincipal,
  signedInCustomer,
  startUsers,
  tableOf,
  STRONG_PASSWORD,
  uniqueEmail,
  type Harness,
  type LoginData,
  type RegisterData,
} from './helpers';

const ME = `{ me { id email firstName lastName role mfaEnabled createdAt addresses { id city } defaultAddress { id } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email role } } }`;

let h: Harness;
const events: DomainEvent[] = [];

beforeAll(async () => {
  h = await startUsers();
  h.bus.subscribe('test', ['customer.registered'], async (event) => {
    events.push(event);
  });
});
afterAll(async () => h?.close());

describe('registration', () => {
  it('When a shopper registers, then the customer exists with a normalised email and customer.registered is published', async () => {
    const email = uniqueEmail('Mixed.Case');
    const res = await call<RegisterData>(h, REGISTER, {
      input: {
        email: `  ${email.toUpperCase()} `,
        password: STRONG_PASSWORD,
        firstName: ' Ada ',
        lastName: 'Lovelace',
      },
    });
    // The answer names no account (a taken address answers the same); the account is the event's.
    expect(res.body.data!.customerRegister).toEqual({ customer: null, userErrors: [] });
    await waitFor(() => events.some((e) => e.payload.email === email.toLowerCase()));
    const id = events.find((e) => e.payload.email === email.toLowerCase())!.payload.customerId as string;
    const me = await call<{ me: Record<string, unknown> }>(
      h,
      '{ me { id email firstName role mfaEnabled emailVerified } }',
      {},
      asCustomer(id),
    );
    expect(me.body.data!.me).toMatchObject({
      id,
      email: email.toLowerCase(),
      firstName: 'Ada',
      role: 'CUSTOMER',
      mfaEnabled: false,
      emailVerified: false,
    });
    expect(events.find((e) => e.payload.customerId === id)!.payload).toEqual({
      customerId: id,
      email: email.toLowerCase(),
    });
  });

  it('When the same email registers again in another case, then it answers as for a new address and nothing is written', async () => {
    const { email } = await registerCustomer(h);
    const before = await h.db.db.query<{ n: string }>('SELECT count(*) AS n FROM customers');
    const res = await call<RegisterData>(h, REGISTER, {
      input: { email: email.toUpperCase(), password: STRONG_PASSWORD },
    });
    expect(res.body.data!.customerRegister).toEqual({ customer: null, userErrors: [] });
    const after = await h.db.db.query<{ n: string }>('SELECT count(*) AS n FROM customers');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'INVALID_EMAIL'],
    ['a short password', { password: 'short' }, 'PASSWORD_TOO_SHORT'],
    ['a long password', { password: 'p'.repeat(129) }, 'PASSWORD_TOO_LONG'],
    ['a common password', { password: 'Password1234' }, 'PASSWORD_TOO_COMMON'],
    ['an oversized name', { firstName: 'n'.repeat(101) }, 'TOO_LONG'],
    ['an oversized email', { email: `${'a'.repeat(300)}@example.com` }, 'TOO_LONG'],
    ['an SQL-injection email', { email: "x' OR '1'='1'; DROP TABLE customers; --" }, 'INVALID_EMAIL'],
  ])(
    'When registering with %s, then a userError says so and no row is written',
    async (_label, override, code) => {
      const email = uniqueEmail();
      const res = await call<RegisterData>(h, REGISTER, {
        input: { email, password: STRONG_PASSWORD, ...override },
      });
      expect(res.status).toBe(200);
      expect(res.body.data!.customerRegister.customer).toBeNull();
      expect(res.body.data!.customerRegister.userErrors.map((e) => e.code)).toContain(code);
      const { rows } = await h.db.db.query('SELECT 1 FROM customers WHERE email = $1', [email]);
      expect(rows).toHaveLength(0);
    },
  );

  it('When an injection-shaped name is given, then it is stored as plain text', async () => {
    const name = "Robert'); DROP TABLE customers;--";
    const email = uniqueEmail();
    const res = await call<RegisterData>(h, REGISTER, {
      input: { email, password: STRONG_PASSWORD, firstName: name },
    });
    expect(res.body.data!.customerRegister.userErrors).toEqual([]);
    const { rows } = await h.db.db.query<{ first_name: string }>(
      'SELECT first_name FROM customers WHERE email = $1',
      [email],
    );
    expect(rows[0]!.first_name).toBe(name);
  });
});

describe('login, me and logout', () => {
  it('When a shopper registers, logs in and asks for me, then they get their own account', async () => {
    const { id, email } = await registerCustomer(h);
    const login = await loginCustomer(h, email.toUpperCase());
    expect(login.userErrors).toEqual([]);
    expect(login.mfaRequired).toBe(false);
    expect(login.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(login.expiresAt!)).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(Date.parse(login.expiresAt!)).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 5000);
    const me = await call<{ me: { id: string; email: string } }>(
      h,
      ME,
      {},
      sessionPrincipal(id, login.accessToken!),
    );
    expect(me.body.data!.me).toMatchObject({
      id,
      email,
      role: 'CUSTOMER',
      addresses: [],
      defaultAddress: null,
    });
  });

  it('When rememberMe is set, then the token lives 30 days of inactivity', async () => {
    const { email } = await registerCustomer(h);
    const login = await loginCustomer(h, email, STRONG_PASSWORD, { rememberMe: true });
    expect(Date.parse(login.expiresAt!)).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
  });

  it('When the request is anonymous, then me is null', async () => {
    const res = await call<{ me: null }>(h, ME);
    expect(res.body).toEqual({ data: { me: null } });
  });

  it('When the password is wrong or the email unknown, then the answer is the same', async () => {
    const { email } = await registerCustomer(h);
    const wrong = await loginCustomer(h, email, 'wrong-password-but-long');
    const unknown = await loginCustomer(h, uniqueEmail('nobody'), 'wrong-password-but-long');
    expect(wrong).toEqual(unknown);
    expect(wrong).toEqual({
      accessToken: null,
      expiresAt: null,
      mfaRequired: false,
      customer: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: null, message: 'Incorrect email or password.' }],
    });
  });

  it('When a shopper logs out, then the token stops resolving at once', async () => {
    const s = await signedInCustomer(h);
    expect(await h.service.deps.sessions.resolve(s.token)).toMatchObject({ customerId: s.id });
    const res = await call<{ customerLogout: { success: boolean } }>(
      h,
      `mutation { customerLogout { success userErrors { code } } }`,
      {},
      s.principal,
    );
    expect(res.body.data!.customerLogout).toEqual({ success: true, userErrors: [] });
    expect(await h.service.deps.sessions.resolve(s.token)).toBeNull();
  });

  it('When a shopper logs out, then a gateway that cached the session (same Redis, prefix shop:) refuses the token next', async () => {
    const s = await signedInCustomer(h);
    const { endpoint, prefix } = tableOf(h);
    const dynamo = createDynamo({ endpoint, region: 'us-east-1' });
    const gatewayCache = createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix: 'shop:' });
    const gateway = new SessionStore(dynamo, gatewayCache, prefix, {
      ...DEFAULT_SESSION_POLICY,
      cacheSeconds: 60,
    });
    try {
      expect(await gateway.resolve(s.token)).toMatchObject({ customerId: s.id });
      expect(await gatewayCache.get(`session:${hashToken(s.token)}`)).toBeDefined();
      await call(h, `mutation { customerLogout { success } }`, {}, s.principal);
      expect(await gateway.resolve(s.token)).toBeNull();
    } finally {
      await gatewayCache.close();
      dynamo.client.destroy();
    }
  });

  it('When an anonymous shopper logs out, then UNAUTHENTICATED', async () => {
    const res = await call(h, `mutation { customerLogout { success } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('When the seed admin logs in with the default passphrase, then the role is ADMIN', async () => {
    const login = await loginCustomer(h, 'admin@shop.local', DEMO_ADMIN_PASSWORD);
    expect(login.accessToken).toBeTruthy();
    const { rows } = await h.db.db.query<{ role: string }>(
      `SELECT role FROM customers WHERE email = 'admin@shop.local'`,
    );
    expect(rows).toEqual([{ role: 'ADMIN' }]);
  });
});

describe('addresses', () => {
  const CREATE = `mutation($a: MailingAddressInput!, $d: Boolean) { customerAddressCreate(address: $a, setDefault: $d) {
    customerAddress { id city countryCode } userErrors { code field } } }`;
  const UPDATE = `mutation($id: ID!, $a: MailingAddressInput!) { customerAddressUpdate(id: $id, address: $a) { customerAddress { id city } userErrors { code } } }`;
  const DELETE = `mutation($id: ID!) { customerAddressDelete(id: $id) { deletedCustomerAddressId userErrors { code } } }`;
  const DEFAULT = `mutation($id: ID!) { customerDefaultAddressUpdate(addressId: $id) { customer { defaultAddress { id } } userErrors { code } } }`;
  const address = {
    address1: '1 Main St',
    city: 'Springfield',
    province: 'NY',
    zip: '12345',
    countryCode: 'US',
  };

  it('When a shopper adds addresses, then the first is the default until another is made default', async () => {
    const s = await signedInCustomer(h);
    const first = await call<{ customerAddressCreate: { customerAddress: { id: string } } }>(
      h,
      CREATE,
      { a: address },
      s.principal,
    );
    const second = await call<{ customerAddressCreate: { customerAddress: { id: string } } }>(
      h,
      CREATE,
      { a: { ...address, city: 'Shelbyville', province: 'ON', zip: 'K1A 0B1', countryCode: 'ca' } },
      s.principal,
    );
    const firstId = first.body.data!.customerAddressCreate.customerAddress.id;
    const secondId = second.body.data!.customerAddressCreate.customerAddress.id;
    let me = await call<{ me: { addresses: { id: string }[]; defaultAddress: { id: string } } }>(
      h,
      ME,
      {},
      s.principal,
    );
    expect(me.body.data!.me.addresses.map((a) => a.id)).toEqual([firstId, secondId]);
    expect(me.body.data!.me.defaultAddress.id).toBe(firstId);
    const def = await call<{
      customerDefaultAddressUpdate: { customer: { defaultAddress: { id: string } } };
    }>(h, DEFAULT, { id: secondId }, s.principal);
    expect(def.body.data!.customerDefaultAddressUpdate.customer.defaultAddress.id).toBe(secondId);
    const upd = await call<{ customerAddressUpdate: { customerAddress: { city: string } } }>(
      h,
      UPDATE,
      { id: firstId, a: { ...address, city: 'Capital City' } },
      s.principal,
    );
    expect(upd.body.data!.customerAddressUpdate.customerAddress.city).toBe('Capital City');
    const del = await call<{ customerAddressDelete: { deletedCustomerAddressId: string } }>(
      h,
      DELETE,
      { id: secondId },
      s.principal,
    );
    expect(del.body.data!.customerAddressDelete.deletedCustomerAddressId).toBe(secondId);
    me = await call(h, ME, {}, s.principal);
    expect(me.body.data!.me.addresses.map((a) => a.id)).toEqual([firstId]);
    expect(me.body.data!.me.defaultAddress).toBeNull();
  });

  it('When an address is invalid, then userErrors name each field and nothing is saved', async () => {
    const s = await signedInCustomer(h);
    const res = await call<{
      customerAddressCreate: { customerAddress: null; userErrors: { code: string; field: string[] }[] };
    }>(
      h,
      CREATE,
      {
        a: {
          ...address,
          countryCode: 'ZZ',
          zip: '9'.repeat(30),
          address1: "'; DELETE FROM customer_addresses; --",
        },
      },
      s.principal,
    );
    expect(res.body.data!.customerAddressCreate.customerAddress).toBeNull();
    expect(res.body.data!.customerAddressCreate.userErrors).toEqual([
      { code: 'TOO_LONG', field: ['address', 'zip'] },
      { code: 'INVALID_COUNTRY_CODE', field: ['address', 'countryCode'] },
    ]);
    const me = await call<{ me: { addresses: unknown[] } }>(h, ME, {}, s.principal);
    expect(me.body.data!.me.addresses).toEqual([]);
  });

  it('When a US or Canadian address names no state, an unknown one, or a ZIP code of another state, then INVALID_ADDRESS as at checkout, and a valid one is saved with its ISO 3166-2 code', async () => {
    const s = await signedInCustomer(h);
    const cases: [Record<string, unknown>, string][] = [
      [{ province: null }, 'province'],
      [{ province: 'ZZ' }, 'province'],
      [{ province: 'CA' }, 'zip'],
      [{ province: 'NY', zip: 'ABCDE' }, 'zip'],
      [{ countryCode: 'CA', province: 'NY', zip: 'K1A 0B1' }, 'province'],
    ];
    for (const [change, field] of cases) {
      const res = await call<{
        customerAddressCreate: { customerAddress: null; userErrors: { code: string; field: string[] }[] };
      }>(h, CREATE, { a: { ...address, ...change } }, s.principal);
      expect({ change, ...res.body.data!.customerAddressCreate }).toEqual({
        change,
        customerAddress: null,
        userErrors: [{ code: 'INVALID_ADDRESS', field: ['address', field] }],
      });
    }
    const saved = await call<{ customerAddressCreate: { customerAddress: { id: string } } }>(
      h,
      CREATE,
      { a: { ...address, province: 'us-ny' } },
      s.principal,
    );
    const me = await call<{ me: { addresses: { id: string; province: string }[] } }>(
      h,
      `query { me { addresses { id province } } }`,
      {},
      s.principal,
    );
    expect(me.body.data!.me.addresses).toEqual([
      { id: saved.body.data!.customerAddressCreate.customerAddress.id, province: 'NY' },
    ]);
  });

  it("When a shopper touches another shopper's address or a missing one, then FORBIDDEN alike", async () => {
    const owner = await signedInCustomer(h);
    const other = await signedInCustomer(h);
    const created = await call<{ customerAddressCreate: { customerAddress: { id: string } } }>(
      h,
      CREATE,
      { a: address },
      owner.principal,
    );
    const id = created.body.data!.customerAddressCreate.customerAddress.id;
    for (const target of [id, randomUUID(), 'not-a-uuid']) {
      for (const [query, vars] of [
        [UPDATE, { id: target, a: address }],
        [DELETE, { id: target }],
        [DEFAULT, { id: target }],
      ] as const) {
        const res = await call(h, query, vars, other.principal);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
    const still = await call<{ me: { addresses: { id: string }[] } }>(h, ME, {}, owner.principal);
    expect(still.body.data!.me.addresses.map((a) => a.id)).toEqual([id]);
  });
});

describe('federation and access', () => {
  it('When _entities asks for Customers, then the owner, an admin and a service get them and another shopper gets FORBIDDEN', async () => {
    const a = await registerCustomer(h);
    const b = await registerCustomer(h);
    const reps = { r: [{ __typename: 'Customer', id: a.id }] };
    const own = await call<{ _entities: { id: string; email: string }[] }>(
      h,
      ENTITIES,
      reps,
      asCustomer(a.id),
    );
    expect(own.body.data!._entities).toEqual([{ id: a.id, email: a.email, role: 'CUSTOMER' }]);
    const asAdmin = await call<{ _entities: { id: string }[] }>(
      h,
      ENTITIES,
      {
        r: [
          { __typename: 'Customer', id: a.id },
          { __typename: 'Customer', id: b.id },
        ],
      },
      admin(),
    );
    expect(asAdmin.body.data!._entities.map((c) => c.id)).toEqual([a.id, b.id]);
    const asService = await call<{ _entities: ({ id: string } | null)[] }>(
      h,
      ENTITIES,
      {
        r: [
          { __typename: 'Customer', id: b.id },
          { __typename: 'Customer', id: randomUUID() },
        ],
      },
      service('orders'),
    );
    // Services call internal endpoints; GraphQL, where ownership is checked, is the gateway's alone.
    expect(asService.status).toBe(403);
    expect(JSON.stringify(asService.body)).not.toContain(b.email);
    for (const id of [b.id, randomUUID()]) {
      const other = await call(h, ENTITIES, { r: [{ __typename: 'Customer', id }] }, asCustomer(a.id));
      expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(other.body)).not.toContain(b.email);
    }
  });

  it('When many Customers are resolved at once, then they come from one SQL query', async () => {
    const ids = await Promise.all([1, 2, 3, 4].map(async () => (await registerCustomer(h)).id));
    const spy = jest.spyOn(h.service.deps.db, 'query');
    const res = await call<{ _entities: { id: string }[] }>(
      h,
      ENTITIES,
      { r: ids.map((id) => ({ __typename: 'Customer', id })) },
      admin(),
    );
    expect(res.body.data!._entities.map((c) => c.id)).toEqual(ids);
    expect(spy.mock.calls.filter(([sql]) => /FROM customers/.test(sql))).toHaveLength(1);
    spy.mockRestore();
  });

  it('When a request has no valid x-shop-identity, then 401 before any resolver', async () => {
    const res = await gql(h.url, ME);
    expect(res.status).toBe(401);
    const forged = await gql(h.url, ME, {}, { 'x-shop-identity': 'eyJwcmluY2lwYWwiOnt9fQ.forged' });
    expect(forged.status).toBe(401);
  });

  it('When an error escapes, then it carries no SQL or stack', async () => {
    const res = await call<LoginData>(h, LOGIN, { input: { email: "' OR 1=1 --", password: "' OR 1=1 --" } });
    expect(res.body.data!.customerLogin.userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|stack|postgres/i);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
