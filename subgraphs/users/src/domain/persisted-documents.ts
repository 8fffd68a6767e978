// Trusted documents: an admin publishes a client's manifest (Apollo's persisted query manifest format), a partner's
// (a live API key names it) or the shop's own (first-party, such as the storefront: no key, mutations included);
// the gateway then runs that client's documents by hash and, for a safelist-only key, nothing else.
import {
  GraphQLError,
  Kind,
  parse,
  validate,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { z } from 'zod';
import { documentHash, persistedDocumentCacheKey } from '@shop/auth';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  requireAdmin,
  toConnection,
  userError,
  type UserError,
} from '@shop/common';
import type { Context } from '../context';
import { apiKeysRepo } from '../data/security';
import { persistedDocumentsRepo } from '../data/persisted-documents';
import type { PersistedDocument } from './types';

/** More operations than any client's manifest needs; a larger one is refused whole. */
export const MAX_MANIFEST_OPERATIONS = 1000;
/** The longest body a manifest may carry, in characters. */
export const MAX_DOCUMENT_LENGTH = 50_000;
/** Tokens one body may hold, as the gateway's parser allows. */
const MAX_DOCUMENT_TOKENS = 5000;

export const CLIENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const DOCUMENT_ID = /^[0-9a-f]{64}$/;

const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string(),
      name: z.string().max(200).nullable().optional(),
      type: z.string(),
      body: z.string(),
    }),
  ),
});

/** The scopes that let a key change anything: a client none of whose keys holds one publishes only queries. */
const WRITE_SCOPE = /:write$/;

/**
 * Checks every operation (its id is the SHA-256 of its body; the body parses, holds one operation of the type it
 * declares and validates against the supergraph) and only then makes the manifest the client's whole set.
 * Publishing the same manifest again changes nothing; a document missing from it stops running at once.
 */
export async function publishPersistedDocuments(ctx: Context, input: PublishInput): Promise<PublishResult> {
  requireAdmin(ctx.principal);
  return publishManifest(ctx.deps, input);
}

export interface PublishInput {
  clientName: string;
  manifest: unknown;
  firstParty?: boolean | null;
}

export interface PublishResult {
  clientName: string;
  published: number;
  userErrors: UserError[];
}

/** publishPersistedDocuments once the caller is known to be an admin (or the shop itself, at start). */
export async function publishManifest(
  deps: Pick<Context['deps'], 'db' | 'cache' | 'supergraph'>,
  input: PublishInput,
): Promise<PublishResult> {
  const ctx = { deps };
  const clientName = input.clientName.trim();
  const refused = (errors: UserError[]) => ({ clientName, published: 0, userErrors: errors });
  if (!CLIENT_NAME.test(clientName)) {
    return refused([
      userError('INVALID', 'A client name is 1 to 64 letters, digits, dots, dashes or underscores.', [
        'clientName',
      ]),
    ]);
  }
  const keys = await apiKeysRepo.clientScopes(ctx.deps.db, clientName);
  const firstParty = await persistedDocumentsRepo.isFirstParty(ctx.deps.db, clientName);
  if (input.firstParty && keys.length) {
    return refused([
      userError(
        'CLIENT_IS_PARTNER',
        "A live API key names this client: a partner's client cannot be the shop's own.",
        ['firstParty'],
      ),
    ]);
  }
  if (!keys.length && !firstParty && !input.firstParty) {
    return refused([
      userError(
        'NOT_FOUND',
        "No live API key names this client; create its key first, or publish it as the shop's own client (firstParty).",
        ['clientName'],
      ),
    ]);
  }
  const parsed = manifestSchema.safeParse(input.manifest);
  if (!parsed.success) {
    return refused([
      userError(
        'INVALID',
        'The manifest is not an Apollo persisted query manifest (format, version 1, operations).',
        ['manifest'],
      ),
    ]);
  }
  const operations = parsed.data.operations;
  if (operations.length > MAX_MANIFEST_OPERATIONS) {
    return refused([
      userError('TOO_LARGE', `A manifest holds at most ${MAX_MANIFEST_OPERATIONS} operations.`, [
        'manifest',
        'operations',
      ]),
    ]);
  }
  // The shop's own client runs its checkout and account pages: its mutations are the shop's.
  const mayWrite =
    firstParty || input.firstParty === true || keys.some((scopes) => scopes.some((s) => WRITE_SCOPE.test(s)));
  const schema = ctx.deps.supergraph();
  const errors: UserError[] = [];
  const documents = new Map<string, PersistedDocument>();
  operations.forEach((op, i) => {
    const field = ['manifest', 'operations', String(i)];
    const problem = checkOperation(schema, op, mayWrite);
    if (problem) errors.push(userError(problem.code, problem.message, [...field, problem.field]));
    else
      documents.set(op.id, {
        id: op.id,
        name: op.name ?? null,
        type: op.type as PersistedDocument['type'],
        body: op.body,
      });
  });
  if (errors.length) return refused(errors.slice(0, 20));

  const previous = await ctx.deps.db.transaction(async (tx) => {
    if (input.firstParty) await persistedDocumentsRepo.registerFirstParty(tx, clientName);
    const before = await persistedDocumentsRepo.ids(tx, clientName);
    await persistedDocumentsRepo.replace(tx, clientName, [...documents.values()]);
    return before;
  });
  // Dropped documents stop working, added ones start: the gateway's cached answers for either are cleared.
  const touched = new Set([...previous, ...documents.keys()]);
  await ctx.deps.cache.del(
    ...[...touched].flatMap((id) => [
      persistedDocumentCacheKey(clientName, id),
      persistedDocumentCacheKey('*', id),
    ]),
  );
  return { clientName, published: documents.size, userErrors: [] };
}

