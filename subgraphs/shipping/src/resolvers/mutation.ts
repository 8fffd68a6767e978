import type { MutationResolvers } from '../generated/resolvers-types';
import { addCustomerNote } from '../domain/crm';
import { createFulfillment } from '../domain/fulfillment';
import { moveReturn, requestReturn } from '../domain/returns';
import { createSubscription } from '../domain/webhooks';

export const Mutation: MutationResolvers = {
  fulfillmentCreate: (_parent, args, ctx) =>
    createFulfillment(ctx.deps.fulfillment, ctx.principal, {
      orderId: args.orderId,
      lines: args.lines,
      carrier: args.carrier,
      service: args.service,
    }),
  returnRequest: (_parent, { input }, ctx) => requestReturn(ctx.deps.returns, ctx.principal, input),
  returnApprove: (_parent, { id }, ctx) => moveReturn(ctx.deps.returns, ctx.principal, 'approve', id),
  returnReject: (_parent, { id, reason }, ctx) =>
    moveReturn(ctx.deps.returns, ctx.principal, 'reject', id, reason),
  returnReceive: (_parent, { id }, ctx) => moveReturn(ctx.deps.returns, ctx.principal, 'receive', id),
  customerNoteAdd: (_parent, args, ctx) => addCustomerNote(ctx.deps.db, ctx.principal, args),
  webhookSubscriptionCreate: (_parent, args, ctx) =>
    createSubscription(ctx.deps.db, ctx.principal, ctx.deps.webhooks, args),
};
