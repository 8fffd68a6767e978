// Plain @apollo/gateway in @apollo/server's standalone server, for the `gateways` bench: nothing added but the
// signed identity header each subgraph requires (an anonymous caller, signed for that subgraph).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { IDENTITY_HEADER, signIdentity } from '@shop/common';

async function main(): Promise<void> {
  const secret = process.env.INTERNAL_AUTH_SECRET!;

  const supergraphSdl = readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request }) {
          request.http?.headers.set(
            IDENTITY_HEADER,
            signIdentity(
              {
                principal: { kind: 'anonymous' },
                requestId: randomUUID(),
                clientIp: '127.0.0.1',
                audience: name,
              },
              secret,
            ),
          );
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
