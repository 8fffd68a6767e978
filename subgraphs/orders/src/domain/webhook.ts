// Stripe webhooks: the signature is checked on the raw body, each event id is recorded once, and the
// PaymentIntent is read again from Stripe, so events arriving late or out of order cannot move an order back.
import type Stripe from 'stripe';
import type { RouteResponse } from '@shop/common';
import type { Deps } from './deps';
import { settle } from './payment-settlement';
import { recordPaidInvoice } from './subscriptions';

export const WEBHOOK_TOLERANCE_SECONDS = 300;

export async function handleStripeWebhook(
  deps: Deps,
  stripe: Stripe,
  secret: string,
  rawBody: Buffer,
  signature: string | undefined,
): Promise<RouteResponse> {
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error('missing signature');
    event = stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS);
  } catch {
    return { status: 400, body: { error: 'Invalid signature' } };
  }

  const seen = await deps.db.query(`SELECT 1 FROM stripe_events WHERE id = $1`, [event.id]);
  if (seen.rows.length) return { status: 200, body: { received: true, duplicate: true } };
  const object = event.data.object as {
    id?: unknown;
    object?: unknown;
    metadata?: Record<string, string> | null;
  };
  if (event.type === 'invoice.paid' && typeof object.id === 'string') {
    // The invoice is read again from the provider; the order's idempotency key (the billed period) makes this once only,
    // and the event id is recorded after, so a failure here is retried by Stripe's redelivery.
    const invoice = await deps.payments.retrieveInvoice(object.id);
    if (invoice) await recordPaidInvoice(deps, invoice);
  }
  const isIntent = event.type.startsWith('payment_intent.') && typeof object.id === 'string';
  // The answer is the provider's state now, whatever the event said then,
  // and the order is the one the provider's own record names.
  const current =
    isIntent && object.metadata?.orderId
      ? await deps.payments.retrieve(object.id as string).catch((error: unknown) => {
          // An intent the provider does not know is nothing to settle; anything else is retried by Stripe.
          if ((error as { statusCode?: unknown }).statusCode === 404) return null;
          throw error;
        })
      : null;
  const orderId = current && current.kind !== 'invalid_payment_method' ? current.orderId : null;

  // Settling is idempotent (each change is conditional on the order's state), so an event delivered twice at
  // once moves the order once; the event id is recorded after, so a failure here is retried by Stripe.
  if (current && orderId) await settle(deps, orderId, current);
  const { rowCount } = await deps.db.query(
    `INSERT INTO stripe_events (id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [event.id, event.type],
  );
  return { status: 200, body: { received: true, duplicate: rowCount === 0 } };
}
