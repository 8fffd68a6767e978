// The cart: quantities, discount codes, line and order totals, products bought with these.
import { useState } from 'react';
import { CartDocument, type CartFieldsFragment } from '../gql/graphql';
import { setQuantity } from '../cart';
import { ApiError, type UserError } from '../api';
import { formatMoney } from '../format';
import { CartTotals, DiscountCodes } from './CartDiscounts';
import { Link } from '../router';
import { useSession } from '../store';
import { Empty, errorsFor, Failure, FormErrors, Loading, ProductGrid, ProductImage, useQuery } from '../ui';

export function CartPage() {
  const { cartId } = useSession();
  const { data, error, loading, reload } = useQuery(CartDocument, { id: cartId ?? '' }, !cartId);
  const [override, setOverride] = useState<CartFieldsFragment | null>(null);
  const [errors, setErrors] = useState<{ lineId: string; errors: readonly (UserError | ApiError)[] } | null>(
    null,
  );
  const cart = override?.id === cartId ? override : data?.cart;

  if (!cartId || (data && !data.cart)) return <EmptyCart />;
  if (loading && !cart) return <Loading />;
  if (error) return <Failure error={error} retry={reload} />;
  if (!cart || cart.lines.length === 0) return <EmptyCart />;

  const change = async (lineId: string, quantity: number) => {
    try {
      const result = await setQuantity(cart.id, lineId, quantity);
      setErrors(result.userErrors.length ? { lineId, errors: result.userErrors } : null);
      if (result.cart) setOverride(result.cart);
    } catch (err) {
      setErrors({ lineId, errors: [err as ApiError] });
    }
  };

  return (
    <section className="cart">
      <h1>Your cart</h1>
      <ul className="lines" aria-label="Items in your cart">
        {cart.lines.map((line) => {
          const lineErrors = errors?.lineId === line.id ? errors.errors : [];
          const id = `qty-${line.id}`;
          return (
            <li key={line.id} className="line">
              <ProductImage
                image={line.merchandise.product.images[0]}
                title={line.merchandise.product.title}
                size={96}
              />
              <div className="line-info">
                <Link href={`/products/${encodeURIComponent(line.merchandise.product.handle)}`}>
                  {line.merchandise.product.title}
                </Link>
                <span className="muted">{line.merchandise.title}</span>
                <span className="muted">{formatMoney(line.cost.amountPerQuantity)} each</span>
              </div>
              <div className="field qty">
                <label htmlFor={id}>Quantity</label>
                <select
                  id={id}
                  value={line.quantity}
                  aria-invalid={lineErrors.length > 0 || undefined}
                  aria-describedby={lineErrors.length ? `${id}-error` : undefined}
                  onChange={(e) => void change(line.id, Number(e.target.value))}
                >
                  {Array.from({ length: Math.max(10, line.quantity) + 1 }, (_, n) => (
                    <option key={n} value={n}>
                      {n === 0 ? '0 (remove)' : n}
                    </option>
                  ))}
                </select>
                {lineErrors.length > 0 && (
                  <p className="field-error" id={`${id}-error`} role="alert">
                    {[
                      ...errorsFor(
                        lineErrors.filter((e): e is UserError => !(e instanceof ApiError)),
                        'quantity',
                      ),
                      ...lineErrors,
                    ]
                      .filter((e, i, all) => all.indexOf(e) === i)
                      .map((e) => e.message)
                      .join(' ')}
                  </p>
                )}
              </div>
              <span className="line-total">{formatMoney(line.cost.totalAmount)}</span>
              <button type="button" className="link" onClick={() => void change(line.id, 0)}>
                Remove<span className="visually-hidden"> {line.merchandise.product.title}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <FormErrors errors={errors && !cart.lines.some((l) => l.id === errors.lineId) ? errors.errors : []} />
      <DiscountCodes cart={cart} onChange={setOverride} />
      <CartTotals cart={cart} />
      <p className="muted">Shipping and tax are worked out at checkout.</p>
      <Link href="/checkout" className="button primary">
        Check out
      </Link>
      {cart.crossSellProducts.length > 0 && (
        <section aria-labelledby="cross-sell">
          <h2 id="cross-sell">Goes well with</h2>
          <ProductGrid products={cart.crossSellProducts} label="Goes well with" />
        </section>
      )}
    </section>
  );
}

function EmptyCart() {
  return (
    <section>
      <h1>Your cart</h1>
      <Empty>
        Your cart is empty. <Link href="/collections/all">Start shopping</Link>.
      </Empty>
    </section>
  );
}
