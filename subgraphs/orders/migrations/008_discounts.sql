-- Discounts (codes and automatic), their uses (reserved by a checkout being paid, committed with the paid order,
-- released when the payment fails), the codes a cart carries, and the discounts a checkout and an order record.
CREATE TABLE discounts (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  -- Stored upper-case; codes are matched case-insensitively.
  code text UNIQUE,
  kind text NOT NULL CHECK (kind IN ('PERCENTAGE', 'FIXED_AMOUNT', 'FREE_SHIPPING', 'BUY_X_GET_Y')),
  value bigint NOT NULL CHECK (value >= 0),
  currency text NOT NULL,
  buy_quantity int NOT NULL DEFAULT 0,
  get_quantity int NOT NULL DEFAULT 0,
  product_ids text[] NOT NULL DEFAULT '{}',
  category_handles text[] NOT NULL DEFAULT '{}',
  minimum_subtotal_minor bigint,
  starts_at timestamptz,
  ends_at timestamptz,
  usage_limit int CHECK (usage_limit > 0),
  once_per_customer boolean NOT NULL DEFAULT false,
  combines_with jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX discounts_active ON discounts (created_at) WHERE active;

-- One row per order that uses a discount: RESERVED while its payment is open, COMMITTED once paid, RELEASED when not.
CREATE TABLE discount_uses (
  discount_id uuid NOT NULL REFERENCES discounts (id),
  order_id uuid NOT NULL REFERENCES orders (id),
  customer_key text,
  status text NOT NULL CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (discount_id, order_id)
);
CREATE INDEX discount_uses_live ON discount_uses (discount_id) WHERE status <> 'RELEASED';
-- oncePerCustomer: one live use per customer, whatever the concurrency.
CREATE UNIQUE INDEX discount_uses_once ON discount_uses (discount_id, customer_key) WHERE status <> 'RELEASED' AND customer_key IS NOT NULL;

CREATE TABLE cart_discount_codes (
  cart_id text PRIMARY KEY,
  codes text[] NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE checkouts ADD COLUMN discount_codes text[] NOT NULL DEFAULT '{}';
-- The discounts the checkout was priced with, as they were, so its totals are recomputed from the same terms.
ALTER TABLE checkouts ADD COLUMN discounts jsonb NOT NULL DEFAULT '[]';
ALTER TABLE orders ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN discount_codes text[] NOT NULL DEFAULT '{}';
-- Per line ({ lineId, discountId, title, code, amountMinor }) and for shipping (lineId null), so refunds can prorate.
ALTER TABLE orders ADD COLUMN discount_allocations jsonb NOT NULL DEFAULT '[]';
