// The trace a piece of work belongs to, for what crosses a boundary OpenTelemetry's instrumentations do not see:
// an event written to an outbox row and read back by a relay and a consumer, and a log line. With tracing off
// every helper here is a no-op on the API's default (no SDK registered).
import {
  context,
  isSpanContextValid,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
} from '@opentelemetry/api';

const tracer = trace.getTracer('@shop/common');

/** The active span's W3C `traceparent`, to store beside an event; undefined when nothing is traced. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

function contextOf(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
}

const KINDS = new Map([
  ['producer', SpanKind.PRODUCER],
  ['consumer', SpanKind.CONSUMER],
  ['internal', SpanKind.INTERNAL],
  ['client', SpanKind.CLIENT],
]);

/**
 * Runs `fn` in a span of `kind` whose parent is the trace `traceparent` names (an event's origin), so a relay's
 * publish and a consumer's handling join the request that wrote the event. `fn` gets the span's own traceparent.
 */
export function inSpan<T>(
  name: string,
  kind: 'producer' | 'consumer' | 'internal' | 'client',
  traceparent: string | null | undefined,
  attributes: Attributes,
  fn: (ownTraceparent: string | undefined) => Promise<T>,
): Promise<T> {
  const spanKind = KINDS.get(kind) ?? SpanKind.INTERNAL;
  return tracer.startActiveSpan(
    name,
    { kind: spanKind, attributes },
    contextOf(traceparent),
    async (span) => {
      try {
        return await fn(currentTraceparent());
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * One producer span per event, each a child of the trace that wrote the event (a relay publishes a batch of
 * events from many requests at once). `traceparents[i]` is what event i carries on to its consumers.
 */
export function producerSpans(events: { topic: string; traceparent?: string | null }[]): {
  traceparents: (string | undefined)[];
  end: (error?: unknown) => void;
} {
  const spans = events.map((event) =>
    event.traceparent
      ? tracer.startSpan(
          `${event.topic} publish`,
          {
            kind: SpanKind.PRODUCER,
            attributes: { 'messaging.destination.name': event.topic, 'messaging.operation.type': 'send' },
          },
          contextOf(event.traceparent),
        )
      : undefined,
  );
  return {
    traceparents: spans.map((span) => {
      if (!span) return undefined;
      const carrier: Record<string, string> = {};
      propagation.inject(trace.setSpan(context.active(), span), carrier);
      return carrier.traceparent;
    }),
    end: (error) => {
      for (const span of spans) {
        if (!span) continue;
        if (error) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    },
  };
}

/** The active trace and span ids, for a log line; undefined outside a traced request. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext)
    ? { traceId: spanContext.traceId, spanId: spanContext.spanId }
    : undefined;
}

/** Names the active server span after its route (`POST /graphql`) and the service answering it. */
export function nameServerSpan(service: string, method: string, route: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttributes({ 'http.route': route, 'shop.service': service });
  span.updateName(`${method} ${route}`);
}
