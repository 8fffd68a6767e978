// The operation a request runs, as the static walks over it (cost, actual cost, cache policy) all need it: the
// operation itself, its fragments by name, its coerced variables, and whether `@skip`/`@include` keep a selection.
import {
  getDirectiveValues,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

export interface ResolvedOperation {
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  values: Record<string, unknown>;
  included: (node: { directives?: FieldNode['directives'] }) => boolean;
}

/**
 * Picks `operationName` (or the only operation) of `document` and coerces `variables` against it. An unknown
 * operation, and variables that do not coerce, throw their GraphQLError as execution would.
 */
export function resolveOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): ResolvedOperation {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation)
    throw new GraphQLError(
      operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name.',
    );
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) throw coerced.errors[0]!;
  const values = coerced.coerced;
  const included = (node: { directives?: FieldNode['directives'] }) =>
    getDirectiveValues(GraphQLSkipDirective, node, values)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, values)?.if !== false;
  return { operation, fragments, values, included };
}
