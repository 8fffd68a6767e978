// A product: its variants chosen by option (the choice is in the URL), price, stock, images, related products.
import { useState, type FormEvent } from 'react';
import { ProductDocument } from '../gql/graphql';
import { addToCart } from '../cart';
import { ApiError, type UserError } from '../api';
import { formatMoney } from '../format';
import { Link, navigate, useLocation, withParams } from '../router';
import {
  Empty,
  errorsFor,
  Failure,
  Field,
  FormErrors,
  Loading,
  otherErrors,
  ProductGrid,
  ProductImage,
  useQuery,
} from '../ui';

export function ProductPage({ handle }: { handle: string }) {
  const { path, params } = useLocation();
  const { data, error, loading, reload } = useQuery(ProductDocument, { handle });
  const [quantity, setQuantity] = useState('1');
  const [errors, setErrors] = useState<readonly (UserError | ApiError)[]>([]);
  const [added, setAdded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [imageIndex, setImageIndex] = useState(0);

  if (loading) return <Loading />;
  if (error) return <Failure error={error} retry={reload} />;
  const product = data?.product;
  if (!product)
    return (
      <Empty>
        <h1>Product not found</h1>
        <p>
          It may have been removed. <Link href="/collections/all">Browse the shop</Link>.
        </p>
      </Empty>
    );

  // The shopper's choice from the URL, each option falling back to the first in-stock variant's value.
  const fallback = product.variants.find((v) => v.availableForSale) ?? product.variants[0];
  const chosen = Object.fromEntries(
    product.options.map((o) => [
      o.name,
      params.get(o.name) ??
        fallback?.selectedOptions.find((s) => s.name === o.name)?.value ??
        o.values[0] ??
        '',
    ]),
  );
  const variant = product.variants.find((v) => v.selectedOptions.every((s) => chosen[s.name] === s.value));
  const image = product.images[imageIndex] ?? product.images[0];
  const stock = variant?.quantityAvailable;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!variant) return;
    setBusy(true);
    setAdded(false);
    try {
      const result = await addToCart(variant.id, Number(quantity));
      setErrors(result.userErrors);
      setAdded(result.userErrors.length === 0);
    } catch (err) {
      setErrors([err as ApiError]);
    } finally {
      setBusy(false);
    }
  };
  const userErrors = errors.filter((x): x is UserError => !(x instanceof ApiError));
  const quantityErrors = errorsFor(userErrors, 'quantity');

  return (
    <article className="product">
      <div className="gallery">
        <ProductImage key={image?.url} image={image} title={product.title} size={800} />
        {product.images.length > 1 && (
          <ul className="thumbs" aria-label="Images">
            {product.images.map((img, i) => (
              <li key={img.url}>
                <button type="button" aria-pressed={i === imageIndex} onClick={() => setImageIndex(i)}>
                  <ProductImage image={img} title={product.title} size={96} decorative />
                  <span className="visually-hidden">
                    Image {i + 1} of {product.images.length}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="buy">
        <p className="card-brand">{product.brand}</p>
        <h1>{product.title}</h1>
        {variant ? (
          <p className="price">
            <span data-testid="price">{formatMoney(variant.price)}</span>
            {variant.compareAtPrice &&
              Number(variant.compareAtPrice.amount) > Number(variant.price.amount) && (
                <s aria-label={`was ${formatMoney(variant.compareAtPrice)}`}>
                  {formatMoney(variant.compareAtPrice)}
                </s>
              )}
          </p>
        ) : (
          <p className="price">This combination is not sold.</p>
        )}
        <form onSubmit={(e) => void submit(e)}>
          {product.options.map((option) => (
            <fieldset key={option.name} className="options">
              <legend>{option.name}</legend>
              {option.values.map((value) => (
                <label key={value} className="option">
                  <input
                    type="radio"
                    name={option.name}
                    value={value}
                    checked={chosen[option.name] === value}
                    onChange={() =>
                      navigate(path + withParams(params, { [option.name]: value }), { replace: true })
                    }
                  />
                  <span>{value}</span>
                </label>
              ))}
            </fieldset>
          ))}
          <p className="stock" data-testid="stock" role="status">
            {stock === null || stock === undefined
              ? 'Stock unknown right now'
              : stock <= 0
                ? 'Out of stock'
                : stock < 5
                  ? `Only ${stock} left`
                  : `${stock} in stock`}
          </p>
          <Field
            label="Quantity"
            type="number"
            min={1}
            max={stock ?? undefined}
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            errors={quantityErrors}
          />
          <FormErrors
            errors={[
              ...errors.filter((x) => x instanceof ApiError),
              ...otherErrors(userErrors, [['quantity']]),
            ]}
          />
          <button type="submit" className="primary" disabled={!variant?.availableForSale || busy}>
            {busy ? 'Adding…' : 'Add to cart'}
          </button>
          {added && (
            <p role="status" className="notice">
              Added. <Link href="/cart">View your cart</Link>
            </p>
          )}
        </form>
        <p className="description">{product.description}</p>
        {product.specs.length > 0 && (
          <dl className="specs">
            {product.specs.map((s) => (
              <div key={s.name}>
                <dt>{s.name}</dt>
                <dd>{s.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {product.category && (
          <p>
            More in{' '}
            <Link href={`/collections/${encodeURIComponent(product.category.handle)}`}>
              {product.category.name}
            </Link>
          </p>
        )}
      </div>
      {product.relatedProducts.length > 0 && (
        <section aria-labelledby="related" className="related">
          <h2 id="related">You may also like</h2>
          <ProductGrid products={product.relatedProducts} label="Related products" />
        </section>
      )}
    </article>
  );
}
