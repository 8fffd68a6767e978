// The errors every service throws for access and unexpected failures; expected failures are userErrors.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE'
  | 'COST_LIMIT_EXCEEDED';

export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode) {
    super(message, { extensions: { code } });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'You must be signed in to do this.') {
    super(message, 'UNAUTHENTICATED');
  }
}

/** Thrown alike whether the object exists or not, so access checks never reveal existence. */
export class ForbiddenError extends AppError {
  constructor(message = 'You do not have access to this resource.') {
    super(message, 'FORBIDDEN');
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(message, 'NOT_FOUND');
  }
}

export class BadInputError extends AppError {
  constructor(message: string) {
    super(message, 'BAD_USER_INPUT');
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'A service is temporarily unavailable. Please retry.') {
    super(message, 'SERVICE_UNAVAILABLE');
  }
}

/** A request that asks for more than a service resolves at once. */
export class CostLimitError extends AppError {
  constructor(message: string) {
    super(message, 'COST_LIMIT_EXCEEDED');
  }
}

/** An expected failure, returned in a mutation payload. */
export interface UserError {
  code: string;
  field: string[] | null;
  message: string;
}

export function userError(code: string, message: string, field?: string[]): UserError {
  return { code, message, field: field ?? null };
}

const SAFE_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_REQUIRED',
  'THROTTLED',
  'OPERATION_RESOLUTION_FAILURE',
  'COST_LIMIT_EXCEEDED',
  'TOO_MANY_CREDENTIAL_CHECKS',
]);

/**
 * Keeps what a client may see: the message and code of a deliberate error. Anything else
 * (a driver error, a bug) becomes a generic message, so no SQL, host name or stack leaves.
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  if (code && SAFE_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
