// The cache port: Redis when configured, in-process otherwise. A cache is never the source of truth,
// so every failure here is a miss, never an error.
import Redis from 'ioredis';
import { cacheRequests, datastoreDuration, timed, type Logger } from '@shop/common';

const redisTimed = <T>(operation: string, run: () => Promise<T>) =>
  timed(datastoreDuration, { db_system_name: 'redis', db_operation_name: operation }, run);

export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /**
   * Sets `key` unless `guardKey` exists, in one atomic step, and says whether it did: a reader caching what it
   * loaded cannot overwrite a revocation that landed after its read (the revoker writes the guard first).
   * A cache failure answers false, as a miss would.
   */
  setUnless(key: string, value: unknown, ttlSeconds: number, guardKey: string): Promise<boolean>;
  close(): Promise<void>;
}

export class MemoryCache implements Cache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  constructor(private readonly maxEntries = 50_000) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= Date.now()) {
      if (entry) this.entries.delete(key);
      cacheRequests.inc({ result: 'miss' });
      return undefined;
    }
    cacheRequests.inc({ result: 'hit' });
    return JSON.parse(entry.value) as T;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // Stored serialised so a caller mutating its object cannot change the cached copy.
    this.entries.set(key, { value: JSON.stringify(value), expiresAt: Date.now() + ttlSeconds * 1000 });
  }

  async del(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  // The check and the write run with no await between them: atomic on the one thread.
  async setUnless(key: string, value: unknown, ttlSeconds: number, guardKey: string): Promise<boolean> {
    const guard = this.entries.get(guardKey);
    if (guard && guard.expiresAt > Date.now()) return false;
    void this.set(key, value, ttlSeconds);
    return true;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

export class RedisCache implements Cache {
  private firstConnect: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly prefix = '',
  ) {
    // Until the first connection, wait for it (briefly) rather than miss; after that, an outage fails fast.
    this.firstConnect = firstConnection(redis, 1000).then(() => {
      this.firstConnect = undefined;
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    await this.firstConnect;
    try {
      const raw = await redisTimed('GET', () => this.redis.get(this.prefix + key));
      cacheRequests.inc({ result: raw === null ? 'miss' : 'hit' });
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch (error) {
      cacheRequests.inc({ result: 'error' });
      this.logger.warn({ err: error }, 'cache read failed; reading the source of truth');
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.firstConnect;
    try {
      await redisTimed('SET', () =>
        this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', Math.max(1, Math.ceil(ttlSeconds))),
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'cache write failed');
    }
  }

  /**
   * Invalidation must not be lost silently: a failed delete is retried once, then reported,
   * and the entry's TTL bounds how long it can be stale.
   */
  async del(...keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.firstConnect;
    const full = keys.map((k) => this.prefix + k);
    try {
      await redisTimed('DEL', () => this.redis.del(...full));
    } catch {
      try {
        await this.redis.del(...full);
      } catch (error) {
        this.logger.error({ err: error, keys }, 'cache invalidation failed');
      }
    }
  }

  async setUnless(key: string, value: unknown, ttlSeconds: number, guardKey: string): Promise<boolean> {
    await this.firstConnect;
    try {
      const written = await redisTimed('EVAL', () =>
        this.redis.eval(
          SET_UNLESS_SCRIPT,
          2,
          this.prefix + key,
          this.prefix + guardKey,
          JSON.stringify(value),
          Math.max(1, Math.ceil(ttlSeconds)),
        ),
      );
      return written === 1;
    } catch (error) {
      this.logger.warn({ err: error }, 'cache write failed');
      return false;
    }
  }

  /** Ends the connection once its replies are in (QUIT), so no socket outlives the cache. */
  async close(): Promise<void> {
    try {
      if (this.redis.status === 'ready') await this.redis.quit();
    } catch {
      // already closing
    }
    this.redis.disconnect();
  }
}

/** KEYS: the entry, its guard; ARGV: the value, its TTL in seconds. */
const SET_UNLESS_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1`;

/**
 * Resolves once `redis` has connected for the first time, or after `ms`: commands sent before the first
 * connection would fail at once (no offline queue), and start-up is not an outage.
 */
export function firstConnection(redis: Redis, ms = 2000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
    redis.once('ready', done);
  });
}

/**
 * Redis that fails fast when down (no offline queue), so a read falls through to the datastore at once.
 * autoPipelining: commands issued in one tick go out in one write (a cache serving many requests at once sends
 * its GETs together rather than a syscall each); for a connection that runs only non-blocking commands.
 */
export function connectRedis(url: string, options: { autoPipelining?: boolean } = {}): Redis {
  const redis = new Redis(url, {
    enableAutoPipelining: options.autoPipelining ?? false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: 2000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  redis.on('error', () => undefined);
  return redis;
}

/** Keys under a prefix of a shared cache; closing it leaves the shared store alone. */
class PrefixedCache implements Cache {
  constructor(
    private readonly inner: Cache,
    private readonly prefix: string,
  ) {}
  get<T>(key: string) {
    return this.inner.get<T>(this.prefix + key);
  }
  set(key: string, value: unknown, ttlSeconds: number) {
    return this.inner.set(this.prefix + key, value, ttlSeconds);
  }
  del(...keys: string[]) {
    return this.inner.del(...keys.map((k) => this.prefix + k));
  }
  setUnless(key: string, value: unknown, ttlSeconds: number, guardKey: string) {
    return this.inner.setUnless(this.prefix + key, value, ttlSeconds, this.prefix + guardKey);
  }
  async close() {}
}

/**
 * Without Redis, every service in the process shares one in-memory store, as they would share
 * Redis: a logout in the users service is seen by the gateway's session cache at once.
 */
const processCache = new MemoryCache(200_000);

export function createCache(options: { redisUrl?: string; logger: Logger; prefix?: string }): Cache {
  if (!options.redisUrl) return new PrefixedCache(processCache, options.prefix ?? '');
  return new RedisCache(
    connectRedis(options.redisUrl, { autoPipelining: true }),
    options.logger,
    options.prefix ?? '',
  );
}
