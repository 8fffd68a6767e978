// The gateway's subgraph client: signs the caller's identity for each subgraph, and lets concurrent identical
// reads of one caller scope share one subgraph fetch.
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type ForwardedIdentity, type Principal } from '@shop/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export interface SubgraphCallContext {
  /** The caller's identity, resolved once per request; each subgraph call carries it signed for that subgraph. */
  identity: Omit<ForwardedIdentity, 'audience'>;
  /**
   * Who may share this request's in-flight subgraph reads (see `sharingScope`); absent, nothing is shared.
   */
  sharingScope?: string;
}

type Options = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>;
export type Fetcher = NonNullable<Options['fetcher']>;

/**
 * Carries a request's sharing scope from `willSendRequest` to the fetcher, which removes it: it never leaves
 * the gateway.
 */
const SCOPE_HEADER = 'x-gateway-sharing-scope';

/**
 * The callers whose identical subgraph reads may share one fetch: every anonymous caller alike; a shopper only
 * with the same session; a partner only with the same key (`apiKeyHash`); a service with itself. Two scopes are
 * equal only when the subgraph would see the same principal, so a shared answer is the one each would have got.
 */
export function sharingScope(principal: Principal, apiKeyHash?: string): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'customer':
      return `customer:${principal.customerId}:${principal.sessionId}:${principal.role}`;
    case 'partner':
      return `partner:${apiKeyHash ?? ''}:${principal.partnerId}:${[...principal.scopes].sort().join(',')}`;
    case 'service':
      return `service:${principal.service}`;
  }
}

/** A query document as the query planner prints it (`{ ... }` or `query ...`); mutations and subscriptions are not. */
const QUERY = /^\s*(?:\{|query\b)/;

/** What one shared fetch brought back: replayed as a fresh response to each caller that waited on it. */
interface Flight {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

export class SignedDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  constructor(
    private readonly subgraph: string,
    private readonly secret: string,
    options: Options & { fetcher: Fetcher },
    deduplicate = true,
    private readonly onUnavailable: (subgraph: string, error: unknown) => void = () => undefined,
  ) {
    super(deduplicate ? { ...options, fetcher: sharedFetches(options.fetcher) } : options);
  }

  /**
   * A subgraph that cannot be reached, times out or answers 5xx/429 leaves the fields it owns null, with one
   * SERVICE_UNAVAILABLE error naming the subgraph (never its address); the rest of the answer is served.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<SubgraphCallContext>,
  ): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      this.onUnavailable(this.subgraph, error);
      return { errors: [subgraphUnavailable(this.subgraph)] };
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCallContext>): void {
    // Signed for this subgraph alone: a header replayed to another subgraph is refused there.
    if ('identity' in context && context.identity) {
      request.http?.headers.set(
        IDENTITY_HEADER,
        signIdentity({ ...context.identity, audience: this.subgraph }, this.secret),
      );
    }
    // Only reads are shared; a mutation always goes alone.
    if ('sharingScope' in context && context.sharingScope !== undefined && QUERY.test(request.query ?? '')) {
      request.http?.headers.set(SCOPE_HEADER, context.sharingScope);
    }
  }
}

/**
 * A fetcher where a request identical (same URL, body — document, variables, extensions — and sharing scope) to
 * one already in flight waits for that fetch instead of sending its own. Each waiter gets a response of its own
 * over the shared text, so each parses its own copy and no request's merging touches another's data. Requests
 * without a scope always go alone.
 */
export function sharedFetches(fetcher: Fetcher): Fetcher {
  const inflight = new Map<string, Promise<Flight>>();
  const shared = async (
    url: string,
    init: { headers: Record<string, string>; body: string } & Record<string, unknown>,
  ) => {
    const { [SCOPE_HEADER]: scope, ...headers } = init.headers;
    if (scope === undefined) return fetcher(url, init as never);
    const key = `${scope}\n${url}\n${init.body}`;
    let flight = inflight.get(key);
    if (!flight) {
      flight = (async (): Promise<Flight> => {
        const res = (await fetcher(url, { ...init, headers } as never)) as unknown as Response;
        return {
          status: res.status,
          statusText: res.statusText,
          headers: res.headers,
          text: await res.text(),
        };
      })();
      inflight.set(key, flight);
      const forget = () => inflight.delete(key);
      flight.then(forget, forget);
    }
    const { text, ...rest } = await flight;
    return new Response(text, rest);
  };
  return shared as unknown as Fetcher;
}

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** The error a client sees for each fetch from a subgraph that is down. */
export function subgraphUnavailable(subgraph: string): GraphQLFormattedError {
  return {
    message: `The ${subgraph} service is unavailable; the fields it serves are null. Please retry shortly.`,
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  };
}

/** A network failure or timeout (no GraphQL answer at all), or an HTTP status that says "not now". */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return true;
  const status = (error.extensions?.response as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && (status >= 500 || status === 429);
}
