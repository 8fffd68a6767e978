// Log lines name their request, operation and trace; an error's line never carries a secret.
import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { parse } from 'graphql';
import { createLogger, createSubgraph, IDENTITY_HEADER, signIdentity, type Subgraph } from '../src';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('test', 'info', stream), lines };
}

describe('Log lines', () => {
  it('When a line is written inside a traced span, then it carries that trace id and span id', () => {
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    const provider = new BasicTracerProvider();
    trace.setGlobalTracerProvider(provider);
    try {
      const { logger, lines } = memoryLogger();
      const span = trace.getTracer('test').startSpan('work');
      context.with(trace.setSpan(context.active(), span), () => logger.info('inside'));
      span.end();
      logger.info('outside');
      expect(lines[0]).toMatchObject({
        msg: 'inside',
        trace_id: span.spanContext().traceId,
        span_id: span.spanContext().spanId,
      });
      expect(lines[1]).not.toHaveProperty('trace_id');
    } finally {
      trace.disable();
      context.disable();
    }
  });

  describe('of a failing resolver', () => {
    const { logger, lines } = memoryLogger();
    let subgraph: Subgraph;
    let url: string;

    beforeAll(async () => {
      subgraph = await createSubgraph({
        name: 'orders',
        typeDefs: parse('type Query { secretive(password: String!): String }'),
        resolvers: {
          Query: {
            secretive: () => {
              throw new Error('the payment provider refused the key');
            },
          },
        },
        secret: SECRET,
        logger,
        buildContext: (base) => base,
      });
      url = `http://127.0.0.1:${await subgraph.app.listen(0)}/graphql`;
    });

    afterAll(async () => {
      await subgraph.close();
    });

    it('When a resolver fails, then the error line names the request, the operation and the path, and no secret', async () => {
      const identity = signIdentity(
        {
          principal: { kind: 'anonymous' },
          requestId: 'req-from-the-gateway',
          clientIp: null,
          audience: 'orders',
        },
        SECRET,
      );
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: identity,
          authorization: 'Bearer shopper-session-token',
        },
        body: JSON.stringify({
          query: 'query CheckSecret($p: String!) { secretive(password: $p) }',
          variables: { p: 'correct horse battery staple' },
        }),
      });
      expect(res.status).toBe(200);
      const failed = lines.find((l) => l.msg === 'resolver failed');
      expect(failed).toMatchObject({
        requestId: 'req-from-the-gateway',
        operation: 'CheckSecret',
        path: ['secretive'],
      });
      const text = JSON.stringify(lines);
      expect(text).not.toContain('correct horse battery staple');
      expect(text).not.toContain('shopper-session-token');
      expect(text).not.toContain(identity);
    });
  });
});
