// The embedded payment provider: answers like Stripe does for its test payment method ids (with manual
// capture: authorised first, captured or cancelled after), and keeps its charges in the orders database with
// idempotency-key semantics, so a retry never charges twice. Its 3-D Secure step is a link carrying a signed,
// single-use token.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SqlDatabase } from '@shop/datastores';
import type {
  AttachResult,
  PaidInvoice,
  ChargeRequest,
  PaymentGateway,
  PaymentResult,
  SavedPaymentMethod,
  SubscriptionRequest,
} from './gateway';

const SUCCEED = new Set([
  'pm_card_visa',
  'pm_card_mastercard',
  'pm_card_amex',
  'pm_card_visa_debit',
  'pm_card_discover',
]);
// Maps, not object literals: a client's id such as "constructor" must not find Object.prototype's members.
const DECLINE = new Map<string, string>([
  ['pm_card_chargeDeclined', 'Your card was declined.'],
  ['pm_card_visa_chargeDeclined', 'Your card was declined.'],
  ['pm_card_chargeDeclinedInsufficientFunds', 'Your card has insufficient funds.'],
]);
const NEEDS_ACTION = new Set(['pm_card_threeDSecure2Required', 'pm_card_authenticationRequired']);
/** What Stripe reports for its test cards once saved. */
const CARD_OF = new Map<string, { brand: string; last4: string }>([
  ['pm_card_visa', { brand: 'visa', last4: '4242' }],
  ['pm_card_mastercard', { brand: 'mastercard', last4: '4444' }],
  ['pm_card_amex', { brand: 'amex', last4: '8431' }],
  ['pm_card_visa_debit', { brand: 'visa', last4: '5556' }],
  ['pm_card_discover', { brand: 'discover', last4: '9424' }],
  ['pm_card_chargeDeclined', { brand: 'visa', last4: '0002' }],
  ['pm_card_visa_chargeDeclined', { brand: 'visa', last4: '0341' }],
  ['pm_card_chargeDeclinedInsufficientFunds', { brand: 'visa', last4: '9995' }],
  ['pm_card_threeDSecure2Required', { brand: 'visa', last4: '3220' }],
  ['pm_card_authenticationRequired', { brand: 'visa', last4: '3184' }],
]);
const SAVED = /^pm_sandbox_[0-9a-f]{24}$/;

interface MethodRow {
  id: string;
  test_method: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

const toSaved = (r: MethodRow): SavedPaymentMethod => ({
  id: r.id,
  brand: r.brand,
  last4: r.last4,
  expMonth: r.exp_month,
  expYear: r.exp_year,
});

interface ChargeRow {
  id: string;
  order_id: string | null;
  payment_method_id: string;
  amount_minor: string;
  status: string;
  auth_nonce: string | null;
}

export class SandboxPaymentGateway implements PaymentGateway {
  readonly provider = 'sandbox' as const;
  private readonly tokenKey: Buffer;

  constructor(
    private readonly db: SqlDatabase,
    /** Where the shopper would authenticate (a public address); the sandbox completes the payment there. */
    private readonly authenticateUrl: (paymentIntentId: string, token: string) => string,
    /** Signs the 3-D Secure tokens. */
    secret: string,
  ) {
    this.tokenKey = createHmac('sha256', secret).update('sandbox-3ds-token').digest();
  }

  static knows(paymentMethodId: string): boolean {
    return SUCCEED.has(paymentMethodId) || DECLINE.has(paymentMethodId) || NEEDS_ACTION.has(paymentMethodId);
  }

  async authorize(original: ChargeRequest): Promise<PaymentResult> {
    // A saved method charges like the test method it was made from.
    const request = {
      ...original,
      paymentMethodId: (await this.testMethodOf(original.paymentMethodId)) ?? original.paymentMethodId,
    };
    if (!SandboxPaymentGateway.knows(request.paymentMethodId)) {
      return {
        kind: 'invalid_payment_method',
        message: `The sandbox payment provider does not know the payment method "${request.paymentMethodId.slice(0, 64)}"; use one of Stripe's test ids such as pm_card_visa.`,
      };
    }
    const status = SUCCEED.has(request.paymentMethodId)
      ? 'requires_capture'
      : DECLINE.has(request.paymentMethodId)
        ? 'requires_payment_method'
        : 'requires_action';
    // The first request with a key creates the charge; a retry finds it and gets the same answer.
    await this.db.query(
      `INSERT INTO sandbox_charges (id, idempotency_key, order_id, payment_method_id, amount_minor, currency, status, auth_nonce)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING`,
      [
        `pi_sandbox_${randomBytes(12).toString('hex')}`,
        request.idempotencyKey,
        request.orderId,
        request.paymentMethodId,
        request.amountMinor,
        request.currency,
        status,
        status === 'requires_action' ? randomBytes(18).toString('base64url') : null,
      ],
    );
    const { rows } = await this.db.query<ChargeRow>(
      `SELECT * FROM sandbox_charges WHERE idempotency_key = $1`,
      [request.idempotencyKey],
    );
    return this.toResult(rows[0]!);
  }

