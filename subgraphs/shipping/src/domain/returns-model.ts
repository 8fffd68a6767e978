// Return types, shared by the returns repository and the returns story.
export const RETURN_STATUSES = [
  'REQUESTED',
  'APPROVED',
  'IN_TRANSIT',
  'RECEIVED',
  'REFUNDED',
  'REJECTED',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export interface Return {
  id: string;
  orderId: string;
  customerId: string | null;
  status: ReturnStatus;
  reason: string;
  trackingNumber: string | null;
  label: { format: string; data: string } | null;
  createdAt: string;
  lines: { orderLineId: string; quantity: number }[];
}
