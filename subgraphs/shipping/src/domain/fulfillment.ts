// The story of shipping an order: an admin books a carrier, the carrier reports the parcel's journey.
import { randomUUID } from 'node:crypto';
import { requireAdminOrScope, userError, type Principal, type UserError } from '@shop/common';
import { eventOf, shipmentCreated, shipmentUpdated } from '@shop/contracts';
import { enqueueEvents, isUniqueViolation, type SqlDatabase, type SqlExecutor } from '@shop/datastores';
import { crmRepo } from '../data/crm';
import type { ClaimAnswer, OrdersClient } from '../data/orders';
import { shipmentsRepo } from '../data/shipments';
import { returnScanned } from './returns';
import { CARRIERS, findService, MAX_ITEMS, MAX_QUANTITY, SERVICES, type Carrier } from './rates';
import {
  addBusinessDays,
  advance,
  sandboxTrackingNumber,
  type Shipment,
  type ShipmentStatus,
} from './shipments';

export interface FulfillmentDeps {
  db: SqlDatabase;
  /** The orders service: each shipment claims its order's lines there first. */
  orders: OrdersClient;
  /** Called after a commit that wrote outbox events, so they are relayed at once. */
  onEvents: () => void;
  now?: () => Date;
}

export interface FulfillmentInput {
  orderId: string;
  lines: { orderLineId: string; quantity: number }[];
  carrier: Carrier;
  service: string;
}

export interface FulfillmentPayload {
  shipment: Shipment | null;
  label: { format: string; data: string } | null;
  userErrors: UserError[];
}

function sandboxLabel(s: {
  carrier: Carrier;
  service: string;
  trackingNumber: string;
  orderId: string;
}): string {
  const zpl = [
    '^XA',
    `^FO50,50^A0N,40,40^FD${s.carrier} ${s.service}^FS`,
    `^FO50,120^BCN,100,Y,N,N^FD${s.trackingNumber}^FS`,
    `^FO50,260^A0N,30,30^FDOrder ${s.orderId}^FS`,
    '^FO50,310^A0N,24,24^FDSANDBOX LABEL - NOT FOR SHIPPING^FS',
    '^XZ',
  ].join('\n');
  return Buffer.from(zpl).toString('base64');
}

function validate(input: FulfillmentInput): UserError[] {
  const errors: UserError[] = [];
  if (!input.orderId.trim() || input.orderId.length > 100)
    errors.push(userError('INVALID_ORDER', 'An order id is required', ['orderId']));
  if (!CARRIERS.includes(input.carrier))
    errors.push(userError('UNKNOWN_CARRIER', 'Unknown carrier', ['carrier']));
  else if (!findService(input.carrier, input.service)) {
    const offered = SERVICES.filter((s) => s.carrier === input.carrier).map((s) => s.service);
    errors.push(
      userError('UNKNOWN_SERVICE', `${input.carrier} offers ${offered.join(' and ')}`, ['service']),
    );
  }
  if (input.lines.length < 1 || input.lines.length > MAX_ITEMS) {
    errors.push(userError('INVALID_LINES', `Ship between 1 and ${MAX_ITEMS} lines`, ['lines']));
  }
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (!line.orderLineId.trim() || line.orderLineId.length > 100) {
      errors.push(
        userError('INVALID_LINE', 'An order line id is required', ['lines', String(i), 'orderLineId']),
      );
    } else if (seen.has(line.orderLineId)) {
      errors.push(
        userError('DUPLICATE_LINE', 'Each order line may appear once', ['lines', String(i), 'orderLineId']),
      );
    }
    seen.add(line.orderLineId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      errors.push(
        userError('INVALID_QUANTITY', `Quantity must be between 1 and ${MAX_QUANTITY}`, [
          'lines',
          String(i),
          'quantity',
        ]),
      );
    }
  });
  return errors;
}

export function shipmentEvent(
  contract: typeof shipmentCreated | typeof shipmentUpdated,
  s: {
    id: string;
    orderId: string;
    customerId: string | null;
    status: ShipmentStatus;
    trackingNumber: string;
  },
) {
  return eventOf(contract, {
    shipmentId: s.id,
    orderId: s.orderId,
    customerId: s.customerId,
    status: s.status,
    trackingNumber: s.trackingNumber,
  });
}

/** Why the orders service refused the claim, as userErrors on the input that caused it. */
function claimErrors(answer: Exclude<ClaimAnswer, { kind: 'claimed' }>): UserError[] {
  switch (answer.kind) {
    case 'not_found':
      return [userError('ORDER_NOT_FOUND', 'The order does not exist', ['orderId'])];
    case 'not_fulfillable':
      return [
        userError('ORDER_NOT_FULFILLABLE', `An order that is ${answer.status} cannot be shipped`, [
          'orderId',
        ]),
      ];
    case 'invalid_lines':
      return answer.lines.map((line) =>
        line.code === 'UNKNOWN_LINE'
          ? userError('UNKNOWN_LINE', 'The order has no such line', [
              'lines',
              String(line.index),
              'orderLineId',
            ])
          : userError(
              'QUANTITY_EXCEEDS_REMAINING',
              `Only ${line.remaining} of this line ${line.remaining === 1 ? 'is' : 'are'} left to ship`,
              ['lines', String(line.index), 'quantity'],
            ),
      );
  }
}

/**
 * Admin or fulfillment:write only. The orders service is asked first: the order must exist and be paid,
 * and each line must be the order's with that many units left to ship. Its claim also stops a cancellation.
 * The shipment belongs to the order's customer.
 */
