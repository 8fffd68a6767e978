// A guest's order taken into an account: only while it has no owner, so two accounts cannot both take it.
import type { SqlExecutor } from '@shop/datastores';

/** Gives a guest's order to `customerId`; false when it already belongs to an account (or does not exist). */
export async function assignGuestOrder(
  db: SqlExecutor,
  orderId: string,
  customerId: string,
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE orders SET customer_id = $2, updated_at = now() WHERE id = $1 AND customer_id IS NULL RETURNING id`,
    [orderId, customerId],
  );
  return rows.length > 0;
}
