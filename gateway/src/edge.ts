// The edge's accounting of each request: its cost refused above the maximum, taken from the caller's bucket
// before anything runs (a throttled caller never reaches a subgraph), what it did not use given back after, and
// published in `extensions.cost` with what it really cost, refusals included; and, for a GET, the caching
// headers its fields allow.
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, HTTPGraphQLRequest } from '@apollo/server';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { clientAddressKey, HttpError, type GraphQLAnswer, type Principal } from '@shop/common';
import { documentCachePolicy, type CachePolicy } from './cache-policy';
import { actualCost, estimateCost } from './cost';
import type { PartnerTerms } from './identity';
import type { BucketTerms, Buckets, Taken } from './throttle';

/** What the edge learns of one request as it goes. */
export interface EdgeState {
  principal: Principal;
  /** Whose bucket the request draws on: a partner's key, a shopper, or an anonymous client's address. */
  bucketKey: string;
  bucket: BucketTerms;
  requestedQueryCost?: number;
  /** Why the requested cost could not be reckoned, when it could not. */
  costUnknown?: string;
  /** Set once execution started: only then is there an actual cost. */
  executed?: boolean;
  taken?: Taken;
  cachePolicy?: CachePolicy;
}

export interface EdgeContext {
  edge: EdgeState;
}

export interface ThrottleDefaults {
  anonymous: number;
  shopper: number;
  partner: number;
  /** Seconds of its rate a bucket holds. */
  bucketSeconds: number;
  /** The gateway's maximum cost: no bucket holds less. */
  maxCost: number;
}

/** Whose bucket a caller draws on, and its terms. */
export function bucketFor(
  principal: Principal,
  terms: PartnerTerms | null,
  clientIp: string | null,
  defaults: ThrottleDefaults,
): { bucketKey: string; bucket: BucketTerms } {
  let key: string;
  let rate: number;
  if (principal.kind === 'partner') {
    key = `partner:${principal.partnerId}`;
    rate = terms?.costPerSecond ?? defaults.partner;
  } else if (principal.kind === 'customer') {
    key = `customer:${principal.customerId}`;
    rate = defaults.shopper;
  } else {
    key = `address:${clientIp ? clientAddressKey(clientIp) : 'unknown'}`;
    rate = defaults.anonymous;
  }
  return {
    bucketKey: key,
    bucket: {
      restoreRate: rate,
      maximumAvailable: Math.max(Math.round(rate * defaults.bucketSeconds), defaults.maxCost),
    },
  };
}

/** How many variable sets' costs are kept per document: a document is mostly sent with few distinct ones. */
const COSTS_PER_DOCUMENT = 64;

/**
 * The cost of a document on a set of variables (estimateCost), or null when the variables do not coerce,
 * reckoned once per document, operation name and variables rather than per request: Apollo Server keeps each
 * validated document (its store is keyed by the query text's hash) and hands the same node back, so the costs
 * hang off that node and go with it.
 */
function documentCosts(schema: GraphQLSchema) {
  const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
  return (
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ) => {
    let known = costs.get(document);
    if (!known) costs.set(document, (known = new Map()));
    const key = `${operationName ?? ''}\n${variables ? JSON.stringify(variables) : ''}`;
    let cost = known.get(key);
    if (cost === undefined) {
      try {
        cost = estimateCost(schema, document, variables, operationName);
      } catch {
        cost = null;
      }
      if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value!);
      known.set(key, cost);
    }
    return cost;
  };
}

export interface EdgeOptions {
  maxCost: number;
  buckets: Buckets | null;
  publishCost?: boolean;
  /** The parser's token limit, for costing a refused document's text. */
  maxTokens: number;
}

