/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-store.h"

G_BEGIN_DECLS

/* Export of a project's fields and parcels (GeoJSON and KML in WGS84 lon/lat as those formats
 * require; GeoPackage and Shapefile in CGCS2000 3-degree Gauss–Krüger with the zone-prefixed
 * easting, EPSG:4513–4533, docs/domain.md §4) and of its registers (CSV and XLSX with the Chinese
 * headers the importer reads back). The output appears whole or not at all: it is written
 * next to its destination and moved in place at the end. */

#define FURROW_EXPORT_ERROR (furrow_export_error_quark ())

typedef enum
{
  FURROW_EXPORT_ERROR_INVALID,   /* a combination that makes no sense, a bad zone */
  FURROW_EXPORT_ERROR_EMPTY,     /* nothing to choose a zone from */
  FURROW_EXPORT_ERROR_WRITE,     /* the file system or the writer failed */
} FurrowExportError;

typedef enum
{
  FURROW_EXPORT_LAYER_FIELDS,
  FURROW_EXPORT_LAYER_PARCELS,
  FURROW_EXPORT_LAYER_HOUSEHOLDS,
} FurrowExportLayer;

typedef enum
{
  FURROW_EXPORT_FORMAT_GEOJSON,
  FURROW_EXPORT_FORMAT_KML,
  FURROW_EXPORT_FORMAT_GEOPACKAGE,
  FURROW_EXPORT_FORMAT_SHAPEFILE,
  FURROW_EXPORT_FORMAT_CSV,
  FURROW_EXPORT_FORMAT_XLSX,
} FurrowExportFormat;

/* How a layer is written. */
typedef enum
{
  FURROW_EXPORT_DEFAULT = 0,
  /* Households: ID numbers and phones masked as on paper (furrow_report_mask_id_number(),
   * furrow_report_mask_phone()); the file may then be shared like a printout. */
  FURROW_EXPORT_MASKED  = 1 << 0,
} FurrowExportOptions;

GQuark   furrow_export_error_quark          (void);

/* Whether `layer` written with `options` holds personal data in full (the households' ID
 * numbers and phones unmasked): such a file is written with mode 0600, readable by its owner
 * only, and the CLI and the window say so (docs/architecture.md, Opening, backup, check). */
gboolean furrow_export_is_personal          (FurrowExportLayer   layer,
                                             FurrowExportOptions options);

/* The 3-degree Gauss–Krüger zone of a longitude: round (lon / 3); 119.4 E is zone 40. */
int      furrow_export_zone_for_longitude   (double              lon);

/* How far an export is: `done` of `total` records written. Called in the exporting thread. */
typedef void (*FurrowExportProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* Writes `layer` of `store` to `path`. `zone` 0 chooses the zone from the centroid longitude
 * of the data (GeoPackage and Shapefile only). The number of records written and the EPSG
 * code of the coordinates (0 for registers) go to the optional outputs. Reports progress
 * (every record at most, and once with done == total before the file is moved into place) and
 * stops with G_IO_ERROR_CANCELLED when `cancellable` is cancelled before the file is complete:
 * then nothing of it is left at `path` or beside it. `options` choose masking
 * (FURROW_EXPORT_DEFAULT writes the register as stored). */
gboolean furrow_export_with_options         (FurrowStore          *store,
                                             FurrowExportLayer     layer,
                                             FurrowExportFormat    format,
                                             FurrowExportOptions   options,
                                             int                   zone,
                                             const char           *path,
                                             FurrowExportProgress  progress,
                                             gpointer              progress_data,
                                             GCancellable         *cancellable,
                                             guint                *n_written,
                                             int                  *epsg,
                                             GError              **error);

G_END_DECLS
