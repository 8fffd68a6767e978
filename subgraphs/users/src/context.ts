import type { GraphQLSchema } from 'graphql';
// The per-request context: the verified identity, the service's dependencies and per-request DataLoaders.
import DataLoader from 'dataloader';
import type { EmailSender, Logger, SubgraphContext } from '@shop/common';
import type { SessionStore } from '@shop/auth';
import type { Cache, SqlDatabase } from '@shop/datastores';
import { addressesRepo, customersRepo } from './data/customers';
import type { PasswordHasher } from './domain/passwords';
import type { LoginThrottle, SendLimiter } from './domain/throttle';
import type { Address, Customer } from './domain/types';
import { isUuid } from './domain/validation';

export interface UsersDeps {
  db: SqlDatabase;
  /** The cache shared with the gateway. */
  cache: Cache;
  sessions: SessionStore;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  limits: SendLimiter;
  email: EmailSender;
  logger: Logger;
  mfaKey: Buffer;
  mfaIssuer: string;
  accountTokenTtlSeconds: number;
  storefrontUrl: string;
  /** A session younger than this may change MFA without re-entering the password. */
  now: () => number;
  /** Publishes committed outbox events at once instead of at the next poll. */
  kickOutbox: () => void;
  /** The supergraph's schema, read at first use: published documents are validated against it. */
  supergraph: () => GraphQLSchema;
  /** Background work (emails) that close() waits for. */
  track: (work: Promise<unknown>) => void;
}

export interface Loaders {
  customerById: DataLoader<string, Customer | null>;
  addressesByCustomer: DataLoader<string, Address[]>;
}

export interface Context extends SubgraphContext {
  deps: UsersDeps;
  loaders: Loaders;
}

export function createLoaders(deps: UsersDeps): Loaders {
  return {
    customerById: new DataLoader(async (ids) => {
      // A malformed id cannot exist, and would fail the uuid cast of the whole batch.
      const found = await customersRepo.byIds(deps.db, ids.filter(isUuid));
      const byId = new Map(found.map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    addressesByCustomer: new DataLoader(async (ids) => {
      const rows = await addressesRepo.forCustomers(deps.db, ids.filter(isUuid));
      return ids.map((id) => rows.filter((a) => a.customerId === id));
    }),
  };
}

export function buildContext(deps: UsersDeps) {
  return (base: SubgraphContext): Context => ({ ...base, deps, loaders: createLoaders(deps) });
}
