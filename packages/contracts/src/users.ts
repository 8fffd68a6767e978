// The users service's internal endpoints, for the gateway: partner API keys and partners' published documents.
import { z } from 'zod';
import { defineEndpoint } from './endpoint';

/** 404 for an unknown or revoked key. */
export const apiKeyResolve = defineEndpoint({
  service: 'users',
  method: 'POST',
  path: '/internal/api-keys/resolve',
  callers: ['gateway'],
  request: z.object({ key: z.string().min(1).max(200) }),
  response: z.object({
    partnerId: z.string(),
    scopes: z.array(z.string()),
    // A partner's terms; the gateway takes a key without them as safelist-only, tied to no client, unmetered.
    clientName: z.string().nullable().optional(),
    safelistOnly: z.boolean().optional(),
    costPerSecond: z.number().nullable().optional(),
  }),
});

/** Without a clientName: any client's (for callers tied to no client, under SAFELIST_MODE). 404 when unpublished. */
export const persistedDocumentResolve = defineEndpoint({
  service: 'users',
  method: 'POST',
  path: '/internal/persisted-documents/resolve',
  callers: ['gateway'],
  request: z.object({ clientName: z.string().min(1).max(64).optional(), id: z.string().length(64) }),
  response: z.object({
    id: z.string(),
    name: z.string().nullable(),
    type: z.enum(['query', 'mutation']),
    body: z.string(),
  }),
});