function checkOperation(
  schema: GraphQLSchema,
  op: { id: string; type: string; body: string; name?: string | null },
  mayWrite: boolean,
): { code: string; message: string; field: string } | null {
  if (op.body.length > MAX_DOCUMENT_LENGTH) {
    return {
      code: 'TOO_LARGE',
      message: `A document is at most ${MAX_DOCUMENT_LENGTH} characters.`,
      field: 'body',
    };
  }
  if (!DOCUMENT_ID.test(op.id) || documentHash(op.body) !== op.id) {
    return { code: 'HASH_MISMATCH', message: 'The id is not the SHA-256 (hex) of the body.', field: 'id' };
  }
  if (op.type !== 'query' && op.type !== 'mutation') {
    return { code: 'INVALID', message: 'The type is query or mutation.', field: 'type' };
  }
  if (op.type === 'mutation' && !mayWrite) {
    return {
      code: 'MUTATION_NOT_ALLOWED',
      message: "This client's keys may only read: publish queries only.",
      field: 'type',
    };
  }
  let operations: OperationDefinitionNode[];
  try {
    const document = parse(op.body, { maxTokens: MAX_DOCUMENT_TOKENS, noLocation: true });
    const invalid = validate(schema, document);
    if (invalid.length) return { code: 'INVALID_DOCUMENT', message: invalid[0]!.message, field: 'body' };
    operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The body does not parse.';
    return { code: 'INVALID_DOCUMENT', message, field: 'body' };
  }
  if (operations.length !== 1 || operations[0]!.operation !== op.type) {
    return {
      code: 'INVALID_DOCUMENT',
      message: 'The body holds exactly one operation, of the type declared.',
      field: 'body',
    };
  }
  return null;
}

const afterCursor = z.object({ id: z.string().regex(DOCUMENT_ID) });

/** A client's published documents, in id order (ADMIN). */
export async function listPersistedDocuments(
  ctx: Context,
  args: { clientName: string; first?: number | null; after?: string | null },
) {
  requireAdmin(ctx.principal);
  const limit = pageSize(args.first);
  const after = decodeCursor(args.after, afterCursor)?.id ?? null;
  const [rows, total] = await Promise.all([
    persistedDocumentsRepo.page(ctx.deps.db, args.clientName, limit + 1, after),
    persistedDocumentsRepo.count(ctx.deps.db, args.clientName),
  ]);
  return toConnection(rows, limit, (d) => encodeCursor({ id: d.id }), total, after !== null);
}

/** What the gateway asks: the document of this id, if the client (any client, when null) published it. */
export async function resolvePersistedDocument(
  ctx: Pick<Context, 'deps'>,
  clientName: string | null,
  id: string,
): Promise<PersistedDocument | null> {
  if ((clientName !== null && !CLIENT_NAME.test(clientName)) || !DOCUMENT_ID.test(id)) return null;
  return persistedDocumentsRepo.byId(ctx.deps.db, clientName, id);
}
