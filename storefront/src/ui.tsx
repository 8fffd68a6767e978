// Pieces every page uses: loading a query, labelled fields with their errors, product cards, images.
import { useCallback, useEffect, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ApiError, request, type UserError } from './api';
import { formatMoney } from './format';
import { Link } from './router';
import { useSession } from './store';
import type { ProductCardFragment } from './gql/graphql';

export interface QueryState<R> {
  data: R | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs a query whenever its variables or the signed-in shopper change; `skip` leaves it idle. */
export function useQuery<R, V>(document: TypedDocumentNode<R, V>, variables: V, skip = false): QueryState<R> {
  const { token } = useSession();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ key: string; data?: R; error?: ApiError }>({ key: '' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    request(document, JSON.parse(key) as V).then(
      (data) => live && setState({ key, data }),
      (error: unknown) =>
        live &&
        setState({ key, error: error instanceof ApiError ? error : new ApiError(String(error), undefined) }),
    );
    return () => {
      live = false;
    };
  }, [document, key, token, tick, skip]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const fresh = state.key === key;
  return { data: state.data, error: fresh ? state.error : undefined, loading: !skip && !fresh, reload };
}

/** The errors naming this field (its path ends with these names). */
export function errorsFor(errors: readonly UserError[], ...path: string[]): UserError[] {
  return errors.filter((e) => {
    const f = e.field ?? [];
    return f.length >= path.length && path.every((p, i) => f[f.length - path.length + i] === p);
  });
}

/** The errors that name none of the form's fields: shown at the top of the form. */
export function otherErrors(errors: readonly UserError[], fields: string[][]): UserError[] {
  return errors.filter((e) => !fields.some((path) => errorsFor([e], ...path).length > 0));
}

export function FormErrors({ errors }: { errors: readonly (UserError | ApiError)[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      {errors.map((e, i) => (
        <p key={i}>{e.message}</p>
      ))}
    </div>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  errors?: readonly UserError[];
  hint?: string;
};

/** A labelled input; its errors sit under it and are announced with it. */
export function Field({ label, errors = [], hint, id, ...input }: FieldProps) {
  const auto = useId();
  const inputId = id ?? auto;
  const described = [hint ? `${inputId}-hint` : '', errors.length ? `${inputId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint && (
        <p className="hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field-error" id={`${inputId}-error`}>
          {errors.map((e) => e.message).join(' ')}
        </p>
      )}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

export function Failure({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div className="form-errors" role="alert">
      <p>{error.message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A product image; when it cannot load (offline, blocked host) a plain tile with the product's initials. */
export function ProductImage({
  image,
  title,
  size,
  decorative = false,
}: {
  image?: { url: string; altText?: string | null };
  title: string;
  size: number;
  /** An image beside a text that already names it: hidden from assistive technology. */
  decorative?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  if (!image || failed) {
    const initials = title
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w.charAt(0))
      .join('');
    return (
      <div
        className="image placeholder"
        {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': image?.altText ?? title })}
      >
        <span aria-hidden="true">{initials}</span>
      </div>
    );
  }
  return (
    <img
      className="image"
      src={image.url}
      alt={decorative ? '' : (image.altText ?? title)}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

export function ProductCard({ product }: { product: ProductCardFragment }) {
  return (
    <li className="card">
      <Link href={`/products/${encodeURIComponent(product.handle)}`}>
        <ProductImage image={product.images[0]} title={product.title} size={400} />
        <span className="card-brand">{product.brand}</span>
        <span className="card-title">{product.title}</span>
        <span className="card-price">From {formatMoney(product.priceRange.minVariantPrice)}</span>
      </Link>
    </li>
  );
}

export function ProductGrid({
  products,
  label,
}: {
  products: readonly ProductCardFragment[];
  label: string;
}) {
  return (
    <ul className="grid" aria-label={label}>
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  );
}
