// The Postgres port: one interface over `pg` (a real server) and PGlite (Postgres in WASM, embedded).
import { mkdirSync } from 'node:fs';
import { Pool, type PoolConfig } from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { datastoreDuration, timed } from '@shop/common';

const STATEMENTS = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'WITH',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'CREATE',
  'ALTER',
  'LOCK',
]);

/** A statement's operation for its metric: its first keyword, one of a known few (bounded labels). */
function operationOf(text: string): string {
  const word = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? '';
  return STATEMENTS.has(word) ? word : 'OTHER';
}

function timedQuery<R>(text: string, run: () => Promise<R>): Promise<R> {
  return timed(
    datastoreDuration,
    { db_system_name: 'postgresql', db_operation_name: operationOf(text) },
    run,
  );
}

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** What a repository runs statements on: the database itself or a transaction handle. */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly kind: 'pg' | 'pglite';
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

class PgDatabase implements SqlDatabase {
  readonly kind = 'pg' as const;
  constructor(private readonly pool: Pool) {}

  async query<T>(text: string, params?: unknown[]): Promise<QueryResult<T>> {
    const result = await timedQuery(text, () => this.pool.query(text, params));
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  }

  async exec(script: string): Promise<void> {
    await this.pool.query(script);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A server that ends the connection mid-transaction (a restart) emits 'error' on the checked-out client, which
    // would crash the process unheard; the query in flight rejects with it as well, and that is what fails here.
    const ignore = () => undefined;
    client.on('error', ignore);
    let broken = false;
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        query: async <R>(text: string, params?: unknown[]) => {
          const result = await timedQuery(text, () => client.query(text, params));
          return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
        },
        exec: async (script: string) => {
          await client.query(script);
        },
      };
      const value = await fn(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.off('error', ignore);
      // A connection that could not even roll back is dropped, not handed to the next request.
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

class PgliteDatabase implements SqlDatabase {
  readonly kind = 'pglite' as const;
  constructor(private readonly db: PGlite) {}

  async query<T>(text: string, params?: unknown[]): Promise<QueryResult<T>> {
    const result = await this.db.query<T>(text, params);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  async exec(script: string): Promise<void> {
    await this.db.exec(script);
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      fn({
        query: async <R>(text: string, params?: unknown[]) => {
          const result = await tx.query<R>(text, params);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        },
        exec: async (script: string) => {
          await tx.exec(script);
        },
      }),
    );
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

export function pgDatabase(config: PoolConfig): SqlDatabase {
  // Bounded waits: a server that is down or unreachable fails a request within these instead of hanging it
  // (waiting for a pooled connection or a new one: 5 s; one statement: 60 s, above any the shop runs).
  const pool = new Pool({
    max: 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5000,
    query_timeout: 60_000,
    ...config,
  });
  // An idle client's error (a server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return new PgDatabase(pool);
}

/**
 * Opens Postgres: the server at `url` when given, else PGlite persisted in `dataDir`.
 * PGlite runs one backend, so its statements are serialised; fine for a demo shop on one machine.
 */
export async function openSqlDatabase(options: { url?: string; dataDir: string }): Promise<SqlDatabase> {
  if (options.url) return pgDatabase({ connectionString: options.url });
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- dataDir is DATA_DIR configuration
  mkdirSync(options.dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
  return new PgliteDatabase(db);
}

/** Postgres error code of a unique violation; repositories turn it into a domain answer. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION
  );
}
