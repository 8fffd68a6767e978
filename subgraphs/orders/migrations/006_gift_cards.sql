-- Gift cards: the code is never stored, only its SHA-256 (codes are 16+ characters from a secure random
-- source, so a plain hash is enough) and its last four characters. The balance never goes below zero: the
-- CHECK holds it, and every debit is a conditional UPDATE. Each movement is one row of the ledger, keyed so
-- that a debit or credit for one order and card happens once, however often it is attempted.
CREATE TABLE gift_cards (
  id uuid PRIMARY KEY,
  code_hash text NOT NULL UNIQUE,
  last_characters text NOT NULL,
  currency text NOT NULL,
  initial_minor bigint NOT NULL CHECK (initial_minor > 0),
  balance_minor bigint NOT NULL CHECK (balance_minor >= 0),
  expires_on date,
  customer_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gift_cards_customer ON gift_cards (customer_id, created_at DESC) WHERE customer_id IS NOT NULL;

CREATE TABLE gift_card_transactions (
  id uuid PRIMARY KEY,
  gift_card_id uuid NOT NULL REFERENCES gift_cards (id),
  order_id uuid REFERENCES orders (id),
  -- Negative for a debit, positive for a credit (a refund or a cancelled order's debit given back).
  amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
  idempotency_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gift_card_transactions_order ON gift_card_transactions (order_id);

-- The gift cards a shopper applied to a checkout, in the order applied (taken in that order).
CREATE TABLE checkout_gift_cards (
  checkout_id uuid NOT NULL REFERENCES checkouts (id),
  gift_card_id uuid NOT NULL REFERENCES gift_cards (id),
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (checkout_id, gift_card_id)
);

-- What gift cards paid for an order (debited with the order's row) and how much of it went back to them.
ALTER TABLE orders ADD COLUMN gift_card_minor bigint NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN gift_card_refunded_minor bigint NOT NULL DEFAULT 0;
ALTER TABLE orders ADD CONSTRAINT orders_gift_card_refund_bound CHECK (gift_card_refunded_minor <= gift_card_minor);

-- What of a refund goes to the card (the rest went to gift cards); null for the whole amount.
ALTER TABLE refunds ADD COLUMN card_minor bigint;
