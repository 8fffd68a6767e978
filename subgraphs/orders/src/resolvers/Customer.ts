import type { CustomerResolvers } from '../generated/resolvers-types';
import { customerOrders } from '../domain/orders';
import { customerGiftCards } from '../domain/gift-cards';
import { customerPaymentMethods, customerSubscriptions } from '../domain/subscriptions';

export const Customer: CustomerResolvers = {
  // The users subgraph owns the customer; this subgraph only needs the id, and guards each field itself.
  __resolveReference: (ref) => ({ id: ref.id }),
  orders: (c, args, ctx) => customerOrders(ctx, c.id, args.first, args.after),
  subscriptions: (c, args, ctx) => customerSubscriptions(ctx, c.id, args.first, args.after),
  paymentMethods: (c, _args, ctx) => customerPaymentMethods(ctx, c.id),
  giftCards: (c, _args, ctx) => customerGiftCards(ctx, c.id),
};
