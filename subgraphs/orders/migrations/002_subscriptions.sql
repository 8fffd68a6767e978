-- Recurring billing (product subscriptions and their renewal orders) and saved payment methods.
-- A renewal order comes from a subscription, not from a checkout or a cart.
ALTER TABLE orders ALTER COLUMN checkout_id DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN cart_id DROP NOT NULL;
ALTER TABLE orders ADD COLUMN subscription_id uuid;

-- The shopper's customer record at the payment provider (a Stripe customer, or the sandbox's own).
CREATE TABLE payment_customers (
  customer_id text NOT NULL,
  provider text NOT NULL,
  provider_customer_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, provider)
);

CREATE TABLE product_subscriptions (
  id uuid PRIMARY KEY,
  customer_id text NOT NULL,
  email text NOT NULL,
  variant_id text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  interval text NOT NULL CHECK (interval IN ('DAY','WEEK','MONTH','YEAR')),
  payment_method_id text NOT NULL,
  shipping_address jsonb NOT NULL,
  currency text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE','PAST_DUE','CANCELLED')),
  provider text NOT NULL,
  provider_subscription_id text,
  current_period_start timestamptz NOT NULL,
  next_renewal_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_subscriptions_due ON product_subscriptions (next_renewal_at) WHERE status <> 'CANCELLED';
CREATE INDEX product_subscriptions_customer ON product_subscriptions (customer_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX product_subscriptions_provider ON product_subscriptions (provider_subscription_id) WHERE provider_subscription_id IS NOT NULL;

-- The sandbox payment provider's customers, saved payment methods and subscriptions.
CREATE TABLE sandbox_customers (
  id text PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sandbox_payment_methods (
  id text PRIMARY KEY,
  customer text REFERENCES sandbox_customers (id),
  -- The Stripe test payment method it was made from; the sandbox answers charges as Stripe does for that one.
  test_method text NOT NULL,
  brand text NOT NULL,
  last4 text NOT NULL,
  exp_month integer NOT NULL,
  exp_year integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_payment_methods_customer ON sandbox_payment_methods (customer);
CREATE TABLE sandbox_subscriptions (
  id text PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  customer text NOT NULL REFERENCES sandbox_customers (id),
  payment_method_id text NOT NULL,
  amount_minor bigint NOT NULL,
  currency text NOT NULL,
  interval text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz
);
