import { randomBytes } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { testOpenSearchUrl } from '@shop/testkit';
import { createOpenSearchEngine } from '../../src/search/opensearch';
import { searchContract } from './contract';

describe('OpenSearch search engine on an OpenSearch node', () => {
  const node = testOpenSearchUrl();
  const indexPrefix = `test_${randomBytes(4).toString('hex')}_`;

  afterAll(async () => {
    const client = new Client({ node });
    await client.indices.delete({ index: `${indexPrefix}*` }, { ignore: [404] });
    await client.close();
  });

  searchContract('opensearch', async () => createOpenSearchEngine({ node, indexPrefix }));
});
