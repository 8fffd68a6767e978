import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlDatabase, type SqlDatabase } from '@shop/datastores';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { createPostgresSearchEngine } from '../../src/search/postgres';
import { FIXTURE, searchContract } from './contract';

describe('Postgres search engine on a Postgres server', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => database?.drop());

  searchContract('postgres (server)', async () => {
    database = await createTestDatabase('catalog_search');
    return createPostgresSearchEngine(database.db);
  });
});

describe('Postgres search engine on PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-search-pglite-'));
  let db: SqlDatabase | undefined;
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  searchContract('postgres (PGlite)', async () => {
    db = await openSqlDatabase({ dataDir: dir });
    return createPostgresSearchEngine(db);
  });
});

describe('Postgres search engine, facet cells of an index built before them', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => database?.drop());

  it('When the engine starts on documents whose cells were never counted, then it counts them once and browsing shows what it did before', async () => {
    database = await createTestDatabase('catalog_search_cells');
    const engine = createPostgresSearchEngine(database.db);
    await engine.init();
    await engine.reindex(
      (async function* () {
        yield FIXTURE;
      })(),
    );
    const before = await engine.search({ query: '', filters: {}, sort: 'RELEVANCE', first: 5, after: null });
    // As an index from before the cells existed: documents, no counts.
    await database.db.query('DELETE FROM search_facet_cells');
    const blank = await engine.search({ query: '', filters: {}, sort: 'RELEVANCE', first: 5, after: null });
    expect(blank.totalCount).toBe(0);
    await engine.init();
    const after = await engine.search({ query: '', filters: {}, sort: 'RELEVANCE', first: 5, after: null });
    expect(after.totalCount).toBe(FIXTURE.length);
    expect(after.facets).toEqual(before.facets);
    expect(after.hits).toEqual(before.hits);
  });
});
