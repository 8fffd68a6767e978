// Boots a federated subgraph: schema, identity check on every request, masked errors, health, internal routes.
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import type { ZodType, ZodTypeDef } from 'zod';
import { maskError, AppError, ServiceUnavailableError } from './errors';
import { DATASTORE_RETRY_AFTER_SECONDS, isDatastoreUnavailable, isUnavailableAnswer } from './unavailable';
import { DEFAULT_MAX_INPUT_ITEMS, guardArguments, type InputLimits } from './input-guard';
import { createQueryFastPath, type FormatError } from './query-fast-path';
import {
  createHttpApp,
  HttpError,
  metricsRoute,
  type GraphQLMount,
  type HttpApp,
  type Route,
  type RouteResponse,
  type ShutdownOptions,
} from './http';
import type { LoadLimits } from './load-shedding';
import {
  IDENTITY_HEADER,
  IdentityError,
  verifyIdentity,
  type ForwardedIdentity,
  type Principal,
} from './identity';
import { requestScope, type Logger } from './logger';
import { operationMetricsPlugin } from './metrics';

export interface SubgraphContext extends BaseContext {
  principal: Principal;
  requestId: string;
  clientIp: string | null;
}

/**
 * Verifies the signature on a request and that it is meant for this service (`audience`); a request without
 * one never reaches a resolver or a handler.
 */
export function identityFromRequest(
  req: IncomingMessage,
  secret: string,
  audience: string,
): ForwardedIdentity {
  // eslint-disable-next-line security/detect-object-injection -- the key is the constant header name
  const header = req.headers[IDENTITY_HEADER];
  try {
    return verifyIdentity(Array.isArray(header) ? header[0] : header, secret, audience);
  } catch (error) {
    if (error instanceof IdentityError)
      throw new HttpError(401, 'This service only accepts requests from the gateway');
    throw error;
  }
}

/** How a service checks the identities sent to its internal endpoints: the shared key and its own name. */
export interface InternalAuth {
  secret: string;
  /** This service's name: the audience an identity must carry. */
  service: string;
}

/** The calling service, when it is one of `callers`; anyone else is refused with 403. */
export function requireCaller(identity: ForwardedIdentity, callers: readonly string[]): string {
  const { principal } = identity;
  if (principal.kind !== 'service' || !callers.includes(principal.service)) {
    throw new HttpError(403, 'This endpoint does not accept this caller');
  }
  return principal.service;
}

export interface SubgraphOptions<TContext extends SubgraphContext> {
  name: string;
  typeDefs: DocumentNode;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: GraphQLResolverMap<any> | object;
  secret: string;
  logger: Logger;
  /** Adds the subgraph's own request state (DataLoaders, repositories) to the verified identity. */
  buildContext: (base: SubgraphContext) => TContext | Promise<TContext>;
  routes?: Route[];
  /** Resolves when the subgraph's datastores answer; `/health` reports it. */
  checkHealth?: () => Promise<void>;
  /** Bounds on list inputs; every list not named takes at most `defaultMaxItems` (100 unless given). */
  inputLimits?: Partial<InputLimits>;
  /** Apollo Server plugins of this subgraph alone (the users subgraph's one credential check per request). */
  plugins?: ApolloServerPlugin<SubgraphContext>[];
  /** Overload bounds (loadLimitsOf(config)); the defaults when not given. */
  limits?: Partial<LoadLimits>;
}

/** What each subgraph's `createService` returns: the server (not yet listening) and its background work. */
export interface ServiceHandle {
  subgraph: Subgraph;
  /** Starts background work: outbox relays, event consumers, timers. */
  start(): void;
  /** Stops background work, the server and the datastores. */
  close(): Promise<void>;
}

export interface Subgraph {
  app: HttpApp;
  apollo: ApolloServer<SubgraphContext>;
  /** The GraphQL endpoint as `app` mounts it, so it can be served again (without the fast path, to compare). */
  graphql: GraphQLMount<SubgraphContext>;
  close: (shutdown?: ShutdownOptions) => Promise<void>;
}

