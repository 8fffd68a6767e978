// What a request asks for, before it runs: the static cost of an operation under the IBM GraphQL cost directive
// specification (`@cost`, `@listSize`, as Apollo's demand control reads them), on the request's coerced arguments.
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { resolveOperation, type ResolvedOperation } from './operation';

export interface CostOptions {
  /** The size of a list field that declares no `@listSize` (and of one whose slicing arguments are all unset and that assumes nothing). */
  defaultListSize?: number;
  /** What each root field of a mutation costs besides its selections (the specification's default, 10). */
  mutationWeight?: number;
}

export const DEFAULT_LIST_SIZE = 10;
export const MUTATION_WEIGHT = 10;

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/** Child fields of a connection that take the size its slicing argument asked for (`sizedFields`). */
interface Sized {
  fields: ReadonlySet<string>;
  size: number;
}

function directive(
  node: { astNode?: { directives?: readonly ConstDirectiveNode[] } | null | undefined } | undefined,
  name: string,
) {
  const found = node?.astNode?.directives?.find((d) => d.name.value === name);
  if (!found) return undefined;
  return Object.fromEntries(
    (found.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]),
  ) as Record<string, unknown>;
}

function weightOf(node: Parameters<typeof directive>[0]): number | undefined {
  const weight = directive(node, 'cost')?.weight;
  return typeof weight === 'number' ? weight : undefined;
}

/** A field's own weight: its `@cost`, else its type's, else 1 for an object, interface or union and 0 for a scalar or enum. */
function fieldWeight(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): number {
  return weightOf(field) ?? weightOf(type) ?? (isCompositeType(type) ? 1 : 0);
}

/** The size a slicing argument asks for: the largest given, else the assumed size, else the default. */
function sizeOf(listSize: ListSize | undefined, args: Record<string, unknown>, fallback: number): number {
  const sliced = (listSize?.slicingArguments ?? [])
    // eslint-disable-next-line security/detect-object-injection -- name is a slicing argument named by the schema's own @listSize
    .map((name) => args[name])
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (sliced.length > 0) return Math.max(0, ...sliced);
  return listSize?.assumedSize ?? fallback;
}

/**
 * The cost of running `operationName` of `document` with `variables`: per field, its weight plus the cost of its
 * selections, times its list size for a list (the slicing argument's coerced value, a default included, else its
 * assumed size); a connection's size applies to its `sizedFields`. Fragments count as written (an upper bound for
 * abstract types); `@skip`/`@include` are honoured; introspection costs nothing. Variables that do not coerce
 * throw their GraphQLError, as execution would.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName?: string | null,
  options: CostOptions = {},
): number {
  const defaultListSize = options.defaultListSize ?? DEFAULT_LIST_SIZE;
  const mutationWeight = options.mutationWeight ?? MUTATION_WEIGHT;
  const { operation, fragments, values, included } = resolveOperation(
    schema,
    document,
    variables,
    operationName,
  );

  // A fragment spread many times costs the same each time in the same place: reckoned once.
  const fragmentCosts = new Map<string, number>();
  const spreading = new Set<string>();

  function selectionCost(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    sized: Sized | null,
    root: boolean,
  ): number {
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, sized, root);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (on && isCompositeType(on)) total += selectionCost(selection.selectionSet, on, sized, root);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !on || !isCompositeType(on)) continue;
        const key = `${name}|${parent.name}|${root}|${sized ? `${sized.size}:${[...sized.fields].join(',')}` : ''}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) {
          if (spreading.has(name)) throw new GraphQLError(`Fragment "${name}" spreads itself.`);
          spreading.add(name);
          cost = selectionCost(fragment.selectionSet, on, sized, root);
          spreading.delete(name);
          fragmentCosts.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  }

  function fieldCost(
    node: FieldNode,
    parent: GraphQLCompositeType,
    sized: Sized | null,
    root: boolean,
  ): number {
    const name = node.name.value;
    if (name.startsWith('__') || !('getFields' in parent)) return 0;
    // eslint-disable-next-line security/detect-object-injection -- name is a field of this type, checked by validation
    const field = parent.getFields()[name];
    if (!field) return 0;
    const args = getArgumentValues(field, node, values);
    const type = getNamedType(field.type);
    let argumentWeight = 0;
    for (const arg of field.args) if (args[arg.name] !== undefined) argumentWeight += weightOf(arg) ?? 0;

    const listSize = directive(field, 'listSize') as ListSize | undefined;
    const childSized: Sized | null = listSize?.sizedFields?.length
      ? { fields: new Set(listSize.sizedFields), size: sizeOf(listSize, args, defaultListSize) }
      : null;
    const children =
      node.selectionSet && isCompositeType(type)
        ? selectionCost(node.selectionSet, type, childSized, false)
        : 0;
    const each =
      fieldWeight(field, type) +
      (root && parent === schema.getMutationType() ? mutationWeight : 0) +
      children;
    if (!isListType(getNullableType(field.type))) return argumentWeight + each;
    const size = sized?.fields.has(name)
      ? sized.size
      : childSized
        ? (listSize?.assumedSize ?? defaultListSize)
        : sizeOf(listSize, args, defaultListSize);
    return argumentWeight + size * each;
  }

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) throw new GraphQLError(`The schema has no ${operation.operation} type.`);
  return selectionCost(operation.selectionSet, rootType, null, true);
}

/**
 * What a request really cost, from the data it returned: each field its weight (as estimateCost reckons it) plus
 * its selections', once per list item really returned; a null costs its field's weight alone. Fragments apply
 * where the object's `__typename` (when selected) or the static type allows them.
 */
