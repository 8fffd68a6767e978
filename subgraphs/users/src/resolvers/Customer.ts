import type { CustomerResolvers } from '../generated/resolvers-types';
import { resolveCustomerReference } from '../domain/accounts';

export const Customer: CustomerResolvers = {
  __resolveReference: (reference, ctx) => resolveCustomerReference(ctx, reference.id),
  emailVerified: (customer) => customer.emailVerifiedAt !== null,
  mfaEnabled: (customer) => customer.mfaSecretEnc !== null,
  addresses: (customer, _args, ctx) => ctx.loaders.addressesByCustomer.load(customer.id),
  defaultAddress: async (customer, _args, ctx) =>
    (await ctx.loaders.addressesByCustomer.load(customer.id)).find((a) => a.isDefault) ?? null,
};