export async function createFulfillment(
  deps: FulfillmentDeps,
  principal: Principal,
  input: FulfillmentInput,
): Promise<FulfillmentPayload> {
  requireAdminOrScope(principal, 'fulfillment:write');
  const errors = validate(input);
  if (errors.length) return { shipment: null, label: null, userErrors: errors };

  const service = findService(input.carrier, input.service)!;
  const now = deps.now?.() ?? new Date();
  const id = randomUUID();
  const claim = await deps.orders.claimFulfilment(input.orderId, id, input.lines);
  if (claim.kind !== 'claimed') return { shipment: null, label: null, userErrors: claimErrors(claim) };
  const customerId = claim.customerId;
  try {
    await insertShipment(deps, { ...input, id, customerId, now, days: service.days });
  } catch (error) {
    // Nothing was shipped, so the units go back to the order (and it may be cancelled again). Should the
    // release fail too, the units stay claimed (never shipped twice) and the first error is the one to report.
    await deps.orders.releaseFulfilment(input.orderId, id).catch(() => undefined);
    throw error;
  }
  deps.onEvents();
  const shipment = await shipmentsRepo.byId(deps.db, id);
  return { shipment, label: await shipmentsRepo.label(deps.db, id), userErrors: [] };
}

async function insertShipment(
  deps: FulfillmentDeps,
  input: FulfillmentInput & { id: string; customerId: string | null; now: Date; days: number },
): Promise<void> {
  const { id, customerId, now } = input;
  for (let attempt = 0; ; attempt++) {
    const trackingNumber = sandboxTrackingNumber(input.carrier);
    const labelData = sandboxLabel({
      carrier: input.carrier,
      service: input.service,
      trackingNumber,
      orderId: input.orderId,
    });
    try {
      await deps.db.transaction(async (tx) => {
        await shipmentsRepo.insert(tx, {
          id,
          orderId: input.orderId,
          customerId,
          carrier: input.carrier,
          service: input.service,
          trackingNumber,
          labelFormat: 'ZPL',
          labelData,
          estimatedDelivery: addBusinessDays(now, input.days).toISOString(),
          lines: input.lines,
        });
        await shipmentsRepo.insertEvent(tx, {
          id: randomUUID(),
          shipmentId: id,
          carrier: input.carrier,
          externalId: `label:${id}`,
          status: 'LABEL_CREATED',
          description: 'Shipping label created',
          location: null,
          occurredAt: now.toISOString(),
        });
        await enqueueEvents(tx, [
          shipmentEvent(shipmentCreated, {
            id,
            orderId: input.orderId,
            customerId,
            status: 'LABEL_CREATED',
            trackingNumber,
          }),
        ]);
        if (customerId) {
          await crmRepo.addTimeline(tx, {
            customerId,
            kind: 'SHIPMENT_CREATED',
            title: `Shipped with ${input.carrier} ${input.service}`,
            referenceId: id,
            occurredAt: now.toISOString(),
          });
        }
      });
      return;
    } catch (error) {
      // A tracking number collision is astronomically rare; try a new one a few times.
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

export interface CarrierEvent {
  id: string;
  trackingNumber: string;
  status: ShipmentStatus;
  description: string;
  location?: string | null;
  occurredAt: string;
}

export interface TrackingUpdateResult {
  applied: number;
  duplicates: number;
  unknownShipments: number;
}

async function applyOne(
  tx: SqlExecutor,
  carrier: Carrier,
  event: CarrierEvent,
): Promise<'applied' | 'duplicate' | 'unknown' | 'changed'> {
  const shipment = await shipmentsRepo.lockByTrackingNumber(tx, carrier, event.trackingNumber);
  if (!shipment)
    return (await returnScanned(tx, carrier, event.trackingNumber, event.status)) ? 'changed' : 'unknown';
  const fresh = await shipmentsRepo.insertEvent(tx, {
    id: randomUUID(),
    shipmentId: shipment.id,
    carrier,
    externalId: event.id,
    status: event.status,
    description: event.description,
    location: event.location ?? null,
    occurredAt: event.occurredAt,
  });
  if (!fresh) return 'duplicate';
  // An event that arrives late (older than the status reached) stays in the history but moves nothing.
  const next = advance(shipment, event.status);
  if (!next) return 'applied';
  await shipmentsRepo.setStatus(tx, shipment.id, next.status, next.progress);
  await enqueueEvents(tx, [shipmentEvent(shipmentUpdated, { ...shipment, status: next.status })]);
  if (shipment.customerId) {
    await crmRepo.addTimeline(tx, {
      customerId: shipment.customerId,
      kind: 'SHIPMENT_UPDATED',
      title: `Shipment ${next.status.toLowerCase().replace(/_/g, ' ')}`,
      body: event.description,
      referenceId: shipment.id,
      occurredAt: event.occurredAt,
    });
  }
  return 'changed';
}

/** Applies a carrier's tracking events, each once (by the carrier's event id), in one transaction per event. */
export async function applyTrackingEvents(
  deps: FulfillmentDeps,
  carrier: Carrier,
  events: CarrierEvent[],
): Promise<TrackingUpdateResult> {
  const result: TrackingUpdateResult = { applied: 0, duplicates: 0, unknownShipments: 0 };
  let changed = false;
  const ordered = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  for (const event of ordered) {
    const outcome = await deps.db.transaction((tx) => applyOne(tx, carrier, event));
    if (outcome === 'duplicate') result.duplicates += 1;
    else if (outcome === 'unknown') result.unknownShipments += 1;
    else result.applied += 1;
    if (outcome === 'changed') changed = true;
  }
  if (changed) deps.onEvents();
  return result;
}
