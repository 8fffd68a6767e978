// The cart's discount codes: a field to enter one, the codes entered (each said to apply or not, with a way to take
// it off), and what the discounts take off the total. Every refusal is shown in words under the field.
import { useState, type FormEvent } from 'react';
import { ApiError, type UserError } from '../api';
import { setDiscountCodes, type CartResult } from '../cart';
import { formatMoney, subtractMoney } from '../format';
import type { CartFieldsFragment } from '../gql/graphql';
import { Field } from '../ui';

export function DiscountCodes({
  cart,
  onChange,
}: {
  cart: CartFieldsFragment;
  onChange: (cart: CartFieldsFragment) => void;
}) {
  const [errors, setErrors] = useState<readonly (UserError | ApiError)[]>([]);
  const [busy, setBusy] = useState(false);
  const codes = cart.discountCodes.map((c) => c.code);

  const update = async (next: string[]): Promise<CartResult | null> => {
    setBusy(true);
    try {
      const result = await setDiscountCodes(cart.id, next);
      setErrors(result.userErrors);
      if (result.cart) onChange(result.cart);
      return result;
    } catch (error) {
      setErrors([error as ApiError]);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const apply = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const code = String(new FormData(form).get('code') ?? '').trim();
    if (!code) {
      setErrors([{ code: 'BLANK', field: ['code'], message: 'Enter a discount code.' }]);
      return;
    }
    // A code that does not apply gives way to the one entered now, so its refusal is not said again.
    const kept = cart.discountCodes.filter((c) => c.applicable && c.code !== code.toUpperCase());
    const result = await update([...kept.map((c) => c.code), code]);
    if (result && !result.userErrors.length) form.reset();
  };

  return (
    <section aria-labelledby="discounts" className="discounts">
      <h2 id="discounts">Discounts</h2>
      <form onSubmit={(e) => void apply(e)} noValidate className="inline-form">
        <Field
          label="Discount code"
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          errors={errors.map((e) =>
            e instanceof ApiError ? { code: e.code ?? 'ERROR', message: e.message } : e,
          )}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Applying…' : 'Apply'}
        </button>
      </form>
      {cart.discountCodes.length > 0 && (
        <ul aria-label="Codes entered on this cart" className="codes">
          {cart.discountCodes.map((c) => (
            <li key={c.code} data-testid="discount-code">
              <strong>{c.code}</strong>{' '}
              <span className="muted">{c.applicable ? 'applied' : 'does not apply to this cart'}</span>{' '}
              <button
                type="button"
                className="link"
                disabled={busy}
                onClick={() => void update(codes.filter((x) => x !== c.code))}
              >
                Remove<span className="visually-hidden"> code {c.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The cart's subtotal, each discount, and what is left to pay before shipping and tax. */
export function CartTotals({ cart }: { cart: CartFieldsFragment }) {
  const discounts = cart.discountAllocations;
  return (
    <dl className="totals">
      <div>
        <dt>Subtotal ({cart.totalQuantity} items)</dt>
        <dd data-testid="subtotal">{formatMoney(cart.cost.subtotalAmount)}</dd>
      </div>
      {discounts.map((d, i) => (
        <div key={`${d.code ?? d.title}-${i}`} data-testid="discount">
          <dt>
            {d.title}
            {d.code ? ` (${d.code})` : ''}
          </dt>
          <dd>−{formatMoney(d.discountedAmount)}</dd>
        </div>
      ))}
      <div>
        <dt>Total</dt>
        <dd data-testid="total">
          {formatMoney(
            subtractMoney(
              cart.cost.subtotalAmount,
              discounts.map((d) => d.discountedAmount),
            ),
          )}
        </dd>
      </div>
    </dl>
  );
}
