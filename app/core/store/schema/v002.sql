-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 2: indexes for the foreign keys parcels → households / fields (deleting a household or
-- field no longer scans every parcel) and for an object's audit history.

CREATE INDEX parcels_household_id ON parcels (household_id);
CREATE INDEX parcels_field_id ON parcels (field_id);
CREATE INDEX audit_log_object ON audit_log (object);
