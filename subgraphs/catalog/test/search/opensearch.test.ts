import { randomBytes } from 'node:crypto';
import { createOpenSearchEngine } from '../../src/search/opensearch';
import { searchContract } from './contract';

const node = process.env.OPENSEARCH_URL;

// No OpenSearch runs on every machine: the contract runs when OPENSEARCH_URL points at one.
(node ? describe : describe.skip)('OpenSearch search engine', () => {
  searchContract('opensearch', async () =>
    createOpenSearchEngine({
      node: node ?? 'http://127.0.0.1:9200',
      indexPrefix: `test_${randomBytes(4).toString('hex')}_`,
    }),
  );
});
