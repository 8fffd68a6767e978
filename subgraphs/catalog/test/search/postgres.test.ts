import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlDatabase, type SqlDatabase } from '@shop/datastores';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { createPostgresSearchEngine } from '../../src/search/postgres';
import { searchContract } from './contract';

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
