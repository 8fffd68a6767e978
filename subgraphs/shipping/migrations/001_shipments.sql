-- Shipments of orders (the orders subgraph owns orders; here they are only keys) and their carrier tracking events.
CREATE TABLE shipments (
  id uuid PRIMARY KEY,
  order_id text NOT NULL,
  customer_id text,
  carrier text NOT NULL CHECK (carrier IN ('DHL', 'FEDEX', 'UPS')),
  service text NOT NULL,
  tracking_number text NOT NULL UNIQUE,
  status text NOT NULL,
  -- The furthest point of the journey reached, so a status can leave EXCEPTION but never go back.
  progress int NOT NULL DEFAULT 0,
  label_format text NOT NULL,
  label_data text NOT NULL,
  estimated_delivery timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipments_order ON shipments (order_id, created_at);
CREATE INDEX shipments_customer ON shipments (customer_id, created_at) WHERE customer_id IS NOT NULL;

CREATE TABLE shipment_lines (
  shipment_id uuid NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
  order_line_id text NOT NULL,
  quantity int NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shipment_id, order_line_id)
);

CREATE TABLE tracking_events (
  id uuid PRIMARY KEY,
  shipment_id uuid NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
  carrier text NOT NULL,
  -- The carrier's own event id: a redelivered webhook finds it and changes nothing.
  external_id text NOT NULL,
  status text NOT NULL,
  description text NOT NULL,
  location text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (carrier, external_id)
);
CREATE INDEX tracking_events_shipment ON tracking_events (shipment_id, occurred_at);
