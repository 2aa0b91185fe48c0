-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 11: row versions for a season's own rows (docs/architecture.md, Several users at
-- once), as step 9 gave them to fields, households and parcels. A harvest, an actual cost and a
-- plan carry the version of their row; a season's row_version is that of its name, notes and
-- money rules (the rule tables are written whole with it), raised by each change of them and not
-- by a change of its state. A write names the version it read and changes nothing when another
-- writer got there first; changed_by is who wrote the row last, named in the conflict's message.

ALTER TABLE seasons ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE seasons ADD COLUMN changed_by TEXT;
ALTER TABLE harvests ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE harvests ADD COLUMN changed_by TEXT;
ALTER TABLE season_actual_costs ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE season_actual_costs ADD COLUMN changed_by TEXT;
ALTER TABLE plans ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plans ADD COLUMN changed_by TEXT;
