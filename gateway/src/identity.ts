// Resolves who is calling, once per request: a shopper's bearer token, a partner's API key, or nobody.
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { apiKeyHash, cacheApiKey, cachedApiKey, type SessionStore } from '@shop/auth';
import { apiKeyResolve, callEndpoint } from '@shop/contracts';
import {
  HttpError,
  ServiceCallError,
  ServiceUnavailableError,
  type Principal,
  type ServiceClient,
} from '@shop/common';
import type { Cache } from '@shop/datastores';

/** The terms a partner's key runs on at the edge: its client's published documents and its cost rate. */
export interface PartnerTerms {
  clientName: string | null;
  safelistOnly: boolean;
  costPerSecond: number | null;
}

export interface Caller {
  principal: Principal;
  /** Set for a partner's key. */
  terms: PartnerTerms | null;
}

export class IdentityResolver {
  constructor(
    private readonly sessions: SessionStore,
    private readonly users: ServiceClient,
    private readonly cache: Cache,
    /** Told of each dependency failure that turned into a 503 (for the log); the client sees none of it. */
    private readonly onUnavailable?: (dependency: string, error: unknown) => void,
  ) {}

  async resolve(req: IncomingMessage): Promise<Principal> {
    return (await this.resolveCaller(req)).principal;
  }

  async resolveCaller(req: IncomingMessage): Promise<Caller> {
    const authorization = req.headers.authorization;
    const apiKey = req.headers['x-api-key'];
    if (authorization) {
      const match = /^Bearer ([^\s]+)$/i.exec(authorization);
      const principal = match ? await this.sessionOf(match[1]!) : null;
      if (!principal) throw unauthenticated('The access token is invalid or has expired. Sign in again.');
      return { principal, terms: null };
    }
    if (typeof apiKey === 'string' && apiKey) return this.resolveApiKey(apiKey);
    return { principal: { kind: 'anonymous' }, terms: null };
  }

  /**
   * The session store (DynamoDB) unreachable is an outage, not a bad token: 503 with Retry-After, so a client
   * retries rather than signs in again. (The cache in front of it already degrades to a miss on its own.)
   */
  private async sessionOf(token: string): Promise<Principal | null> {
    try {
      return await this.sessions.resolve(token);
    } catch (error) {
      this.onUnavailable?.('sessions', error);
      throw unavailable();
    }
  }

  /** Partner keys are verified by the users service; a hit is cached for a minute under the key's hash. */
  private async resolveApiKey(key: string): Promise<Caller> {
    if (key.length > 200) throw unauthenticated('The API key is invalid.');
    const hash = apiKeyHash(key);
    const cached = await cachedApiKey<Caller>(this.cache, hash);
    if (cached && 'principal' in cached) return cached;
    try {
      const partner = await callEndpoint(this.users, apiKeyResolve, { key });
      const caller: Caller = {
        principal: { kind: 'partner', partnerId: partner.partnerId, scopes: partner.scopes },
        terms: {
          clientName: partner.clientName ?? null,
          safelistOnly: partner.safelistOnly ?? true,
          costPerSecond: partner.costPerSecond ?? null,
        },
      };
      if (!(await cacheApiKey(this.cache, hash, caller))) throw unauthenticated('The API key is invalid.');
      return caller;
    } catch (error) {
      if (error instanceof ServiceCallError && (error.status === 404 || error.status === 400)) {
        throw unauthenticated('The API key is invalid.');
      }
      if (
        error instanceof ServiceUnavailableError ||
        (error instanceof ServiceCallError && error.status >= 500)
      ) {
        this.onUnavailable?.('users', error);
        throw unavailable();
      }
      throw error;
    }
  }
}

/** Seconds a client is asked to wait before retrying a request refused because a dependency is down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

function unavailable(): HttpError {
  const message = 'Signing in is temporarily unavailable. Please retry shortly.';
  return new HttpError(
    503,
    message,
    { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    {
      'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
    },
  );
}

function unauthenticated(message: string): HttpError {
  return new HttpError(401, message, { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * The client's address. Behind `trustedHops` proxies, each appends the address it saw, so the client is the
 * entry that many places from the right; anything left of it was written by the client and is ignored.
 */
export function clientIp(req: IncomingMessage, trustedHops: number): string | null {
  if (trustedHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((e) => e.trim());
    const candidate = entries[entries.length - trustedHops];
    if (candidate && isIP(candidate)) return candidate;
  }
  return req.socket.remoteAddress ?? null;
}
