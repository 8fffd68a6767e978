// The payment port on real Stripe (or any server that speaks its API): PaymentIntents with automatic
// payment methods, confirmed at once, idempotent by a key derived from the order.
import Stripe from 'stripe';
import type { ChargeRequest, PaymentGateway, PaymentResult } from './gateway';

export interface StripeSettings {
  secretKey: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

export function createStripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.port ? { port: settings.port } : {}),
    protocol: settings.protocol ?? 'https',
    maxNetworkRetries: 2,
    timeout: 20_000,
  });
}

function fromIntent(intent: Stripe.PaymentIntent): PaymentResult {
  const orderId = intent.metadata?.orderId ?? null;
  switch (intent.status) {
    case 'succeeded':
      return { kind: 'succeeded', paymentIntentId: intent.id, amountMinor: intent.amount_received || intent.amount, orderId };
    case 'requires_action': {
      const redirect = intent.next_action?.redirect_to_url?.url ?? null;
      return {
        kind: 'requires_action',
        paymentIntentId: intent.id,
        orderId,
        nextAction: {
          type: redirect ? 'REDIRECT_TO_URL' : 'USE_STRIPE_SDK',
          redirectUrl: redirect,
          clientSecret: intent.client_secret ?? null,
        },
      };
    }
    case 'processing':
    case 'requires_capture':
    case 'requires_confirmation':
      return { kind: 'processing', paymentIntentId: intent.id, orderId };
    default:
      return {
        kind: 'declined',
        paymentIntentId: intent.id,
        orderId,
        message: intent.last_payment_error?.message ?? 'The payment did not go through.',
      };
  }
}

export class StripePaymentGateway implements PaymentGateway {
  readonly provider = 'stripe' as const;
  constructor(private readonly stripe: Stripe) {}

  async charge(request: ChargeRequest): Promise<PaymentResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountMinor,
          currency: request.currency.toLowerCase(),
          payment_method: request.paymentMethodId,
          confirm: true,
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          metadata: { orderId: request.orderId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return fromIntent(intent);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        const intent = (error.raw as { payment_intent?: Stripe.PaymentIntent }).payment_intent;
        return { kind: 'declined', paymentIntentId: intent?.id ?? null, orderId: request.orderId, message: error.message };
      }
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'payment_method') {
        return { kind: 'invalid_payment_method', message: 'The payment method is not valid.' };
      }
      throw error;
    }
  }

  async retrieve(paymentIntentId: string): Promise<PaymentResult> {
    return fromIntent(await this.stripe.paymentIntents.retrieve(paymentIntentId));
  }

  async findByOrder(orderId: string): Promise<PaymentResult | null> {
    const found = await this.stripe.paymentIntents.search({ query: `metadata['orderId']:'${orderId.replace(/'/g, '')}'`, limit: 1 });
    const intent = found.data[0];
    return intent ? fromIntent(intent) : null;
  }

  async refund(request: { paymentIntentId: string; amountMinor: number; idempotencyKey: string }): Promise<{ refundId: string }> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: request.paymentIntentId, amount: request.amountMinor },
      { idempotencyKey: request.idempotencyKey },
    );
    return { refundId: refund.id };
  }
}
