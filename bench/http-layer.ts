// The http-layer section of `npm run bench`: the shop's own HTTP layer (packages/common/src/http.ts) against
// Fastify 5 with @as-integrations/fastify, serving the same subgraph (its ApolloServer, context and query fast
// path as the shop runs them) the same query, in one run. Each layer listens on a port of its own in this
// process; the scenarios alternate layer by layer over two rounds, so drift on a busy machine falls on both alike.
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { createHttpApp, HttpError, type GraphQLMount, type Logger } from '@shop/common';
import type { SubgraphContext } from '@shop/common';

/** The bench's measure: one scenario's row, after checking that its request really succeeds. */
type Measure<Row> = (
  group: string,
  scenario: string,
  url: string,
  query: string,
  options: { headers?: Record<string, string> },
) => Promise<Row>;

interface Served {
  url: string;
  close: () => Promise<void>;
}

/** The shop's layer: the mount as the subgraph serves it, optionally without its fast path. */
async function handWritten(
  mount: GraphQLMount<SubgraphContext>,
  logger: Logger,
  fast: boolean,
): Promise<Served> {
  const app = createHttpApp<SubgraphContext>({
    logger,
    routes: [],
    graphql: fast ? mount : { ...mount, fastPath: undefined },
  });
  const port = await app.listen(0);
  return { url: `http://127.0.0.1:${port}${mount.path}`, close: () => app.close() };
}

/**
 * Fastify: the same context (an HttpError refuses the request), then the fast path when kept, then Apollo through
 * @as-integrations/fastify.
 */
async function fastify(mount: GraphQLMount<SubgraphContext>, fast: boolean): Promise<Served> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError)
      return reply.code(error.status).send(error.body ?? { error: error.message });
    return reply.code(500).send({ error: 'Internal server error' });
  });
  const apollo = fastifyApolloHandler<SubgraphContext>(mount.server, {
    context: (request, reply) => mount.context(request.raw, reply.raw),
  });
  app.post(mount.path, async (request, reply) => {
    if (fast && mount.fastPath && /^application\/json\b/.test(request.headers['content-type'] ?? '')) {
      const context = await mount.context(request.raw, reply.raw);
      const answer = await mount.fastPath(request.body, request.headers.accept, context);
      if (answer !== null) return reply.type('application/json; charset=utf-8').send(answer);
    }
    // The handler is typed for its own route shape; this route serves the same request.
    return apollo.call(app, request as never, reply as never);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}${mount.path}`, close: () => app.close() };
}

/** Rows for both layers, with and without the query fast path, for `query` sent with `headers`. */
export async function httpLayerRows<Row>(options: {
  measure: Measure<Row>;
  mount: GraphQLMount<SubgraphContext>;
  logger: Logger;
  subgraph: string;
  query: string;
  headers: Record<string, string>;
  rounds?: number;
}): Promise<Row[]> {
  const { measure, mount, logger, query, headers } = options;
  const layers: { name: string; start: () => Promise<Served> }[] = [
    {
      name: 'node:http layer (packages/common/src/http.ts), fast path',
      start: () => handWritten(mount, logger, true),
    },
    { name: 'Fastify 5.12.8, fast path', start: () => fastify(mount, true) },
    { name: 'node:http layer, Apollo only', start: () => handWritten(mount, logger, false) },
    {
      name: 'Fastify 5.12.8 + @as-integrations/fastify 3.1.0, Apollo only',
      start: () => fastify(mount, false),
    },
  ];
  const served: Served[] = [];
  const rows: Row[] = [];
  try {
    for (const layer of layers) served.push(await layer.start());
    for (let round = 1; round <= (options.rounds ?? 2); round++) {
      for (const [i, layer] of layers.entries()) {
        rows.push(
          await measure(
            'http-layer',
            `${options.subgraph}: ${layer.name} (round ${round})`,
            served[i]!.url,
            query,
            {
              headers,
            },
          ),
        );
      }
    }
  } finally {
    for (const server of served) await server.close();
  }
  return rows;
}
