// Writing the Postgres search engine's documents with their vocabulary: upserts as products change, and the
// whole index rebuilt in one transaction by a reindex.
import type { SqlDatabase, SqlExecutor } from '@shop/datastores';
import type { SearchDocument } from './engine';
import { vocabulary } from './input';
import { CELLS_REBUILD_SQL, GIN_INDEXES } from './postgres-schema';

const UPSERT_BATCH = 500;

interface DocumentRow {
  product_id: string;
  handle: string;
  title: string;
  brand: string;
  brand_key: string;
  description: string;
  category_handle: string;
  category_path: string[];
  tags: string[];
  specs: { name: string; value: string }[];
  category_text: string;
  detail_text: string;
  min_price_minor: number;
  max_price_minor: number;
  currency_code: string;
  available: boolean;
  created_at: string;
  popularity: number;
}

function toRow(doc: SearchDocument): DocumentRow {
  const words = (handle: string) => handle.replace(/[-_/]+/g, ' ');
  return {
    product_id: doc.productId,
    handle: doc.handle,
    title: doc.title,
    brand: doc.brand,
    brand_key: doc.brand.toLowerCase(),
    description: doc.description,
    category_handle: doc.categoryHandle,
    category_path: doc.categoryPath.includes(doc.categoryHandle)
      ? doc.categoryPath
      : [...doc.categoryPath, doc.categoryHandle],
    tags: doc.tags,
    specs: doc.specs.map((spec) => ({ name: spec.name, value: spec.value })),
    category_text: [...new Set([doc.categoryHandle, ...doc.categoryPath])].map(words).join(' '),
    detail_text: [...doc.specs.map((spec) => `${spec.name} ${spec.value}`), ...doc.tags.map(words)].join(' '),
    min_price_minor: doc.minPriceMinor,
    max_price_minor: doc.maxPriceMinor,
    currency_code: doc.currencyCode,
    available: doc.available,
    created_at: doc.createdAt,
    popularity: Math.max(0, Math.trunc(doc.popularity)),
  };
}

const COLUMNS: [keyof DocumentRow, string][] = [
  ['product_id', 'text'],
  ['handle', 'text'],
  ['title', 'text'],
  ['brand', 'text'],
  ['brand_key', 'text'],
  ['description', 'text'],
  ['category_handle', 'text'],
  ['category_path', 'text[]'],
  ['tags', 'text[]'],
  ['specs', 'jsonb'],
  ['category_text', 'text'],
  ['detail_text', 'text'],
  ['min_price_minor', 'bigint'],
  ['max_price_minor', 'bigint'],
  ['currency_code', 'text'],
  ['available', 'boolean'],
  ['created_at', 'timestamptz'],
  ['popularity', 'integer'],
];

const upsertSql = (table: string) => `
INSERT INTO ${table} (${COLUMNS.map(([name]) => name).join(', ')})
SELECT ${COLUMNS.map(([name]) => name).join(', ')}
FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})
ON CONFLICT (product_id) DO UPDATE SET
${COLUMNS.filter(([name]) => name !== 'product_id')
  .map(([name]) => `  ${name} = excluded.${name}`)
  .join(',\n')}`;

const TERMS_SQL = `
INSERT INTO search_terms (term, frequency)
SELECT w, count(*)::int FROM unnest($1::text[]) AS w GROUP BY w ORDER BY w
ON CONFLICT (term) DO UPDATE SET frequency = search_terms.frequency + excluded.frequency`;

/** Lexemes outlive the documents that brought them; a stale one only spares a word its typo correction. */
const LEXEMES_SQL = `
INSERT INTO search_lexemes (lexeme)
SELECT DISTINCT unnest(tsvector_to_array(document)) FROM search_documents WHERE product_id = ANY($1::text[]) ORDER BY 1
ON CONFLICT (lexeme) DO NOTHING`;

const UPSERT_SQL = upsertSql('search_documents');
const STAGE_SQL = upsertSql('search_documents_staging');

/**
 * Writes documents with their vocabulary. `into` the staging table of a reindex, the lexemes are collected once
 * at the end instead of per batch.
 */
export async function writeDocuments(
  tx: SqlExecutor,
  docs: SearchDocument[],
  into: 'index' | 'staging' = 'index',
): Promise<void> {
  // The last version of a product in one batch wins; ON CONFLICT cannot touch a row twice in a statement.
  const byId = new Map<string, SearchDocument>();
  for (const doc of docs) byId.set(doc.productId, doc);
  // A fixed order of rows (and of words below) keeps concurrent writers from deadlocking on each other's locks.
  const unique = [...byId.values()].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
  );
  for (let i = 0; i < unique.length; i += UPSERT_BATCH) {
    const batch = unique.slice(i, i + UPSERT_BATCH);
    await tx.query(into === 'index' ? UPSERT_SQL : STAGE_SQL, [JSON.stringify(batch.map(toRow))]);
    const words = batch.flatMap((doc) => [
      ...new Set([
        ...vocabulary(doc.title),
        ...vocabulary(doc.brand),
        ...vocabulary([doc.categoryHandle, ...doc.categoryPath].join(' ')),
      ]),
    ]);
    if (words.length > 0) await tx.query(TERMS_SQL, [words]);
    if (into === 'index') await tx.query(LEXEMES_SQL, [batch.map((doc) => doc.productId)]);
  }
}

/** Replaces every document with those of `batches`; readers see the old index until the new one commits. */
export async function reindexDocuments(
  db: SqlDatabase,
  batches: AsyncIterable<SearchDocument[]>,
): Promise<void> {
  /*
   * DELETE (not TRUNCATE) inside one transaction: readers keep seeing the old index until the commit.
   * Documents are staged first and written in category order, so the matches of a query (which cluster by
   * category) sit on few pages: a search over thousands of matches then reads a fraction of the table.
   * Later upserts append; the next reindex restores the order.
   */
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM search_documents');
    await tx.query('DELETE FROM search_terms');
    await tx.query('DELETE FROM search_lexemes');
    await tx.query(
      `CREATE TEMP TABLE search_documents_staging (LIKE search_documents, PRIMARY KEY (product_id)) ON COMMIT DROP`,
    );
    for await (const docs of batches) {
      if (docs.length > 0) await writeDocuments(tx, docs, 'staging');
    }
    const columns = COLUMNS.map(([name]) => name).join(', ');
    await tx.query(
      `INSERT INTO search_documents (${columns})
         SELECT ${columns} FROM search_documents_staging ORDER BY category_path, product_id`,
    );
    await tx.query(
      `INSERT INTO search_lexemes (lexeme)
         SELECT DISTINCT unnest(tsvector_to_array(document)) FROM search_documents ORDER BY 1`,
    );
    await tx.exec(CELLS_REBUILD_SQL);
  });
  // Merge what the bulk write left in the GIN pending lists and refresh the planner's statistics, at once
  // rather than at autovacuum's pace: both weigh on every search until done.
  await db.query(
    `SELECT ${GIN_INDEXES.map((name) => `gin_clean_pending_list('${name}'::regclass)`).join(', ')}`,
  );
  await db.query('ANALYZE search_documents');
  await db.query('ANALYZE search_terms');
  await db.query('ANALYZE search_facet_cells');
}
