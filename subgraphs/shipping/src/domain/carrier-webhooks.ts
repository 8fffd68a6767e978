// Carrier tracking webhooks: each carrier signs `<timestamp>.<raw body>` with its own key (HMAC-SHA256).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { SHIPMENT_STATUSES } from './shipments';

export const CARRIER_SIGNATURE_HEADER = 'x-carrier-signature';

export function signCarrierPayload(secret: string, rawBody: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** True when the header carries a fresh timestamp and a matching HMAC of this exact body. */
export function verifyCarrierSignature(
  secret: string,
  header: string | undefined,
  rawBody: Buffer,
  toleranceSeconds: number,
  now = Date.now(),
): boolean {
  if (!header || header.length > 512) return false;
  const parts = new Map(
    header.split(',').map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || !given) return false;
  // A captured delivery cannot be replayed outside the window.
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const carrierWebhookBody = z.object({
  events: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        trackingNumber: z.string().min(1).max(64),
        status: z.enum(SHIPMENT_STATUSES),
        description: z.string().min(1).max(500),
        location: z.string().max(200).nullish(),
        occurredAt: z.string().datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(500),
});
