// The gateway: edge concerns only. It resolves the caller once, signs that identity for the subgraphs,
// bounds every subgraph call, limits query shape, masks errors, and serves the explorer.
import { randomUUID } from 'node:crypto';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildASTSchema, parse } from 'graphql';
import { apiKeyHash, SessionStore, sessionTables } from '@shop/auth';
import {
  createHttpApp,
  createServiceClient,
  loadLimitsOf,
  maskError,
  metricsEnabled,
  metricsRoute,
  operationMetricsPlugin,
  requestScope,
  subgraphFetchDuration,
  singleCredentialCheckPlugin,
  type HttpApp,
  type Logger,
  type Route,
  type ShutdownOptions,
} from '@shop/common';
import {
  connectRedis,
  createCache,
  createDynamo,
  createEventBus,
  ensureTables,
  type Cache,
  type Dynamo,
  type EventBus,
} from '@shop/datastores';
import { trustedHops } from './forwarded';
import type { Config } from './config';
import { explorerPage, explorerRoutes } from './explorer';
import { sharingScope, SignedDataSource, type Fetcher, type SubgraphCallContext } from './data-source';
import { bucketFor, createEdge, finishAnswer, type EdgeContext } from './edge';
import { clientIp, IdentityResolver, type PartnerTerms } from './identity';
import { paymentPageRoutes } from './payment-pages';
import { DocumentStore } from './persisted-documents';
import { ResponseCache, type ResponseCacheContext } from './response-cache';
import { MemoryResponseStore, RedisResponseStore } from './response-store';
import { MemoryBuckets, RedisBuckets, type Buckets } from './throttle';

interface GatewayContext extends EdgeContext, SubgraphCallContext, ResponseCacheContext {
  /** A partner key's terms (its client's published documents, its cost rate). */
  terms: PartnerTerms | null;
}

/** Parses the subgraph names and URLs out of a supergraph's `join__Graph` enum. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  const found: { name: string; url: string }[] = [];
  const pattern = /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g;
  for (let m = pattern.exec(supergraphSdl); m; m = pattern.exec(supergraphSdl))
    found.push({ name: m[1]!, url: m[2]! });
  return found;
}

export interface Gateway {
  app: HttpApp;
  /** Drains (see HttpApp.close), then stops Apollo and closes the session store's connections. */
  close: (shutdown?: ShutdownOptions) => Promise<void>;
  /** Reads SUPERGRAPH_PATH again; resolves false (keeping the running one) when it does not compose. */
  reload: () => Promise<boolean>;
  /** `GET /metrics` alone, to listen on METRICS_PORT: the public port does not serve it. */
  metrics: HttpApp;
}

