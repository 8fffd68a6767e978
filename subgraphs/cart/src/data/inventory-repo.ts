// Stock, reservations and the stock audit trail in DynamoDB. Every decrement is a conditional write and
// every multi-item change one TransactWriteItems, with the outbox events of the change inside it.
import { createHash, randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { epochSeconds, outboxPut, type Dynamo } from '@shop/datastores';
import {
  DEFAULT_LOCATION,
  type InventoryLevel,
  type LocationStock,
  type MovementKind,
  type Reservation,
  type ReservationLine,
  type StockMovement,
} from '../domain/types';
import { inventoryChanged } from '@shop/contracts';
import { tableNames, type TableNames } from './tables';
import { ConditionFailed, isIdempotencyMismatch, transactWrite, type TransactItem } from './transact';

export const INVENTORY_CHANGED = inventoryChanged.topic;

const levelSchema = z.object({
  variantId: z.string(),
  available: z.number().int(),
  held: z.number().int().default(0),
  sold: z.number().int().default(0),
  received: z.number().int(),
  updatedAt: z.string(),
  elsewhere: z.number().int().default(0),
});

const locationSchema = z.object({
  variantId: z.string(),
  locationId: z.string(),
  available: z.number().int(),
  received: z.number().int(),
  updatedAt: z.string(),
});

const reservationSchema = z.object({
  id: z.string(),
  status: z.enum(['HELD', 'COMMITTED', 'RELEASED']),
  lines: z.array(z.object({ variantId: z.string(), quantity: z.number().int().positive() })),
  createdAt: z.string(),
  expiresAt: z.string(),
  releaseReason: z
    .enum(['RELEASED', 'EXPIRED'])
    .nullish()
    .transform((v) => v ?? null),
});

const movementSchema = z.object({
  id: z.string(),
  variantId: z.string(),
  kind: z.enum(['ADJUSTMENT', 'RESTOCK', 'SEED']),
  delta: z.number().int(),
  locationId: z.string().default(DEFAULT_LOCATION),
  reason: z.string(),
  actor: z.string(),
  occurredAt: z.string(),
});

export type ReserveResult =
  | { kind: 'held'; reservation: Reservation; replayed: boolean }
  | { kind: 'insufficient'; variantIds: string[] };

export type CommitResult = { kind: 'committed' } | { kind: 'expired' } | { kind: 'not_found' };
export type ReleaseResult = { kind: 'released' } | { kind: 'committed' };
export type AdjustResult =
  { kind: 'adjusted'; level: InventoryLevel } | { kind: 'insufficient'; available: number };

/** A ClientRequestToken (at most 36 characters) derived from the reservation id, so a retry is the same request. */
export function reservationToken(reservationId: string): string {
  return createHash('sha256').update(`reservation:${reservationId}`).digest('hex').slice(0, 36);
}

/** One line per variant: a transaction may not touch the same item twice. */
export function mergeLines(lines: ReservationLine[]): ReservationLine[] {
  const byVariant = new Map<string, number>();
  for (const line of lines)
    byVariant.set(line.variantId, (byVariant.get(line.variantId) ?? 0) + line.quantity);
  return [...byVariant].map(([variantId, quantity]) => ({ variantId, quantity }));
}

export class InventoryRepository {
  private readonly t: TableNames;

  constructor(
    private readonly dynamo: Dynamo,
    private readonly prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.t = tableNames(prefix);
  }

  private changed(variantId: string, at: Date): TransactItem {
    // quantityAvailable is filled in at publish time from the current stock (see events.ts), so an event
    // never carries a value that a concurrent transaction has already made stale.
    return outboxPut(this.prefix, 'cart', { topic: INVENTORY_CHANGED, payload: { variantId } }, at);
  }

  private movement(
    variantId: string,
    kind: MovementKind,
    delta: number,
    reason: string,
    actor: string,
    at: Date,
    locationId = DEFAULT_LOCATION,
  ): TransactItem {
    const id = randomUUID();
    const occurredAt = at.toISOString();
    return {
      Put: {
        TableName: this.t.movements,
        Item: {
          variantId,
          sk: `${occurredAt}#${id}`,
          id,
          kind,
          delta,
          locationId,
          reason,
          actor,
          occurredAt,
        },
      },
    };
  }

  async isEmpty(): Promise<boolean> {
    const { Items = [] } = await this.dynamo.doc.send(
      new ScanCommand({ TableName: this.t.inventory, Limit: 1 }),
    );
    return Items.length === 0;
  }

  /** The table and keys a read of these variants' stock needs, so a caller can fold it into its own BatchGet. */
  stockKeys(variantIds: readonly string[]): { table: string; keys: { variantId: string }[] } {
    // A DynamoDB key is at most 2048 bytes: a longer id names nothing and must not fail the batch.
    const unique = [...new Set(variantIds)].filter((id) => id.length > 0 && Buffer.byteLength(id) <= 1024);
    return { table: this.t.inventory, keys: unique.map((variantId) => ({ variantId })) };
  }

  parseLevel(item: Record<string, unknown>): InventoryLevel {
    return levelSchema.parse(item);
  }

  async getLevels(variantIds: readonly string[], consistent = false): Promise<Map<string, InventoryLevel>> {
    const result = new Map<string, InventoryLevel>();
    const unique = this.stockKeys(variantIds).keys.map((k) => k.variantId);
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique
        .slice(i, i + 100)
        .map((variantId) => ({ variantId }));
      for (let round = 0; keys?.length && round < 8; round++) {
        const out: BatchGetCommandOutput = await this.dynamo.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.t.inventory]: { Keys: keys, ConsistentRead: consistent } },
          }),
        );
        for (const item of out.Responses?.[this.t.inventory] ?? []) {
          const level = levelSchema.parse(item);
          result.set(level.variantId, level);
        }
        keys = out.UnprocessedKeys?.[this.t.inventory]?.Keys;
      }
    }
    return result;
  }

  async getLevel(variantId: string): Promise<InventoryLevel | null> {
    const { Item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.t.inventory, Key: { variantId }, ConsistentRead: true }),
    );
    return Item ? levelSchema.parse(Item) : null;
  }

  /** Loads initial stock without events (the catalog seeds from the same demo data). Only for an empty table. */
  async seed(stock: { variantId: string; quantity: number }[], actor: string): Promise<void> {
    const at = this.now();
    const requests = stock.flatMap(({ variantId, quantity }) => {
      const id = randomUUID();
      const occurredAt = at.toISOString();
      return [
        {
          table: this.t.inventory,
          item: {
            variantId,
            available: quantity,
            held: 0,
            sold: 0,
            received: quantity,
            updatedAt: occurredAt,
          },
        },
        {
          table: this.t.movements,
          item: {
            variantId,
            sk: `${occurredAt}#${id}`,
            id,
            kind: 'SEED',
            delta: quantity,
            reason: 'demo data',
            actor,
            occurredAt,
          },
        },
      ];
    });
    for (let i = 0; i < requests.length; i += 25) {
      const batch = requests.slice(i, i + 25);
      let pending: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {};
      for (const r of batch) (pending[r.table] ??= []).push({ PutRequest: { Item: r.item } });
      for (let round = 0; pending && Object.keys(pending).length && round < 10; round++) {
        const out = await this.dynamo.doc.send(new BatchWriteCommand({ RequestItems: pending }));
        pending = out.UnprocessedItems as typeof pending;
      }
    }
  }

  /**
   * Adds or removes units by hand at a location; a removal never takes the location below zero. The default
   * location is the variant's own item (where reservations take from); another location is its own item,
   * changed in one transaction with the variant's `elsewhere` sum, so the total is always the sum of the parts.
   */
  async adjust(
    variantId: string,
    delta: number,
    reason: string,
    actor: string,
    locationId = DEFAULT_LOCATION,
  ): Promise<AdjustResult> {
    if (locationId !== DEFAULT_LOCATION) return this.adjustAt(variantId, locationId, delta, reason, actor);
    const at = this.now();
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.t.inventory,
          Key: { variantId },
          UpdateExpression:
            'SET available = if_not_exists(available, :zero) + :d, received = if_not_exists(received, :zero) + :d, ' +
            'held = if_not_exists(held, :zero), sold = if_not_exists(sold, :zero), updatedAt = :at',
          ConditionExpression: delta < 0 ? 'available >= :need' : undefined,
          ExpressionAttributeValues: {
            ':zero': 0,
            ':d': delta,
            ':at': at.toISOString(),
            ...(delta < 0 ? { ':need': -delta } : {}),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      this.movement(variantId, 'ADJUSTMENT', delta, reason, actor, at),
      this.changed(variantId, at),
    ];
    return this.commitAdjustment(variantId, items);
  }

  private async adjustAt(
    variantId: string,
    locationId: string,
    delta: number,
    reason: string,
    actor: string,
  ): Promise<AdjustResult> {
    const at = this.now();
    const values = { ':zero': 0, ':d': delta, ':at': at.toISOString() };
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.t.locations,
          Key: { variantId, locationId },
          UpdateExpression:
            'SET available = if_not_exists(available, :zero) + :d, received = if_not_exists(received, :zero) + :d, updatedAt = :at',
          ConditionExpression: delta < 0 ? 'available >= :need' : undefined,
          ExpressionAttributeValues: { ...values, ...(delta < 0 ? { ':need': -delta } : {}) },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Update: {
          TableName: this.t.inventory,
          Key: { variantId },
          // A variant first stocked away from the default location still gets its (empty) default stock.
          UpdateExpression:
            'SET elsewhere = if_not_exists(elsewhere, :zero) + :d, available = if_not_exists(available, :zero), ' +
            'received = if_not_exists(received, :zero), held = if_not_exists(held, :zero), sold = if_not_exists(sold, :zero), updatedAt = :at',
          ExpressionAttributeValues: values,
        },
      },
      this.movement(variantId, 'ADJUSTMENT', delta, reason, actor, at, locationId),
      this.changed(variantId, at),
    ];
    return this.commitAdjustment(variantId, items);
  }

  /** Writes an adjustment whose first item is the conditional stock update, then reads the level it left. */
  private async commitAdjustment(variantId: string, items: TransactItem[]): Promise<AdjustResult> {
    try {
      await transactWrite(this.dynamo, items);
    } catch (error) {
      if (error instanceof ConditionFailed) {
        return { kind: 'insufficient', available: Number(error.reasons[0]?.Item?.available?.N ?? 0) };
      }
      throw error;
    }
    const level = await this.getLevel(variantId);
    if (!level) throw new Error('inventory item vanished after an adjustment');
    return { kind: 'adjusted', level };
  }

  /** Stock per location: the default location (the variant's own stock) first, then the others by id. */
  async locations(variantId: string): Promise<LocationStock[]> {
    const [level, others] = await Promise.all([
      this.getLevel(variantId),
      (async () => {
        const found: LocationStock[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const out = await this.dynamo.doc.send(
            new QueryCommand({
              TableName: this.t.locations,
              KeyConditionExpression: 'variantId = :v',
              ExpressionAttributeValues: { ':v': variantId },
              ConsistentRead: true,
              ExclusiveStartKey: startKey,
            }),
          );
          found.push(...(out.Items ?? []).map((item) => locationSchema.parse(item)));
          startKey = out.LastEvaluatedKey;
        } while (startKey);
        return found;
      })(),
    ]);
    if (!level) return others;
    const home: LocationStock = {
      variantId,
      locationId: DEFAULT_LOCATION,
      available: level.available,
      received: level.received,
      updatedAt: level.updatedAt,
    };
    return [home, ...others];
  }

  async getReservation(id: string): Promise<Reservation | null> {
    const { Item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.t.reservations, Key: { id }, ConsistentRead: true }),
    );
    return Item ? reservationSchema.parse(Item) : null;
  }

  /**
   * Holds stock for every line or for none. The reservation item is written with
   * `attribute_not_exists(id)` in the same transaction, so a reservation id holds stock at most once
   * whatever the timing of retries; the ClientRequestToken makes a repeated request within DynamoDB's
   * idempotency window succeed without effect.
   */
  async reserve(id: string, lines: ReservationLine[], ttlSeconds: number): Promise<ReserveResult> {
    const existing = await this.getReservation(id);
    if (existing) return { kind: 'held', reservation: existing, replayed: true };
    const merged = mergeLines(lines);
    const at = this.now();
    const reservation: Reservation = {
      id,
      status: 'HELD',
      lines: merged,
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + ttlSeconds * 1000).toISOString(),
      releaseReason: null,
    };
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.t.reservations,
          Item: {
            ...reservation,
            releaseReason: undefined,
            pending: 'HELD',
            // Kept a week past expiry for the record; the sweeper releases long before TTL deletes.
            ttl: epochSeconds(new Date(reservation.expiresAt)) + 7 * 24 * 3600,
          },
          ConditionExpression: 'attribute_not_exists(id)',
        },
      },
      ...merged.map((line): TransactItem => ({
        Update: {
          TableName: this.t.inventory,
          Key: { variantId: line.variantId },
          UpdateExpression: 'SET available = available - :q, held = held + :q, updatedAt = :at',
          ConditionExpression: 'attribute_exists(variantId) AND available >= :q',
          ExpressionAttributeValues: { ':q': line.quantity, ':at': at.toISOString() },
        },
      })),
      ...merged.map((line) => this.changed(line.variantId, at)),
    ];
    const attempt = async (token: string | undefined): Promise<ReserveResult> => {
      try {
        await transactWrite(this.dynamo, items, { clientRequestToken: token });
        return { kind: 'held', reservation, replayed: false };
      } catch (error) {
        if (error instanceof ConditionFailed) {
          if (error.failedAt(0)) {
            const now = await this.getReservation(id);
            if (now) return { kind: 'held', reservation: now, replayed: true };
          }
          return {
            kind: 'insufficient',
            variantIds: merged.filter((_, i) => error.failedAt(i + 1)).map((l) => l.variantId),
          };
        }
        throw error;
      }
    };
    try {
      return await attempt(reservationToken(id));
    } catch (error) {
      if (!isIdempotencyMismatch(error)) throw error;
      // The token was used by an earlier request for this id with other timestamps: if that one
      // holds stock we are done; if it failed, the conditional put alone still guards against a double hold.
      const now = await this.getReservation(id);
      if (now) return { kind: 'held', reservation: now, replayed: true };
      return attempt(undefined);
    }
  }

  /** Turns held units into sold ones. A hold past its expiry that the sweeper has not yet released still commits. */
  async commit(id: string): Promise<CommitResult> {
    for (let round = 0; round < 3; round++) {
      const reservation = await this.getReservation(id);
      if (!reservation) return { kind: 'not_found' };
      if (reservation.status === 'COMMITTED') return { kind: 'committed' };
      if (reservation.status === 'RELEASED') return { kind: 'expired' };
      const at = this.now().toISOString();
      const items: TransactItem[] = [
        {
          Update: {
            TableName: this.t.reservations,
            Key: { id },
            UpdateExpression: 'SET #status = :committed, committedAt = :at REMOVE pending',
            ConditionExpression: '#status = :held',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':committed': 'COMMITTED', ':held': 'HELD', ':at': at },
          },
        },
        ...reservation.lines.map((line): TransactItem => ({
          Update: {
            TableName: this.t.inventory,
            Key: { variantId: line.variantId },
            UpdateExpression: 'SET held = held - :q, sold = sold + :q, updatedAt = :at',
            ConditionExpression: 'held >= :q',
            ExpressionAttributeValues: { ':q': line.quantity, ':at': at },
          },
        })),
      ];
      try {
        await transactWrite(this.dynamo, items);
        return { kind: 'committed' };
      } catch (error) {
        // The status changed under us (a concurrent commit or release): decide again from the new state.
        if (error instanceof ConditionFailed && error.failedAt(0)) continue;
        throw error;
      }
    }
    throw new Error('reservation kept changing during commit');
  }

  /**
   * Sells the units of a reservation that was released before its order was paid, from what is
   * available now; all lines or none, so a paid order is never half-served.
   */
  async sellReleased(
    id: string,
  ): Promise<{ kind: 'sold' } | { kind: 'insufficient'; variantIds: string[] } | { kind: 'not_released' }> {
    const reservation = await this.getReservation(id);
    if (!reservation || reservation.status !== 'RELEASED' || !reservation.lines.length)
      return { kind: 'not_released' };
    const at = this.now();
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.t.reservations,
          Key: { id },
          UpdateExpression: 'SET #status = :committed, committedAt = :at, soldAfterRelease = :yes',
          ConditionExpression: '#status = :released',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':committed': 'COMMITTED',
            ':released': 'RELEASED',
            ':at': at.toISOString(),
            ':yes': true,
          },
        },
      },
      ...reservation.lines.map((line): TransactItem => ({
        Update: {
          TableName: this.t.inventory,
          Key: { variantId: line.variantId },
          UpdateExpression: 'SET available = available - :q, sold = sold + :q, updatedAt = :at',
          ConditionExpression: 'available >= :q',
          ExpressionAttributeValues: { ':q': line.quantity, ':at': at.toISOString() },
        },
      })),
      ...reservation.lines.map((line) => this.changed(line.variantId, at)),
    ];
    try {
      await transactWrite(this.dynamo, items);
      return { kind: 'sold' };
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      if (error.failedAt(0)) return { kind: 'not_released' };
      return {
        kind: 'insufficient',
        variantIds: reservation.lines.filter((_, i) => error.failedAt(i + 1)).map((l) => l.variantId),
      };
    }
  }

  /**
   * Returns held units to available. Releasing an unknown id leaves a RELEASED tombstone, so a
   * reservation request that arrives late with that id holds nothing.
   */
  async release(id: string, reason: 'RELEASED' | 'EXPIRED'): Promise<ReleaseResult> {
    for (let round = 0; round < 3; round++) {
      const reservation = await this.getReservation(id);
      const at = this.now();
      if (!reservation) {
        try {
          await this.dynamo.doc.send(
            new PutCommand({
              TableName: this.t.reservations,
              Item: {
                id,
                status: 'RELEASED',
                releaseReason: reason,
                lines: [],
                createdAt: at.toISOString(),
                expiresAt: at.toISOString(),
                ttl: epochSeconds(at) + 7 * 24 * 3600,
              },
              ConditionExpression: 'attribute_not_exists(id)',
            }),
          );
          return { kind: 'released' };
        } catch (error) {
          if ((error as { name?: string }).name === 'ConditionalCheckFailedException') continue;
          throw error;
        }
      }
      if (reservation.status === 'RELEASED') return { kind: 'released' };
      if (reservation.status === 'COMMITTED') return { kind: 'committed' };
      const items: TransactItem[] = [
        {
          Update: {
            TableName: this.t.reservations,
            Key: { id },
            UpdateExpression:
              'SET #status = :released, releaseReason = :reason, releasedAt = :at REMOVE pending',
            ConditionExpression: '#status = :held',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':released': 'RELEASED',
              ':held': 'HELD',
              ':reason': reason,
              ':at': at.toISOString(),
            },
          },
        },
        ...reservation.lines.map((line): TransactItem => ({
          Update: {
            TableName: this.t.inventory,
            Key: { variantId: line.variantId },
            UpdateExpression: 'SET held = held - :q, available = available + :q, updatedAt = :at',
            ConditionExpression: 'held >= :q',
            ExpressionAttributeValues: { ':q': line.quantity, ':at': at.toISOString() },
          },
        })),
        ...reservation.lines.map((line) => this.changed(line.variantId, at)),
      ];
      try {
        await transactWrite(this.dynamo, items);
        return { kind: 'released' };
      } catch (error) {
        if (error instanceof ConditionFailed && error.failedAt(0)) continue;
        throw error;
      }
    }
    throw new Error('reservation kept changing during release');
  }

  /** How many reservations are HELD (the sparse `heldByExpiry` index holds only those): a gauge's reading. */
  async countHeld(): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.dynamo.doc.send(
        new QueryCommand({
          TableName: this.t.reservations,
          IndexName: 'heldByExpiry',
          KeyConditionExpression: 'pending = :held',
          ExpressionAttributeValues: { ':held': 'HELD' },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  /** HELD reservations whose hold has run out, oldest first. */
  async expiredHolds(limit = 100): Promise<string[]> {
    const { Items = [] } = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.t.reservations,
        IndexName: 'heldByExpiry',
        KeyConditionExpression: 'pending = :held AND expiresAt < :now',
        ExpressionAttributeValues: { ':held': 'HELD', ':now': this.now().toISOString() },
        Limit: limit,
      }),
    );
    return Items.map((item) => String(item.id));
  }

  /**
   * Puts returned units back (they count as received again, so sold stays the record of sales).
   * With a `restockId`, a repeated request changes nothing.
   */
  async restock(
    lines: ReservationLine[],
    options: { restockId?: string; actor: string; reason: string },
  ): Promise<{ kind: 'restocked' | 'duplicate' }> {
    const merged = mergeLines(lines);
    const at = this.now();
    const items: TransactItem[] = [
      ...(options.restockId
        ? [
            {
              Put: {
                TableName: this.t.processed,
                Item: { id: `restock#${options.restockId}`, ttl: epochSeconds(at) + 90 * 24 * 3600 },
                ConditionExpression: 'attribute_not_exists(id)',
              },
            },
          ]
        : []),
      ...merged.map((line): TransactItem => ({
        Update: {
          TableName: this.t.inventory,
          Key: { variantId: line.variantId },
          UpdateExpression:
            'SET available = if_not_exists(available, :zero) + :q, received = if_not_exists(received, :zero) + :q, ' +
            'held = if_not_exists(held, :zero), sold = if_not_exists(sold, :zero), updatedAt = :at',
          ExpressionAttributeValues: { ':zero': 0, ':q': line.quantity, ':at': at.toISOString() },
        },
      })),
      ...merged.map((line) =>
        this.movement(line.variantId, 'RESTOCK', line.quantity, options.reason, options.actor, at),
      ),
      ...merged.map((line) => this.changed(line.variantId, at)),
    ];
    try {
      await transactWrite(this.dynamo, items);
      return { kind: 'restocked' };
    } catch (error) {
      if (error instanceof ConditionFailed && options.restockId && error.failedAt(0))
        return { kind: 'duplicate' };
      throw error;
    }
  }

  async movements(variantId: string, first: number): Promise<StockMovement[]> {
    const { Items = [] } = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.t.movements,
        KeyConditionExpression: 'variantId = :v',
        ExpressionAttributeValues: { ':v': variantId },
        ScanIndexForward: false,
        Limit: first,
      }),
    );
    return Items.map((item) => movementSchema.parse(item));
  }
}
