-- SPDX-License-Identifier: GPL-3.0-or-later
-- A custody centre's server, once per database (`furrow-cli server init URI`,
-- furrow_store_server_init()): PostGIS, the schema `furrow` with the register of the
-- cooperatives this database holds, and the few SQLite functions the store's SQL uses
-- (docs/architecture.md, The backend seam). Each cooperative is a schema of its own,
-- coop_<code>, made by furrow_store_create_server() from v006.sql and the steps after it.
-- Safe to run again: everything is IF NOT EXISTS or OR REPLACE.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS furrow;

CREATE TABLE IF NOT EXISTS furrow.cooperatives (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,40}$'),
  schema_name text NOT NULL UNIQUE,
  created text NOT NULL
    DEFAULT to_char (clock_timestamp () AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);

-- SQLite's ifnull () and total () (a sum that is 0.0 over no rows, never NULL), so the store's
-- statements read the same on both backends.
CREATE OR REPLACE FUNCTION furrow.ifnull (anycompatible, anycompatible)
  RETURNS anycompatible LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT coalesce ($1, $2)';
CREATE OR REPLACE AGGREGATE furrow.total (double precision) (
  sfunc = float8pl, stype = double precision, initcond = '0'
);

-- The time as SQLite's strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') writes it.
CREATE OR REPLACE FUNCTION furrow.now_text ()
  RETURNS text LANGUAGE sql VOLATILE
  AS $$SELECT to_char (clock_timestamp () AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')$$;

-- SQLite's strftime () for the one form the store's statements use, "now" as ISO 8601 UTC with
-- milliseconds; any other form is refused rather than answered wrongly.
CREATE OR REPLACE FUNCTION furrow.strftime (format text, modifier text)
  RETURNS text LANGUAGE plpgsql VOLATILE
  AS $$
BEGIN
  IF format <> '%Y-%m-%dT%H:%M:%fZ' OR modifier <> 'now' THEN
    RAISE EXCEPTION 'furrow.strftime (%, %): only (''%%Y-%%m-%%dT%%H:%%M:%%fZ'', ''now'')',
      format, modifier;
  END IF;
  RETURN furrow.now_text ();
END$$;

-- The audit log's actor is the database user who made the change (docs/architecture.md, Data
-- model): whatever a client sends, the server writes current_user.
CREATE OR REPLACE FUNCTION furrow.audit_actor ()
  RETURNS trigger LANGUAGE plpgsql
  AS $$BEGIN NEW.actor := current_user; RETURN NEW; END$$;

