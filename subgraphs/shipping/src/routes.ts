// The HTTP routes beside GraphQL: the internal rate endpoints for orders, and the carriers' tracking webhooks.
import { AppError, type InternalAuth, type Logger, type Route } from '@shop/common';
import { endpointRoute, ok, rates as ratesEndpoint, rateVerify } from '@shop/contracts';
import { applyTrackingEvents, type FulfillmentDeps } from './domain/fulfillment';
import {
  carrierWebhookBody,
  CARRIER_SIGNATURE_HEADER,
  verifyCarrierSignature,
} from './domain/carrier-webhooks';
import { rateParcel, UnknownVariantsError, verifyRate, type PricingDeps } from './domain/pricing';
import { CARRIERS, RateInputError, type Carrier } from './domain/rates';

export function buildRoutes(options: {
  secret: string;
  pricing: PricingDeps;
  fulfillment: FulfillmentDeps;
  carrierSecrets: Record<Carrier, string>;
  webhookToleranceSeconds: number;
  logger: Logger;
}): Route[] {
  const { secret, pricing, fulfillment, carrierSecrets, logger } = options;
  const auth: InternalAuth = { secret, service: 'shipping' };

  // Rates serve checkout alone.
  const rates = endpointRoute(auth, ratesEndpoint, async (input, ctx) => {
    try {
      return ok(ratesEndpoint, { rates: await rateParcel(pricing, input, ctx.requestId) });
    } catch (error) {
      if (error instanceof RateInputError)
        return { status: 400, body: { error: 'INVALID_INPUT', message: error.message, field: error.field } };
      if (error instanceof UnknownVariantsError) {
        return {
          status: 400,
          body: { error: 'UNKNOWN_VARIANT', message: error.message, variantIds: error.variantIds },
        };
      }
      if (error instanceof AppError && error.extensions.code === 'SERVICE_UNAVAILABLE') {
        return { status: 503, body: { error: 'SERVICE_UNAVAILABLE' } };
      }
      throw error;
    }
  });

  const verify = endpointRoute(auth, rateVerify, async (input) => {
    const rate = verifyRate(pricing.signer, input);
    return rate ? ok(rateVerify, { rate }) : { status: 400, body: { error: 'INVALID_RATE' } };
  });

  const carrierWebhook: Route = {
    method: 'POST',
    path: '/webhooks/carriers/:carrier',
    handler: async (request) => {
      const carrier = (request.params.carrier ?? '').toUpperCase();
      if (!(CARRIERS as readonly string[]).includes(carrier))
        return { status: 404, body: { error: 'Unknown carrier' } };
      const raw = await request.rawBody();
      // eslint-disable-next-line security/detect-object-injection -- the key is the constant header name
      const header = request.req.headers[CARRIER_SIGNATURE_HEADER];
      const signature = Array.isArray(header) ? header[0] : header;
      if (
        !verifyCarrierSignature(
          carrierSecrets[carrier as Carrier],
          signature,
          raw,
          options.webhookToleranceSeconds,
        )
      ) {
        logger.warn({ carrier }, 'carrier webhook refused: bad signature');
        return { status: 401, body: { error: 'Invalid signature' } };
      }
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        return { status: 400, body: { error: 'Body is not valid JSON' } };
      }
      const parsed = carrierWebhookBody.safeParse(json);
      if (!parsed.success)
        return {
          status: 400,
          body: { error: 'Invalid events', issues: parsed.error.issues.map((i) => i.message) },
        };
      const result = await applyTrackingEvents(fulfillment, carrier as Carrier, parsed.data.events);
      return { status: 200, body: { received: parsed.data.events.length, ...result } };
    },
  };

  return [rates, verify, carrierWebhook];
}
