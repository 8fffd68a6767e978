import { buildSchema, parse } from 'graphql';
import { testLogger, testRedis } from '@shop/testkit';
import { entityTags, purgeTagsOf } from '../src/entity-tags';
import { MemoryResponseStore, RedisResponseStore, type ResponseStore } from '../src/response-store';

const { redis, prefix } = testRedis();

afterAll(() => redis.disconnect());

describe.each<[string, () => ResponseStore]>([
  ['Redis', () => new RedisResponseStore(redis, `${prefix}${Math.random()}:`, testLogger)],
  ['in process', () => new MemoryResponseStore()],
])('The response store (%s)', (_name, make) => {
  it('When a tag is purged, then every entry it tagged is gone and the others stay', async () => {
    const store = make();
    const { sequence } = await store.lookup('a');
    expect(await store.store('a', 'A', ['Product:1'], 60_000, sequence)).toBe(true);
    expect(await store.store('b', 'B', ['Product:1', 'Product:2'], 60_000, sequence)).toBe(true);
    expect(await store.store('c', 'C', ['Product:3'], 60_000, sequence)).toBe(true);
    expect((await store.lookup('b')).entry).toBe('B');
    await store.purge(['Product:1']);
    expect((await store.lookup('a')).entry).toBeNull();
    expect((await store.lookup('b')).entry).toBeNull();
    expect((await store.lookup('c')).entry).toBe('C');
  });

  it('When an answer read before a purge of its tag is stored after it, then it is refused; one read after is stored', async () => {
    const store = make();
    const before = (await store.lookup('k')).sequence;
    await store.purge(['Product:9']);
    expect(await store.store('k', 'stale', ['Product:9'], 60_000, before)).toBe(false);
    expect((await store.lookup('k')).entry).toBeNull();
    // An entry of other tags, read at the same moment, is not held back by that purge.
    expect(await store.store('j', 'other', ['Product:8'], 60_000, before)).toBe(true);
    const after = await store.sequence();
    expect(await store.store('k', 'fresh', ['Product:9'], 60_000, after)).toBe(true);
    expect((await store.lookup('k')).entry).toBe('fresh');
  });

  it('When an entry outlives its max-age, then it is gone', async () => {
    const store = make();
    await store.store('short', 'S', [], 50, await store.sequence());
    await new Promise((r) => setTimeout(r, 120));
    expect((await store.lookup('short')).entry).toBeNull();
  });
});

describe('Entity tags', () => {
  const schema = buildSchema(`
    type Query { product(id: ID): Product, products: [Product!]!, variant: ProductVariant, note: Note }
    type Product { id: ID!, title: String, variants: [ProductVariant!]! }
    type ProductVariant { id: ID!, sku: String }
    type Note { text: String }
  `);
  const tags = (query: string, data: Record<string, unknown>) =>
    [...(entityTags(schema, parse(query), {}, undefined, data) ?? [])].sort();

  it('When an answer holds products and variants, then each is tagged by its id, under any alias', () => {
    expect(
      tags('{ products { key: id variants { id } } }', {
        products: [{ key: 'p1', variants: [{ id: 'v1' }, { id: 'v2' }] }],
      }),
    ).toEqual(['Product:p1', 'ProductVariant:v1', 'ProductVariant:v2']);
  });

  it('When an entity is held without its id, then its type is tagged, and a lone variant its product type', () => {
    expect(tags('{ product { title } }', { product: { title: 'x' } })).toEqual(['Product:*']);
    expect(tags('{ variant { id sku } }', { variant: { id: 'v1', sku: 's' } })).toEqual([
      'Product:*',
      'ProductVariant:v1',
    ]);
    expect(tags('{ note { text } }', { note: { text: 't' } })).toEqual([]);
  });

  it('When a product or inventory event comes, then it purges that entity and its type-wide tag', () => {
    expect(purgeTagsOf('product.changed', { productId: 'p1', change: 'updated' })).toEqual([
      'Product:p1',
      'Product:*',
    ]);
    expect(purgeTagsOf('inventory.changed', { variantId: 'v1', quantityAvailable: 3 })).toEqual([
      'ProductVariant:v1',
      'ProductVariant:*',
    ]);
    expect(purgeTagsOf('order.paid', {})).toEqual([]);
  });
});
