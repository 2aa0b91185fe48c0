-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- The twin of v010.sql on a server: the change notifications of step 9 read the one column they
-- name instead of turning the whole row, geometry included, into JSON (to_jsonb (NEW)) for each
-- row written. The payload ("KIND ID" on furrow_<schema>), its moment (the commit) and the
-- tables it follows are step 9's; only the function behind each trigger changes. A record's own
-- id and a season's row's season_id are two functions, so that neither names a column its
-- table lacks; step 9's furrow.notify_change () stays for a cooperative not yet at this step.

CREATE OR REPLACE FUNCTION furrow.notify_record ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify ('furrow_' || TG_TABLE_SCHEMA,
                       TG_ARGV[0] || ' ' || coalesce (OLD.id::text, '0'));
  ELSE
    PERFORM pg_notify ('furrow_' || TG_TABLE_SCHEMA,
                       TG_ARGV[0] || ' ' || coalesce (NEW.id::text, '0'));
  END IF;
  RETURN NULL;
END$$;

CREATE OR REPLACE FUNCTION furrow.notify_season_row ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify ('furrow_' || TG_TABLE_SCHEMA,
                       'season ' || coalesce (OLD.season_id::text, '0'));
  ELSE
    PERFORM pg_notify ('furrow_' || TG_TABLE_SCHEMA,
                       'season ' || coalesce (NEW.season_id::text, '0'));
  END IF;
  RETURN NULL;
END$$;

CREATE OR REPLACE TRIGGER fields_notify AFTER INSERT OR UPDATE OR DELETE ON fields
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_record ('field');
CREATE OR REPLACE TRIGGER households_notify AFTER INSERT OR UPDATE OR DELETE ON households
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_record ('household');
CREATE OR REPLACE TRIGGER parcels_notify AFTER INSERT OR UPDATE OR DELETE ON parcels
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_record ('parcel');
CREATE OR REPLACE TRIGGER seasons_notify AFTER INSERT OR UPDATE OR DELETE ON seasons
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_record ('season');
CREATE OR REPLACE TRIGGER yield_presets_notify AFTER INSERT OR UPDATE OR DELETE ON yield_presets
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_record ('yield-preset');
CREATE OR REPLACE TRIGGER plans_notify AFTER INSERT OR UPDATE OR DELETE ON plans
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER harvests_notify AFTER INSERT OR UPDATE OR DELETE ON harvests
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER settlements_notify AFTER INSERT OR UPDATE OR DELETE ON settlements
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_prices_notify AFTER INSERT OR UPDATE OR DELETE ON season_prices
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_costs_notify AFTER INSERT OR UPDATE OR DELETE ON season_costs
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_subsidies_notify AFTER INSERT OR UPDATE OR DELETE ON season_subsidies
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_other_income_notify AFTER INSERT OR UPDATE OR DELETE ON season_other_income
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_fees_notify AFTER INSERT OR UPDATE OR DELETE ON season_fees
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_rules_notify AFTER INSERT OR UPDATE OR DELETE ON season_rules
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_actual_costs_notify AFTER INSERT OR UPDATE OR DELETE ON season_actual_costs
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_settlements_notify AFTER INSERT OR UPDATE OR DELETE ON season_settlements
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_household_operations_notify AFTER INSERT OR UPDATE OR DELETE ON season_household_operations
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER season_objections_notify AFTER INSERT OR UPDATE OR DELETE ON season_objections
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
CREATE OR REPLACE TRIGGER payments_notify AFTER INSERT OR UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_season_row ();
