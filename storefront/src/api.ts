// The storefront's one way to the API: every operation goes by its hash (Apollo's persistedQuery extension), naming
// the client "storefront" whose manifest the shop publishes; on PERSISTED_QUERY_NOT_FOUND (a gateway it was not
// published to) the body is sent once with the hash (automatic persisted queries register it). The
// bodies live in a chunk of their own, fetched only on such a miss, so the pages ship hashes and no query text.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { session } from './store';

const ENDPOINT: string = import.meta.env.VITE_GRAPHQL_URL ?? '/graphql';

export interface UserError {
  code: string;
  field?: readonly string[] | null;
  message: string;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A request the API refused as a whole (signed out, forbidden, throttled, down): `code` is its extensions.code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

let bodies: Promise<Map<string, string>> | undefined;
async function bodyOf(hash: string): Promise<string> {
  bodies ??= import('./gql/persisted-documents.json').then(
    (m) => new Map(Object.entries(m.default as Record<string, string>)),
  );
  const body = (await bodies).get(hash);
  if (!body)
    throw new ApiError('This page asked for an operation the storefront does not know.', 'UNKNOWN_DOCUMENT');
  return body;
}

function hashOf(document: TypedDocumentNode<unknown, never>): string {
  return (document as unknown as { __meta__: { hash: string } }).__meta__.hash;
}

async function post<T>(hash: string, variables: unknown, query?: string): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    // The shop's own client, whose published documents the gateway runs by hash (also under SAFELIST_MODE=enforce).
    'apollographql-client-name': 'storefront',
  };
  const token = session.get().token;
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    });
  } catch {
    throw new ApiError('The shop is not answering. Check your connection and try again.', 'NETWORK');
  }
  if (res.status === 429)
    throw new ApiError('The shop is busy right now; try again in a few seconds.', 'THROTTLED');
  try {
    return (await res.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The shop answered with an error (HTTP ${res.status}).`, 'HTTP');
  }
}

const notFound = (r: GraphQLResponse<unknown>) =>
  r.errors?.some(
    (e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND' || e.message === 'PersistedQueryNotFound',
  ) ?? false;

export async function request<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const hash = hashOf(document as TypedDocumentNode<unknown, never>);
  let answer = await post<R>(hash, variables);
  if (notFound(answer)) answer = await post<R>(hash, variables, await bodyOf(hash));
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    // A session that ended (signed out elsewhere, expired) signs the shopper out here too.
    if (code === 'UNAUTHENTICATED' && session.get().token) session.set({ token: null });
    throw new ApiError(code === 'UNAUTHENTICATED' ? 'Please sign in again.' : error.message, code);
  }
  if (!answer.data) throw new ApiError('The shop sent an empty answer.', undefined);
  return answer.data;
}
