-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- The twin of v012.sql on a server: one change notification per statement instead of one per
-- row (docs/architecture.md, Several users at once). An import writes a thousand rows with one
-- INSERT (docs/benchmarks.md); step 10's row triggers called PL/pgSQL and pg_notify () for
-- each of them. Each table now has three statement triggers, one for each of INSERT, UPDATE and
-- DELETE (a trigger with a transition table fires on one event only), whose transition table
-- changed_rows holds the rows written. The payload on furrow_<schema> is "KIND ID ID …", the
-- distinct ids of the rows in order (a record's own id, a season's row's season_id), or
-- "KIND *" when there are more than 64 of them: a reader then reads everything again, as it
-- does for more than 64 records at once (MAX_FOLLOWED_RECORDS, furrow-store-live.c). A
-- statement that changed no row sends nothing. Its moment (the commit) is step 9's. Safe to
-- run again.

CREATE OR REPLACE FUNCTION furrow.notify_records ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  ids bigint[];
BEGIN
  SELECT array_agg (id ORDER BY id) INTO ids
    FROM (SELECT DISTINCT id FROM changed_rows WHERE id IS NOT NULL ORDER BY id LIMIT 65) AS r;
  IF ids IS NOT NULL THEN
    PERFORM pg_notify ('furrow_' || TG_TABLE_SCHEMA,
                       TG_ARGV[0] || ' ' || CASE WHEN cardinality (ids) > 64 THEN '*'
                                                 ELSE array_to_string (ids, ' ') END);
  END IF;
  RETURN NULL;
END$$;

CREATE OR REPLACE FUNCTION furrow.notify_season_rows ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  ids bigint[];
BEGIN
  SELECT array_agg (season_id ORDER BY season_id) INTO ids
    FROM (SELECT DISTINCT season_id FROM changed_rows WHERE season_id IS NOT NULL
          ORDER BY season_id LIMIT 65) AS r;
  IF ids IS NOT NULL THEN
    PERFORM pg_notify ('furrow_' || TG_TABLE_SCHEMA,
                       'season ' || CASE WHEN cardinality (ids) > 64 THEN '*'
                                         ELSE array_to_string (ids, ' ') END);
  END IF;
  RETURN NULL;
END$$;

-- The tables of step 9, their kind ('' for a season's rows) and their row triggers replaced.
DO $$
DECLARE
  t record;
  call text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('fields', 'field'), ('households', 'household'), ('parcels', 'parcel'),
      ('seasons', 'season'), ('yield_presets', 'yield-preset'), ('plans', ''),
      ('harvests', ''), ('settlements', ''), ('season_prices', ''), ('season_costs', ''),
      ('season_subsidies', ''), ('season_other_income', ''), ('season_fees', ''),
      ('season_rules', ''), ('season_actual_costs', ''), ('season_settlements', ''),
      ('season_household_operations', ''), ('season_objections', ''), ('payments', ''))
    AS v (name, kind)
  LOOP
    call := CASE WHEN t.kind = '' THEN 'furrow.notify_season_rows ()'
                 ELSE format ('furrow.notify_records (%L)', t.kind) END;
    EXECUTE format ('DROP TRIGGER IF EXISTS %I ON %I', t.name || '_notify', t.name);
    EXECUTE format ('CREATE OR REPLACE TRIGGER %I AFTER INSERT ON %I'
                    ' REFERENCING NEW TABLE AS changed_rows'
                    ' FOR EACH STATEMENT EXECUTE FUNCTION %s',
                    t.name || '_notify_insert', t.name, call);
    EXECUTE format ('CREATE OR REPLACE TRIGGER %I AFTER UPDATE ON %I'
                    ' REFERENCING NEW TABLE AS changed_rows'
                    ' FOR EACH STATEMENT EXECUTE FUNCTION %s',
                    t.name || '_notify_update', t.name, call);
    EXECUTE format ('CREATE OR REPLACE TRIGGER %I AFTER DELETE ON %I'
                    ' REFERENCING OLD TABLE AS changed_rows'
                    ' FOR EACH STATEMENT EXECUTE FUNCTION %s',
                    t.name || '_notify_delete', t.name, call);
  END LOOP;
END$$;
