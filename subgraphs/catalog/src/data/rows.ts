// Row parsing and multi-row INSERTs shared by the catalog's repositories.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';

export const timestamp = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());
export const int = z
  .union([z.number(), z.string()])
  .transform((v) => Number(v))
  .pipe(z.number().int());
export const nameValues = z.array(z.object({ name: z.string(), value: z.string() }));

/** Inserts rows in chunks, a few statements instead of one round trip per row. */
export async function insertRows(
  sql: SqlExecutor,
  table: string,
  columns: string[],
  rows: unknown[][],
  suffix = '',
  chunkSize = 500,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await sql.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`,
      params,
    );
  }
}
