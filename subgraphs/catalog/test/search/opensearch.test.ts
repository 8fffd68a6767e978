import { randomBytes } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { createOpenSearchEngine } from '../../src/search/opensearch';
import { searchContract } from './contract';

const node = process.env.OPENSEARCH_URL;

// No OpenSearch runs on every machine: the contract runs when OPENSEARCH_URL points at one.
(node ? describe : describe.skip)('OpenSearch search engine', () => {
  const indexPrefix = `test_${randomBytes(4).toString('hex')}_`;

  afterAll(async () => {
    const client = new Client({ node: node ?? '' });
    await client.indices.delete({ index: `${indexPrefix}*` }, { ignore: [404] });
    await client.close();
  });

  searchContract('opensearch', async () => createOpenSearchEngine({ node: node ?? '', indexPrefix }));
});
