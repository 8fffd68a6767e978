-- Partner keys name the client whose published documents they run, whether they are held to them, and the
-- rate their cost bucket refills at. Each client's trusted documents (its published manifest) live beside them.
ALTER TABLE api_keys ADD COLUMN client_name text CHECK (client_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');
ALTER TABLE api_keys ADD COLUMN safelist_only boolean NOT NULL DEFAULT true;
ALTER TABLE api_keys ADD COLUMN cost_per_second integer CHECK (cost_per_second > 0);

CREATE TABLE persisted_documents (
  client_name text NOT NULL,
  id text NOT NULL CHECK (id ~ '^[0-9a-f]{64}$'),
  name text,
  type text NOT NULL CHECK (type IN ('query', 'mutation')),
  body text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_name, id)
);
