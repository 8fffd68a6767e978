import { randomBytes } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { createTestDatabase, testOpenSearchUrl, type TestDatabase } from '@shop/testkit';
import type { SearchEngine, SearchRequest, SearchResult } from '../../src/search/engine';
import { createOpenSearchEngine } from '../../src/search/opensearch';
import { createPostgresSearchEngine } from '../../src/search/postgres';
import { FIXTURE } from './contract';

/** What two engines must agree on: the hits (in order where a sort key fixes it), the total and every facet count. */
function answer(result: SearchResult, ordered: boolean) {
  const ids = result.hits.map((hit) => hit.productId);
  return {
    ids: ordered ? ids : [...ids].sort(),
    totalCount: result.totalCount,
    hasNextPage: result.hasNextPage,
    facets: Object.fromEntries(
      result.facets.map((facet) => [
        facet.name,
        Object.fromEntries(facet.values.map((v) => [v.value, v.count])),
      ]),
    ),
  };
}

const request = (overrides: Partial<SearchRequest>): SearchRequest => ({
  query: '',
  filters: {},
  sort: 'RELEVANCE',
  first: 100,
  after: null,
  ...overrides,
});

describe('Postgres and OpenSearch engines on the same documents', () => {
  const node = testOpenSearchUrl();
  const indexPrefix = `test_${randomBytes(4).toString('hex')}_`;
  let database: TestDatabase;
  let postgres: SearchEngine;
  let opensearch: SearchEngine;

  beforeAll(async () => {
    database = await createTestDatabase('catalog_search_parity');
    postgres = createPostgresSearchEngine(database.db);
    opensearch = createOpenSearchEngine({ node, indexPrefix });
    for (const engine of [postgres, opensearch]) {
      await engine.init();
      await engine.reindex(
        (async function* () {
          yield FIXTURE;
        })(),
      );
    }
  });

  afterAll(async () => {
    await opensearch.close();
    await postgres.close();
    const client = new Client({ node });
    await client.indices.delete({ index: `${indexPrefix}*` }, { ignore: [404] });
    await client.close();
    await database.drop();
  });

  const shapes: [string, Partial<SearchRequest>][] = [
    ['browse', {}],
    ['a misspelled single word', { query: 'hikng' }],
    [
      'words and a brand and availability',
      { query: 'shoes', filters: { brands: ['stride'], available: true } },
    ],
    ['a parent category and a brand', { filters: { categories: ['running-shoes'], brands: ['Stride'] } }],
    ['a price range', { filters: { priceMinMinor: 5_000, priceMaxMinor: 10_000 } }],
    ['out of stock', { filters: { available: false } }],
    [
      'specs',
      {
        filters: {
          specs: [
            { name: 'color', value: 'red' },
            { name: 'color', value: 'blue' },
          ],
        },
      },
    ],
    ['words sorted by price', { query: 'running', sort: 'PRICE_DESC' }],
    ['browse sorted by price', { sort: 'PRICE_ASC', first: 4 }],
    ['newest in a category', { sort: 'NEWEST', filters: { categories: ['apparel'] }, first: 3 }],
    ['a category boost', { query: 'shoes', boosts: { categories: { 'hiking-boots': 10 }, brands: {} } }],
  ];

  it.each(shapes)(
    'When searching with %s, then both engines give the same hits, total and facets',
    async (_name, shape) => {
      const ordered = shape.sort !== undefined && shape.sort !== 'RELEVANCE';
      const [fromPostgres, fromOpenSearch] = await Promise.all(
        [postgres, opensearch].map(async (engine) => answer(await engine.search(request(shape)), ordered)),
      );
      expect(fromOpenSearch).toEqual(fromPostgres);
    },
  );

  it('When a word is misspelled, then both engines put the same products first', async () => {
    // Postgres widens the word with its correction in every field; OpenSearch corrects it in titles, brands and
    // categories: both find what the word means in a title first, and may differ in the description matches after.
    const shape = request({ query: 'runnign shoes' });
    const [a, b] = await Promise.all([postgres.search(shape), opensearch.search(shape)]);
    const top = (result: SearchResult) =>
      result.hits
        .slice(0, 2)
        .map((hit) => hit.productId)
        .sort();
    expect(top(b)).toEqual(top(a));
    expect(top(b)).toEqual(['p01', 'p02']);
  });

  it('When availability changes, then both engines filter and count it alike', async () => {
    for (const engine of [postgres, opensearch]) {
      await engine.setAvailability([
        { productId: 'p01', available: false },
        { productId: 'p09', available: true },
      ]);
    }
    const shape = request({ filters: { available: true } });
    expect(answer(await opensearch.search(shape), false)).toEqual(
      answer(await postgres.search(shape), false),
    );
  });

  it('When a boost favours a category, then both engines put the same product first', async () => {
    const shape = request({ query: 'shoes', boosts: { categories: { 'hiking-boots': 10 }, brands: {} } });
    const [a, b] = await Promise.all([postgres.search(shape), opensearch.search(shape)]);
    expect(b.hits[0]?.productId).toBe(a.hits[0]?.productId);
  });

  it('When asked for related products, then both engines name the same most similar one', async () => {
    for (const id of ['p01', 'p06', 'p04']) {
      const [a, b] = await Promise.all([postgres.related(id, 3), opensearch.related(id, 3)]);
      expect(b[0]).toBe(a[0]);
    }
  });
});
