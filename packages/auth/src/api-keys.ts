// The cache entries of partner API keys, shared by the gateway (which caches a resolved key) and the users
// service (which revokes keys).
import { createHash } from 'node:crypto';
import type { Cache } from '@shop/datastores';

/** How long the gateway keeps a resolved key. */
export const API_KEY_CACHE_SECONDS = 60;

/**
 * A revoked key stays revoked in the database; the tombstone need only outlive a resolve in flight (bounded by
 * the service call's timeout), and a day is far beyond that.
 */
const API_KEY_TOMBSTONE_SECONDS = 24 * 3600;

export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const entryKey = (hash: string) => `apikey:${hash}`;
const revokedKey = (hash: string) => `apikey-revoked:${hash}`;

export async function cachedApiKey<T>(cache: Cache, hash: string): Promise<T | undefined> {
  return cache.get<T>(entryKey(hash));
}

/** False when the key was revoked after the users service read it: the caller is then refused. */
export async function cacheApiKey(cache: Cache, hash: string, value: unknown): Promise<boolean> {
  if (await cache.setUnless(entryKey(hash), value, API_KEY_CACHE_SECONDS, revokedKey(hash))) return true;
  return (await cache.get(revokedKey(hash))) === undefined;
}

/** The tombstone first, then the entry: a resolve in flight cannot cache the key again. */
export async function forgetApiKey(cache: Cache, hash: string): Promise<void> {
  await cache.set(revokedKey(hash), 1, API_KEY_TOMBSTONE_SECONDS);
  await cache.del(entryKey(hash));
}

/**
 * Drops the gateway's cached copy of a live key whose terms changed, so the next request reads them again. A
 * resolve in flight at that moment (one service call) may still cache the terms it read, for at most
 * API_KEY_CACHE_SECONDS.
 */
export async function forgetApiKeyTerms(cache: Cache, hash: string): Promise<void> {
  await cache.del(entryKey(hash));
}
