// Signing up and in (with a TOTP second step), and the account: orders, addresses, two-step sign-in, sessions.
import { useState, type FormEvent } from 'react';
import {
  CustomerAddressCreateDocument,
  CustomerAddressDeleteDocument,
  CustomerLoginDocument,
  CustomerLogoutDocument,
  CustomerMfaConfirmDocument,
  CustomerMfaEnrollDocument,
  CustomerRegisterDocument,
  CustomerSessionRevokeDocument,
  MeDocument,
  MyOrdersDocument,
  MySessionsDocument,
} from '../gql/graphql';
import { ApiError, request, type UserError } from '../api';
import { claimOrders } from '../claims';
import { attachCart, forgetCart } from '../cart';
import { formatDate, formatMoney, words } from '../format';
import { Link, navigate, useLocation } from '../router';
import { session, useSession } from '../store';
import { Empty, errorsFor, Failure, Field, FormErrors, Loading, otherErrors, useQuery } from '../ui';
import { ADDRESS_FIELDS, AddressFields, addressFromForm } from './Checkout';

type Errors = readonly (UserError | ApiError)[];
const split = (errors: Errors) => ({
  user: errors.filter((e): e is UserError => !(e instanceof ApiError)),
  api: errors.filter((e): e is ApiError => e instanceof ApiError),
});

/** Where to go after signing in: a path of this site only. */
function nextPath(params: URLSearchParams): string {
  const next = params.get('next') ?? '/account';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/account';
}

async function signIn(email: string, password: string, totpCode?: string) {
  const { customerLogin } = await request(CustomerLoginDocument, {
    input: { email, password, totpCode: totpCode || null, deviceName: 'Storefront' },
  });
  if (customerLogin.accessToken) {
    session.set({ token: customerLogin.accessToken });
    await attachCart().catch(() => undefined);
    await claimOrders().catch(() => undefined);
  }
  return customerLogin;
}

export function SignInPage() {
  const { params } = useLocation();
  const [errors, setErrors] = useState<Errors>([]);
  const [mfa, setMfa] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    try {
      const result = await signIn(
        String(data.get('email') ?? ''),
        String(data.get('password') ?? ''),
        String(data.get('totpCode') ?? ''),
      );
      setErrors(result.userErrors);
      if (result.accessToken) navigate(nextPath(params), { replace: true });
      else if (result.mfaRequired) setMfa(true);
    } catch (err) {
      setErrors([err as ApiError]);
    } finally {
      setBusy(false);
    }
  };
  const { user, api } = split(errors);
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors errors={[...api, ...otherErrors(user, [['email'], ['password'], ['totpCode']])]} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          errors={errorsFor(user, 'email')}
          readOnly={mfa}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={errorsFor(user, 'password')}
          readOnly={mfa}
        />
        {mfa && (
          <Field
            label="Code from your authenticator app"
            name="totpCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            required
            hint="Your account has two-step sign-in: enter the 6-digit code."
            errors={errorsFor(user, 'totpCode')}
          />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here?{' '}
        <Link
          href={`/account/register${params.get('next') ? `?next=${encodeURIComponent(nextPath(params))}` : ''}`}
        >
          Create an account
        </Link>
      </p>
    </section>
  );
}

export function RegisterPage() {
  const { params } = useLocation();
  const [errors, setErrors] = useState<Errors>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const input = {
      firstName: String(data.get('firstName') ?? ''),
      lastName: String(data.get('lastName') ?? ''),
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
    };
    setBusy(true);
    try {
      const { customerRegister } = await request(CustomerRegisterDocument, { input });
      setErrors(customerRegister.userErrors);
      if (customerRegister.userErrors.length === 0) {
        const login = await signIn(input.email, input.password);
        setErrors(login.userErrors);
        if (login.accessToken) navigate(nextPath(params), { replace: true });
        else navigate(`/account/sign-in?next=${encodeURIComponent(nextPath(params))}`);
      }
    } catch (err) {
      setErrors([err as ApiError]);
    } finally {
      setBusy(false);
    }
  };
  const { user, api } = split(errors);
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors
          errors={[...api, ...otherErrors(user, [['firstName'], ['lastName'], ['email'], ['password']])]}
        />
        <div className="row">
          <Field
            label="First name"
            name="firstName"
            autoComplete="given-name"
            errors={errorsFor(user, 'firstName')}
          />
          <Field
            label="Last name"
            name="lastName"
            autoComplete="family-name"
            errors={errorsFor(user, 'lastName')}
          />
        </div>
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          errors={errorsFor(user, 'email')}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters; a few unrelated words work well."
          errors={errorsFor(user, 'password')}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Have an account? <Link href="/account/sign-in">Sign in</Link>
      </p>
    </section>
  );
}

