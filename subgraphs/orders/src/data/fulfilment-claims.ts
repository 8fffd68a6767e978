// The fulfilment_claims table: what the shipping service has claimed to ship of an order.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';

export const claimLineSchema = z.object({ orderLineId: z.string(), quantity: z.number().int().positive() });
export type ClaimLine = z.infer<typeof claimLineSchema>;

const claimRow = z.object({ id: z.string(), order_id: z.string(), lines: z.array(claimLineSchema) });

export interface FulfilmentClaim {
  id: string;
  orderId: string;
  lines: ClaimLine[];
}

function toClaim(raw: unknown): FulfilmentClaim {
  const r = claimRow.parse(raw);
  return { id: r.id, orderId: r.order_id, lines: r.lines };
}

export async function claimsOfOrder(db: SqlExecutor, orderId: string): Promise<FulfilmentClaim[]> {
  const { rows } = await db.query(
    `SELECT * FROM fulfilment_claims WHERE order_id = $1 ORDER BY created_at, id`,
    [orderId],
  );
  return rows.map(toClaim);
}

export async function insertClaim(db: SqlExecutor, claim: FulfilmentClaim): Promise<void> {
  await db.query(`INSERT INTO fulfilment_claims (id, order_id, lines) VALUES ($1, $2, $3)`, [
    claim.id,
    claim.orderId,
    JSON.stringify(claim.lines),
  ]);
}

/** True when a claim of that order was there to delete. */
export async function deleteClaim(db: SqlExecutor, orderId: string, claimId: string): Promise<boolean> {
  const { rowCount } = await db.query(`DELETE FROM fulfilment_claims WHERE id = $1 AND order_id = $2`, [
    claimId,
    orderId,
  ]);
  return rowCount > 0;
}
