-- Payments are authorised, then captured once the stock is committed.
-- An order a person should look at (paid after its stock was gone), and whether it was kept as a backorder.
ALTER TABLE orders ADD COLUMN attention_reason text
  CHECK (attention_reason IN ('STOCK_GONE_PAYMENT_VOIDED', 'STOCK_GONE_PAYMENT_REFUNDED', 'BACKORDERED'));
ALTER TABLE orders ADD COLUMN backordered boolean NOT NULL DEFAULT false;
CREATE INDEX orders_attention ON orders (created_at DESC, id DESC) WHERE attention_reason IS NOT NULL;
-- Who an unpaid order's stock hold counts against, besides its customer and its cart.
ALTER TABLE orders ADD COLUMN client_ip text;
CREATE INDEX orders_pending_customer ON orders (customer_id, created_at) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_pending_cart ON orders (cart_id, created_at) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_pending_client ON orders (client_ip, created_at) WHERE status = 'PENDING_PAYMENT';
-- When a checkout's lines were last priced (re-priced at completion once older than the price window).
ALTER TABLE checkouts ADD COLUMN priced_at timestamptz;
UPDATE checkouts SET priced_at = created_at;
ALTER TABLE checkouts ALTER COLUMN priced_at SET NOT NULL;
ALTER TABLE checkouts ALTER COLUMN priced_at SET DEFAULT now();
-- The sandbox's 3-D Secure step: the one-time secret its completion link carries.
ALTER TABLE sandbox_charges ADD COLUMN auth_nonce text;