export async function createSubgraph<TContext extends SubgraphContext>(
  options: SubgraphOptions<TContext>,
): Promise<Subgraph> {
  const { logger } = options;
  const schema = buildSubgraphSchema({
    typeDefs: options.typeDefs,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    resolvers: options.resolvers as GraphQLResolverMap<any>,
  });
  guardArguments(schema, { defaultMaxItems: DEFAULT_MAX_INPUT_ITEMS, ...options.inputLimits });
  // Apollo Server's own default, stated once for it and for the query fast path.
  const introspection = process.env.NODE_ENV !== 'production';
  const formatError: FormatError = (formatted, error) => {
    const original = (error as { originalError?: unknown }).originalError;
    if (original && !(original instanceof AppError) && isDatastoreUnavailable(original)) {
      // An outage, not a bug: the answer says so (and is a 503, see `finish` below), without the driver's words.
      logger.warn({ err: original, path: formatted.path }, 'a datastore is unreachable');
      const { message, extensions } = new ServiceUnavailableError();
      return { message, extensions, ...(formatted.path ? { path: formatted.path } : {}) };
    }
    if (original && !(original instanceof AppError)) {
      logger.error({ err: original, path: formatted.path }, 'resolver failed');
    }
    return maskError(formatted);
  };
  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    introspection,
    includeStacktraceInErrorResponses: false,
    // The process owner handles signals and stops everything in order.
    stopOnTerminationSignals: false,
    // No Apollo Studio: federated traces would only cost time on every request.
    // No cache hints are set or read here: the cache-control plugin would only wrap every resolver for nothing.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      operationMetricsPlugin<SubgraphContext>(options.name),
      ...(options.plugins ?? []),
    ],
    formatError,
  });
  await apollo.start();

  const health: Route = {
    method: 'GET',
    path: '/health',
    handler: async () => {
      try {
        await options.checkHealth?.();
        return { status: 200, body: { status: 'ok', service: options.name } };
      } catch (error) {
        logger.warn({ err: error }, 'health check failed');
        return { status: 503, body: { status: 'unavailable', service: options.name } };
      }
    },
  };

  const fastPath = createQueryFastPath({ schema, formatError, introspection });
  const graphql: GraphQLMount<SubgraphContext> = {
    path: '/graphql',
    server: apollo,
    // An outage answer goes to Apollo instead, whose answer `finish` turns into a 503.
    fastPath: async (...args) => {
      const answer = await fastPath(...args);
      return answer !== null && isUnavailableAnswer(answer) ? null : answer;
    },
    finish: (_request, answer) => {
      if (!isUnavailableAnswer(answer.body)) return answer;
      answer.headers.set('retry-after', String(DATASTORE_RETRY_AFTER_SECONDS));
      return { ...answer, status: 503 };
    },
    context: async (req) => {
      const identity = identityFromRequest(req, options.secret, options.name);
      // GraphQL is the gateway's: shoppers, partners and the anonymous. Services call internal endpoints.
      if (identity.principal.kind === 'service')
        throw new HttpError(403, 'Services call internal endpoints, not GraphQL');
      const requestId = identity.requestId || randomUUID();
      // The gateway's request id, signed: this service's log lines name the same request as the gateway's.
      const scope = requestScope();
      if (scope) scope.requestId = requestId;
      return options.buildContext({
        principal: identity.principal,
        requestId,
        clientIp: identity.clientIp,
      });
    },
  };
  // Ready: serving and not stopping (a stopping service answers 503 here first, see HttpApp.close).
  const ready: Route = { ...health, path: '/ready' };
  // `/metrics` on the service's own port: subgraphs are reached only inside the shop's network, never by shoppers.
  const app = createHttpApp<SubgraphContext>({
    logger,
    service: options.name,
    routes: [health, ready, metricsRoute, ...(options.routes ?? [])],
    graphql,
    limits: options.limits,
  });

  return {
    app,
    apollo,
    graphql,
    close: async (shutdown?: ShutdownOptions) => {
      await app.close(shutdown);
      await apollo.stop();
    },
  };
}

/**
 * An internal JSON endpoint for other services: only a signed identity meant for this service, from one of
 * `callers`, may call it, and the body is parsed by a zod schema before the handler sees it.
 */
export function internalRoute<T>(
  auth: InternalAuth,
  method: Route['method'],
  path: string,
  callers: readonly string[],
  schema: ZodType<T, ZodTypeDef, unknown>,
  handler: (
    input: T,
    ctx: { service: string; params: Record<string, string>; requestId: string },
  ) => Promise<RouteResponse>,
): Route {
  return {
    method,
    path,
    handler: async (request) => {
      const identity = identityFromRequest(request.req, auth.secret, auth.service);
      const service = requireCaller(identity, callers);
      const scope = requestScope();
      if (scope && identity.requestId) scope.requestId = identity.requestId;
      const raw = method === 'GET' ? Object.fromEntries(request.query) : await request.json();
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return {
          status: 400,
          body: { error: 'Invalid request', issues: parsed.error.issues.map((i) => i.message) },
        };
      }
      return handler(parsed.data, {
        service,
        params: request.params,
        requestId: identity.requestId,
      });
    },
  };
}
