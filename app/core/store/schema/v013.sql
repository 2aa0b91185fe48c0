-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 13: when a row was changed last, beside who (changed_by, steps 9 and 11), so that a
-- conflict's message says when the other user changed it (docs/architecture.md, Several users
-- at once). changed_at is Unix seconds (UTC), written by the same statements that write
-- changed_by, by the clock of the machine that writes the file; NULL for a row written before
-- this step. It is a column like any other for publish and checkout, which copy it as it is.

ALTER TABLE fields ADD COLUMN changed_at INTEGER;
ALTER TABLE households ADD COLUMN changed_at INTEGER;
ALTER TABLE parcels ADD COLUMN changed_at INTEGER;
ALTER TABLE seasons ADD COLUMN changed_at INTEGER;
ALTER TABLE harvests ADD COLUMN changed_at INTEGER;
ALTER TABLE season_actual_costs ADD COLUMN changed_at INTEGER;
ALTER TABLE plans ADD COLUMN changed_at INTEGER;
