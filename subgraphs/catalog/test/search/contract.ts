// The behaviour every SearchEngine owes the catalog, run against each engine on its real datastore.
import type {
  SearchDocument,
  SearchEngine,
  SearchRequest,
  SearchResult,
  SearchSort,
} from '../../src/search/engine';

type Spec = { name: string; value: string };

function doc(
  n: number,
  fields: {
    title: string;
    brand: string;
    description: string;
    category: string[];
    min: number;
    max?: number;
    available?: boolean;
    popularity: number;
    specs?: Spec[];
    tags?: string[];
  },
): SearchDocument {
  const id = `p${String(n).padStart(2, '0')}`;
  return {
    productId: id,
    handle: fields.title.toLowerCase().replace(/\W+/g, '-'),
    title: fields.title,
    brand: fields.brand,
    description: fields.description,
    categoryPath: fields.category,
    categoryHandle: fields.category[fields.category.length - 1]!,
    tags: fields.tags ?? [],
    specs: fields.specs ?? [],
    minPriceMinor: fields.min,
    maxPriceMinor: fields.max ?? fields.min,
    currencyCode: 'USD',
    available: fields.available ?? true,
    // Distinct days, p01 oldest; p11 shares p10's instant so NEWEST must break the tie by productId.
    createdAt: new Date(Date.UTC(2026, 0, Math.min(n, 10), 12, 0, 0)).toISOString(),
    popularity: fields.popularity,
  };
}

const RUNNING = ['apparel', 'shoes', 'running-shoes'];
const HIKING = ['apparel', 'shoes', 'hiking-boots'];

export const FIXTURE: SearchDocument[] = [
  doc(1, {
    title: 'Trail Running Shoes',
    brand: 'Stride',
    description: 'Grippy soles for muddy paths.',
    category: RUNNING,
    min: 8_999,
    popularity: 50,
    specs: [
      { name: 'color', value: 'red' },
      { name: 'size', value: '42' },
    ],
    tags: ['trail', 'outdoor'],
  }),
  doc(2, {
    title: 'Road Running Shoes',
    brand: 'Stride',
    description: 'Cushioned and light for the daily road.',
    category: RUNNING,
    min: 12_999,
    max: 14_999,
    popularity: 80,
    specs: [
      { name: 'color', value: 'blue' },
      { name: 'size', value: '42' },
    ],
    tags: ['road'],
  }),
  doc(3, {
    title: 'Marathon Racer',
    brand: 'Velo',
    description: 'A lightweight racing flat built for running a marathon.',
    category: RUNNING,
    min: 15_999,
    available: false,
    popularity: 30,
    specs: [{ name: 'color', value: 'red' }],
  }),
  doc(4, {
    title: 'Alpine Hiking Boots',
    brand: 'Summit',
    description: 'Waterproof leather boots for the mountains.',
    category: HIKING,
    min: 17_999,
    max: 21_999,
    popularity: 40,
    specs: [{ name: 'color', value: 'brown' }],
    tags: ['outdoor'],
  }),
  doc(5, {
    title: 'Everyday Sneakers',
    brand: 'Velo',
    description: 'Comfortable canvas sneakers for running errands around town.',
    category: ['apparel', 'shoes'],
    min: 5_999,
    popularity: 90,
    specs: [{ name: 'color', value: 'white' }],
  }),
  doc(6, {
    title: 'Wireless Headphones',
    brand: 'Sonic',
    description: 'Bluetooth over-ear headphones with a long battery life.',
    category: ['electronics', 'headphones'],
    min: 9_999,
    popularity: 70,
    specs: [{ name: 'color', value: 'black' }],
  }),
  doc(7, {
    title: 'Noise Cancelling Headphones',
    brand: 'Sonic',
    description: 'Quiet flights and focused work.',
    category: ['electronics', 'headphones'],
    min: 24_999,
    popularity: 60,
    specs: [{ name: 'color', value: 'black' }],
  }),
  doc(8, {
    title: 'Chef Knife',
    brand: 'Forge',
    description: 'A forged steel blade that holds its edge.',
    category: ['home', 'kitchen'],
    min: 4_999,
    max: 5_499,
    popularity: 20,
  }),
  doc(9, {
    title: 'Cast Iron Skillet',
    brand: 'Forge',
    description: 'Sears, bakes and lasts for generations.',
    category: ['home', 'kitchen'],
    min: 3_999,
    available: false,
    popularity: 10,
  }),
  doc(10, {
    title: 'Running Socks',
    brand: 'Stride',
    description: 'Breathable merino socks.',
    category: ['apparel', 'socks'],
    min: 1_299,
    popularity: 25,
  }),
  doc(11, {
    title: 'Wool Hiking Socks',
    brand: 'Summit',
    description: 'Warm socks for long walks.',
    category: ['apparel', 'socks'],
    min: 1_299,
    popularity: 15,
    tags: ['outdoor'],
  }),
];

