// The request identity: who is calling, resolved once by the gateway and forwarded signed,
// so a subgraph can trust it and a client cannot forge it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from './errors';

export const IDENTITY_HEADER = 'x-shop-identity';

export type Role = 'CUSTOMER' | 'ADMIN';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'customer'; customerId: string; role: Role; sessionId: string }
  | { kind: 'partner'; partnerId: string; scopes: string[] }
  | { kind: 'service'; service: string };

/** What travels between services: the principal plus request facts the gateway saw. */
export interface ForwardedIdentity {
  principal: Principal;
  requestId: string;
  clientIp: string | null;
  /**
   * The one service the identity is meant for (`users`, `catalog`, ...): a header captured on its way to one
   * service is refused by every other.
   */
  audience: string;
}

interface SignedPayload extends ForwardedIdentity {
  exp: number;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** `<payload>.<hmac>`; short-lived so a captured header is of little use. */
export function signIdentity(
  identity: ForwardedIdentity,
  secret: string,
  ttlSeconds = 60,
  now = Date.now(),
): string {
  const payload: SignedPayload = { ...identity, exp: Math.floor(now / 1000) + ttlSeconds };
  const body = b64(JSON.stringify(payload));
  return `${body}.${mac(secret, body)}`;
}

export class IdentityError extends Error {}

/** Verifies the signature, the expiry and that the identity is meant for `audience` (the verifying service). */
export function verifyIdentity(
  header: string | undefined,
  secret: string,
  audience: string,
  now = Date.now(),
): ForwardedIdentity {
  if (!header) throw new IdentityError('missing identity');
  const dot = header.indexOf('.');
  if (dot <= 0) throw new IdentityError('malformed identity');
  const body = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1));
  const expected = Buffer.from(mac(secret, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new IdentityError('bad identity signature');
  }
  let payload: SignedPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedPayload;
  } catch {
    throw new IdentityError('malformed identity');
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 < now)
    throw new IdentityError('expired identity');
  if (payload.audience !== audience) throw new IdentityError('identity meant for another service');
  return {
    principal: payload.principal,
    requestId: payload.requestId,
    clientIp: payload.clientIp ?? null,
    audience: payload.audience,
  };
}

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export function customerIdOf(principal: Principal): string | null {
  return principal.kind === 'customer' ? principal.customerId : null;
}

export function isAdmin(principal: Principal): boolean {
  return principal.kind === 'customer' && principal.role === 'ADMIN';
}

export function requireCustomer(principal: Principal): Extract<Principal, { kind: 'customer' }> {
  if (principal.kind !== 'customer') throw new UnauthenticatedError();
  return principal;
}

export function requireAdmin(principal: Principal): Extract<Principal, { kind: 'customer' }> {
  const customer = requireCustomer(principal);
  if (customer.role !== 'ADMIN') throw new ForbiddenError();
  return customer;
}

/**
 * What a partner's API key may be granted. Each scope opens some admin operations to the partner; the rest
 * (refunds, returns, staff notes, webhooks, API keys) stay with admins.
 * - catalog:read: the catalog, as any shopper reads it
 * - catalog:write: productCreate, productUpdate, productDelete
 * - inventory:read: stock levels and locations of any variant
 * - inventory:write: inventoryAdjust
 * - orders:read: any order, and any customer's orders and subscriptions
 * - fulfillment:write: fulfillmentCreate
 * - customers:read: the customer list by segment, and those customers' profiles
 */
export const PARTNER_SCOPES = [
  'catalog:read',
  'catalog:write',
  'inventory:read',
  'inventory:write',
  'orders:read',
  'fulfillment:write',
  'customers:read',
] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export function hasScope(principal: Principal, scope: PartnerScope): boolean {
  return principal.kind === 'partner' && principal.scopes.includes(scope);
}

/**
 * Reads anyone's objects of an area: an admin, or a partner whose key holds `scope`. A service is not among
 * them: services reach each other through internal endpoints, each naming the callers it accepts.
 */
export function readsAll(principal: Principal, scope: PartnerScope): boolean {
  return isAdmin(principal) || hasScope(principal, scope);
}

/**
 * An admin, or a partner whose key holds `scope`; anyone else is refused (UNAUTHENTICATED when anonymous).
 * Gives who acts, for audit trails: the admin's customer id, or `partner:<key id>`.
 */
export function requireAdminOrScope(principal: Principal, scope: PartnerScope): { actorId: string } {
  if (principal.kind === 'customer' && principal.role === 'ADMIN') return { actorId: principal.customerId };
  if (principal.kind === 'partner' && principal.scopes.includes(scope))
    return { actorId: `partner:${principal.partnerId}` };
  if (principal.kind === 'anonymous') throw new UnauthenticatedError();
  throw new ForbiddenError();
}

/**
 * An owned object is readable by its owner or an admin (a service identity is neither). `ownerId` is
 * null for a guest's object (readable by whoever holds its id) and undefined when the
 * object does not exist: both refusals look the same.
 */
export function canAccessOwned(principal: Principal, ownerId: string | null | undefined): boolean {
  if (ownerId === undefined) return false;
  if (isAdmin(principal)) return true;
  if (ownerId === null) return true;
  return principal.kind === 'customer' && principal.customerId === ownerId;
}

export function assertCanAccessOwned(principal: Principal, ownerId: string | null | undefined): void {
  if (!canAccessOwned(principal, ownerId)) throw new ForbiddenError();
}
