// Postgres restarted under load: a private cluster under /tmp that the test really stops and starts again.
import { privatePostgres, waitFor, type PrivateServer } from '@shop/testkit';
import { pgDatabase, type SqlDatabase } from '../src';

describe('Postgres restarted under load', () => {
  let pg: PrivateServer;
  let db: SqlDatabase;

  beforeAll(async () => {
    pg = await privatePostgres();
    await pg.start();
    db = pgDatabase({ connectionString: pg.url });
    await db.query('CREATE TABLE pairs (pair int NOT NULL, half int NOT NULL, PRIMARY KEY (pair, half))');
  });

  afterAll(async () => {
    await db?.close();
    await pg?.destroy();
  });

  it('When Postgres restarts while transactions run, then every request settles, the pool reconnects, and no transaction is half written', async () => {
    let next = 0;
    let running = true;
    const outcomes = { ok: 0, failed: 0 };
    // Eight writers, each transaction two rows: both commit or neither.
    const writers = Array.from({ length: 8 }, async () => {
      while (running) {
        const pair = next++;
        try {
          await db.transaction(async (tx) => {
            await tx.query('INSERT INTO pairs (pair, half) VALUES ($1, 1)', [pair]);
            await tx.query('SELECT pg_sleep(0.005)');
            await tx.query('INSERT INTO pairs (pair, half) VALUES ($1, 2)', [pair]);
          });
          outcomes.ok++;
        } catch {
          outcomes.failed++;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    });
    await waitFor(() => outcomes.ok >= 50, 30_000, 'writes before the restart');
    await pg.stop();
    await waitFor(() => outcomes.failed > 0, 30_000, 'writes to fail while Postgres is down');
    await pg.start();
    const okBefore = outcomes.ok;
    await waitFor(
      () => outcomes.ok >= okBefore + 50,
      30_000,
      'writes after the restart, on reconnected clients',
    );
    running = false;
    // Every writer's request settled (none hangs): the loops end.
    await Promise.all(writers);
    const { rows } = await db.query<{ pair: number; n: number }>(
      'SELECT pair, count(*)::int AS n FROM pairs GROUP BY pair HAVING count(*) <> 2',
    );
    expect(rows).toEqual([]);
    expect(outcomes.failed).toBeGreaterThan(0);
  });
});
