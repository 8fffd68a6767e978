// A tiny subgraph and a gateway in front of it, for testing the gateway's edge behaviour on its own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { sessionTables } from '@shop/auth';
import type { IncomingMessage } from 'node:http';
import { createSubgraph, IDENTITY_HEADER, type ShutdownOptions, type Subgraph } from '@shop/common';
import { ensureTables } from '@shop/datastores';
import { TEST_SECRET, testDynamo, testLogger, testRedisUrl, type TestDynamo } from '@shop/testkit';
import gqlTag from 'graphql-tag';
import { loadConfig } from '../src/config';
import { createGateway, type Gateway } from '../src/gateway';

const typeDefs = gqlTag`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize"])
  "The probe's queries."
  type Query {
    "The identity the subgraph received, as JSON."
    whoami: String!
    "The identity the subgraph received, as JSON, answered a second later (so concurrent requests overlap)."
    whoamiLater: String!
    "Fails with an internal error."
    boom: String
    "Answers after 3 seconds."
    slow: String
    "A node to nest."
    node: Node
    "Nodes to nest, as many as asked for."
    items(first: Int = 10): [Node!]! @listSize(assumedSize: 10, slicingArguments: ["first"], requireOneSlicingArgument: false)
  }
  "A nestable node."
  type Node {
    "Its name."
    name: String
    "Its child."
    child: Node
    "Its children, as many as asked for."
    children(first: Int = 10): [Node!]! @listSize(assumedSize: 10, slicingArguments: ["first"], requireOneSlicingArgument: false)
  }
`;

export interface Probe {
  gatewayUrl: string;
  /** The supergraph file the gateway reads (and watches). */
  supergraphPath: string;
  /** The probe subgraph's schema, to compose other supergraphs with. */
  typeDefs: typeof typeDefs;
  reload: () => Promise<boolean>;
  subgraphUrl: string;
  /** Every identity header the probe subgraph received, oldest first. */
  receivedIdentities: string[];
  dynamo: TestDynamo;
  /** How many list fields the probe subgraph has resolved. */
  listsResolved: () => number;
  close: (shutdown?: ShutdownOptions) => Promise<void>;
}

export async function startProbe(env: Record<string, string> = {}): Promise<Probe> {
  let listsResolved = 0;
  const nodes = (first: number) => {
    listsResolved++;
    return Array.from({ length: first }, (_, i) => ({ name: `n${i}` }));
  };
  const subgraph: Subgraph = await createSubgraph({
    name: 'probe',
    typeDefs,
    secret: TEST_SECRET,
    logger: testLogger,
    buildContext: (base) => base,
    resolvers: {
      Query: {
        whoami: (_: unknown, __: unknown, ctx: { principal: unknown; clientIp: string | null }) =>
          JSON.stringify({ principal: ctx.principal, clientIp: ctx.clientIp }),
        whoamiLater: (_: unknown, __: unknown, ctx: { principal: unknown; clientIp: string | null }) =>
          new Promise((r) =>
            setTimeout(
              () => r(JSON.stringify({ principal: ctx.principal, clientIp: ctx.clientIp })),
              1000,
            ).unref(),
          ),
        boom: () => {
          throw new Error('relation "secret_table" does not exist (host db-internal.example:5432)');
        },
        // Unref'd: the answer nobody waits for any more must not hold the test process open.
        slow: () => new Promise((r) => setTimeout(() => r('late'), 3000).unref()),
        node: () => ({ name: 'n' }),
        items: (_: unknown, args: { first: number }) => nodes(args.first),
      },
      Node: {
        child: () => ({ name: 'c' }),
        children: (_: unknown, args: { first: number }) => nodes(args.first),
      },
    },
  });
  const receivedIdentities: string[] = [];
  subgraph.app.server.prependListener('request', (req: IncomingMessage) => {
    const header = req.headers[IDENTITY_HEADER];
    if (typeof header === 'string') receivedIdentities.push(header);
  });
  const subgraphUrl = `http://127.0.0.1:${await subgraph.app.listen(0)}/graphql`;
  const composed = composeServices([{ name: 'probe', url: subgraphUrl, typeDefs }]);
  if (composed.errors) throw composed.errors[0];
  const dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
  writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);

  const dynamo = testDynamo();
  await ensureTables(dynamo.dynamo.client, sessionTables(dynamo.prefix));
  const gateway: Gateway = await createGateway(
    loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      SUPERGRAPH_PATH: join(dir, 'supergraph.graphql'),
      SUBGRAPH_TIMEOUT_MS: '500',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE_PREFIX: dynamo.prefix,
      REDIS_URL: testRedisUrl(),
      MAX_QUERY_DEPTH: '5',
      ...env,
    }),
    testLogger,
  );
  const gatewayUrl = `http://127.0.0.1:${await gateway.app.listen(0)}/graphql`;
  let closed = false;
  return {
    gatewayUrl,
    supergraphPath: join(dir, 'supergraph.graphql'),
    typeDefs,
    reload: () => gateway.reload(),
    subgraphUrl,
    receivedIdentities,
    dynamo,
    listsResolved: () => listsResolved,
    close: async (shutdown?: ShutdownOptions) => {
      if (closed) return;
      closed = true;
      await gateway.close(shutdown);
      await subgraph.close();
      dynamo.dynamo.client.destroy();
    },
  };
}
