// Persisted documents at the edge: a request may name its document by hash (Apollo's
// `extensions.persistedQuery.sha256Hash`, or `documentId`) instead of sending its text. Storefronts register
// documents on a miss (APQ); a partner's safelist-only key runs only its client's published documents.
import type { HTTPGraphQLRequest } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { documentHash, PERSISTED_DOCUMENT_CACHE_SECONDS, persistedDocumentCacheKey } from '@shop/auth';
import {
  customerIdOf,
  HttpError,
  isAdmin,
  ServiceCallError,
  type Logger,
  type Principal,
  type ServiceClient,
} from '@shop/common';
import { callEndpoint, persistedDocumentResolve } from '@shop/contracts';
import type { Cache } from '@shop/datastores';
import { builtInDocument } from './built-in-documents';
import { namedClient } from './client-name';
import type { PartnerTerms } from './identity';

export type SafelistMode = 'off' | 'log' | 'enforce';

/** How long a registered (APQ) document is kept in the shared store after its last registration. */
const REGISTERED_SECONDS = 7 * 24 * 3600;
const HASH = /^[0-9a-f]{64}$/;
/** Any client's published document: the lookup of callers not tied to one client. */
const ANY_CLIENT = '*';

function refusal(status: number, code: string, message: string): HttpError {
  return new HttpError(status, message, { errors: [{ message, extensions: { code } }] });
}

const notFound = () => refusal(200, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound');
const required = () =>
  refusal(400, 'PERSISTED_QUERY_REQUIRED', 'This key runs only its published documents, sent by hash.');
const safelisted = () =>
  refusal(
    400,
    'PERSISTED_QUERY_REQUIRED',
    'This shop runs only published documents (SAFELIST_MODE=enforce): send a published document by hash.',
  );
const clientless = () =>
  refusal(
    400,
    'PERSISTED_QUERY_REQUIRED',
    'This key names no client, so it has no published documents to run: an admin gives it a clientName (apiKeyUpdate).',
  );
const badInput = (message: string) => refusal(400, 'BAD_USER_INPUT', message);

/** The fields of a request that name its document, whether it came by POST (the body) or GET (the query string). */
interface Named {
  query: unknown;
  extensions: unknown;
  documentId: unknown;
}

/**
 * The hash a request names, or null when it names none. A hash that is not 64 lowercase hex digits, an unknown
 * `persistedQuery.version` or a `documentId` of another algorithm is BAD_USER_INPUT.
 */
export function requestedHash(named: Named): string | null {
  const extensions = named.extensions;
  const persisted =
    extensions && typeof extensions === 'object'
      ? (extensions as { persistedQuery?: unknown }).persistedQuery
      : undefined;
  if (persisted !== undefined && persisted !== null) {
    const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
    if (version !== 1) throw badInput('extensions.persistedQuery.version must be 1.');
    if (typeof sha256Hash !== 'string' || !HASH.test(sha256Hash)) {
      throw badInput('extensions.persistedQuery.sha256Hash must be 64 lowercase hexadecimal digits.');
    }
    return sha256Hash;
  }
  if (named.documentId !== undefined && named.documentId !== null) {
    const id = typeof named.documentId === 'string' ? named.documentId.replace(/^sha256:/, '') : '';
    if (!HASH.test(id)) throw badInput('documentId must be "sha256:" and 64 lowercase hexadecimal digits.');
    return id;
  }
  return null;
}

export interface DocumentStoreOptions {
  /** The store every gateway instance shares (Redis, or in process when embedded). */
  cache: Cache;
  users: ServiceClient;
  logger: Logger;
  mode: SafelistMode;
  /** Documents kept in process, by hash. */
  lruSize?: number;
}

/**
 * Where documents are found by hash: an in-process LRU of bodies (a body never changes under its hash, so a
 * hit needs no round trip), then the shared store of registered documents, then the published manifests (held by
 * the users service, their answers cached in the shared store and cleared there when a client publishes).
 */
export class DocumentStore {
  /** Apollo's own LRU (its APQ cache): at most `lruSize` documents and 30 MiB of text. */
  private readonly bodies: InMemoryLRUCache<string>;

  constructor(private readonly options: DocumentStoreOptions) {
    this.bodies = new InMemoryLRUCache<string>({ max: options.lruSize ?? 5000 });
  }

  /**
   * Gives the request with its document's text in `query` and its hash removed, or throws the refusal:
   * PERSISTED_QUERY_REQUIRED / PERSISTED_QUERY_NOT_FOUND for a caller held to published documents,
   * BAD_USER_INPUT for a malformed hash or a text that is not the hash's.
   */
  async prepare(
    request: HTTPGraphQLRequest,
    { principal, terms }: { principal: Principal; terms: PartnerTerms | null },
  ): Promise<HTTPGraphQLRequest> {
    const get = request.method === 'GET';
    const params = new URLSearchParams(request.search);
    let named: Named;
    if (get) {
      let extensions: unknown;
      const raw = params.get('extensions');
      if (raw !== null) {
        try {
          extensions = JSON.parse(raw);
        } catch {
          throw badInput('extensions is not valid JSON.');
        }
      }
      named = {
        query: params.get('query') ?? undefined,
        extensions,
        documentId: params.get('documentId') ?? undefined,
      };
    } else if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
      named = request.body as Named;
    } else {
      return request; // Apollo Server answers a missing or batched body
    }

    const hash = requestedHash(named);
    const text = typeof named.query === 'string' ? named.query : undefined;
    if (hash && text !== undefined && documentHash(text) !== hash) {
      throw badInput('The hash is not the SHA-256 of the query.');
    }
    // A safelist-only key runs its client's published documents; one that names no client (made before keys
    // named clients) has none, and runs nothing until an admin names its client or sets safelistOnly: false.
    const held = terms !== null && terms.safelistOnly;
    // An admin's session is not held to the safelist even under `enforce` (the shop is managed through the
    // gateway): what it runs outside it is logged, under the admin's id, as `log` would.
    const exempt = this.options.mode === 'enforce' && isAdmin(principal);
    const mode = exempt ? 'log' : this.options.mode;
    const offList = (fields: Record<string, unknown>) =>
      exempt
        ? this.options.logger.warn(
            { ...fields, adminId: customerIdOf(principal) },
            'an admin ran a document outside the safelist (admins are exempt under SAFELIST_MODE=enforce)',
          )
        : this.options.logger.warn(fields, 'a document not in any published manifest ran');
    const client = terms?.clientName ?? namedClient(request.headers) ?? ANY_CLIENT;
    let body: string;
    if (held) {
      if (terms.clientName === null) {
        this.options.logger.warn(
          { partnerId: principal.kind === 'partner' ? principal.partnerId : undefined },
          'a safelist-only key that names no client was refused',
        );
        throw text !== undefined || !hash ? clientless() : notFound();
      }
      if (text !== undefined || !hash) throw required();
      body = (await this.published(terms.clientName, hash)) ?? throwIt(notFound());
    } else if (mode === 'enforce') {
      const id = hash ?? (text !== undefined ? documentHash(text) : null);
      if (!id) return request;
      const found = builtInDocument(hash, text) ?? (await this.published(client, id));
      if (!found) throw hash ? notFound() : safelisted();
      body = found;
    } else if (hash) {
      if (text !== undefined) {
        await this.register(hash, text);
        body = text;
      } else {
        body = (await this.registered(hash)) ?? (await this.published(client, hash)) ?? throwIt(notFound());
      }
    } else {
      if (mode === 'log' && text !== undefined && !(await this.published(ANY_CLIENT, documentHash(text)))) {
        offList({ operationName: (named as { operationName?: unknown }).operationName });
      }
      return request;
    }
    if (mode === 'log' && hash && !held && !(await this.published(ANY_CLIENT, hash))) offList({ hash });
    return withDocument(request, params, body);
  }

  private async registered(hash: string): Promise<string | undefined> {
    const local = await this.bodies.get(hash);
    if (local !== undefined) return local;
    const shared = await this.options.cache.get<string>(`apq:${hash}`);
    if (typeof shared === 'string' && documentHash(shared) === hash) await this.bodies.set(hash, shared);
    return typeof shared === 'string' ? shared : undefined;
  }

  private async register(hash: string, text: string): Promise<void> {
    if ((await this.bodies.get(hash)) === text) return;
    await this.bodies.set(hash, text);
    await this.options.cache.set(`apq:${hash}`, text, REGISTERED_SECONDS);
  }

  /** The body of `hash` if `clientName` (or, for `*`, any client) published it; null when it did not. */
  private async published(clientName: string, hash: string): Promise<string | null> {
    const key = persistedDocumentCacheKey(clientName, hash);
    const cached = await this.options.cache.get<{ body: string | null }>(key);
    let body: string | null;
    if (cached && typeof cached === 'object') {
      body = cached.body;
    } else {
      try {
        const found = await callEndpoint(this.options.users, persistedDocumentResolve, {
          ...(clientName === ANY_CLIENT ? {} : { clientName }),
          id: hash,
        });
        body = found.body;
      } catch (error) {
        if (!(error instanceof ServiceCallError && error.status === 404)) throw error;
        body = null;
      }
      await this.options.cache.set(key, { body }, PERSISTED_DOCUMENT_CACHE_SECONDS);
    }
    if (body !== null) await this.bodies.set(hash, body);
    return body;
  }
}

