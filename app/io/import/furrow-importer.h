/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-geometry.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* Import of custody fields, parcels and households (docs/architecture.md "Import";
 * docs/domain.md §4).
 *
 * A FurrowImporter reads one source file (ESRI Shapefile, plain or zipped; GeoPackage;
 * GeoJSON; KML/KMZ; CSV; XLSX), detects its format, coordinate system, text encoding and the
 * land-registration column mapping, reads every record into plain structs, checks them
 * (codes, duplicates, geometry) and finally writes them to a project in one transaction.
 *
 *   importer = furrow_importer_new (path);
 *   furrow_importer_set_crs_epsg (importer, 4528);          // optional overrides
 *   if (!furrow_importer_open (importer, &error)) …         // detection: GUI shows mapping
 *   if (!furrow_importer_read (importer, cancellable, &error)) …
 *   if (!furrow_importer_commit (importer, store, &error)) …
 *
 * When a step fails, furrow_importer_get_problems() lists one message per problem, each
 * naming the file, the record (index and code) and what is wrong; nothing is written. */

#define FURROW_IMPORT_ERROR (furrow_import_error_quark ())

typedef enum
{
  FURROW_IMPORT_ERROR_OPEN,      /* missing, empty, unreadable or unsupported file */
  FURROW_IMPORT_ERROR_CRS,       /* unknown or inconsistent coordinate system */
  FURROW_IMPORT_ERROR_ENCODING,  /* text neither UTF-8 nor the given encoding */
  FURROW_IMPORT_ERROR_MAPPING,   /* a required column is missing */
  FURROW_IMPORT_ERROR_INVALID,   /* one or more records are wrong (see the problems) */
  FURROW_IMPORT_ERROR_STORE,     /* the project refused the write */
  FURROW_IMPORT_ERROR_CANCELLED,
} FurrowImportError;

typedef enum
{
  FURROW_IMPORT_KIND_AUTO,
  FURROW_IMPORT_KIND_FIELDS,
  FURROW_IMPORT_KIND_PARCELS,
  FURROW_IMPORT_KIND_HOUSEHOLDS,
} FurrowImportKind;

typedef enum
{
  FURROW_IMPORT_FORMAT_UNKNOWN,
  FURROW_IMPORT_FORMAT_SHAPEFILE,
  FURROW_IMPORT_FORMAT_GEOPACKAGE,
  FURROW_IMPORT_FORMAT_GEOJSON,
  FURROW_IMPORT_FORMAT_KML,
  FURROW_IMPORT_FORMAT_CSV,
  FURROW_IMPORT_FORMAT_XLSX,
} FurrowImportFormat;

/* The target columns of the land-registration mapping (NY/T 2539-2016 names;
 * tests/data/cn_land_contract_dk_schema.csv). */
typedef enum
{
  FURROW_COLUMN_DKBM,      /* parcel code, 19 digits */
  FURROW_COLUMN_CBFBM,     /* household code, 18 digits */
  FURROW_COLUMN_CBFMC,     /* household head's name */
  FURROW_COLUMN_CBFZJHM,   /* ID number: personal data, never logged */
  FURROW_COLUMN_LXDH,      /* phone: personal data, never logged */
  FURROW_COLUMN_CBFCYSL,   /* members */
  FURROW_COLUMN_KHYH,      /* the payee account's bank (开户行; not NY/T 2539: village sheets) */
  FURROW_COLUMN_KHWD,      /* its branch (开户网点) */
  FURROW_COLUMN_YHZH,      /* the account number: personal data, never logged */
  FURROW_COLUMN_ZHMC,      /* the account holder (户名, 持卡人) */
  FURROW_COLUMN_HTMJ,      /* contract (registered) area, m² */
  FURROW_COLUMN_HTMJM,     /* contract (registered) area, mu */
  FURROW_COLUMN_SCMJ,      /* surveyed area, m² */
  FURROW_COLUMN_SCMJM,     /* surveyed area, mu */
  FURROW_COLUMN_DKMC,      /* parcel name */
  FURROW_COLUMN_DKLB,      /* parcel category */
  FURROW_COLUMN_TDLYLX,    /* land-use type */
  FURROW_COLUMN_DLDJ,      /* land grade */
  FURROW_COLUMN_DKDZ,      /* neighbour east */
  FURROW_COLUMN_DKXZ,      /* neighbour west */
  FURROW_COLUMN_DKNZ,      /* neighbour south */
  FURROW_COLUMN_DKBZ,      /* neighbour north */
  FURROW_COLUMN_NAME,      /* a custody field's name */
  FURROW_N_COLUMNS
} FurrowColumn;

