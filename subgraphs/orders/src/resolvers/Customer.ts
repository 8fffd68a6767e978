import type { CustomerResolvers } from '../generated/resolvers-types';
import { customerOrders } from '../domain/orders';

export const Customer: CustomerResolvers = {
  // The users subgraph owns the customer; this subgraph only needs the id, and guards each field itself.
  __resolveReference: (ref) => ({ id: ref.id }),
  orders: (c, args, ctx) => customerOrders(ctx, c.id, args.first, args.after),
};