-- Roles (docs/architecture.md, The backend seam, Roles): four NOLOGIN group roles say what a
-- user of the centre may do; a user is a LOGIN role that is a member of one of them (centre-wide:
-- every cooperative) or of a cooperative's own group role coop_<code>_<role> (that cooperative
-- only; `furrow-cli server add-user|grant`). The grants live on the cooperatives' group roles,
-- made by furrow.grant_cooperative () below; the database enforces them whatever the client.
-- Making roles needs CREATEROLE: `server init` is the administrator's.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['furrow_manager', 'furrow_agronomist', 'furrow_clerk',
                           'furrow_viewer'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format ('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END$$;

-- The register of cooperatives and the SQLite functions are everybody's to read and call.
GRANT USAGE ON SCHEMA furrow TO PUBLIC;
GRANT SELECT ON furrow.cooperatives TO PUBLIC;

-- A clerk limited to villages: one row per user and village (the first 12 digits of the
-- households' codes, CBFBM, or the 14 of a village group; docs/domain.md §2). A user without a
-- row sees every village of the cooperatives granted; with rows, only those villages' households
-- and parcels (by the prefix of their codes), enforced by the row-level security policies of
-- furrow.grant_cooperative ().
CREATE TABLE IF NOT EXISTS furrow.user_villages (
  user_name text NOT NULL,
  village text NOT NULL CHECK (village ~ '^[0-9]{12}([0-9]{2})?$'),
  PRIMARY KEY (user_name, village)
);
GRANT SELECT ON furrow.user_villages TO PUBLIC;

CREATE OR REPLACE FUNCTION furrow.in_my_villages (code text)
  RETURNS boolean LANGUAGE sql STABLE
  AS $$
SELECT NOT EXISTS (SELECT 1 FROM furrow.user_villages WHERE user_name = current_user)
    OR EXISTS (SELECT 1 FROM furrow.user_villages
               WHERE user_name = current_user AND starts_with (code, village))
$$;

-- A cooperative's group roles and grants (safe to repeat; run again after a migration step adds
-- a table):
--   viewer     reads everything;
--   clerk      the register (households and parcels: add and change, never delete), harvest
--              entry (harvests, and the season's state to harvested, never settled), printing
--              (reading, and the audit rows printing writes);
--   agronomist plans, yield presets and fields (add and change);
--   manager    everything: settle, reopen, the money rules, seasons, payments, deleting.
-- Row-level security: households and parcels by the user's villages; a season's row is changed
-- by a manager, or by a clerk while it is not settled and stays so.
CREATE OR REPLACE FUNCTION furrow.grant_cooperative (coop text)
  RETURNS void LANGUAGE plpgsql
  AS $$
DECLARE
  s text := 'coop_' || coop;
  r text;
  t text;
BEGIN
  FOREACH r IN ARRAY ARRAY['manager', 'agronomist', 'clerk', 'viewer'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = s || '_' || r) THEN
      EXECUTE format ('CREATE ROLE %I NOLOGIN', s || '_' || r);
    END IF;
    EXECUTE format ('GRANT %I TO %I', s || '_' || r, 'furrow_' || r);
    EXECUTE format ('GRANT USAGE ON SCHEMA %I TO %I', s, s || '_' || r);
    EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s, s || '_' || r);
    IF r <> 'viewer' THEN
      EXECUTE format ('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', s,
                      s || '_' || r);
      EXECUTE format ('GRANT INSERT ON %I.audit_log TO %I', s, s || '_' || r);
    END IF;
  END LOOP;
  EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', s,
                  s || '_manager');
  FOREACH t IN ARRAY ARRAY['households', 'parcels'] LOOP
    EXECUTE format ('GRANT INSERT, UPDATE ON %I.%I TO %I', s, t, s || '_clerk');
  END LOOP;
  EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON %I.harvests TO %I', s, s || '_clerk');
  EXECUTE format ('GRANT UPDATE (state) ON %I.seasons TO %I', s, s || '_clerk');
  EXECUTE format ('GRANT INSERT, UPDATE ON %I.fields TO %I', s, s || '_agronomist');
  FOREACH t IN ARRAY ARRAY['plans', 'yield_presets'] LOOP
    EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON %I.%I TO %I', s, t, s || '_agronomist');
  END LOOP;

  FOREACH t IN ARRAY ARRAY['households', 'parcels'] LOOP
    EXECUTE format ('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', s, t);
    EXECUTE format ('DROP POLICY IF EXISTS villages ON %I.%I', s, t);
    EXECUTE format ('CREATE POLICY villages ON %I.%I USING (furrow.in_my_villages (code))'
                    ' WITH CHECK (furrow.in_my_villages (code))', s, t);
  END LOOP;
  EXECUTE format ('ALTER TABLE %I.seasons ENABLE ROW LEVEL SECURITY', s);
  EXECUTE format ('DROP POLICY IF EXISTS everyone_reads ON %I.seasons', s);
  EXECUTE format ('CREATE POLICY everyone_reads ON %I.seasons FOR SELECT USING (true)', s);
  EXECUTE format ('DROP POLICY IF EXISTS manager_writes ON %I.seasons', s);
  EXECUTE format ('CREATE POLICY manager_writes ON %I.seasons TO %I USING (true)'
                  ' WITH CHECK (true)', s, s || '_manager');
  EXECUTE format ('DROP POLICY IF EXISTS clerk_harvests ON %I.seasons', s);
  EXECUTE format ('CREATE POLICY clerk_harvests ON %I.seasons FOR UPDATE TO %I'
                  ' USING (state <> ''settled'') WITH CHECK (state <> ''settled'')', s,
                  s || '_clerk');
END$$;

-- A user of the centre: a LOGIN role with the password's SCRAM verifier (computed by the client,
-- so the password itself never reaches the server or its logs), a member of furrow_<role>
-- (centre-wide) or, given a cooperative, of that cooperative's group role only; villages limit a
-- clerk. Refused for a name that is taken.
CREATE OR REPLACE FUNCTION furrow.add_user (name text, verifier text, role text, coop text,
                                            villages text[])
  RETURNS void LANGUAGE plpgsql
  AS $$
BEGIN
  IF role NOT IN ('manager', 'agronomist', 'clerk', 'viewer') THEN
    RAISE EXCEPTION 'furrow.add_user: no role %', role;
  END IF;
  EXECUTE format ('CREATE ROLE %I LOGIN PASSWORD %L', name, verifier);
  IF coop IS NULL THEN
    EXECUTE format ('GRANT %I TO %I', 'furrow_' || role, name);
  ELSE
    PERFORM furrow.grant_user (name, coop, role);
  END IF;
  INSERT INTO furrow.user_villages (user_name, village)
    SELECT name, v FROM unnest (coalesce (villages, '{}')) AS v;
END$$;

-- A user's role in one cooperative: the cooperative's group role of that name, in place of any
-- other it had there.
CREATE OR REPLACE FUNCTION furrow.grant_user (name text, coop text, role text)
  RETURNS void LANGUAGE plpgsql
  AS $$
DECLARE
  r text;
BEGIN
  IF role NOT IN ('manager', 'agronomist', 'clerk', 'viewer') THEN
    RAISE EXCEPTION 'furrow.grant_user: no role %', role;
  END IF;
  PERFORM furrow.grant_cooperative (coop);
  FOREACH r IN ARRAY ARRAY['manager', 'agronomist', 'clerk', 'viewer'] LOOP
    IF r <> role THEN
      EXECUTE format ('REVOKE %I FROM %I', 'coop_' || coop || '_' || r, name);
    END IF;
  END LOOP;
  EXECUTE format ('GRANT %I TO %I', 'coop_' || coop || '_' || role, name);
END$$;

-- Every cooperative already on the server gets its roles and grants (a server set up before
-- roles existed).
SELECT furrow.grant_cooperative (code) FROM furrow.cooperatives;
