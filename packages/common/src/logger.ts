// The shop's logger (pino, JSON lines on stdout). Every line carries the request it was written in: its id, the
// GraphQL operation once known, and the trace and span ids when tracing is on.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';
import { activeTraceIds } from './trace-context';

export type { Logger };

/** Paths that may hold a secret; pino replaces them before a line is written. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-shop-identity"]',
  'req.headers["x-shop-proxy-secret"]',
  'headers.authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.secret',
  '*.totpCode',
  'password',
  'accessToken',
  'token',
  'secret',
];

/** What a request's log lines say about it; set by the HTTP layer, the GraphQL plugin and the event consumers. */
export interface RequestScope {
  requestId: string;
  /** The GraphQL operation's name, as its metric names it. */
  operation?: string;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with `scope` as what every log line inside it (awaited work included) names. */
export function inRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** The current request's scope, to fill in as more is known (the verified request id, the operation). */
export function requestScope(): RequestScope | undefined {
  return scopes.getStore();
}

function requestFields(): Record<string, string> {
  const scope = scopes.getStore();
  const trace = activeTraceIds();
  const fields: Record<string, string> = {};
  if (scope) {
    fields.requestId = scope.requestId;
    if (scope.operation) fields.operation = scope.operation;
  }
  if (trace) {
    fields.trace_id = trace.traceId;
    fields.span_id = trace.spanId;
  }
  return fields;
}

export function createLogger(name: string, level = 'info', destination?: DestinationStream): Logger {
  return pino(
    { name, level, redact: { paths: REDACT, censor: '[redacted]' }, mixin: requestFields },
    destination,
  );
}
