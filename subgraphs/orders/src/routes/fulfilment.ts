// The internal endpoints the shipping service calls to claim (and give back) what it ships of an order.
import { z } from 'zod';
import {
  ForbiddenError,
  internalRoute,
  type InternalAuth,
  type Route,
  type RouteResponse,
} from '@shop/common';
import type { SqlDatabase } from '@shop/datastores';
import { claimFulfilment, releaseFulfilment } from '../domain/fulfilment';

const id = z.string().min(1).max(100);

/** The most lines one shipment carries (the shipping service's own bound). */
const MAX_CLAIM_LINES = 100;

async function refusingOthers(run: () => Promise<RouteResponse>): Promise<RouteResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: 403, body: { error: 'FORBIDDEN' } };
    throw error;
  }
}

/** The shipping service alone claims an order for fulfilment. */
const FULFILMENT = ['shipping'] as const;

export function fulfilmentRoutes(deps: { db: SqlDatabase }, auth: InternalAuth): Route[] {
  return [
    internalRoute(
      auth,
      'POST',
      '/internal/orders/:id/fulfilment-claims',
      FULFILMENT,
      z.object({
        claimId: id,
        lines: z
          .array(z.object({ orderLineId: id, quantity: z.number().int().min(1).max(10_000) }))
          .min(1)
          .max(MAX_CLAIM_LINES),
      }),
      (input, ctx) =>
        refusingOthers(async () => {
          const result = await claimFulfilment(
            deps,
            { kind: 'service', service: ctx.service },
            { orderId: ctx.params.id ?? '', ...input },
          );
          switch (result.kind) {
            case 'claimed':
              return { status: 200, body: { claimId: result.claimId, customerId: result.customerId } };
            case 'not_found':
              return { status: 404, body: { error: 'ORDER_NOT_FOUND' } };
            case 'not_fulfillable':
              return { status: 409, body: { error: 'ORDER_NOT_FULFILLABLE', status: result.status } };
            case 'invalid_lines':
              return { status: 422, body: { error: 'INVALID_LINES', lines: result.lines } };
          }
        }),
    ),
    internalRoute(
      auth,
      'POST',
      '/internal/orders/:id/fulfilment-claims/:claimId/release',
      FULFILMENT,
      z.object({}),
      (_input, ctx) =>
        refusingOthers(async () => {
          const released = await releaseFulfilment(
            deps,
            { kind: 'service', service: ctx.service },
            {
              orderId: ctx.params.id ?? '',
              claimId: ctx.params.claimId ?? '',
            },
          );
          return { status: 200, body: { status: released ? 'RELEASED' : 'NOT_CLAIMED' } };
        }),
    ),
  ];
}
