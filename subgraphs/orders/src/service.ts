// Builds the orders subgraph: Postgres, the payment provider, the cart and shipping clients, the Stripe
// webhook, the outbox relay, the confirmation-email consumer and the reconciler.
import { orderClaimKey } from './domain/order-claims';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import Stripe from 'stripe';
import {
  emailSenderFor,
  HttpError,
  createServiceClient,
  createSubgraph,
  type Logger,
  type Route,
  type ServiceHandle,
  loadLimitsOf,
} from '@shop/common';
import {
  OUTBOX_MIGRATIONS,
  SqlOutboxRelay,
  loadMigrations,
  migrate,
  openSqlDatabase,
  type EventBus,
} from '@shop/datastores';
import type { Config } from './config';
import { buildContext } from './context';
import { cartPort, catalogPort, shippingPort } from './data/services';
import type { Deps } from './domain/deps';
import { reconcile } from './domain/orders';
import { renewDue } from './domain/subscriptions';
import { settle } from './domain/payment-settlement';
import { onShipmentEvent } from './domain/shipments';
import { handleStripeWebhook } from './domain/webhook';
import { NOTIFICATIONS_CONSUMER, NOTIFICATION_TOPICS, createNotifier } from './notifications';
import { SHIPMENT_TOPICS } from './notifications/order-shipped';
import { RETURN_TOPICS, onReturnReceived } from './domain/returns';
import type { PaymentGateway } from './payments/gateway';
import { meteredPayments } from './payments/metered';
import { SandboxPaymentGateway } from './payments/sandbox';
import { StripePaymentGateway, createStripeClient } from './payments/stripe';
import { resolvers } from './resolvers';
import { fulfilmentRoutes } from './routes/fulfilment';

const ROOT = join(__dirname, '..');

export interface OrdersServiceHandle extends ServiceHandle {
  deps: Deps;
  /** One pass of the reconciler (the timer runs it every RECONCILE_INTERVAL_MS). */
  reconcile(): Promise<number>;
  /** One pass of the sandbox's subscription renewal job at `now` (the timer runs it every RENEWAL_INTERVAL_MS). */
  renewDue(now?: Date): Promise<number>;
}