/** Shopify's `extensions.cost`; a requested cost that cannot be reckoned is null, and says why. */
interface PublishedCost {
  requestedQueryCost: number | null;
  requestedQueryCostUnknown?: string;
  /** Null when nothing ran. */
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

const UNPARSED = 'the document does not parse';
const INVALID = 'the document is not valid against the schema';
const UNCOERCED = 'the variables do not coerce';
const NO_DOCUMENT = 'no document this caller may run was sent';

function throttleStatus(taken: Taken | null | undefined): PublishedCost['throttleStatus'] {
  return taken
    ? {
        maximumAvailable: taken.maximumAvailable,
        currentlyAvailable: Math.floor(taken.currentlyAvailable),
        restoreRate: taken.restoreRate,
      }
    : null;
}

/** `extensions.cost` of an answer that ran: what it was charged, what it really cost, and the caller's bucket. */
export function costExtension(requested: number, actual: number, taken: Taken | null | undefined) {
  return { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus(taken) };
}

/** The text, variables and operation name a request sends, by POST or GET. */
function sentDocument(request: HTTPGraphQLRequest): {
  text?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
} {
  let fields: Record<string, unknown> = {};
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    let variables: unknown;
    try {
      variables = JSON.parse(params.get('variables') ?? 'null');
    } catch {
      variables = undefined;
    }
    fields = { query: params.get('query'), variables, operationName: params.get('operationName') };
  } else if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
    fields = request.body as Record<string, unknown>;
  }
  const { query, variables, operationName } = fields;
  return {
    text: typeof query === 'string' ? query : undefined,
    variables:
      variables && typeof variables === 'object' && !Array.isArray(variables)
        ? (variables as Record<string, unknown>)
        : undefined,
    operationName: typeof operationName === 'string' ? operationName : undefined,
  };
}

/**
 * The edge's accounting (see the top of this file) as an Apollo Server plugin, and `refused`, which gives a
 * refusal made before Apollo Server saw the request (a persisted document refused, a malformed hash) its
 * `extensions.cost` as far as it can be reckoned.
 */
