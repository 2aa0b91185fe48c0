-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- The twin of v013.sql on a server: when a row was changed last, in Unix seconds (bigint, as a
-- file's INTEGER, so that publish and checkout copy it as it is). As who changed it, it is the
-- server's, whatever a client sends: the transaction's time (now ()), set by the triggers that
-- set changed_by. Steps 9 and 11's functions stay as they are, for a cooperative not yet at
-- this step (their tables have no changed_at); the triggers of this cooperative call the new
-- ones. A season's changed_at follows its row_version, as its changed_by does. Safe to run
-- again (a cooperative whose version was set back).

ALTER TABLE fields ADD COLUMN IF NOT EXISTS changed_at bigint;
ALTER TABLE households ADD COLUMN IF NOT EXISTS changed_at bigint;
ALTER TABLE parcels ADD COLUMN IF NOT EXISTS changed_at bigint;
ALTER TABLE seasons ADD COLUMN IF NOT EXISTS changed_at bigint;
ALTER TABLE harvests ADD COLUMN IF NOT EXISTS changed_at bigint;
ALTER TABLE season_actual_costs ADD COLUMN IF NOT EXISTS changed_at bigint;
ALTER TABLE plans ADD COLUMN IF NOT EXISTS changed_at bigint;

CREATE OR REPLACE FUNCTION furrow.row_changed_by_at ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.changed_by := current_user;
  NEW.changed_at := floor (extract (epoch FROM now ()))::bigint;
  RETURN NEW;
END$$;

CREATE OR REPLACE FUNCTION furrow.season_changed_by_at ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.row_version IS DISTINCT FROM OLD.row_version THEN
    NEW.changed_by := current_user;
    NEW.changed_at := floor (extract (epoch FROM now ()))::bigint;
  ELSE
    NEW.changed_by := OLD.changed_by;
    NEW.changed_at := OLD.changed_at;
  END IF;
  RETURN NEW;
END$$;

CREATE OR REPLACE TRIGGER fields_changed_by BEFORE INSERT OR UPDATE ON fields
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by_at ();
CREATE OR REPLACE TRIGGER households_changed_by BEFORE INSERT OR UPDATE ON households
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by_at ();
CREATE OR REPLACE TRIGGER parcels_changed_by BEFORE INSERT OR UPDATE ON parcels
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by_at ();
CREATE OR REPLACE TRIGGER seasons_changed_by BEFORE INSERT OR UPDATE ON seasons
  FOR EACH ROW EXECUTE FUNCTION furrow.season_changed_by_at ();
CREATE OR REPLACE TRIGGER harvests_changed_by BEFORE INSERT OR UPDATE ON harvests
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by_at ();
CREATE OR REPLACE TRIGGER season_actual_costs_changed_by BEFORE INSERT OR UPDATE ON season_actual_costs
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by_at ();
CREATE OR REPLACE TRIGGER plans_changed_by BEFORE INSERT OR UPDATE ON plans
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by_at ();
