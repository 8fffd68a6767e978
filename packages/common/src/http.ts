// A small HTTP layer on node:http: JSON routes, raw bodies for webhooks, and Apollo's GraphQL handler.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_LOAD_LIMITS,
  LoadShedder,
  OVERLOAD_RETRY_AFTER_SECONDS,
  type LoadLimits,
} from './load-shedding';
import { inRequestScope, requestScope, type Logger } from './logger';
import {
  graphqlOperationDuration,
  httpServerDuration,
  metricsEnabled,
  operationNameLabel,
  scrapeMetrics,
} from './metrics';
import { nameServerSpan } from './trace-context';
import { DATASTORE_RETRY_AFTER_SECONDS, isDatastoreUnavailable } from './unavailable';

export const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** What the client receives; `{ error: message }` when not given. */
    readonly body?: unknown,
    /** Response headers to send with it (`Retry-After` on a 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export interface RouteRequest {
  req: IncomingMessage;
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  rawBody: () => Promise<Buffer>;
  json: () => Promise<unknown>;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: RouteRequest) => Promise<RouteResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path pattern, `:name` segments become params. */
  path: string;
  handler: RouteHandler;
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    // eslint-disable-next-line security/detect-object-injection -- i is a loop counter over the array's own indexes
    const w = want[i]!;
    // eslint-disable-next-line security/detect-object-injection -- i is a loop counter over the array's own indexes
    const g = got[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null; // malformed percent-encoding matches no route
      }
    } else if (w !== g) return null;
  }
  return params;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

export interface GraphQLMount<TContext extends BaseContext> {
  path: string;
  server: ApolloServer<TContext>;
  /**
   * Builds the context, or throws an HttpError to refuse the request. It runs while the body is still being
   * read; it may set response headers on `res`, never write it.
   */
  context: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>;
  /** Answers the queries it can as Apollo Server would, faster (subgraphs); it gives null for the rest. */
  fastPath?: (body: unknown, accept: string | undefined, context: TContext) => Promise<string | null>;
  /** Replaces the HttpError `context` refused the request with (the gateway adds the request's cost to it). */
  refused?: (error: unknown, request: HTTPGraphQLRequest) => Promise<never>;
  /** Rewrites a request before it runs (the gateway's persisted documents), or throws an HttpError to refuse it. */
  prepare?: (request: HTTPGraphQLRequest, context: TContext) => Promise<HTTPGraphQLRequest>;
  /** Adjusts a complete answer before it is sent (the gateway's caching headers and 304). */
  finish?: (request: HTTPGraphQLRequest, answer: GraphQLAnswer, context: TContext) => GraphQLAnswer;
  /** Answers GET requests from browsers instead of GraphQL (the explorer), with the page's own headers. */
  browserPage?: () => { html: string; headers: Record<string, string> };
}

export interface GraphQLAnswer {
  status: number;
  headers: HeaderMap;
  body: string;
}

export interface HttpApp {
  server: Server;
  listen: (port: number, host?: string) => Promise<number>;
  /**
   * Stops in order, as a load balancer expects: `/ready` answers 503 at once (for `delayMs`, while the balancer
   * notices, requests are still served), then no new connection is accepted, requests in flight finish within
   * `graceMs` (each answer closes its connection), and whatever is still open after that is cut.
   */
  close: (options?: ShutdownOptions) => Promise<void>;
  /** True once close() was called. */
  draining: () => boolean;
}

export interface ShutdownOptions {
  /** How long `/ready` answers 503 before the listener closes; 0 by default. */
  delayMs?: number;
  /** How long requests in flight may take to finish once the listener closed; 2 s by default. */
  graceMs?: number;
}

/** Probes a balancer or scraper sends, never refused for load: an overloaded service is still alive. */
const PROBE_PATHS = new Set(['/health', '/ready', '/metrics']);

