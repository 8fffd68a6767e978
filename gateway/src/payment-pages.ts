// The pages of a payment flow a shopper's browser is sent to (the sandbox's 3-D Secure step), forwarded to the
// orders service: the browser only ever sees the gateway's public address, never a subgraph's host.
import { HttpError, type Route } from '@shop/common';

export function paymentPageRoutes(ordersUrl: string | undefined, timeoutMs: number): Route[] {
  return [
    {
      method: 'POST',
      path: '/sandbox/payments/:id/authenticate',
      handler: async (request) => {
        if (!ordersUrl) throw new HttpError(404, 'Not found');
        const target = new URL(
          `/sandbox/payments/${encodeURIComponent(request.params.id ?? '')}/authenticate`,
          ordersUrl,
        );
        // Only the link's token travels on; the orders service checks it (signed, single use).
        const token = request.query.get('token');
        if (token) target.searchParams.set('token', token.slice(0, 500));
        let res: Response;
        try {
          res = await fetch(target, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) });
        } catch {
          throw new HttpError(502, 'The payment service is not answering; try again');
        }
        const body: unknown = await res.json().catch(() => ({ error: 'Unexpected answer' }));
        return { status: res.status, body };
      },
    },
  ];
}
