import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientOptions } from '@shop/common';
import { SnsSqsBus } from '@shop/datastores';
import {
  createTestDatabase,
  freePort,
  sesSentTo,
  testAws,
  testLogger,
  verifySesSender,
  waitFor,
  type TestDatabase,
} from '@shop/testkit';
import { insertPaidOrder } from './paid-order';
import { NOTIFICATIONS_CONSUMER, NOTIFICATION_TOPICS } from '../src/notifications';

const ROOT = join(__dirname, '..', '..', '..');
const aws = testAws();

let db: TestDatabase;
let child: ChildProcess | undefined;
let bus: SnsSqsBus;

beforeAll(async () => {
  db = await createTestDatabase('orders_aws_process');
  await verifySesSender(aws.endpoint, 'no-reply@shop.local');
  bus = new SnsSqsBus(
    {
      region: aws.region,
      snsEndpoint: aws.endpoint,
      sqsEndpoint: aws.endpoint,
      topicName: `${aws.prefix}events`,
      queuePrefix: aws.prefix,
    },
    testLogger,
  );
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await bus?.close();
  await db?.drop();
});

describe('the orders service as its own process on AWS services (moto)', () => {
  it('When production names its secrets by ARN and EVENT_BUS=aws, then it starts, emails a paid order through SES from its queue, logs no secret and stops cleanly', async () => {
    const secrets = new SecretsManagerClient(awsClientOptions(aws.region, aws.endpoint));
    const values = {
      INTERNAL_AUTH_SECRET: `internal-${randomUUID()}-${randomUUID()}`,
      STRIPE_SECRET_KEY: `sk_test_${randomUUID().replace(/-/g, '')}`,
      STRIPE_WEBHOOK_SECRET: `whsec_${randomUUID().replace(/-/g, '')}`,
    };
    const arns: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      const out = await secrets.send(
        new CreateSecretCommand({ Name: `${aws.prefix}${name}`, SecretString: value }),
      );
      arns[`${name}_ARN`] = out.ARN!;
    }
    secrets.destroy();

    const port = await freePort();
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'subgraphs', 'orders', 'src', 'index.ts')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          LOG_LEVEL: 'debug',
          PORT: String(port),
          DATABASE_URL: db.url,
          RECONCILE_INTERVAL_MS: '0',
          RENEWAL_INTERVAL_MS: '0',
          ...arns,
          AWS_REGION: aws.region,
          AWS_ENDPOINT_URL: aws.endpoint,
          EVENT_BUS: 'aws',
          EVENT_TOPIC: `${aws.prefix}events`,
          EVENT_QUEUE_PREFIX: aws.prefix,
          EVENT_WAIT_SECONDS: '1',
          SES_REGION: aws.region,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    let output = '';
    proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    await waitFor(
      () => output.includes('orders subgraph listening') || proc.exitCode !== null,
      60_000,
      'the service to listen',
    );
    expect(proc.exitCode).toBeNull();

    // A paid order, and its order.paid on the topic (the queue is made now if the service has not made it yet).
    const email = `${aws.prefix}process@example.com`;
    const order = await insertPaidOrder(db.db, email);
    await bus.provision(NOTIFICATIONS_CONSUMER, NOTIFICATION_TOPICS);
    await bus.publish([
      {
        id: randomUUID(),
        topic: 'order.paid',
        source: 'orders',
        occurredAt: new Date().toISOString(),
        payload: { orderId: order.id },
      },
    ]);

    await waitFor(
      async () => (await sesSentTo(aws.endpoint, email)).length > 0,
      30_000,
      'the confirmation through SES',
    );
    expect((await sesSentTo(aws.endpoint, email))[0]!.subject).toContain(`#${order.number}`);

    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const value of Object.values(values)) expect(output).not.toContain(value);
  });
});
