// Partner API keys: an admin creates one (the key is shown once, only its hash is kept) and revokes it;
// the gateway resolves `X-Api-Key` through the internal endpoint.
import { randomBytes } from 'node:crypto';
import { apiKeyHash, forgetApiKey, forgetApiKeyTerms } from '@shop/auth';
import { PARTNER_SCOPES, requireAdmin, userError, type UserError } from '@shop/common';
import type { SqlExecutor } from '@shop/datastores';
import type { Context } from '../context';
import { persistedDocumentsRepo } from '../data/persisted-documents';
import { apiKeysRepo } from '../data/security';
import type { ApiKey } from './types';
import { CLIENT_NAME } from './persisted-documents';
import { boundedText, isUuid } from './validation';

export const API_KEY_PREFIX = 'shk_';

export const hashApiKey = apiKeyHash;

export interface ApiKeyInput {
  name: string;
  scopes: string[];
  clientName?: string | null;
  safelistOnly?: boolean | null;
  costPerSecond?: number | null;
}

/** The most a key's bucket may refill per second. */
export const MAX_COST_PER_SECOND = 1_000_000;

/**
 * The terms a key runs on, checked: a client name of the allowed form, a cost rate in range, and the rule that a
 * safelist-only key names its client (a safelist-only key with no client would have no documents to run).
 */
function checkTerms(
  terms: { clientName: string | null; safelistOnly: boolean; costPerSecond: number | null },
  errors: UserError[],
): void {
  const { clientName, costPerSecond } = terms;
  if (clientName !== null && !CLIENT_NAME.test(clientName)) {
    errors.push(
      userError('INVALID', 'A client name is 1 to 64 letters, digits, dots, dashes or underscores.', [
        'clientName',
      ]),
    );
  }
  if (clientName === null && terms.safelistOnly) {
    errors.push(
      userError(
        'CLIENT_NAME_REQUIRED',
        "A safelist-only key runs its client's published documents: name the client, or set safelistOnly: false.",
        ['clientName'],
      ),
    );
  }
  if (
    costPerSecond !== null &&
    (!Number.isInteger(costPerSecond) || costPerSecond < 1 || costPerSecond > MAX_COST_PER_SECOND)
  ) {
    errors.push(
      userError('INVALID', `costPerSecond is between 1 and ${MAX_COST_PER_SECOND}.`, ['costPerSecond']),
    );
  }
}

/** A partner's key may not take the name of one of the shop's own clients (it would run their documents). */
async function checkNotFirstParty(
  db: SqlExecutor,
  clientName: string | null,
  errors: UserError[],
): Promise<void> {
  if (clientName !== null && (await persistedDocumentsRepo.isFirstParty(db, clientName))) {
    errors.push(
      userError(
        'CLIENT_IS_FIRST_PARTY',
        `"${clientName}" is one of the shop's own clients; name the partner's.`,
        ['clientName'],
      ),
    );
  }
}

export async function createApiKey(
  ctx: Context,
  input: ApiKeyInput,
): Promise<{ apiKey: ApiKey | null; key: string | null; userErrors: UserError[] }> {
  const admin = requireAdmin(ctx.principal);
  const { name: rawName, scopes: rawScopes } = input;
  const errors: UserError[] = [];
  const clientName = input.clientName?.trim() || null;
  const costPerSecond = input.costPerSecond ?? null;
  const safelistOnly = input.safelistOnly ?? true;
  checkTerms({ clientName, safelistOnly, costPerSecond }, errors);
  await checkNotFirstParty(ctx.deps.db, clientName, errors);
  const name = boundedText(rawName, { field: ['name'], max: 100, label: 'Name', required: true }, errors);
  const scopes = [...new Set(rawScopes.map((s) => s.trim()))];
  if (!scopes.length || scopes.some((s) => !(PARTNER_SCOPES as readonly string[]).includes(s))) {
    errors.push(
      userError('INVALID_SCOPES', `Give one or more of the scopes ${PARTNER_SCOPES.join(', ')}.`, ['scopes']),
    );
  }
  if (errors.length || !name) return { apiKey: null, key: null, userErrors: errors };
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const apiKey = await apiKeysRepo.insert(ctx.deps.db, {
    name,
    keyHash: hashApiKey(key),
    prefix: key.slice(0, API_KEY_PREFIX.length + 6),
    scopes,
    clientName,
    safelistOnly,
    costPerSecond,
    createdBy: admin.customerId,
  });
  return { apiKey, key, userErrors: [] };
}

