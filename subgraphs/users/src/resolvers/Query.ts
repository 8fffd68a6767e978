import type { QueryResolvers } from '../generated/resolvers-types';
import { me } from '../domain/accounts';
import { exportData, listSessions } from '../domain/account-settings';
import { listApiKeys } from '../domain/api-keys';
import { listPersistedDocuments } from '../domain/persisted-documents';

export const Query: QueryResolvers = {
  me: (_parent, _args, ctx) => me(ctx),
  customerSessions: (_parent, _args, ctx) => listSessions(ctx),
  customerDataExport: (_parent, _args, ctx) => exportData(ctx),
  apiKeys: (_parent, _args, ctx) => listApiKeys(ctx),
  persistedDocuments: (_parent, args, ctx) => listPersistedDocuments(ctx, args),
};
