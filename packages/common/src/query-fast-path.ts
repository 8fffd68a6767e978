// A subgraph's queries answered as Apollo Server would answer them, without its per-request pipeline (query hashing,
// request-context assembly, plugin hooks), and executed by a function compiled once per document and operation
// (graphql-jit) rather than by walking the document on every request. Anything this path does not answer exactly
// as Apollo would goes to Apollo Server.
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  execute,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type SourceLocation,
} from 'graphql';

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * An operation of a document. It is compiled (graphql-jit) on its second run: a document seen once, as a crafted
 * one-off would be, never pays for compiling; the queries a storefront repeats run compiled from then on.
 */
interface Operation {
  runs: number;
  /** undefined: not compiled yet; null: graphql-jit could not compile it, so graphql-js runs it. */
  compiled?: CompiledQuery | null;
}

const COMPILE_ON_RUN = 2;

/** A document this path answers: parsed and valid, and its operations by name (null: none such, or not a query). */
interface Prepared {
  document: DocumentNode;
  operations: Map<string | null, Operation | null>;
}

const MAX_DOCUMENTS = 1000;
const MAX_QUERY_LENGTH = 100_000;

/**
 * Gives the response body for a POSTed JSON request, or null to leave the request to Apollo Server: a mutation or
 * subscription, an extension (a persisted query), a document that does not parse or validate, variables that do not
 * coerce (nothing has run then), or an Accept other than JSON.
 * Errors raised while executing are formatted as Apollo Server formats them (a code, INTERNAL_SERVER_ERROR when
 * none, then `formatError`).
 */
export function createQueryFastPath(options: {
  schema: GraphQLSchema;
  formatError: FormatError;
  introspection: boolean;
}) {
  const rules = options.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  // Valid documents by their text, least recently used first; invalid ones are not kept (Apollo answers them).
  const documents = new Map<string, Prepared>();

  function prepare(query: string): Prepared | null {
    const known = documents.get(query);
    if (known) {
      documents.delete(query);
      documents.set(query, known);
      return known;
    }
    if (query.length > MAX_QUERY_LENGTH) return null;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    if (validate(options.schema, document, rules).length > 0) return null;
    const prepared: Prepared = { document, operations: new Map() };
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    documents.set(query, prepared);
    return prepared;
  }

  function operation(prepared: Prepared, name: string | null): Operation | null {
    if (!prepared.operations.has(name)) {
      const definition = getOperationAST(prepared.document, name);
      prepared.operations.set(name, definition?.operation === 'query' ? { runs: 0 } : null);
    }
    return prepared.operations.get(name)!;
  }

  function run(
    document: DocumentNode,
    op: Operation,
    name: string | null,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
  ): Promise<ExecutionResult> | ExecutionResult {
    op.runs += 1;
    if (op.compiled === undefined && op.runs >= COMPILE_ON_RUN) {
      let compiled: CompiledQuery | ExecutionResult | null;
      try {
        compiled = compileQuery(options.schema, document, name ?? undefined);
      } catch {
        compiled = null;
      }
      op.compiled = compiled && isCompiledQuery(compiled) ? compiled : null;
    }
    if (op.compiled) return op.compiled.query(undefined, contextValue, variableValues);
    return execute({
      schema: options.schema,
      document,
      contextValue,
      variableValues,
      operationName: name ?? undefined,
    });
  }

  /** graphql-jit's errors as graphql-js's own: the resolver's error as originalError, its extensions kept. */
  function asGraphQLError(error: unknown): GraphQLError {
    // graphql-jit's errors pass instanceof GraphQLError but carry no extensions of their own.
    if (error instanceof GraphQLError && typeof error.extensions === 'object' && error.extensions !== null)
      return error;
    const jit = error as {
      message: string;
      locations?: readonly SourceLocation[];
      path?: readonly (string | number)[];
      originalError?: Error & { extensions?: Record<string, unknown> };
    };
    const converted = new GraphQLError(jit.message, {
      path: jit.path,
      originalError: jit.originalError,
      extensions: jit.originalError?.extensions,
    });
    if (jit.locations) Object.assign(converted, { locations: jit.locations });
    return converted;
  }

  function formatted(raw: unknown): GraphQLFormattedError {
    const error = asGraphQLError(raw);
    const extensions = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    try {
      return options.formatError({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  }

  return async function answer(
    body: unknown,
    accept: string | undefined,
    contextValue: unknown,
  ): Promise<string | null> {
    if (accept && accept !== '*/*' && !/^application\/json\b/.test(accept)) return null;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    const { query, variables, operationName, extensions, ...rest } = body as Record<string, unknown>;
    if (typeof query !== 'string' || Object.keys(rest).length > 0) return null;
    if (
      extensions !== undefined &&
      extensions !== null &&
      (typeof extensions !== 'object' || Object.keys(extensions).length > 0)
    )
      return null;
    if (
      variables !== undefined &&
      variables !== null &&
      (typeof variables !== 'object' || Array.isArray(variables))
    )
      return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
      return null;
    const prepared = prepare(query);
    if (!prepared) return null;
    const op = operation(prepared, operationName ?? null);
    if (!op) return null;

    const variableValues = (variables ?? undefined) as Record<string, unknown> | undefined;
    const result = await run(prepared.document, op, operationName ?? null, contextValue, variableValues);
    // No data at all: the variables did not coerce, and nothing ran; Apollo answers that (with its status 400).
    if (result.data === undefined) return null;
    // Apollo's field order: errors first.
    const response = result.errors
      ? { errors: result.errors.map(formatted), data: result.data }
      : { data: result.data };
    return JSON.stringify(response) + '\n';
  };
}
