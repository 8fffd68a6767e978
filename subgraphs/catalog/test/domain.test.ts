import { validateFields, slugify } from '../src/domain/admin';
import { categoryPath, toSearchDocument } from '../src/domain/indexing';
import { boostsFromEvents } from '../src/domain/personalisation';
import { toSearchFilters } from '../src/domain/search';
import type { Category, Product } from '../src/domain/types';

const categories = new Map<string, Category>([
  ['c1', { id: 'c1', handle: 'footwear', name: 'Footwear', parentId: null, position: 0 }],
  ['c2', { id: 'c2', handle: 'running-shoes', name: 'Running Shoes', parentId: 'c1', position: 1 }],
]);

describe('search filters', () => {
  it('When filters of one kind repeat, then they OR together; prices become minor units', () => {
    expect(
      toSearchFilters([
        { brand: 'Stride' },
        { brand: 'Velora' },
        { category: 'footwear' },
        { priceMin: '50' },
        { priceMin: '20.5' },
        { priceMax: '99.99' },
        { available: true },
        { spec: { name: 'Drop', value: '8 mm' } },
      ]),
    ).toEqual({
      brands: ['Stride', 'Velora'],
      categories: ['footwear'],
      priceMinMinor: 2050,
      priceMaxMinor: 9999,
      available: true,
      specs: [{ name: 'Drop', value: '8 mm' }],
    });
  });

  it('When a filter is empty, a price is not a decimal, or availability contradicts itself, then it is refused or neutral', () => {
    expect(() => toSearchFilters([{}])).toThrow('one field');
    expect(() => toSearchFilters([{ priceMin: '1.234' }])).toThrow();
    expect(() => toSearchFilters([{ priceMax: '-3' }])).toThrow();
    expect(toSearchFilters([{ available: true }, { available: false }])).toEqual({});
    expect(toSearchFilters(null)).toEqual({});
  });
});

describe('product validation', () => {
  const good = { title: 'A shoe', brand: 'B', variants: [{ sku: 'A-1', price: '10.00' }] };

  it('When a new product is valid, then there are no errors and prices are integer cents', () => {
    const { errors, variants } = validateFields(good, true);
    expect(errors).toEqual([]);
    expect(variants).toEqual([
      {
        sku: 'A-1',
        title: 'Default',
        selectedOptions: [],
        priceMinor: 1000,
        compareAtPriceMinor: null,
        weightGrams: 0,
      },
    ]);
  });

  it('When fields are bad, then each gets a userError with its field path', () => {
    const { errors } = validateFields(
      {
        handle: 'No--Caps',
        title: 'x'.repeat(201),
        brand: '',
        images: [{ url: 'javascript:alert(1)' }],
        variants: [{ sku: 'bad sku', price: '1e3', weightGrams: -1 }],
      },
      true,
    );
    expect(errors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_HANDLE', 'handle'],
      ['INVALID_TITLE', 'title'],
      ['INVALID_BRAND', 'brand'],
      ['INVALID_IMAGE_URL', 'images.0.url'],
      ['INVALID_SKU', 'variants.0.sku'],
      ['INVALID_PRICE', 'variants.0.price'],
      ['INVALID_WEIGHT', 'variants.0.weightGrams'],
    ]);
  });

  it('When an update leaves fields out, then only given fields are checked', () => {
    expect(validateFields({ description: 'new' }, false)).toEqual({ errors: [], variants: null });
    expect(validateFields({ variants: [] }, false).errors.map((e) => e.code)).toEqual(['VARIANTS_REQUIRED']);
  });

  it('When a title is slugified, then it becomes a valid handle', () => {
    expect(slugify('Café Crème & Co. — 2 Pack!')).toBe('cafe-creme-and-co-2-pack');
  });
});

describe('search documents', () => {
  it('When a product sits in a sub-category, then its document carries the whole category path', () => {
    expect(categoryPath('c2', categories)).toEqual(['running-shoes', 'footwear']);
    expect(categoryPath(null, categories)).toEqual([]);
    const product: Product = {
      id: 'p1',
      handle: 'h',
      title: 'T',
      description: 'D',
      brand: 'B',
      tags: ['x'],
      categoryId: 'c2',
      specs: [],
      options: [],
      images: [],
      currencyCode: 'USD',
      minPriceMinor: 100,
      maxPriceMinor: 200,
      popularity: 7,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(toSearchDocument(product, categories, true)).toMatchObject({
      productId: 'p1',
      categoryHandle: 'running-shoes',
      categoryPath: ['running-shoes', 'footwear'],
      available: true,
      popularity: 7,
      minPriceMinor: 100,
    });
  });
});

describe('personalisation', () => {
  it('When a shopper bought running shoes and viewed a tent, then running shoes get the strongest boost', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const boosts = boostsFromEvents([
      { kind: 'purchase', categoryHandle: 'running-shoes', brand: 'Stride', occurredAt: at },
      { kind: 'view', categoryHandle: 'tents', brand: 'Ridgeline', occurredAt: at },
      { kind: 'search', query: 'tent', occurredAt: at },
    ])!;
    expect(boosts.categories['running-shoes']).toBe(3);
    expect(boosts.categories.tents).toBeGreaterThan(1);
    expect(boosts.categories.tents).toBeLessThan(boosts.categories['running-shoes']!);
    expect(boosts.brands.stride).toBe(3);
    expect(boostsFromEvents([])).toBeNull();
  });
});
