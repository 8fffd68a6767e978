// Typeahead suggestions and related products on the OpenSearch engine.
import type { API, Client } from '@opensearch-project/opensearch';
import { clean, pageSize, suggestionPrefix } from './input';
import type { Json } from './opensearch-index';
import type { SearchBody } from './opensearch-query';

/** The engine's suggest and related over the index behind `alias`. */
export function createOpenSearchSuggestions(client: Client, alias: string) {
  async function suggest(prefix: string, first: number): Promise<string[]> {
    const text = suggestionPrefix(prefix);
    const limit = pageSize(first, 20);
    if (text.length === 0 || limit === 0) return [];
    const body: Json = {
      size: limit,
      _source: ['title'],
      query: {
        bool: {
          should: [
            // Titles that start with the prefix, then titles with words that do, then titles with a similar word.
            { constant_score: { filter: { prefix: { 'title.lower': text } }, boost: 3 } },
            {
              constant_score: {
                filter: {
                  multi_match: {
                    query: text,
                    type: 'bool_prefix',
                    operator: 'and',
                    fields: ['titleSuggest', 'titleSuggest._2gram', 'titleSuggest._3gram'],
                  },
                },
                boost: 2,
              },
            },
            ...(text.length >= 3
              ? [
                  {
                    constant_score: {
                      filter: {
                        match: { 'title.plain': { query: text, fuzziness: 'AUTO', operator: 'and' } },
                      },
                      boost: 1,
                    },
                  },
                ]
              : []),
          ],
          minimum_should_match: 1,
        },
      },
      collapse: { field: 'title.raw' },
      sort: [{ _score: 'desc' }, { popularity: 'desc' }, { 'title.raw': 'asc' }],
    };
    const response = await client.search({ index: alias, body: body as API.Search_RequestBody });
    const result = response.body as unknown as SearchBody;
    const seen = new Set<string>();
    const out: string[] = [];
    for (const hit of result.hits.hits) {
      const title = hit._source?.title;
      if (typeof title !== 'string' || seen.has(title.toLowerCase())) continue;
      seen.add(title.toLowerCase());
      out.push(title);
    }
    return out.slice(0, limit);
  }

  async function related(productId: string, first: number): Promise<string[]> {
    const limit = pageSize(first, 50);
    if (
      typeof productId !== 'string' ||
      clean(productId) !== productId ||
      productId.length === 0 ||
      productId.length > 200 ||
      limit === 0
    ) {
      return [];
    }
    const found = await client.get({ index: alias, id: productId }, { ignore: [404] });
    const source = (found.body as { found?: boolean; _source?: Json }).found
      ? (found.body as { _source?: Json })._source
      : undefined;
    if (!source) return [];
    const tags = Array.isArray(source.tags) ? (source.tags as string[]) : [];
    const body: Json = {
      size: limit,
      _source: false,
      query: {
        bool: {
          should: [
            {
              more_like_this: {
                fields: ['title', 'brand', 'categoryText', 'tags', 'description'],
                like: [{ _id: productId }],
                min_term_freq: 1,
                min_doc_freq: 1,
                max_query_terms: 25,
              },
            },
            { term: { categoryHandle: { value: source.categoryHandle, boost: 3 } } },
            { term: { 'brand.key': { value: String(source.brand ?? '').toLowerCase(), boost: 1.5 } } },
            ...(tags.length > 0 ? [{ terms: { 'tags.raw': tags, boost: 0.5 } }] : []),
          ],
          minimum_should_match: 1,
          must_not: [{ ids: { values: [productId] } }],
        },
      },
      sort: [{ _score: 'desc' }, { popularity: 'desc' }, { productId: 'asc' }],
    };
    const response = await client.search({ index: alias, body: body as API.Search_RequestBody });
    return (response.body as unknown as SearchBody).hits.hits.map((hit) => hit._id);
  }

  return { suggest, related };
}
