import { randomBytes } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { ConfigError } from '@shop/common';
import { InProcessBus } from '@shop/datastores';
import {
  TEST_SECRET,
  createTestDatabase,
  testLogger,
  testOpenSearchUrl,
  type TestDatabase,
} from '@shop/testkit';
import { loadConfig } from '../../src/config';
import { openSearchEngine } from '../../src/search-engine';
import { createService } from '../../src/service';

const base = { INTERNAL_AUTH_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', BEHAVIOUR_ENABLED: 'false' };

describe('Choosing the catalog search engine', () => {
  const node = testOpenSearchUrl();
  const indexPrefix = `test_${randomBytes(4).toString('hex')}_`;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('catalog_engine_choice');
  });

  afterAll(async () => {
    const client = new Client({ node });
    await client.indices.delete({ index: `${indexPrefix}*` }, { ignore: [404] });
    await client.close();
    await database.drop();
  });

  it('When SEARCH_ENGINE is opensearch without OPENSEARCH_URL, then the configuration is refused and says why', () => {
    let error: unknown;
    try {
      loadConfig({ ...base, SEARCH_ENGINE: 'opensearch' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'OPENSEARCH_URL: SEARCH_ENGINE=opensearch needs the URL of an OpenSearch node',
    ]);
    expect(() => loadConfig({ ...base, SEARCH_ENGINE: 'elastic' })).toThrow(/SEARCH_ENGINE/);
  });

  it('When SEARCH_ENGINE names an engine, then it is used whatever else is set; unset, OPENSEARCH_URL decides', async () => {
    const choose = async (env: Record<string, string>) => {
      const engine = await openSearchEngine(
        loadConfig({ ...base, DATABASE_URL: database.url, ...env }),
        database.db,
      );
      await engine.close();
      return engine.name;
    };
    expect(await choose({})).toBe('postgres');
    expect(await choose({ OPENSEARCH_URL: node })).toBe('opensearch');
    expect(await choose({ OPENSEARCH_URL: node, SEARCH_ENGINE: 'postgres' })).toBe('postgres');
    expect(await choose({ OPENSEARCH_URL: node, SEARCH_ENGINE: 'opensearch' })).toBe('opensearch');
  });

  it('When a catalog seeded on Postgres search starts on an empty OpenSearch index, then it builds the index and finds its products', async () => {
    const start = async (env: Record<string, string>) => {
      const bus = new InProcessBus(testLogger);
      const config = loadConfig({ ...base, DATABASE_URL: database.url, SEED_DEMO_DATA: 'true', ...env });
      const service = await createService(config, { bus, logger: testLogger });
      return { service, close: async () => (await service.close(), await bus.close()) };
    };
    const browse = {
      query: '',
      filters: {},
      sort: 'NEWEST' as const,
      first: 5,
      after: null,
      withFacets: false,
    };

    const onPostgres = await start({});
    const seeded = await onPostgres.service.deps.engine.search(browse);
    await onPostgres.close();
    expect(seeded.totalCount).toBeGreaterThan(0);

    const onOpenSearch = await start({
      SEARCH_ENGINE: 'opensearch',
      OPENSEARCH_URL: node,
      OPENSEARCH_INDEX_PREFIX: indexPrefix,
    });
    try {
      expect(onOpenSearch.service.deps.engine.name).toBe('opensearch');
      const found = await onOpenSearch.service.deps.engine.search(browse);
      expect(found.totalCount).toBe(seeded.totalCount);
      expect(found.hits.map((hit) => hit.productId)).toEqual(seeded.hits.map((hit) => hit.productId));
      const words = await onOpenSearch.service.deps.engine.search({
        ...browse,
        query: 'runnign shoes',
        sort: 'RELEVANCE',
      });
      expect(words.totalCount).toBeGreaterThan(0);
    } finally {
      await onOpenSearch.close();
    }
  });
});
