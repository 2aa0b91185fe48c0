-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 8: the public notice period and its objections (公示期与异议, docs/domain.md §15), and
-- the Cooperatives Law's 60 % check recorded with each settlement (docs/domain.md §16).

-- The notice lasts notice_days days from notice_date (the start, version 6).
ALTER TABLE seasons ADD COLUMN notice_days INTEGER NOT NULL DEFAULT 7
  CHECK (notice_days BETWEEN 1 AND 365);

-- An objection a household raised during a season's notice, and how it was resolved ('' while
-- open). Dates are ISO 8601 days.
CREATE TABLE season_objections (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
  text TEXT NOT NULL CHECK (text <> ''),
  received TEXT NOT NULL CHECK (length (received) = 10),
  resolution TEXT NOT NULL DEFAULT '',
  resolved TEXT NOT NULL DEFAULT '',
  CHECK ((resolution = '') = (resolved = ''))
);
CREATE INDEX season_objections_season_id ON season_objections (season_id);
CREATE INDEX season_objections_household_id ON season_objections (household_id);

-- Art. 44: the distributable surplus (surplus less the reserve fund) and what was returned by
-- transaction volume (the households' dividend), frozen with the settlement.
ALTER TABLE season_settlements ADD COLUMN distributable_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE season_settlements ADD COLUMN returned_fen INTEGER NOT NULL DEFAULT 0;
UPDATE season_settlements
  SET distributable_fen = max (surplus_fen - reserve_fen, 0),
      returned_fen = households_dividend_fen;