export function createEdge(
  /** The running supergraph's schema: read on each request, so a reloaded supergraph is costed as it is. */
  schemaOf: () => GraphQLSchema,
  options: EdgeOptions,
): {
  plugin: ApolloServerPlugin<EdgeContext>;
  /** `edge` is null when the caller itself was refused (a bad key or token): no bucket is known to show. */
  refused: (error: unknown, request: HTTPGraphQLRequest, edge: EdgeState | null) => Promise<never>;
} {
  let costOf = documentCosts(schemaOf());
  let costed = schemaOf();
  const buckets = options.buckets;
  /** What the caller's bucket holds, untouched (a take of nothing). */
  const peek = async (edge: EdgeState) => (buckets ? buckets.take(edge.bucketKey, 0, edge.bucket) : null);

  const plugin: ApolloServerPlugin<EdgeContext> = {
    async requestDidStart() {
      return {
        async parsingDidStart({ contextValue }) {
          return async (error) => {
            if (error) contextValue.edge.costUnknown = UNPARSED;
          };
        },
        async validationDidStart({ contextValue }) {
          return async (errors) => {
            if (errors?.length) contextValue.edge.costUnknown = INVALID;
          };
        },
        async didResolveOperation({ document, request, operationName, contextValue }) {
          const edge = contextValue.edge;
          const schema = schemaOf();
          // A reloaded supergraph starts its costs afresh.
          if (schema !== costed) [costOf, costed] = [documentCosts(schema), schema];
          const cost = costOf(document, request.variables, operationName ?? undefined);
          // Variables that do not coerce are left to execution, which refuses them as BAD_USER_INPUT.
          if (cost === null) {
            edge.costUnknown = UNCOERCED;
            return;
          }
          edge.requestedQueryCost = cost;
          if (cost > options.maxCost) {
            throw new GraphQLError(
              `This request's cost, ${cost}, is above the maximum of ${options.maxCost}: ask for fewer items or nest less.`,
              { extensions: { code: 'COST_LIMIT_EXCEEDED', http: { status: 400 } } },
            );
          }
          if (request.http?.method === 'GET')
            edge.cachePolicy = documentCachePolicy(schema, document, request.variables, operationName);
          if (!buckets) return;
          const taken = await buckets.take(edge.bucketKey, cost, edge.bucket);
          if (!taken) return;
          edge.taken = taken;
          if (!taken.admitted) {
            const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
            throw new GraphQLError(
              `Throttled: this request costs ${cost} and ${Math.floor(taken.currentlyAvailable)} is available; retry in ${seconds} s.`,
              {
                extensions: {
                  code: 'THROTTLED',
                  http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
                },
              },
            );
          }
        },
        async executionDidStart({ contextValue }) {
          contextValue.edge.executed = true;
        },
        async willSendResponse({ response, document, request, operationName, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const edge = contextValue.edge;
          const requested = edge.requestedQueryCost;
          let actual: number | null = null;
          if (edge.executed && requested !== undefined && document) {
            try {
              actual = result.data
                ? actualCost(schemaOf(), document, request.variables, operationName, result.data)
                : 0;
            } catch {
              actual = requested;
            }
          }
          let taken = edge.taken;
          // What the request was charged and did not use goes back to its bucket, as Shopify refunds it.
          if (buckets && taken?.admitted && actual !== null && actual < requested!) {
            taken = (await buckets.take(edge.bucketKey, actual - requested!, edge.bucket)) ?? taken;
          } else if (!taken && options.publishCost !== false) {
            taken = (await peek(edge)) ?? undefined;
          }
          if (options.publishCost === false) return;
          const cost: PublishedCost = {
            requestedQueryCost: requested ?? null,
            ...(requested === undefined ? { requestedQueryCostUnknown: edge.costUnknown ?? INVALID } : {}),
            actualQueryCost: actual,
            throttleStatus: throttleStatus(taken),
          };
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };

  /** The cost of a request refused before it reached Apollo Server: its text's, when it sent one. */
  async function refusedCost(request: HTTPGraphQLRequest, edge: EdgeState | null): Promise<PublishedCost> {
    const { text, variables, operationName } = sentDocument(request);
    let requested: number | null = null;
    let unknown = NO_DOCUMENT;
    if (text !== undefined) {
      const schema = schemaOf();
      let document: DocumentNode | undefined;
      try {
        document = parse(text, { maxTokens: options.maxTokens, noLocation: true });
      } catch {
        unknown = UNPARSED;
      }
      if (document && validate(schema, document).length) unknown = INVALID;
      else if (document) {
        try {
          requested = estimateCost(schema, document, variables, operationName);
        } catch {
          unknown = UNCOERCED;
        }
      }
    }
    return {
      requestedQueryCost: requested,
      ...(requested === null ? { requestedQueryCostUnknown: unknown } : {}),
      actualQueryCost: null,
      throttleStatus: edge ? throttleStatus(await peek(edge)) : null,
    };
  }

  return {
    plugin,
    refused: async (error, request, edge) => {
      const body = error instanceof HttpError ? (error.body as { errors?: unknown } | undefined) : undefined;
      if (!(error instanceof HttpError) || !Array.isArray(body?.errors) || options.publishCost === false)
        throw error;
      const extensions = { cost: await refusedCost(request, edge) };
      throw new HttpError(error.status, error.message, { ...body, extensions }, error.headers);
    },
  };
}

/** Weak: the same JSON may come back byte-identical yet be a new answer; a match means the caller's copy is current. */
function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * A GET's caching headers: `public, max-age=N` when the caller is anonymous and every field is public with a
 * maxAge, else `private, no-store`; `Vary` on the credentials; an ETag, and 304 for a matching If-None-Match.
 */
export function finishAnswer(
  request: HTTPGraphQLRequest,
  answer: GraphQLAnswer,
  edge: EdgeState,
): GraphQLAnswer {
  if (request.method !== 'GET') return answer;
  const headers = answer.headers;
  headers.set('vary', 'Authorization, X-Api-Key');
  const policy = edge.cachePolicy;
  let failed = answer.status !== 200;
  if (!failed) {
    try {
      failed = Boolean((JSON.parse(answer.body) as { errors?: unknown[] }).errors?.length);
    } catch {
      failed = true;
    }
  }
  const shared =
    !failed && edge.principal.kind === 'anonymous' && policy?.scope === 'PUBLIC' && policy.maxAge > 0;
  headers.set('cache-control', shared ? `public, max-age=${policy.maxAge}` : 'private, no-store');
  if (failed) return answer;
  // The cost figures change with the bucket on every answer: the ETag is of the data alone.
  const parsed = JSON.parse(answer.body) as { data?: unknown };
  const etag = etagOf(JSON.stringify(parsed.data ?? null));
  headers.set('etag', etag);
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((m) => m.trim() === etag || m.trim() === '*')) {
    headers.delete('content-length');
    headers.delete('content-type');
    return { status: 304, headers, body: '' };
  }
  return answer;
}
