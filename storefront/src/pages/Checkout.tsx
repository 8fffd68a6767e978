// Checkout in two steps, each its own URL: the address (/checkout), then shipping and payment (/checkout/:id);
// and the sandbox's 3-D Secure step (/checkout/authenticate).
import { useEffect, useState, type FormEvent } from 'react';
import {
  CheckoutCompleteDocument,
  CheckoutCreateDocument,
  CheckoutDocument,
  CheckoutShippingRateSelectDocument,
  MeDocument,
  type CheckoutFieldsFragment,
  type MailingAddressInput,
  type OrderFieldsFragment,
} from '../gql/graphql';
import { ApiError, request, type UserError } from '../api';
import { rememberClaim } from '../claims';
import { forgetCart } from '../cart';
import { formatMoney, words } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../store';
import { Empty, errorsFor, Failure, Field, FormErrors, Loading, otherErrors, useQuery } from '../ui';

/** The sandbox's test payment methods (Stripe's test ids), the failing ones included. */
export const TEST_METHODS = [
  { id: 'pm_card_visa', label: 'Visa ending 4242', note: 'succeeds' },
  { id: 'pm_card_mastercard', label: 'Mastercard ending 4444', note: 'succeeds' },
  { id: 'pm_card_threeDSecure2Required', label: 'Visa ending 3220', note: 'asks for 3-D Secure' },
  { id: 'pm_card_chargeDeclined', label: 'Visa ending 0002', note: 'is declined' },
  {
    id: 'pm_card_chargeDeclinedInsufficientFunds',
    label: 'Visa ending 9995',
    note: 'has insufficient funds',
  },
] as const;

const COUNTRIES = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['NL', 'Netherlands'],
  ['AU', 'Australia'],
] as const;

export const ADDRESS_FIELDS = [
  'firstName',
  'lastName',
  'address1',
  'address2',
  'city',
  'province',
  'zip',
  'countryCode',
  'phone',
] as const;
type AddressField = (typeof ADDRESS_FIELDS)[number];

type Errors = readonly (UserError | ApiError)[];
const userErrorsOf = (errors: Errors) => errors.filter((e): e is UserError => !(e instanceof ApiError));
const apiErrorsOf = (errors: Errors) => errors.filter((e): e is ApiError => e instanceof ApiError);

