// The CRM story: what happened with a customer (timeline), which segments they fall in, staff notes,
// and the events from other services that feed it.
import { z } from 'zod';
import { customerRegistered as customerRegisteredEvent, orderPaid as orderPaidEvent } from '@shop/contracts';
import {
  assertCanAccessOwned,
  BadInputError,
  cursorValue,
  decodeCursor,
  encodeCursor,
  pageSize,
  requireAdmin,
  requireAdminOrScope,
  toConnection,
  toMoney,
  userError,
  type Connection,
  type Principal,
  type UserError,
} from '@shop/common';
import { consumeOnce, type DomainEvent, type SqlDatabase, type SqlExecutor } from '@shop/datastores';
import {
  crmRepo,
  SEGMENT_CONDITIONS,
  type CustomerNote,
  type CustomerStats,
  type Segment,
  type TimelineEntry,
} from '../data/crm';

export const SEGMENTS = Object.keys(SEGMENT_CONDITIONS) as Segment[];
const DORMANT_DAYS = 180;
const VIP_USD_MINOR = 50_000;

/** The same rules as the SQL filters in the repository, for one customer's stats. */
export function segmentsOf(stats: CustomerStats | undefined, now = Date.now()): string[] {
  if (!stats) return [];
  const segments: string[] = [];
  if (stats.orders === 0) segments.push('prospect');
  if (stats.orders === 1) segments.push('new');
  if (stats.orders >= 2) segments.push('repeat');
  if (stats.spentUsdMinor >= VIP_USD_MINOR) segments.push('vip');
  if (stats.returns >= 1) segments.push('returner');
  if (
    stats.orders >= 1 &&
    stats.lastOrderAt &&
    now - Date.parse(stats.lastOrderAt) > DORMANT_DAYS * 86_400_000
  )
    segments.push('dormant');
  return segments;
}

/** The customer themself, an admin or a service may read a customer's CRM facts. */
export function assertCanReadCustomer(principal: Principal, customerId: string): void {
  assertCanAccessOwned(principal, customerId);
}

const seqCursor = z.object({ s: cursorValue.int8 });

export async function customerTimeline(
  db: SqlExecutor,
  principal: Principal,
  customerId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<TimelineEntry>> {
  assertCanReadCustomer(principal, customerId);
  const limit = pageSize(args.first);
  const after = decodeCursor(args.after, seqCursor);
  const { rows, total } = await crmRepo.timeline(db, customerId, limit, after?.s ?? null);
  return toConnection(rows, limit, (r) => encodeCursor({ s: r.seq }), total, after !== null);
}

const idCursor = z.object({ id: cursorValue.text });

export async function listCustomers(
  db: SqlExecutor,
  principal: Principal,
  args: { segment?: string | null; first?: number | null; after?: string | null },
): Promise<Connection<{ id: string }>> {
  requireAdminOrScope(principal, 'customers:read');
  const segment = args.segment?.trim().toLowerCase() || null;
  if (segment !== null && !(SEGMENTS as string[]).includes(segment)) {
    throw new BadInputError(`Unknown segment "${segment.slice(0, 32)}"; segments are ${SEGMENTS.join(', ')}`);
  }
  const limit = pageSize(args.first);
  const after = decodeCursor(args.after, idCursor);
  const { ids, total } = await crmRepo.customers(db, segment as Segment | null, limit, after?.id ?? null);
  return toConnection(
    ids.map((id) => ({ id })),
    limit,
    (c) => encodeCursor({ id: c.id }),
    total,
    after !== null,
  );
}

export async function addCustomerNote(
  db: SqlDatabase,
  principal: Principal,
  input: { customerId: string; body: string },
): Promise<{ note: CustomerNote | null; userErrors: UserError[] }> {
  const staff = requireAdmin(principal);
  const body = input.body.trim();
  const customerId = input.customerId.trim();
  const errors: UserError[] = [];
  if (!customerId || customerId.length > 100)
    errors.push(userError('INVALID_CUSTOMER', 'A customer id is required', ['customerId']));
  if (!body || body.length > 5000)
    errors.push(userError('INVALID_BODY', 'A note has 1 to 5000 characters', ['body']));
  if (errors.length) return { note: null, userErrors: errors };
  const note = await db.transaction(async (tx) => {
    const created = await crmRepo.addNote(tx, { customerId, body, authorId: staff.customerId });
    await crmRepo.addTimeline(tx, {
      customerId,
      kind: 'NOTE_ADDED',
      title: 'Note added',
      body,
      referenceId: created.id,
      occurredAt: created.createdAt,
    });
    return created;
  });
  return { note, userErrors: [] };
}

/** What the CRM reads of a paid order and of a new customer. */
export const orderPaid = orderPaidEvent.schema.pick({
  orderId: true,
  orderNumber: true,
  customerId: true,
  email: true,
  totalMinor: true,
  currencyCode: true,
});
export const customerRegistered = customerRegisteredEvent.schema;

export const CONSUMED_TOPICS = [orderPaidEvent.topic, customerRegisteredEvent.topic];

/** Feeds the CRM read model; each event once (consumeOnce), so redelivery changes nothing. */
export async function handleCrmEvent(db: SqlDatabase, event: DomainEvent): Promise<void> {
  if (event.topic === orderPaidEvent.topic) {
    const parsed = orderPaid.safeParse(event.payload);
    if (!parsed.success) return; // A malformed event is dropped, not retried forever.
    const o = parsed.data;
    await consumeOnce(db, 'shipping.crm', event.id, async (tx) => {
      const fresh = await crmRepo.recordPaidOrder(tx, {
        orderId: o.orderId,
        orderNumber: o.orderNumber,
        customerId: o.customerId ?? null,
        email: o.email ?? null,
        totalMinor: o.totalMinor,
        currencyCode: o.currencyCode,
        paidAt: event.occurredAt,
      });
      if (!fresh || !o.customerId) return;
      await crmRepo.rememberCustomer(tx, o.customerId, o.email ?? null);
      const total = toMoney(o.totalMinor, o.currencyCode);
      await crmRepo.addTimeline(tx, {
        customerId: o.customerId,
        kind: 'ORDER_PLACED',
        // orders sends numbers as "#1001"; a bare 1001 gets its sign here.
        title: `Order ${o.orderNumber.startsWith('#') ? o.orderNumber : `#${o.orderNumber}`} placed (${total.amount} ${total.currencyCode})`,
        referenceId: o.orderId,
        occurredAt: event.occurredAt,
      });
    });
  } else if (event.topic === customerRegisteredEvent.topic) {
    const parsed = customerRegistered.safeParse(event.payload);
    if (!parsed.success) return;
    await consumeOnce(db, 'shipping.crm', event.id, async (tx) => {
      await crmRepo.rememberCustomer(tx, parsed.data.customerId, parsed.data.email ?? null);
      await crmRepo.addTimeline(tx, {
        customerId: parsed.data.customerId,
        kind: 'REGISTERED',
        title: 'Account created',
        occurredAt: event.occurredAt,
      });
    });
  }
}
