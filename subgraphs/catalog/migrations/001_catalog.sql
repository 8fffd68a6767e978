-- The catalog of record. Ids are text so an id a client made up is simply not found, never a cast error.
CREATE TABLE categories (
  id text PRIMARY KEY,
  handle text NOT NULL UNIQUE,
  name text NOT NULL,
  parent_id text REFERENCES categories (id) ON DELETE RESTRICT,
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX categories_parent ON categories (parent_id);

-- Specs, options and images are read with their product and never queried apart, so they live in jsonb.
CREATE TABLE products (
  id text PRIMARY KEY,
  handle text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  brand text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  category_id text REFERENCES categories (id) ON DELETE SET NULL,
  specs jsonb NOT NULL DEFAULT '[]',
  options jsonb NOT NULL DEFAULT '[]',
  images jsonb NOT NULL DEFAULT '[]',
  currency_code text NOT NULL DEFAULT 'USD',
  -- Denormalised from the variants so price sorting and priceRange need no join.
  min_price_minor integer NOT NULL CHECK (min_price_minor >= 0),
  max_price_minor integer NOT NULL CHECK (max_price_minor >= min_price_minor),
  popularity integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT products_handle_key UNIQUE (handle)
);
CREATE INDEX products_category ON products (category_id, id);
CREATE INDEX products_title ON products (title, id);
CREATE INDEX products_price ON products (min_price_minor, id);
CREATE INDEX products_created ON products (created_at, id);
CREATE INDEX products_popularity ON products (popularity, id);

CREATE TABLE product_variants (
  id text PRIMARY KEY,
  product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position integer NOT NULL,
  sku text NOT NULL,
  title text NOT NULL,
  selected_options jsonb NOT NULL DEFAULT '[]',
  price_minor integer NOT NULL CHECK (price_minor >= 0),
  compare_at_price_minor integer CHECK (compare_at_price_minor >= 0),
  weight_grams integer NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
  CONSTRAINT product_variants_sku_key UNIQUE (sku)
);
CREATE INDEX product_variants_product ON product_variants (product_id, position);

-- Stock is owned by the cart subgraph; this is the catalog's copy, kept from inventory.changed events.
CREATE TABLE variant_availability (
  variant_id text PRIMARY KEY,
  quantity_available integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- "Bought together": how many paid orders held both products (both directions stored).
CREATE TABLE product_copurchases (
  product_id text NOT NULL,
  other_product_id text NOT NULL,
  orders integer NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, other_product_id)
);
CREATE INDEX product_copurchases_rank ON product_copurchases (product_id, orders DESC);
