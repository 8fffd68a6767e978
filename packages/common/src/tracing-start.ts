// Imported first by each entry point: starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (see tracing.ts).
import { startTracing } from './tracing';

/** The service a process runs, from its entry file (subgraphs/<name>/…, dist/<name>/…; "shop" for the one-process shop) when OTEL_SERVICE_NAME is unset. */
function serviceOf(file: string | undefined): string {
  const match = /(?:subgraphs|dist)[\\/]([a-z-]+)[\\/]|[\\/](gateway)[\\/]/.exec(file ?? '');
  return match?.[1] ?? match?.[2] ?? 'shop';
}

startTracing({ serviceName: process.env.OTEL_SERVICE_NAME ? undefined : serviceOf(require.main?.filename) });
