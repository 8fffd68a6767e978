// A subgraph's queries answered by graphql-js directly, as Apollo Server would answer them, without its per-request
// pipeline (query hashing, request-context assembly, plugin hooks), which costs about as much as executing a
// cached product read itself. Anything this path does not answer exactly as Apollo would goes to Apollo Server.
import {
  type GraphQLError,
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
  type OperationDefinitionNode,
} from 'graphql';

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** A document this path answers: parsed and valid, and its operations' names mapped to their type. */
interface Prepared {
  document: DocumentNode;
  operations: Map<string | null, OperationDefinitionNode | null>;
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
export function createQueryFastPath(options: { schema: GraphQLSchema; formatError: FormatError; introspection: boolean }) {
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

  function operation(prepared: Prepared, name: string | null): OperationDefinitionNode | null {
    if (!prepared.operations.has(name)) prepared.operations.set(name, getOperationAST(prepared.document, name) ?? null);
    return prepared.operations.get(name)!;
  }

  function formatted(error: GraphQLError): GraphQLFormattedError {
    const extensions = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    try {
      return options.formatError({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  }

  return async function answer(body: unknown, accept: string | undefined, contextValue: unknown): Promise<string | null> {
    if (accept && accept !== '*/*' && !/^application\/json\b/.test(accept)) return null;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    const { query, variables, operationName, extensions, ...rest } = body as Record<string, unknown>;
    if (typeof query !== 'string' || Object.keys(rest).length > 0) return null;
    if (extensions !== undefined && extensions !== null && (typeof extensions !== 'object' || Object.keys(extensions).length > 0)) return null;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
    const prepared = prepare(query);
    if (!prepared) return null;
    const op = operation(prepared, operationName ?? null);
    if (!op || op.operation !== 'query') return null;

    const result: ExecutionResult = await execute({
      schema: options.schema,
      document: prepared.document,
      contextValue,
      variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: operationName ?? undefined,
    });
    // No data at all: the variables did not coerce, and nothing ran; Apollo answers that (with its status 400).
    if (result.data === undefined) return null;
    // Apollo's field order: errors first.
    const response = result.errors ? { errors: result.errors.map(formatted), data: result.data } : { data: result.data };
    return JSON.stringify(response) + '\n';
  };
}

export type QueryFastPath = ReturnType<typeof createQueryFastPath>;
