// The OpenSearch index: its mapping and analysers, the fields a search reads, and the source of each document.
import type { SearchDocument } from './engine';

export type Json = Record<string, unknown>;

/** Search fields and their boosts; every word must match one of them exactly (after stemming). */
export const TEXT_FIELDS = [
  'title^4',
  'title.plain^3',
  'brand^2',
  'categoryText^2',
  'description',
  'specsText',
  'tags',
];

/**
 * Where a mistyped word is corrected: the unstemmed title (fuzzy matching must see the word as typed), brand and
 * category words. Short fields with a small vocabulary, as the Postgres engine corrects against its vocabulary:
 * fuzzy expansion over descriptions costs far more and finds mostly noise.
 */
export const FUZZY_FIELDS = ['title.plain^3', 'brand', 'categoryText'];

export const INDEX_BODY: Json = {
  settings: {
    // One shard keeps BM25 statistics exact for a catalogue of this size.
    number_of_shards: 1,
    analysis: {
      normalizer: { lowercase: { type: 'custom', filter: ['lowercase', 'asciifolding'] } },
      analyzer: {
        plain: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
      },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      productId: { type: 'keyword' },
      handle: { type: 'keyword' },
      title: {
        type: 'text',
        analyzer: 'english',
        fields: {
          plain: { type: 'text', analyzer: 'plain' },
          raw: { type: 'keyword' },
          lower: { type: 'keyword', normalizer: 'lowercase' },
        },
      },
      titleSuggest: { type: 'search_as_you_type', analyzer: 'plain' },
      brand: {
        type: 'text',
        analyzer: 'english',
        fields: {
          raw: { type: 'keyword', eager_global_ordinals: true },
          key: { type: 'keyword', normalizer: 'lowercase' },
        },
      },
      description: { type: 'text', analyzer: 'english' },
      categoryHandle: { type: 'keyword' },
      // Facets: their global ordinals are built as a refresh makes documents visible, not by the next search.
      categoryPath: { type: 'keyword', eager_global_ordinals: true },
      categoryText: { type: 'text', analyzer: 'english' },
      tags: { type: 'text', analyzer: 'english', fields: { raw: { type: 'keyword' } } },
      specs: { type: 'nested', properties: { name: { type: 'keyword' }, value: { type: 'keyword' } } },
      specsText: { type: 'text', analyzer: 'english' },
      minPriceMinor: { type: 'long' },
      maxPriceMinor: { type: 'long' },
      currencyCode: { type: 'keyword' },
      available: { type: 'boolean' },
      createdAt: { type: 'date' },
      popularity: { type: 'integer' },
    },
  },
};

export function toSource(doc: SearchDocument): Json {
  const words = (handle: string) => handle.replace(/[-_/]+/g, ' ');
  const path = doc.categoryPath.includes(doc.categoryHandle)
    ? doc.categoryPath
    : [...doc.categoryPath, doc.categoryHandle];
  return {
    productId: doc.productId,
    handle: doc.handle,
    title: doc.title,
    titleSuggest: doc.title,
    brand: doc.brand,
    description: doc.description,
    categoryHandle: doc.categoryHandle,
    categoryPath: path,
    categoryText: [...new Set(path)].map(words).join(' '),
    tags: doc.tags,
    specs: doc.specs.map((spec) => ({ name: spec.name, value: spec.value })),
    specsText: doc.specs.map((spec) => `${spec.name} ${spec.value}`).join(' '),
    minPriceMinor: doc.minPriceMinor,
    maxPriceMinor: doc.maxPriceMinor,
    currencyCode: doc.currencyCode,
    available: doc.available,
    createdAt: doc.createdAt,
    popularity: Math.max(0, Math.trunc(doc.popularity)),
  };
}
