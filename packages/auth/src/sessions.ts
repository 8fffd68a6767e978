// Shopper sessions: opaque tokens whose SHA-256 hash is the key in DynamoDB, cached for at most a minute.
// The users subgraph creates and revokes them; the gateway resolves them once per request.
import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal, Role } from '@shop/common';
import { epochSeconds, type Cache, type Dynamo } from '@shop/datastores';

export interface SessionPolicy {
  /** Sliding idle timeout. */
  idleSeconds: number;
  /** Idle timeout of a "remember me" session. */
  rememberIdleSeconds: number;
  /** No session lives longer than this, however active. */
  absoluteSeconds: number;
  /** Upper bound on how long a cached session can outlive its revocation elsewhere. */
  cacheSeconds: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleSeconds: 30 * 60,
  rememberIdleSeconds: 30 * 24 * 3600,
  absoluteSeconds: 90 * 24 * 3600,
  cacheSeconds: 60,
};

export interface Session {
  id: string;
  customerId: string;
  role: Role;
  rememberMe: boolean;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export { sessionTables } from '@shop/datastores';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 256 random bits, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export class SessionStore {
  private readonly table: string;

  constructor(
    private readonly dynamo: Dynamo,
    private readonly cache: Cache,
    prefix: string,
    private readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
    private readonly now: () => number = Date.now,
  ) {
    this.table = `${prefix}sessions`;
  }

  async create(input: {
    customerId: string;
    role: Role;
    rememberMe: boolean;
    device: string | null;
  }): Promise<{ token: string; session: Session }> {
    const token = newSessionToken();
    const now = this.now();
    const idle = input.rememberMe ? this.policy.rememberIdleSeconds : this.policy.idleSeconds;
    const absoluteExpires = now + this.policy.absoluteSeconds * 1000;
    const idleExpires = Math.min(now + idle * 1000, absoluteExpires);
    const session: Session = {
      id: hashToken(token),
      customerId: input.customerId,
      role: input.role,
      rememberMe: input.rememberMe,
      device: input.device ? input.device.slice(0, 256) : null,
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      idleExpiresAt: new Date(idleExpires).toISOString(),
      absoluteExpiresAt: new Date(absoluteExpires).toISOString(),
    };
    await this.dynamo.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...session, ttl: epochSeconds(idleExpires) },
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
    return { token, session };
  }

  /**
   * The principal behind a bearer token, or null. A cache hit costs one cache read; a miss reads
   * DynamoDB, slides the idle expiry (at most once a minute) and caches the result.
   */
  async resolve(token: string): Promise<Extract<Principal, { kind: 'customer' }> | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const id = hashToken(token);
    const now = this.now();
    const cached = await this.cache.get<Session>(this.cacheKey(id));
    const session = cached ?? (await this.load(id));
    if (!session || !this.isLive(session, now)) {
      if (cached) await this.cache.del(this.cacheKey(id));
      return null;
    }
    if (!cached) {
      const touched = await this.touch(session, now);
      if (!touched) return null;
      const ttl = Math.min(this.policy.cacheSeconds, (Date.parse(touched.idleExpiresAt) - now) / 1000);
      // Refused when a revocation landed after the read above: the token then answers as revoked.
      if (ttl >= 1 && !(await this.cache.setUnless(this.cacheKey(id), touched, ttl, this.revokedKey(id)))) {
        if (await this.isRevoked(id)) return null;
      }
    }
    return { kind: 'customer', customerId: session.customerId, role: session.role, sessionId: id };
  }

  async get(id: string): Promise<Session | null> {
    const session = await this.load(id);
    return session && this.isLive(session, this.now()) ? session : null;
  }

  async listForCustomer(customerId: string): Promise<Session[]> {
    const { Items = [] } = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'byCustomer',
        KeyConditionExpression: 'customerId = :c',
        ExpressionAttributeValues: { ':c': customerId },
      }),
    );
    const now = this.now();
    return (Items as Session[]).filter((s) => this.isLive(s, now));
  }

  /**
   * Takes effect on the very next request and wins against any resolve in flight: a tombstone, written before
   * the cache entry is cleared, stops a resolve that read the session before the delete from caching it again.
   * It lives as long as the deleted session could have (a copy read before the delete expires no later), and
   * at least as long as a cache entry.
   */
  async revoke(id: string): Promise<void> {
    const { Attributes } = await this.dynamo.doc.send(
      new DeleteCommand({ TableName: this.table, Key: { id }, ReturnValues: 'ALL_OLD' }),
    );
    const idleExpiresAt =
      typeof Attributes?.idleExpiresAt === 'string' ? Date.parse(Attributes.idleExpiresAt) : 0;
    const tombstoneSeconds = Math.max(this.policy.cacheSeconds, (idleExpiresAt - this.now()) / 1000) + 1;
    await this.cache.set(this.revokedKey(id), 1, tombstoneSeconds);
    await this.cache.del(this.cacheKey(id));
  }

  async revokeAllForCustomer(customerId: string, exceptId?: string): Promise<number> {
    const sessions = await this.listForCustomer(customerId);
    let count = 0;
    for (const session of sessions) {
      if (session.id === exceptId) continue;
      await this.revoke(session.id);
      count++;
    }
    return count;
  }

  private cacheKey(id: string): string {
    return `session:${id}`;
  }

  private revokedKey(id: string): string {
    return `session-revoked:${id}`;
  }

  /** A refused cache write is a revocation, or a cache that cannot answer: only the tombstone tells. */
  private async isRevoked(id: string): Promise<boolean> {
    return (await this.cache.get(this.revokedKey(id))) !== undefined;
  }

  private isLive(session: Session, now: number): boolean {
    return Date.parse(session.idleExpiresAt) > now && Date.parse(session.absoluteExpiresAt) > now;
  }

  private async load(id: string): Promise<Session | null> {
    const { Item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.table, Key: { id }, ConsistentRead: true }),
    );
    if (!Item) return null;
    const { ttl: _ttl, ...session } = Item;
    return session as Session;
  }

  /** Slides the idle expiry; the write is skipped when the last one was under a minute ago. */
  private async touch(session: Session, now: number): Promise<Session | null> {
    if (now - Date.parse(session.lastSeenAt) < 60_000) return session;
    const idle = session.rememberMe ? this.policy.rememberIdleSeconds : this.policy.idleSeconds;
    const idleExpires = Math.min(now + idle * 1000, Date.parse(session.absoluteExpiresAt));
    const updated: Session = {
      ...session,
      lastSeenAt: new Date(now).toISOString(),
      idleExpiresAt: new Date(idleExpires).toISOString(),
    };
    try {
      await this.dynamo.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { id: session.id },
          UpdateExpression: 'SET lastSeenAt = :l, idleExpiresAt = :i, #ttl = :t',
          ConditionExpression: 'attribute_exists(id)',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':l': updated.lastSeenAt,
            ':i': updated.idleExpiresAt,
            ':t': epochSeconds(idleExpires),
          },
        }),
      );
    } catch (error) {
      // Revoked between the read and the write.
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return null;
      throw error;
    }
    return updated;
  }
}
