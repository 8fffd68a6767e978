import { generateCatalog } from '@shop/demo-data';
import { InProcessBus } from '@shop/datastores';
import {
  TEST_SECRET,
  anonymous,
  createTestDatabase,
  gql,
  identityHeaders,
  testLogger,
  type TestDatabase,
} from '@shop/testkit';
import { loadConfig } from '../src/config';
import { bulkLoadCatalogDatabase, createService } from '../src/service';

describe('bulk loading a generated catalog', () => {
  const COUNT = 2000;
  const catalog = generateCatalog(COUNT);
  let pg: TestDatabase;
  let service: Awaited<ReturnType<typeof createService>> | undefined;
  const bus = new InProcessBus(testLogger);
  const config = () =>
    loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      DATABASE_URL: pg.url,
      SEED_DEMO_DATA: 'true',
      BEHAVIOUR_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    });

  beforeAll(async () => {
    pg = await createTestDatabase('catalog_bulk');
  });
  afterAll(async () => {
    await service?.close();
    await bus.close();
    await pg?.drop();
  });

  it('When 2,000 generated products are bulk-loaded, then every row and search document is there and the service serves them', async () => {
    const result = await bulkLoadCatalogDatabase(config(), catalog);
    const variants = catalog.products.reduce((n, p) => n + p.variants.length, 0);
    expect(result).toMatchObject({ categories: catalog.categories.length, products: COUNT, variants });
    const counts = await pg.db.query<{ products: string; variants: string; stock: string; docs: string }>(
      `SELECT (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM product_variants) AS variants,
              (SELECT count(*) FROM variant_availability) AS stock, (SELECT count(*) FROM search_documents) AS docs`,
    );
    expect(counts.rows[0]).toEqual({
      products: String(COUNT),
      variants: String(variants),
      stock: String(variants),
      docs: String(COUNT),
    });
    // A second load into the same database is refused rather than doubling or half-writing the catalog.
    await expect(bulkLoadCatalogDatabase(config(), catalog)).rejects.toThrow(/without products/);

    // The service starts on it without seeding the demo catalog over it, and reads and searches the loaded rows.
    service = await createService(config(), { bus, logger: testLogger });
    const url = `http://127.0.0.1:${await service.subgraph.app.listen(0, '127.0.0.1')}/graphql`;
    const sample = catalog.products[COUNT - 1]!;
    const read = await gql<{
      product: { id: string; variants: { sku: string }[]; category: { handle: string } };
    }>(
      url,
      `query($h: String) { product(handle: $h) { id variants { sku } category { handle } } }`,
      { h: sample.handle },
      identityHeaders(anonymous, 'catalog'),
    );
    expect(read.body.data!.product).toEqual({
      id: sample.id,
      variants: sample.variants.map((v) => ({ sku: v.sku })),
      category: { handle: sample.categoryHandle },
    });
    const search = await gql<{ search: { totalCount: number; nodes: { title: string }[] } }>(
      url,
      `query($q: String!) { search(query: $q, first: 5) { totalCount nodes { title } } }`,
      { q: sample.title },
      identityHeaders(anonymous, 'catalog'),
    );
    expect(search.body.data!.search.nodes.map((n) => n.title)).toContain(sample.title);
    const total = await pg.db.query<{ n: string }>('SELECT count(*) AS n FROM products');
    expect(Number(total.rows[0]!.n)).toBe(COUNT);
  });
});
