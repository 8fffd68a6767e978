// The orders service's fulfilment claims: the order a shipment is for must exist, be paid, and still have
// the units to ship. Answers are parsed before use.
import { z } from 'zod';
import { ServiceCallError, ServiceUnavailableError, type ServiceClient } from '@shop/common';

const claimed = z.object({ claimId: z.string(), customerId: z.string().nullable() });
const notFulfillable = z.object({ error: z.literal('ORDER_NOT_FULFILLABLE'), status: z.string() });
const invalidLines = z.object({
  error: z.literal('INVALID_LINES'),
  lines: z.array(
    z.object({
      index: z.number().int(),
      orderLineId: z.string(),
      code: z.enum(['UNKNOWN_LINE', 'QUANTITY_EXCEEDS_REMAINING']),
      remaining: z.number().int(),
    }),
  ),
});

export type ClaimAnswer =
  | { kind: 'claimed'; customerId: string | null }
  | { kind: 'not_found' }
  | { kind: 'not_fulfillable'; status: string }
  | { kind: 'invalid_lines'; lines: z.infer<typeof invalidLines>['lines'] };

export interface OrdersClient {
  claimFulfilment(
    orderId: string,
    claimId: string,
    lines: { orderLineId: string; quantity: number }[],
  ): Promise<ClaimAnswer>;
  releaseFulfilment(orderId: string, claimId: string): Promise<void>;
}

const unavailable = () =>
  new ServiceUnavailableError('The orders service could not be reached. Please retry.');

const orderPath = (orderId: string) => `/internal/orders/${encodeURIComponent(orderId)}/fulfilment-claims`;

export function ordersClient(client: ServiceClient): OrdersClient {
  return {
    async claimFulfilment(orderId, claimId, lines) {
      let raw: unknown;
      try {
        raw = await client.post<unknown>(orderPath(orderId), { claimId, lines });
      } catch (error) {
        if (!(error instanceof ServiceCallError)) throw error;
        if (error.status === 404) return { kind: 'not_found' };
        const refused = notFulfillable.safeParse(error.body);
        if (error.status === 409 && refused.success)
          return { kind: 'not_fulfillable', status: refused.data.status };
        const wrong = invalidLines.safeParse(error.body);
        if (error.status === 422 && wrong.success) return { kind: 'invalid_lines', lines: wrong.data.lines };
        throw unavailable();
      }
      const parsed = claimed.safeParse(raw);
      if (!parsed.success) throw unavailable();
      return { kind: 'claimed', customerId: parsed.data.customerId };
    },
    async releaseFulfilment(orderId, claimId) {
      await client.post(`${orderPath(orderId)}/${encodeURIComponent(claimId)}/release`, {});
    },
  };
}
