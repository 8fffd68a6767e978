// The process's Prometheus metrics (prom-client): one registry per process, served at `GET /metrics`.
// Names and labels follow OpenTelemetry's semantic conventions where one exists (durations in seconds).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { requestScope } from './logger';

let enabled = true;

/** Stops recording request, operation, fetch and datastore timings (the bench's "off"); scrapes still answer. */
export function setMetricsEnabled(on: boolean): void {
  enabled = on;
}

export function metricsEnabled(): boolean {
  return enabled;
}

/** Every metric of this process. In the one-process shop (`npm start`) all services share it. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Latency buckets from 5 ms to 10 s: the range a shopper notices. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpServerDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Duration of HTTP server requests, by service, route pattern, method and status code.',
  labelNames: ['service', 'http_route', 'http_request_method', 'http_response_status_code'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const graphqlOperationDuration = new Histogram({
  name: 'graphql_operation_duration_seconds',
  help: 'Duration of GraphQL operations, by service, operation name and type, and outcome (ok or error).',
  labelNames: ['service', 'graphql_operation_name', 'graphql_operation_type', 'outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const subgraphFetchDuration = new Histogram({
  name: 'subgraph_fetch_duration_seconds',
  help: 'Duration of the gateway\'s fetches from each subgraph, by outcome (the HTTP status class, or "error").',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const datastoreDuration = new Histogram({
  name: 'db_client_operation_duration_seconds',
  help: 'Duration of datastore calls, by system (postgresql, redis, dynamodb) and operation, and outcome.',
  labelNames: ['db_system_name', 'db_operation_name', 'outcome'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const cacheRequests = new Counter({
  name: 'cache_requests_total',
  help: 'Cache reads, by result (hit, miss, or error: a failed read answered from the source of truth).',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

export const outboxBacklog = new Gauge({
  name: 'outbox_backlog_events',
  help: 'Outbox events committed and not yet relayed to the bus, by producing service.',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

export const outboxOldestAge = new Gauge({
  name: 'outbox_oldest_unsent_age_seconds',
  help: 'Age of the oldest outbox event not yet relayed (0 when none waits), by producing service.',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

export const eventsPublished = new Counter({
  name: 'events_published_total',
  help: 'Events relayed from an outbox to the bus, by topic.',
  labelNames: ['topic'] as const,
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'events_consumed_total',
  help: 'Events handled by a consumer group, by group, topic and outcome (ok or error: left for a retry).',
  labelNames: ['group', 'topic', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: 'event_consumer_lag_events',
  help: 'Events on the stream a consumer group has not read yet, plus those it read and has not acknowledged.',
  labelNames: ['group'] as const,
  registers: [metricsRegistry],
});

export const openReservations = new Gauge({
  name: 'stock_reservations_open',
  help: 'Stock reservations held for checkouts and not yet committed, released or expired.',
  registers: [metricsRegistry],
});

export const ordersTotal = new Counter({
  name: 'orders_total',
  help: 'Checkout completions, by outcome: the order status reached, or the user error code refused with.',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const paymentsTotal = new Counter({
  name: 'payments_total',
  help: 'Calls to the payment provider, by provider, operation and outcome (the payment state, or "error").',
  labelNames: ['provider', 'operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const loginFailures = new Counter({
  name: 'login_failures_total',
  help: 'Sign-ins refused for a wrong email or password.',
  registers: [metricsRegistry],
});

export const throttledRequests = new Counter({
  name: 'throttled_requests_total',
  help: 'Requests refused by a rate limit, by limit (login, registration, email, unpaid_orders).',
  labelNames: ['limit'] as const,
  registers: [metricsRegistry],
});

/** Runs a gauge's refresh at scrape time; a refresh that fails leaves the last value (the scrape still answers). */
const refreshers = new Set<() => Promise<void>>();

/** Adds work to run before every scrape (a backlog count); the returned function removes it. */
export function onScrape(refresh: () => Promise<void>): () => void {
  refreshers.add(refresh);
  return () => {
    refreshers.delete(refresh);
  };
}

/** The text Prometheus scrapes, after every gauge refresh has run (each bounded to one second). */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  await Promise.allSettled(
    [...refreshers].map((refresh) =>
      Promise.race([refresh(), new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]),
    ),
  );
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/** Times `fn` into `histogram` with `labels` and an `outcome` of ok or error. */
export async function timed<T, L extends string>(
  histogram: Histogram<L | 'outcome'>,
  labels: Partial<Record<L, string>>,
  fn: () => Promise<T>,
): Promise<T> {
  if (!enabled) return fn();
  const end = histogram.startTimer(labels as Partial<Record<L | 'outcome', string>>);
  try {
    const value = await fn();
    end({ outcome: 'ok' } as Partial<Record<L | 'outcome', string>>);
    return value;
  } catch (error) {
    end({ outcome: 'error' } as Partial<Record<L | 'outcome', string>>);
    throw error;
  }
}

const MAX_OPERATION_NAMES = 200;
const seenOperationNames = new Set<string>();

/**
 * An operation name as a label: the names a client sends are unbounded, so past the first 200 distinct ones (or
 * for a name no client tool would write) the label is "other"; an operation without a name is "anonymous".
 */
export function operationNameLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (seenOperationNames.has(name)) return name;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || seenOperationNames.size >= MAX_OPERATION_NAMES)
    return 'other';
  seenOperationNames.add(name);
  return name;
}

/** Apollo Server plugin: one `graphql_operation_duration_seconds` observation per request. */
export function operationMetricsPlugin<TContext extends BaseContext>(
  service: string,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      if (!enabled) return {};
      const end = graphqlOperationDuration.startTimer({ service });
      let name = 'unknown';
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation }) {
          name = operationNameLabel(operationName);
          // Log lines from here on (an error's included) name the operation.
          const scope = requestScope();
          if (scope) scope.operation = name;
          type = operation?.operation ?? 'unknown';
        },
        async willSendResponse({ response, errors }) {
          const failed =
            (errors?.length ?? 0) > 0 ||
            (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
          end({
            graphql_operation_name: name,
            graphql_operation_type: type,
            outcome: failed ? 'error' : 'ok',
          });
        },
      };
    },
  };
}
