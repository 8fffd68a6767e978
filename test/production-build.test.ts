// The production build: the gateway and a subgraph built to dist/, laid out as the Dockerfile's runtime stage lays
// them out, with the production dependencies npm installs from the lockfile and nothing else, started and queried.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createTestDatabase, freePort, gql, testDynamo, TEST_SECRET, type TestDatabase } from '@shop/testkit';
import { buildAll, ROOT, stageRuntime } from '../scripts/build';
import { contextCopies } from './dockerfile';

const started: ChildProcess[] = [];
let app: string;
let database: TestDatabase;

/** Starts a built service as the image's CMD does, with only the environment given (no NODE_PATH, no dev tools). */
async function startBuilt(service: string, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ['--enable-source-maps', `dist/${service}/index.js`], {
    cwd: app,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${service} exited (${child.exitCode}): ${output.slice(-3000)}`);
    if (Date.now() > deadline)
      throw new Error(`${service} did not answer /health within 60 s: ${output.slice(-3000)}`);
    const ok = await fetch(`http://127.0.0.1:${env.PORT}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'shop-image-'));
  // The manifests stage: the lockfile and every workspace manifest, then `npm ci --omit=dev` (the cache
  // the root install filled serves it).
  for (const { source, destination } of contextCopies('manifests')) {
    const target = destination.endsWith('/')
      ? join(app, destination, source.split('/').at(-1)!)
      : join(app, destination, source);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(ROOT, source), target);
  }
  const install = spawnSync(
    'npm',
    ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  if (install.status !== 0) throw new Error(`npm ci --omit=dev failed: ${install.stderr}`);
  // The build stage: npm run build, then dist/ and the run-time files copied into the image's /app.
  const dist = join(app, '.build');
  await buildAll(dist);
  stageRuntime(app, dist);
  rmSync(dist, { recursive: true, force: true });
  database = await createTestDatabase('production_build');
}, 300_000);

afterAll(async () => {
  for (const child of started) child.kill('SIGTERM');
  await Promise.all(
    started.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)),
  );
  await database?.drop();
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('Production build', () => {
  it('When the production dependencies are installed from the lockfile, then no development tool is among them', () => {
    // Looked for where npm would place them: hoisted, or under the workspace that declares them (infra's CDK).
    const present = ['typescript', 'tsx', 'esbuild', 'jest', '@swc/core', 'aws-cdk-lib', 'aws-cdk', 'cdk-nag']
      .flatMap((dev) => [join('node_modules', dev), join('infra', 'node_modules', dev)])
      .filter((path) => existsSync(join(app, path)));
    expect(present).toEqual([]);
    expect(existsSync(join(app, 'node_modules', '@apollo', 'gateway'))).toBe(true);
  });

  it('When the built gateway and shipping subgraph run from dist/ on production dependencies only, then a query through the gateway is answered from Postgres', async () => {
    const shippingPort = await freePort();
    await startBuilt('shipping', {
      PORT: String(shippingPort),
      DATABASE_URL: database.url,
      INTERNAL_AUTH_SECRET: TEST_SECRET,
    });
    const health = await fetch(`http://127.0.0.1:${shippingPort}/health`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'shipping' });

    const { endpoint, prefix } = testDynamo();
    const gatewayPort = await freePort();
    await startBuilt('gateway', {
      PORT: String(gatewayPort),
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      DYNAMODB_ENDPOINT: endpoint,
      DYNAMODB_TABLE_PREFIX: prefix,
      SUBGRAPH_SHIPPING_URL: `http://127.0.0.1:${shippingPort}/graphql`,
    });
    // The migrations ran from the files beside the build: the shipping tables exist.
    const tables = await database.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = 'shipments'`,
    );
    expect(tables.rows[0]?.n).toBe('1');

    const answer = await gql<{ trackShipment: unknown }>(
      `http://127.0.0.1:${gatewayPort}/graphql`,
      '{ trackShipment(trackingNumber: "1ZNOSUCHNUMBER") { trackingNumber } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: { trackShipment: null },
      // Every answer publishes its cost: the field's weight, asked and spent.
      extensions: { cost: expect.objectContaining({ requestedQueryCost: 1, actualQueryCost: 1 }) },
    });
  });
});
