// Each partner client's trusted documents: the operations of its last published manifest.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import type { PersistedDocument } from '../domain/types';

const documentRow = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    type: z.enum(['query', 'mutation']),
    body: z.string(),
  })
  .transform((r): PersistedDocument => ({ id: r.id, name: r.name, type: r.type, body: r.body }));

export const persistedDocumentsRepo = {
  async ids(tx: SqlExecutor, clientName: string): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM persisted_documents WHERE client_name = $1`,
      [clientName],
    );
    return rows.map((r) => r.id);
  },

  /** Makes `documents` the client's whole set: the ones not in it are dropped, the rest kept or added. */
  async replace(tx: SqlExecutor, clientName: string, documents: PersistedDocument[]): Promise<void> {
    await tx.query(`DELETE FROM persisted_documents WHERE client_name = $1 AND NOT (id = ANY($2::text[]))`, [
      clientName,
      documents.map((d) => d.id),
    ]);
    for (const d of documents) {
      await tx.query(
        `INSERT INTO persisted_documents (client_name, id, name, type, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (client_name, id) DO UPDATE SET name = EXCLUDED.name`,
        [clientName, d.id, d.name, d.type, d.body],
      );
    }
  },

  /** The document of this id published by `clientName`, or by any client when null. */
  async byId(tx: SqlExecutor, clientName: string | null, id: string): Promise<PersistedDocument | null> {
    const { rows } = await tx.query(
      `SELECT * FROM persisted_documents WHERE ($1::text IS NULL OR client_name = $1) AND id = $2 LIMIT 1`,
      [clientName, id],
    );
    return rows[0] ? documentRow.parse(rows[0]) : null;
  },

  /** A page in id order, after the id `after`. */
  async page(
    tx: SqlExecutor,
    clientName: string,
    first: number,
    after: string | null,
  ): Promise<PersistedDocument[]> {
    const { rows } = await tx.query(
      `SELECT * FROM persisted_documents WHERE client_name = $1 AND ($2::text IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [clientName, after, first],
    );
    return rows.map((row) => documentRow.parse(row));
  },

  /** Whether the shop registered `clientName` as its own (a first-party client). */
  async isFirstParty(tx: SqlExecutor, clientName: string): Promise<boolean> {
    const { rows } = await tx.query(`SELECT 1 FROM first_party_clients WHERE client_name = $1`, [clientName]);
    return rows.length > 0;
  },

  async registerFirstParty(tx: SqlExecutor, clientName: string): Promise<void> {
    await tx.query(
      `INSERT INTO first_party_clients (client_name) VALUES ($1) ON CONFLICT (client_name) DO NOTHING`,
      [clientName],
    );
  },

  async count(tx: SqlExecutor, clientName: string): Promise<number> {
    const { rows } = await tx.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM persisted_documents WHERE client_name = $1`,
      [clientName],
    );
    return Number(rows[0]?.n ?? 0);
  },
};
