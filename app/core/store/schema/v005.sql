-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 5: which of a season's half-custody services each household takes (no rows: all of
-- them; one row with operation '': none), and the area a settled household was billed fees on
-- (a full-custody household's half-custody land; 0: its area).

CREATE TABLE season_household_operations (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  operation TEXT NOT NULL,
  UNIQUE (season_id, household_id, operation)
);
CREATE INDEX season_household_operations_season_id
  ON season_household_operations (season_id);
ALTER TABLE settlements ADD COLUMN fee_area_m2 REAL NOT NULL DEFAULT 0;
