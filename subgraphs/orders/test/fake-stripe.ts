// A small HTTP server that speaks the parts of Stripe's API the orders service uses, with Stripe's
// idempotency-key semantics (same key and body: the stored answer; same key, other body: an error).
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
  idempotencyKeys: string[];
  /** What the shopper's bank does after 3-D Secure. */
  authenticate(id: string): void;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;

export async function startFakeStripe(): Promise<FakeStripe> {
  const intents = new Map<string, Intent>();
  const refunds: FakeStripe['refunds'] = [];
  const replies = new Map<string, { body: string; status: number; payload: string }>();
  const state = { creates: 0, idempotencyKeys: [] as string[] };

  function createIntent(form: URLSearchParams): { status: number; payload: unknown } {
    state.creates++;
    const pm = form.get('payment_method') ?? '';
    const metadata: Record<string, string> = {};
    for (const [k, v] of form) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m) metadata[m[1]!] = v;
    }
    const known = ['pm_card_visa', 'pm_card_mastercard', 'pm_card_chargeDeclined', 'pm_card_threeDSecure2Required'];
    if (!known.includes(pm)) {
      return { status: 400, payload: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'payment_method', message: `No such PaymentMethod: '${pm}'` } } };
    }
    const intent: Intent = {
      id: id('pi'),
      object: 'payment_intent',
      amount: Number(form.get('amount')),
      amount_received: 0,
      currency: form.get('currency') ?? 'usd',
      status: 'succeeded',
      payment_method: pm,
      client_secret: '',
      metadata,
      next_action: null,
      last_payment_error: null,
    };
    intent.client_secret = `${intent.id}_secret_${randomBytes(6).toString('hex')}`;
    intents.set(intent.id, intent);
    if (pm === 'pm_card_chargeDeclined') {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { message: 'Your card was declined.' };
      return {
        status: 402,
        payload: { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_intent: intent } },
      };
    }
    if (pm === 'pm_card_threeDSecure2Required') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: {} };
      return { status: 200, payload: intent };
    }
    intent.amount_received = intent.amount;
    return { status: 200, payload: intent };
  }

  function createRefund(form: URLSearchParams): { status: number; payload: unknown } {
    const intent = intents.get(form.get('payment_intent') ?? '');
    if (!intent || intent.status !== 'succeeded') {
      return { status: 400, payload: { error: { type: 'invalid_request_error', message: 'This PaymentIntent has no successful charge to refund.' } } };
    }
    const amount = Number(form.get('amount') ?? intent.amount_received);
    const done = refunds.filter((r) => r.payment_intent === intent.id).reduce((s, r) => s + r.amount, 0);
    if (done + amount > intent.amount_received) {
      return { status: 400, payload: { error: { type: 'invalid_request_error', code: 'amount_too_large', message: 'Refund amount is greater than unrefunded amount on charge.' } } };
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
      if (!(req.headers.authorization ?? '').startsWith('Bearer sk_test_')) return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
      if (req.method === 'POST') {
        const key = req.headers['idempotency-key'];
        const idemKey = typeof key === 'string' ? key : undefined;
        if (idemKey) {
          state.idempotencyKeys.push(idemKey);
          const seen = replies.get(`${url.pathname}|${idemKey}`);
          if (seen) {
            if (seen.body !== raw) {
              return send(400, { error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' } });
            }
            return send(seen.status, seen.payload);
          }
        }
        const form = new URLSearchParams(raw);
        const result =
          url.pathname === '/v1/payment_intents' ? createIntent(form) : url.pathname === '/v1/refunds' ? createRefund(form) : { status: 404, payload: { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } } };
        const payload = JSON.stringify(result.payload);
        if (idemKey) replies.set(`${url.pathname}|${idemKey}`, { body: raw, status: result.status, payload });
        return send(result.status, payload);
      }
      if (req.method === 'GET' && url.pathname === '/v1/payment_intents/search') {
        const orderId = /metadata\['orderId'\]:'([^']*)'/.exec(url.searchParams.get('query') ?? '')?.[1];
        const data = [...intents.values()].filter((i) => i.metadata.orderId === orderId);
        return send(200, { object: 'search_result', data, has_more: false, url: '/v1/payment_intents/search' });
      }
      const m = /^\/v1\/payment_intents\/([\w]+)$/.exec(url.pathname);
      if (req.method === 'GET' && m) {
        const intent = intents.get(m[1]!);
        return intent ? send(200, intent) : send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
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
    get idempotencyKeys() {
      return state.idempotencyKeys;
    },
    authenticate(intentId: string) {
      const intent = intents.get(intentId);
      if (intent && intent.status === 'requires_action') {
        intent.status = 'succeeded';
        intent.amount_received = intent.amount;
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
