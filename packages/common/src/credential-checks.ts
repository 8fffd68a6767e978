// At most one credential check per request: aliases would otherwise multiply argon2id hashes and code guesses.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The users subgraph's mutations that check a password or a code, or hash a new password. */
export const CREDENTIAL_MUTATIONS: ReadonlySet<string> = new Set([
  'customerLogin',
  'customerRegister',
  'customerPasswordChange',
  'customerPasswordReset',
  'customerEmailUpdate',
  'customerEmailVerify',
  'customerMfaEnroll',
  'customerMfaConfirm',
  'customerMfaDisable',
  'customerDelete',
]);

export const TOO_MANY_CREDENTIAL_CHECKS = 'TOO_MANY_CREDENTIAL_CHECKS';

/**
 * How many credential-checking fields a mutation selects, aliases and fragments included (a field under @skip
 * counts: the document is judged, not its variables). Zero for a query.
 */
export function countCredentialChecks(document: DocumentNode, operation: OperationDefinitionNode): number {
  if (operation.operation !== 'mutation') return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const count = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let n = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) n += CREDENTIAL_MUTATIONS.has(selection.name.value) ? 1 : 0;
      else if (selection.kind === Kind.INLINE_FRAGMENT) n += count(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) n += count(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
    return n;
  };
  return count(operation.selectionSet, new Set());
}

/**
 * Refuses, once the operation is known and before any field runs, a mutation with more than one credential
 * check: HTTP 400 and `extensions.code` TOO_MANY_CREDENTIAL_CHECKS.
 */
export function singleCredentialCheckPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation || countCredentialChecks(document, operation) <= 1) return;
          throw new GraphQLError(
            'A request may sign in, register, or check a password or code only once. Send each of these mutations in its own request.',
            { extensions: { code: TOO_MANY_CREDENTIAL_CHECKS, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