export function AddressFields({
  errors,
  defaults,
  prefix = [],
}: {
  errors: readonly UserError[];
  defaults?: Partial<Record<AddressField, string | null>>;
  prefix?: string[];
}) {
  const f = (name: AddressField) => errorsFor(errors, ...prefix, name);
  const d = (name: AddressField) => defaults?.[name] ?? '';
  return (
    <>
      <div className="row">
        <Field
          label="First name"
          name="firstName"
          autoComplete="given-name"
          defaultValue={d('firstName')}
          errors={f('firstName')}
        />
        <Field
          label="Last name"
          name="lastName"
          autoComplete="family-name"
          defaultValue={d('lastName')}
          errors={f('lastName')}
        />
      </div>
      <Field
        label="Address"
        name="address1"
        autoComplete="address-line1"
        required
        defaultValue={d('address1')}
        errors={f('address1')}
      />
      <Field
        label="Apartment, suite (optional)"
        name="address2"
        autoComplete="address-line2"
        defaultValue={d('address2')}
        errors={f('address2')}
      />
      <div className="row">
        <Field
          label="City"
          name="city"
          autoComplete="address-level2"
          required
          defaultValue={d('city')}
          errors={f('city')}
        />
        <Field
          label="State or province"
          name="province"
          autoComplete="address-level1"
          defaultValue={d('province')}
          errors={f('province')}
        />
        <Field
          label="ZIP or postal code"
          name="zip"
          autoComplete="postal-code"
          required
          defaultValue={d('zip')}
          errors={f('zip')}
        />
      </div>
      <div className={`field${f('countryCode').length ? ' field-invalid' : ''}`}>
        <label htmlFor="countryCode">Country</label>
        <select
          id="countryCode"
          name="countryCode"
          autoComplete="country"
          defaultValue={d('countryCode') || 'US'}
          aria-invalid={f('countryCode').length > 0 || undefined}
          aria-describedby={f('countryCode').length ? 'countryCode-error' : undefined}
        >
          {COUNTRIES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        {f('countryCode').length > 0 && (
          <p className="field-error" id="countryCode-error">
            {f('countryCode')
              .map((e) => e.message)
              .join(' ')}
          </p>
        )}
      </div>
      <Field
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        defaultValue={d('phone')}
        errors={f('phone')}
      />
    </>
  );
}

/** The address a form holds; a blank required field is sent as '' so the API's message names it. */
export function addressFromForm(data: FormData): MailingAddressInput {
  const value = (k: AddressField) => {
    const v = String(data.get(k) ?? '').trim();
    return v === '' ? null : v;
  };
  const a = Object.fromEntries(ADDRESS_FIELDS.map((k) => [k, value(k)])) as Record<
    AddressField,
    string | null
  >;
  return {
    ...a,
    address1: a.address1 ?? '',
    city: a.city ?? '',
    zip: a.zip ?? '',
    countryCode: a.countryCode ?? '',
  };
}

export function CheckoutPage({ checkoutId }: { checkoutId?: string }) {
  return checkoutId ? <ShippingAndPayment checkoutId={checkoutId} /> : <AddressStep />;
}

function AddressStep() {
  const { cartId, token } = useSession();
  const me = useQuery(MeDocument, {}, !token);
  const [errors, setErrors] = useState<Errors>([]);
  const [busy, setBusy] = useState(false);
  if (!cartId)
    return (
      <Empty>
        <h1>Checkout</h1>
        <p>
          Your cart is empty. <Link href="/collections/all">Start shopping</Link>.
        </p>
      </Empty>
    );
  if (token && me.loading) return <Loading />;
  const customer = me.data?.me;
  const address =
    customer?.addresses.find((a) => a.id === customer.defaultAddress?.id) ?? customer?.addresses[0];

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const shippingAddress = addressFromForm(data);
    setBusy(true);
    try {
      const { checkoutCreate } = await request(CheckoutCreateDocument, {
        input: {
          cartId,
          email: String(data.get('email') ?? '').trim(),
          shippingAddress,
        },
      });
      setErrors(checkoutCreate.userErrors);
      if (checkoutCreate.checkout) navigate(`/checkout/${encodeURIComponent(checkoutCreate.checkout.id)}`);
      else focusFirstError();
    } catch (err) {
      setErrors([err as ApiError]);
    } finally {
      setBusy(false);
    }
  };
  const userErrors = userErrorsOf(errors);
  const known = [['email'], ...ADDRESS_FIELDS.map((f) => [f])];
  return (
    <section className="checkout">
      <h1>Checkout</h1>
      <ol className="steps" aria-label="Checkout steps">
        <li aria-current="step">Address</li>
        <li>Shipping and payment</li>
      </ol>
      {!token && (
        <p className="notice">
          Checking out as a guest. <Link href="/account/sign-in?next=/checkout">Sign in</Link> or{' '}
          <Link href="/account/register?next=/checkout">create an account</Link> now; or after you pay, create
          one or sign in from this browser and the order is added to it.
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors errors={[...apiErrorsOf(errors), ...otherErrors(userErrors, known)]} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={customer?.email ?? ''}
          errors={errorsFor(userErrors, 'email')}
        />
        <fieldset>
          <legend>Shipping address</legend>
          <AddressFields
            errors={userErrors}
            defaults={address ?? { firstName: customer?.firstName, lastName: customer?.lastName }}
          />
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Continue to shipping'}
        </button>
      </form>
    </section>
  );
}

function focusFirstError() {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('[aria-invalid="true"], .form-errors')?.focus(),
  );
}

/** One idempotency key per payment attempt: a retry of the same attempt never charges twice. */
function attemptKey(checkoutId: string, fresh = false): string {
  const name = `shop.attempt.${checkoutId}`;
  let key = sessionStorage.getItem(name);
  if (!key || fresh) {
    key = crypto.randomUUID();
    sessionStorage.setItem(name, key);
  }
  return key;
}

/** The order as checkout answered (a guest cannot read it back), and a guest's claim token for their account. */
export function rememberOrder(order: OrderFieldsFragment, claimToken: string | null | undefined): void {
  sessionStorage.setItem(`shop.order.${order.id}`, JSON.stringify(order));
  if (claimToken) rememberClaim(order.id, claimToken);
}

function Totals({ checkout }: { checkout: CheckoutFieldsFragment }) {
  return (
    <dl className="totals">
      <div>
        <dt>Subtotal</dt>
        <dd>{formatMoney(checkout.subtotal)}</dd>
      </div>
      <div>
        <dt>Shipping</dt>
        <dd>{checkout.shippingLine ? formatMoney(checkout.shippingLine.price) : 'Choose a rate'}</dd>
      </div>
      <div>
        <dt>Tax</dt>
        <dd>{formatMoney(checkout.tax)}</dd>
      </div>
      <div className="grand">
        <dt>Total</dt>
        <dd data-testid="checkout-total">{formatMoney(checkout.total)}</dd>
      </div>
    </dl>
  );
}

function ShippingAndPayment({ checkoutId }: { checkoutId: string }) {
  const { data, error, loading, reload } = useQuery(CheckoutDocument, { id: checkoutId });
  const [checkout, setCheckout] = useState<CheckoutFieldsFragment | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const [method, setMethod] = useState<string>(TEST_METHODS[0].id);
  // The rate the shopper picked, shown at once while the checkout is re-priced with it.
  const [pendingRate, setPendingRate] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setCheckout(data?.checkout ?? null), [data]);

  if (loading && !checkout) return <Loading />;
  if (error) return <Failure error={error} retry={reload} />;
  if (!checkout)
    return (
      <Empty>
        <h1>Checkout</h1>
        <p>
          This checkout is no longer open. <Link href="/cart">Back to your cart</Link>.
        </p>
      </Empty>
    );

  const selectRate = async (rateHandle: string) => {
    setPendingRate(rateHandle);
    try {
      const { checkoutShippingRateSelect } = await request(CheckoutShippingRateSelectDocument, {
        checkoutId,
        rateHandle,
      });
      setErrors(checkoutShippingRateSelect.userErrors);
      if (checkoutShippingRateSelect.checkout) setCheckout(checkoutShippingRateSelect.checkout);
    } catch (err) {
      setErrors([err as ApiError]);
    } finally {
      setPendingRate(null);
    }
  };

  const pay = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const idempotencyKey = attemptKey(checkoutId);
      const { checkoutComplete } = await request(CheckoutCompleteDocument, {
        checkoutId,
        payment: { paymentMethodId: method },
        idempotencyKey,
      });
      if (checkoutComplete.checkout) setCheckout(checkoutComplete.checkout);
      const order = checkoutComplete.order;
      if (order) rememberOrder(order, checkoutComplete.orderClaimToken);
      if (order && checkoutComplete.nextAction?.redirectUrl) {
        sessionStorage.setItem(`shop.method.${checkoutId}`, method);
        navigate(
          `/checkout/authenticate?checkout=${encodeURIComponent(checkoutId)}&order=${encodeURIComponent(order.id)}&url=${encodeURIComponent(checkoutComplete.nextAction.redirectUrl)}`,
        );
        return;
      }
      if (order) {
        forgetCart();
        navigate(`/orders/${encodeURIComponent(order.id)}`);
        return;
      }
      // A refused attempt is over: the next one is a new payment with a key of its own.
      attemptKey(checkoutId, true);
      setErrors(checkoutComplete.userErrors);
      focusFirstError();
    } catch (err) {
      setErrors([err as ApiError]);
    } finally {
      setBusy(false);
    }
  };

  const userErrors = userErrorsOf(errors);
  const shippingErrors = userErrors.filter(
    (e) => e.code === 'SHIPPING_RATE_REQUIRED' || errorsFor([e], 'rateHandle').length > 0,
  );
  const paymentErrors = userErrors.filter(
    (e) => e.code === 'PAYMENT_DECLINED' || errorsFor([e], 'paymentMethodId').length > 0,
  );
  const rest = userErrors.filter((e) => !shippingErrors.includes(e) && !paymentErrors.includes(e));

  return (
    <section className="checkout">
      <h1>Checkout</h1>
      <ol className="steps" aria-label="Checkout steps">
        <li>
          <Link href="/checkout">Address</Link>
        </li>
        <li aria-current="step">Shipping and payment</li>
      </ol>
      <form onSubmit={(e) => void pay(e)}>
        <FormErrors errors={[...apiErrorsOf(errors), ...rest]} />
        <fieldset aria-describedby={shippingErrors.length ? 'shipping-error' : undefined}>
          <legend>Shipping</legend>
          {checkout.availableShippingRates.length === 0 && (
            <p>No carrier delivers to this address. Go back and check it.</p>
          )}
          {checkout.availableShippingRates.map((rate) => (
            <label key={rate.handle} className="choice">
              <input
                type="radio"
                name="rate"
                value={rate.handle}
                checked={(pendingRate ?? checkout.shippingLine?.handle) === rate.handle}
                onChange={() => void selectRate(rate.handle)}
              />
              <span>
                {rate.carrier} {words(rate.service)} — {formatMoney(rate.price)}
                <span className="muted">
                  {' '}
                  ({rate.estimatedDeliveryDays} {rate.estimatedDeliveryDays === 1 ? 'day' : 'days'})
                </span>
              </span>
            </label>
          ))}
          {shippingErrors.length > 0 && (
            <p className="field-error" id="shipping-error">
              {shippingErrors.map((e) => e.message).join(' ')}
            </p>
          )}
        </fieldset>
        <fieldset aria-describedby={paymentErrors.length ? 'payment-error' : undefined}>
          <legend>Payment (sandbox test cards)</legend>
          {TEST_METHODS.map((m) => (
            <label key={m.id} className="choice">
              <input
                type="radio"
                name="payment"
                value={m.id}
                checked={method === m.id}
                onChange={() => setMethod(m.id)}
              />
              <span>
                {m.label} <span className="muted">({m.note})</span>
              </span>
            </label>
          ))}
          {paymentErrors.length > 0 && (
            <p className="field-error" id="payment-error" role="alert">
              {paymentErrors.map((e) => e.message).join(' ')}
            </p>
          )}
        </fieldset>
        <Totals checkout={checkout} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Paying…' : `Pay ${formatMoney(checkout.total)}`}
        </button>
      </form>
    </section>
  );
}

