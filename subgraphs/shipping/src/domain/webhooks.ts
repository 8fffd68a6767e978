// Outbound webhooks for ERP and marketing tools: subscriptions, fan-out of bus events to deliveries,
// and a worker that POSTs each delivery signed (HMAC-SHA256), retrying with exponential backoff.
import { createHmac, randomBytes } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { requireAdmin, userError, type Logger, type Principal, type UserError } from '@shop/common';
import {
  customerRegistered,
  orderPaid,
  returnApproved,
  returnReceived,
  returnRejected,
  returnRequested,
  returnUpdated,
  shipmentCreated,
  shipmentUpdated,
} from '@shop/contracts';
import { consumeOnce, PollingWorker, type DomainEvent, type SqlDatabase } from '@shop/datastores';
import { crmRepo } from '../data/crm';
import { webhooksRepo, type DueDelivery, type WebhookSubscription } from '../data/webhooks';
import { postWebhook } from './outbound-http';

export const WEBHOOK_TOPICS = [
  shipmentCreated.topic,
  shipmentUpdated.topic,
  returnRequested.topic,
  returnApproved.topic,
  returnRejected.topic,
  returnUpdated.topic,
  returnReceived.topic,
  orderPaid.topic,
  customerRegistered.topic,
] as const;

const WEBHOOK_SIGNATURE_HEADER = 'x-shop-webhook-signature';

export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookOptions {
  allowHttp: boolean;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
}

/** Loopback, private, link-local and unspecified addresses, and local names: not a place for outbound calls in production. */
/**
 * The ranges a webhook may reach: ordinary unicast, and for IPv6 also the documentation range (its test
 * addresses). Everything else is loopback, private, link-local, carrier-grade NAT, multicast, reserved, or an
 * IPv4 address wrapped in IPv6 (mapped, NAT64, 6to4, Teredo), which could lead back inside.
 */
const PUBLIC_V4: ReadonlySet<string> = new Set(['unicast']);
const PUBLIC_V6: ReadonlySet<string> = new Set(['unicast', 'reserved']);

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  )
    return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4 && ipaddr.IPv4.isValidFourPartDecimal(host)) return !PUBLIC_V4.has(ipaddr.IPv4.parse(host).range());
  if (host.includes(':') && ipaddr.IPv6.isValid(host)) return !PUBLIC_V6.has(ipaddr.IPv6.parse(host).range());
  if (v4 || host.includes(':')) return true;
  return false;
}

export async function createSubscription(
  db: SqlDatabase,
  principal: Principal,
  options: Pick<WebhookOptions, 'allowHttp'>,
  input: { url: string; topics: string[] },
): Promise<{
  webhookSubscription: WebhookSubscription | null;
  signingSecret: string | null;
  userErrors: UserError[];
}> {
  const staff = requireAdmin(principal);
  const errors: UserError[] = [];
  let url: URL | null = null;
  try {
    url = input.url.length <= 2048 ? new URL(input.url) : null;
  } catch {
    url = null;
  }
  if (
    !url ||
    !(url.protocol === 'https:' || (options.allowHttp && url.protocol === 'http:')) ||
    url.username ||
    url.password
  ) {
    errors.push(
      userError(
        'INVALID_URL',
        options.allowHttp
          ? 'Give an http(s) URL without credentials'
          : 'Give an https URL without credentials',
        ['url'],
      ),
    );
  } else if (!options.allowHttp && isPrivateHost(url.hostname)) {
    // Local development (WEBHOOK_ALLOW_HTTP) may point at its own machine; production may not reach internal hosts.
    errors.push(userError('INVALID_URL', 'The URL must point at a public host', ['url']));
  }
  const topics = [...new Set(input.topics.map((t) => t.trim()))];
  const unknown = topics.filter((t) => !(WEBHOOK_TOPICS as readonly string[]).includes(t));
  if (!topics.length)
    errors.push(
      userError('INVALID_TOPICS', `Give at least one topic: ${WEBHOOK_TOPICS.join(', ')}`, ['topics']),
    );
  else if (unknown.length)
    errors.push(
      userError(
        'UNKNOWN_TOPIC',
        `Unknown topic ${unknown[0]!.slice(0, 40)}; topics are ${WEBHOOK_TOPICS.join(', ')}`,
        ['topics'],
      ),
    );
  if (errors.length || !url) return { webhookSubscription: null, signingSecret: null, userErrors: errors };
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const subscription = await db.transaction((tx) =>
    webhooksRepo.createSubscription(tx, { url: url.toString(), topics, secret, createdBy: staff.customerId }),
  );
  return { webhookSubscription: subscription, signingSecret: secret, userErrors: [] };
}

/** Turns a bus event into deliveries, once per event (redelivery adds nothing). */
export async function fanOut(db: SqlDatabase, event: DomainEvent): Promise<number> {
  let created = 0;
  await consumeOnce(db, 'shipping.webhooks', event.id, async (tx) => {
    created = await webhooksRepo.enqueue(tx, {
      id: event.id,
      topic: event.topic,
      payload: event.payload,
      occurredAt: event.occurredAt,
    });
  });
  return created;
}

/** Sends due deliveries; `kick()` after a fan-out sends at once, polling picks up retries. */
export class WebhookDeliverer extends PollingWorker {
  constructor(
    private readonly db: SqlDatabase,
    private readonly options: WebhookOptions,
    logger: Logger,
    pollMs = 1000,
  ) {
    super(logger, pollMs, 'webhook delivery round');
  }

  async drain(): Promise<void> {
    for (;;) {
      const due = await webhooksRepo.claimDue(this.db, 20, Math.ceil(this.options.timeoutMs / 1000) + 30);
      if (!due.length) return;
      await Promise.all(due.map((d) => this.send(d)));
    }
  }

  private async send(delivery: DueDelivery): Promise<void> {
    const body = JSON.stringify({
      id: delivery.eventId,
      topic: delivery.topic,
      occurredAt: delivery.occurredAt,
      payload: delivery.payload,
    });
    const status = await postWebhook(
      delivery.url,
      {
        'content-type': 'application/json',
        'x-shop-webhook-id': delivery.eventId,
        'x-shop-webhook-topic': delivery.topic,
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(delivery.secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      // Local tools on http or loopback are allowed only where plain http is (development).
      { timeoutMs: this.options.timeoutMs, publicOnly: !this.options.allowHttp },
    );
    if (status !== null && status >= 200 && status < 300) {
      const customerId = delivery.payload.customerId;
      await this.db.transaction(async (tx) => {
        await webhooksRepo.markDelivered(tx, delivery.id, status);
        if (typeof customerId === 'string') {
          await crmRepo.addTimeline(tx, {
            customerId,
            kind: 'MESSAGE_SENT',
            // The receiving tool's address stays out: shoppers read their own timeline.
            title: `${delivery.topic} sent to a connected tool`,
            referenceId: delivery.eventId,
          });
        }
      });
      return;
    }
    const attempt = delivery.attempts + 1;
    const retryInMs =
      attempt >= this.options.maxAttempts ? null : this.options.retryBaseMs * 2 ** (attempt - 1);
    this.logger.info(
      { deliveryId: delivery.id, topic: delivery.topic, status, attempt },
      retryInMs === null ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry',
    );
    await webhooksRepo.markFailed(this.db, delivery.id, status, retryInMs);
  }
}
