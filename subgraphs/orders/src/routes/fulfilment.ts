// The internal endpoints the shipping service calls to claim (and give back) what it ships of an order.
import { ForbiddenError, type InternalAuth, type Route, type RouteResponse } from '@shop/common';
import { endpointRoute, fulfilmentClaim, fulfilmentClaimRelease, ok } from '@shop/contracts';
import type { SqlDatabase } from '@shop/datastores';
import { claimFulfilment, releaseFulfilment } from '../domain/fulfilment';

async function refusingOthers(run: () => Promise<RouteResponse>): Promise<RouteResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: 403, body: { error: 'FORBIDDEN' } };
    throw error;
  }
}

export function fulfilmentRoutes(deps: { db: SqlDatabase }, auth: InternalAuth): Route[] {
  return [
    // The shipping service alone claims an order for fulfilment.
    endpointRoute(auth, fulfilmentClaim, (input, ctx) =>
      refusingOthers(async () => {
        const result = await claimFulfilment(
          deps,
          { kind: 'service', service: ctx.service },
          { orderId: ctx.params.id ?? '', ...input },
        );
        switch (result.kind) {
          case 'claimed':
            return ok(fulfilmentClaim, { claimId: result.claimId, customerId: result.customerId });
          case 'not_found':
            return { status: 404, body: { error: 'ORDER_NOT_FOUND' } };
          case 'not_fulfillable':
            return { status: 409, body: { error: 'ORDER_NOT_FULFILLABLE', status: result.status } };
          case 'invalid_lines':
            return { status: 422, body: { error: 'INVALID_LINES', lines: result.lines } };
        }
      }),
    ),
    endpointRoute(auth, fulfilmentClaimRelease, (_input, ctx) =>
      refusingOthers(async () => {
        const released = await releaseFulfilment(
          deps,
          { kind: 'service', service: ctx.service },
          {
            orderId: ctx.params.id ?? '',
            claimId: ctx.params.claimId ?? '',
          },
        );
        return ok(fulfilmentClaimRelease, { status: released ? 'RELEASED' : 'NOT_CLAIMED' });
      }),
    ),
  ];
}
