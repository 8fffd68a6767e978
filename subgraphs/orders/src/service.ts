// Builds the orders subgraph: Postgres, the payment provider, the cart and shipping clients, the Stripe
// webhook, the outbox relay, the confirmation-email consumer and the reconciler.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import Stripe from 'stripe';
import {
  FileEmailSender,
  HttpError,
  createServiceClient,
  createSubgraph,
  type Logger,
  type Route,
  type ServiceHandle,
} from '@shop/common';
import { OUTBOX_MIGRATION, SqlOutboxRelay, loadMigrations, migrate, openSqlDatabase, type EventBus } from '@shop/datastores';
import type { Config } from './config';
import { buildContext } from './context';
import { cartPort, catalogPort, shippingPort } from './data/services';
import type { Deps } from './domain/deps';
import { reconcile } from './domain/orders';
import { renewDue } from './domain/subscriptions';
import { settle } from './domain/payment-settlement';
import { onShipmentEvent } from './domain/shipments';
import { handleStripeWebhook } from './domain/webhook';
import { createOrderCancelledHandler } from './notifications/order-cancelled';
import { createOrderConfirmationHandler } from './notifications/order-confirmation';
import { createOrderRefundedHandler } from './notifications/order-refunded';
import { SHIPMENT_TOPICS, createOrderShippedHandler } from './notifications/order-shipped';
import type { PaymentGateway } from './payments/gateway';
import { SandboxPaymentGateway } from './payments/sandbox';
import { StripePaymentGateway, createStripeClient } from './payments/stripe';
import { resolvers } from './resolvers';

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
  const db = await openSqlDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'orders', 'pglite') });
  await migrate(db, [OUTBOX_MIGRATION, ...loadMigrations(join(ROOT, 'migrations'))]);

  const client = (target: string, baseUrl: string) =>
    createServiceClient({ caller: 'orders', target, baseUrl, secret: config.INTERNAL_AUTH_SECRET, timeoutMs: config.SERVICE_TIMEOUT_MS });

  const stripe = config.STRIPE_SECRET_KEY
    ? createStripeClient({
        secretKey: config.STRIPE_SECRET_KEY,
        host: config.STRIPE_API_HOST,
        port: config.STRIPE_API_PORT,
        protocol: config.STRIPE_API_PROTOCOL,
      })
    : null;
  const publicBase = `http://${config.HOST}:${config.PORT}`;
  const sandbox = stripe ? null : new SandboxPaymentGateway(db, (id) => `${publicBase}/sandbox/payments/${id}/authenticate`);
  const baseGateway: PaymentGateway = stripe ? new StripePaymentGateway(stripe) : sandbox!;
  const payments = runtime.wrapPayments ? runtime.wrapPayments(baseGateway) : baseGateway;

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
    },
    outboxWritten: () => relay.kick(),
  };

  const routes: Route[] = [];
  if (config.STRIPE_WEBHOOK_SECRET) {
    const secret = config.STRIPE_WEBHOOK_SECRET;
    // constructEvent needs no API key; a placeholder serves when the payments themselves run on the sandbox.
    const verifier = stripe ?? new Stripe('sk_test_webhook_verification_only');
    routes.push({
      method: 'POST',
      path: '/webhooks/stripe',
      handler: async (request) => {
        const signature = request.req.headers['stripe-signature'];
        return handleStripeWebhook(deps, verifier, secret, await request.rawBody(), Array.isArray(signature) ? signature[0] : signature);
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
        const result = await sandbox.authenticate(id);
        if (result.kind === 'invalid_payment_method' || !result.orderId) throw new HttpError(404, 'No such payment');
        await settle(deps, result.orderId, result);
        return { status: 200, body: { status: result.kind } };
      },
    });
  }

  const subgraph = await createSubgraph({
    name: 'orders',
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

  const notificationDeps = { db, email: new FileEmailSender(join(config.DATA_DIR, 'mail')) };
  const notifications = [
    createOrderConfirmationHandler(notificationDeps),
    createOrderCancelledHandler(notificationDeps),
    createOrderRefundedHandler(notificationDeps),
    createOrderShippedHandler(notificationDeps),
  ];
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
      // Locally the Lambda handlers run in-process; each ignores the topics that are not its own.
      runtime.bus.subscribe('orders-notifications', ['order.paid', 'order.cancelled', 'order.refunded', ...SHIPMENT_TOPICS], async (event) => {
        const lambdaEvent = { id: event.id, 'detail-type': event.topic, source: event.source, time: event.occurredAt, detail: event.payload };
        for (const notify of notifications) await notify(lambdaEvent);
      });
      runtime.bus.subscribe('orders-shipments', SHIPMENT_TOPICS, (event) => onShipmentEvent(deps, event));
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