export function actualCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  data: Record<string, unknown> | null | undefined,
  options: CostOptions = {},
): number {
  if (!data) return 0;
  const mutationWeight = options.mutationWeight ?? MUTATION_WEIGHT;
  let resolved: ResolvedOperation;
  try {
    resolved = resolveOperation(schema, document, variables, operationName);
  } catch {
    return 0;
  }
  const { operation, fragments, included } = resolved;

  /** The fields of `set` that apply to an object of `runtime` type, by response key, as execution merges them. */
  function collect(
    set: SelectionSetNode,
    runtime: GraphQLCompositeType,
    into: Map<string, FieldNode[]>,
    seen: Set<string>,
  ) {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        into.set(key, [...(into.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, runtime))
          collect(selection.selectionSet, runtime, into, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        if (!applies(fragment.typeCondition.name.value, runtime)) continue;
        seen.add(fragment.name.value);
        collect(fragment.selectionSet, runtime, into, seen);
      }
    }
  }

  function applies(condition: string | undefined, runtime: GraphQLCompositeType): boolean {
    if (!condition || condition === runtime.name) return true;
    const on = schema.getType(condition);
    if (!on || !isCompositeType(on)) return false;
    if (isObjectType(runtime)) return isAbstractType(on) && schema.isSubType(on, runtime);
    // The concrete type is not known (no __typename): the fields the data holds are the ones that applied.
    return true;
  }

  function objectCost(
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    value: Record<string, unknown>,
    root: boolean,
  ): number {
    const typename = typeof value.__typename === 'string' ? schema.getType(value.__typename) : undefined;
    const runtime = typename && isObjectType(typename) ? typename : type;
    const fields = new Map<string, FieldNode[]>();
    collect(set, runtime, fields, new Set());
    let total = 0;
    for (const [key, nodes] of fields) {
      const name = nodes[0]!.name.value;
      if (name.startsWith('__') || !('getFields' in runtime)) continue;
      // eslint-disable-next-line security/detect-object-injection -- name is a field of this type, checked by validation
      const field = runtime.getFields()[name];
      if (!field || !(key in value)) continue;
      const named = getNamedType(field.type);
      const weight =
        fieldWeight(field, named) + (root && runtime === schema.getMutationType() ? mutationWeight : 0);
      const merged: SelectionSetNode = {
        kind: Kind.SELECTION_SET,
        selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []),
      };
      // eslint-disable-next-line security/detect-object-injection -- key is a response key of this operation
      total += valueCost(value[key], named, merged, weight);
    }
    return total;
  }

  function valueCost(value: unknown, type: GraphQLNamedType, set: SelectionSetNode, weight: number): number {
    if (Array.isArray(value))
      return value.reduce((sum: number, item: unknown) => sum + valueCost(item, type, set, weight), 0);
    if (value === null || value === undefined || typeof value !== 'object' || !isCompositeType(type))
      return weight;
    return weight + objectCost(set, type, value as Record<string, unknown>, false);
  }

  const rootType = schema.getRootType(operation.operation);
  return rootType ? objectCost(operation.selectionSet, rootType, data, true) : 0;
}
