-- One refund per received return, whatever how often its event is delivered.
CREATE TABLE return_refunds (
  return_id text PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id),
  refund_id uuid,
  amount_minor bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
