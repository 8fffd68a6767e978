// The response cache for public reads, as Hive Gateway's response cache and Apollo Router's entity cache: an
// anonymous caller's answer whose every field is public under the subgraphs' `@cacheControl` hints is kept for its
// least max-age, keyed by the document's hash, its operation name and its variables (the whole of what an
// anonymous answer depends on: the gateway forwards nothing else of the request), and purged by the events that
// change what it holds. Only anonymous callers are ever served from it or stored into it; never a mutation, never
// an answer with errors, never one with any private field.
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { documentHash } from '@shop/auth';
import type { Logger, Principal } from '@shop/common';
import type { EventBus } from '@shop/datastores';
import { documentCachePolicy } from './cache-policy';
import { costExtension, type EdgeContext } from './edge';
import { ENTITY_TOPICS, entityTags, purgeTagsOf } from './entity-tags';
import { requestedHash } from './persisted-documents';
import type { ResponseStore } from './response-store';
import type { Buckets } from './throttle';

export interface ResponseCacheContext extends EdgeContext {
  /** The store's purge sequence when this request missed it (see ResponseStore.store). */
  responseCacheSequence?: number;
}

/** The consumer group of the purges: one for every gateway instance, as they share the store. */
const PURGE_GROUP = 'gateway-response-cache';

/** JSON with every object's keys in order: the same variables sent in another order are one entry, not many. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function keyOf(hash: string, operationName: unknown, variables: unknown): string {
  const name = typeof operationName === 'string' ? operationName : '';
  const vars = variables && typeof variables === 'object' ? canonical(variables) : '{}';
  return createHash('sha256').update(`${hash}\n${name}\n${vars}`).digest('base64url');
}

/** Whose answers the cache holds. */
const cacheable = (principal: Principal) => principal.kind === 'anonymous';

/** Mutations of these callers may change public data: their answers' entities are purged before they are sent. */
const changesCatalog = (principal: Principal) =>
  principal.kind === 'service' || (principal.kind === 'customer' && principal.role === 'ADMIN');

/** Does an Accept header take Apollo's `application/json` answer (and not prefer graphql-response+json)? */
const takesJson = (accept: string | undefined) =>
  !accept ||
  (!accept.includes('application/graphql-response+json') && /application\/json|\*\/\*/.test(accept));

export interface ResponseCacheOptions {
  store: ResponseStore;
  schemaOf: () => GraphQLSchema;
  logger: Logger;
  /** The cost buckets: a cached answer is charged its cost as a fresh one is. */
  buckets: Buckets | null;
  /** Whether answers carry `extensions.cost`. */
  publishCost: boolean;
}

export class ResponseCache {
  private warned = 0;

  constructor(private readonly options: ResponseCacheOptions) {}

  /** Logs a store that cannot be reached at most every 10 s; the request goes on without the cache. */
  private unavailable(error: unknown): void {
    const now = Date.now();
    if (now - this.warned < 10_000) return;
    this.warned = now;
    this.options.logger.warn({ err: error }, 'the response cache cannot be reached; answering without it');
  }

  /**
   * The answer to a POSTed request from the cache (the HTTP layer's fast path: no parsing, planning or subgraph
   * call), or null to run it. A miss notes the store's purge sequence on the context for the store that follows.
   */
  async answer(
    body: unknown,
    accept: string | undefined,
    context: ResponseCacheContext,
  ): Promise<string | null> {
    if (!cacheable(context.edge.principal) || !takesJson(accept)) return null;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    const request = body as { query?: unknown; operationName?: unknown; variables?: unknown };
    let hash: string | null;
    try {
      hash = requestedHash(body as Parameters<typeof requestedHash>[0]);
    } catch {
      return null;
    }
    if (typeof request.query === 'string') {
      const text = documentHash(request.query);
      if (hash && hash !== text) return null;
      hash = text;
    }
    if (!hash) return null;
    let found;
    try {
      found = await this.options.store.lookup(keyOf(hash, request.operationName, request.variables));
    } catch (error) {
      this.unavailable(error);
      return null;
    }
    if (found.entry === null) {
      context.responseCacheSequence = found.sequence;
      return null;
    }
    const [requested, actual, data] = splitEntry(found.entry);
    const edge = context.edge;
    edge.requestedQueryCost = requested;
    const buckets = this.options.buckets;
    let taken = buckets ? await buckets.take(edge.bucketKey, requested, edge.bucket) : null;
    // A throttled caller is answered 429 by the whole pipeline, whose take refuses again without charging.
    if (taken && !taken.admitted) return null;
    // What the answer did not use goes back to the bucket, as for an answer that ran.
    if (buckets && taken && actual < requested)
      taken = (await buckets.take(edge.bucketKey, actual - requested, edge.bucket)) ?? taken;
    // The bucket is charged whether or not answers show their cost.
    if (!this.options.publishCost) return `{"data":${data}}\n`;
    const cost = costExtension(requested, actual, taken);
    return `{"data":${data},"extensions":${JSON.stringify({ cost })}}\n`;
  }

