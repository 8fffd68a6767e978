// Leaky buckets of query cost, one per caller, shared by every gateway instance: in Redis, where one Lua script
// refills and takes in a single atomic step on Redis's own clock; in process when embedded.
import type { Logger } from '@shop/common';
import { firstConnection, type connectRedis } from '@shop/datastores';

type Redis = ReturnType<typeof connectRedis>;

export interface BucketTerms {
  /** The most the bucket holds: the largest burst. */
  maximumAvailable: number;
  /** What it regains per second. */
  restoreRate: number;
}

export interface Taken extends BucketTerms {
  admitted: boolean;
  /** What is left after this request (or, when refused, what there was). */
  currentlyAvailable: number;
  /** When refused: the milliseconds until the cost fits. */
  retryAfterMs: number;
}

export interface Buckets {
  /**
   * Takes `cost` from the bucket `key` if it holds that much; never a part of it. A cost of 0 reads the bucket;
   * a negative cost gives back (a refund of what a request was charged and did not use), never beyond the
   * maximum, in the same atomic step. Null when the store cannot be reached: the request is then admitted (an
   * outage of the buckets must not stop the shop).
   */
  take(key: string, cost: number, terms: BucketTerms): Promise<Taken | null>;
}

/**
 * KEYS[1]: the bucket (a hash of `a`, what it holds, and `t`, when, in ms); ARGV: maximum, rate per second, cost
 * (negative: a refund, capped at the maximum).
 * Returns admitted (1|0), what it holds after (a string: Lua numbers become integers on the way out), the wait in ms.
 */
const TAKE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local maximum = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'a', 't')
local available = tonumber(state[1])
local last = tonumber(state[2])
if available == nil or last == nil then
  available = maximum
  last = now
end
available = math.min(maximum, available + math.max(0, now - last) * rate / 1000)
local admitted = 0
local wait = 0
if cost <= available then
  available = math.min(maximum, available - cost)
  admitted = 1
else
  wait = math.ceil((cost - available) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'a', tostring(available), 't', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((maximum - available) * 1000 / rate) + 1000)
return { admitted, tostring(available), wait }`;

export class RedisBuckets implements Buckets {
  private firstConnect: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.redis.defineCommand('shopTakeCost', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    // Commands sent before the first connection fail at once (no offline queue): wait for it, briefly.
    this.firstConnect = firstConnection(redis, 2000).then(() => {
      this.firstConnect = undefined;
    });
  }

  async take(key: string, cost: number, terms: BucketTerms): Promise<Taken | null> {
    await this.firstConnect;
    const run = (
      this.redis as unknown as Record<string, (...args: unknown[]) => Promise<[number, string, number]>>
    ).shopTakeCost!;
    try {
      const [admitted, available, wait] = await run.call(
        this.redis,
        this.prefix + key,
        terms.maximumAvailable,
        terms.restoreRate,
        cost,
      );
      return {
        ...terms,
        admitted: admitted === 1,
        currentlyAvailable: Number(available),
        retryAfterMs: wait,
      };
    } catch (error) {
      this.logger.warn({ err: error }, 'the cost buckets cannot be reached; admitting without throttling');
      return null;
    }
  }
}

/** The same arithmetic in process, for a gateway with no Redis (one process: nothing else shares it). */
export class MemoryBuckets implements Buckets {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxBuckets = 100_000,
  ) {}

  async take(key: string, cost: number, terms: BucketTerms): Promise<Taken> {
    const now = this.now();
    const state = this.buckets.get(key) ?? { available: terms.maximumAvailable, at: now };
    let available = Math.min(
      terms.maximumAvailable,
      state.available + (Math.max(0, now - state.at) * terms.restoreRate) / 1000,
    );
    const admitted = cost <= available;
    if (admitted) available = Math.min(terms.maximumAvailable, available - cost);
    this.buckets.delete(key);
    if (this.buckets.size >= this.maxBuckets) {
      // Maps iterate in insertion order: the bucket untouched longest goes (a full one, most likely).
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    this.buckets.set(key, { available, at: now });
    return {
      ...terms,
      admitted,
      currentlyAvailable: available,
      retryAfterMs: admitted ? 0 : Math.ceil(((cost - available) * 1000) / terms.restoreRate),
    };
  }
}
