// The partner's client: runs the generated typed documents by hash (never their text) with its API key.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** A document as the client preset generates it: its SHA-256 hash embedded as `__meta__.hash`. */
type PersistedDocument<TResult, TVariables> = TypedDocumentNode<TResult, TVariables> & {
  __meta__?: { hash?: string };
};

export interface GraphQLAnswer<TResult> {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: {
    cost?: {
      requestedQueryCost: number;
      actualQueryCost: number;
      throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
    };
  };
}

export interface PartnerClient {
  run<TResult, TVariables>(
    document: PersistedDocument<TResult, TVariables>,
    variables?: TVariables,
  ): Promise<{ status: number; retryAfter: string | null; body: GraphQLAnswer<TResult> }>;
}

export function createPartnerClient(options: { url: string; apiKey: string }): PartnerClient {
  return {
    async run(document, variables) {
      const documentId = document.__meta__?.hash;
      if (!documentId) throw new Error('This document has no hash: generate it with persistedDocuments on.');
      const res = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey },
        body: JSON.stringify({ documentId, variables: variables ?? {} }),
      });
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        body: (await res.json()) as GraphQLAnswer<never>,
      };
    },
  };
}
