import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { createCache } from '@shop/datastores';
import { testLogger, testRedisUrl } from '@shop/testkit';
import { ProductCache } from '../src/data/product-cache';
import type { ProductWithVariants } from '../src/domain/types';

const entry: ProductWithVariants = {
  product: {
    id: 'p1',
    handle: 'trail-shoe',
    title: 'Trail shoe',
    description: '',
    brand: 'B',
    tags: [],
    categoryId: null,
    specs: [],
    options: [],
    images: [],
    currencyCode: 'USD',
    minPriceMinor: 100,
    maxPriceMinor: 100,
    popularity: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  variants: [],
  category: null,
};

describe('product cache on Redis', () => {
  const redis = new Redis(testRedisUrl());
  const prefix = `test:${randomBytes(5).toString('hex')}:`;
  const cache = createCache({ redisUrl: testRedisUrl(), logger: testLogger, prefix });
  afterAll(async () => {
    await cache.close();
    redis.disconnect();
  });

  it('When the TTL is 0, then reads and writes skip Redis, and invalidation still clears what another instance wrote', async () => {
    const on = new ProductCache(cache, 60);
    const off = new ProductCache(cache, 0);
    await off.put(entry);
    expect(await redis.exists(`${prefix}${ProductCache.idKey('p1')}`)).toBe(0);

    await on.put(entry);
    expect(await on.byHandle('trail-shoe')).toEqual(entry);
    expect(await off.byHandle('trail-shoe')).toBeUndefined();
    expect(await off.byId('p1')).toBeUndefined();

    await off.invalidate('p1', ['trail-shoe']);
    expect(
      await redis.exists(
        `${prefix}${ProductCache.idKey('p1')}`,
        `${prefix}${ProductCache.handleKey('trail-shoe')}`,
      ),
    ).toBe(0);
    expect(await on.byId('p1')).toBeUndefined();
  });
});