const ids = (result: SearchResult) => result.hits.map((hit) => hit.productId);

function request(overrides: Partial<SearchRequest>): SearchRequest {
  return { query: '', filters: {}, sort: 'RELEVANCE', first: 100, after: null, ...overrides };
}

function facet(result: SearchResult, name: string): Record<string, number> {
  const found = result.facets.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name} facet`);
  return Object.fromEntries(found.values.map((value) => [value.value, value.count]));
}

/** Walks every page of a search and returns the ids in order. */
async function allPages(engine: SearchEngine, base: SearchRequest, pageSize: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const result = await engine.search({ ...base, first: pageSize, after });
    seen.push(...ids(result));
    expect(result.hits.length).toBeLessThanOrEqual(pageSize);
    if (!result.hasNextPage) return seen;
    after = result.hits[result.hits.length - 1]!.cursor;
  }
  throw new Error('pagination did not end');
}

async function* batches(docs: SearchDocument[], size: number): AsyncIterable<SearchDocument[]> {
  for (let i = 0; i < docs.length; i += size) yield docs.slice(i, i + size);
}

function errorCode(error: unknown): string | undefined {
  return (error as { extensions?: { code?: string } }).extensions?.code;
}

/** The facets a browse (no words) over `docs` must show, counted here from the documents themselves. */
function expectedBrowse(
  docs: SearchDocument[],
  filters: { categories?: string[]; brands?: string[]; available?: boolean },
): {
  total: number;
  category: Record<string, number>;
  brand: Record<string, number>;
  available: Record<string, number>;
} {
  const passes = (d: SearchDocument, except?: 'category' | 'brand' | 'available') =>
    (except === 'category' ||
      !filters.categories ||
      filters.categories.some((c) => d.categoryPath.includes(c))) &&
    (except === 'brand' || !filters.brands || filters.brands.includes(d.brand.toLowerCase())) &&
    (except === 'available' || filters.available === undefined || d.available === filters.available);
  const count = (values: string[]) =>
    values.reduce<Record<string, number>>((out, v) => ({ ...out, [v]: (out[v] ?? 0) + 1 }), {});
  return {
    total: docs.filter((d) => passes(d)).length,
    category: count(docs.filter((d) => passes(d, 'category')).flatMap((d) => d.categoryPath)),
    brand: count(docs.filter((d) => passes(d, 'brand')).map((d) => d.brand)),
    available: count(docs.filter((d) => passes(d, 'available')).map((d) => String(d.available))),
  };
}

const byPrice = (direction: 1 | -1) => (a: SearchDocument, b: SearchDocument) =>
  direction * (a.minPriceMinor - b.minPriceMinor) || a.productId.localeCompare(b.productId);

export function searchContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`Search engine contract: ${name}`, () => {
    let engine: SearchEngine;

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.init();
      await engine.init(); // idempotent
      await engine.reindex(batches(FIXTURE, 4));
    });

    afterAll(async () => {
      await engine?.close();
    });

    it('When a term is in one title and only in another description, then the title match ranks first', async () => {
      const result = await engine.search(request({ query: 'running' }));
      const found = ids(result);
      expect(found).toEqual(expect.arrayContaining(['p01', 'p02', 'p10', 'p03', 'p05']));
      const lastTitleMatch = Math.max(...['p01', 'p02', 'p10'].map((id) => found.indexOf(id)));
      const firstDescriptionMatch = Math.min(...['p03', 'p05'].map((id) => found.indexOf(id)));
      expect(lastTitleMatch).toBeLessThan(firstDescriptionMatch);
      expect(found).not.toContain('p06');
      expect(result.totalCount).toBe(found.length);
    });

    it('When a word is misspelled ("runnign shoes"), then running shoes are still found first', async () => {
      const found = ids(await engine.search(request({ query: 'runnign shoes' })));
      expect(found.slice(0, 2).sort()).toEqual(['p01', 'p02']);
      expect(found).not.toContain('p06');
      const boots = ids(await engine.search(request({ query: 'hikng' })));
      expect(boots).toEqual(expect.arrayContaining(['p04', 'p11']));
    });

    it('When filtering by a parent category, then products of its sub-categories match', async () => {
      expect(ids(await engine.search(request({ filters: { categories: ['shoes'] } }))).sort()).toEqual([
        'p01',
        'p02',
        'p03',
        'p04',
        'p05',
      ]);
      expect(
        ids(await engine.search(request({ filters: { categories: ['running-shoes'] } }))).sort(),
      ).toEqual(['p01', 'p02', 'p03']);
      expect(
        ids(await engine.search(request({ filters: { categories: ['socks', 'kitchen'] } }))).sort(),
      ).toEqual(['p08', 'p09', 'p10', 'p11']);
    });

    it('When filtering by brand, price range, availability or spec, then only matching products are returned', async () => {
      const search = async (filters: SearchRequest['filters'], query = '') =>
        ids(await engine.search(request({ query, filters }))).sort();
      expect(await search({ brands: ['Stride'] })).toEqual(['p01', 'p02', 'p10']);
      expect(await search({ brands: ['forge', 'SONIC'] })).toEqual(['p06', 'p07', 'p08', 'p09']);
      // Overlap of the product's [min, max] with the range: p08 (4999-5499) overlaps 5000-10000.
      expect(await search({ priceMinMinor: 5_000, priceMaxMinor: 10_000 })).toEqual([
        'p01',
        'p05',
        'p06',
        'p08',
      ]);
      expect(await search({ priceMinMinor: 14_000, priceMaxMinor: 15_000 })).toEqual(['p02']);
      expect(await search({ priceMinMinor: 20_000 })).toEqual(['p04', 'p07']);
      expect(await search({ available: false })).toEqual(['p03', 'p09']);
      expect(await search({ specs: [{ name: 'color', value: 'red' }] })).toEqual(['p01', 'p03']);
      expect(
        await search({
          specs: [
            { name: 'color', value: 'red' },
            { name: 'size', value: '42' },
          ],
        }),
      ).toEqual(['p01']);
      expect(
        await search({
          specs: [
            { name: 'color', value: 'red' },
            { name: 'color', value: 'blue' },
          ],
        }),
      ).toEqual(['p01', 'p02', 'p03']);
      expect(await search({ brands: ['Stride'], available: true }, 'shoes')).toEqual(['p01', 'p02']);
      expect(await search({ brands: ['Nobody'] })).toEqual([]);
    });

    it('When filters are active, then each facet counts with the other filters but not its own', async () => {
      const result = await engine.search(
        request({ filters: { categories: ['running-shoes'], brands: ['Stride'] } }),
      );
      expect(ids(result).sort()).toEqual(['p01', 'p02']);
      expect(result.totalCount).toBe(2);
      // Brand facet ignores the brand filter but keeps the category one.
      expect(facet(result, 'brand')).toEqual({ Stride: 2, Velo: 1 });
      // Category facet ignores the category filter but keeps the brand one (Stride: p01, p02, p10).
      const categories = facet(result, 'category');
      expect(categories['running-shoes']).toBe(2);
      expect(categories.socks).toBe(1);
      expect(categories.apparel).toBe(3);
      expect(categories.kitchen).toBeUndefined();
      expect(facet(result, 'available')).toEqual({ true: 2 });
      expect(Object.values(facet(result, 'price')).reduce((a, b) => a + b, 0)).toBe(2);

      const available = await engine.search(request({ filters: { available: true } }));
      expect(facet(available, 'available')).toEqual({ true: 9, false: 2 });
      expect(facet(available, 'brand').Forge).toBe(1);

      const priced = await engine.search(request({ filters: { priceMaxMinor: 2_000 } }));
      expect(ids(priced).sort()).toEqual(['p10', 'p11']);
      const prices = facet(priced, 'price');
      expect(Object.values(prices).reduce((a, b) => a + b, 0)).toBe(FIXTURE.length);
      expect(prices['0-2500']).toBe(2);
      expect(facet(priced, 'brand')).toEqual({ Stride: 1, Summit: 1 });
    });

    it('When facets are not wanted, then the hits, order, total and cursors are the same and no facet is counted', async () => {
      const shapes: Partial<SearchRequest>[] = [
        { query: 'shoes' },
        { query: 'runnign shoes' },
        { query: '', sort: 'PRICE_ASC' },
        { query: 'shoes', filters: { categories: ['running-shoes'], brands: ['Stride'], available: true } },
        { query: '', filters: { priceMaxMinor: 2_000 }, sort: 'NEWEST' },
      ];
      for (const shape of shapes) {
        const full = await engine.search(request({ ...shape, first: 3 }));
        const lean = await engine.search(request({ ...shape, first: 3, withFacets: false }));
        expect(lean.hits).toEqual(full.hits);
        expect(lean.totalCount).toBe(full.totalCount);
        expect(lean.hasNextPage).toBe(full.hasNextPage);
        expect(lean.facets.flatMap((f) => f.values)).toEqual([]);
        if (full.hasNextPage) {
          const after = full.hits[full.hits.length - 1]!.cursor;
          const next = await engine.search(request({ ...shape, first: 3, after }));
          expect(
            (await engine.search(request({ ...shape, first: 3, after, withFacets: false }))).hits,
          ).toEqual(next.hits);
        }
      }
    });

    it('When sorting by price or newest, then the order follows the sort key and ties break by productId', async () => {
      const ordered = async (sort: SearchSort) => ids(await engine.search(request({ sort })));
      expect(await ordered('PRICE_ASC')).toEqual([...FIXTURE].sort(byPrice(1)).map((d) => d.productId));
      expect(await ordered('PRICE_DESC')).toEqual([...FIXTURE].sort(byPrice(-1)).map((d) => d.productId));
      expect(await ordered('NEWEST')).toEqual([
        'p10',
        'p11',
        'p09',
        'p08',
        'p07',
        'p06',
        'p05',
        'p04',
        'p03',
        'p02',
        'p01',
      ]);
      const shoes = ids(await engine.search(request({ query: 'shoes', sort: 'PRICE_DESC' })));
      expect(shoes.slice(0, 2)).toEqual(['p04', 'p03']);
    });

    it('When paging with cursors in any sort, then the pages concatenate to the full list without duplicates', async () => {
      const cases: SearchRequest[] = [
        request({ sort: 'RELEVANCE' }),
        request({ sort: 'PRICE_ASC' }),
        request({ sort: 'PRICE_DESC' }),
        request({ sort: 'NEWEST' }),
        request({ query: 'shoes', sort: 'RELEVANCE' }),
        request({ query: 'socks', sort: 'RELEVANCE' }),
        request({ query: 'running', sort: 'PRICE_DESC' }),
        request({ query: 'outdoor', sort: 'NEWEST', filters: { categories: ['apparel'] } }),
      ];
      for (const base of cases) {
        const full = ids(await engine.search(base));
        const paged = await allPages(engine, base, 2);
        expect(paged).toEqual(full);
        expect(new Set(paged).size).toBe(paged.length);
      }
      const firstPage = await engine.search(request({ sort: 'PRICE_ASC', first: 3 }));
      expect(firstPage.hasNextPage).toBe(true);
      expect(firstPage.totalCount).toBe(FIXTURE.length);
      const last = await engine.search(
        request({ sort: 'PRICE_ASC', first: 100, after: firstPage.hits[2]!.cursor }),
      );
      expect(last.hits).toHaveLength(FIXTURE.length - 3);
      expect(last.hasNextPage).toBe(false);
    });

    it('When a cursor from another sort or a forged cursor is passed, then a BAD_USER_INPUT error says so', async () => {
      const page = await engine.search(request({ sort: 'PRICE_ASC', first: 2 }));
      const fromOtherSort = await engine
        .search(request({ sort: 'NEWEST', after: page.hits[1]!.cursor }))
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(errorCode(fromOtherSort)).toBe('BAD_USER_INPUT');
      expect(String((fromOtherSort as Error).message)).toMatch(/sort/i);
      for (const forged of [
        'not-a-cursor',
        Buffer.from('{"s":"PRICE_ASC","k":["x"]}').toString('base64url'),
        'eyJ9',
      ]) {
        const error = await engine.search(request({ sort: 'PRICE_ASC', after: forged })).then(
          () => null,
          (e: unknown) => e,
        );
        expect(errorCode(error)).toBe('BAD_USER_INPUT');
      }
    });

    it('When boosts favour a category or a brand, then the relevance order changes accordingly', async () => {
      const plain = ids(await engine.search(request({ query: 'shoes' })));
      expect(plain[0]).not.toBe('p04');
      const boosted = ids(
        await engine.search(
          request({ query: 'shoes', boosts: { categories: { 'hiking-boots': 10 }, brands: {} } }),
        ),
      );
      expect(boosted[0]).toBe('p04');
      expect(boosted.sort()).toEqual([...plain].sort());
      const byBrand = ids(
        await engine.search(request({ query: 'shoes', boosts: { categories: {}, brands: { Velo: 10 } } })),
      );
      expect(byBrand[0] === 'p03' || byBrand[0] === 'p05').toBe(true);
      // Boosts only shape RELEVANCE.
      const priced = ids(
        await engine.search(
          request({
            query: 'shoes',
            sort: 'PRICE_ASC',
            boosts: { categories: { 'hiking-boots': 10 }, brands: {} },
          }),
        ),
      );
      expect(priced).toEqual(ids(await engine.search(request({ query: 'shoes', sort: 'PRICE_ASC' }))));
    });

    it('When asked for suggestions, then distinct completions come back, prefix matches first and popular first', async () => {
      const running = await engine.suggest('run', 5);
      expect(running.length).toBeGreaterThan(0);
      expect(running.length).toBeLessThanOrEqual(5);
      expect(running[0]).toBe('Running Socks');
      expect(running).toEqual(expect.arrayContaining(['Road Running Shoes', 'Trail Running Shoes']));
      expect(new Set(running.map((s) => s.toLowerCase())).size).toBe(running.length);
      // Road (popularity 80) before Trail (50).
      expect(running.indexOf('Road Running Shoes')).toBeLessThan(running.indexOf('Trail Running Shoes'));
      const head = await engine.suggest('head', 8);
      expect(head.indexOf('Wireless Headphones')).toBeGreaterThanOrEqual(0);
      expect(head.indexOf('Wireless Headphones')).toBeLessThan(head.indexOf('Noise Cancelling Headphones'));
      // A mistyped word is corrected before completing.
      expect(await engine.suggest('hedphones', 5)).toEqual(expect.arrayContaining(['Wireless Headphones']));
      expect(await engine.suggest('', 5)).toEqual([]);
      expect(await engine.suggest('zzzzqqq', 5)).toEqual([]);
      expect((await engine.suggest('run', 1)).length).toBe(1);
    });

    it('When asked for related products, then the most similar in content come first and never the product itself', async () => {
      const related = await engine.related('p01', 3);
      expect(related[0]).toBe('p02');
      expect(related).not.toContain('p01');
      expect(related).not.toContain('p08');
      expect(related.length).toBeLessThanOrEqual(3);
      const headphones = await engine.related('p06', 2);
      expect(headphones[0]).toBe('p07');
      expect(await engine.related('no-such-product', 3)).toEqual([]);
    });

    it('When the query is hostile, then the engine answers a clear error or a result, never an unexpected failure', async () => {
      const hostile = [
        "'; DROP TABLE x; --",
        '{"query":{}}',
        '{"query":{"match_all":{}}}',
        'shoes\u0000\u0007\u001b[31m\u202e',
        '\u0000\u0001',
        '👟👟🔥',
        'a'.repeat(300),
        'running '.repeat(40),
        '"unterminated OR -( ) & | ! :* <-> \\',
        'title:running AND brand:*',
      ];
      for (const query of hostile) {
        const outcome = await engine.search(request({ query })).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          expect(errorCode(outcome.error)).toBe('BAD_USER_INPUT');
        } else {
          const known = new Set(FIXTURE.map((d) => d.productId));
          expect(outcome.result.hits.every((hit) => known.has(hit.productId))).toBe(true);
          expect(outcome.result.totalCount).toBeGreaterThanOrEqual(outcome.result.hits.length);
        }
        const suggested = await engine.suggest(query, 5).then(
          (values) => ({ values }),
          (error: unknown) => ({ error }),
        );
        if ('error' in suggested) expect(errorCode(suggested.error)).toBe('BAD_USER_INPUT');
      }
      expect(ids(await engine.search(request({ query: "'; DROP TABLE x; --" })))).toEqual([]);
      expect(ids(await engine.search(request({ query: '👟👟🔥' })))).toEqual([]);
      const tooLong = await engine.search(request({ query: 'a'.repeat(300) })).then(
        (result) => result.hits.length,
        (error: unknown) => errorCode(error),
      );
      expect([0, 'BAD_USER_INPUT']).toContain(tooLong);
      // Still intact afterwards.
      expect(ids(await engine.search(request({ query: 'skillet' })))).toEqual(['p09']);
    });

    it('When documents are upserted, removed or change availability, then searches follow', async () => {
      await engine.setAvailability([{ productId: 'p01', available: false }]);
      expect(ids(await engine.search(request({ query: 'trail', filters: { available: true } })))).toEqual([]);
      await engine.setAvailability([{ productId: 'p01', available: true }]);
      expect(ids(await engine.search(request({ query: 'trail', filters: { available: true } })))).toEqual([
        'p01',
      ]);

      await engine.upsert([{ ...FIXTURE[7]!, title: 'Santoku Knife' }]);
      expect(ids(await engine.search(request({ query: 'santoku' })))).toEqual(['p08']);
      await engine.remove(['p09']);
      expect(ids(await engine.search(request({ query: 'skillet' })))).toEqual([]);
    });

    it('When browsing without words after writes, then the total and every facet count the current documents', async () => {
      const current = new Map(FIXTURE.map((d) => [d.productId, d]));
      const check = async () => {
        const docs = [...current.values()];
        const shapes = [
          {},
          { categories: ['shoes'] },
          { brands: ['stride'], available: true },
          { categories: ['apparel'], brands: ['summit', 'velo'], available: false },
        ];
        for (const filters of shapes) {
          const result = await engine.search(request({ filters, first: 2 }));
          const expected = expectedBrowse(docs, filters);
          expect(result.totalCount).toBe(expected.total);
          expect(facet(result, 'category')).toEqual(expected.category);
          expect(facet(result, 'brand')).toEqual(expected.brand);
          expect(facet(result, 'available')).toEqual(expected.available);
          expect(Object.values(facet(result, 'price')).reduce((a, b) => a + b, 0)).toBe(expected.total);
        }
      };
      await engine.reindex(batches(FIXTURE, 4));
      try {
        await check();
        await engine.setAvailability([
          { productId: 'p02', available: false },
          { productId: 'p09', available: true },
        ]);
        current.set('p02', { ...current.get('p02')!, available: false });
        current.set('p09', { ...current.get('p09')!, available: true });
        await check();
        const moved = {
          ...current.get('p05')!,
          brand: 'Summit',
          categoryPath: ['home', 'kitchen'],
          categoryHandle: 'kitchen',
        };
        await engine.upsert([moved]);
        current.set('p05', moved);
        await engine.remove(['p10']);
        current.delete('p10');
        await check();
        await engine.upsert([FIXTURE[9]!]);
        current.set('p10', FIXTURE[9]!);
        await check();
      } finally {
        await engine.reindex(batches(FIXTURE, 4));
      }
    });

    it('When the index is rebuilt, then searches give the same results as before', async () => {
      await engine.reindex(batches(FIXTURE, 3));
      const before = ids(await engine.search(request({ query: 'running', first: 100 })));
      const facetsBefore = (await engine.search(request({}))).facets;
      await engine.reindex(batches(FIXTURE, 5));
      expect(ids(await engine.search(request({ query: 'running', first: 100 })))).toEqual(before);
      expect((await engine.search(request({}))).facets).toEqual(facetsBefore);
      expect(ids(await engine.search(request({ query: 'skillet' })))).toEqual(['p09']);
      expect(ids(await engine.search(request({ query: 'santoku' })))).toEqual([]);
      await engine.reindex(batches(FIXTURE.slice(0, 10), 4));
      expect((await engine.search(request({}))).totalCount).toBe(10);
    });
  });
}
