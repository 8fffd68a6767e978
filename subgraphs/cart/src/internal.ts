// The internal endpoints other services call (docs/internal-contracts.md): cart snapshots and stock reservations.
import {
  identityFromRequest,
  requireCaller,
  type InternalAuth,
  type Route,
  type RouteResponse,
} from '@shop/common';
import {
  cartSnapshot,
  endpointRoute,
  ok,
  reservationCommit,
  reservationCreate,
  reservationRelease,
  restock,
  type Endpoint,
} from '@shop/contracts';
import type { Deps } from './context';
import { snapshotCart } from './domain/carts';
import { commitReservation } from './domain/inventory';

/** Like internalRoute, for endpoints whose only input is the path: a caller may send no body at all. */
function bodylessRoute(
  auth: InternalAuth,
  endpoint: Endpoint,
  handler: (params: Record<string, string>) => Promise<RouteResponse>,
): Route {
  return {
    method: endpoint.method,
    path: endpoint.path,
    handler: async (request) => {
      requireCaller(identityFromRequest(request.req, auth.secret, auth.service), endpoint.callers);
      await request.rawBody();
      return handler(request.params);
    },
  };
}

/** Stock holds and cart snapshots serve checkout; restocking serves returns. */
export function internalRoutes(deps: Deps, auth: InternalAuth): Route[] {
  return [
    endpointRoute(auth, cartSnapshot, async (input, ctx) => {
      const result = await snapshotCart(deps, ctx.params.id ?? '', input.customerId, ctx.requestId);
      if (result.kind === 'not_found') return { status: 404, body: { error: 'CART_NOT_FOUND' } };
      if (result.kind === 'forbidden') return { status: 403, body: { error: 'FORBIDDEN' } };
      return ok(cartSnapshot, { cart: result.cart });
    }),
    endpointRoute(auth, reservationCreate, async (input) => {
      const result = await deps.inventory.reserve(
        input.reservationId,
        input.lines,
        input.ttlSeconds ?? deps.settings.reservationTtlSeconds,
      );
      if (result.kind === 'insufficient')
        return { status: 409, body: { error: 'INSUFFICIENT_STOCK', variantIds: result.variantIds } };
      const { status, expiresAt } = result.reservation;
      return ok(reservationCreate, { status, expiresAt });
    }),
    bodylessRoute(auth, reservationCommit, async (params) => {
      const result = await commitReservation(deps, params.id ?? '');
      if (result.kind === 'committed') return ok(reservationCommit, { status: 'COMMITTED' });
      if (result.kind === 'not_found') return { status: 404, body: { error: 'RESERVATION_NOT_FOUND' } };
      if (result.kind === 'insufficient')
        return { status: 409, body: { error: 'INSUFFICIENT_STOCK', variantIds: result.variantIds } };
      return { status: 409, body: { error: 'RESERVATION_EXPIRED' } };
    }),
    bodylessRoute(auth, reservationRelease, async (params) => {
      const result = await deps.inventory.release(params.id ?? '', 'RELEASED');
      if (result.kind === 'committed') return { status: 409, body: { error: 'RESERVATION_COMMITTED' } };
      return ok(reservationRelease, { status: 'RELEASED' });
    }),
    endpointRoute(auth, restock, async (input, ctx) => {
      const result = await deps.inventory.restock(input.lines, {
        restockId: input.restockId,
        actor: ctx.service,
        reason: input.reason,
      });
      return ok(restock, { status: result.kind === 'duplicate' ? 'ALREADY_RESTOCKED' : 'RESTOCKED' });
    }),
  ];
}
