// The payment port with every money-moving call counted on `payments_total{provider, operation, outcome}`, each in a
// `payment <operation>` span (Stripe's own HTTP calls nest under it; the sandbox's database calls too).
import { inSpan, paymentsTotal } from '@shop/common';
import type { PaymentGateway } from './gateway';

const COUNTED = new Set<string | symbol>([
  'authorize',
  'capture',
  'cancelAuthorization',
  'refund',
  'retrieve',
]);

export function meteredPayments(inner: PaymentGateway): PaymentGateway {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => Promise<unknown>;
      if (!COUNTED.has(prop)) return fn.bind(target);
      const operation = String(prop);
      return (...args: unknown[]) =>
        inSpan(
          `payment ${operation}`,
          'client',
          undefined,
          { 'payment.provider': target.provider, 'payment.operation': operation },
          async () => {
            try {
              const result = await fn.apply(target, args);
              const kind = (result as { kind?: unknown } | null)?.kind;
              paymentsTotal.inc({
                provider: target.provider,
                operation,
                outcome: typeof kind === 'string' ? kind : 'ok',
              });
              return result;
            } catch (error) {
              paymentsTotal.inc({ provider: target.provider, operation, outcome: 'error' });
              throw error;
            }
          },
        );
    },
  });
}
