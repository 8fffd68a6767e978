// The tax_rates table in the orders Postgres database: a rate per country (province '') and per subdivision.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import type { TaxRule } from '../domain/tax';

const rowSchema = z.object({
  country_code: z.string(),
  province: z.string(),
  rate_ppm: z.coerce.number().int(),
  shipping_taxable: z.boolean(),
  name: z.string(),
});

export interface TaxRateRecord {
  countryCode: string;
  /** The ISO 3166-2 subdivision code within the country, or null for the country-wide rate. */
  province: string | null;
  ratePpm: number;
  shippingTaxable: boolean;
  name: string;
}

function toTaxRate(raw: unknown): TaxRateRecord {
  const r = rowSchema.parse(raw);
  return {
    countryCode: r.country_code,
    province: r.province || null,
    ratePpm: r.rate_ppm,
    shippingTaxable: r.shipping_taxable,
    name: r.name,
  };
}

/** The subdivision's rate if there is one, else the country's, else null. */
export async function findTaxRule(
  db: SqlExecutor,
  countryCode: string,
  province: string | null,
): Promise<TaxRule | null> {
  const { rows } = await db.query<{ rate_ppm: number; shipping_taxable: boolean }>(
    `SELECT rate_ppm, shipping_taxable FROM tax_rates
      WHERE country_code = $1 AND province IN ('', $2) ORDER BY province DESC LIMIT 1`,
    [countryCode, province ?? ''],
  );
  const row = rows[0];
  return row ? { ratePpm: Number(row.rate_ppm), shippingTaxable: row.shipping_taxable } : null;
}

/** Whether the country has rates per subdivision (its addresses must then name a valid one). */
export async function hasSubdivisionRates(db: SqlExecutor, countryCode: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM tax_rates WHERE country_code = $1 AND province <> '' LIMIT 1`,
    [countryCode],
  );
  return rows.length > 0;
}

export async function listTaxRates(db: SqlExecutor): Promise<TaxRateRecord[]> {
  const { rows } = await db.query(`SELECT * FROM tax_rates ORDER BY country_code, province`);
  return rows.map(toTaxRate);
}

/** Inserts or replaces one rate; shippingTaxable null keeps a stored rate's setting (false for a new one). */
export async function upsertTaxRate(
  db: SqlExecutor,
  r: {
    countryCode: string;
    province: string | null;
    ratePpm: number;
    shippingTaxable: boolean | null;
    name: string;
  },
): Promise<TaxRateRecord> {
  const { rows } = await db.query(
    `INSERT INTO tax_rates (country_code, province, rate_ppm, shipping_taxable, name)
     VALUES ($1, $2, $3, coalesce($4, false), $5)
     ON CONFLICT (country_code, province) DO UPDATE SET rate_ppm = EXCLUDED.rate_ppm, name = EXCLUDED.name,
       shipping_taxable = coalesce($4, tax_rates.shipping_taxable), updated_at = now()
     RETURNING *`,
    [r.countryCode, r.province ?? '', r.ratePpm, r.shippingTaxable, r.name],
  );
  return toTaxRate(rows[0]);
}