  /** Stores anonymous public answers; purges what an admin's (or a service's) mutation answer holds. */
  plugin(): ApolloServerPlugin<ResponseCacheContext> {
    const { store, schemaOf } = this.options;
    return {
      requestDidStart: async () => {
        let maxAge = 0;
        return {
          didResolveOperation: async ({ document, request, operation, operationName, contextValue }) => {
            if (!operation || operation.operation !== 'query' || !cacheable(contextValue.edge.principal))
              return;
            // Variables the operation does not declare change nothing in its answer, but would each make an entry
            // of their own: such a request is answered, never stored.
            const declared = new Set(operation.variableDefinitions?.map((d) => d.variable.name.value));
            if (Object.keys(request.variables ?? {}).some((name) => !declared.has(name))) return;
            const policy = documentCachePolicy(schemaOf(), document, request.variables, operationName);
            if (policy.scope !== 'PUBLIC' || policy.maxAge <= 0) return;
            if (contextValue.responseCacheSequence === undefined) {
              try {
                contextValue.responseCacheSequence = await store.sequence();
              } catch (error) {
                this.unavailable(error);
                return;
              }
            }
            maxAge = policy.maxAge;
          },
          willSendResponse: async ({
            response,
            document,
            request,
            operation,
            operationName,
            contextValue,
            queryHash,
          }) => {
            if (response.body.kind !== 'single' || !document || !operation) return;
            const result = response.body.singleResult;
            if (result.errors?.length || !result.data) return;
            if (response.http.status !== undefined && response.http.status !== 200) return;
            const principal = contextValue.edge.principal;
            if (operation.operation === 'mutation' && changesCatalog(principal)) {
              const held = entityTags(schemaOf(), document, request.variables, operationName, result.data);
              const tags = new Set<string>();
              for (const tag of held ?? []) tags.add(tag).add(`${tag.slice(0, tag.indexOf(':'))}:*`);
              await store.purge([...tags]).catch((error: unknown) => this.unavailable(error));
              return;
            }
            const seen = contextValue.responseCacheSequence;
            if (maxAge <= 0 || seen === undefined || !queryHash || !cacheable(principal)) return;
            const tags = entityTags(schemaOf(), document, request.variables, operationName, result.data);
            if (!tags) return;
            const cost = (result.extensions?.cost ?? {}) as {
              requestedQueryCost?: number;
              actualQueryCost?: number;
            };
            const entry = `${cost.requestedQueryCost ?? 0} ${cost.actualQueryCost ?? 0} ${JSON.stringify(result.data)}`;
            await store
              .store(
                keyOf(queryHash, request.operationName, request.variables),
                entry,
                [...tags],
                maxAge * 1000,
                seen,
              )
              .catch((error: unknown) => this.unavailable(error));
          },
        };
      },
    };
  }

  /** Purges, on each product and inventory event, the answers that hold that product or variant. */
  subscribe(bus: EventBus): void {
    bus.subscribe(PURGE_GROUP, Object.keys(ENTITY_TOPICS), async (event) => {
      await this.options.store.purge(purgeTagsOf(event.topic, event.payload));
    });
  }
}

/** `<requested cost> <actual cost> <data JSON>` */
function splitEntry(entry: string): [number, number, string] {
  const first = entry.indexOf(' ');
  const second = entry.indexOf(' ', first + 1);
  return [Number(entry.slice(0, first)), Number(entry.slice(first + 1, second)), entry.slice(second + 1)];
}
