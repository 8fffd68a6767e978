import type { OrderResolvers } from '../generated/resolvers-types';
import { orderReference, orderShipments } from '../domain/tracking';

export const Order: OrderResolvers = {
  __resolveReference: (ref, ctx) => orderReference(ctx.principal, ctx, ref),
  shipments: (order, _args, ctx) => orderShipments(ctx.principal, ctx, order),
};
