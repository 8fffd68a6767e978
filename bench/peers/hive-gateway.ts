// Hive Gateway (pinned @graphql-hive/gateway) with its defaults, for the `gateways` bench, plus one plugin adding
// the signed identity header each subgraph requires (an anonymous caller, signed for that subgraph).
// HIVE_DEDUPLICATE=false turns off its in-flight deduplication of identical subgraph requests.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { IDENTITY_HEADER, signIdentity } from '@shop/common';

async function main(): Promise<void> {
  const secret = process.env.INTERNAL_AUTH_SECRET!;

  const supergraph = readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8');
  const names = new Map<string, string>();
  for (const m of supergraph.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g))
    names.set(m[2]!, m[1]!);
  const signed: GatewayPlugin = {
    onFetch({ url, options, setOptions }) {
      const audience = names.get(url);
      if (!audience) return;
      setOptions({
        ...options,
        headers: {
          ...options.headers,
          [IDENTITY_HEADER]: signIdentity(
            { principal: { kind: 'anonymous' }, requestId: randomUUID(), clientIp: '127.0.0.1', audience },
            secret,
          ),
        },
      });
    },
  };
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    plugins: () => [signed],
    ...(process.env.HIVE_DEDUPLICATE === 'false'
      ? { transportEntries: { '*': { options: { deduplicateInflightRequests: false } } } }
      : {}),
  });

  const server = createServer(runtime).listen(Number(process.env.PORT), '127.0.0.1');
  // The bench stops it with SIGTERM; the runtime's own disposal would wait on its open connections.
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
