-- Tax as data: one rate per country (province '') and per subdivision (an ISO 3166-2 code within the
-- country), which overrides its country's. Rates are parts per million (7.25 % is 72500); prices are
-- tax-exclusive and tax is added on top. Seeded with the table the service shipped with.
CREATE TABLE tax_rates (
  country_code text NOT NULL,
  province text NOT NULL DEFAULT '',
  rate_ppm integer NOT NULL CHECK (rate_ppm >= 0 AND rate_ppm <= 1000000),
  shipping_taxable boolean NOT NULL,
  name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (country_code, province)
);

INSERT INTO tax_rates (country_code, province, rate_ppm, shipping_taxable, name) VALUES
  ('AT', '', 200000, true, 'VAT'), ('BE', '', 210000, true, 'VAT'), ('DE', '', 190000, true, 'VAT'),
  ('DK', '', 250000, true, 'VAT'), ('ES', '', 210000, true, 'VAT'), ('FI', '', 255000, true, 'VAT'),
  ('FR', '', 200000, true, 'VAT'), ('IE', '', 230000, true, 'VAT'), ('IT', '', 220000, true, 'VAT'),
  ('NL', '', 210000, true, 'VAT'), ('PL', '', 230000, true, 'VAT'), ('PT', '', 230000, true, 'VAT'),
  ('SE', '', 250000, true, 'VAT'), ('GB', '', 200000, true, 'VAT'), ('NO', '', 250000, true, 'VAT'),
  ('CH', '', 81000, true, 'VAT'), ('AU', '', 100000, true, 'GST'), ('JP', '', 100000, true, 'Consumption tax'),
  ('CA', '', 50000, true, 'GST'),
  ('US', 'CA', 72500, false, 'Sales tax'), ('US', 'NY', 40000, false, 'Sales tax'), ('US', 'TX', 62500, false, 'Sales tax'),
  ('US', 'WA', 65000, false, 'Sales tax'), ('US', 'FL', 60000, false, 'Sales tax'), ('US', 'IL', 62500, false, 'Sales tax'),
  ('US', 'MA', 62500, false, 'Sales tax'), ('US', 'NJ', 66250, false, 'Sales tax'), ('US', 'PA', 60000, false, 'Sales tax'),
  ('US', 'OR', 0, false, 'Sales tax'),
  ('CA', 'ON', 130000, true, 'HST'), ('CA', 'QC', 149750, true, 'GST + QST'), ('CA', 'BC', 120000, true, 'GST + PST'),
  ('CA', 'NS', 140000, true, 'HST'), ('CA', 'AB', 50000, true, 'GST');

-- A checkout keeps the rule it was priced with, so its total never moves under it when a rate changes.
ALTER TABLE checkouts ADD COLUMN tax_rule jsonb;
UPDATE checkouts c SET tax_rule = jsonb_build_object(
  'ratePpm', coalesce(
    (SELECT r.rate_ppm FROM tax_rates r WHERE r.country_code = c.shipping_address->>'countryCode' AND r.province <> '' AND r.province = c.shipping_address->>'province'),
    (SELECT r.rate_ppm FROM tax_rates r WHERE r.country_code = c.shipping_address->>'countryCode' AND r.province = ''), 0),
  'shippingTaxable', coalesce(
    (SELECT r.shipping_taxable FROM tax_rates r WHERE r.country_code = c.shipping_address->>'countryCode' AND r.province <> '' AND r.province = c.shipping_address->>'province'),
    (SELECT r.shipping_taxable FROM tax_rates r WHERE r.country_code = c.shipping_address->>'countryCode' AND r.province = ''), false));
