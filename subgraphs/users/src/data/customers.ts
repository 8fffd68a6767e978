// The customers and addresses tables; rows are parsed by zod into domain objects.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isUniqueViolation, type SqlExecutor } from '@shop/datastores';
import type { Address, AddressFields, Customer, CustomerRole } from '../domain/types';

const iso = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());
const isoOrNull = z
  .union([z.date(), z.string()])
  .nullable()
  .transform((v) => (v === null ? null : new Date(v).toISOString()));

const customerRow = z
  .object({
    id: z.string(),
    email: z.string(),
    password_hash: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    role: z.enum(['CUSTOMER', 'ADMIN']),
    email_verified_at: isoOrNull,
    mfa_secret_enc: z.string().nullable(),
    mfa_pending_secret_enc: z.string().nullable(),
    mfa_enabled_at: isoOrNull,
    mfa_last_used_step: z
      .union([z.string(), z.number()])
      .nullable()
      .transform((v) => (v === null ? null : Number(v))),
    created_at: iso,
    updated_at: iso,
  })
  .transform((r): Customer => ({
    id: r.id,
    email: r.email,
    passwordHash: r.password_hash,
    firstName: r.first_name,
    lastName: r.last_name,
    role: r.role,
    emailVerifiedAt: r.email_verified_at,
    mfaSecretEnc: r.mfa_secret_enc,
    mfaPendingSecretEnc: r.mfa_pending_secret_enc,
    mfaEnabledAt: r.mfa_enabled_at,
    mfaLastUsedStep: r.mfa_last_used_step,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));

const addressRow = z
  .object({
    id: z.string(),
    customer_id: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    address1: z.string(),
    address2: z.string().nullable(),
    city: z.string(),
    province: z.string().nullable(),
    zip: z.string(),
    country_code: z.string(),
    phone: z.string().nullable(),
    is_default: z.boolean(),
    created_at: iso,
  })
  .transform((r): Address => ({
    id: r.id,
    customerId: r.customer_id,
    firstName: r.first_name,
    lastName: r.last_name,
    address1: r.address1,
    address2: r.address2,
    city: r.city,
    province: r.province,
    zip: r.zip,
    countryCode: r.country_code,
    phone: r.phone,
    isDefault: r.is_default,
    createdAt: r.created_at,
  }));

export class EmailTakenError extends Error {}

export const customersRepo = {
  /** Inserts a customer; throws EmailTakenError when the normalised email is taken. */
  async insert(
    tx: SqlExecutor,
    input: {
      email: string;
      passwordHash: string;
      firstName: string | null;
      lastName: string | null;
      role: CustomerRole;
    },
  ): Promise<Customer> {
    try {
      const { rows } = await tx.query(
        `INSERT INTO customers (id, email, password_hash, first_name, last_name, role)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [randomUUID(), input.email, input.passwordHash, input.firstName, input.lastName, input.role],
      );
      return customerRow.parse(rows[0]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  },

  async byEmail(tx: SqlExecutor, normalisedEmail: string): Promise<Customer | null> {
    const { rows } = await tx.query(`SELECT * FROM customers WHERE lower(btrim(email)) = $1`, [
      normalisedEmail,
    ]);
    return rows[0] ? customerRow.parse(rows[0]) : null;
  },

  async byId(tx: SqlExecutor, id: string): Promise<Customer | null> {
    const { rows } = await tx.query(`SELECT * FROM customers WHERE id = $1`, [id]);
    return rows[0] ? customerRow.parse(rows[0]) : null;
  },

  /** One query for many ids (the DataLoader's batch); callers pass well-formed UUIDs only. */
  async byIds(tx: SqlExecutor, ids: readonly string[]): Promise<Customer[]> {
    if (!ids.length) return [];
    const { rows } = await tx.query(`SELECT * FROM customers WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((row) => customerRow.parse(row));
  },

  async setPasswordHash(tx: SqlExecutor, id: string, passwordHash: string): Promise<void> {
    await tx.query(`UPDATE customers SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      id,
      passwordHash,
    ]);
  },

  /** Changes the email (unverified again); throws EmailTakenError when another account has it. */
  async updateEmail(tx: SqlExecutor, id: string, email: string): Promise<Customer | null> {
    try {
      const { rows } = await tx.query(
        `UPDATE customers SET email = $2, email_verified_at = NULL, updated_at = now() WHERE id = $1 RETURNING *`,
        [id, email],
      );
      return rows[0] ? customerRow.parse(rows[0]) : null;
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  },

  async markEmailVerified(tx: SqlExecutor, id: string, email: string): Promise<boolean> {
    const { rowCount } = await tx.query(
      `UPDATE customers SET email_verified_at = now(), updated_at = now() WHERE id = $1 AND email = $2`,
      [id, email],
    );
    return rowCount === 1;
  },

  async setPendingMfaSecret(tx: SqlExecutor, id: string, sealed: string): Promise<void> {
    await tx.query(`UPDATE customers SET mfa_pending_secret_enc = $2, updated_at = now() WHERE id = $1`, [
      id,
      sealed,
    ]);
  },

  /**
   * Records `step` as the last TOTP step used, only if it is newer than the one recorded: of two
   * concurrent uses of one code exactly one gets `true`.
   */
  async consumeTotpStep(tx: SqlExecutor, id: string, step: number): Promise<boolean> {
    const { rowCount } = await tx.query(
      `UPDATE customers SET mfa_last_used_step = $2
        WHERE id = $1 AND (mfa_last_used_step IS NULL OR mfa_last_used_step < $2)`,
      [id, step],
    );
    return rowCount === 1;
  },

  /** Promotes the pending secret to the active one, recording the confirming code's step. */
  async enableMfa(
    tx: SqlExecutor,
    id: string,
    pendingSealed: string,
    step: number,
  ): Promise<Customer | null> {
    const { rows } = await tx.query(
      `UPDATE customers SET mfa_secret_enc = mfa_pending_secret_enc, mfa_pending_secret_enc = NULL,
              mfa_enabled_at = now(), mfa_last_used_step = $3, updated_at = now()
        WHERE id = $1 AND mfa_pending_secret_enc = $2 RETURNING *`,
      [id, pendingSealed, step],
    );
    return rows[0] ? customerRow.parse(rows[0]) : null;
  },

  async disableMfa(tx: SqlExecutor, id: string): Promise<void> {
    await tx.query(
      `UPDATE customers SET mfa_secret_enc = NULL, mfa_pending_secret_enc = NULL, mfa_enabled_at = NULL, updated_at = now()
        WHERE id = $1`,
      [id],
    );
    await tx.query(`DELETE FROM mfa_recovery_codes WHERE customer_id = $1`, [id]);
  },

  async replaceRecoveryCodes(tx: SqlExecutor, id: string, hashes: string[]): Promise<void> {
    await tx.query(`DELETE FROM mfa_recovery_codes WHERE customer_id = $1`, [id]);
    await tx.query(`INSERT INTO mfa_recovery_codes (customer_id, code_hash) SELECT $1, unnest($2::text[])`, [
      id,
      hashes,
    ]);
  },

  /** Marks a recovery code used; true only for the one caller that used it first. */
  async useRecoveryCode(tx: SqlExecutor, id: string, hash: string): Promise<boolean> {
    const { rowCount } = await tx.query(
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE customer_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [id, hash],
    );
    return rowCount === 1;
  },

  async unusedRecoveryCodeCount(tx: SqlExecutor, id: string): Promise<number> {
    const { rows } = await tx.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM mfa_recovery_codes WHERE customer_id = $1 AND used_at IS NULL`,
      [id],
    );
    return Number(rows[0]?.n ?? 0);
  },

  async delete(tx: SqlExecutor, id: string): Promise<boolean> {
    const { rowCount } = await tx.query(`DELETE FROM customers WHERE id = $1`, [id]);
    return rowCount === 1;
  },

  async count(tx: SqlExecutor): Promise<number> {
    const { rows } = await tx.query<{ n: string | number }>(`SELECT count(*) AS n FROM customers`);
    return Number(rows[0]?.n ?? 0);
  },
};

export const addressesRepo = {
  async forCustomers(tx: SqlExecutor, customerIds: readonly string[]): Promise<Address[]> {
    if (!customerIds.length) return [];
    const { rows } = await tx.query(
      `SELECT * FROM customer_addresses WHERE customer_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [customerIds],
    );
    return rows.map((row) => addressRow.parse(row));
  },

  async byId(tx: SqlExecutor, id: string): Promise<Address | null> {
    const { rows } = await tx.query(`SELECT * FROM customer_addresses WHERE id = $1`, [id]);
    return rows[0] ? addressRow.parse(rows[0]) : null;
  },

  async countFor(tx: SqlExecutor, customerId: string): Promise<number> {
    const { rows } = await tx.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM customer_addresses WHERE customer_id = $1`,
      [customerId],
    );
    return Number(rows[0]?.n ?? 0);
  },

  async insert(tx: SqlExecutor, customerId: string, fields: AddressFields): Promise<Address> {
    const { rows } = await tx.query(
      `INSERT INTO customer_addresses (id, customer_id, first_name, last_name, address1, address2, city, province, zip, country_code, phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        randomUUID(),
        customerId,
        fields.firstName,
        fields.lastName,
        fields.address1,
        fields.address2,
        fields.city,
        fields.province,
        fields.zip,
        fields.countryCode,
        fields.phone,
      ],
    );
    return addressRow.parse(rows[0]);
  },

  async update(
    tx: SqlExecutor,
    id: string,
    customerId: string,
    fields: AddressFields,
  ): Promise<Address | null> {
    const { rows } = await tx.query(
      `UPDATE customer_addresses SET first_name = $3, last_name = $4, address1 = $5, address2 = $6, city = $7,
              province = $8, zip = $9, country_code = $10, phone = $11
        WHERE id = $1 AND customer_id = $2 RETURNING *`,
      [
        id,
        customerId,
        fields.firstName,
        fields.lastName,
        fields.address1,
        fields.address2,
        fields.city,
        fields.province,
        fields.zip,
        fields.countryCode,
        fields.phone,
      ],
    );
    return rows[0] ? addressRow.parse(rows[0]) : null;
  },

  async delete(tx: SqlExecutor, id: string, customerId: string): Promise<boolean> {
    const { rowCount } = await tx.query(`DELETE FROM customer_addresses WHERE id = $1 AND customer_id = $2`, [
      id,
      customerId,
    ]);
    return rowCount === 1;
  },

  /** Makes one address the default; the partial unique index keeps at most one. */
  async setDefault(tx: SqlExecutor, id: string, customerId: string): Promise<boolean> {
    await tx.query(
      `UPDATE customer_addresses SET is_default = false WHERE customer_id = $1 AND is_default AND id <> $2`,
      [customerId, id],
    );
    const { rowCount } = await tx.query(
      `UPDATE customer_addresses SET is_default = true WHERE id = $1 AND customer_id = $2`,
      [id, customerId],
    );
    return rowCount === 1;
  },
};
