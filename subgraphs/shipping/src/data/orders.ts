// The orders service's fulfilment claims: the order a shipment is for must exist, be paid, and still have
// the units to ship. Answers are parsed before use.
import type { z } from 'zod';
import { ServiceCallError, ServiceUnavailableError, type ServiceClient } from '@shop/common';
import {
  callEndpoint,
  fulfilmentClaim,
  fulfilmentClaimRelease,
  fulfilmentInvalidLines as invalidLines,
  fulfilmentNotFulfillable as notFulfillable,
} from '@shop/contracts';

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

export function ordersClient(client: ServiceClient): OrdersClient {
  return {
    async claimFulfilment(orderId, claimId, lines) {
      let claimed: z.infer<typeof fulfilmentClaim.response>;
      try {
        claimed = await callEndpoint(
          client,
          fulfilmentClaim,
          { claimId, lines },
          { params: { id: orderId } },
        );
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
      return { kind: 'claimed', customerId: claimed.customerId };
    },
    async releaseFulfilment(orderId, claimId) {
      await callEndpoint(client, fulfilmentClaimRelease, {}, { params: { id: orderId, claimId } });
    },
  };
}
