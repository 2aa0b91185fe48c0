-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 3: season economics as real columns and tables (core reads and writes them without
-- JSON): prices per crop, cost items per mu by crop with per-field overrides (field_id NULL is
-- the default), subsidies, other income, half-custody service fees, the base rule and the
-- surplus split, actual costs, and the frozen totals of a settled season next to its
-- per-household settlement rows (which gain the custody and fee rate they were settled with).
-- plans.parameters_json holds the strip pattern in GVariant text format (furrow-store-season.c).

CREATE TABLE season_prices (
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  crop TEXT NOT NULL CHECK (crop IN ('maize', 'soybean')),
  price_fen_per_kg DOUBLE NOT NULL CHECK (price_fen_per_kg >= 0),
  moisture_pct DOUBLE NOT NULL DEFAULT 0,
  PRIMARY KEY (season_id, crop)
);
CREATE TABLE season_costs (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  crop TEXT NOT NULL CHECK (crop IN ('maize', 'soybean')),
  item TEXT NOT NULL CHECK (item <> ''),
  fen_per_mu INTEGER NOT NULL CHECK (fen_per_mu >= 0),
  field_id INTEGER REFERENCES fields (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX season_costs_item ON season_costs
  (season_id, crop, item, ifnull (field_id, 0));
CREATE TABLE season_subsidies (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> ''),
  fen_per_mu INTEGER NOT NULL CHECK (fen_per_mu >= 0),
  strip_only INTEGER NOT NULL DEFAULT 0,
  UNIQUE (season_id, name)
);
CREATE TABLE season_other_income (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (name <> ''),
  fen INTEGER NOT NULL CHECK (fen >= 0),
  UNIQUE (season_id, name)
);
CREATE TABLE season_fees (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  operation TEXT NOT NULL CHECK (operation <> ''),
  fen_per_mu INTEGER NOT NULL CHECK (fen_per_mu >= 0),
  UNIQUE (season_id, operation)
);
CREATE TABLE season_rules (
  season_id INTEGER PRIMARY KEY REFERENCES seasons (id) ON DELETE CASCADE,
  base_kind TEXT NOT NULL CHECK (base_kind IN ('fixed', 'in_kind', 'annual_share')),
  base_fen_per_mu INTEGER NOT NULL DEFAULT 0,
  base_kg_per_mu DOUBLE NOT NULL DEFAULT 0,
  base_price_fen_per_kg DOUBLE NOT NULL DEFAULT 0,
  base_less_cost INTEGER NOT NULL DEFAULT 0,
  base_annual_fen_per_mu INTEGER NOT NULL DEFAULT 0,
  base_season_pct DOUBLE NOT NULL DEFAULT 0,
  reserve_pct DOUBLE NOT NULL DEFAULT 0,
  collective_pct DOUBLE NOT NULL DEFAULT 0,
  cooperative_pct DOUBLE NOT NULL DEFAULT 0,
  households_pct DOUBLE NOT NULL DEFAULT 100,
  split_reason TEXT
);
CREATE TABLE season_actual_costs (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  field_id INTEGER REFERENCES fields (id) ON DELETE CASCADE,
  item TEXT NOT NULL CHECK (item <> ''),
  fen INTEGER NOT NULL CHECK (fen >= 0)
);
CREATE UNIQUE INDEX season_actual_costs_item ON season_actual_costs
  (season_id, item, ifnull (field_id, 0));
CREATE TABLE season_settlements (
  season_id INTEGER PRIMARY KEY REFERENCES seasons (id) ON DELETE RESTRICT,
  total_area_mu DOUBLE NOT NULL,
  weighted_area_mu DOUBLE NOT NULL,
  half_custody_area_mu DOUBLE NOT NULL,
  revenue_fen INTEGER NOT NULL,
  other_income_fen INTEGER NOT NULL,
  subsidy_fen INTEGER NOT NULL,
  income_fen INTEGER NOT NULL,
  cost_fen INTEGER NOT NULL,
  base_fen_per_mu INTEGER NOT NULL,
  base_total_fen INTEGER NOT NULL,
  surplus_fen INTEGER NOT NULL,
  reserve_fen INTEGER NOT NULL,
  collective_fen INTEGER NOT NULL,
  cooperative_fen INTEGER NOT NULL,
  households_dividend_fen INTEGER NOT NULL,
  deficit_fen INTEGER NOT NULL,
  fees_fen INTEGER NOT NULL,
  reserve_pct DOUBLE NOT NULL,
  collective_pct DOUBLE NOT NULL,
  cooperative_pct DOUBLE NOT NULL,
  households_pct DOUBLE NOT NULL,
  summary TEXT NOT NULL,
  reason TEXT,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
ALTER TABLE settlements ADD COLUMN custody TEXT NOT NULL DEFAULT 'full'
  CHECK (custody IN ('full', 'half'));
ALTER TABLE settlements ADD COLUMN fee_fen_per_mu INTEGER NOT NULL DEFAULT 0;
CREATE INDEX plans_season_id ON plans (season_id);
CREATE INDEX harvests_season_id ON harvests (season_id);
CREATE INDEX settlements_season_id ON settlements (season_id);
