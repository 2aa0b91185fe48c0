-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- The twin of v011.sql on a server: row versions and who changed a row last for the seasons
-- (their name, notes and money rules), harvests, actual costs and plans. Who changed a row is
-- the database user, whatever a client sends (step 9's furrow.row_changed_by ()); a season's
-- changed_by follows its row_version only, so that a clerk's harvest entry, which moves the
-- season's state and nothing else (furrow.grant_cooperative ()), does not name the clerk as the
-- author of the rules. Safe to run again (a cooperative whose version was set back).

ALTER TABLE seasons ADD COLUMN IF NOT EXISTS row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE seasons ADD COLUMN IF NOT EXISTS changed_by text;
ALTER TABLE harvests ADD COLUMN IF NOT EXISTS row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE harvests ADD COLUMN IF NOT EXISTS changed_by text;
ALTER TABLE season_actual_costs ADD COLUMN IF NOT EXISTS row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE season_actual_costs ADD COLUMN IF NOT EXISTS changed_by text;
ALTER TABLE plans ADD COLUMN IF NOT EXISTS row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE plans ADD COLUMN IF NOT EXISTS changed_by text;

CREATE OR REPLACE FUNCTION furrow.season_changed_by ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.row_version IS DISTINCT FROM OLD.row_version THEN
    NEW.changed_by := current_user;
  ELSE
    NEW.changed_by := OLD.changed_by;
  END IF;
  RETURN NEW;
END$$;

CREATE OR REPLACE TRIGGER seasons_changed_by BEFORE INSERT OR UPDATE ON seasons
  FOR EACH ROW EXECUTE FUNCTION furrow.season_changed_by ();
CREATE OR REPLACE TRIGGER harvests_changed_by BEFORE INSERT OR UPDATE ON harvests
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by ();
CREATE OR REPLACE TRIGGER season_actual_costs_changed_by BEFORE INSERT OR UPDATE ON season_actual_costs
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by ();
CREATE OR REPLACE TRIGGER plans_changed_by BEFORE INSERT OR UPDATE ON plans
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by ();
