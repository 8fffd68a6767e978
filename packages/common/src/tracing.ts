// OpenTelemetry tracing for a process: the Node SDK with the http, undici (fetch), pg, ioredis, AWS SDK and
// graphql instrumentations, exporting by OTLP. Import this module before any other (each entry point does, first),
// so the instrumented modules are patched as they load. It imports nothing of the shop's.
//
// The SDK's own variables configure it, as everywhere OpenTelemetry runs: OTEL_EXPORTER_OTLP_ENDPOINT (or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) turns tracing on; without one nothing is loaded and the API stays a no-op.
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  /** Sends what is buffered (a test's in-memory exporter, a batch before exit). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let started: Tracing | null = null;

/** True when the environment asks for tracing: an OTLP endpoint is set and the SDK is not disabled. */
export function tracingWanted(env: Record<string, string | undefined> = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts tracing once per process. `spanProcessors` replace the OTLP exporter (a test's in-memory one); without
 * them, tracing starts only when `tracingWanted()`. Returns null when off.
 */
export function startTracing(
  options: { serviceName?: string; spanProcessors?: SpanProcessor[] } = {},
): Tracing | null {
  if (started) return started;
  if (!options.spanProcessors && !tracingWanted()) return null;
  // Loaded only when on: an untraced process pays neither the SDK's start nor its patching.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { IORedisInstrumentation } =
    require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
  const { AwsInstrumentation } =
    require('@opentelemetry/instrumentation-aws-sdk') as typeof import('@opentelemetry/instrumentation-aws-sdk');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const processors = options.spanProcessors ?? [new BatchSpanProcessor(new OTLPTraceExporter())];
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    spanProcessors: processors,
    // Metrics are Prometheus's (prom-client, GET /metrics) and logs go to stdout: only traces leave by OTLP.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      // Health checks and scrapes are not traced: they would drown the requests.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)\b/.test(req.url ?? ''),
      }),
      new UndiciInstrumentation(),
      // Statement text is kept (it never holds a value: every query is parameterised), parameters are not.
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new IORedisInstrumentation(),
      new AwsInstrumentation({ suppressInternalInstrumentation: true }),
      // One span per field resolver would swamp a product listing; resolvers of trivial fields are left out.
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true, allowValues: false }),
    ],
  });
  sdk.start();
  started = {
    flush: async () => {
      await Promise.all(processors.map((p) => p.forceFlush()));
    },
    shutdown: () => sdk.shutdown(),
  };
  return started;
}

/** Spans kept in memory instead of exported, each as it ends: what a test reads back (pass `processor` to startTracing). */
export function memorySpans(): {
  processor: SpanProcessor;
  finished: () => ReadableSpan[];
  reset: () => void;
} {
  const { InMemorySpanExporter, SimpleSpanProcessor } =
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const exporter = new InMemorySpanExporter();
  return {
    processor: new SimpleSpanProcessor(exporter),
    finished: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
  };
}