  async capture(request: {
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<PaymentResult> {
    await this.db.query(
      `UPDATE sandbox_charges SET status = 'succeeded', amount_minor = LEAST(amount_minor, $2) WHERE id = $1 AND status = 'requires_capture'`,
      [request.paymentIntentId, request.amountMinor],
    );
    return this.retrieve(request.paymentIntentId);
  }

  async cancelAuthorization(request: {
    paymentIntentId: string;
    idempotencyKey: string;
  }): Promise<PaymentResult> {
    await this.db.query(
      `UPDATE sandbox_charges SET status = 'canceled', auth_nonce = NULL WHERE id = $1 AND status IN ('requires_capture', 'requires_action')`,
      [request.paymentIntentId],
    );
    return this.retrieve(request.paymentIntentId);
  }

  async retrieve(paymentIntentId: string): Promise<PaymentResult> {
    const { rows } = await this.db.query<ChargeRow>(`SELECT * FROM sandbox_charges WHERE id = $1`, [
      paymentIntentId,
    ]);
    if (!rows[0]) return { kind: 'invalid_payment_method', message: 'No such payment.' };
    return this.toResult(rows[0]);
  }

  async findByOrder(orderId: string): Promise<PaymentResult | null> {
    const { rows } = await this.db.query<ChargeRow>(
      `SELECT * FROM sandbox_charges WHERE order_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [orderId],
    );
    return rows[0] ? this.toResult(rows[0]) : null;
  }

  private sign(paymentIntentId: string, nonce: string): string {
    return createHmac('sha256', this.tokenKey).update(`${paymentIntentId}.${nonce}`).digest('base64url');
  }

  /**
   * What the 3-D Secure page does in the sandbox: the shopper authenticates and the payment is authorised.
   * Null when the token is not this payment's, or was used already, or the payment no longer awaits authentication.
   */
  async authenticate(paymentIntentId: string, token: string): Promise<PaymentResult | null> {
    const [nonce = '', mac = ''] = token.split('.');
    const expected = Buffer.from(this.sign(paymentIntentId, nonce));
    if (!nonce || Buffer.byteLength(mac) !== expected.length || !timingSafeEqual(Buffer.from(mac), expected))
      return null;
    const { rowCount } = await this.db.query(
      `UPDATE sandbox_charges SET status = 'requires_capture', auth_nonce = NULL WHERE id = $1 AND status = 'requires_action' AND auth_nonce = $2`,
      [paymentIntentId, nonce],
    );
    return rowCount ? this.retrieve(paymentIntentId) : null;
  }

  async paymentMethodOwner(paymentMethodId: string): Promise<string | null> {
    if (!SAVED.test(paymentMethodId)) return null;
    const { rows } = await this.db.query<{ customer: string | null }>(
      `SELECT customer FROM sandbox_payment_methods WHERE id = $1`,
      [paymentMethodId],
    );
    return rows[0]?.customer ?? null;
  }

  async refund(request: {
    paymentIntentId: string;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<{ refundId: string }> {
    const id = `re_sandbox_${randomBytes(12).toString('hex')}`;
    await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ amount_minor: string; status: string }>(
        `SELECT amount_minor, status FROM sandbox_charges WHERE id = $1 FOR UPDATE`,
        [request.paymentIntentId],
      );
      const charge = rows[0];
      if (!charge || charge.status !== 'succeeded') throw new Error('sandbox: the payment has not succeeded');
      const existing = await tx.query(`SELECT 1 FROM sandbox_refunds WHERE idempotency_key = $1`, [
        request.idempotencyKey,
      ]);
      if (existing.rows.length) return;
      const done = await tx.query<{ s: string | null }>(
        `SELECT sum(amount_minor) AS s FROM sandbox_refunds WHERE charge_id = $1`,
        [request.paymentIntentId],
      );
      if (Number(done.rows[0]?.s ?? 0) + request.amountMinor > Number(charge.amount_minor)) {
        throw new Error('sandbox: refund above the captured amount');
      }
      await tx.query(
        `INSERT INTO sandbox_refunds (id, idempotency_key, charge_id, amount_minor) VALUES ($1, $2, $3, $4)`,
        [id, request.idempotencyKey, request.paymentIntentId, request.amountMinor],
      );
    });
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM sandbox_refunds WHERE idempotency_key = $1`,
      [request.idempotencyKey],
    );
    return { refundId: rows[0]!.id };
  }

  private async testMethodOf(paymentMethodId: string): Promise<string | null> {
    if (!SAVED.test(paymentMethodId)) return null;
    const { rows } = await this.db.query<{ test_method: string }>(
      `SELECT test_method FROM sandbox_payment_methods WHERE id = $1 AND customer IS NOT NULL`,
      [paymentMethodId],
    );
    return rows[0]?.test_method ?? null;
  }

  async createCustomer(request: {
    customerId: string;
    email: string | null;
    idempotencyKey: string;
  }): Promise<{ providerCustomerId: string }> {
    await this.db.query(
      `INSERT INTO sandbox_customers (id, idempotency_key, email) VALUES ($1, $2, $3) ON CONFLICT (idempotency_key) DO NOTHING`,
      [`cus_sandbox_${randomBytes(12).toString('hex')}`, request.idempotencyKey, request.email],
    );
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM sandbox_customers WHERE idempotency_key = $1`,
      [request.idempotencyKey],
    );
    return { providerCustomerId: rows[0]!.id };
  }

  async attachPaymentMethod(providerCustomerId: string, paymentMethodId: string): Promise<AttachResult> {
    const card = CARD_OF.get(paymentMethodId);
    if (!card) return { ok: false, message: 'The payment method is not valid.' };
    const year = new Date().getUTCFullYear() + 3;
    const { rows } = await this.db.query<MethodRow>(
      `INSERT INTO sandbox_payment_methods (id, customer, test_method, brand, last4, exp_month, exp_year)
       VALUES ($1, $2, $3, $4, $5, 12, $6) RETURNING *`,
      [
        `pm_sandbox_${randomBytes(12).toString('hex')}`,
        providerCustomerId,
        paymentMethodId,
        card.brand,
        card.last4,
        year,
      ],
    );
    return { ok: true, method: toSaved(rows[0]!) };
  }

  async listPaymentMethods(providerCustomerId: string): Promise<SavedPaymentMethod[]> {
    const { rows } = await this.db.query<MethodRow>(
      `SELECT * FROM sandbox_payment_methods WHERE customer = $1 ORDER BY created_at, id`,
      [providerCustomerId],
    );
    return rows.map(toSaved);
  }

  async detachPaymentMethod(paymentMethodId: string): Promise<void> {
    await this.db.query(`UPDATE sandbox_payment_methods SET customer = NULL WHERE id = $1`, [
      paymentMethodId,
    ]);
  }

  async createSubscription(request: SubscriptionRequest): Promise<{ providerSubscriptionId: string }> {
    await this.db.query(
      `INSERT INTO sandbox_subscriptions (id, idempotency_key, customer, payment_method_id, amount_minor, currency, interval, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'active') ON CONFLICT (idempotency_key) DO NOTHING`,
      [
        `sub_sandbox_${randomBytes(12).toString('hex')}`,
        request.idempotencyKey,
        request.providerCustomerId,
        request.paymentMethodId,
        request.amountMinor,
        request.currency,
        request.interval,
      ],
    );
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM sandbox_subscriptions WHERE idempotency_key = $1`,
      [request.idempotencyKey],
    );
    return { providerSubscriptionId: rows[0]!.id };
  }

  async cancelSubscription(providerSubscriptionId: string): Promise<void> {
    await this.db.query(
      `UPDATE sandbox_subscriptions SET status = 'canceled', cancelled_at = now() WHERE id = $1 AND status <> 'canceled'`,
      [providerSubscriptionId],
    );
  }

  /** The sandbox bills renewals itself (renewDue); it has no invoices. */
  async retrieveInvoice(): Promise<PaidInvoice | null> {
    return null;
  }

  private toResult(row: ChargeRow): PaymentResult {
    const orderId = row.order_id;
    const amountMinor = Number(row.amount_minor);
    switch (row.status) {
      case 'requires_capture':
        return { kind: 'authorized', paymentIntentId: row.id, amountMinor, orderId };
      case 'succeeded':
        return { kind: 'succeeded', paymentIntentId: row.id, amountMinor, orderId };
      case 'requires_action':
        return {
          kind: 'requires_action',
          paymentIntentId: row.id,
          orderId,
          nextAction: {
            type: 'REDIRECT_TO_URL',
            redirectUrl: this.authenticateUrl(
              row.id,
              `${row.auth_nonce ?? ''}.${this.sign(row.id, row.auth_nonce ?? '')}`,
            ),
            clientSecret: `${row.id}_secret_sandbox`,
          },
        };
      case 'canceled':
        return { kind: 'declined', paymentIntentId: row.id, orderId, message: 'The payment was cancelled.' };
      default:
        return {
          kind: 'declined',
          paymentIntentId: row.id,
          orderId,
          message: DECLINE.get(row.payment_method_id) ?? 'Your card was declined.',
        };
    }
  }
}
