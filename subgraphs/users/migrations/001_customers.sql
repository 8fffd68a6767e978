-- Customers and their addresses. Emails are stored normalised (trimmed, lower-cased); the unique index
-- is on the normalised expression as well, so even a row written around the application stays unique.
CREATE TABLE customers (
  id uuid PRIMARY KEY,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  password_hash text NOT NULL,
  first_name text CHECK (length(first_name) <= 100),
  last_name text CHECK (length(last_name) <= 100),
  role text NOT NULL DEFAULT 'CUSTOMER' CHECK (role IN ('CUSTOMER', 'ADMIN')),
  email_verified_at timestamptz,
  mfa_secret_enc text,
  mfa_pending_secret_enc text,
  mfa_enabled_at timestamptz,
  mfa_last_used_step bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_email_normalised ON customers (lower(btrim(email)));

CREATE TABLE customer_addresses (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  first_name text CHECK (length(first_name) <= 100),
  last_name text CHECK (length(last_name) <= 100),
  address1 text NOT NULL CHECK (length(address1) BETWEEN 1 AND 200),
  address2 text CHECK (length(address2) <= 200),
  city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  province text CHECK (length(province) <= 100),
  zip text NOT NULL CHECK (length(zip) BETWEEN 1 AND 20),
  country_code text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  phone text CHECK (length(phone) <= 32),
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id, created_at, id);
-- At most one default address per customer.
CREATE UNIQUE INDEX customer_addresses_one_default ON customer_addresses (customer_id) WHERE is_default;
