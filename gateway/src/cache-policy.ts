// How long, and for whom, an answer may be cached: Apollo Server's cache-control rules applied to the schema's
// `@cacheControl(maxAge, scope, inheritMaxAge)` hints, statically, over every field a document may select.
import {
  getNamedType,
  isCompositeType,
  Kind,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { resolveOperation, type ResolvedOperation } from './operation';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

export interface CachePolicy {
  /** Seconds the whole answer may be reused; 0 when it may not. */
  maxAge: number;
  scope: CacheScope;
}

interface Hint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
}

function hintOf(
  node: { astNode?: { directives?: readonly ConstDirectiveNode[] } | null } | null | undefined,
): Hint {
  const found = node?.astNode?.directives?.find((d) => d.name.value === 'cacheControl');
  if (!found) return {};
  const args = Object.fromEntries(
    (found.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]),
  );
  return {
    maxAge: typeof args.maxAge === 'number' ? args.maxAge : undefined,
    scope: args.scope === 'PRIVATE' ? 'PRIVATE' : args.scope === 'PUBLIC' ? 'PUBLIC' : undefined,
    inheritMaxAge: args.inheritMaxAge === true,
  };
}

/**
 * The policy of running `operationName` of `document` with `variables` against `schema`, as Apollo Server's
 * cache-control plugin reckons it: each field's hint is its own `@cacheControl`, else its type's; a root field or
 * a field of an object, interface or union type without a maxAge has maxAge 0 (unless it inherits its parent's);
 * a scalar field without one takes its parent's. The answer's maxAge is the least of them, and it is PRIVATE if any
 * field is. Every field a fragment may add counts, whatever type the data turns out to be (an upper bound).
 * A mutation is never cacheable.
 */
export function cachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): CachePolicy {
  let resolved: ResolvedOperation;
  try {
    resolved = resolveOperation(schema, document, variables, operationName);
  } catch {
    return { maxAge: 0, scope: 'PRIVATE' };
  }
  const { operation, fragments, included } = resolved;
  if (operation.operation !== 'query') return { maxAge: 0, scope: 'PRIVATE' };

  let maxAge = Infinity;
  let scope: CacheScope = 'PUBLIC';
  const visiting = new Set<string>();

  function walk(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    parentMaxAge: number | undefined,
    root: boolean,
  ) {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (on && isCompositeType(on)) walk(selection.selectionSet, on, parentMaxAge, root);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !on || !isCompositeType(on) || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        walk(fragment.selectionSet, on, parentMaxAge, root);
        visiting.delete(fragment.name.value);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__') || !('getFields' in parent)) continue;
      // eslint-disable-next-line security/detect-object-injection -- name is a field of this type, checked by validation
      const field = parent.getFields()[name];
      if (!field) continue;
      const type = getNamedType(field.type);
      const own = hintOf(field);
      const typeHint = isCompositeType(type) ? hintOf(type) : {};
      const fieldScope = own.scope ?? typeHint.scope;
      if (fieldScope === 'PRIVATE') scope = 'PRIVATE';
      let fieldMaxAge = own.maxAge ?? (own.inheritMaxAge ? undefined : typeHint.maxAge);
      if (fieldMaxAge === undefined) {
        const inherits = own.inheritMaxAge || (own.maxAge === undefined && typeHint.inheritMaxAge);
        if (inherits || (!root && !isCompositeType(type))) fieldMaxAge = parentMaxAge;
        else fieldMaxAge = 0;
      }
      if (fieldMaxAge !== undefined) maxAge = Math.min(maxAge, fieldMaxAge);
      if (selection.selectionSet && isCompositeType(type))
        walk(selection.selectionSet, type, fieldMaxAge, false);
    }
  }

  const rootType = schema.getQueryType();
  if (!rootType) return { maxAge: 0, scope: 'PRIVATE' };
  walk(operation.selectionSet, rootType, undefined, true);
  return { maxAge: Number.isFinite(maxAge) ? maxAge : 0, scope };
}

/** How many variable sets' policies are kept per document. */
const POLICIES_PER_DOCUMENT = 64;
const policies = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, CachePolicy>>>();

/**
 * `cachePolicy`, reckoned once per schema, document, operation name and variables: Apollo Server hands back the
 * same document node for the same text, and a reloaded supergraph is a new schema, so both key weakly.
 */
export function documentCachePolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
): CachePolicy {
  let bySchema = policies.get(schema);
  if (!bySchema) policies.set(schema, (bySchema = new WeakMap()));
  let known = bySchema.get(document);
  if (!known) bySchema.set(document, (known = new Map()));
  const key = `${operationName ?? ''}\n${variables ? JSON.stringify(variables) : ''}`;
  let policy = known.get(key);
  if (!policy) {
    policy = cachePolicy(schema, document, variables, operationName);
    if (known.size >= POLICIES_PER_DOCUMENT) known.delete(known.keys().next().value!);
    known.set(key, policy);
  }
  return policy;
}
