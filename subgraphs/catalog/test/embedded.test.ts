import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBus } from '@shop/datastores';
import { TEST_SECRET, anonymous, gql, identityHeaders, testLogger } from '@shop/testkit';
import { demoCatalog } from '@shop/demo-data';
import { loadConfig } from '../src/config';
import { createService } from '../src/service';
import { reindexCatalog } from '../src/reindex';

describe('catalog on PGlite (embedded mode)', () => {
  it('When it starts empty with SEED_DEMO_DATA, then it seeds and indexes, finds a misspelt query, rebuilds the index, and seeds only once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-pglite-'));
    const config = loadConfig({
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      BEHAVIOUR_ENABLED: 'false',
    });
    try {
      let service = await createService(config, { bus: new InProcessBus(testLogger), logger: testLogger });
      const port = await service.subgraph.app.listen(0, '127.0.0.1');
      const result = await gql<{ search: { totalCount: number }; products: { totalCount: number } }>(
        `http://127.0.0.1:${port}/graphql`,
        `{ search(query: "runnign shoes", first: 5) { totalCount } products(first: 1) { totalCount } }`,
        {},
        identityHeaders(anonymous, 'catalog'),
      );
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data!.products.totalCount).toBe(demoCatalog().products.length);
      expect(result.body.data!.search.totalCount).toBeGreaterThan(0);
      await service.close();

      await reindexCatalog(config, testLogger);
      service = await createService(config, { bus: new InProcessBus(testLogger), logger: testLogger });
      const count = await service.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM products`);
      expect(count.rows[0]!.n).toBe(demoCatalog().products.length);
      await service.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
