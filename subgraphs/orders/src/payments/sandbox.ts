// The embedded payment provider: answers like Stripe does for its test payment method ids, and keeps its
// charges in the orders database with idempotency-key semantics, so a retry never charges twice.
import { randomBytes } from 'node:crypto';
import type { SqlDatabase } from '@shop/datastores';
import type { ChargeRequest, PaymentGateway, PaymentResult } from './gateway';

const SUCCEED = new Set(['pm_card_visa', 'pm_card_mastercard', 'pm_card_amex', 'pm_card_visa_debit', 'pm_card_discover']);
const DECLINE: Record<string, string> = {
  pm_card_chargeDeclined: 'Your card was declined.',
  pm_card_visa_chargeDeclined: 'Your card was declined.',
  pm_card_chargeDeclinedInsufficientFunds: 'Your card has insufficient funds.',
};
const NEEDS_ACTION = new Set(['pm_card_threeDSecure2Required', 'pm_card_authenticationRequired']);

interface ChargeRow {
  id: string;
  order_id: string | null;
  amount_minor: string;
  status: string;
}

export class SandboxPaymentGateway implements PaymentGateway {
  readonly provider = 'sandbox' as const;
  constructor(
    private readonly db: SqlDatabase,
    /** Where the shopper would authenticate; the sandbox completes the payment there. */
    private readonly authenticateUrl: (paymentIntentId: string) => string,
  ) {}

  static knows(paymentMethodId: string): boolean {
    return SUCCEED.has(paymentMethodId) || paymentMethodId in DECLINE || NEEDS_ACTION.has(paymentMethodId);
  }

  async charge(request: ChargeRequest): Promise<PaymentResult> {
    if (!SandboxPaymentGateway.knows(request.paymentMethodId)) {
      return {
        kind: 'invalid_payment_method',
        message: `The sandbox payment provider does not know the payment method "${request.paymentMethodId.slice(0, 64)}"; use one of Stripe's test ids such as pm_card_visa.`,
      };
    }
    const status = SUCCEED.has(request.paymentMethodId)
      ? 'succeeded'
      : request.paymentMethodId in DECLINE
        ? 'requires_payment_method'
        : 'requires_action';
    // The first request with a key creates the charge; a retry finds it and gets the same answer.
    await this.db.query(
      `INSERT INTO sandbox_charges (id, idempotency_key, order_id, payment_method_id, amount_minor, currency, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING`,
      [`pi_sandbox_${randomBytes(12).toString('hex')}`, request.idempotencyKey, request.orderId, request.paymentMethodId, request.amountMinor, request.currency, status],
    );
    const { rows } = await this.db.query<ChargeRow & { payment_method_id: string }>(
      `SELECT * FROM sandbox_charges WHERE idempotency_key = $1`,
      [request.idempotencyKey],
    );
    return this.toResult(rows[0]!, rows[0]!.payment_method_id);
  }

  async retrieve(paymentIntentId: string): Promise<PaymentResult> {
    const { rows } = await this.db.query<ChargeRow & { payment_method_id: string }>(`SELECT * FROM sandbox_charges WHERE id = $1`, [paymentIntentId]);
    if (!rows[0]) return { kind: 'invalid_payment_method', message: 'No such payment.' };
    return this.toResult(rows[0], rows[0].payment_method_id);
  }

  async findByOrder(orderId: string): Promise<PaymentResult | null> {
    const { rows } = await this.db.query<ChargeRow & { payment_method_id: string }>(
      `SELECT * FROM sandbox_charges WHERE order_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [orderId],
    );
    return rows[0] ? this.toResult(rows[0], rows[0].payment_method_id) : null;
  }

  /** What the 3-D Secure page does in the sandbox: the shopper authenticates and the payment succeeds. */
  async authenticate(paymentIntentId: string): Promise<PaymentResult> {
    await this.db.query(`UPDATE sandbox_charges SET status = 'succeeded' WHERE id = $1 AND status = 'requires_action'`, [paymentIntentId]);
    return this.retrieve(paymentIntentId);
  }

  async refund(request: { paymentIntentId: string; amountMinor: number; idempotencyKey: string }): Promise<{ refundId: string }> {
    const id = `re_sandbox_${randomBytes(12).toString('hex')}`;
    await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ amount_minor: string; status: string }>(
        `SELECT amount_minor, status FROM sandbox_charges WHERE id = $1 FOR UPDATE`,
        [request.paymentIntentId],
      );
      const charge = rows[0];
      if (!charge || charge.status !== 'succeeded') throw new Error('sandbox: the payment has not succeeded');
      const existing = await tx.query(`SELECT 1 FROM sandbox_refunds WHERE idempotency_key = $1`, [request.idempotencyKey]);
      if (existing.rows.length) return;
      const done = await tx.query<{ s: string | null }>(`SELECT sum(amount_minor) AS s FROM sandbox_refunds WHERE charge_id = $1`, [request.paymentIntentId]);
      if (Number(done.rows[0]?.s ?? 0) + request.amountMinor > Number(charge.amount_minor)) {
        throw new Error('sandbox: refund above the captured amount');
      }
      await tx.query(`INSERT INTO sandbox_refunds (id, idempotency_key, charge_id, amount_minor) VALUES ($1, $2, $3, $4)`, [
        id, request.idempotencyKey, request.paymentIntentId, request.amountMinor,
      ]);
    });
    const { rows } = await this.db.query<{ id: string }>(`SELECT id FROM sandbox_refunds WHERE idempotency_key = $1`, [request.idempotencyKey]);
    return { refundId: rows[0]!.id };
  }

  private toResult(row: ChargeRow, paymentMethodId: string): PaymentResult {
    const orderId = row.order_id;
    switch (row.status) {
      case 'succeeded':
        return { kind: 'succeeded', paymentIntentId: row.id, amountMinor: Number(row.amount_minor), orderId };
      case 'requires_action':
        return {
          kind: 'requires_action',
          paymentIntentId: row.id,
          orderId,
          nextAction: { type: 'REDIRECT_TO_URL', redirectUrl: this.authenticateUrl(row.id), clientSecret: `${row.id}_secret_sandbox` },
        };
      default:
        return { kind: 'declined', paymentIntentId: row.id, orderId, message: DECLINE[paymentMethodId] ?? 'Your card was declined.' };
    }
  }
}
