// Carts in DynamoDB (one item per cart, lines inside, a version for optimistic concurrency),
// read through the cache and invalidated on every write.
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Cache, Dynamo } from '@shop/datastores';
import type { CartRecord, InventoryLevel } from '../domain/types';
import type { InventoryRepository } from './inventory-repo';
import { tableNames } from './tables';
import { ConditionFailed, transactWrite, type TransactItem } from './transact';

const cartSchema = z.object({
  id: z.string(),
  customerId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(['OPEN', 'COMPLETED', 'MERGED']),
  lines: z.array(
    z.object({ id: z.string(), variantId: z.string(), quantity: z.number().int(), addedAt: z.string() }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ttl: z
    .number()
    .int()
    .nullish()
    .transform((v) => v ?? null),
});

function parseCart(item: Record<string, unknown>): CartRecord {
  const { ttl, ...rest } = cartSchema.parse(item);
  return { ...rest, expiresAt: ttl };
}

function toItem(cart: CartRecord): Record<string, unknown> {
  const { expiresAt, customerId, ...rest } = cart;
  // Absent (not null) attributes: the byCustomer index is sparse and TTL ignores carts without `ttl`.
  return {
    ...rest,
    ...(customerId ? { customerId } : {}),
    ...(expiresAt !== null ? { ttl: expiresAt } : {}),
  };
}

/** A DynamoDB key is at most 2048 bytes; a longer id names no cart and must not become a driver error. */
function plausibleId(id: string): boolean {
  return id.length > 0 && Buffer.byteLength(id) <= 1024;
}

/** DynamoDB deletes expired items lazily, so an expired cart is treated as gone at once. */
function alive(cart: CartRecord, nowSeconds: number): boolean {
  return cart.expiresAt === null || cart.expiresAt > nowSeconds;
}

export class CartRepository {
  private readonly table: string;

  constructor(
    private readonly dynamo: Dynamo,
    private readonly cache: Cache,
    prefix: string,
    private readonly cacheSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.table = tableNames(prefix).carts;
  }

  private key(id: string): string {
    return `cart:v1:${id}`;
  }

  private nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /** The source of truth, for read-modify-write. */
  async getFresh(id: string): Promise<CartRecord | null> {
    if (!plausibleId(id)) return null;
    const { Item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.table, Key: { id }, ConsistentRead: true }),
    );
    if (!Item) return null;
    const cart = parseCart(Item);
    return alive(cart, this.nowSeconds()) ? cart : null;
  }

  /**
   * The cart and the stock of `variantIds`, both consistent, in one BatchGet: an add needs both, and one
   * round trip costs half of two (each DynamoDB call is signed, sent and parsed on our side too).
   */
  async getFreshWithStock(
    id: string,
    inventory: InventoryRepository,
    variantIds: readonly string[],
  ): Promise<{ cart: CartRecord | null; stock: Map<string, InventoryLevel> }> {
    const stockRead = inventory.stockKeys(variantIds);
    if (!plausibleId(id) || stockRead.keys.length > 99) {
      const [cart, stock] = await Promise.all([this.getFresh(id), inventory.getLevels(variantIds, true)]);
      return { cart, stock };
    }
    let request: BatchGetCommandInput['RequestItems'] = {
      [this.table]: { Keys: [{ id }], ConsistentRead: true },
      ...(stockRead.keys.length ? { [stockRead.table]: { Keys: stockRead.keys, ConsistentRead: true } } : {}),
    };
    let cart: CartRecord | null = null;
    const stock = new Map<string, InventoryLevel>();
    for (let round = 0; request && Object.keys(request).length; round++) {
      if (round >= 8) throw new Error('DynamoDB left keys unprocessed after 8 rounds');
      const out: BatchGetCommandOutput = await this.dynamo.doc.send(
        new BatchGetCommand({ RequestItems: request }),
      );
      for (const item of out.Responses?.[this.table] ?? []) cart = parseCart(item);
      for (const item of out.Responses?.[stockRead.table] ?? []) {
        const level = inventory.parseLevel(item);
        stock.set(level.variantId, level);
      }
      request = out.UnprocessedKeys;
    }
    return { cart: cart && alive(cart, this.nowSeconds()) ? cart : null, stock };
  }

  /** Read-through: the cache first, else DynamoDB (and fill the cache). */
  async getMany(ids: readonly string[]): Promise<Map<string, CartRecord>> {
    const found = new Map<string, CartRecord>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (!plausibleId(id)) continue;
      const cached = await this.cache.get<CartRecord>(this.key(id));
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    for (let i = 0; i < missing.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = missing.slice(i, i + 100).map((id) => ({ id }));
      for (let round = 0; keys?.length && round < 8; round++) {
        const out: BatchGetCommandOutput = await this.dynamo.doc.send(
          new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }),
        );
        for (const item of out.Responses?.[this.table] ?? []) {
          const cart = parseCart(item);
          found.set(cart.id, cart);
          await this.cache.set(this.key(cart.id), cart, this.cacheSeconds);
        }
        keys = out.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    const now = this.nowSeconds();
    for (const [id, cart] of found) if (!alive(cart, now)) found.delete(id);
    return found;
  }

  async create(cart: CartRecord): Promise<void> {
    await this.dynamo.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: toItem(cart),
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
  }

  private versionedPut(cart: CartRecord, expectedVersion: number): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: toItem(cart),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': expectedVersion },
      },
    };
  }

  /** Writes the cart if nobody changed it since `expectedVersion`; false means re-read and try again. */
  async save(cart: CartRecord, expectedVersion: number): Promise<boolean> {
    try {
      await this.dynamo.doc.send(new PutCommand(this.versionedPut(cart, expectedVersion).Put!));
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    } finally {
      await this.cache.del(this.key(cart.id));
    }
    return true;
  }

  /** Writes two carts together (a merge), each at the version it was read at. */
  async saveBoth(
    a: { cart: CartRecord; expectedVersion: number },
    b: { cart: CartRecord; expectedVersion: number },
  ): Promise<boolean> {
    try {
      await transactWrite(this.dynamo, [
        this.versionedPut(a.cart, a.expectedVersion),
        this.versionedPut(b.cart, b.expectedVersion),
      ]);
    } catch (error) {
      if (error instanceof ConditionFailed) return false;
      throw error;
    } finally {
      await this.cache.del(this.key(a.cart.id), this.key(b.cart.id));
    }
    return true;
  }

  /** The shopper's most recently changed open cart. */
  async latestOpenOf(customerId: string): Promise<CartRecord | null> {
    let startKey: Record<string, unknown> | undefined;
    for (let page = 0; page < 10; page++) {
      const out = await this.dynamo.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'byCustomer',
          KeyConditionExpression: 'customerId = :c',
          FilterExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':c': customerId, ':open': 'OPEN' },
          ScanIndexForward: false,
          Limit: 25,
          ExclusiveStartKey: startKey,
        }),
      );
      const first = out.Items?.[0];
      // The index is eventually consistent: confirm on the table itself.
      if (first) {
        const cart = await this.getFresh(String(first.id));
        if (cart && cart.status === 'OPEN' && cart.customerId === customerId) return cart;
      }
      if (!out.LastEvaluatedKey) return null;
      startKey = out.LastEvaluatedKey;
    }
    return null;
  }
}
