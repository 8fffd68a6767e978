// What every order email shares: the event it is sent for, and send-once bookkeeping.
import type { EmailSender } from '@shop/common';
import { consumeOnce, type SqlDatabase } from '@shop/datastores';
import { findOrder } from '../data/orders';
import type { Order } from '../domain/types';

/** An event as a notification reads it (EventBridge's names: `detail-type` is the topic, `detail` the payload). */
export interface NotificationEvent {
  id: string;
  'detail-type': string;
  source: string;
  time: string;
  detail: Record<string, unknown>;
}

export interface NotificationDeps {
  db: SqlDatabase;
  email: EmailSender;
}

export type NotificationHandler = (event: NotificationEvent) => Promise<{ sent: boolean }>;

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export function createNotificationHandler(
  deps: NotificationDeps,
  spec: {
    kind: string;
    topic: string | string[];
    render: (order: Order, detail: Record<string, unknown>) => Rendered;
  },
): NotificationHandler {
  return async (event) => {
    const topics = Array.isArray(spec.topic) ? spec.topic : [spec.topic];
    if (!topics.includes(event['detail-type'])) return { sent: false };
    const orderId = String(event.detail.orderId ?? '');
    // The marker, the record and the send commit together; the email's idempotency key is the event id,
    // so even a send that succeeded before a crash is the same email when retried.
    const sent = await consumeOnce(deps.db, `orders.notifications.${spec.kind}`, event.id, async (tx) => {
      const order = await findOrder(tx, orderId);
      if (!order) return;
      await tx.query(
        `INSERT INTO notifications_sent (event_id, kind, order_id, recipient) VALUES ($1, $2, $3, $4)`,
        [event.id, spec.kind, order.id, order.email],
      );
      await deps.email.send({
        to: order.email,
        ...spec.render(order, event.detail),
        idempotencyKey: `${spec.kind.replace(/_/g, '-')}-${event.id}`,
      });
    });
    return { sent };
  };
}
