// `npm start`: the whole shop in one process on embedded datastores (PGlite, DynamoDB Local, an in-process
// cache and bus), or on real ones when their URLs are set. Each subgraph still listens on its own port.
import '@shop/common/src/tracing-start';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  busConfigSchema,
  ConfigError,
  createLogger,
  parseConfig,
  type Logger,
  type ServiceHandle,
  type Subgraph,
} from '@shop/common';
import {
  createEventBus,
  startDynamoLocal,
  startOpenSearchLocal,
  type DynamoLocal,
  type EventBus,
  type OpenSearchLocal,
} from '@shop/datastores';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config';
import { createGateway, type Gateway } from '../gateway/src/gateway';
import * as cartConfig from '../subgraphs/cart/src/config';
import * as cart from '../subgraphs/cart/src/service';
import * as catalogConfig from '../subgraphs/catalog/src/config';
import * as catalog from '../subgraphs/catalog/src/service';
import * as ordersConfig from '../subgraphs/orders/src/config';
import * as orders from '../subgraphs/orders/src/service';
import * as shippingConfig from '../subgraphs/shipping/src/config';
import * as shipping from '../subgraphs/shipping/src/service';
import * as usersConfig from '../subgraphs/users/src/config';
import { DEMO_ADMIN_PASSWORD } from '../subgraphs/users/src/config';
import * as users from '../subgraphs/users/src/service';
import { ROOT, SUBGRAPHS } from './supergraph';
import { embeddedStorefront } from '../storefront/server/embedded';
import { ensureBuilt, startStorefront } from '../storefront/server/serve';
import { describePublish, publishDocuments, signInAdmin } from '../storefront/server/publish-documents';

type Env = Record<string, string | undefined>;

type Runtime = { bus: EventBus; logger: Logger };

/** How each subgraph is made from the environment, in start order: catalog first, as the others read prices from it. */
/** The gateway's origin, by either name the shop prints for it: the only one a browser may call DynamoDB Local from. */
export function gatewayOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
}

/** The environment that puts a shop on these ports: the gateway's first, then each subgraph's in SUBGRAPHS order. */
export function portsEnv(ports: number[]): Record<string, string> {
  if (ports.length !== SUBGRAPHS.length + 1)
    throw new RangeError(`expected ${SUBGRAPHS.length + 1} ports, got ${ports.length}`);
  return {
    PORT: String(ports[0]),
    ...Object.fromEntries(
      SUBGRAPHS.map(({ name }, i) => [`${name.toUpperCase()}_PORT`, String(ports[i + 1])]),
    ),
  };
}

const SERVICES: {
  name: (typeof SUBGRAPHS)[number]['name'];
  create: (env: Env, runtime: Runtime) => Promise<ServiceHandle>;
}[] = [
  { name: 'catalog', create: (env, rt) => catalog.createService(catalogConfig.loadConfig(env), rt) },
  { name: 'users', create: (env, rt) => users.createService(usersConfig.loadConfig(env), rt) },
  { name: 'cart', create: (env, rt) => cart.createService(cartConfig.loadConfig(env), rt) },
  { name: 'shipping', create: (env, rt) => shipping.createService(shippingConfig.loadConfig(env), rt) },
  { name: 'orders', create: (env, rt) => orders.createService(ordersConfig.loadConfig(env), rt) },
];

