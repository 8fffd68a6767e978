// A datastore that cannot be reached (stopped, restarting, timing out) is an outage, not a bug: the request
// answers 503 SERVICE_UNAVAILABLE with Retry-After, so a client or the gateway retries it, instead of a 500.

/** What a request refused because a datastore is unreachable tells the client to wait before retrying. */
export const DATASTORE_RETRY_AFTER_SECONDS = 2;

/** Socket-level failures: the server is not there, went away, or did not answer in time. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** The AWS SDK's names for a request that timed out or that the service turned away for now. */
const AWS_UNAVAILABLE = new Set([
  'TimeoutError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

/** Postgres's connection-exception class (08…) and a server shutting down or starting (57P01–57P03). */
const PG_UNAVAILABLE = /^(08...|57P0[1-3])$/;

/** Driver messages that carry no code: node-postgres's pool and ioredis when the connection is gone. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Connection is closed\.?$/,
  /Reached the max retries per request limit/,
  // The AWS SDK wraps a thrown value it does not recognise as an Error (one from another realm) in a new one,
  // keeping only the message, as "AWS SDK error wrapper for Error: connect ECONNREFUSED …".
  /^AWS SDK error wrapper for .*\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/,
];

/**
 * Whether `error` (or what caused it) means a datastore could not be reached, rather than a bug or a refusal
 * the request itself earned.
 */
export function isDatastoreUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, name, message, cause, errors } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_UNAVAILABLE.test(code))) return true;
  if (typeof name === 'string' && AWS_UNAVAILABLE.has(name)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
  // Node's connect tries each address of a name (AggregateError); the SDKs wrap with `cause`.
  if (Array.isArray(errors) && errors.some((e) => isDatastoreUnavailable(e, depth + 1))) return true;
  return isDatastoreUnavailable(cause, depth + 1);
}

/**
 * Whether a GraphQL response body is wholly an outage: no data (or only null root fields) and every error
 * SERVICE_UNAVAILABLE, so the answer is a 503 with Retry-After rather than a 200 a client would not retry.
 */
export function isUnavailableAnswer(body: string): boolean {
  if (!body.includes('"SERVICE_UNAVAILABLE"')) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const { data } = parsed;
    if (data !== null && data !== undefined) {
      if (typeof data !== 'object' || Object.values(data).some((v) => v !== null)) return false;
    }
    return (
      Array.isArray(parsed.errors) &&
      parsed.errors.length > 0 &&
      parsed.errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')
    );
  } catch {
    return false;
  }
}