export async function createGateway(
  config: Config,
  logger: Logger,
  /** The bus the subgraphs publish to, when they run in this process (`npm start`); else one from config. */
  runtime: { bus?: EventBus } = {},
): Promise<Gateway> {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_PATH is the operator's configuration
  const readSupergraph = () => readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  let supergraphSdl = readSupergraph();
  const subgraphsIn = (sdl: string) =>
    subgraphsOf(sdl).map((s) => ({ ...s, url: config.subgraphUrls[s.name] ?? s.url }));
  let subgraphs = subgraphsIn(supergraphSdl);
  const schemaOf = (sdl: string) => buildASTSchema(parse(sdl), { assumeValidSDL: true });
  let supergraphSchema = schemaOf(supergraphSdl);
  /** Apollo Gateway's own hook: a supergraph it cannot build (or that does not compose) throws, the old one stays. */
  let updateSupergraph: ((sdl: string) => void) | undefined;

  // Node's fetch, bounded: @apollo/gateway itself would wait forever on a hung subgraph.
  // Each subgraph's fetches are timed apart: `subgraph_fetch_duration_seconds{subgraph}`.
  const fetcherFor = (subgraph: string) =>
    (async (url: string, init: RequestInit) => {
      if (!metricsEnabled())
        return fetch(url, { ...init, signal: AbortSignal.timeout(config.SUBGRAPH_TIMEOUT_MS) });
      const end = subgraphFetchDuration.startTimer({ subgraph });
      try {
        const response = await fetch(url, {
          ...init,
          signal: AbortSignal.timeout(config.SUBGRAPH_TIMEOUT_MS),
        });
        end({ outcome: `${Math.floor(response.status / 100)}xx` });
        return response;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    }) as unknown as Fetcher;

  const gateway = new ApolloGateway({
    supergraphSdl: async ({ update }) => {
      updateSupergraph = update;
      return { supergraphSdl };
    },
    // Every supergraph, at start and on reload, is checked to compose (Apollo's default skips it in production).
    validateSupergraph: true,
    buildService: ({ name, url }) =>
      new SignedDataSource(
        name,
        config.INTERNAL_AUTH_SECRET,
        // eslint-disable-next-line security/detect-object-injection -- name is a subgraph name from the composed supergraph, not a client's input
        { url: config.subgraphUrls[name] ?? url, fetcher: fetcherFor(name) },
        config.DEDUPLICATE_SUBGRAPH_FETCHES,
        (subgraph, error) =>
          logger.warn({ err: error, subgraph }, 'subgraph unavailable; its fields are null'),
      ),
  });

  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_QUERY_DEPTH },
    // Cost is reckoned on the request's variables and defaults by the edge; armor's counts only literals.
    costLimit: { enabled: false },
    maxAliases: { n: config.MAX_ALIASES },
    // Token limits are enforced by the parser itself (parseOptions below), which keeps syntax errors a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: !config.INTROSPECTION },
  });
  const protection = armor.protect();

  // One connection for the buckets and the response cache: every gateway instance shares them.
  const redis =
    config.REDIS_URL && (config.THROTTLE || config.RESPONSE_CACHE)
      ? connectRedis(config.REDIS_URL)
      : undefined;
  const buckets: Buckets | null = !config.THROTTLE
    ? null
    : redis
      ? new RedisBuckets(redis, `${config.SHARED_CACHE_PREFIX}bucket:`, logger)
      : new MemoryBuckets();
  const responseCache = config.RESPONSE_CACHE
    ? new ResponseCache({
        store: redis
          ? new RedisResponseStore(redis, `${config.SHARED_CACHE_PREFIX}response:`, logger)
          : new MemoryResponseStore(config.RESPONSE_CACHE_MEMORY_ENTRIES),
        schemaOf: () => supergraphSchema,
        logger,
        buckets,
        publishCost: config.COST_EXTENSION,
      })
    : null;
  const ownBus = responseCache && !runtime.bus ? createEventBus(config, logger) : undefined;
  const bus = runtime.bus ?? ownBus;
  if (responseCache && bus) responseCache.subscribe(bus);

  const edge = createEdge(() => supergraphSchema, {
    maxCost: config.MAX_QUERY_COST,
    buckets,
    publishCost: config.COST_EXTENSION,
    maxTokens: config.MAX_TOKENS,
  });

  const apollo = new ApolloServer<GatewayContext>({
    ...protection,
    gateway,
    introspection: config.INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    // The process owner (index.ts, scripts/start.ts) handles signals and stops everything in order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.MAX_TOKENS },
    // Persisted documents are the edge's (DocumentStore): shared by every instance, and safelists.
    persistedQueries: false,
    // Before any subgraph call: a plan could split aliased credential checks into separate subgraph requests.
    plugins: [
      ...protection.plugins,
      edge.plugin,
      // Cache-Control is the edge's (cache-policy.ts, GET only): Apollo's own header would disagree on POST.
      ...(responseCache ? [responseCache.plugin()] : []),
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      singleCredentialCheckPlugin(),
      operationMetricsPlugin<GatewayContext>('gateway'),
    ],
    validationRules: [...protection.validationRules],
    formatError: (formatted, error) => {
      // The gateway reports a client's bad operationName as INVALID_GRAPHQL; it is the client's error, not ours.
      const unresolved =
        formatted.extensions?.code === 'INVALID_GRAPHQL' &&
        /^(Unknown operation named|Must provide operation name)/.test(formatted.message);
      const masked = maskError(
        unresolved
          ? { ...formatted, extensions: { ...formatted.extensions, code: 'OPERATION_RESOLUTION_FAILURE' } }
          : formatted,
      );
      if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error, message: formatted.message, path: formatted.path }, 'request failed');
      }
      return masked;
    },
  });
  await apollo.start();

  const dynamo: Dynamo = createDynamo({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  // Anonymous traffic needs no session store: the gateway starts without DynamoDB and makes sure of the
  // tables in the background, retrying until it answers. Until then a bearer request answers 503.
  let closed = false;
  let provisionRetry: NodeJS.Timeout | undefined;
  const provision = () => {
    ensureTables(dynamo.client, sessionTables(config.DYNAMODB_TABLE_PREFIX)).catch((error: unknown) => {
      if (closed) return;
      logger.warn({ err: error }, 'session store unreachable; retrying');
      provisionRetry = setTimeout(provision, 2000);
      provisionRetry.unref();
    });
  };
  provision();
  const cache: Cache = createCache({
    redisUrl: config.REDIS_URL,
    logger,
    prefix: config.SHARED_CACHE_PREFIX,
  });
  const identities = new IdentityResolver(
    new SessionStore(dynamo, cache, config.DYNAMODB_TABLE_PREFIX, {
      idleSeconds: config.SESSION_IDLE_SECONDS,
      rememberIdleSeconds: config.SESSION_REMEMBER_IDLE_SECONDS,
      absoluteSeconds: config.SESSION_ABSOLUTE_SECONDS,
      cacheSeconds: config.SESSION_CACHE_SECONDS,
    }),
    createServiceClient({
      caller: 'gateway',
      target: 'users',
      baseUrl: config.USERS_URL,
      secret: config.INTERNAL_AUTH_SECRET,
      timeoutMs: config.SERVICE_TIMEOUT_MS,
    }),
    cache,
    (dependency, error) =>
      logger.warn({ err: error, dependency }, 'caller not resolved: a dependency is unavailable'),
  );
  const documents = new DocumentStore({
    cache,
    users: createServiceClient({
      caller: 'gateway',
      target: 'users',
      baseUrl: config.USERS_URL,
      secret: config.INTERNAL_AUTH_SECRET,
      timeoutMs: config.SERVICE_TIMEOUT_MS,
    }),
    logger,
    mode: config.SAFELIST_MODE,
    lruSize: config.PERSISTED_DOCUMENTS_LRU_SIZE,
  });
  const throttleDefaults = {
    anonymous: config.THROTTLE_ANONYMOUS_COST_PER_SECOND,
    shopper: config.THROTTLE_SHOPPER_COST_PER_SECOND,
    partner: config.THROTTLE_PARTNER_COST_PER_SECOND,
    bucketSeconds: config.THROTTLE_BUCKET_SECONDS,
    maxCost: config.MAX_QUERY_COST,
  };

  const routes: Route[] = [
    { method: 'GET', path: '/health', handler: async () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/ready',
      handler: async () => {
        // Ready when every subgraph answers its health check; names only, never addresses.
        const checks = await Promise.all(
          subgraphs.map(async ({ name, url }) => {
            try {
              const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2000) });
              return [name, res.ok ? 'ok' : 'unavailable'] as const;
            } catch {
              return [name, 'unavailable'] as const;
            }
          }),
        );
        const ready = checks.every(([, status]) => status === 'ok');
        return {
          status: ready ? 200 : 503,
          body: { status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) },
        };
      },
    },
    ...(config.EXPLORER ? explorerRoutes() : []),
    ...paymentPageRoutes(subgraphs.find((s) => s.name === 'orders')?.url, config.SUBGRAPH_TIMEOUT_MS),
  ];

  const app = createHttpApp<GatewayContext>({
    logger,
    limits: loadLimitsOf(config),
    service: 'gateway',
    routes,
    graphql: {
      path: '/graphql',
      server: apollo,
      browserPage: config.EXPLORER ? explorerPage : undefined,
      fastPath: responseCache
        ? (body, accept, context) => responseCache.answer(body, accept, context)
        : undefined,
      prepare: (request, context) =>
        documents
          .prepare(request, { principal: context.edge.principal, terms: context.terms })
          .catch((error: unknown) => edge.refused(error, request, context.edge)),
      // A caller refused for its key or token still sees what its request would have cost.
      refused: (error, request) => edge.refused(error, request, null),
      finish: (request, answer, context) => finishAnswer(request, answer, context.edge),
      context: async (req, res) => {
        const started = performance.now();
        const { principal, terms } = await identities.resolveCaller(req);
        if (config.SERVER_TIMING) {
          res.setHeader('server-timing', `identity;dur=${(performance.now() - started).toFixed(3)}`);
        }
        // The HTTP layer took the caller's X-Request-Id (or made one); the subgraphs log under the same id.
        const requestId = requestScope()?.requestId ?? randomUUID();
        const address = clientIp(
          req,
          trustedHops(req, config.TRUSTED_PROXY_HOPS, config.TRUSTED_PROXY_SECRET),
        );
        const apiKey = req.headers['x-api-key'];
        return {
          identity: { principal, requestId, clientIp: address },
          sharingScope: sharingScope(
            principal,
            principal.kind === 'partner' && typeof apiKey === 'string' ? apiKeyHash(apiKey) : undefined,
          ),
          terms,
          edge: { principal, ...bucketFor(principal, terms, address, throttleDefaults) },
        };
      },
    },
  });

  const metrics = createHttpApp({ logger, service: 'gateway-metrics', routes: [metricsRoute] });

  /**
   * Swaps in the supergraph at SUPERGRAPH_PATH. Requests in flight finish on the plan they started with; a file
   * that cannot be read, parsed or composed is refused and the running supergraph kept.
   */
  const reload = async (): Promise<boolean> => {
    let next: string;
    try {
      next = readSupergraph();
      if (next === supergraphSdl) return true;
      const nextSchema = schemaOf(next);
      if (!updateSupergraph) throw new Error('the gateway has not loaded yet');
      updateSupergraph(next);
      supergraphSdl = next;
      subgraphs = subgraphsIn(next);
      supergraphSchema = nextSchema;
    } catch (error) {
      logger.error(
        { err: error, path: config.SUPERGRAPH_PATH },
        'supergraph refused; keeping the running one',
      );
      return false;
    }
    logger.info(
      { path: config.SUPERGRAPH_PATH, subgraphs: subgraphs.map((s) => s.name) },
      'supergraph reloaded',
    );
    return true;
  };

  // Polled rather than fs.watch: a file replaced by a rename (kubectl, a ConfigMap's symlink swap) is still seen.
  const onChange = () => void reload();
  if (config.SUPERGRAPH_WATCH_MS > 0) {
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_PATH is the operator's configuration
    watchFile(config.SUPERGRAPH_PATH, { interval: config.SUPERGRAPH_WATCH_MS, persistent: false }, onChange);
  }

  return {
    app,
    metrics,
    reload,
    close: async (shutdown?: ShutdownOptions) => {
      closed = true;
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_PATH is the operator's configuration
      unwatchFile(config.SUPERGRAPH_PATH, onChange);
      clearTimeout(provisionRetry);
      await metrics.close();
      await app.close(shutdown);
      await apollo.stop();
      await cache.close();
      await ownBus?.close();
      redis?.disconnect();
      dynamo.client.destroy();
    },
  };
}