export function AccountPage() {
  const { token } = useSession();
  const me = useQuery(MeDocument, {}, !token);
  if (!token)
    return (
      <Empty>
        <h1>Your account</h1>
        <p>
          <Link href="/account/sign-in">Sign in</Link> or{' '}
          <Link href="/account/register">create an account</Link>.
        </p>
      </Empty>
    );
  if (me.loading) return <Loading />;
  if (me.error) return <Failure error={me.error} retry={me.reload} />;
  const customer = me.data?.me;
  if (!customer) return <Empty>Please sign in again.</Empty>;
  const signOut = async () => {
    await request(CustomerLogoutDocument, {}).catch(() => undefined);
    session.set({ token: null });
    forgetCart();
    navigate('/');
  };
  return (
    <section className="account">
      <h1>Hello{customer.firstName ? `, ${customer.firstName}` : ''}</h1>
      <p>
        Signed in as {customer.email}.{' '}
        <button type="button" className="link" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
      <Orders />
      <Addresses addresses={customer.addresses} onChange={me.reload} />
      <TwoStep enabled={customer.mfaEnabled} onChange={me.reload} />
      <Sessions />
    </section>
  );
}

function Orders() {
  const { params } = useLocation();
  const { data, error, loading } = useQuery(MyOrdersDocument, { after: params.get('after') });
  return (
    <section aria-labelledby="orders">
      <h2 id="orders">Orders</h2>
      {loading && <Loading />}
      {error && <Failure error={error} />}
      {data?.me && data.me.orders.nodes.length === 0 && <p>No orders yet.</p>}
      {data?.me && data.me.orders.nodes.length > 0 && (
        <ul className="orders" aria-label="Your orders">
          {data.me.orders.nodes.map((o) => (
            <li key={o.id}>
              <Link href={`/account/orders/${encodeURIComponent(o.id)}`}>Order {o.number}</Link> ·{' '}
              {formatDate(o.createdAt)} · {words(o.status)} · {formatMoney(o.total)}
              {o.shipments[0] && ` · ${words(o.shipments[0].status)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Addresses({
  addresses,
  onChange,
}: {
  addresses: readonly {
    id: string;
    address1: string;
    city: string;
    zip: string;
    countryCode: string;
    firstName?: string | null;
    lastName?: string | null;
  }[];
  onChange: () => void;
}) {
  const [errors, setErrors] = useState<Errors>([]);
  const [adding, setAdding] = useState(false);
  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const a = addressFromForm(new FormData(e.currentTarget));
    try {
      const { customerAddressCreate } = await request(CustomerAddressCreateDocument, {
        address: a,
        setDefault: addresses.length === 0,
      });
      setErrors(customerAddressCreate.userErrors);
      if (customerAddressCreate.customerAddress) {
        setAdding(false);
        onChange();
      }
    } catch (err) {
      setErrors([err as ApiError]);
    }
  };
  const remove = async (id: string) => {
    try {
      const { customerAddressDelete } = await request(CustomerAddressDeleteDocument, { id });
      setErrors(customerAddressDelete.userErrors);
      onChange();
    } catch (err) {
      setErrors([err as ApiError]);
    }
  };
  const { user, api } = split(errors);
  return (
    <section aria-labelledby="addresses">
      <h2 id="addresses">Addresses</h2>
      {addresses.length === 0 && <p>No saved addresses.</p>}
      <ul>
        {addresses.map((a) => (
          <li key={a.id}>
            {[a.firstName, a.lastName].filter(Boolean).join(' ')} {a.address1}, {a.city} {a.zip},{' '}
            {a.countryCode}{' '}
            <button type="button" className="link" onClick={() => void remove(a.id)}>
              Delete<span className="visually-hidden"> {a.address1}</span>
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <form onSubmit={(e) => void add(e)} noValidate>
          <FormErrors
            errors={[
              ...api,
              ...otherErrors(
                user,
                ADDRESS_FIELDS.map((f) => [f]),
              ),
            ]}
          />
          <AddressFields errors={user} />
          <button type="submit" className="primary">
            Save address
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add an address
        </button>
      )}
    </section>
  );
}

function TwoStep({ enabled, onChange }: { enabled: boolean; onChange: () => void }) {
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const enroll = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const currentPassword = String(new FormData(e.currentTarget).get('currentPassword') ?? '');
    try {
      const { customerMfaEnroll } = await request(CustomerMfaEnrollDocument, { currentPassword });
      setErrors(customerMfaEnroll.userErrors);
      if (customerMfaEnroll.secret)
        setSecret({ secret: customerMfaEnroll.secret, url: customerMfaEnroll.otpauthUrl ?? '' });
    } catch (err) {
      setErrors([err as ApiError]);
    }
  };
  const confirm = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '');
    try {
      const { customerMfaConfirm } = await request(CustomerMfaConfirmDocument, { code });
      setErrors(customerMfaConfirm.userErrors);
      if (customerMfaConfirm.userErrors.length === 0) {
        // Turning it on ends every session, this one too: the answer carries this browser's new one.
        if (customerMfaConfirm.accessToken) session.set({ token: customerMfaConfirm.accessToken });
        setCodes(customerMfaConfirm.recoveryCodes ?? []);
        setSecret(null);
        onChange();
      }
    } catch (err) {
      setErrors([err as ApiError]);
    }
  };
  const { user, api } = split(errors);
  return (
    <section aria-labelledby="two-step">
      <h2 id="two-step">Two-step sign-in</h2>
      <FormErrors errors={[...api, ...otherErrors(user, [['currentPassword'], ['code']])]} />
      {codes && (
        <div className="notice" role="status">
          <p>Two-step sign-in is on. Keep these recovery codes somewhere safe; each works once:</p>
          <ul className="codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {enabled && !codes && <p>On: signing in asks for a code from your authenticator app.</p>}
      {!enabled && !secret && (
        <form onSubmit={(e) => void enroll(e)}>
          <p>Off. Turn it on to ask for a code from an authenticator app at each sign-in.</p>
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            errors={errorsFor(user, 'currentPassword')}
          />
          <button type="submit">Set up two-step sign-in</button>
        </form>
      )}
      {secret && (
        <form onSubmit={(e) => void confirm(e)}>
          <p>
            Add this key to your authenticator app: <code data-testid="mfa-secret">{secret.secret}</code>
          </p>
          <Field
            label="6-digit code from the app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            errors={errorsFor(user, 'code')}
          />
          <button type="submit">Turn on</button>
        </form>
      )}
    </section>
  );
}

function Sessions() {
  const { data, error, reload } = useQuery(MySessionsDocument, {});
  const [errors, setErrors] = useState<Errors>([]);
  const revoke = async (id: string) => {
    try {
      const { customerSessionRevoke } = await request(CustomerSessionRevokeDocument, { id });
      setErrors(customerSessionRevoke.userErrors);
      reload();
    } catch (err) {
      setErrors([err as ApiError]);
    }
  };
  return (
    <section aria-labelledby="sessions">
      <h2 id="sessions">Where you are signed in</h2>
      {error && <Failure error={error} />}
      <FormErrors errors={errors} />
      <ul>
        {data?.customerSessions.map((s) => (
          <li key={s.id}>
            {s.device ?? 'Unknown device'} · since {formatDate(s.createdAt)} · last seen{' '}
            {formatDate(s.lastSeenAt)}
            {s.current ? (
              ' (this browser)'
            ) : (
              <>
                {' '}
                <button type="button" className="link" onClick={() => void revoke(s.id)}>
                  Sign out<span className="visually-hidden"> {s.device ?? 'that device'}</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
