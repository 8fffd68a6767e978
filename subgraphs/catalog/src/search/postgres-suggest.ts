// Typeahead suggestions and related products on the Postgres search engine.
import type { SqlDatabase } from '@shop/datastores';
import { clean, pageSize, suggestionPrefix } from './input';
import { Params } from './postgres-sorts';

/** The engine's suggest, related and relatedMany over `db`. */
export function createPostgresSuggestions(db: SqlDatabase) {
  /** Titles that start with the prefix, then titles with a word that does, then vocabulary completions. */
  async function prefixSuggestions(text: string, limit: number): Promise<string[]> {
    const words = text.split(' ');
    const last = words[words.length - 1]!;
    const head = words.slice(0, -1).join(' ');
    const p = new Params();
    // Several products may share a title: fetch more than asked, then keep distinct titles.
    const n = p.add(limit * 4);
    const parts = [
      `(SELECT title AS s, 1 AS tier, popularity::float8 AS rank FROM search_documents
        WHERE lower(title) LIKE ${p.add(`${text}%`)} ORDER BY popularity DESC, title LIMIT ${n})`,
      `(SELECT ${p.add(head ? `${head} ` : '')} || term AS s, 3 AS tier, frequency::float8 AS rank
        FROM search_terms WHERE term LIKE ${p.add(`${last}%`)} ORDER BY frequency DESC, term LIMIT ${n})`,
    ];
    if (text.length >= 3) {
      // Below three characters no trigram can serve an infix match; the prefix tiers suffice.
      parts.push(`(SELECT title AS s, 2 AS tier, popularity::float8 AS rank FROM search_documents
        WHERE lower(title) LIKE ${p.add(`% ${text}%`)} ORDER BY popularity DESC, title LIMIT ${n})`);
    }
    const { rows } = await db.query<{ s: string }>(
      `SELECT s FROM (${parts.join(' UNION ALL ')}) u ORDER BY tier, rank DESC, s`,
      p.values,
    );
    return rows.map((row) => row.s);
  }

  async function suggest(prefix: string, first: number): Promise<string[]> {
    const text = suggestionPrefix(prefix);
    const limit = pageSize(first, 20);
    if (text.length === 0 || limit === 0) return [];
    const seen = new Set<string>();
    const out: string[] = [];
    const take = (list: string[]) => {
      for (const s of list) {
        const key = s.toLowerCase();
        if (out.length === limit || seen.has(key)) continue;
        seen.add(key);
        out.push(s);
      }
    };
    take(await prefixSuggestions(text, limit));
    const words = text.split(' ');
    const last = words[words.length - 1]!;
    if (out.length < limit && last.length >= 3) {
      // Only when the prefix found too little: a mistyped last word ("wirles") is corrected against the vocabulary.
      const { rows } = await db.query<{ term: string }>(
        `SELECT term FROM search_terms WHERE term % $1 AND term <> $1
         ORDER BY similarity(term, $1) DESC, frequency DESC, term LIMIT 2`,
        [last],
      );
      for (const { term } of rows) {
        take(await prefixSuggestions([...words.slice(0, -1), term].join(' '), limit));
      }
    }
    return out;
  }

  /** Products similar to each of the given ones, in one statement for all of them (a request's DataLoader batch). */
  async function relatedMany(productIds: readonly string[], first: number): Promise<Map<string, string[]>> {
    const limit = pageSize(first, 50);
    const out = new Map<string, string[]>();
    const ids = [...new Set(productIds)].filter(
      (id) => typeof id === 'string' && id.length > 0 && id.length <= 200 && clean(id) === id,
    );
    if (ids.length === 0 || limit === 0) return out;
    // Bounded candidate pools (same category, same brand, similar title) keep this cheap on a large catalogue.
    const { rows } = await db.query<{ source_id: string; product_id: string }>(
      `SELECT s.product_id AS source_id, r.product_id
       FROM search_documents s
       CROSS JOIN LATERAL (
         WITH candidates AS (
           (SELECT product_id FROM search_documents WHERE category_handle = s.category_handle AND product_id <> s.product_id ORDER BY popularity DESC LIMIT 200)
           UNION
           (SELECT product_id FROM search_documents WHERE brand_key = s.brand_key AND product_id <> s.product_id ORDER BY popularity DESC LIMIT 100)
           UNION
           (SELECT product_id FROM search_documents WHERE lower(title) % lower(s.title) AND product_id <> s.product_id LIMIT 100)
         )
         SELECT d.product_id FROM candidates JOIN search_documents d USING (product_id)
         ORDER BY
           3.0 * (d.category_handle = s.category_handle)::int
           + 0.5 * (SELECT count(*) FROM unnest(d.category_path) AS c WHERE c = ANY(s.category_path))
           + 1.5 * (d.brand_key = s.brand_key)::int
           + 3.0 * similarity(lower(d.title), lower(s.title))
           + 0.5 * (SELECT count(*) FROM unnest(d.tags) AS t WHERE t = ANY(s.tags)) DESC,
           d.popularity DESC, d.product_id
         LIMIT $2
       ) r
       WHERE s.product_id = ANY($1::text[])`,
      [ids, limit],
    );
    for (const row of rows) {
      const list = out.get(row.source_id);
      if (list) list.push(row.product_id);
      else out.set(row.source_id, [row.product_id]);
    }
    return out;
  }

  async function related(productId: string, first: number): Promise<string[]> {
    return (await relatedMany([productId], first)).get(productId) ?? [];
  }

  return { suggest, related, relatedMany };
}
