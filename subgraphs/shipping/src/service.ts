// Builds the shipping subgraph: Postgres, the catalog client, rate signing, routes, the outbox relay,
// the CRM event consumers and the outbound webhook deliverer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import {
  createServiceClient,
  createSubgraph,
  type Logger,
  type ServiceHandle,
  loadLimitsOf,
} from '@shop/common';
import {
  loadMigrations,
  migrate,
  openSqlDatabase,
  OUTBOX_MIGRATIONS,
  SqlOutboxRelay,
  type EventBus,
} from '@shop/datastores';
import { returnRefunded } from '@shop/contracts';
import type { Config } from './config';
import { buildContext, type Deps } from './context';
import { catalogClient } from './data/catalog';
import { ordersClient } from './data/orders';
import { onReturnRefunded } from './domain/returns';
import { CONSUMED_TOPICS, handleCrmEvent } from './domain/crm';
import { CARRIERS, deriveKey, RateSigner, type Carrier } from './domain/rates';
import { fanOut, WebhookDeliverer, WEBHOOK_TOPICS } from './domain/webhooks';
import { resolvers } from './resolvers';
import { buildRoutes } from './routes';

const ROOT = join(__dirname, '..');

/** The key that signs a carrier's webhooks: configured, or derived for the sandbox carriers. */
export function carrierSecret(config: Config, carrier: Carrier): string {
  // eslint-disable-next-line security/detect-object-injection -- carrier is a Carrier enum value
  const configured = {
    DHL: config.CARRIER_WEBHOOK_SECRET_DHL,
    FEDEX: config.CARRIER_WEBHOOK_SECRET_FEDEX,
    UPS: config.CARRIER_WEBHOOK_SECRET_UPS,
  }[carrier];
  return configured ?? deriveKey(config.INTERNAL_AUTH_SECRET, `shipping:carrier-webhook:${carrier}`);
}

export function rateSecret(config: Config): string {
  return config.SHIPPING_RATE_SECRET ?? deriveKey(config.INTERNAL_AUTH_SECRET, 'shipping:rate-handle');
}

export async function createService(
  config: Config,
  runtime: { bus: EventBus; logger: Logger },
): Promise<ServiceHandle> {
  const logger = runtime.logger;
  const db = await openSqlDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'shipping', 'pglite'),
  });
  try {
    await migrate(db, [...OUTBOX_MIGRATIONS, ...loadMigrations(join(ROOT, 'migrations'))]);
  } catch (error) {
    await db.close();
    throw error;
  }

  const relay = new SqlOutboxRelay(db, runtime.bus, 'shipping', logger);
  const client = (target: string, baseUrl: string) =>
    createServiceClient({
      caller: 'shipping',
      target,
      baseUrl,
      secret: config.INTERNAL_AUTH_SECRET,
      timeoutMs: config.SERVICE_TIMEOUT_MS,
    });
  const catalog = catalogClient(client('catalog', config.CATALOG_URL));
  const orders = ordersClient(client('orders', config.ORDERS_URL));
  const webhookOptions = {
    allowHttp: config.WEBHOOK_ALLOW_HTTP,
    maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
  };
  const deliverer = new WebhookDeliverer(db, webhookOptions, logger, config.WEBHOOK_POLL_MS);
  const deps: Deps = {
    db,
    pricing: { catalog, signer: new RateSigner(rateSecret(config), config.SHIPPING_RATE_TTL_SECONDS) },
    fulfillment: { db, orders, onEvents: () => relay.kick() },
    returns: { db, onEvents: () => relay.kick() },
    webhooks: webhookOptions,
  };

  const carrierSecrets = Object.fromEntries(CARRIERS.map((c) => [c, carrierSecret(config, c)])) as Record<
    Carrier,
    string
  >;
  const subgraph = await createSubgraph({
    limits: loadLimitsOf(config),
    name: 'shipping',
    inputLimits: {
      defaultMaxItems: config.MAX_INPUT_LIST_ITEMS,
      maxItems: { 'Mutation.webhookSubscriptionCreate(topics:)': WEBHOOK_TOPICS.length },
    },
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path is built from this module's own directory, never from a request
    typeDefs: gql(readFileSync(join(ROOT, 'schema.graphql'), 'utf8')),
    resolvers,
    secret: config.INTERNAL_AUTH_SECRET,
    logger,
    buildContext: (base) => buildContext(deps, base),
    routes: buildRoutes({
      secret: config.INTERNAL_AUTH_SECRET,
      pricing: deps.pricing,
      fulfillment: deps.fulfillment,
      carrierSecrets,
      webhookToleranceSeconds: config.CARRIER_WEBHOOK_TOLERANCE_SECONDS,
      logger,
    }),
    checkHealth: async () => {
      await db.query('SELECT 1');
    },
  });

  let started = false;
  return {
    subgraph,
    start() {
      if (started) return;
      started = true;
      runtime.bus.subscribe('shipping', CONSUMED_TOPICS, (event) => handleCrmEvent(db, event));
      runtime.bus.subscribe('shipping-returns', [returnRefunded.topic], (event) =>
        onReturnRefunded(db, event),
      );
      runtime.bus.subscribe('shipping-webhooks', [...WEBHOOK_TOPICS], async (event) => {
        if ((await fanOut(db, event)) > 0) deliverer.kick();
      });
      relay.start();
      deliverer.start();
    },
    async close() {
      await subgraph.close();
      await relay.stop();
      await deliverer.stop();
      await db.close();
    },
  };
}
