import type { CustomerResolvers } from '../generated/resolvers-types';
import { assertCanReadCustomer, customerTimeline, segmentsOf } from '../domain/crm';

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, ctx) => {
    assertCanReadCustomer(ctx.principal, ref.id);
    return { id: ref.id };
  },
  timeline: (customer, args, ctx) => customerTimeline(ctx.deps.db, ctx.principal, customer.id, args),
  segments: async (customer, _args, ctx) => {
    assertCanReadCustomer(ctx.principal, customer.id);
    return segmentsOf(await ctx.customerStats.load(customer.id));
  },
};
