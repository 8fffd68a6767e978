-- Checkouts, orders, refunds, sandbox charges, Stripe events and sent notifications.
CREATE TABLE checkouts (
  id uuid PRIMARY KEY,
  customer_id text,
  cart_id text NOT NULL,
  email text NOT NULL,
  currency text NOT NULL,
  lines jsonb NOT NULL,
  shipping_address jsonb NOT NULL,
  rates jsonb NOT NULL,
  selected_rate jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE order_number_seq START 1001;

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  number bigint NOT NULL UNIQUE DEFAULT nextval('order_number_seq'),
  checkout_id uuid NOT NULL REFERENCES checkouts (id),
  cart_id text NOT NULL,
  customer_id text,
  -- Idempotency keys are scoped to the shopper (a guest's to the checkout).
  idempotency_scope text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  email text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING_PAYMENT','PAID','FULFILLED','CANCELLED','REFUNDED','PARTIALLY_REFUNDED')),
  currency text NOT NULL,
  lines jsonb NOT NULL,
  shipping_address jsonb NOT NULL,
  shipping_line jsonb NOT NULL,
  subtotal_minor bigint NOT NULL,
  shipping_minor bigint NOT NULL,
  tax_minor bigint NOT NULL,
  total_minor bigint NOT NULL,
  payment_method_id text NOT NULL,
  payment_intent_id text,
  captured_minor bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor <= captured_minor),
  next_action jsonb,
  failure_code text,
  cancel_reason text,
  -- A completion attempt holds the order until then, so concurrent retries wait instead of racing.
  lease_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  UNIQUE (idempotency_scope, idempotency_key)
);
-- One live order per checkout, whatever the keys of concurrent completions.
CREATE UNIQUE INDEX orders_live_checkout ON orders (checkout_id) WHERE status <> 'CANCELLED';
CREATE INDEX orders_customer_created ON orders (customer_id, created_at DESC, id DESC);
CREATE INDEX orders_pending ON orders (created_at) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE refunds (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  reason text,
  status text NOT NULL CHECK (status IN ('PENDING','SUCCEEDED','FAILED')),
  provider_refund_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order ON refunds (order_id, created_at);

-- The sandbox payment provider's own records: one charge per idempotency key.
CREATE TABLE sandbox_charges (
  id text PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  order_id text,
  payment_method_id text NOT NULL,
  amount_minor bigint NOT NULL,
  currency text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_charges_order ON sandbox_charges (order_id);
CREATE TABLE sandbox_refunds (
  id text PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  charge_id text NOT NULL REFERENCES sandbox_charges (id),
  amount_minor bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stripe_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notifications_sent (
  event_id text NOT NULL,
  kind text NOT NULL,
  order_id uuid NOT NULL,
  recipient text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, kind)
);
