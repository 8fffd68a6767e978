// The gateway: edge concerns only. It resolves the caller once, signs that identity for the subgraphs,
// bounds every subgraph call, limits query shape, masks errors, and serves the explorer.
import { randomUUID } from 'node:crypto';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildASTSchema, GraphQLError, parse, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { SessionStore, sessionTables } from '@shop/auth';
import {
  createHttpApp,
  createServiceClient,
  IDENTITY_HEADER,
  loadLimitsOf,
  maskError,
  signIdentity,
  singleCredentialCheckPlugin,
  type ForwardedIdentity,
  type HttpApp,
  type Logger,
  type Route,
  type ShutdownOptions,
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

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly secret: string,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource>[0],
    private readonly onUnavailable: (subgraph: string, error: unknown) => void = () => undefined,
  ) {
    super(options);
  }

  /**
   * A subgraph that cannot be reached, times out or answers 5xx/429 leaves the fields it owns null, with one
   * SERVICE_UNAVAILABLE error naming the subgraph (never its address); the rest of the answer is served.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      this.onUnavailable(this.subgraph, error);
      return { errors: [subgraphUnavailable(this.subgraph)] };
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Signed for this subgraph alone: a header replayed to another subgraph is refused there.
    if ('identity' in context && context.identity) {
      request.http?.headers.set(IDENTITY_HEADER, signIdentity({ ...context.identity, audience: this.subgraph }, this.secret));
    }
  }
}

/** The error a client sees for each fetch from a subgraph that is down. */
export function subgraphUnavailable(subgraph: string): GraphQLFormattedError {
  return {
    message: `The ${subgraph} service is unavailable; the fields it serves are null. Please retry shortly.`,
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  };
}

/** A network failure or timeout (no GraphQL answer at all), or an HTTP status that says "not now". */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return true;
  const status = (error.extensions?.response as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && (status >= 500 || status === 429);
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
export function costLimitPlugin(schemaOf: () => GraphQLSchema, maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          let cost: number;
          try {
            cost = estimateCost(schemaOf(), document, request.variables, operationName);
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
  /** Drains (see HttpApp.close), then stops Apollo and closes the session store's connections. */
  close: (shutdown?: ShutdownOptions) => Promise<void>;
  /** Reads SUPERGRAPH_PATH again; resolves false (keeping the running one) when it does not compose. */
  reload: () => Promise<boolean>;
}

export async function createGateway(config: Config, logger: Logger): Promise<Gateway> {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_PATH is the operator's configuration
  const readSupergraph = () => readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  let supergraphSdl = readSupergraph();
  const subgraphsIn = (sdl: string) => subgraphsOf(sdl).map((s) => ({ ...s, url: config.subgraphUrls[s.name] ?? s.url }));
  let subgraphs = subgraphsIn(supergraphSdl);
  const costSchemaOf = (sdl: string) => buildASTSchema(parse(sdl), { assumeValidSDL: true });
  let costSchema = costSchemaOf(supergraphSdl);
  /** Apollo Gateway's own hook: a supergraph it cannot build (or that does not compose) throws, the old one stays. */
  let updateSupergraph: ((sdl: string) => void) | undefined;

  // Node's fetch, bounded: @apollo/gateway itself would wait forever on a hung subgraph.
  const fetcher = ((url: string, init: RequestInit) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(config.SUBGRAPH_TIMEOUT_MS) })) as unknown as Fetcher;

  const gateway = new ApolloGateway({
    supergraphSdl: async ({ update }) => {
      updateSupergraph = update;
      return { supergraphSdl };
    },
    // Every supergraph, at start and on reload, is checked to compose (Apollo's default skips it in production).
    validateSupergraph: true,
    buildService: ({ name, url }) =>
      // eslint-disable-next-line security/detect-object-injection -- name is a subgraph name from the composed supergraph, not a client's input
      new SignedDataSource(name, config.INTERNAL_AUTH_SECRET, { url: config.subgraphUrls[name] ?? url, fetcher }, (subgraph, error) =>
        logger.warn({ err: error, subgraph }, 'subgraph unavailable; its fields are null'),
      ),
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
      costLimitPlugin(() => costSchema, config.MAX_QUERY_COST),
      singleCredentialCheckPlugin(),
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
    (dependency, error) => logger.warn({ err: error, dependency }, 'caller not resolved: a dependency is unavailable'),
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
    limits: loadLimitsOf(config),
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
        const header = req.headers['x-request-id'];
        const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
        return { identity: { principal, requestId, clientIp: clientIp(req, config.TRUSTED_PROXY_HOPS) } };
      },
    },
  });

  /**
   * Swaps in the supergraph at SUPERGRAPH_PATH. Requests in flight finish on the plan they started with; a file
   * that cannot be read, parsed or composed is refused and the running supergraph kept.
   */
  const reload = async (): Promise<boolean> => {
    let next: string;
    try {
      next = readSupergraph();
      if (next === supergraphSdl) return true;
      const nextCostSchema = costSchemaOf(next);
      if (!updateSupergraph) throw new Error('the gateway has not loaded yet');
      updateSupergraph(next);
      supergraphSdl = next;
      subgraphs = subgraphsIn(next);
      costSchema = nextCostSchema;
    } catch (error) {
      logger.error({ err: error, path: config.SUPERGRAPH_PATH }, 'supergraph refused; keeping the running one');
      return false;
    }
    logger.info({ path: config.SUPERGRAPH_PATH, subgraphs: subgraphs.map((s) => s.name) }, 'supergraph reloaded');
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
    reload,
    close: async (shutdown?: ShutdownOptions) => {
      closed = true;
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_PATH is the operator's configuration
      unwatchFile(config.SUPERGRAPH_PATH, onChange);
      clearTimeout(provisionRetry);
      await app.close(shutdown);
      await apollo.stop();
      await cache.close();
      dynamo.client.destroy();
    },
  };
}
