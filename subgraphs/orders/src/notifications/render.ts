// Email bodies for order notifications, in HTML (escaped) and plain text.
import { toMoney } from '@shop/common';
import { orderNumber } from '../domain/payment-settlement';
import type { Order } from '../domain/types';

const escapeHtml = (s: string) =>
  // eslint-disable-next-line security/detect-object-injection -- c is one of the five characters the regular expression matched
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const money = (minor: number, currency: string) => {
  const m = toMoney(minor, currency);
  return `${m.amount} ${m.currencyCode}`;
};

export function renderOrderConfirmation(order: Order): { subject: string; text: string; html: string } {
  const number = orderNumber(order.number);
  const a = order.shippingAddress;
  const name = [a.firstName, a.lastName].filter(Boolean).join(' ');
  const addressLines = [
    name,
    a.address1,
    a.address2,
    `${a.zip} ${a.city}${a.province ? `, ${a.province}` : ''}`,
    a.countryCode,
  ].filter((l): l is string => Boolean(l));
  const rows = order.lines.map((l) => ({
    label: `${l.quantity} × ${l.title}${l.variantTitle ? ` (${l.variantTitle})` : ''}`,
    amount: money(l.unitPriceMinor * l.quantity, order.currency),
  }));
  const totals = [
    ['Subtotal', money(order.subtotalMinor, order.currency)],
    [
      `Shipping (${order.shippingLine.carrier} ${order.shippingLine.service})`,
      money(order.shippingMinor, order.currency),
    ],
    ['Tax', money(order.taxMinor, order.currency)],
    ['Total', money(order.totalMinor, order.currency)],
  ] as const;

  const text = [
    `Thank you for your order ${number}.`,
    '',
    ...rows.map((r) => `${r.label}: ${r.amount}`),
    '',
    ...totals.map(([k, v]) => `${k}: ${v}`),
    '',
    'Shipping to:',
    ...addressLines,
  ].join('\n');

  const html = `<!doctype html><html><body style="font-family:sans-serif">
<h1>Thank you for your order ${escapeHtml(number)}</h1>
<table>${rows.map((r) => `<tr><td>${escapeHtml(r.label)}</td><td style="text-align:right">${escapeHtml(r.amount)}</td></tr>`).join('')}
${totals.map(([k, v]) => `<tr><th style="text-align:left">${escapeHtml(k)}</th><td style="text-align:right">${escapeHtml(v)}</td></tr>`).join('')}</table>
<h2>Shipping to</h2><p>${addressLines.map(escapeHtml).join('<br>')}</p>
</body></html>`;
  return { subject: `Your order ${number} is confirmed`, text, html };
}

function simple(title: string, paragraphs: string[]): { text: string; html: string } {
  return {
    text: [title, '', ...paragraphs].join('\n'),
    html: `<!doctype html><html><body style="font-family:sans-serif"><h1>${escapeHtml(title)}</h1>${paragraphs
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('')}</body></html>`,
  };
}

export function renderOrderCancelled(
  order: Order,
  detail: Record<string, unknown>,
): { subject: string; text: string; html: string } {
  const number = orderNumber(order.number);
  const refunded = typeof detail.refundedMinor === 'number' ? detail.refundedMinor : 0;
  const body = simple(`Your order ${number} has been cancelled`, [
    order.cancelReason ? `Reason: ${order.cancelReason}` : 'Your order has been cancelled.',
    refunded > 0
      ? `We are refunding ${money(refunded, order.currency)} to your original payment method.`
      : 'You have not been charged for this order.',
  ]);
  return { subject: `Your order ${number} has been cancelled`, ...body };
}

export function renderOrderRefunded(
  order: Order,
  detail: Record<string, unknown>,
): { subject: string; text: string; html: string } {
  const number = orderNumber(order.number);
  const amount = typeof detail.amountMinor === 'number' ? detail.amountMinor : 0;
  const body = simple(`A refund for your order ${number}`, [
    `We are refunding ${money(amount, order.currency)} to your original payment method.`,
    'It can take 5 to 10 business days to appear on your statement.',
  ]);
  return { subject: `A refund for your order ${number}`, ...body };
}

const SHIPMENT_NEWS: Record<string, string> = {
  LABEL_CREATED: 'is being prepared for shipping',
  IN_TRANSIT: 'is on its way',
  OUT_FOR_DELIVERY: 'is out for delivery',
  DELIVERED: 'has been delivered',
  EXCEPTION: 'is delayed',
  RETURNED: 'is being returned to us',
};

export function renderOrderShipped(
  order: Order,
  detail: Record<string, unknown>,
): { subject: string; text: string; html: string } {
  const number = orderNumber(order.number);
  const status = typeof detail.status === 'string' ? detail.status : '';
  const tracking = typeof detail.trackingNumber === 'string' ? detail.trackingNumber : null;
  // eslint-disable-next-line security/detect-object-injection -- status comes from the shipping service's own events, one of its shipment statuses
  const title = `Your order ${number} ${SHIPMENT_NEWS[status] ?? 'has a shipping update'}`;
  const body = simple(title, [
    tracking
      ? `Tracking number: ${tracking}`
      : 'We will send the tracking number as soon as the carrier has it.',
    `Shipping to ${order.shippingAddress.city}, ${order.shippingAddress.countryCode}.`,
  ]);
  return { subject: title, ...body };
}
