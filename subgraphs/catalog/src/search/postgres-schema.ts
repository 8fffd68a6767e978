// The tables of the Postgres search engine (search_documents, search_terms, search_lexemes, search_facet_cells),
// created at init; the facet cells are rebuilt after a reindex.
import { PRICE_BUCKETS, priceBucketLabel } from './input';

const PRICE_BUCKET_SQL = `CASE ${PRICE_BUCKETS.map((bucket) =>
  bucket.to === null ? '' : `WHEN price < ${bucket.to} THEN '${priceBucketLabel(bucket)}'`,
).join(' ')} ELSE '${priceBucketLabel(PRICE_BUCKETS[PRICE_BUCKETS.length - 1]!)}' END`;

/** Rebuilds every facet cell from the documents: after a reindex, or when the cells were never filled. */
export const CELLS_REBUILD_SQL = `
DELETE FROM search_facet_cells;
INSERT INTO search_facet_cells (category_path, brand_key, brand, bucket, available, n)
SELECT category_path, brand_key, brand, search_price_bucket(min_price_minor), available, count(*)
FROM search_documents GROUP BY 1, 2, 3, 4, 5;`;

export const GIN_INDEXES = [
  'search_documents_document',
  'search_documents_title_trgm',
  'search_documents_category_path',
  'search_documents_tags',
  'search_documents_specs',
  'search_terms_trgm',
];

export const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Columns in the order a search reads them: fixed-width first (their offsets are known without walking the row),
-- then the short texts, the tsvector, and the long texts that only the tsvector is built from. A search over
-- thousands of matches deforms every row it counts, so the order is measurable.
CREATE TABLE IF NOT EXISTS search_documents (
  min_price_minor bigint NOT NULL,
  max_price_minor bigint NOT NULL,
  created_at timestamptz NOT NULL,
  popularity integer NOT NULL,
  available boolean NOT NULL,
  product_id text PRIMARY KEY,
  brand_key text NOT NULL,
  brand text NOT NULL,
  category_handle text NOT NULL,
  category_path text[] NOT NULL,
  currency_code text NOT NULL,
  handle text NOT NULL,
  title text NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, brand || ' ' || category_text), 'B') ||
    setweight(to_tsvector('english'::regconfig, description), 'C') ||
    setweight(to_tsvector('english'::regconfig, detail_text), 'D')
  ) STORED,
  tags text[] NOT NULL,
  specs jsonb NOT NULL,
  category_text text NOT NULL,
  description text NOT NULL,
  detail_text text NOT NULL
);
-- Room on each page for an availability update to stay there (a HOT update), keeping the category order.
ALTER TABLE search_documents SET (fillfactor = 90);
CREATE INDEX IF NOT EXISTS search_documents_document ON search_documents USING gin (document);
CREATE INDEX IF NOT EXISTS search_documents_title_trgm ON search_documents USING gin (lower(title) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS search_documents_title_prefix ON search_documents (lower(title) text_pattern_ops);
CREATE INDEX IF NOT EXISTS search_documents_category_path ON search_documents USING gin (category_path);
CREATE INDEX IF NOT EXISTS search_documents_category ON search_documents (category_handle, popularity DESC);
CREATE INDEX IF NOT EXISTS search_documents_brand ON search_documents (brand_key, popularity DESC);
CREATE INDEX IF NOT EXISTS search_documents_tags ON search_documents USING gin (tags);
CREATE INDEX IF NOT EXISTS search_documents_specs ON search_documents USING gin (specs jsonb_path_ops);
CREATE INDEX IF NOT EXISTS search_documents_price ON search_documents (min_price_minor, product_id);
CREATE INDEX IF NOT EXISTS search_documents_newest ON search_documents (created_at DESC, product_id);
DROP INDEX IF EXISTS search_documents_popularity;
CREATE INDEX IF NOT EXISTS search_documents_popularity_id ON search_documents (popularity DESC, product_id);
CREATE OR REPLACE FUNCTION search_price_bucket(price bigint) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ${PRICE_BUCKET_SQL};
-- Documents counted per (category path, brand, price bucket, availability): the facets and totals of a browse
-- (no words) are summed from these few hundred cells instead of the whole catalogue. Kept by the triggers below
-- in the writer's transaction; a cell whose count falls to 0 stays, and reindex rebuilds them all.
CREATE TABLE IF NOT EXISTS search_facet_cells (
  category_path text[] NOT NULL,
  brand_key text NOT NULL,
  brand text NOT NULL,
  bucket text NOT NULL,
  available boolean NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (category_path, brand_key, brand, bucket, available)
);
CREATE OR REPLACE FUNCTION search_facet_cells_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One net change per cell, from the rows the statement added (+1) and removed (-1), written in key order so
  -- that concurrent writers lock cells in the same order. Only the transition tables this trigger has are named.
  EXECUTE 'INSERT INTO search_facet_cells AS c (category_path, brand_key, brand, bucket, available, n)
    SELECT category_path, brand_key, brand, search_price_bucket(min_price_minor), available, sum(d) FROM ('
    || CASE TG_OP
         WHEN 'INSERT' THEN 'SELECT *, 1 AS d FROM new_rows'
         WHEN 'DELETE' THEN 'SELECT *, -1 AS d FROM old_rows'
         ELSE 'SELECT *, 1 AS d FROM new_rows UNION ALL SELECT *, -1 FROM old_rows'
       END
    || ') s GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (category_path, brand_key, brand, bucket, available) DO UPDATE SET n = c.n + excluded.n';
  RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER search_facet_cells_insert AFTER INSERT ON search_documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_cells_apply();
CREATE OR REPLACE TRIGGER search_facet_cells_update AFTER UPDATE ON search_documents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_cells_apply();
CREATE OR REPLACE TRIGGER search_facet_cells_delete AFTER DELETE ON search_documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_cells_apply();
CREATE TABLE IF NOT EXISTS search_terms (
  term text PRIMARY KEY,
  frequency integer NOT NULL
);
CREATE INDEX IF NOT EXISTS search_terms_trgm ON search_terms USING gin (term gin_trgm_ops);
CREATE INDEX IF NOT EXISTS search_terms_prefix ON search_terms (term text_pattern_ops);
CREATE TABLE IF NOT EXISTS search_lexemes (
  lexeme text PRIMARY KEY
);
-- A GIN index buffers new entries in a pending list that every search scans in full: keep it short (256 kB)
-- so writes between vacuums cannot slow searches down.
${GIN_INDEXES.map((name) => `ALTER INDEX ${name} SET (gin_pending_list_limit = 256);`).join('\n')}
`;
