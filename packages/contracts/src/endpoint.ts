// An internal HTTP endpoint between services, declared once: the service that serves it, its path, the
// callers it accepts, and the zod schemas of its request and its answer. The callee routes it with
// `endpointRoute`, the caller calls it with `callEndpoint`.
import type { z } from 'zod';
import {
  internalRoute,
  ServiceCallError,
  ServiceUnavailableError,
  type InternalAuth,
  type Route,
  type RouteResponse,
  type ServiceClient,
} from '@shop/common';

export interface Endpoint<Req extends z.ZodTypeAny = z.ZodTypeAny, Res extends z.ZodTypeAny = z.ZodTypeAny> {
  /** The service that serves it: the audience of its callers' identity. */
  service: string;
  method: 'POST';
  /** With `:name` segments for path parameters. */
  path: string;
  callers: readonly string[];
  request: Req;
  /** The 200 answer. */
  response: Res;
}

export function defineEndpoint<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny>(
  endpoint: Endpoint<Req, Res>,
): Endpoint<Req, Res> {
  return endpoint;
}

/** The endpoint's path with its `:name` segments filled in, each encoded. */
export function pathOf(endpoint: Endpoint, params: Record<string, string> = {}): string {
  return endpoint.path.replace(/:(\w+)/g, (_, name: string) => {
    // eslint-disable-next-line security/detect-object-injection -- name is a segment of the endpoint's own path
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}

/**
 * Calls the endpoint and parses its 200 answer with the endpoint's schema. A refusal (4xx) throws the client's
 * ServiceCallError, for the caller to map the refusals it expects; a callee that cannot be reached, fails (5xx)
 * or answers in another shape is SERVICE_UNAVAILABLE, the same in every service.
 */
export async function callEndpoint<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny>(
  client: ServiceClient,
  endpoint: Endpoint<Req, Res>,
  body: z.input<Req>,
  options: { params?: Record<string, string>; requestId?: string } = {},
): Promise<z.output<Res>> {
  const unavailable = () =>
    new ServiceUnavailableError(`The ${endpoint.service} service is temporarily unavailable. Please retry.`);
  let raw: unknown;
  try {
    raw = await client.post<unknown>(pathOf(endpoint, options.params), body, options.requestId);
  } catch (error) {
    if (error instanceof ServiceCallError && error.status >= 500) throw unavailable();
    throw error;
  }
  const parsed = endpoint.response.safeParse(raw);
  if (!parsed.success) throw unavailable();
  return parsed.data as z.output<Res>;
}

/** The endpoint's route: its callers only, its body parsed by its request schema. */
export function endpointRoute<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny>(
  auth: InternalAuth,
  endpoint: Endpoint<Req, Res>,
  handler: (
    input: z.output<Req>,
    ctx: { service: string; params: Record<string, string>; requestId: string },
  ) => Promise<RouteResponse>,
): Route {
  return internalRoute(auth, endpoint.method, endpoint.path, endpoint.callers, endpoint.request, handler);
}

/** A 200 answer, typed by the endpoint's response schema. */
export function ok<Res extends z.ZodTypeAny>(_endpoint: Endpoint<z.ZodTypeAny, Res>, body: z.input<Res>) {
  return { status: 200, body } satisfies RouteResponse;
}
