import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { migrate, openSqlDatabase, isUniqueViolation, type SqlDatabase } from '../src';

const migrations = [
  {
    version: '001_items',
    sql: 'CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL); CREATE INDEX items_name ON items (name);',
  },
  { version: '002_trgm', sql: 'CREATE EXTENSION IF NOT EXISTS pg_trgm;' },
];

async function contract(db: SqlDatabase) {
  expect(await migrate(db, migrations)).toEqual(['001_items', '002_trgm']);
  expect(await migrate(db, migrations)).toEqual([]);

  await db.query('INSERT INTO items (id, name) VALUES ($1, $2)', [1, 'one']);
  const failed = await db
    .transaction(async (tx) => {
      await tx.query('INSERT INTO items (id, name) VALUES ($1, $2)', [2, 'two']);
      await tx.query('INSERT INTO items (id, name) VALUES ($1, $2)', [1, 'duplicate']);
    })
    .then(
      () => null,
      (error: unknown) => error,
    );
  expect(isUniqueViolation(failed)).toBe(true);
  const { rows } = await db.query<{ id: number }>('SELECT id FROM items ORDER BY id');
  expect(rows).toEqual([{ id: 1 }]);
  const sim = await db.query<{ s: number }>(`SELECT similarity('running', 'runnign') AS s`);
  expect(sim.rows[0]!.s).toBeGreaterThan(0.3);
}

describe('SQL port', () => {
  let pg: TestDatabase;
  afterAll(async () => pg?.drop());

  it('When migrations run twice on Postgres, then each applies once and a failed transaction writes nothing', async () => {
    pg = await createTestDatabase('sql_port');
    await contract(pg.db);
  });

  it('When the same contract runs on PGlite, then it behaves the same and keeps its data across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-'));
    try {
      const first = await openSqlDatabase({ dataDir: dir });
      await contract(first);
      await first.close();
      const second = await openSqlDatabase({ dataDir: dir });
      expect(await migrate(second, migrations)).toEqual([]);
      const { rows } = await second.query<{ name: string }>('SELECT name FROM items');
      expect(rows).toEqual([{ name: 'one' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
