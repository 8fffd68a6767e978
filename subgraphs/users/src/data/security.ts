// Single-use account tokens and partner API keys; both are stored only as SHA-256 hashes.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import type { ApiKey } from '../domain/types';

export type TokenPurpose = 'VERIFY_EMAIL' | 'RESET_PASSWORD';

const isoOrNull = z
  .union([z.date(), z.string()])
  .nullable()
  .transform((v) => (v === null ? null : new Date(v).toISOString()));

const apiKeyRow = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    client_name: z.string().nullable(),
    safelist_only: z.boolean(),
    cost_per_second: z.number().int().nullable(),
    created_by: z.string().nullable(),
    created_at: z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString()),
    revoked_at: isoOrNull,
    last_used_at: isoOrNull,
  })
  .transform((r): ApiKey => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    clientName: r.client_name,
    safelistOnly: r.safelist_only,
    costPerSecond: r.cost_per_second,
    createdBy: r.created_by,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));

export const tokensRepo = {
  async insert(
    tx: SqlExecutor,
    input: { tokenHash: string; customerId: string; purpose: TokenPurpose; email: string; expiresAt: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO account_tokens (token_hash, customer_id, purpose, email, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [input.tokenHash, input.customerId, input.purpose, input.email, input.expiresAt],
    );
  },

  /** Marks the token used if it is live; returns its owner only to the one caller that used it. */
  async consume(
    tx: SqlExecutor,
    tokenHash: string,
    purpose: TokenPurpose,
    now: Date,
  ): Promise<{ customerId: string; email: string } | null> {
    const { rows } = await tx.query<{ customer_id: string; email: string }>(
      `UPDATE account_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
        RETURNING customer_id, email`,
      [tokenHash, purpose, now],
    );
    const row = rows[0];
    return row ? { customerId: row.customer_id, email: row.email } : null;
  },

  /** A new token supersedes the older ones of the same purpose. */
  async invalidateAll(tx: SqlExecutor, customerId: string, purpose: TokenPurpose, now: Date): Promise<void> {
    await tx.query(
      `UPDATE account_tokens SET used_at = $3 WHERE customer_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [customerId, purpose, now],
    );
  },
};

export const apiKeysRepo = {
  async insert(
    tx: SqlExecutor,
    input: {
      name: string;
      keyHash: string;
      prefix: string;
      scopes: string[];
      clientName?: string | null;
      safelistOnly?: boolean;
      costPerSecond?: number | null;
      createdBy: string | null;
    },
  ): Promise<ApiKey> {
    const { rows } = await tx.query(
      `INSERT INTO api_keys (id, name, key_hash, prefix, scopes, client_name, safelist_only, cost_per_second, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        randomUUID(),
        input.name,
        input.keyHash,
        input.prefix,
        input.scopes,
        input.clientName ?? null,
        input.safelistOnly ?? true,
        input.costPerSecond ?? null,
        input.createdBy,
      ],
    );
    return apiKeyRow.parse(rows[0]);
  },

  async list(tx: SqlExecutor): Promise<ApiKey[]> {
    const { rows } = await tx.query(`SELECT * FROM api_keys ORDER BY created_at DESC, id`);
    return rows.map((row) => apiKeyRow.parse(row));
  },

  /** Revokes a key; returns it with its hash, so the caller can clear cached copies. */
  async revoke(tx: SqlExecutor, id: string): Promise<{ apiKey: ApiKey; keyHash: string } | null> {
    const { rows } = await tx.query<{ key_hash: string }>(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *`,
      [id],
    );
    return rows[0] ? { apiKey: apiKeyRow.parse(rows[0]), keyHash: rows[0].key_hash } : null;
  },

  /** The live key of this id, locked until the transaction ends. */
  async live(tx: SqlExecutor, id: string): Promise<ApiKey | null> {
    const { rows } = await tx.query(
      `SELECT * FROM api_keys WHERE id = $1 AND revoked_at IS NULL FOR UPDATE`,
      [id],
    );
    return rows[0] ? apiKeyRow.parse(rows[0]) : null;
  },

  /**
   * Changes a live key's terms; a field left undefined keeps its value. Null when no live key has this id.
   * Returns the key's hash, so that the gateway's cached copy of it can be cleared.
   */
  async updateTerms(
    tx: SqlExecutor,
    id: string,
    terms: { clientName?: string | null; safelistOnly?: boolean; costPerSecond?: number | null },
  ): Promise<{ apiKey: ApiKey; keyHash: string } | null> {
    const { rows } = await tx.query<{ key_hash: string }>(
      `UPDATE api_keys SET
         client_name = CASE WHEN $2 THEN $3 ELSE client_name END,
         safelist_only = coalesce($4, safelist_only),
         cost_per_second = CASE WHEN $5 THEN $6 ELSE cost_per_second END
       WHERE id = $1 AND revoked_at IS NULL RETURNING *`,
      [
        id,
        terms.clientName !== undefined,
        terms.clientName ?? null,
        terms.safelistOnly ?? null,
        terms.costPerSecond !== undefined,
        terms.costPerSecond ?? null,
      ],
    );
    return rows[0] ? { apiKey: apiKeyRow.parse(rows[0]), keyHash: rows[0].key_hash } : null;
  },

  /** The live key with this hash; records its use (at most once a minute, to spare writes). */
  async resolve(tx: SqlExecutor, keyHash: string): Promise<ApiKey | null> {
    const { rows } = await tx.query(`SELECT * FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, [
      keyHash,
    ]);
    if (!rows[0]) return null;
    const key = apiKeyRow.parse(rows[0]);
    await tx.query(
      `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [key.id],
    );
    return key;
  },

  /** The scopes of every live key of a client; none when no live key names it. */
  async clientScopes(tx: SqlExecutor, clientName: string): Promise<string[][]> {
    const { rows } = await tx.query<{ scopes: string[] }>(
      `SELECT scopes FROM api_keys WHERE client_name = $1 AND revoked_at IS NULL`,
      [clientName],
    );
    return rows.map((r) => r.scopes);
  },
};
