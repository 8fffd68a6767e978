// Reads the GraphQL selection, so a resolver can skip work for a field the query does not ask for.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Whether the field being resolved selects `name` directly (through inline fragments and named fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === name;
        case Kind.INLINE_FRAGMENT:
          return within(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const fragmentName = selection.name.value;
          if (seen.has(fragmentName)) return false;
          seen.add(fragmentName);
          // eslint-disable-next-line security/detect-object-injection -- fragment names come from the validated query document; fragments is that document's own map
          const fragment = info.fragments[fragmentName];
          // A fragment we cannot see might select it: do the work rather than answer wrongly.
          return fragment ? within(fragment.selectionSet) : true;
        }
        default:
          return true;
      }
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