/** The operation a GraphQL body names: its operationName, else the first operation's name in the document. */
function operationNameOf(body: unknown): string | null {
  const { operationName, query } = (body ?? {}) as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string') return operationName;
  if (typeof query !== 'string') return null;
  return /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(query)?.[1] ?? null;
}

/** A request id a caller may choose (X-Request-Id): short, and safe to put in a log line. */
export const REQUEST_ID = /^[\w-]{1,64}$/;

/** Methods a metric names; any other is `_OTHER` (OpenTelemetry's convention), so a client cannot add labels. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/** `GET /metrics`: the process's metrics in Prometheus's text format. */
export const metricsRoute: Route = {
  method: 'GET',
  path: '/metrics',
  handler: async () => {
    const { contentType, body } = await scrapeMetrics();
    return { status: 200, body, headers: { 'content-type': contentType } };
  },
};

/** Routes first, then GraphQL; every failure becomes a JSON error without internals. */
export function createHttpApp<TContext extends BaseContext>(options: {
  routes: Route[];
  graphql?: GraphQLMount<TContext>;
  logger: Logger;
  /** Overload bounds; DEFAULT_LOAD_LIMITS where not given. */
  limits?: Partial<LoadLimits>;
  /** The service's name on its request metrics. */
  service?: string;
}): HttpApp {
  const { routes, graphql, logger } = options;
  const service = options.service ?? 'unknown';
  const shedder = new LoadShedder({ ...DEFAULT_LOAD_LIMITS, ...options.limits });
  let draining = false;

  /** `seen.route` is the matched route's pattern, for the request metric: never the raw path (unbounded). */
  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    seen: { route: string; started: number },
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    let bodyPromise: Promise<Buffer> | undefined;
    const rawBody = () => (bodyPromise ??= readBody(req));

    if (graphql && url.pathname === graphql.path) {
      seen.route = graphql.path;
      nameServerSpan(service, method, graphql.path);
      if (
        method === 'GET' &&
        graphql.browserPage &&
        !url.searchParams.has('query') &&
        !url.searchParams.has('extensions') &&
        !url.searchParams.has('documentId') &&
        (req.headers.accept ?? '').includes('text/html')
      ) {
        const page = graphql.browserPage();
        res.writeHead(200, {
          ...page.headers,
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(page.html);
        return;
      }
      // The body is read while the context is built (for the gateway: while the caller is resolved).
      const reading = method === 'POST' ? rawBody() : null;
      reading?.catch(() => undefined); // awaited below; a refused context must not leave it unhandled
      const readBody = async (): Promise<unknown> => {
        if (method !== 'POST') return undefined;
        const raw = await rawBody();
        try {
          return raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
        } catch {
          throw new HttpError(400, 'Request body is not valid JSON');
        }
      };
      const requestOf = (body: unknown): HTTPGraphQLRequest => {
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        return { method, headers, search: url.search, body };
      };
      let context: TContext;
      try {
        context = await graphql.context(req, res);
      } catch (error) {
        if (!graphql.refused || !(error instanceof HttpError)) throw error;
        return await graphql.refused(error, requestOf(await readBody().catch(() => undefined)));
      }
      const body = await readBody();
      const useFastPath =
        graphql.fastPath &&
        method === 'POST' &&
        /^application\/json\b/.test(req.headers['content-type'] ?? '');
      // Apollo's plugins never see a fast-path answer: its operation is named (for the logs) and timed here.
      const label = useFastPath ? operationNameLabel(operationNameOf(body)) : 'unknown';
      const scope = requestScope();
      if (useFastPath && scope) scope.operation = label;
      const fast = useFastPath ? await graphql.fastPath!(body, req.headers.accept, context) : null;
      if (fast !== null) {
        if (metricsEnabled()) {
          graphqlOperationDuration.observe(
            {
              service,
              graphql_operation_name: label,
              graphql_operation_type: 'query',
              outcome: fast.includes('"errors"') ? 'error' : 'ok',
            },
            (performance.now() - seen.started) / 1000,
          );
        }
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(fast).toString(),
        });
        res.end(fast);
        return;
      }
      let httpGraphQLRequest = requestOf(body);
      if (graphql.prepare) httpGraphQLRequest = await graphql.prepare(httpGraphQLRequest, context);
      const result = await graphql.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => context,
      });
      if (result.body.kind === 'complete') {
        let answer: GraphQLAnswer = {
          status: result.status ?? 200,
          headers: result.headers,
          body: result.body.string,
        };
        if (graphql.finish) answer = graphql.finish(httpGraphQLRequest, answer, context);
        for (const [key, value] of answer.headers) res.setHeader(key, value);
        res.statusCode = answer.status;
        res.end(answer.body);
      } else {
        for (const [key, value] of result.headers) res.setHeader(key, value);
        res.statusCode = result.status ?? 200;
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
      return;
    }

    for (const route of routes) {
      if (route.method !== method) continue;
      const params = matchPath(route.path, url.pathname);
      if (!params) continue;
      seen.route = route.path;
      nameServerSpan(service, method, route.path);
      const result = await route.handler({
        req,
        method,
        path: url.pathname,
        params,
        query: url.searchParams,
        rawBody,
        json: async () => {
          const raw = await rawBody();
          try {
            return JSON.parse(raw.toString('utf8')) as unknown;
          } catch {
            throw new HttpError(400, 'Request body is not valid JSON');
          }
        },
      });
      sendJson(res, result.status, result.body ?? '', result.headers);
      return;
    }
    sendJson(res, 404, { error: 'Not found' });
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (draining) {
      res.setHeader('connection', 'close');
      if (path === '/ready') return sendJson(res, 503, { status: 'draining' });
    }
    if (!(req.method === 'GET' && PROBE_PATHS.has(path))) {
      const refusal = shedder.refusal();
      if (refusal) {
        logger.warn({ path, reason: refusal }, 'overloaded; request refused');
        const message = 'The service is overloaded. Please retry shortly.';
        return sendJson(
          res,
          503,
          { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
          {
            'retry-after': String(OVERLOAD_RETRY_AFTER_SECONDS),
          },
        );
      }
    }
    shedder.inFlight++;
    res.once('close', () => shedder.inFlight--);
    const seen = { route: 'unmatched', started: performance.now() };
    if (metricsEnabled()) {
      res.once('finish', () => {
        httpServerDuration.observe(
          {
            service,
            http_route: seen.route,
            http_request_method: KNOWN_METHODS.has(req.method ?? '') ? req.method! : '_OTHER',
            http_response_status_code: String(res.statusCode),
          },
          (performance.now() - seen.started) / 1000,
        );
      });
    }
    // Every log line of this request names it: the caller's X-Request-Id when well-formed, else a new one.
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', requestId);
    inRequestScope({ requestId }, () => handle(req, res, seen)).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!res.headersSent)
          sendJson(res, error.status, error.body ?? { error: error.message }, error.headers);
        else res.end();
        return;
      }
      // The path only: a query string can carry a single-use token (the sandbox's 3-D Secure link).
      logger.error(
        { err: error, method: req.method, path: (req.url ?? '/').split('?')[0] },
        'request failed',
      );
      if (res.headersSent) res.end();
      else if (isDatastoreUnavailable(error))
        sendJson(
          res,
          503,
          { error: 'Service unavailable' },
          {
            'retry-after': String(DATASTORE_RETRY_AFTER_SECONDS),
          },
        );
      else sendJson(res, 500, { error: 'Internal server error' });
    });
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    draining: () => draining,
    close: async ({ delayMs = 0, graceMs = 2000 }: ShutdownOptions = {}) => {
      draining = true;
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      await new Promise<void>((resolve) => {
        // Keep-alive connections go as soon as they are idle; busy ones after their answer (connection: close).
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        sweep.unref();
        cut.unref();
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      shedder.close();
    },
  };
}
