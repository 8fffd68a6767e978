// A small HTTP server that speaks the parts of Stripe's API the orders service uses, with Stripe's
// idempotency-key semantics (same key and body: the stored answer; same key, other body: an error), manual
// capture, and a search index that can be told to lag behind as Stripe's does.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Intent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  payment_method: string;
  capture_method: string;
  amount_capturable: number;
  customer: string | null;
  created: number;
  client_secret: string;
  metadata: Record<string, string>;
  next_action: unknown;
  last_payment_error: { message: string } | null;
}

export interface FakeStripe {
  server: Server;
  port: number;
  intents: Map<string, Intent>;
  refunds: { id: string; payment_intent: string; amount: number }[];
  /** Each POST that created a PaymentIntent (replays excluded). */
  creates: number;
  /** Each capture that took money (replays excluded). */
  captures: number;
  /** Intents younger than this are not found by search yet (Stripe's search is eventually consistent). */
  searchLagMs: number;
  idempotencyKeys: string[];
  customers: Map<string, { email: string | null }>;
  paymentMethods: Map<
    string,
    { customer: string | null; card: { brand: string; last4: string; exp_month: number; exp_year: number } }
  >;
  subscriptions: Map<
    string,
    {
      customer: string;
      payment_method: string;
      amount: number;
      currency: string;
      interval: string;
      status: string;
      metadata: Record<string, string>;
    }
  >;
  invoices: Map<string, unknown>;
  /** What Stripe does at the start of a period: a paid invoice for the subscription (returns its id). */
  payInvoice(subscriptionId: string, periodStart: Date): string;
  /** What the shopper's bank does after 3-D Secure. */
  authenticate(id: string): void;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;

export async function startFakeStripe(): Promise<FakeStripe> {
  const intents = new Map<string, Intent>();
  const refunds: FakeStripe['refunds'] = [];
  const replies = new Map<string, { body: string; status: number; payload: string }>();
  const state = { creates: 0, captures: 0, searchLagMs: 0, idempotencyKeys: [] as string[] };
  const customers: FakeStripe['customers'] = new Map();
  const paymentMethods: FakeStripe['paymentMethods'] = new Map();
  const subscriptions: FakeStripe['subscriptions'] = new Map();
  const invoices: FakeStripe['invoices'] = new Map();
  const metadataOf = (form: URLSearchParams) => {
    const metadata: Record<string, string> = {};
    for (const [k, v] of form) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m) metadata[m[1]!] = v;
    }
    return metadata;
  };
  const pmObject = (pmId: string) => {
    const pm = paymentMethods.get(pmId)!;
    return { id: pmId, object: 'payment_method', type: 'card', customer: pm.customer, card: pm.card };
  };

  function billing(
    method: string,
    path: string,
    form: URLSearchParams,
  ): { status: number; payload: unknown } | null {
    if (method === 'POST' && path === '/v1/customers') {
      const cus = id('cus');
      customers.set(cus, { email: form.get('email') });
      return {
        status: 200,
        payload: { id: cus, object: 'customer', email: form.get('email'), metadata: metadataOf(form) },
      };
    }
    const attach = /^\/v1\/payment_methods\/(\w+)\/attach$/.exec(path);
    if (method === 'POST' && attach) {
      const cards: Record<string, { brand: string; last4: string }> = {
        pm_card_visa: { brand: 'visa', last4: '4242' },
        pm_card_chargeDeclined: { brand: 'visa', last4: '0002' },
      };
      const card = cards[attach[1]!];
      if (!card)
        return {
          status: 400,
          payload: {
            error: {
              type: 'invalid_request_error',
              code: 'resource_missing',
              param: 'payment_method',
              message: 'No such PaymentMethod',
            },
          },
        };
      const pmId = id('pm');
      paymentMethods.set(pmId, {
        customer: form.get('customer'),
        card: { ...card, exp_month: 12, exp_year: 2030 },
      });
      return { status: 200, payload: pmObject(pmId) };
    }
    const detach = /^\/v1\/payment_methods\/(\w+)\/detach$/.exec(path);
    if (method === 'POST' && detach) {
      const pm = paymentMethods.get(detach[1]!);
      if (!pm)
        return {
          status: 404,
          payload: { error: { type: 'invalid_request_error', message: 'No such PaymentMethod' } },
        };
      pm.customer = null;
      return { status: 200, payload: pmObject(detach[1]!) };
    }
    const retrievePm = /^\/v1\/payment_methods\/(\w+)$/.exec(path);
    if (method === 'GET' && retrievePm) {
      if (paymentMethods.has(retrievePm[1]!)) return { status: 200, payload: pmObject(retrievePm[1]!) };
      // Stripe's test payment methods (pm_card_visa, …) are saved on no one.
      if (/^pm_card_\w+$/.test(retrievePm[1]!))
        return {
          status: 200,
          payload: { id: retrievePm[1], object: 'payment_method', type: 'card', customer: null },
        };
      return {
        status: 404,
        payload: {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: 'No such PaymentMethod',
          },
        },
      };
    }
    const list = /^\/v1\/customers\/(\w+)\/payment_methods$/.exec(path);
    if (method === 'GET' && list) {
      const data = [...paymentMethods.keys()]
        .filter((k) => paymentMethods.get(k)!.customer === list[1])
        .map(pmObject);
      return { status: 200, payload: { object: 'list', data, has_more: false, url: path } };
    }
    if (method === 'POST' && path === '/v1/products')
      return { status: 200, payload: { id: id('prod'), object: 'product', name: form.get('name') } };
    if (method === 'POST' && path === '/v1/subscriptions') {
      const subId = id('sub');
      subscriptions.set(subId, {
        customer: form.get('customer') ?? '',
        payment_method: form.get('default_payment_method') ?? '',
        amount: Number(form.get('items[0][price_data][unit_amount]')),
        currency: form.get('items[0][price_data][currency]') ?? '',
        interval: form.get('items[0][price_data][recurring][interval]') ?? '',
        status: 'active',
        metadata: metadataOf(form),
      });
      return {
        status: 200,
        payload: { id: subId, object: 'subscription', status: 'active', metadata: metadataOf(form) },
      };
    }
    const cancel = /^\/v1\/subscriptions\/(\w+)$/.exec(path);
    if (method === 'DELETE' && cancel) {
      const sub = subscriptions.get(cancel[1]!);
      if (!sub)
        return {
          status: 404,
          payload: { error: { type: 'invalid_request_error', message: 'No such subscription' } },
        };
      sub.status = 'canceled';
      return { status: 200, payload: { id: cancel[1], object: 'subscription', status: 'canceled' } };
    }
    const invoice = /^\/v1\/invoices\/(\w+)$/.exec(path);
    if (method === 'GET' && invoice) {
      const found = invoices.get(invoice[1]!);
      return found
        ? { status: 200, payload: found }
        : { status: 404, payload: { error: { type: 'invalid_request_error', message: 'No such invoice' } } };
    }
    return null;
  }

  function createIntent(form: URLSearchParams): { status: number; payload: unknown } {
    state.creates++;
    const pm = form.get('payment_method') ?? '';
    const metadata: Record<string, string> = {};
    for (const [k, v] of form) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m) metadata[m[1]!] = v;
    }
    // A saved method pays only with its own customer named, as on Stripe; it charges like the test card it came from.
    const saved = paymentMethods.get(pm);
    if (saved && saved.customer !== form.get('customer')) {
      return {
        status: 400,
        payload: {
          error: {
            type: 'invalid_request_error',
            code: 'payment_method_unexpected_state',
            param: 'payment_method',
            message: 'The provided PaymentMethod belongs to another Customer.',
          },
        },
      };
    }
    const known = [
      'pm_card_visa',
      'pm_card_mastercard',
      'pm_card_chargeDeclined',
      'pm_card_threeDSecure2Required',
    ];
    if (!known.includes(pm) && !saved) {
      return {
        status: 400,
        payload: {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            param: 'payment_method',
            message: `No such PaymentMethod: '${pm}'`,
          },
        },
      };
    }
    const intent: Intent = {
      id: id('pi'),
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      amount_received: 0,
      currency: form.get('currency') ?? 'usd',
      status: 'succeeded',
      payment_method: pm,
      capture_method: form.get('capture_method') ?? 'automatic',
      amount_capturable: 0,
      customer: form.get('customer'),
      created: Math.floor(Date.now() / 1000),
      client_secret: '',
      metadata,
      next_action: null,
      last_payment_error: null,
    };
    intent.client_secret = `${intent.id}_secret_${randomBytes(6).toString('hex')}`;
    intents.set(intent.id, intent);
    if (pm === 'pm_card_chargeDeclined' || saved?.card.last4 === '0002') {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { message: 'Your card was declined.' };
      return {
        status: 402,
        payload: {
          error: {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
            payment_intent: intent,
          },
        },
      };
    }
    if (pm === 'pm_card_threeDSecure2Required') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: {} };
      return { status: 200, payload: intent };
    }
    authorised(intent);
    return { status: 200, payload: intent };
  }

  /** The card said yes: taken at once, or held for a later capture. */
  function authorised(intent: Intent) {
    if (intent.capture_method === 'manual') {
      intent.status = 'requires_capture';
      intent.amount_capturable = intent.amount;
    } else {
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
    }
  }

  function captureIntent(intentId: string, form: URLSearchParams): { status: number; payload: unknown } {
    const intent = intents.get(intentId);
    if (!intent)
      return {
        status: 404,
        payload: { error: { type: 'invalid_request_error', message: 'No such payment_intent' } },
      };
    if (intent.status !== 'requires_capture') {
      return {
        status: 400,
        payload: {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: `This PaymentIntent could not be captured because it has a status of ${intent.status}.`,
          },
        },
      };
    }
    state.captures++;
    intent.status = 'succeeded';
    intent.amount_received = Number(form.get('amount_to_capture') ?? intent.amount_capturable);
    intent.amount_capturable = 0;
    return { status: 200, payload: intent };
  }

  function cancelIntent(intentId: string): { status: number; payload: unknown } {
    const intent = intents.get(intentId);
    if (!intent)
      return {
        status: 404,
        payload: { error: { type: 'invalid_request_error', message: 'No such payment_intent' } },
      };
    if (
      !['requires_capture', 'requires_action', 'requires_payment_method', 'requires_confirmation'].includes(
        intent.status,
      )
    ) {
      return {
        status: 400,
        payload: {
          error: {
            type: 'invalid_request_error',
            code: 'payment_intent_unexpected_state',
            message: `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`,
          },
        },
      };
    }
    intent.status = 'canceled';
    intent.amount_capturable = 0;
    intent.next_action = null;
    return { status: 200, payload: intent };
  }

  function createRefund(form: URLSearchParams): { status: number; payload: unknown } {
    const intent = intents.get(form.get('payment_intent') ?? '');
    if (!intent || intent.status !== 'succeeded') {
      return {
        status: 400,
        payload: {
          error: {
            type: 'invalid_request_error',
            message: 'This PaymentIntent has no successful charge to refund.',
          },
        },
      };
    }
    const amount = Number(form.get('amount') ?? intent.amount_received);
    const done = refunds.filter((r) => r.payment_intent === intent.id).reduce((s, r) => s + r.amount, 0);
    if (done + amount > intent.amount_received) {
      return {
        status: 400,
        payload: {
          error: {
            type: 'invalid_request_error',
            code: 'amount_too_large',
            message: 'Refund amount is greater than unrefunded amount on charge.',
          },
        },
      };
    }
    const refund = { id: id('re'), object: 'refund', payment_intent: intent.id, amount, status: 'succeeded' };
    refunds.push(refund);
    return { status: 200, payload: refund };
  }

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stripe.local');
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      if (!(req.headers.authorization ?? '').startsWith('Bearer sk_test_'))
        return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
      const billed = billing(
        req.method ?? '',
        url.pathname,
        new URLSearchParams(req.method === 'GET' ? url.search : raw),
      );
      if (billed) return send(billed.status, billed.payload);
      if (req.method === 'POST') {
        const key = req.headers['idempotency-key'];
        const idemKey = typeof key === 'string' ? key : undefined;
        if (idemKey) {
          state.idempotencyKeys.push(idemKey);
          const seen = replies.get(`${url.pathname}|${idemKey}`);
          if (seen) {
            if (seen.body !== raw) {
              return send(400, {
                error: {
                  type: 'idempotency_error',
                  message:
                    'Keys for idempotent requests can only be used with the same parameters they were first used with.',
                },
              });
            }
            return send(seen.status, seen.payload);
          }
        }
        const form = new URLSearchParams(raw);
        const action = /^\/v1\/payment_intents\/(\w+)\/(capture|cancel)$/.exec(url.pathname);
        const result =
          url.pathname === '/v1/payment_intents'
            ? createIntent(form)
            : url.pathname === '/v1/refunds'
              ? createRefund(form)
              : action
                ? action[2] === 'capture'
                  ? captureIntent(action[1]!, form)
                  : cancelIntent(action[1]!)
                : {
                    status: 404,
                    payload: {
                      error: { type: 'invalid_request_error', message: 'Unrecognized request URL' },
                    },
                  };
        const payload = JSON.stringify(result.payload);
        if (idemKey) replies.set(`${url.pathname}|${idemKey}`, { body: raw, status: result.status, payload });
        return send(result.status, payload);
      }
      if (req.method === 'GET' && url.pathname === '/v1/payment_intents/search') {
        const orderId = /metadata\['orderId'\]:'([^']*)'/.exec(url.searchParams.get('query') ?? '')?.[1];
        const indexedBefore = Date.now() - state.searchLagMs;
        const data = [...intents.values()].filter(
          (i) => i.metadata.orderId === orderId && i.created * 1000 <= indexedBefore,
        );
        return send(200, {
          object: 'search_result',
          data,
          has_more: false,
          url: '/v1/payment_intents/search',
        });
      }
      if (req.method === 'GET' && url.pathname === '/v1/payment_intents') {
        // Newest first, paged by starting_after, filtered by created[gte] / created[lte]: read from the primary store.
        const gte = Number(url.searchParams.get('created[gte]') ?? 0);
        const lte = Number(url.searchParams.get('created[lte]') ?? Number.MAX_SAFE_INTEGER);
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100);
        let all = [...intents.values()].filter((i) => i.created >= gte && i.created <= lte).reverse();
        const after = url.searchParams.get('starting_after');
        if (after) all = all.slice(all.findIndex((i) => i.id === after) + 1);
        return send(200, {
          object: 'list',
          data: all.slice(0, limit),
          has_more: all.length > limit,
          url: '/v1/payment_intents',
        });
      }
      const m = /^\/v1\/payment_intents\/([\w]+)$/.exec(url.pathname);
      if (req.method === 'GET' && m) {
        const intent = intents.get(m[1]!);
        return intent
          ? send(200, intent)
          : send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
      }
      return send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    intents,
    refunds,
    get creates() {
      return state.creates;
    },
    get captures() {
      return state.captures;
    },
    get searchLagMs() {
      return state.searchLagMs;
    },
    set searchLagMs(ms: number) {
      state.searchLagMs = ms;
    },
    get idempotencyKeys() {
      return state.idempotencyKeys;
    },
    customers,
    paymentMethods,
    subscriptions,
    invoices,
    payInvoice(subscriptionId: string, periodStart: Date) {
      const sub = subscriptions.get(subscriptionId)!;
      const intent = id('pi');
      intents.set(intent, {
        id: intent,
        object: 'payment_intent',
        amount: sub.amount,
        amount_received: sub.amount,
        currency: sub.currency,
        status: 'succeeded',
        payment_method: sub.payment_method,
        capture_method: 'automatic',
        amount_capturable: 0,
        customer: sub.customer,
        created: Math.floor(Date.now() / 1000),
        client_secret: `${intent}_secret`,
        metadata: {},
        next_action: null,
        last_payment_error: null,
      });
      const start = Math.floor(periodStart.getTime() / 1000);
      const invoiceId = id('in');
      invoices.set(invoiceId, {
        id: invoiceId,
        object: 'invoice',
        status: 'paid',
        amount_paid: sub.amount,
        currency: sub.currency,
        period_start: start,
        parent: {
          type: 'subscription_details',
          subscription_details: { subscription: subscriptionId, metadata: sub.metadata },
        },
        lines: {
          object: 'list',
          data: [{ id: id('il'), period: { start, end: start + 30 * 86_400 } }],
          has_more: false,
        },
        payments: {
          object: 'list',
          data: [
            { id: id('inpay'), status: 'paid', payment: { type: 'payment_intent', payment_intent: intent } },
          ],
          has_more: false,
        },
      });
      return invoiceId;
    },
    authenticate(intentId: string) {
      const intent = intents.get(intentId);
      if (intent && intent.status === 'requires_action') {
        authorised(intent);
        intent.next_action = null;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
