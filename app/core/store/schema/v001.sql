-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 1: the GeoPackage 1.3 core (OGC 12-128r18: application_id 'GPKG' = 0x47504B47,
-- user_version 10300, gpkg_spatial_ref_sys with the -1, 0 and 4326 rows, gpkg_contents,
-- gpkg_geometry_columns), the feature tables fields and parcels (MULTIPOLYGON, EPSG:4326) and
-- Furrow's tables (docs/architecture.md, Data model). Areas are m² (DOUBLE), money integer fen.

PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;

CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined',
   'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',
   'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');

CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);

CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents (table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);

CREATE TABLE furrow_meta (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT
);

CREATE TABLE cooperative (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL DEFAULT '',
  village_code TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  settings TEXT
);
INSERT INTO cooperative (id) VALUES (1);

CREATE TABLE households (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name TEXT NOT NULL DEFAULT '',
  members INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),
  phone TEXT,
  id_number TEXT,
  notes TEXT
);

CREATE TABLE fields (
  id INTEGER PRIMARY KEY,
  geom MULTIPOLYGON,
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name TEXT NOT NULL DEFAULT '',
  notes TEXT,
  custody TEXT NOT NULL DEFAULT 'full' CHECK (custody IN ('full', 'half')),
  measured_area_m2 DOUBLE NOT NULL DEFAULT 0
);

CREATE TABLE parcels (
  id INTEGER PRIMARY KEY,
  geom MULTIPOLYGON,
  code TEXT NOT NULL UNIQUE CHECK (code <> ''),
  household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
  field_id INTEGER REFERENCES fields (id) ON DELETE SET NULL,
  name TEXT,
  registered_area_m2 DOUBLE NOT NULL DEFAULT 0 CHECK (registered_area_m2 >= 0),
  surveyed_area_m2 DOUBLE NOT NULL DEFAULT 0 CHECK (surveyed_area_m2 >= 0),
  measured_area_m2 DOUBLE NOT NULL DEFAULT 0,
  land_use TEXT,
  land_grade TEXT,
  neighbour_east TEXT,
  neighbour_west TEXT,
  neighbour_south TEXT,
  neighbour_north TEXT,
  custody TEXT NOT NULL DEFAULT 'full' CHECK (custody IN ('full', 'half')),
  entrusted_from TEXT,
  entrusted_to TEXT
);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
  ('fields', 'features', 'fields', 'Custody fields farmed by the cooperative', 4326),
  ('parcels', 'features', 'parcels', 'Contracted parcels of the households', 4326),
  ('households', 'attributes', 'households', 'Contracting households', NULL);
INSERT INTO gpkg_geometry_columns VALUES
  ('fields', 'geom', 'MULTIPOLYGON', 4326, 0, 0),
  ('parcels', 'geom', 'MULTIPOLYGON', 4326, 0, 0);

CREATE TABLE seasons (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  crop_year INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'planning'
    CHECK (state IN ('planning', 'harvested', 'settled')),
  prices_json TEXT,
  costs_json TEXT,
  subsidies_json TEXT,
  base_rule_json TEXT,
  split_json TEXT,
  notes TEXT
);

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
  pattern TEXT NOT NULL CHECK (pattern IN ('maize', 'soybean', 'strip')),
  parameters_json TEXT,
  preset TEXT,
  overrides_json TEXT,
  UNIQUE (season_id, field_id)
);

CREATE TABLE harvests (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL REFERENCES fields (id) ON DELETE CASCADE,
  crop TEXT NOT NULL CHECK (crop IN ('maize', 'soybean')),
  yield_kg DOUBLE NOT NULL DEFAULT 0,
  revenue_fen INTEGER NOT NULL DEFAULT 0,
  UNIQUE (season_id, field_id, crop)
);

CREATE TABLE settlements (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE RESTRICT,
  household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
  area_m2 DOUBLE NOT NULL,
  base_fen INTEGER NOT NULL,
  dividend_fen INTEGER NOT NULL,
  fee_fen INTEGER NOT NULL DEFAULT 0,
  total_fen INTEGER NOT NULL,
  rule_text TEXT NOT NULL,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (season_id, household_id)
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT
);
