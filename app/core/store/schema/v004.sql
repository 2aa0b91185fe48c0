-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 4: yield-model presets fitted to the cooperative's own yields (furrow-store-yield.c).
-- Every parameter of a FurrowYieldModel, per crop; REAL keeps each double exactly.

CREATE TABLE yield_presets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  maize_sole_yield_kg_per_mu REAL NOT NULL,
  soy_sole_yield_kg_per_mu REAL NOT NULL,
  maize_sole_seeds_per_mu REAL NOT NULL,
  soy_sole_seeds_per_mu REAL NOT NULL,
  maize_density_exponent REAL NOT NULL,
  soy_density_exponent REAL NOT NULL,
  maize_border_factor REAL NOT NULL,
  soy_border_factor REAL NOT NULL,
  maize_inner_factor REAL NOT NULL,
  soy_inner_factor REAL NOT NULL,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
