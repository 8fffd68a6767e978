// Benchmarks for issue 3: login throughput at the chosen argon2id cost, and session resolution per request
// with a Redis hit against a DynamoDB miss. Uses REDIS_URL (default local) and DYNAMODB_ENDPOINT (else starts
// DynamoDB Local): `cd subgraphs/users && npx tsx bench/auth-bench.ts`
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { hashToken, SessionStore, sessionTables } from '@shop/auth';
import { createLogger } from '@shop/common';
import { createCache, createDynamo, ensureTables, startDynamoLocal, type Cache } from '@shop/datastores';
import argon2 from 'argon2';
import { ARGON2_OPTIONS } from '../src/domain/passwords';

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const logger = createLogger('bench', 'silent');
  const results: Record<string, unknown> = {};

  // 1. Password verification, the cost that bounds login throughput (one verify per login).
  const hash = await argon2.hash('violet-harbour-lantern-42', ARGON2_OPTIONS);
  const verifyTimes: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await argon2.verify(hash, 'violet-harbour-lantern-42');
    verifyTimes.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  const concurrent = performance.now();
  await Promise.all(Array.from({ length: 40 }, () => argon2.verify(hash, 'violet-harbour-lantern-42')));
  results.argon2id = {
    params: 'm=19456 KiB, t=2, p=1',
    verifyMsP50: percentile(verifyTimes, 50).toFixed(1),
    verifyMsP99: percentile(verifyTimes, 99).toFixed(1),
    loginsPerSecondSerial: (40 / seconds).toFixed(1),
    loginsPerSecondConcurrent: (40 / ((performance.now() - concurrent) / 1000)).toFixed(1),
  };

  // 2. Session resolution: a Redis hit against a DynamoDB read (cache disabled).
  const local = process.env.DYNAMODB_ENDPOINT ? undefined : await startDynamoLocal({ port: 18766 });
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? local!.endpoint;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  {
    const prefix = `bench${randomBytes(3).toString('hex')}_`;
    const dynamo = createDynamo({ endpoint, region: 'us-east-1' });
    await ensureTables(dynamo.client, sessionTables(prefix));
    const cache = createCache({ redisUrl, logger });
    const cached = new SessionStore(dynamo, cache, prefix);
    // A cache that never keeps anything: every resolve reads DynamoDB.
    const none: Cache = {
      get: async () => undefined,
      set: async () => undefined,
      del: async () => undefined,
      setUnless: async () => false,
      close: async () => undefined,
    };
    const noCache = new SessionStore(dynamo, none, prefix);
    const { token } = await cached.create({
      customerId: 'bench',
      role: 'CUSTOMER',
      rememberMe: false,
      device: null,
    });
    await cached.resolve(token);
    const time = async (store: SessionStore) => {
      const xs: number[] = [];
      for (let i = 0; i < 500; i++) {
        const t = performance.now();
        await store.resolve(token);
        xs.push(performance.now() - t);
      }
      return { p50: percentile(xs, 50).toFixed(3), p99: percentile(xs, 99).toFixed(3) };
    };
    results.sessionResolveMs = { redisHit: await time(cached), dynamoMiss: await time(noCache) };
    await cached.revoke(hashToken(token));
    await cache.close();
    dynamo.client.destroy();
  }
  await local?.stop();
  console.log(JSON.stringify(results, null, 2));
}

void main();
