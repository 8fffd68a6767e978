// Expiring counters and flags for login throttling: Redis when configured, in-process otherwise.
import type Redis from 'ioredis';

export interface CounterStore {
  /** Adds one and returns the new count; the window starts at the first increment. */
  incr(key: string, windowSeconds: number): Promise<number>;
  /** Takes one back (a place held by an attempt in progress); a count that has expired stays gone. */
  decr(key: string): Promise<void>;
  get(key: string): Promise<number>;
  setFlag(key: string, ttlSeconds: number): Promise<void>;
  hasFlag(key: string): Promise<boolean>;
  del(...keys: string[]): Promise<void>;
}

export class RedisCounterStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async incr(key: string, windowSeconds: number): Promise<number> {
    const full = this.prefix + key;
    const results = await this.redis.multi().incr(full).expire(full, windowSeconds, 'NX').exec();
    const count = results?.[0]?.[1];
    return typeof count === 'number' ? count : Number(count ?? 0);
  }

  async decr(key: string): Promise<void> {
    // Only while the key lives: DECR on an expired key would leave a -1 with no expiry.
    await this.redis.eval(
      "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0",
      1,
      this.prefix + key,
    );
  }

  async get(key: string): Promise<number> {
    return Number((await this.redis.get(this.prefix + key)) ?? 0);
  }

  async setFlag(key: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async hasFlag(key: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + key)) === 1;
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((k) => this.prefix + k));
  }
}

export class MemoryCounterStore implements CounterStore {
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async incr(key: string, windowSeconds: number): Promise<number> {
    const entry = this.live(key) ?? { value: 0, expiresAt: this.now() + windowSeconds * 1000 };
    entry.value += 1;
    this.entries.set(key, entry);
    return entry.value;
  }

  async decr(key: string): Promise<void> {
    const entry = this.live(key);
    if (entry) entry.value -= 1;
  }

  async get(key: string): Promise<number> {
    return this.live(key)?.value ?? 0;
  }

  async setFlag(key: string, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value: 1, expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async hasFlag(key: string): Promise<boolean> {
    return this.live(key) !== undefined;
  }

  async del(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }
}
