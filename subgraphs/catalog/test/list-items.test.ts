// Related products are looked up in one engine query per page, and a request resolves a bounded number of list items.
import { anonymous, gql, identityHeaders } from '@shop/testkit';
import { startCatalog, type TestCatalog } from './helpers';

describe('Catalog list items per request', () => {
  let catalog: TestCatalog;
  const anon = () => identityHeaders(anonymous, 'catalog');

  beforeAll(async () => {
    catalog = await startCatalog('catalog_list_items', {
      env: { MAX_LIST_ITEMS_PER_REQUEST: '120', PRODUCT_CACHE_TTL_SECONDS: '0' },
    });
  });

  afterAll(async () => catalog?.close());

  it('When a page of products asks for related products, then one engine query serves the whole page', async () => {
    const engine = catalog.service.deps.engine;
    const many = jest.spyOn(engine, 'relatedMany');
    const single = jest.spyOn(engine, 'related');
    const { body } = await gql<{ products: { nodes: { id: string; relatedProducts: { id: string }[] }[] } }>(
      catalog.url,
      '{ products(first: 10) { nodes { id relatedProducts(first: 3) { id } } } }',
      {},
      anon(),
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.products.nodes;
    expect(nodes).toHaveLength(10);
    for (const node of nodes) {
      expect(node.relatedProducts.length).toBeGreaterThan(0);
      expect(node.relatedProducts.length).toBeLessThanOrEqual(3);
      expect(node.relatedProducts.map((p) => p.id)).not.toContain(node.id);
    }
    expect(single).not.toHaveBeenCalled();
    expect(many).toHaveBeenCalledTimes(1);
    expect([...many.mock.calls[0]![0]].sort()).toEqual(nodes.map((n) => n.id).sort());
    many.mockRestore();
    single.mockRestore();
  });

  it('When one product asks for related products, then they match what the engine ranks for it alone', async () => {
    const { body } = await gql<{ products: { nodes: { id: string; relatedProducts: { id: string }[] }[] } }>(
      catalog.url,
      '{ products(first: 3) { nodes { id relatedProducts(first: 4) { id } } } }',
      {},
      anon(),
    );
    for (const node of body.data!.products.nodes) {
      const alone = (await catalog.service.deps.engine.related(node.id, 5))
        .filter((id) => id !== node.id)
        .slice(0, 4);
      expect(node.relatedProducts.map((p) => p.id)).toEqual(alone);
    }
  });

  it('When a request would resolve more list items than the bound, then it fails with COST_LIMIT_EXCEEDED', async () => {
    // 10 products + 10 x 8 related + 80 x 8 related: far past 120
    const { body } = await gql(
      catalog.url,
      '{ products(first: 10) { nodes { id relatedProducts { id relatedProducts { id } } } } }',
      {},
      anon(),
    );
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors!.every((e) => e.extensions?.code === 'COST_LIMIT_EXCEEDED')).toBe(true);
    expect(body.errors![0]!.message).toBe(
      'This request resolves more than 120 list items; ask for fewer or nest less.',
    );

    // Within the bound, the same shape answers.
    const small = await gql(
      catalog.url,
      '{ products(first: 5) { nodes { id relatedProducts(first: 2) { id relatedProducts(first: 2) { id } } } } }',
      {},
      anon(),
    );
    expect(small.body.errors).toBeUndefined();
  });
});
