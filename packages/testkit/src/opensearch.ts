// The OpenSearch node of a test run: started once by the global setup, shared by every suite (each uses its own index prefix).
import { startOpenSearchLocal, type OpenSearchLocal } from '@shop/datastores';

/** Starts a node unless TEST_OPENSEARCH_URL already names one, and points TEST_OPENSEARCH_URL at it. */
export async function startTestOpenSearch(): Promise<OpenSearchLocal | undefined> {
  if (process.env.TEST_OPENSEARCH_URL) return undefined;
  const node = await startOpenSearchLocal({ heap: '512m' });
  process.env.TEST_OPENSEARCH_URL = node.url;
  return node;
}

/** The run's OpenSearch node. */
export function testOpenSearchUrl(): string {
  const url = process.env.TEST_OPENSEARCH_URL;
  if (!url)
    throw new Error(
      'TEST_OPENSEARCH_URL is not set: run the tests through jest (its global setup starts OpenSearch)',
    );
  return url;
}