/** The sandbox's stand-in for the bank's 3-D Secure page; on approval the payment is completed and the order shown. */
export function PaymentAuthenticationPage() {
  const { params } = useLocation();
  const checkoutId = params.get('checkout') ?? '';
  const orderId = params.get('order') ?? '';
  const url = params.get('url') ?? '';
  const [errors, setErrors] = useState<Errors>([]);
  const [busy, setBusy] = useState(false);

  const approve = async () => {
    setBusy(true);
    try {
      // The link is the gateway's; the storefront's server forwards /sandbox/ to it, so only its path is used.
      const target = new URL(url, location.origin);
      const res = await fetch(target.pathname + target.search, { method: 'POST' });
      if (!res.ok)
        throw new ApiError(
          'Your bank could not confirm this payment. Go back and try again.',
          'AUTHENTICATION_FAILED',
        );
      const method = sessionStorage.getItem(`shop.method.${checkoutId}`) ?? TEST_METHODS[2].id;
      const { checkoutComplete } = await request(CheckoutCompleteDocument, {
        checkoutId,
        payment: { paymentMethodId: method },
        idempotencyKey: attemptKey(checkoutId),
      });
      if (checkoutComplete.order) {
        rememberOrder(checkoutComplete.order, checkoutComplete.orderClaimToken);
        forgetCart();
        navigate(`/orders/${encodeURIComponent(checkoutComplete.order.id)}`, { replace: true });
      } else setErrors(checkoutComplete.userErrors);
    } catch (err) {
      setErrors([err as ApiError]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="authenticate">
      <h1>Confirm your payment</h1>
      <p>
        Your bank asks you to confirm this payment (the sandbox's 3-D Secure step: nothing is charged for
        real).
      </p>
      <FormErrors errors={errors} />
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !url} onClick={() => void approve()}>
          {busy ? 'Confirming…' : 'Confirm payment'}
        </button>
        <Link href={`/checkout/${encodeURIComponent(checkoutId)}`} className="button">
          Cancel
        </Link>
      </div>
      <p className="muted">Order reference: {orderId}</p>
    </section>
  );
}
