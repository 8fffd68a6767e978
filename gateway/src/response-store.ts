// Where the response cache keeps its answers: in Redis, shared by every gateway instance (each step one Lua script,
// atomic), or in process when embedded. Entries are tagged by the entities they hold; a purge of a tag deletes its
// entries and marks the tag purged at a sequence number, so an answer read before the purge is never stored after it.
import type { Logger } from '@shop/common';
import { firstConnection, type connectRedis } from '@shop/datastores';

type Redis = ReturnType<typeof connectRedis>;

export interface Lookup {
  /** The stored entry, or null. */
  entry: string | null;
  /** The purge sequence when looked up: a store refuses the answer if one of its tags was purged since. */
  sequence: number;
}

export interface ResponseStore {
  lookup(key: string): Promise<Lookup>;
  /** The purge sequence now (for a request that did not look up first). */
  sequence(): Promise<number>;
  /** Stores unless a tag was purged after `seen`; resolves whether it stored. */
  store(key: string, entry: string, tags: string[], ttlMs: number, seen: number): Promise<boolean>;
  /** Deletes every entry tagged with one of `tags`. */
  purge(tags: string[]): Promise<void>;
}

/** How long a purge is remembered: longer than any request takes between its lookup and its store. */
const PURGE_MEMORY_MS = 5 * 60_000;

/** KEYS: the sequence, then each tag's set, then each tag's purge mark; ARGV: seen, ttl ms, entry key, entry. */
const STORE_SCRIPT = `
local n = (#KEYS - 1) / 2
for i = 1, n do
  local mark = tonumber(redis.call('GET', KEYS[1 + n + i]) or '0')
  if mark > tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', ARGV[3], ARGV[4], 'PX', ARGV[2])
for i = 1, n do
  redis.call('SADD', KEYS[1 + i], ARGV[3])
  if redis.call('PTTL', KEYS[1 + i]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1 + i], ARGV[2]) end
end
return 1`;

/** KEYS: the sequence, then each tag's set, then each tag's purge mark; ARGV: how long a mark lasts (ms). */
const PURGE_SCRIPT = `
local n = (#KEYS - 1) / 2
local seq = redis.call('INCR', KEYS[1])
for i = 1, n do
  local members = redis.call('SMEMBERS', KEYS[1 + i])
  for j = 1, #members, 500 do
    redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', KEYS[1 + i])
  redis.call('SET', KEYS[1 + n + i], seq, 'PX', ARGV[1])
end
return seq`;

type Scripted = Record<string, (...args: unknown[]) => Promise<number>>;

export class RedisResponseStore implements ResponseStore {
  private firstConnect: Promise<void> | undefined;
  private readonly sequenceKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.sequenceKey = `${prefix}sequence`;
    redis.defineCommand('shopResponseStore', { lua: STORE_SCRIPT });
    redis.defineCommand('shopResponsePurge', { lua: PURGE_SCRIPT });
    this.firstConnect = firstConnection(redis, 2000).then(() => {
      this.firstConnect = undefined;
    });
  }

  private tagKeys(tags: string[]): string[] {
    return [...tags.map((t) => `${this.prefix}tag:${t}`), ...tags.map((t) => `${this.prefix}purged:${t}`)];
  }

  async lookup(key: string): Promise<Lookup> {
    await this.firstConnect;
    const [entry, sequence] = await this.redis.mget(`${this.prefix}entry:${key}`, this.sequenceKey);
    return { entry: entry ?? null, sequence: Number(sequence ?? 0) };
  }

  async sequence(): Promise<number> {
    await this.firstConnect;
    return Number((await this.redis.get(this.sequenceKey)) ?? 0);
  }

  async store(key: string, entry: string, tags: string[], ttlMs: number, seen: number): Promise<boolean> {
    const keys = [this.sequenceKey, ...this.tagKeys(tags)];
    const stored = await (this.redis as unknown as Scripted).shopResponseStore!.call(
      this.redis,
      keys.length,
      ...keys,
      seen,
      ttlMs,
      `${this.prefix}entry:${key}`,
      entry,
    );
    return stored === 1;
  }

  async purge(tags: string[]): Promise<void> {
    if (!tags.length) return;
    await this.firstConnect;
    const keys = [this.sequenceKey, ...this.tagKeys(tags)];
    await (this.redis as unknown as Scripted).shopResponsePurge!.call(
      this.redis,
      keys.length,
      ...keys,
      PURGE_MEMORY_MS,
    );
    this.logger.debug({ tags }, 'response cache purged');
  }
}

/** The same in process, for a gateway with no Redis; the least recently stored entries go past `maxEntries`. */
export class MemoryResponseStore implements ResponseStore {
  private readonly entries = new Map<string, { entry: string; expires: number; tags: string[] }>();
  private readonly tagged = new Map<string, Set<string>>();
  private readonly purged = new Map<string, { at: number; expires: number }>();
  private current = 0;

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async lookup(key: string): Promise<Lookup> {
    const found = this.entries.get(key);
    if (found && found.expires <= this.now()) this.remove(key);
    return { entry: found && found.expires > this.now() ? found.entry : null, sequence: this.current };
  }

  async sequence(): Promise<number> {
    return this.current;
  }

  async store(key: string, entry: string, tags: string[], ttlMs: number, seen: number): Promise<boolean> {
    const now = this.now();
    for (const tag of tags) {
      const mark = this.purged.get(tag);
      if (mark && mark.expires > now && mark.at > seen) return false;
    }
    this.remove(key);
    if (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value!);
    this.entries.set(key, { entry, expires: now + ttlMs, tags });
    for (const tag of tags) {
      let keys = this.tagged.get(tag);
      if (!keys) this.tagged.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return true;
  }

  async purge(tags: string[]): Promise<void> {
    if (!tags.length) return;
    const now = this.now();
    this.current += 1;
    for (const [tag, mark] of this.purged) if (mark.expires <= now) this.purged.delete(tag);
    for (const tag of tags) {
      for (const key of this.tagged.get(tag) ?? []) this.remove(key);
      this.tagged.delete(tag);
      this.purged.set(tag, { at: this.current, expires: now + PURGE_MEMORY_MS });
    }
  }

  private remove(key: string): void {
    const found = this.entries.get(key);
    if (!found) return;
    this.entries.delete(key);
    for (const tag of found.tags) {
      const keys = this.tagged.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.tagged.delete(tag);
    }
  }
}
