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
