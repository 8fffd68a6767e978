// The gateway: edge concerns only. It resolves the caller once, signs that identity for the subgraphs,
// bounds every subgraph call, limits query shape, masks errors, and serves the explorer.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildASTSchema, GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { SessionStore, sessionTables } from '@shop/auth';
import {
  createHttpApp,
  createServiceClient,
  IDENTITY_HEADER,
  maskError,
  metricsRoute,
  requestScope,
  operationMetricsPlugin,
  signIdentity,
  subgraphFetchDuration,
  metricsEnabled,
  singleCredentialCheckPlugin,
  type ForwardedIdentity,
  type HttpApp,
  type Logger,
  type Route,
} from '@shop/common';
import { createCache, createDynamo, ensureTables, type Cache, type Dynamo } from '@shop/datastores';
import type { Config } from './config';
import { estimateCost } from './cost';
import { explorerPage, explorerRoutes } from './explorer';
import { clientIp, IdentityResolver } from './identity';
import { paymentPageRoutes } from './payment-pages';

interface GatewayContext {
  /** The caller's identity, resolved once per request; each subgraph call carries it signed for that subgraph. */
  identity: Omit<ForwardedIdentity, 'audience'>;
}

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly secret: string,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource>[0],
  ) {
    super(options);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Signed for this subgraph alone: a header replayed to another subgraph is refused there.
    if ('identity' in context && context.identity) {
      request.http?.headers.set(IDENTITY_HEADER, signIdentity({ ...context.identity, audience: this.subgraph }, this.secret));
    }
  }
}

/** Parses the subgraph names and URLs out of a supergraph's `join__Graph` enum. */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  const found: { name: string; url: string }[] = [];
  const pattern = /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g;
  for (let m = pattern.exec(supergraphSdl); m; m = pattern.exec(supergraphSdl)) found.push({ name: m[1]!, url: m[2]! });
  return found;
}

/**
 * Refuses, before anything runs, an operation whose cost (estimateCost on the request's variables and the
 * schema's defaults) is above the maximum: HTTP 400 with COST_LIMIT_EXCEEDED, as the other query limits refuse.
 * Variables that do not coerce are left to execution, which refuses them as BAD_USER_INPUT.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          let cost: number;
          try {
            cost = estimateCost(schema, document, request.variables, operationName);
          } catch {
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(`This request's cost, ${cost}, is above the maximum of ${maxCost}: ask for fewer items or nest less.`, {
              extensions: { code: 'COST_LIMIT_EXCEEDED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

export interface Gateway {
  app: HttpApp;
  /** `GET /metrics` alone, to listen on METRICS_PORT: the public port does not serve it. */
  metrics: HttpApp;
  close: () => Promise<void>;
}

export async function createGateway(config: Config, logger: Logger): Promise<Gateway> {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_PATH is the operator's configuration, read once at start
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl).map((s) => ({ ...s, url: config.subgraphUrls[s.name] ?? s.url }));

  // Node's fetch, bounded: @apollo/gateway itself would wait forever on a hung subgraph.
  // Each subgraph's fetches are timed apart: `subgraph_fetch_duration_seconds{subgraph}`.
  const fetcherFor = (subgraph: string) =>
    (async (url: string, init: RequestInit) => {
      if (!metricsEnabled()) return fetch(url, { ...init, signal: AbortSignal.timeout(config.SUBGRAPH_TIMEOUT_MS) });
      const end = subgraphFetchDuration.startTimer({ subgraph });
      try {
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(config.SUBGRAPH_TIMEOUT_MS) });
        end({ outcome: `${Math.floor(response.status / 100)}xx` });
        return response;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    }) as unknown as Fetcher;

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      // eslint-disable-next-line security/detect-object-injection -- name is a subgraph name from the composed supergraph, not a client's input
      new SignedDataSource(name, config.INTERNAL_AUTH_SECRET, { url: config.subgraphUrls[name] ?? url, fetcher: fetcherFor(name) }),
  });

  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_QUERY_DEPTH },
    // Cost is reckoned on the request's variables and defaults by costLimitPlugin; armor's counts only literals.
    costLimit: { enabled: false },
    maxAliases: { n: config.MAX_ALIASES },
    // Token limits are enforced by the parser itself (parseOptions below), which keeps syntax errors a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: !config.INTROSPECTION },
  });
  const protection = armor.protect();

  const apollo = new ApolloServer<GatewayContext>({
    ...protection,
    gateway,
    introspection: config.INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    // The process owner (index.ts, scripts/start.ts) handles signals and stops everything in order.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.MAX_TOKENS },
    // Before any subgraph call: a plan could split aliased credential checks into separate subgraph requests.
    plugins: [
      ...protection.plugins,
      costLimitPlugin(buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true }), config.MAX_QUERY_COST),
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
        unresolved ? { ...formatted, extensions: { ...formatted.extensions, code: 'OPERATION_RESOLUTION_FAILURE' } } : formatted,
      );
      if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error, message: formatted.message, path: formatted.path }, 'request failed');
      }
      return masked;
    },
  });
  await apollo.start();

  const dynamo: Dynamo = createDynamo({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  await ensureTables(dynamo.client, sessionTables(config.DYNAMODB_TABLE_PREFIX));
  const cache: Cache = createCache({ redisUrl: config.REDIS_URL, logger, prefix: config.SHARED_CACHE_PREFIX });
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
  );

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
        return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) } };
      },
    },
    ...(config.EXPLORER ? explorerRoutes() : []),
    ...paymentPageRoutes(subgraphs.find((s) => s.name === 'orders')?.url, config.SUBGRAPH_TIMEOUT_MS),
  ];

  const app = createHttpApp<GatewayContext>({
    logger,
    service: 'gateway',
    routes,
    graphql: {
      path: '/graphql',
      server: apollo,
      browserPage: config.EXPLORER ? explorerPage : undefined,
      context: async (req, res) => {
        const started = performance.now();
        const principal = await identities.resolve(req);
        if (config.SERVER_TIMING) {
          res.setHeader('server-timing', `identity;dur=${(performance.now() - started).toFixed(3)}`);
        }
        // The HTTP layer took the caller's X-Request-Id (or made one); the subgraphs log under the same id.
        const requestId = requestScope()?.requestId ?? randomUUID();
        return { identity: { principal, requestId, clientIp: clientIp(req, config.TRUSTED_PROXY_HOPS) } };
      },
    },
  });

  const metrics = createHttpApp({ logger, service: 'gateway-metrics', routes: [metricsRoute] });

  return {
    app,
    metrics,
    close: async () => {
      await metrics.close();
      await app.close();
      await apollo.stop();
      await cache.close();
      dynamo.client.destroy();
    },
  };
}
