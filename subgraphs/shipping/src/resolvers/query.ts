import type { QueryResolvers } from '../generated/resolvers-types';
import { listCustomers } from '../domain/crm';
import { shippingRates } from '../domain/pricing';
import { listReturns } from '../domain/returns';
import { trackShipment } from '../domain/tracking';

export const Query: QueryResolvers = {
  shippingRates: (_parent, { input }, ctx) => shippingRates(ctx.deps.pricing, input, ctx.requestId),
  trackShipment: (_parent, { trackingNumber }, ctx) => trackShipment(ctx.deps.db, trackingNumber),
  customers: (_parent, args, ctx) => listCustomers(ctx.deps.db, ctx.principal, args),
  returns: (_parent, { orderId }, ctx) => listReturns(ctx.deps.db, ctx.principal, orderId),
};
