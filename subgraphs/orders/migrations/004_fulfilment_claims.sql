-- What the shipping service has claimed to ship of each order, one row per shipment. A claim is taken with
-- the order row locked, as a cancellation is, so the two never both succeed.
CREATE TABLE fulfilment_claims (
  id text PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id),
  lines jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fulfilment_claims_order ON fulfilment_claims (order_id);