/* Which source column (by name) feeds each target column; NULL when none. The GUI shows it
 * as a table and may change any row before reading. */
typedef struct
{
  char *source[FURROW_N_COLUMNS];
} FurrowImportMapping;

const char *furrow_column_get_code  (FurrowColumn column);
const char *furrow_column_get_label (FurrowColumn column);   /* translated, e.g. 地块编码 */

/* Records as read, after reprojection to WGS84 lon/lat. Strings are UTF-8 and owned by the
 * importer. Areas are m²; NAN when the source has no value. `index` is the number a person
 * finds the record by: its place in the file for layers (feature 1 is the first), the line where
 * it starts for CSV (as a text editor numbers it), the spreadsheet row for XLSX. */
typedef struct
{
  gint64          index;
  const char     *name;
  FurrowGeometry *geometry;
  double          measured_area_m2;
} FurrowImportField;

typedef struct
{
  gint64      index;
  const char *cbfbm;
  const char *name;
  const char *id_number;
  const char *phone;
  int         members;       /* -1 when unknown */
  const char *bank;          /* the payee account (docs/domain.md, "Bank accounts"), or NULL */
  const char *bank_branch;
  const char *account;       /* digits only, or NULL */
  const char *account_holder;
} FurrowImportHousehold;

typedef struct
{
  gint64          index;
  const char     *dkbm;
  const char     *cbfbm;
  const char     *name;
  const char     *category;      /* DKLB */
  const char     *land_use;      /* TDLYLX */
  const char     *land_grade;    /* DLDJ */
  const char     *neighbours[4]; /* east, west, south, north */
  double          registered_area_m2;
  double          surveyed_area_m2;
  double          measured_area_m2;   /* of the polygon (measured by its validation); NAN
                                       * without one */
  FurrowGeometry *geometry;           /* NULL for a register row without a polygon */
  gint64          field_id;           /* custody field overlapped most; 0 when none */
} FurrowImportParcel;

#define FURROW_TYPE_IMPORTER (furrow_importer_get_type ())

G_DECLARE_FINAL_TYPE (FurrowImporter, furrow_importer, FURROW, IMPORTER, GObject)

GQuark              furrow_import_error_quark        (void);

FurrowImporter     *furrow_importer_new              (const char           *path);

/* Overrides, set before furrow_importer_open(). */
void                furrow_importer_set_kind         (FurrowImporter       *self,
                                                      FurrowImportKind      kind);
void                furrow_importer_set_crs_epsg     (FurrowImporter       *self,
                                                      int                   epsg);
void                furrow_importer_set_encoding     (FurrowImporter       *self,
                                                      const char           *encoding);
void                furrow_importer_set_gcj02        (FurrowImporter       *self,
                                                      gboolean              gcj02);

/* TRUE: records with problems of their own (geometry, codes, text, areas) are left out and
 * the rest is imported; furrow_importer_get_n_skipped() and _get_skipped() say which. Problems
 * between records (duplicates in the file or the project) still stop the import. */
void                furrow_importer_set_skip_invalid (FurrowImporter       *self,
                                                      gboolean              skip_invalid);
/* Reads at most `n_records` records (0: all), for a preview of a large file. */
void                furrow_importer_set_limit        (FurrowImporter       *self,
                                                      guint                 n_records);

/* Detection: format, layer, encoding, CRS, kind and column mapping. */
gboolean            furrow_importer_open             (FurrowImporter       *self,
                                                      GError              **error);

FurrowImportFormat  furrow_importer_get_format       (FurrowImporter       *self);
/* TRUE when the file's records carry polygons (not a CSV, XLSX or a layer without geometry):
 * only then do its coordinate system, GCJ-02 and a map preview apply (docs/architecture.md, Import). */
