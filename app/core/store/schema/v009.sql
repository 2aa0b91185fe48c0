-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 9: row versions (docs/architecture.md, Several users at once). Every field, household
-- and parcel carries the version of its row, raised by each update; an update or deletion names
-- the version it read and changes nothing when another writer got there first. changed_by is
-- who wrote the row last (the audit log's actor), named in the conflict's message.

ALTER TABLE fields ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE fields ADD COLUMN changed_by TEXT;
ALTER TABLE households ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE households ADD COLUMN changed_by TEXT;
ALTER TABLE parcels ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE parcels ADD COLUMN changed_by TEXT;
