import { demoCatalog, demoStock, demoUuid, generateCatalog } from '../src';

describe('demo catalog', () => {
  const catalog = demoCatalog();

  it('When generated, then it is large enough and spread over at least 8 top-level categories with sub-categories', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(240);
    const tops = catalog.categories.filter((c) => c.parentHandle === null);
    expect(tops.length).toBeGreaterThanOrEqual(8);
    const byHandle = new Map(catalog.categories.map((c) => [c.handle, c]));
    for (const product of catalog.products) {
      const category = byHandle.get(product.categoryHandle);
      expect(category?.parentHandle).not.toBeNull();
      expect(product.variants.length).toBeGreaterThanOrEqual(1);
      expect(product.variants.length).toBeLessThanOrEqual(6);
      for (const v of product.variants) {
        expect(Number.isInteger(v.priceMinor) && v.priceMinor > 0).toBe(true);
        expect(v.stock).toBeGreaterThanOrEqual(0);
        expect(v.stock).toBeLessThanOrEqual(50);
      }
    }
    expect(catalog.products.some((p) => /running shoes/i.test(p.title))).toBe(true);
    expect(demoStock().some((s) => s.quantity === 0)).toBe(true);
  });

  it('When ids, handles and skus are listed, then none repeats', () => {
    const ids = [
      ...catalog.categories.map((c) => c.id),
      ...catalog.products.flatMap((p) => [p.id, ...p.variants.map((v) => v.id)]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const handles = catalog.products.map((p) => p.handle);
    expect(new Set(handles).size).toBe(handles.length);
    const skus = catalog.products.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
  });

  it('When generated in a fresh module, then it is identical (deterministic)', () => {
    let fresh: typeof catalog | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      fresh = (require('../src') as typeof import('../src')).demoCatalog();
    });
    expect(fresh).not.toBe(catalog);
    expect(JSON.stringify(fresh)).toBe(JSON.stringify(catalog));
    expect(demoUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  describe('generateCatalog', () => {
    it('When asked for N products, then it gives exactly N over every leaf category, with unique ids, handles and skus', () => {
      const generated = generateCatalog(3000);
      expect(generated.products).toHaveLength(3000);
      expect(generated.categories).toEqual(catalog.categories);
      const leaves = catalog.categories.filter((c) => c.parentHandle !== null).map((c) => c.handle);
      expect(new Set(generated.products.map((p) => p.categoryHandle))).toEqual(new Set(leaves));
      const ids = generated.products.flatMap((p) => [p.id, ...p.variants.map((v) => v.id)]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(generated.products.map((p) => p.handle)).size).toBe(3000);
      const skus = generated.products.flatMap((p) => p.variants.map((v) => v.sku));
      expect(new Set(skus).size).toBe(skus.length);
      for (const p of generated.products) {
        expect(p.variants.length).toBeGreaterThanOrEqual(1);
        expect(p.variants.every((v) => Number.isInteger(v.priceMinor) && v.priceMinor > 0)).toBe(true);
      }
    });

    it('When generated twice, then it is identical, and a smaller count is a prefix of a larger one', () => {
      const a = generateCatalog(500);
      expect(JSON.stringify(generateCatalog(500))).toBe(JSON.stringify(a));
      expect(generateCatalog(800).products.slice(0, 500)).toEqual(a.products);
      expect(generateCatalog(0).products).toEqual([]);
      expect(() => generateCatalog(-1)).toThrow(RangeError);
      expect(() => generateCatalog(1.5)).toThrow(RangeError);
    });
  });
});