export async function createService(
  config: Config,
  runtime: {
    bus: EventBus;
    logger: Logger;
    /** Wraps the payment provider (tests use it to die at a chosen moment). */
    wrapPayments?: (gateway: PaymentGateway) => PaymentGateway;
  },
): Promise<OrdersServiceHandle> {
  const logger = runtime.logger.child({ service: 'orders' });
  const db = await openSqlDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'orders', 'pglite'),
  });
  await migrate(db, [...OUTBOX_MIGRATIONS, ...loadMigrations(join(ROOT, 'migrations'))]);

  const client = (target: string, baseUrl: string) =>
    createServiceClient({
      caller: 'orders',
      target,
      baseUrl,
      secret: config.INTERNAL_AUTH_SECRET,
      timeoutMs: config.SERVICE_TIMEOUT_MS,
    });

  const stripe = config.STRIPE_SECRET_KEY
    ? createStripeClient({
        secretKey: config.STRIPE_SECRET_KEY,
        host: config.STRIPE_API_HOST,
        port: config.STRIPE_API_PORT,
        protocol: config.STRIPE_API_PROTOCOL,
      })
    : null;
  // The shopper's browser reaches the 3-D Secure page through the gateway, never this service's own address.
  const authenticateUrl = (id: string, token: string) => {
    const url = new URL(
      `sandbox/payments/${encodeURIComponent(id)}/authenticate`,
      config.PUBLIC_URL.endsWith('/') ? config.PUBLIC_URL : `${config.PUBLIC_URL}/`,
    );
    url.searchParams.set('token', token);
    return url.toString();
  };
  const sandbox = stripe ? null : new SandboxPaymentGateway(db, authenticateUrl, config.INTERNAL_AUTH_SECRET);
  const baseGateway: PaymentGateway = stripe ? new StripePaymentGateway(stripe) : sandbox!;
  const payments = meteredPayments(runtime.wrapPayments ? runtime.wrapPayments(baseGateway) : baseGateway);

  const relay = new SqlOutboxRelay(db, runtime.bus, 'orders', logger);
  const deps: Deps = {
    db,
    cart: cartPort(client('cart', config.CART_URL)),
    shipping: shippingPort(client('shipping', config.SHIPPING_URL)),
    catalog: catalogPort(client('catalog', config.CATALOG_URL)),
    payments,
    logger,
    settings: {
      leaseSeconds: config.CHECKOUT_LEASE_SECONDS,
      reservationTtlSeconds: config.RESERVATION_TTL_SECONDS,
      pendingTimeoutSeconds: config.PENDING_PAYMENT_TIMEOUT_SECONDS,
      returnUrl: config.PAYMENT_RETURN_URL,
      checkoutTtlSeconds: config.CHECKOUT_TTL_SECONDS,
      checkoutPriceTtlSeconds: config.CHECKOUT_PRICE_TTL_SECONDS,
      maxPendingPayments: config.MAX_PENDING_PAYMENTS,
      allowBackorders: config.ALLOW_BACKORDERS,
    },
    orderClaimKey: orderClaimKey(config.INTERNAL_AUTH_SECRET),
    outboxWritten: () => relay.kick(),
  };

  const routes: Route[] = [
    ...fulfilmentRoutes(deps, { secret: config.INTERNAL_AUTH_SECRET, service: 'orders' }),
  ];
  if (config.STRIPE_WEBHOOK_SECRET) {
    const secret = config.STRIPE_WEBHOOK_SECRET;
    // constructEvent needs no API key; a placeholder serves when the payments themselves run on the sandbox.
    const verifier = stripe ?? new Stripe('sk_test_webhook_verification_only');
    routes.push({
      method: 'POST',
      path: '/webhooks/stripe',
      handler: async (request) => {
        const signature = request.req.headers['stripe-signature'];
        return handleStripeWebhook(
          deps,
          verifier,
          secret,
          await request.rawBody(),
          Array.isArray(signature) ? signature[0] : signature,
        );
      },
    });
  }
  if (sandbox) {
    // The sandbox's stand-in for the bank's 3-D Secure page: authenticating completes the payment.
    routes.push({
      method: 'POST',
      path: '/sandbox/payments/:id/authenticate',
      handler: async (request) => {
        const id = request.params.id ?? '';
        // The token is the link's own: signed for this payment and good once, so a guessed or replayed link does nothing.
        const result = await sandbox.authenticate(id, request.query.get('token') ?? '');
        if (!result || result.kind === 'invalid_payment_method' || !result.orderId)
          throw new HttpError(404, 'No such payment awaiting authentication');
        await settle(deps, result.orderId, result);
        const after = await sandbox.retrieve(id);
        return { status: 200, body: { status: after.kind } };
      },
    });
  }

  const subgraph = await createSubgraph({
    limits: loadLimitsOf(config),
    name: 'orders',
    inputLimits: { defaultMaxItems: config.MAX_INPUT_LIST_ITEMS },
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path is built from this module's own directory, never from a request
    typeDefs: gql(readFileSync(join(ROOT, 'schema.graphql'), 'utf8')),
    resolvers,
    secret: config.INTERNAL_AUTH_SECRET,
    logger,
    buildContext: (base) => buildContext(base, deps),
    routes,
    checkHealth: async () => {
      await db.query('SELECT 1');
    },
  });

  const notify = createNotifier({ db, email: emailSenderFor(config) });
  let timer: NodeJS.Timeout | undefined;
  let reconciling: Promise<unknown> | undefined;
  let renewalTimer: NodeJS.Timeout | undefined;
  let renewing: Promise<unknown> | undefined;

  return {
    subgraph,
    deps,
    reconcile: () => reconcile(deps),
    renewDue: (now?: Date) => renewDue(deps, now),
    start() {
      // On AWS the notifications Lambda may consume the same queue: each email is still sent once.
      runtime.bus.subscribe(NOTIFICATIONS_CONSUMER, NOTIFICATION_TOPICS, notify);
      runtime.bus.subscribe('orders-shipments', SHIPMENT_TOPICS, (event) => onShipmentEvent(deps, event));
      runtime.bus.subscribe('orders-returns', RETURN_TOPICS, (event) => onReturnReceived(deps, event));
      relay.start();
      if (config.RECONCILE_INTERVAL_MS > 0) {
        timer = setInterval(() => {
          reconciling ??= reconcile(deps)
            .catch((error: unknown) => logger.warn({ err: error }, 'reconciler pass failed'))
            .finally(() => (reconciling = undefined));
        }, config.RECONCILE_INTERVAL_MS);
        timer.unref();
      }
      // On Stripe, Stripe bills each period and its invoice.paid webhook places the order; the sandbox renews here.
      if (sandbox && config.RENEWAL_INTERVAL_MS > 0) {
        renewalTimer = setInterval(() => {
          renewing ??= renewDue(deps)
            .catch((error: unknown) => logger.warn({ err: error }, 'renewal pass failed'))
            .finally(() => (renewing = undefined));
        }, config.RENEWAL_INTERVAL_MS);
        renewalTimer.unref();
      }
    },
    async close() {
      if (timer) clearInterval(timer);
      if (renewalTimer) clearInterval(renewalTimer);
      await reconciling;
      await renewing;
      await relay.stop();
      await subgraph.close();
      await db.close();
    },
  };
}
