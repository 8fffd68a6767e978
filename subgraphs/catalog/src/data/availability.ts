// The catalog's copy of stock (owned by the cart subgraph) and purchase co-occurrence, in Postgres.
import type { SqlExecutor } from '@shop/datastores';
import { insertRows } from './rows';

export async function seedAvailability(
  sql: SqlExecutor,
  stock: { variantId: string; quantity: number }[],
): Promise<void> {
  await insertRows(
    sql,
    'variant_availability',
    ['variant_id', 'quantity_available'],
    stock.map((s) => [s.variantId, s.quantity]),
    'ON CONFLICT (variant_id) DO NOTHING',
    1000,
  );
}

/** Records a variant's quantity; returns its product id when the variant is in the catalog. */
export async function setQuantityAvailable(
  sql: SqlExecutor,
  variantId: string,
  quantity: number,
): Promise<string | null> {
  await sql.query(
    `INSERT INTO variant_availability (variant_id, quantity_available, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (variant_id) DO UPDATE SET quantity_available = EXCLUDED.quantity_available, updated_at = now()`,
    [variantId, quantity],
  );
  const { rows } = await sql.query<{ product_id: string }>(
    `SELECT product_id FROM product_variants WHERE id = $1`,
    [variantId],
  );
  return rows[0]?.product_id ?? null;
}

/** Product ids (of the given ones) with at least one variant in stock. */
export async function availableProductIds(
  sql: SqlExecutor,
  productIds: readonly string[],
): Promise<Set<string>> {
  const { rows } = await sql.query<{ product_id: string }>(
    `SELECT DISTINCT v.product_id FROM product_variants v JOIN variant_availability a ON a.variant_id = v.id
      WHERE v.product_id = ANY($1::text[]) AND a.quantity_available > 0`,
    [productIds],
  );
  return new Set(rows.map((r) => r.product_id));
}

/** Counts one more order for every pair of distinct products bought together. */
export async function addCopurchases(sql: SqlExecutor, productIds: string[]): Promise<void> {
  const unique = [...new Set(productIds)].sort();
  const pairs: [string, string][] = [];
  for (const a of unique) for (const b of unique) if (a !== b) pairs.push([a, b]);
  if (!pairs.length) return;
  await insertRows(
    sql,
    'product_copurchases',
    ['product_id', 'other_product_id', 'orders'],
    pairs.map(([a, b]) => [a, b, 1]),
    'ON CONFLICT (product_id, other_product_id) DO UPDATE SET orders = product_copurchases.orders + 1',
  );
}

/** Products most often bought with any of the given ones, best first. */
export async function boughtTogether(
  sql: SqlExecutor,
  productIds: string[],
  excludeIds: string[],
  limit: number,
): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT c.other_product_id AS id FROM product_copurchases c JOIN products p ON p.id = c.other_product_id
      WHERE c.product_id = ANY($1::text[]) AND NOT (c.other_product_id = ANY($2::text[]))
      GROUP BY c.other_product_id ORDER BY sum(c.orders) DESC, c.other_product_id LIMIT $3`,
    [productIds, excludeIds, limit],
  );
  return rows.map((r) => r.id);
}
