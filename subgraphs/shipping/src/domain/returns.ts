// The story of a return: the owner asks, an admin approves (a prepaid label) or rejects, the items come back.
// Restocking and refunds are not done here: return.received is published for the services that own money
// (orders refunds the units once) and stock (the cart restocks them on return.refunded), and return.refunded
// moves the return to REFUNDED.
import { randomUUID } from 'node:crypto';
import {
  ForbiddenError,
  isAdmin,
  requireAdmin,
  requireCustomer,
  userError,
  type Principal,
  type UserError,
} from '@shop/common';
import {
  consumeOnce,
  enqueueEvents,
  isUniqueViolation,
  type DomainEvent,
  type SqlDatabase,
  type SqlExecutor,
} from '@shop/datastores';
import {
  eventOf,
  returnApproved,
  returnReceived,
  returnRefunded,
  returnRejected,
  returnRequested,
  returnUpdated,
  type EventContract,
} from '@shop/contracts';
import { crmRepo } from '../data/crm';
import { returnsRepo } from '../data/returns';
import { orderOwner } from './owners';
import { MAX_ITEMS, MAX_QUANTITY } from './rates';
import type { Return, ReturnStatus } from './returns-model';
import { sandboxTrackingNumber } from './shipments';

export interface ReturnDeps {
  db: SqlDatabase;
  onEvents: () => void;
}

export interface ReturnPayload {
  return: Return | null;
  userErrors: UserError[];
}

type ReturnEvent = EventContract<string, typeof returnRequested.schema>;

export function returnEvent(contract: ReturnEvent, r: Return, status: ReturnStatus) {
  return eventOf(contract, {
    returnId: r.id,
    orderId: r.orderId,
    customerId: r.customerId,
    status,
    lines: r.lines,
  });
}

export async function requestReturn(
  deps: ReturnDeps,
  principal: Principal,
  input: { orderId: string; lines: { orderLineId: string; quantity: number }[]; reason: string },
): Promise<ReturnPayload> {
  const shopper = requireCustomer(principal);
  const owner = await orderOwner(deps.db, input.orderId);
  // Only the known owner (or an admin acting for them) may return; a guest's or an unknown order is refused alike.
  if (!isAdmin(principal) && (typeof owner !== 'string' || owner !== shopper.customerId))
    throw new ForbiddenError();

  const errors: UserError[] = [];
  const reason = input.reason.trim();
  if (!reason || reason.length > 1000)
    errors.push(userError('INVALID_REASON', 'Say why, in 1 to 1000 characters', ['input', 'reason']));
  if (input.lines.length < 1 || input.lines.length > MAX_ITEMS) {
    errors.push(userError('INVALID_LINES', `Return between 1 and ${MAX_ITEMS} lines`, ['input', 'lines']));
  }
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (seen.has(line.orderLineId))
      errors.push(
        userError('DUPLICATE_LINE', 'Each order line may appear once', [
          'input',
          'lines',
          String(i),
          'orderLineId',
        ]),
      );
    seen.add(line.orderLineId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      errors.push(
        userError('INVALID_QUANTITY', `Quantity must be between 1 and ${MAX_QUANTITY}`, [
          'input',
          'lines',
          String(i),
          'quantity',
        ]),
      );
    }
  });
  if (errors.length) return { return: null, userErrors: errors };

  const id = randomUUID();
  const customerId = typeof owner === 'string' ? owner : null;
  const outcome = await deps.db.transaction(async (tx) => {
    const returnable = await returnsRepo.returnableByLine(tx, input.orderId);
    const lineErrors: UserError[] = [];
    input.lines.forEach((line, i) => {
      const left = returnable.get(line.orderLineId);
      if (left === undefined) {
        lineErrors.push(
          userError('LINE_NOT_SHIPPED', 'This order line has not been shipped', [
            'input',
            'lines',
            String(i),
            'orderLineId',
          ]),
        );
      } else if (line.quantity > left) {
        lineErrors.push(
          userError('QUANTITY_EXCEEDS_SHIPPED', `At most ${left} of this line can be returned`, [
            'input',
            'lines',
            String(i),
            'quantity',
          ]),
        );
      }
    });
    if (lineErrors.length) return lineErrors;
    await returnsRepo.insert(tx, { id, orderId: input.orderId, customerId, reason, lines: input.lines });
    const created = (await returnsRepo.byId(tx, id))!;
    await enqueueEvents(tx, [returnEvent(returnRequested, created, 'REQUESTED')]);
    if (customerId) {
      await crmRepo.addTimeline(tx, {
        customerId,
        kind: 'RETURN_REQUESTED',
        title: 'Return requested',
        body: reason,
        referenceId: id,
      });
    }
    return [];
  });
  if (outcome.length) return { return: null, userErrors: outcome };
  deps.onEvents();
  return { return: await returnsRepo.byId(deps.db, id), userErrors: [] };
}

const NEXT: Record<
  'approve' | 'reject' | 'receive',
  { from: ReturnStatus[]; to: ReturnStatus; topic: ReturnEvent; title: string }
> = {
  approve: { from: ['REQUESTED'], to: 'APPROVED', topic: returnApproved, title: 'Return approved' },
  reject: { from: ['REQUESTED'], to: 'REJECTED', topic: returnRejected, title: 'Return rejected' },
  receive: {
    from: ['APPROVED', 'IN_TRANSIT'],
    to: 'RECEIVED',
    topic: returnReceived,
    title: 'Returned items received',
  },
};

