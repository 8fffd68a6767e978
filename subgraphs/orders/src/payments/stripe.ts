// The payment port on real Stripe (or any server that speaks its API): PaymentIntents with automatic
// payment methods, confirmed at once with manual capture (captured once the stock is committed), idempotent
// by keys derived from the order.
import Stripe from 'stripe';
import type {
  AttachResult,
  PaidInvoice,
  ChargeRequest,
  PaymentGateway,
  PaymentResult,
  SavedPaymentMethod,
  SubscriptionRequest,
} from './gateway';

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

const INTERVAL = { DAY: 'day', WEEK: 'week', MONTH: 'month', YEAR: 'year' } as const;

function toSaved(pm: Stripe.PaymentMethod): SavedPaymentMethod {
  return {
    id: pm.id,
    brand: pm.card?.brand ?? pm.type,
    last4: pm.card?.last4 ?? '',
    expMonth: pm.card?.exp_month ?? 0,
    expYear: pm.card?.exp_year ?? 0,
  };
}

function fromIntent(intent: Stripe.PaymentIntent): PaymentResult {
  const orderId = intent.metadata?.orderId ?? null;
  switch (intent.status) {
    case 'succeeded':
      return {
        kind: 'succeeded',
        paymentIntentId: intent.id,
        amountMinor: intent.amount_received || intent.amount,
        orderId,
      };
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
    case 'requires_capture':
      return {
        kind: 'authorized',
        paymentIntentId: intent.id,
        amountMinor: intent.amount_capturable || intent.amount,
        orderId,
      };
    case 'processing':
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

  async authorize(request: ChargeRequest): Promise<PaymentResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountMinor,
          currency: request.currency.toLowerCase(),
          payment_method: request.paymentMethodId,
          ...(request.providerCustomerId ? { customer: request.providerCustomerId } : {}),
          confirm: true,
          capture_method: 'manual',
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          metadata: { orderId: request.orderId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return fromIntent(intent);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        const intent = (error.raw as { payment_intent?: Stripe.PaymentIntent }).payment_intent;
        return {
          kind: 'declined',
          paymentIntentId: intent?.id ?? null,
          orderId: request.orderId,
          message: error.message,
        };
      }
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'payment_method') {
        return { kind: 'invalid_payment_method', message: 'The payment method is not valid.' };
      }
      throw error;
    }
  }

  async capture(request: {
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<PaymentResult> {
    try {
      const intent = await this.stripe.paymentIntents.capture(
        request.paymentIntentId,
        { amount_to_capture: request.amountMinor },
        { idempotencyKey: request.idempotencyKey },
      );
      return fromIntent(intent);
    } catch (error) {
      // Already captured, cancelled or expired: the intent as it is now says which.
      if (error instanceof Stripe.errors.StripeInvalidRequestError)
        return this.retrieve(request.paymentIntentId);
      throw error;
    }
  }

  async cancelAuthorization(request: {
    paymentIntentId: string;
    idempotencyKey: string;
  }): Promise<PaymentResult> {
    try {
      return fromIntent(
        await this.stripe.paymentIntents.cancel(
          request.paymentIntentId,
          {},
          { idempotencyKey: request.idempotencyKey },
        ),
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError)
        return this.retrieve(request.paymentIntentId);
      throw error;
    }
  }

  async retrieve(paymentIntentId: string): Promise<PaymentResult> {
    return fromIntent(await this.stripe.paymentIntents.retrieve(paymentIntentId));
  }

  /**
   * Lists the intents created around the order's creation and picks the one its metadata names. A list is read
   * from Stripe's primary store; search is not (it can lag a minute behind), so a lost reply is always found.
   */
  async findByOrder(orderId: string, orderCreatedAt: Date): Promise<PaymentResult | null> {
    const from = Math.floor(orderCreatedAt.getTime() / 1000) - 300;
    for await (const intent of this.stripe.paymentIntents.list({ created: { gte: from }, limit: 100 })) {
      if (intent.metadata?.orderId === orderId) return fromIntent(intent);
    }
    return null;
  }

  async paymentMethodOwner(paymentMethodId: string): Promise<string | null> {
    try {
      const pm = await this.stripe.paymentMethods.retrieve(paymentMethodId);
      return typeof pm.customer === 'string' ? pm.customer : (pm.customer?.id ?? null);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError) return null;
      throw error;
    }
  }

  async refund(request: {
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<{ refundId: string }> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: request.paymentIntentId, amount: request.amountMinor },
      { idempotencyKey: request.idempotencyKey },
    );
    return { refundId: refund.id };
  }

  async createCustomer(request: {
    customerId: string;
    email: string | null;
    idempotencyKey: string;
  }): Promise<{ providerCustomerId: string }> {
    const created = await this.stripe.customers.create(
      { ...(request.email ? { email: request.email } : {}), metadata: { customerId: request.customerId } },
      { idempotencyKey: request.idempotencyKey },
    );
    return { providerCustomerId: created.id };
  }

  async attachPaymentMethod(providerCustomerId: string, paymentMethodId: string): Promise<AttachResult> {
    try {
      return {
        ok: true,
        method: toSaved(
          await this.stripe.paymentMethods.attach(paymentMethodId, { customer: providerCustomerId }),
        ),
      };
    } catch (error) {
      if (
        error instanceof Stripe.errors.StripeCardError ||
        error instanceof Stripe.errors.StripeInvalidRequestError
      ) {
        return { ok: false, message: 'The payment method is not valid.' };
      }
      throw error;
    }
  }

  async listPaymentMethods(providerCustomerId: string): Promise<SavedPaymentMethod[]> {
    const list = await this.stripe.customers.listPaymentMethods(providerCustomerId, { limit: 100 });
    return list.data.map(toSaved);
  }

  async detachPaymentMethod(paymentMethodId: string): Promise<void> {
    await this.stripe.paymentMethods.detach(paymentMethodId);
  }

  async createSubscription(request: SubscriptionRequest): Promise<{ providerSubscriptionId: string }> {
    // Subscription items take price_data only with an existing product, so the product comes first (same key family).
    const product = await this.stripe.products.create(
      { name: request.productName.slice(0, 250), metadata: { subscriptionId: request.subscriptionId } },
      { idempotencyKey: `${request.idempotencyKey}-product` },
    );
    const subscription = await this.stripe.subscriptions.create(
      {
        customer: request.providerCustomerId,
        default_payment_method: request.paymentMethodId,
        items: [
          {
            price_data: {
              currency: request.currency.toLowerCase(),
              product: product.id,
              unit_amount: request.amountMinor,
              recurring: { interval: INTERVAL[request.interval] },
            },
            quantity: 1,
          },
        ],
        metadata: { subscriptionId: request.subscriptionId },
        payment_behavior: 'error_if_incomplete',
      },
      { idempotencyKey: request.idempotencyKey },
    );
    return { providerSubscriptionId: subscription.id };
  }

  async cancelSubscription(providerSubscriptionId: string): Promise<void> {
    try {
      await this.stripe.subscriptions.cancel(providerSubscriptionId);
    } catch (error) {
      // Cancelling twice is not an error to the shopper.
      if (error instanceof Stripe.errors.StripeInvalidRequestError && /cancel/i.test(error.message)) return;
      throw error;
    }
  }

  async retrieveInvoice(invoiceId: string): Promise<PaidInvoice | null> {
    const invoice = await this.stripe.invoices.retrieve(invoiceId, { expand: ['payments'] });
    const sub = invoice.parent?.subscription_details?.subscription ?? null;
    const line = invoice.lines?.data?.[0];
    const paidBy = invoice.payments?.data?.find((p) => p.status === 'paid')?.payment?.payment_intent ?? null;
    return {
      id: invoice.id ?? invoiceId,
      paid: invoice.status === 'paid',
      providerSubscriptionId: typeof sub === 'string' ? sub : (sub?.id ?? null),
      // The subscription period the invoice bills, not the moment it was paid.
      periodStart: new Date((line?.period?.start ?? invoice.period_start) * 1000),
      amountPaidMinor: invoice.amount_paid,
      paymentIntentId: typeof paidBy === 'string' ? paidBy : (paidBy?.id ?? null),
    };
  }
}
