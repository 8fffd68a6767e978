// The entities an answer holds, as tags a change can purge by: `Product:<id>` for each object of an entity type
// whose id the answer carries; `Product:*` when it holds one without its id (any change to a product purges it).
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { inventoryChanged, productChanged } from '@shop/contracts';
import { resolveOperation } from './operation';

/** The types whose changes are published on the bus (see `purgeTagsOf`), and what a change of each purges. */
export const ENTITY_TOPICS = {
  [productChanged.topic]: { type: 'Product', idField: 'productId' },
  [inventoryChanged.topic]: { type: 'ProductVariant', idField: 'variantId' },
} as const;

/** A variant shown without its product (a price or option change is published as its product's change). */
const DEPENDS_ON = new Map([['ProductVariant', 'Product']]);

/** The tags a published change purges: the entity's own, and its type's for answers that hold one without an id. */
export function purgeTagsOf(topic: string, payload: Record<string, unknown>): string[] {
  const known = new Map<string, { type: string; idField: string }>(Object.entries(ENTITY_TOPICS)).get(topic);
  if (!known) return [];
  const id = payload[known.idField];
  return typeof id === 'string' ? [`${known.type}:${id}`, `${known.type}:*`] : [`${known.type}:*`];
}

/**
 * The tags of `data`, the answer to `operationName` of `document`: every object of an object type with an `id`
 * field is tagged by its id when it was selected (under any alias), else by its type alone. Abstract types are
 * walked through each fragment whose fields the object carries (an upper bound). Null when the document cannot
 * be walked, so nothing is stored.
 */
export function entityTags(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  data: Record<string, unknown>,
): Set<string> | null {
  let resolved;
  try {
    resolved = resolveOperation(schema, document, variables, operationName);
  } catch {
    return null;
  }
  const { operation, fragments, included } = resolved;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return null;
  const tags = new Set<string>();

  /** The response keys of `set` that select the `id` field of `type`, flattened through fragments. */
  function collect(
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    value: Record<string, unknown>,
    ids: string[],
    enclosing: ReadonlySet<string>,
    seen: Set<string>,
  ) {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) collect(selection.selectionSet, on, value, ids, enclosing, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !on || !isCompositeType(on) || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        collect(fragment.selectionSet, on, value, ids, enclosing, seen);
        seen.delete(fragment.name.value);
        continue;
      }
      const key = selection.alias?.value ?? selection.name.value;
      if (!(key in value) || !('getFields' in type)) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      // eslint-disable-next-line security/detect-object-injection -- key is a response key of the document
      const child = value[key];
      if (selection.name.value === 'id' && typeof child === 'string') ids.push(child);
      const named = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(named))
        visit(selection.selectionSet, named, child, enclosing);
    }
  }

  function visit(
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    value: unknown,
    enclosing: ReadonlySet<string>,
  ) {
    if (Array.isArray(value)) {
      for (const item of value) visit(set, type, item, enclosing);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    const ids: string[] = [];
    let inner = enclosing;
    const entity = isObjectType(type) && 'id' in type.getFields() && type !== root;
    if (entity) inner = new Set([...enclosing, type.name]);
    collect(set, type, object, ids, inner, new Set());
    if (!entity) return;
    if (ids.length) for (const id of ids) tags.add(`${type.name}:${id}`);
    else tags.add(`${type.name}:*`);
    const dependsOn = DEPENDS_ON.get(type.name);
    if (dependsOn && !enclosing.has(dependsOn)) tags.add(`${dependsOn}:*`);
  }

  visit(operation.selectionSet, root, data, new Set());
  return tags;
}
