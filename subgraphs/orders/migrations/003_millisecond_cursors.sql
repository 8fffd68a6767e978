-- Keyset cursors carry a creation time as JavaScript reads it (milliseconds). A column holding
-- microseconds would make the row a cursor names sort after its own cursor, so a page could skip
-- or repeat rows: creation times that page are stored at millisecond precision.
ALTER TABLE orders ALTER COLUMN created_at TYPE timestamptz(3);
ALTER TABLE product_subscriptions ALTER COLUMN created_at TYPE timestamptz(3);