function returnLabel(r: Return, trackingNumber: string): string {
  const zpl = [
    '^XA',
    '^FO50,50^A0N,40,40^FDUPS GROUND - RETURN^FS',
    `^FO50,120^BCN,100,Y,N,N^FD${trackingNumber}^FS`,
    `^FO50,260^A0N,30,30^FDReturn ${r.id}^FS`,
    '^XZ',
  ];
  return Buffer.from(zpl.join('\n')).toString('base64');
}

/** Admin only: moves a return along; a return not in a state that allows the step gets a userError. */
export async function moveReturn(
  deps: ReturnDeps,
  principal: Principal,
  step: keyof typeof NEXT,
  id: string,
  rejectReason?: string | null,
): Promise<ReturnPayload> {
  requireAdmin(principal);
  // eslint-disable-next-line security/detect-object-injection -- step is a member of the constant step union, chosen by code
  const rule = NEXT[step];
  if (rejectReason && rejectReason.length > 1000) {
    return {
      return: null,
      userErrors: [userError('INVALID_REASON', 'A reason has at most 1000 characters', ['reason'])],
    };
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await deps.db.transaction(async (tx): Promise<ReturnPayload> => {
        const current = await returnsRepo.byId(tx, id, true);
        if (!current)
          return {
            return: null,
            userErrors: [userError('RETURN_NOT_FOUND', 'No return has this id', ['id'])],
          };
        if (!rule.from.includes(current.status)) {
          return {
            return: null,
            userErrors: [
              userError(
                'INVALID_STATUS',
                `A ${current.status.toLowerCase().replace('_', ' ')} return cannot be ${rule.to.toLowerCase()}`,
                ['id'],
              ),
            ],
          };
        }
        await returnsRepo.setStatus(tx, id, rule.to, { rejectReason: rejectReason ?? null });
        if (step === 'approve') {
          const trackingNumber = sandboxTrackingNumber('UPS');
          await returnsRepo.setLabel(tx, id, {
            carrier: 'UPS',
            trackingNumber,
            format: 'ZPL',
            data: returnLabel(current, trackingNumber),
          });
        }
        await enqueueEvents(tx, [returnEvent(rule.topic, current, rule.to)]);
        if (current.customerId) {
          await crmRepo.addTimeline(tx, {
            customerId: current.customerId,
            kind: 'RETURN_UPDATED',
            title: rule.title,
            body: rejectReason ?? null,
            referenceId: id,
          });
        }
        return { return: await returnsRepo.byId(tx, id), userErrors: [] };
      });
      if (result.return) deps.onEvents();
      return result;
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}

/** A carrier scan of a return parcel: once the carrier has it, the return is IN_TRANSIT. Idempotent. */
export async function returnScanned(
  tx: SqlExecutor,
  carrier: string,
  trackingNumber: string,
  scan: string,
): Promise<boolean> {
  const current = await returnsRepo.byTrackingNumber(tx, carrier, trackingNumber);
  if (!current) return false;
  if (
    current.status === 'APPROVED' &&
    (scan === 'IN_TRANSIT' || scan === 'OUT_FOR_DELIVERY' || scan === 'DELIVERED')
  ) {
    await returnsRepo.setStatus(tx, current.id, 'IN_TRANSIT');
    await enqueueEvents(tx, [returnEvent(returnUpdated, current, 'IN_TRANSIT')]);
    if (current.customerId) {
      await crmRepo.addTimeline(tx, {
        customerId: current.customerId,
        kind: 'RETURN_UPDATED',
        title: 'Return on its way back',
        referenceId: current.id,
      });
    }
  }
  return true;
}

/** The signed-in shopper's returns; an admin sees any order's. */
export async function listReturns(
  db: SqlExecutor,
  principal: Principal,
  orderId: string | null | undefined,
): Promise<Return[]> {
  const shopper = requireCustomer(principal);
  if (isAdmin(principal)) return returnsRepo.list(db, { orderId });
  return returnsRepo.list(db, { orderId, customerId: shopper.customerId });
}

/** What shipping reads of a refunded return. */
export const returnRefundedSchema = returnRefunded.schema.pick({ returnId: true, orderId: true });

/** `return.refunded`: orders has refunded a received return; it becomes REFUNDED, once (consumeOnce). */
export async function onReturnRefunded(db: SqlDatabase, event: DomainEvent): Promise<void> {
  const parsed = returnRefundedSchema.safeParse(event.payload);
  if (!parsed.success) return; // A malformed event is dropped, not retried forever.
  await consumeOnce(db, 'shipping.returns', event.id, async (tx) => {
    const current = await returnsRepo.byId(tx, parsed.data.returnId, true);
    if (!current || current.status !== 'RECEIVED') return;
    await returnsRepo.setStatus(tx, current.id, 'REFUNDED');
    await enqueueEvents(tx, [returnEvent(returnUpdated, current, 'REFUNDED')]);
    if (current.customerId) {
      await crmRepo.addTimeline(tx, {
        customerId: current.customerId,
        kind: 'RETURN_UPDATED',
        title: 'Return refunded',
        referenceId: current.id,
      });
    }
  });
}
