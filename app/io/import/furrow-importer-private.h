/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "furrow-importer.h"

G_BEGIN_DECLS

/* OGR handles are pointer typedefs: g_auto (OGRSpatialReferenceH) srs = … */
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRSpatialReferenceH, OSRDestroySpatialReference, NULL)

struct _FurrowImporter
{
  GObject              parent_instance;

  char                *path;           /* as given */
  char                *display_name;   /* basename, for messages */
  char                *gdal_path;      /* what GDAL opens (/vsizip/…, /vsimem/…) */
  char                *vsimem_copy;    /* a recoded CSV in /vsimem/, unlinked on finalize */
  GArray              *csv_lines;      /* guint: the line where each CSV record starts */

  /* overrides */
  FurrowImportKind     kind_override;
  int                  epsg_override;
  char                *encoding_override;
  gboolean             gcj02;
  gboolean             skip_invalid;
  guint                limit;          /* read at most this many records; 0: all */

  /* detection */
  FurrowImportFormat   format;
  FurrowImportKind     kind;
  char                *encoding;
  int                  epsg;
  gboolean             has_geometry;
  GDALDatasetH         dataset;
  OGRLayerH            layer;
  OGRCoordinateTransformationH transform;  /* NULL when already lon/lat */
  GStrv                columns;
  FurrowImportMapping  mapping;
  int                  mapping_index[FURROW_N_COLUMNS];   /* OGR field index or -1 */

  /* records */
  GStringChunk        *strings;
  GArray              *fields;        /* FurrowImportField */
  GArray              *parcels;       /* FurrowImportParcel */
  GArray              *households;    /* FurrowImportHousehold */

  GPtrArray           *problems;      /* char * */
  GHashTable          *problem_records;  /* message → FurrowImportProblemRecord */
  GPtrArray           *skipped;       /* char *: the problems of the records skipped */
  guint                n_skipped;
  int                  progress;      /* per mille, atomic: written by the worker thread */
  guint                n_written[3];  /* fields, parcels, households */
};

/* Which record and code a problem message is about, for the problem table of the GUI. */
typedef struct
{
  gint64  index;
  char   *code;
  char   *reason;
} FurrowImportProblemRecord;

void     furrow_importer_note_record_problem (FurrowImporter *self,
                                              const char     *message,
                                              gint64          index,
                                              const char     *code,
                                              const char     *reason);
void     furrow_importer_set_progress      (FurrowImporter  *self,
                                            double           fraction);

/* Set by every helper that fails; the first problem also goes into `error`. */
void     furrow_importer_add_problem       (FurrowImporter  *self,
                                            const char      *format,
                                            ...) G_GNUC_PRINTF (2, 3);
void     furrow_importer_add_record_problem (FurrowImporter *self,
                                             gint64          index,
                                             const char     *code_name,
                                             const char     *code,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (5, 6);
char    *furrow_importer_format_label      (FurrowImporter  *self,
                                            gint64           index,
                                            const char      *code_name,
                                            const char      *code);
gboolean furrow_importer_fail_with_problems (FurrowImporter *self,
                                             GError        **error);
gboolean furrow_importer_is_table          (FurrowImporter  *self);

/* furrow-import-detect.c */
gboolean furrow_import_detect_format       (FurrowImporter  *self,
                                            GError         **error);
gboolean furrow_import_detect_encoding     (FurrowImporter  *self,
                                            GError         **error);
gboolean furrow_import_open_dataset        (FurrowImporter  *self,
                                            GError         **error);
char    *furrow_import_find_side_file      (const char      *shp_path,
                                            const char      *ext);

/* furrow-import-detect-crs.c */
gboolean furrow_import_detect_crs          (FurrowImporter  *self,
                                            GError         **error);
int      furrow_import_gauss_kruger_epsg   (double           min_x,
                                            double           max_x);

/* furrow-import-csv.c */
gboolean furrow_import_check_csv           (FurrowImporter  *self,
                                            const char      *text,
                                            gsize            len);

/* furrow-import-mapping.c */
void     furrow_import_detect_mapping      (FurrowImporter  *self);
gboolean furrow_import_resolve_mapping     (FurrowImporter  *self,
                                            GError         **error);

/* furrow-import-read.c */
gboolean furrow_import_read_records        (FurrowImporter  *self,
                                            GCancellable    *cancellable,
                                            GError         **error);

/* furrow-import-check.c */
gboolean furrow_import_check_records       (FurrowImporter  *self,
                                            GError         **error);

G_END_DECLS
