// SIGTERM to the cart as it runs in production: its own process, started from its real entry point (src/index.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  anonymous,
  freePort,
  identityHeaders,
  TEST_SECRET,
  testDynamo,
  testRedisUrl,
  waitFor,
} from '@shop/testkit';

const ROOT = join(__dirname, '..', '..', '..');

describe('Cart process stopping on SIGTERM', () => {
  let child: ChildProcess;
  let base: string;
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    const port = await freePort();
    const { endpoint, prefix, dynamo } = testDynamo();
    dynamo.client.destroy();
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'subgraphs', 'cart', 'src', 'index.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_OPTIONS: '',
        INTERNAL_AUTH_SECRET: TEST_SECRET,
        DYNAMODB_ENDPOINT: endpoint,
        DYNAMODB_TABLE_PREFIX: prefix,
        REDIS_URL: testRedisUrl(),
        EVENT_STREAM: `test:events:${randomUUID()}`,
        SEED_DEMO_DATA: 'false',
        PORT: String(port),
        LOG_LEVEL: 'silent',
        // /ready answers 503 for this long before the listener closes, as a load balancer needs to stop routing.
        SHUTDOWN_DELAY_MS: '1000',
        SHUTDOWN_GRACE_MS: '30000',
        // One request in flight at a time: a second one answering 503 shows the first is being served.
        MAX_IN_FLIGHT_REQUESTS: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    base = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => (await fetch(`${base}/ready`).catch(() => null))?.status === 200,
      90_000,
      'the cart to be ready',
    );
  }, 120_000);

  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('When it gets SIGTERM, then /ready turns 503, the request in flight is answered, and the process exits 0', async () => {
    const body = JSON.stringify({ query: 'mutation { cartCreate { cart { id totalQuantity } } }' });
    const half = Math.floor(body.length / 2);
    let inFlightRequest: ReturnType<typeof request> | undefined;
    // A request whose body is still arriving: in flight until the test sends the rest.
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${base}/graphql`,
        {
          method: 'POST',
          headers: {
            ...identityHeaders(anonymous, 'cart'),
            'content-length': String(Buffer.byteLength(body)),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, half));
      inFlightRequest = req;
    });
    const other = () =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: identityHeaders(anonymous, 'cart'),
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((r) => r.status);
    await waitFor(async () => (await other()) === 503, 30_000, 'the slow request to be in flight');

    child.kill('SIGTERM');
    await waitFor(
      async () => (await fetch(`${base}/ready`).catch(() => null))?.status === 503,
      10_000,
      '/ready to turn 503',
    );
    const ready = await fetch(`${base}/ready`);
    expect(await ready.json()).toEqual({ status: 'draining' });

    inFlightRequest!.end(body.slice(half));
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      data: { cartCreate: { cart: { id: expect.any(String), totalQuantity: 0 } } },
    });

    // It exits by itself, with success, before the grace period would cut anything.
    expect(await exit).toEqual({ code: 0, signal: null });
    await expect(fetch(`${base}/ready`)).rejects.toThrow();
  }, 120_000);
});