/** Secrets the services share, made once per data folder so sessions and rate handles survive a restart. */
function localSecrets(dataDir: string): Env {
  const file = join(dataDir, 'secrets.json');
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the secrets file sits at a fixed name under DATA_DIR
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Env;
  const secrets = {
    INTERNAL_AUTH_SECRET: randomBytes(32).toString('base64url'),
    MFA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SHIPPING_RATE_SECRET: randomBytes(32).toString('base64url'),
  };
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- dataDir is DATA_DIR configuration
  mkdirSync(dataDir, { recursive: true });
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the secrets file sits at a fixed name under DATA_DIR
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export interface RunningShop {
  gatewayUrl: string;
  /** The gateway's `/metrics`, on its own port (each subgraph serves `/metrics` on its own). */
  metricsUrl: string;
  /** Each subgraph as it runs, by name (tests watch what the gateway sends them). */
  subgraphs: Record<string, Subgraph>;
  stop: () => Promise<void>;
}

export async function startShop(
  env: Env = process.env,
  logger = createLogger('shop', env.LOG_LEVEL ?? 'info'),
): Promise<RunningShop> {
  const dataDir = resolve(ROOT, env.DATA_DIR ?? '.data');
  const base: Env = { ...localSecrets(dataDir), ...env, DATA_DIR: dataDir };
  const stops: { name: string; fn: () => Promise<void> }[] = [];
  const stop = async () => {
    for (const { name, fn } of stops.reverse()) {
      const started = Date.now();
      await fn().catch((error: unknown) => logger.error({ err: error }, `stopping ${name} failed`));
      logger.debug({ ms: Date.now() - started }, `${name} stopped`);
    }
  };

  try {
    let dynamoLocal: DynamoLocal | undefined;
    if (!base.DYNAMODB_ENDPOINT) {
      dynamoLocal = await startDynamoLocal({
        port: Number(base.DYNAMODB_LOCAL_PORT ?? 8000),
        dataDir: join(dataDir, 'dynamodb'),
        corsOrigins: gatewayOrigins(Number(base.PORT ?? 4000)),
      });
      stops.push({ name: 'DynamoDB Local', fn: () => dynamoLocal!.stop() });
      base.DYNAMODB_ENDPOINT = dynamoLocal.endpoint;
      logger.info({ endpoint: dynamoLocal.endpoint }, 'DynamoDB Local started');
    }

    // Search stays on Postgres (a fast start) unless SEARCH_ENGINE=opensearch: then on OPENSEARCH_URL, or on a
    // single local node persisted in DATA_DIR/opensearch.
    const search = parseConfig(
      catalogConfig.configSchema.pick({ SEARCH_ENGINE: true, OPENSEARCH_URL: true }),
      base,
    );
    if (search.SEARCH_ENGINE === 'opensearch' && !search.OPENSEARCH_URL) {
      const node: OpenSearchLocal = await startOpenSearchLocal({
        dataDir: join(dataDir, 'opensearch'),
        port: Number(base.OPENSEARCH_LOCAL_PORT ?? 9200),
      });
      stops.push({ name: 'OpenSearch', fn: () => node.stop() });
      base.OPENSEARCH_URL = node.url;
      logger.info({ url: node.url, ms: node.startMs }, 'OpenSearch node started');
    }

    const bus: EventBus = createEventBus(parseConfig(busConfigSchema, base), logger);
    stops.push({ name: 'event bus', fn: () => bus.close() });

    // <NAME>_PORT moves a subgraph; <NAME>_URL is where the others reach it (derived from the port by default).
    const ports = Object.fromEntries(
      SUBGRAPHS.map(({ name, port }) => [name, Number(base[`${name.toUpperCase()}_PORT`] ?? port)]),
    );
    const urls: Env = Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [
        `${name.toUpperCase()}_URL`,
        // eslint-disable-next-line security/detect-object-injection -- the key is built from a subgraph name of the constant SUBGRAPHS list
        base[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${ports[name]}`,
      ]),
    );

    // Pages a shopper's browser is sent to (the sandbox's 3-D Secure step) are on the gateway's address.
    const publicUrl = base.PUBLIC_URL ?? `http://localhost:${base.PORT ?? 4000}`;
    const started: ServiceHandle[] = [];
    const subgraphs: Record<string, Subgraph> = {};
    for (const { name, create } of SERVICES) {
      const serviceEnv: Env = {
        ...base,
        PUBLIC_URL: publicUrl,
        ...urls,
        // eslint-disable-next-line security/detect-object-injection -- name is a subgraph name of the constant SUBGRAPHS list
        PORT: String(ports[name]),
        DATABASE_URL: base[`${name.toUpperCase()}_DATABASE_URL`],
      };
      const service = await create(serviceEnv, { bus, logger: logger.child({ service: name }) });
      stops.push({ name, fn: () => service.close() });
      await service.subgraph.app.listen(Number(serviceEnv.PORT), base.HOST ?? '127.0.0.1');
      started.push(service);
      // eslint-disable-next-line security/detect-object-injection -- name is one of the five subgraph names above
      subgraphs[name] = service.subgraph;
      logger.info({ port: serviceEnv.PORT }, `${name} subgraph listening`);
    }
    for (const service of started) service.start();

    const gatewayConfig = loadGatewayConfig({
      ...base,
      USERS_URL: urls.USERS_URL,
      ...Object.fromEntries(
        SUBGRAPHS.map(({ name }) => [
          `SUBGRAPH_${name.toUpperCase()}_URL`,
          `${urls[`${name.toUpperCase()}_URL`]}/graphql`,
        ]),
      ),
    });
    const gateway: Gateway = await createGateway(gatewayConfig, logger.child({ service: 'gateway' }), {
      bus,
    });
    stops.push({ name: 'gateway', fn: () => gateway.close() });
    const port = await gateway.app.listen(gatewayConfig.PORT, gatewayConfig.HOST);
    const metricsPort = await gateway.metrics.listen(gatewayConfig.METRICS_PORT, gatewayConfig.METRICS_HOST);
    return {
      gatewayUrl: `http://${gatewayConfig.HOST === '0.0.0.0' ? 'localhost' : gatewayConfig.HOST}:${port}/graphql`,
      metricsUrl: `http://${gatewayConfig.METRICS_HOST}:${metricsPort}/metrics`,
      subgraphs,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (require.main === module) {
  const startedAt = Date.now();
  // The storefront on a port of its own, in front of this gateway; STOREFRONT_PORT=off leaves it out.
  const withStorefront = process.env.STOREFRONT_PORT !== 'off';
  const wiring = withStorefront ? embeddedStorefront(process.env) : { env: {}, proxySecret: undefined };
  startShop({ ...process.env, ...wiring.env }).then(
    async (shop) => {
      let closeStorefront = async () => {};
      let storefrontLine = '';
      if (withStorefront) {
        try {
          ensureBuilt((line) => console.log(line));
          const storefront = await startStorefront({
            port: Number(process.env.STOREFRONT_PORT ?? 4100),
            host: process.env.HOST,
            gatewayUrl: new URL(shop.gatewayUrl).origin,
            proxySecret: wiring.proxySecret,
          });
          closeStorefront = storefront.close;
          storefrontLine = `Storefront: ${storefront.url}`;
          const email = process.env.SEED_ADMIN_EMAIL ?? 'admin@shop.local';
          const password = process.env.SEED_ADMIN_PASSWORD ?? DEMO_ADMIN_PASSWORD;
          const published = await signInAdmin(shop.gatewayUrl, email, password).then((token) =>
            publishDocuments(shop.gatewayUrl, token),
          );
          console.log(describePublish(published));
        } catch (error) {
          console.error(`storefront: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      console.log(`\nThe shop is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
      console.log(`GraphQL explorer: ${shop.gatewayUrl.replace('127.0.0.1', 'localhost')}`);
      if (storefrontLine) console.log(storefrontLine);
      console.log('');
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        console.log('Stopping…');
        closeStorefront()
          .then(() => shop.stop())
          .then(
            () => process.exit(0),
            () => process.exit(1),
          );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    },
  );
}
