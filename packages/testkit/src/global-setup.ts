// Jest global setup: one DynamoDB Local and one OpenSearch node for the whole run (tests isolate themselves
// by table and index prefix), moto for the AWS services (TEST_AWS_ENDPOINT), and the addresses of the real
// Postgres and Redis.
import { startDynamoLocal } from '@shop/datastores';
import { startTestMoto } from './moto';
import { startTestOpenSearch } from './opensearch';
import { freePort } from './ports';

export default async function globalSetup(): Promise<void> {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
  const openSearch = startTestOpenSearch();
  if (!process.env.TEST_DYNAMODB_ENDPOINT) {
    const local = await startDynamoLocal({ port: await freePort() });
    process.env.TEST_DYNAMODB_ENDPOINT = local.endpoint;
    (globalThis as { __dynamoLocal?: { stop: () => Promise<void> } }).__dynamoLocal = local;
  }
  (globalThis as { __openSearchLocal?: { stop: () => Promise<void> } }).__openSearchLocal = await openSearch;
  await startTestMoto();
}
