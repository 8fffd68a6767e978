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
