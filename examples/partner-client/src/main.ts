// Runs the partner's operations by hash with its key:
//   GATEWAY_URL=http://localhost:4000/graphql PARTNER_API_KEY=shk_... npm start -w @shop/partner-client
import { createPartnerClient } from './client';
import { PartnerProductsDocument } from './gql/graphql';

async function main(): Promise<void> {
  const { GATEWAY_URL = 'http://localhost:4000/graphql', PARTNER_API_KEY } = process.env;
  if (!PARTNER_API_KEY) throw new Error('Set PARTNER_API_KEY (the key apiKeyCreate showed).');
  const client = createPartnerClient({ url: GATEWAY_URL, apiKey: PARTNER_API_KEY });
  const { body } = await client.run(PartnerProductsDocument, { first: 5 });
  for (const product of body.data?.products.nodes ?? []) console.log(`${product.handle}: ${product.title}`);
  console.log('cost', JSON.stringify(body.extensions?.cost));
  if (body.errors) console.error(body.errors);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
