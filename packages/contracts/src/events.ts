// Every event one service publishes for others (docs/internal-contracts.md): its topic, its payload schema and
// the version of that schema, declared once. Producers build payloads through `eventOf`, so the compiler holds
// them to the schema; consumers parse with the schema (or a `pick` of the fields they read).
import { z } from 'zod';

export interface EventContract<T extends string = string, S extends z.AnyZodObject = z.AnyZodObject> {
  topic: T;
  /** Raised when a change to the payload would break a consumer of the previous version. */
  version: number;
  schema: S;
}

function defineEvent<T extends string, S extends z.AnyZodObject>(
  topic: T,
  version: number,
  schema: S,
): EventContract<T, S> {
  return { topic, version, schema };
}

export type EventPayload<C extends EventContract> = z.infer<C['schema']>;

/**
 * An outbox entry for `contract`. The payload is typed by the contract's schema and checked against it before it
 * is written: a payload its consumers would refuse fails the producer's transaction (and its tests) instead of
 * being dropped downstream. The payload is written as given (parsing would strip fields the schema omits).
 */
export function eventOf<C extends EventContract>(
  contract: C,
  payload: z.input<C['schema']>,
): { topic: C['topic']; payload: Record<string, unknown> } {
  const checked = contract.schema.safeParse(payload);
  if (!checked.success) {
    // Paths and issue codes only: a payload may hold an email address, and some of zod's messages quote the value.
    const issues = checked.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.code}`);
    throw new Error(
      `${contract.topic} v${contract.version} payload breaks its contract: ${issues.join('; ')}`,
    );
  }
  return { topic: contract.topic, payload };
}

const id = z.string().min(1);
const minor = z.number().int().nonnegative();

export const customerRegistered = defineEvent(
  'customer.registered',
  1,
  z.object({ customerId: id, email: z.string() }),
);

export const customerDeleted = defineEvent('customer.deleted', 1, z.object({ customerId: id }));

export const productChanged = defineEvent(
  'product.changed',
  1,
  z.object({ productId: id, change: z.enum(['created', 'updated', 'deleted']) }),
);

/** As published: the cart's outbox names the variant, and the relay reads its stock as it publishes. */
export const inventoryChanged = defineEvent(
  'inventory.changed',
  1,
  z.object({ variantId: id, quantityAvailable: z.number().int() }),
);

export const orderPaid = defineEvent(
  'order.paid',
  1,
  z.object({
    orderId: id,
    orderNumber: z.string(),
    customerId: z.string().nullable(),
    email: z.string(),
    /** Null for a subscription's renewal order, which has no cart. */
    cartId: z.string().nullable(),
    reservationId: id,
    lines: z.array(z.object({ variantId: id, productId: id, quantity: z.number().int().positive() })),
    totalMinor: minor,
    currencyCode: z.string(),
    /** Captured although its stock was gone (the shop takes backorders). */
    backordered: z.boolean(),
  }),
);

export const orderCancelled = defineEvent(
  'order.cancelled',
  1,
  z.object({
    orderId: id,
    orderNumber: z.string(),
    reservationId: id,
    refundedMinor: minor,
    currencyCode: z.string(),
  }),
);

export const orderRefunded = defineEvent(
  'order.refunded',
  1,
  z.object({
    orderId: id,
    orderNumber: z.string(),
    refundId: id,
    amountMinor: minor,
    currencyCode: z.string(),
  }),
);

const shipmentPayload = z.object({
  shipmentId: id,
  orderId: id,
  customerId: z.string().nullable(),
  status: z.string(),
  trackingNumber: z.string(),
});

export const shipmentCreated = defineEvent('shipment.created', 1, shipmentPayload);
export const shipmentUpdated = defineEvent('shipment.updated', 1, shipmentPayload);

const returnPayload = z.object({
  returnId: id,
  orderId: id,
  customerId: z.string().nullable(),
  status: z.string(),
  lines: z.array(z.object({ orderLineId: id, quantity: z.number().int().positive() })).min(1),
});

export const returnRequested = defineEvent('return.requested', 1, returnPayload);
export const returnApproved = defineEvent('return.approved', 1, returnPayload);
export const returnRejected = defineEvent('return.rejected', 1, returnPayload);
export const returnUpdated = defineEvent('return.updated', 1, returnPayload);
export const returnReceived = defineEvent('return.received', 1, returnPayload);

/** Orders refunded a received return: the cart restocks its units, shipping closes it. */
export const returnRefunded = defineEvent(
  'return.refunded',
  1,
  z.object({
    returnId: id,
    orderId: id,
    orderNumber: z.string(),
    /** Null when nothing was left to refund. */
    refundId: z.string().nullable(),
    amountMinor: minor,
    currencyCode: z.string(),
    lines: z.array(z.object({ variantId: id, quantity: z.number().int().positive() })),
  }),
);

/** Every event of the shop, by topic. */
export const EVENTS = {
  [customerRegistered.topic]: customerRegistered,
  [customerDeleted.topic]: customerDeleted,
  [productChanged.topic]: productChanged,
  [inventoryChanged.topic]: inventoryChanged,
  [orderPaid.topic]: orderPaid,
  [orderCancelled.topic]: orderCancelled,
  [orderRefunded.topic]: orderRefunded,
  [shipmentCreated.topic]: shipmentCreated,
  [shipmentUpdated.topic]: shipmentUpdated,
  [returnRequested.topic]: returnRequested,
  [returnApproved.topic]: returnApproved,
  [returnRejected.topic]: returnRejected,
  [returnUpdated.topic]: returnUpdated,
  [returnReceived.topic]: returnReceived,
  [returnRefunded.topic]: returnRefunded,
} as const;

export type Topic = keyof typeof EVENTS;
