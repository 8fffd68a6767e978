// Calls another service's internal endpoints with a signed service identity and a timeout.
import { randomUUID } from 'node:crypto';
import { ServiceUnavailableError } from './errors';
import { IDENTITY_HEADER, signIdentity } from './identity';
import { requestScope } from './logger';

export class ServiceCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
  }
}

export interface ServiceClient {
  post<T>(path: string, body: unknown, requestId?: string): Promise<T>;
  get<T>(path: string, requestId?: string): Promise<T>;
}

export function createServiceClient(options: {
  /** The calling service's name, as the callee sees it. */
  caller: string;
  /** The called service's name: the identity's audience, refused by any other service. */
  target: string;
  baseUrl: string;
  secret: string;
  timeoutMs: number;
}): ServiceClient {
  async function call<T>(method: string, path: string, body: unknown, requestId?: string): Promise<T> {
    const identity = signIdentity(
      {
        principal: { kind: 'service', service: options.caller },
        // The request being served (or event being handled) names the call, so one id runs through every service.
        requestId: requestId ?? requestScope()?.requestId ?? randomUUID(),
        clientIp: null,
        audience: options.target,
      },
      options.secret,
    );
    let response: Response;
    try {
      response = await fetch(new URL(path, options.baseUrl), {
        method,
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      // The callee's address stays out of the message: errors may reach a client.
      throw new ServiceUnavailableError();
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    if (!response.ok)
      throw new ServiceCallError(
        response.status,
        parsed,
        `service call ${method} ${path} answered ${response.status}`,
      );
    return parsed as T;
  }
  return {
    post: (path, body, requestId) => call('POST', path, body, requestId),
    get: (path, requestId) => call('GET', path, undefined, requestId),
  };
}
