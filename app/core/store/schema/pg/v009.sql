-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- The twin of v009.sql on a server (docs/architecture.md, Several users at once): row versions
-- and who changed a row last, as in a file; and the notifications that keep every open window
-- of the cooperative up to date.

ALTER TABLE fields ADD COLUMN row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE fields ADD COLUMN changed_by text;
ALTER TABLE households ADD COLUMN row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE households ADD COLUMN changed_by text;
ALTER TABLE parcels ADD COLUMN row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE parcels ADD COLUMN changed_by text;

-- Who changed a row is the database user, whatever a client sends (as the audit log's actor).
CREATE OR REPLACE FUNCTION furrow.row_changed_by ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$BEGIN NEW.changed_by := current_user; RETURN NEW; END$$;
CREATE TRIGGER fields_changed_by BEFORE INSERT OR UPDATE ON fields
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by ();
CREATE TRIGGER households_changed_by BEFORE INSERT OR UPDATE ON households
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by ();
CREATE TRIGGER parcels_changed_by BEFORE INSERT OR UPDATE ON parcels
  FOR EACH ROW EXECUTE FUNCTION furrow.row_changed_by ();

-- Each committed change of a row sends "KIND ID" on the channel furrow_<schema> of its
-- cooperative: TG_ARGV[0] is the kind (field, household, parcel, season, yield-preset),
-- TG_ARGV[1] the column holding the id (a season's rows name their season). PostgreSQL delivers
-- a transaction's notifications when it commits, none when it rolls back, and sends each
-- distinct one once; every open store LISTENs (furrow_store_listen ()).
CREATE OR REPLACE FUNCTION furrow.notify_change ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  id text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    id := to_jsonb (OLD) ->> TG_ARGV[1];
  ELSE
    id := to_jsonb (NEW) ->> TG_ARGV[1];
  END IF;
  PERFORM pg_notify ('furrow_' || TG_TABLE_SCHEMA, TG_ARGV[0] || ' ' || coalesce (id, '0'));
  RETURN NULL;
END$$;

CREATE TRIGGER fields_notify AFTER INSERT OR UPDATE OR DELETE ON fields
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('field', 'id');
CREATE TRIGGER households_notify AFTER INSERT OR UPDATE OR DELETE ON households
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('household', 'id');
CREATE TRIGGER parcels_notify AFTER INSERT OR UPDATE OR DELETE ON parcels
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('parcel', 'id');
CREATE TRIGGER seasons_notify AFTER INSERT OR UPDATE OR DELETE ON seasons
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'id');
CREATE TRIGGER yield_presets_notify AFTER INSERT OR UPDATE OR DELETE ON yield_presets
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('yield-preset', 'id');
CREATE TRIGGER plans_notify AFTER INSERT OR UPDATE OR DELETE ON plans
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER harvests_notify AFTER INSERT OR UPDATE OR DELETE ON harvests
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER settlements_notify AFTER INSERT OR UPDATE OR DELETE ON settlements
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_prices_notify AFTER INSERT OR UPDATE OR DELETE ON season_prices
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_costs_notify AFTER INSERT OR UPDATE OR DELETE ON season_costs
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_subsidies_notify AFTER INSERT OR UPDATE OR DELETE ON season_subsidies
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_other_income_notify AFTER INSERT OR UPDATE OR DELETE ON season_other_income
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_fees_notify AFTER INSERT OR UPDATE OR DELETE ON season_fees
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_rules_notify AFTER INSERT OR UPDATE OR DELETE ON season_rules
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_actual_costs_notify AFTER INSERT OR UPDATE OR DELETE ON season_actual_costs
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_settlements_notify AFTER INSERT OR UPDATE OR DELETE ON season_settlements
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_household_operations_notify AFTER INSERT OR UPDATE OR DELETE ON season_household_operations
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER season_objections_notify AFTER INSERT OR UPDATE OR DELETE ON season_objections
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
CREATE TRIGGER payments_notify AFTER INSERT OR UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION furrow.notify_change ('season', 'season_id');
