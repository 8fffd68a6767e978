// One page of a table's rows newest first, with the total they come from: the keyset every orders
// connection pages by, (created_at, id) descending, after an optional cursor.
import type { SqlExecutor } from '@shop/datastores';

export type NewestFirstCursor = { createdAt: string; id: string } | null;

/**
 * `filter` is a SQL condition on `table` using `$1…$n` for `filterParams`; `limit + 1` rows come back, so
 * the caller knows there is a next page.
 */
export async function newestFirstPage<T>(
  db: SqlExecutor,
  table: string,
  filter: string,
  filterParams: unknown[],
  limit: number,
  after: NewestFirstCursor,
  toRow: (row: unknown) => T,
): Promise<{ rows: T[]; total: number }> {
  const n = filterParams.length;
  const params: unknown[] = [...filterParams, limit + 1];
  let where = filter;
  if (after) {
    params.push(after.createdAt, after.id);
    where += ` AND (created_at, id) < ($${n + 2}::timestamptz, $${n + 3}::uuid)`;
  }
  const [page, count] = await Promise.all([
    db.query(
      `SELECT * FROM ${table} WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $${n + 1}`,
      params,
    ),
    db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${filter}`, filterParams),
  ]);
  return { rows: page.rows.map(toRow), total: Number(count.rows[0]?.n ?? 0) };
}
