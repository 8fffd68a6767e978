-- The shop's own clients (its storefront): published by an admin with no API key, mutations included; any
-- caller runs their documents by hash.
CREATE TABLE first_party_clients (
  client_name text PRIMARY KEY CHECK (client_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  registered_at timestamptz NOT NULL DEFAULT now()
);
