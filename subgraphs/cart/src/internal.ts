// The internal endpoints other services call (docs/internal-contracts.md): cart snapshots and stock reservations.
import { z } from 'zod';
import {
  identityFromRequest,
  internalRoute,
  requireCaller,
  type InternalAuth,
  type Route,
  type RouteResponse,
} from '@shop/common';
import type { Deps } from './context';
import { snapshotCart } from './domain/carts';
import { MAX_RESERVATION_LINES, commitReservation } from './domain/inventory';

const id = z.string().min(1).max(200);
const line = z.object({ variantId: id, quantity: z.number().int().min(1).max(10_000) });

/** Like internalRoute, for endpoints whose only input is the path: a caller may send no body at all. */
function bodylessRoute(
  auth: InternalAuth,
  path: string,
  callers: readonly string[],
  handler: (params: Record<string, string>) => Promise<RouteResponse>,
): Route {
  return {
    method: 'POST',
    path,
    handler: async (request) => {
      requireCaller(identityFromRequest(request.req, auth.secret, auth.service), callers);
      await request.rawBody();
      return handler(request.params);
    },
  };
}

/** Stock holds and cart snapshots serve checkout; restocking serves returns. */
const CHECKOUT = ['orders'] as const;
const RETURNS = ['shipping'] as const;

export function internalRoutes(deps: Deps, auth: InternalAuth): Route[] {
  return [
    internalRoute(
      auth,
      'POST',
      '/internal/carts/:id/snapshot',
      CHECKOUT,
      z.object({ customerId: z.string().nullable() }),
      async (input, ctx) => {
        const result = await snapshotCart(deps, ctx.params.id ?? '', input.customerId, ctx.requestId);
        if (result.kind === 'not_found') return { status: 404, body: { error: 'CART_NOT_FOUND' } };
        if (result.kind === 'forbidden') return { status: 403, body: { error: 'FORBIDDEN' } };
        return { status: 200, body: { cart: result.cart } };
      },
    ),
    internalRoute(
      auth,
      'POST',
      '/internal/reservations',
      CHECKOUT,
      z.object({
        reservationId: id,
        lines: z.array(line).min(1).max(MAX_RESERVATION_LINES),
        ttlSeconds: z
          .number()
          .int()
          .min(1)
          .max(24 * 3600)
          .optional(),
      }),
      async (input) => {
        const result = await deps.inventory.reserve(
          input.reservationId,
          input.lines,
          input.ttlSeconds ?? deps.settings.reservationTtlSeconds,
        );
        if (result.kind === 'insufficient')
          return { status: 409, body: { error: 'INSUFFICIENT_STOCK', variantIds: result.variantIds } };
        const { status, expiresAt } = result.reservation;
        return { status: 200, body: { status, expiresAt } };
      },
    ),
    bodylessRoute(auth, '/internal/reservations/:id/commit', CHECKOUT, async (params) => {
      const result = await commitReservation(deps, params.id ?? '');
      if (result.kind === 'committed') return { status: 200, body: { status: 'COMMITTED' } };
      if (result.kind === 'not_found') return { status: 404, body: { error: 'RESERVATION_NOT_FOUND' } };
      if (result.kind === 'insufficient')
        return { status: 409, body: { error: 'INSUFFICIENT_STOCK', variantIds: result.variantIds } };
      return { status: 409, body: { error: 'RESERVATION_EXPIRED' } };
    }),
    bodylessRoute(auth, '/internal/reservations/:id/release', CHECKOUT, async (params) => {
      const result = await deps.inventory.release(params.id ?? '', 'RELEASED');
      if (result.kind === 'committed') return { status: 409, body: { error: 'RESERVATION_COMMITTED' } };
      return { status: 200, body: { status: 'RELEASED' } };
    }),
    internalRoute(
      auth,
      'POST',
      '/internal/restock',
      RETURNS,
      z.object({
        lines: z.array(line).min(1).max(30),
        restockId: id.optional(),
        reason: z.string().min(1).max(500).default('return received'),
      }),
      async (input, ctx) => {
        const result = await deps.inventory.restock(input.lines, {
          restockId: input.restockId,
          actor: ctx.service,
          reason: input.reason,
        });
        return {
          status: 200,
          body: { status: result.kind === 'duplicate' ? 'ALREADY_RESTOCKED' : 'RESTOCKED' },
        };
      },
    ),
  ];
}
