// Shipment types and the rules of a shipment's journey: statuses only move forward.
import { randomBytes, randomInt } from 'node:crypto';
import type { Carrier } from './rates';

export const SHIPMENT_STATUSES = [
  'LABEL_CREATED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'EXCEPTION',
  'RETURNED',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export interface ShipmentLine {
  orderLineId: string;
  quantity: number;
}

export interface Shipment {
  id: string;
  orderId: string;
  customerId: string | null;
  carrier: Carrier;
  service: string;
  trackingNumber: string;
  status: ShipmentStatus;
  progress: number;
  estimatedDelivery: string | null;
  lines: ShipmentLine[];
  createdAt: string;
}

export interface TrackingEvent {
  id: string;
  shipmentId: string;
  status: ShipmentStatus;
  description: string;
  location: string | null;
  occurredAt: string;
}

/** An Order reference: this subgraph knows orders only by id. */
export interface OrderRef {
  id: string;
}

/** A Customer reference: the users subgraph owns customers. */
export interface CustomerRef {
  id: string;
}

/** How far along the journey a status is; EXCEPTION has none of its own (it interrupts a stage). */
const PROGRESS: Record<Exclude<ShipmentStatus, 'EXCEPTION'>, number> = {
  LABEL_CREATED: 0,
  IN_TRANSIT: 1,
  OUT_FOR_DELIVERY: 2,
  DELIVERED: 3,
  RETURNED: 4,
};

const TERMINAL = new Set<ShipmentStatus>(['DELIVERED', 'RETURNED']);

/**
 * The status after a carrier reports `next`, or null when it would move the shipment backwards.
 * An EXCEPTION interrupts any stage before delivery; after it, the journey resumes at the stage
 * reached or later. DELIVERED can still become RETURNED.
 */
export function advance(
  current: { status: ShipmentStatus; progress: number },
  next: ShipmentStatus,
): { status: ShipmentStatus; progress: number } | null {
  if (next === current.status) return null;
  if (next === 'EXCEPTION')
    return TERMINAL.has(current.status) ? null : { status: next, progress: current.progress };
  // eslint-disable-next-line security/detect-object-injection -- next is a ShipmentStatus, checked by zod at the webhook
  const rank = PROGRESS[next];
  const resumes = current.status === 'EXCEPTION' && rank >= current.progress;
  if (rank > current.progress || resumes) return { status: next, progress: rank };
  return null;
}

/** Adds business days (Monday to Friday) to a date. */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return date;
}

const TRACKING_PAGES: Record<Carrier, string> = {
  DHL: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id=',
  FEDEX: 'https://www.fedex.com/fedextrack/?trknbr=',
  UPS: 'https://www.ups.com/track?tracknum=',
};

export function trackingUrl(carrier: Carrier, trackingNumber: string): string {
  // eslint-disable-next-line security/detect-object-injection -- carrier is a Carrier enum value
  return `${TRACKING_PAGES[carrier]}${encodeURIComponent(trackingNumber)}`;
}

/** Sandbox tracking numbers in each carrier's own shape. */
export function sandboxTrackingNumber(carrier: Carrier): string {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
  switch (carrier) {
    case 'DHL':
      return `JD${digits(18)}`;
    case 'FEDEX':
      return digits(12);
    case 'UPS':
      return `1Z${randomBytes(8).toString('hex').toUpperCase()}`;
  }
}
