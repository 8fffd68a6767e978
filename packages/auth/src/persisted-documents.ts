// The cache entries of partner clients' published documents, shared by the gateway (which caches what it
// resolved) and the users service (which clears them when a client publishes a new manifest).
import { createHash } from 'node:crypto';

/** How long the gateway keeps a client's answer for one document id, found or not. */
export const PERSISTED_DOCUMENT_CACHE_SECONDS = 300;

/** A document's id: the SHA-256 of its text, in lowercase hex. */
export function documentHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export const persistedDocumentCacheKey = (clientName: string, id: string) => `pqdoc:${clientName}:${id}`;