/**
 * Changes a live key's terms (ADMIN): an argument left out keeps its value, `null` clears it. The result must
 * hold to the same rule as a new key (a safelist-only key names its client); the gateway sees it at once.
 */
export async function updateApiKey(
  ctx: Context,
  input: { id: string } & Omit<ApiKeyInput, 'name' | 'scopes'>,
): Promise<{ apiKey: ApiKey | null; userErrors: UserError[] }> {
  requireAdmin(ctx.principal);
  const notFound = {
    apiKey: null,
    userErrors: [userError('NOT_FOUND', 'No live API key has this id.', ['id'])],
  };
  if (!isUuid(input.id)) return notFound;
  const outcome = await ctx.deps.db.transaction(async (tx) => {
    const current = await apiKeysRepo.live(tx, input.id);
    if (!current) return notFound;
    const clientName = input.clientName === undefined ? current.clientName : input.clientName?.trim() || null;
    const safelistOnly = input.safelistOnly ?? current.safelistOnly;
    const costPerSecond = input.costPerSecond === undefined ? current.costPerSecond : input.costPerSecond;
    const errors: UserError[] = [];
    checkTerms({ clientName, safelistOnly, costPerSecond }, errors);
    if (clientName !== current.clientName) await checkNotFirstParty(tx, clientName, errors);
    if (errors.length) return { apiKey: null, userErrors: errors };
    return (
      (await apiKeysRepo.updateTerms(tx, input.id, { clientName, safelistOnly, costPerSecond })) ?? notFound
    );
  });
  if (!('keyHash' in outcome)) return outcome;
  // The gateway caches a resolved key for a minute: cleared once the change is committed, it applies from the
  // next request.
  await forgetApiKeyTerms(ctx.deps.cache, outcome.keyHash);
  return { apiKey: outcome.apiKey, userErrors: [] };
}

export async function revokeApiKey(
  ctx: Context,
  id: string,
): Promise<{ apiKey: ApiKey | null; userErrors: UserError[] }> {
  requireAdmin(ctx.principal);
  const revoked = isUuid(id) ? await apiKeysRepo.revoke(ctx.deps.db, id) : null;
  if (!revoked)
    return { apiKey: null, userErrors: [userError('NOT_FOUND', 'No API key has this id.', ['id'])] };
  // The gateway caches a resolved key for a minute: refused from the next request, and from any in flight.
  await forgetApiKey(ctx.deps.cache, revoked.keyHash);
  return { apiKey: revoked.apiKey, userErrors: [] };
}

export async function listApiKeys(ctx: Context): Promise<ApiKey[]> {
  requireAdmin(ctx.principal);
  return apiKeysRepo.list(ctx.deps.db);
}

/** What the gateway learns of a key: who the partner is, and the terms it runs on. */
export interface PartnerKeyTerms {
  partnerId: string;
  scopes: string[];
  clientName: string | null;
  safelistOnly: boolean;
  costPerSecond: number | null;
}

/** The partner behind a key, or null; the key's id is the partner's id. */
export async function resolveApiKey(db: SqlExecutor, key: string): Promise<PartnerKeyTerms | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) return null;
  const apiKey = await apiKeysRepo.resolve(db, hashApiKey(key));
  return apiKey
    ? {
        partnerId: apiKey.id,
        scopes: apiKey.scopes,
        clientName: apiKey.clientName,
        safelistOnly: apiKey.safelistOnly,
        costPerSecond: apiKey.costPerSecond,
      }
    : null;
}
