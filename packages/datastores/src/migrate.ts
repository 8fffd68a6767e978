// Versioned SQL migrations: `NNN_name.sql` files applied in order, each in its own transaction, recorded in a table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDatabase } from './sql';

export interface Migration {
  version: string;
  sql: string;
}

export function loadMigrations(dir: string): Migration[] {
  return (
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the directory is a service's own migrations folder
    readdirSync(dir)
      .filter((f) => /^\d{3,}_[\w-]+\.sql$/.test(f))
      .sort()
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- file names come from listing the service's own migrations folder
      .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }))
  );
}

/** Applies what is not yet applied; returns the versions it applied. Safe to run from several processes at once. */
export async function migrate(db: SqlDatabase, migrations: Migration[]): Promise<string[]> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      // One migrator at a time across processes; a second waits, then finds the version recorded.
      if (db.kind === 'pg') await tx.query(`SELECT pg_advisory_xact_lock(hashtext('schema_migrations'))`);
      const { rows } = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [
        migration.version,
      ]);
      if (rows.length) return false;
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO schema_migrations (version) VALUES ($1)`, [migration.version]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