gboolean            furrow_importer_has_geometry     (FurrowImporter       *self);
/* TRUE when records of `kind` read `column` (furrow-import-read.c): a household reads only its
 * code, head, ID number, phone and members; a field its name; a parcel everything but a field's
 * name (its household's columns too). */
gboolean            furrow_import_column_applies     (FurrowImportKind      kind,
                                                      FurrowColumn          column);
FurrowImportKind    furrow_importer_get_kind         (FurrowImporter       *self);
const char         *furrow_importer_get_display_name (FurrowImporter       *self);
/* "UTF-8", "CP936" … as used to read the text. */
const char         *furrow_importer_get_encoding     (FurrowImporter       *self);
/* The EPSG code the coordinates were read in (detected or given); 0 when unknown (no
 * geometry). */
int                 furrow_importer_get_crs_epsg     (FurrowImporter       *self);
/* The source's column names, NULL-terminated. */
const char * const *furrow_importer_get_columns      (FurrowImporter       *self);
const FurrowImportMapping *
                    furrow_importer_get_mapping      (FurrowImporter       *self);
/* Maps target `column` to the source column `source` (NULL: unmapped). FALSE when the
 * source has no such column. */
gboolean            furrow_importer_set_mapping      (FurrowImporter       *self,
                                                      FurrowColumn          column,
                                                      const char           *source);

/* Reads and checks every record (codes, duplicates within the file, geometry). */
gboolean            furrow_importer_read             (FurrowImporter       *self,
                                                      GCancellable         *cancellable,
                                                      GError              **error);

const FurrowImportField     *furrow_importer_get_fields     (FurrowImporter *self,
                                                             guint          *n_fields);
const FurrowImportParcel    *furrow_importer_get_parcels    (FurrowImporter *self,
                                                             guint          *n_parcels);
const FurrowImportHousehold *furrow_importer_get_households (FurrowImporter *self,
                                                             guint          *n_households);

/* Sets each parcel's field_id to the id of the field (of `n_fields`) its polygon overlaps
 * most, 0 when it overlaps none. */
void                furrow_importer_assign_fields    (FurrowImporter        *self,
                                                      const gint64          *field_ids,
                                                      const FurrowGeometry **field_geometries,
                                                      guint                  n_fields);

/* Checks the records against the project (duplicates, households) and writes them in one
 * transaction; on failure nothing is written. Households a parcel register names that the
 * project already has are referred to, not written again. */
gboolean            furrow_importer_commit           (FurrowImporter       *self,
                                                      FurrowStore          *store,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
/* Everything (open unless done, read, commit into the project at `project_path`, created when
 * missing) in a worker thread with its own store connection. The importer must not be used
 * until the callback runs; on failure the problems are listed as for the synchronous calls. */
void                furrow_importer_import_async     (FurrowImporter       *self,
                                                      const char           *project_path,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean            furrow_importer_import_finish    (FurrowImporter       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* What the last successful commit wrote. */
void                furrow_importer_get_written      (FurrowImporter       *self,
                                                      guint                *n_fields,
                                                      guint                *n_parcels,
                                                      guint                *n_households);

/* One translated message per problem of the last failed step. */
GPtrArray          *furrow_importer_get_problems     (FurrowImporter       *self);
/* The record (`index` as in FurrowImportParcel, -1 for the file as a whole), its code (NULL
 * when none) and the reason (without the record's label) of problem `i` of
 * furrow_importer_get_problems() or _get_skipped(); FALSE for a problem of the whole file. */
gboolean            furrow_importer_get_problem_record (FurrowImporter     *self,
                                                        const char         *message,
                                                        gint64             *index,
                                                        const char        **code,
                                                        const char        **reason);
/* With skip-invalid: how many records the last read left out. */
guint               furrow_importer_get_n_skipped    (FurrowImporter       *self);
/* How far the current read and commit are, 0 … 1 (reading is the first half); safe to call
 * from any thread while furrow_importer_import_async() runs. */
double              furrow_importer_get_progress     (FurrowImporter       *self);

G_END_DECLS
