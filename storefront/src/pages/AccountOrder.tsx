// One of the shopper's orders: its lines and totals, tracking of each shipment, and returns.
import { useState, type FormEvent } from 'react';
import {
  MyReturnsDocument,
  OrderDocument,
  ReturnRequestDocument,
  type OrderFieldsFragment,
} from '../gql/graphql';
import { ApiError, request, type UserError } from '../api';
import { formatDate, formatMoney, words } from '../format';
import { Link } from '../router';
import { Empty, errorsFor, Failure, FormErrors, Loading, otherErrors, useQuery } from '../ui';

export function OrderSummary({ order }: { order: OrderFieldsFragment }) {
  return (
    <>
      <p>
        Status: <strong data-testid="order-status">{words(order.status)}</strong> · placed{' '}
        {formatDate(order.createdAt)}
      </p>
      <table className="order-lines">
        <caption className="visually-hidden">Items in order {order.number}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.title} <span className="muted">{l.variantTitle}</span>
              </td>
              <td>{l.quantity}</td>
              <td>{formatMoney(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="totals">
        <div>
          <dt>Subtotal</dt>
          <dd>{formatMoney(order.subtotal)}</dd>
        </div>
        <div>
          <dt>Shipping</dt>
          <dd>{formatMoney(order.shippingTotal)}</dd>
        </div>
        <div>
          <dt>Tax</dt>
          <dd>{formatMoney(order.taxTotal)}</dd>
        </div>
        <div className="grand">
          <dt>Total</dt>
          <dd>{formatMoney(order.total)}</dd>
        </div>
      </dl>
    </>
  );
}

export function AccountOrderPage({ orderId }: { orderId: string }) {
  const { data, error, loading, reload } = useQuery(OrderDocument, { id: orderId });
  const returns = useQuery(MyReturnsDocument, { orderId });
  if (loading) return <Loading />;
  if (error) return <Failure error={error} retry={reload} />;
  const order = data?.order;
  if (!order) return <Empty>No such order.</Empty>;
  return (
    <section className="account-order">
      <p>
        <Link href="/account">← Your account</Link>
      </p>
      <h1>Order {order.number}</h1>
      <OrderSummary order={order} />
      <h2>Tracking</h2>
      {order.shipments.length === 0 ? (
        <p>Not shipped yet: tracking appears here once the parcel leaves.</p>
      ) : (
        order.shipments.map((s) => (
          <div key={s.id} className="shipment">
            <p>
              {s.carrier} {words(s.service)}: <strong>{words(s.status)}</strong> · tracking{' '}
              <a href={s.trackingUrl} rel="noreferrer noopener" target="_blank">
                {s.trackingNumber}
              </a>
              {s.estimatedDelivery && ` · expected ${formatDate(s.estimatedDelivery)}`}
            </p>
            <ol className="events">
              {s.events.map((ev, i) => (
                <li key={i}>
                  {formatDate(ev.occurredAt)}: {ev.description}
                  {ev.location ? ` (${ev.location})` : ''}
                </li>
              ))}
            </ol>
          </div>
        ))
      )}
      <h2>Returns</h2>
      {returns.data && returns.data.returns.length > 0 && (
        <ul>
          {returns.data.returns.map((r) => (
            <li key={r.id}>
              {formatDate(r.createdAt)}: {words(r.status)} — {r.reason}
              {r.trackingNumber ? ` (return tracking ${r.trackingNumber})` : ''}
            </li>
          ))}
        </ul>
      )}
      {returns.error && <Failure error={returns.error} />}
      <ReturnForm order={order} onDone={returns.reload} />
    </section>
  );
}

function ReturnForm({ order, onDone }: { order: OrderFieldsFragment; onDone: () => void }) {
  const [errors, setErrors] = useState<readonly (UserError | ApiError)[]>([]);
  const [sent, setSent] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const lines = order.lines
      .map((l) => ({ orderLineId: l.id, quantity: Number(data.get(`line-${l.id}`) ?? 0) }))
      .filter((l) => l.quantity > 0);
    try {
      const { returnRequest } = await request(ReturnRequestDocument, {
        input: { orderId: order.id, lines, reason: String(data.get('reason') ?? '') },
      });
      setErrors(returnRequest.userErrors);
      setSent(returnRequest.userErrors.length === 0);
      if (returnRequest.return) onDone();
    } catch (err) {
      setErrors([err as ApiError]);
    }
  };
  const userErrors = errors.filter((x): x is UserError => !(x instanceof ApiError));
  const reasonErrors = errorsFor(userErrors, 'reason');
  const lineErrors = errorsFor(userErrors, 'lines');
  return (
    <form onSubmit={(e) => void submit(e)} className="return-form">
      <fieldset aria-describedby={lineErrors.length ? 'return-lines-error' : undefined}>
        <legend>Return items</legend>
        {order.lines.map((l) => (
          <div className="field" key={l.id}>
            <label htmlFor={`line-${l.id}`}>
              {l.title} ({l.variantTitle})
            </label>
            <select id={`line-${l.id}`} name={`line-${l.id}`} defaultValue="0">
              {Array.from({ length: l.quantity + 1 }, (_, n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        ))}
        {lineErrors.length > 0 && (
          <p className="field-error" id="return-lines-error">
            {lineErrors.map((x) => x.message).join(' ')}
          </p>
        )}
      </fieldset>
      <div className={`field${reasonErrors.length ? ' field-invalid' : ''}`}>
        <label htmlFor="reason">Why are you returning them?</label>
        <textarea
          id="reason"
          name="reason"
          rows={2}
          aria-invalid={reasonErrors.length > 0 || undefined}
          aria-describedby={reasonErrors.length ? 'reason-error' : undefined}
        />
        {reasonErrors.length > 0 && (
          <p className="field-error" id="reason-error">
            {reasonErrors.map((x) => x.message).join(' ')}
          </p>
        )}
      </div>
      <FormErrors
        errors={[
          ...errors.filter((x) => x instanceof ApiError),
          ...otherErrors(userErrors, [['reason'], ['lines']]),
        ]}
      />
      <button type="submit">Request a return</button>
      {sent && (
        <p role="status" className="notice">
          Return requested. We will email a label once it is approved.
        </p>
      )}
    </form>
  );
}