function throwIt(error: Error): never {
  throw error;
}

/** The request as Apollo Server takes it: the document's text in `query`, the hash gone. */
function withDocument(
  request: HTTPGraphQLRequest,
  params: URLSearchParams,
  body: string,
): HTTPGraphQLRequest {
  if (request.method === 'GET') {
    const extensions = params.get('extensions');
    params.delete('documentId');
    params.delete('extensions');
    if (extensions !== null) {
      const { persistedQuery: _persisted, ...rest } = JSON.parse(extensions) as Record<string, unknown>;
      if (Object.keys(rest).length) params.set('extensions', JSON.stringify(rest));
    }
    params.set('query', body);
    // A GET names a query (Apollo refuses a mutation by GET) and the caller's credentials are headers, never
    // cookies a page could send on another site's behalf: what CSRF prevention guards against cannot happen.
    request.headers.set('apollo-require-preflight', 'true');
    return { ...request, search: `?${params.toString()}` };
  }
  const { documentId: _id, extensions, ...rest } = request.body as Record<string, unknown>;
  const others =
    extensions && typeof extensions === 'object'
      ? Object.fromEntries(Object.entries(extensions).filter(([k]) => k !== 'persistedQuery'))
      : undefined;
  return {
    ...request,
    body: { ...rest, query: body, ...(others && Object.keys(others).length ? { extensions: others } : {}) },
  };
}
