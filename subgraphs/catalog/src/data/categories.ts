// The category tree in Postgres.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import type { Category } from '../domain/types';
import { insertRows, int } from './rows';

const categoryRow = z
  .object({
    id: z.string(),
    handle: z.string(),
    name: z.string(),
    parent_id: z.string().nullable(),
    position: int,
  })
  .transform((r): Category => ({
    id: r.id,
    handle: r.handle,
    name: r.name,
    parentId: r.parent_id,
    position: r.position,
  }));

const COLUMNS = 'id, handle, name, parent_id, position';

export async function allCategories(sql: SqlExecutor): Promise<Category[]> {
  const { rows } = await sql.query(`SELECT ${COLUMNS} FROM categories ORDER BY position, handle`);
  return rows.map((r) => categoryRow.parse(r));
}

/**
 * Each category's handle and its ancestors' handles, nearest first: a discount on a category applies to the
 * products of the categories below it. One recursive query, bounded in depth against a cycle.
 */
export async function categoryLineages(
  sql: SqlExecutor,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const lineages = new Map<string, string[]>();
  if (!ids.length) return lineages;
  const { rows } = await sql.query(
    `WITH RECURSIVE up (start_id, handle, parent_id, depth) AS (
       SELECT id, handle, parent_id, 0 FROM categories WHERE id = ANY($1::text[])
       UNION ALL
       SELECT up.start_id, c.handle, c.parent_id, up.depth + 1
         FROM categories c JOIN up ON c.id = up.parent_id
        WHERE up.depth < 32
     )
     SELECT start_id, handle FROM up ORDER BY start_id, depth`,
    [ids],
  );
  for (const row of rows) {
    const { start_id: start, handle } = z.object({ start_id: z.string(), handle: z.string() }).parse(row);
    const lineage = lineages.get(start) ?? [];
    lineage.push(handle);
    lineages.set(start, lineage);
  }
  return lineages;
}

export async function categoriesByIds(sql: SqlExecutor, ids: readonly string[]): Promise<Category[]> {
  const { rows } = await sql.query(`SELECT ${COLUMNS} FROM categories WHERE id = ANY($1::text[])`, [ids]);
  return rows.map((r) => categoryRow.parse(r));
}

export async function categoriesByParentIds(
  sql: SqlExecutor,
  parentIds: readonly string[],
): Promise<Category[]> {
  const { rows } = await sql.query(
    `SELECT ${COLUMNS} FROM categories WHERE parent_id = ANY($1::text[]) ORDER BY position, handle`,
    [parentIds],
  );
  return rows.map((r) => categoryRow.parse(r));
}

export async function categoryByHandle(sql: SqlExecutor, handle: string): Promise<Category | null> {
  const { rows } = await sql.query(`SELECT ${COLUMNS} FROM categories WHERE handle = $1`, [handle]);
  return rows[0] ? categoryRow.parse(rows[0]) : null;
}

export async function insertCategories(sql: SqlExecutor, categories: Category[]): Promise<void> {
  // Parents first, so the foreign key holds row by row within one statement too.
  await insertRows(
    sql,
    'categories',
    ['id', 'handle', 'name', 'parent_id', 'position'],
    categories.map((c) => [c.id, c.handle, c.name, c.parentId, c.position]),
  );
}
