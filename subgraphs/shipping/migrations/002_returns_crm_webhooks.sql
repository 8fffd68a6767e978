-- Returns, the CRM read model (fed by order.paid and customer.registered) and outbound webhooks.
CREATE TABLE crm_customers (
  customer_id text PRIMARY KEY,
  email text,
  first_seen_at timestamptz NOT NULL DEFAULT now()
);

-- What this service learned from order.paid: who owns an order, what it cost.
CREATE TABLE paid_orders (
  order_id text PRIMARY KEY,
  order_number text NOT NULL,
  customer_id text,
  email text,
  total_minor bigint NOT NULL,
  currency_code text NOT NULL,
  paid_at timestamptz NOT NULL
);
CREATE INDEX paid_orders_customer ON paid_orders (customer_id, paid_at) WHERE customer_id IS NOT NULL;

CREATE TABLE returns (
  id uuid PRIMARY KEY,
  order_id text NOT NULL,
  customer_id text,
  status text NOT NULL,
  reason text NOT NULL,
  reject_reason text,
  carrier text,
  tracking_number text UNIQUE,
  label_format text,
  label_data text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX returns_order ON returns (order_id, created_at);
CREATE INDEX returns_customer ON returns (customer_id, created_at) WHERE customer_id IS NOT NULL;

CREATE TABLE return_lines (
  return_id uuid NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
  order_line_id text NOT NULL,
  quantity int NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (return_id, order_line_id)
);

CREATE TABLE customer_notes (
  id uuid PRIMARY KEY,
  customer_id text NOT NULL,
  body text NOT NULL,
  author_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE timeline_events (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  customer_id text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  reference_id text,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX timeline_events_customer ON timeline_events (customer_id, seq DESC);

CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY,
  url text NOT NULL,
  topics text[] NOT NULL,
  secret text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  event_id text NOT NULL,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'PENDING',
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_until timestamptz,
  last_status int,
  delivered_at timestamptz,
  UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
