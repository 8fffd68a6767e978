// The order just placed. A signed-in shopper's is read from the API; a guest's order cannot be read back by id
// (only its owner or an admin may), so a guest sees the copy checkout answered with.
import { OrderDocument, type OrderFieldsFragment } from '../gql/graphql';
import { Link } from '../router';
import { useSession } from '../store';
import { Empty, Failure, Loading, useQuery } from '../ui';
import { OrderSummary } from './AccountOrder';

export function OrderConfirmationPage({ orderId }: { orderId: string }) {
  const { token } = useSession();
  const { data, error, loading } = useQuery(OrderDocument, { id: orderId }, !token);
  const saved = sessionStorage.getItem(`shop.order.${orderId}`);
  const order: OrderFieldsFragment | null | undefined =
    data?.order ?? (saved ? (JSON.parse(saved) as OrderFieldsFragment) : undefined);
  if (loading && !order) return <Loading />;
  if (!order)
    return error ? <Failure error={error} /> : <Empty>This order is not one we can show here.</Empty>;
  return (
    <section className="confirmation">
      <h1>Thank you, your order is placed</h1>
      <p>
        Order <strong data-testid="order-number">{order.number}</strong>. A confirmation is on its way by
        email.
      </p>
      <OrderSummary order={order} />
      <p>
        {token ? (
          <Link href="/account">See your orders</Link>
        ) : (
          <>
            <Link href="/account/register">Create an account</Link> or{' '}
            <Link href="/account/sign-in">sign in</Link> in this tab to keep this order in your account.
          </>
        )}{' '}
        · <Link href="/">Keep shopping</Link>
      </p>
    </section>
  );
}
