/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-exporter.h"

#include <cpl_error.h>
#include <gdal.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <string.h>
#include <xlsxwriter.h>

#include "furrow-atomic-file.h"
#include "furrow-csv.h"
#include "furrow-ogr-geometry.h"
#include "furrow-report.h"
#include "furrow-units.h"
#include "furrow-xlsx.h"

G_DEFINE_QUARK (furrow-export-error-quark, furrow_export_error)

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRSpatialReferenceH, OSRDestroySpatialReference, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OGRCoordinateTransformationH, OCTDestroyCoordinateTransformation, NULL)

typedef enum
{
  COLUMN_TEXT,
  COLUMN_REAL,
  COLUMN_INTEGER,
} ColumnType;

typedef struct
{
  const char *code;      /* attribute name in GIS formats */
  const char *header;    /* the register header, in Chinese like the registers themselves */
  ColumnType  type;
} Column;

/* Registers are read back by the importer's mapping (furrow-import-mapping.c): the headers
 * are the names it recognises. They are fixed Chinese, whatever the user's language. */
static const Column field_columns[] = {
  { "CODE", "编码", COLUMN_TEXT },
  { "NAME", "名称", COLUMN_TEXT },
  { "AREA_M2", "实测面积", COLUMN_REAL },
  { "AREA_MU", "实测面积亩", COLUMN_REAL },
};

static const Column parcel_columns[] = {
  { "DKBM", "地块编码", COLUMN_TEXT },
  { "CBFBM", "承包方编码", COLUMN_TEXT },
  { "DKMC", "地块名称", COLUMN_TEXT },
  { "HTMJM", "合同面积亩", COLUMN_REAL },
  { "SCMJ", "实测面积", COLUMN_REAL },
  { "MEAS_M2", "图斑面积", COLUMN_REAL },
  { "TDLYLX", "土地利用类型", COLUMN_TEXT },
  { "DLDJ", "地力等级", COLUMN_TEXT },
  { "DKDZ", "东至", COLUMN_TEXT },
  { "DKXZ", "西至", COLUMN_TEXT },
  { "DKNZ", "南至", COLUMN_TEXT },
  { "DKBZ", "北至", COLUMN_TEXT },
  { "FIELD", "托管田块", COLUMN_TEXT },
};

static const Column household_columns[] = {
  { "CBFBM", "承包方编码", COLUMN_TEXT },
  { "CBFMC", "承包方名称", COLUMN_TEXT },
  { "CBFCYSL", "成员数量", COLUMN_INTEGER },
  { "LXDH", "联系电话", COLUMN_TEXT },
  { "CBFZJHM", "证件号码", COLUMN_TEXT },
};

/* One row of values, as text (NULL: empty) and as a number for numeric columns. */
typedef struct
{
  char   *text[G_N_ELEMENTS (parcel_columns)];
  double  number[G_N_ELEMENTS (parcel_columns)];
  const FurrowGeometry *geometry;
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->text); i++)
    g_clear_pointer (&row->text[i], g_free);
}

static void
set_text (Row        *row,
          guint       column,
          const char *text)
{
  row->text[column] = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

static void
set_number (Row    *row,
            guint   column,
            double  value,
            int     decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  row->number[column] = value;
  if (isnan (value))
    return;
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  row->text[column] = g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}

/* The rows of a layer --------------------------------------------------------------------- */

static GArray *
collect_rows (FurrowStore         *store,
              FurrowExportLayer    layer,
              FurrowExportOptions  options,
              GPtrArray           *keep_alive)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GHashTable) field_codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);

  switch (layer)
    {
    case FURROW_EXPORT_LAYER_FIELDS:
      model = furrow_store_get_fields (store);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          FurrowField *f = g_list_model_get_item (model, i);
          Row row = { { NULL, } };

          g_ptr_array_add (keep_alive, f);
          set_text (&row, 0, furrow_field_get_code (f));
          set_text (&row, 1, furrow_field_get_name (f));
          set_number (&row, 2, furrow_field_get_measured_area_m2 (f), 2);
          set_number (&row, 3, furrow_m2_to_mu (furrow_field_get_measured_area_m2 (f)), 2);
          row.geometry = furrow_field_get_geometry (f);
          g_array_append_val (rows, row);
        }
      break;

    case FURROW_EXPORT_LAYER_PARCELS:
      {
        g_autoptr(GListModel) fields = furrow_store_get_fields (store);

        for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
          {
            g_autoptr(FurrowField) f = g_list_model_get_item (fields, i);

            g_hash_table_insert (field_codes, g_memdup2 (&(gint64) { furrow_field_get_id (f) }, sizeof (gint64)),
                                 g_strdup (furrow_field_get_code (f)));
          }
        model = furrow_store_get_parcels (store);
        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          {
            FurrowParcel *p = g_list_model_get_item (model, i);
            gint64 field_id = furrow_parcel_get_field_id (p);
            Row row = { { NULL, } };

            g_ptr_array_add (keep_alive, p);
            set_text (&row, 0, furrow_parcel_get_code (p));
            set_text (&row, 1, furrow_parcel_get_household_code (p));
            set_text (&row, 2, furrow_parcel_get_name (p));
            set_number (&row, 3, furrow_m2_to_mu (furrow_parcel_get_registered_area_m2 (p)), 2);
            if (furrow_parcel_get_surveyed_area_m2 (p) > 0)
              set_number (&row, 4, furrow_parcel_get_surveyed_area_m2 (p), 2);
            row.geometry = furrow_parcel_get_geometry (p);
            if (row.geometry != NULL)
              set_number (&row, 5, furrow_parcel_get_measured_area_m2 (p), 2);
            set_text (&row, 6, furrow_parcel_get_land_use (p));
            set_text (&row, 7, furrow_parcel_get_land_grade (p));
            set_text (&row, 8, furrow_parcel_get_neighbour_east (p));
            set_text (&row, 9, furrow_parcel_get_neighbour_west (p));
            set_text (&row, 10, furrow_parcel_get_neighbour_south (p));
            set_text (&row, 11, furrow_parcel_get_neighbour_north (p));
            set_text (&row, 12, g_hash_table_lookup (field_codes, &field_id));
            g_array_append_val (rows, row);
          }
      }
      break;

    case FURROW_EXPORT_LAYER_HOUSEHOLDS:
    default:
      model = furrow_store_get_households (store);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          FurrowHousehold *h = g_list_model_get_item (model, i);
          Row row = { { NULL, } };

          g_ptr_array_add (keep_alive, h);
          set_text (&row, 0, furrow_household_get_code (h));
          set_text (&row, 1, furrow_household_get_name (h));
          if (furrow_household_get_members (h) > 0)
            {
              row.number[2] = furrow_household_get_members (h);
              row.text[2] = g_strdup_printf ("%u", furrow_household_get_members (h));
            }
          if (options & FURROW_EXPORT_MASKED)
            {
              g_autofree char *phone = furrow_report_mask_phone (furrow_household_get_phone (h));
              g_autofree char *id_number =
                furrow_report_mask_id_number (furrow_household_get_id_number (h));

              set_text (&row, 3, phone);
              set_text (&row, 4, id_number);
            }
          else
            {
              set_text (&row, 3, furrow_household_get_phone (h));
              set_text (&row, 4, furrow_household_get_id_number (h));
            }
          g_array_append_val (rows, row);
        }
      break;
    }
  return rows;
}

static const Column *
layer_columns (FurrowExportLayer  layer,
               guint             *n)
{
  switch (layer)
    {
    case FURROW_EXPORT_LAYER_FIELDS:
      *n = G_N_ELEMENTS (field_columns);
      return field_columns;
    case FURROW_EXPORT_LAYER_PARCELS:
      *n = G_N_ELEMENTS (parcel_columns);
      return parcel_columns;
    case FURROW_EXPORT_LAYER_HOUSEHOLDS:
    default:
      *n = G_N_ELEMENTS (household_columns);
      return household_columns;
    }
}

/* Registers ------------------------------------------------------------------------------- */

/* Progress and cancellation ---------------------------------------------------------------- */

typedef struct
{
  FurrowExportProgress  func;
  gpointer              data;
  GCancellable         *cancellable;
  guint                 total;
} Progress;

/* Reports `done` records written (about every 1 % and at the end); FALSE once cancelled. */
static gboolean
tick (Progress  *progress,
      guint      done,
      GError   **error)
{
  guint step = MAX (progress->total / 100, 1);

  if (g_cancellable_set_error_if_cancelled (progress->cancellable, error))
    return FALSE;
  if (progress->func != NULL && (done % step == 0 || done == progress->total))
    progress->func (done, progress->total, progress->data);
  return TRUE;
}

static gboolean
write_csv (FurrowAtomicFile  *file,
           const Column      *columns,
           guint              n_columns,
           GArray            *rows,
           Progress          *progress,
           GError           **error)
{
  /* A UTF-8 byte-order mark: Excel on Chinese Windows reads the file as GBK without it. */
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      furrow_csv_append_cell (out, columns[c].header, FURROW_CSV_TEXT);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          furrow_csv_append_cell (out, row->text[c],
                                  columns[c].type == COLUMN_TEXT ? FURROW_CSV_TEXT
                                                                 : FURROW_CSV_NUMBER);
        }
      g_string_append (out, "\r\n");
      if (!tick (progress, r + 1, error))
        return FALSE;
    }
  return furrow_atomic_file_write (file, out->str, out->len, error);
}

static gboolean
write_xlsx (const char    *path,
            const Column  *columns,
            guint          n_columns,
            GArray        *rows,
            Progress      *progress,
            GError       **error)
{
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws;
  lxw_format *header;
  lxw_error err;

  if (wb == NULL)
    {
      g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_WRITE,
                   _("%s: cannot create the workbook"), path);
      return FALSE;
    }
  ws = workbook_add_worksheet (wb, NULL);
  header = workbook_add_format (wb);
  format_set_bold (header);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_write_string (ws, 0, c, columns[c].header, header);
      /* Codes are text: as numbers Excel would show 3.70782E+18. */
      worksheet_set_column (ws, c, c, columns[c].type == COLUMN_TEXT ? 22 : 12, NULL);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      for (guint c = 0; c < n_columns; c++)
        {
          if (row->text[c] == NULL)
            continue;
          if (columns[c].type == COLUMN_TEXT)
            worksheet_write_string (ws, r + 1, c, row->text[c], NULL);
          else
            worksheet_write_number (ws, r + 1, c, row->number[c], NULL);
        }
      if (!tick (progress, r + 1, error))
        {
          /* Closed to free it; the half-written file goes with its folder. */
          furrow_xlsx_close_quietly (wb);
          return FALSE;
        }
    }
  err = furrow_xlsx_close_quietly (wb);
  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_WRITE,
                   _("%s: cannot write the workbook (%s)"), path, lxw_strerror (err));
      return FALSE;
    }
  return TRUE;
}

/* Maps ------------------------------------------------------------------------------------ */

int
furrow_export_zone_for_longitude (double lon)
{
  return (int) floor (lon / 3.0 + 0.5);
}

static gboolean
choose_zone (GArray  *rows,
             int     *zone,
             GError **error)
{
  double sum = 0.0;
  guint n = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      const FurrowGeometry *g = g_array_index (rows, Row, r).geometry;
      double min_x, min_y, max_x, max_y;

      if (g != NULL && furrow_geometry_get_bounds (g, &min_x, &min_y, &max_x, &max_y))
        {
          sum += (min_x + max_x) / 2.0;
          n++;
        }
    }
  if (n == 0)
    {
      g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_EMPTY,
                   _("there are no polygons to choose a Gauss–Krüger zone from; give it with --zone"));
      return FALSE;
    }
  *zone = furrow_export_zone_for_longitude (sum / n);
  return TRUE;
}

static OGRSpatialReferenceH
srs_from_epsg (int epsg)
{
  OGRSpatialReferenceH srs = OSRNewSpatialReference (NULL);

  OSRImportFromEPSG (srs, epsg);
  OSRSetAxisMappingStrategy (srs, OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

/* What GDAL wrote at PATH opens and holds the N_ROWS records: a file cut short by a full disk
 * does not open, or holds fewer. */
static gboolean
check_written (const char  *path,
               guint        n_rows,
               GError     **error)
{
  GDALDatasetH ds = GDALOpenEx (path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
  OGRLayerH layer = ds != NULL && GDALDatasetGetLayerCount (ds) > 0
                    ? GDALDatasetGetLayer (ds, 0) : NULL;
  GIntBig n = layer != NULL ? OGR_L_GetFeatureCount (layer, TRUE) : -1;

  if (ds != NULL)
    GDALClose (ds);
  if (n == (GIntBig) n_rows)
    return TRUE;
  if (n < 0)
    g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_WRITE,
                 /* Translators: read back after writing, the file is not whole */
                 _("%s: cannot write (the file written cannot be read back; is the disk full?)"),
                 path);
  else
    g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_WRITE,
                 /* Translators: read back after writing, the file holds fewer records */
                 _("%s: cannot write (the file written holds %u of %u records; is the disk full?)"),
                 path, (guint) n, n_rows);
  return FALSE;
}

static gboolean
write_ogr (const char          *path,
           FurrowExportFormat   format,
           const char          *layer_name,
           int                  epsg,
           const Column        *columns,
           guint                n_columns,
           GArray              *rows,
           Progress            *progress,
           GError             **error)
{
  const char *driver_name = NULL;
  g_autoptr(GError) cancelled = NULL;
  const char *layer_options[3] = { NULL, };
  g_auto(OGRSpatialReferenceH) srs = srs_from_epsg (epsg);
  g_auto(OGRSpatialReferenceH) wgs84 = srs_from_epsg (4326);
  g_auto(OGRCoordinateTransformationH) ct = NULL;
  GDALDriverH driver;
  GDALDatasetH ds;
  OGRLayerH layer;
  OGRFeatureDefnH defn;
  gboolean ok = TRUE;

  switch (format)
    {
    case FURROW_EXPORT_FORMAT_GEOJSON:
      driver_name = "GeoJSON";
      layer_options[0] = "RFC7946=YES";
      break;
    case FURROW_EXPORT_FORMAT_KML:
      driver_name = "KML";
      layer_options[0] = NULL;
      break;
    case FURROW_EXPORT_FORMAT_GEOPACKAGE:
      driver_name = "GPKG";
      break;
    case FURROW_EXPORT_FORMAT_SHAPEFILE:
      driver_name = "ESRI Shapefile";
      layer_options[0] = "ENCODING=UTF-8";
      break;
    case FURROW_EXPORT_FORMAT_CSV:
    case FURROW_EXPORT_FORMAT_XLSX:
    default:
      g_assert_not_reached ();
    }

  if (epsg != 4326)
    ct = OCTNewCoordinateTransformation (wgs84, srs);

  GDALAllRegister ();
  driver = GDALGetDriverByName (driver_name);
  CPLErrorReset ();
  CPLPushErrorHandler (CPLQuietErrorHandler);
  ds = driver != NULL ? GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL) : NULL;
  layer = ds != NULL ? GDALDatasetCreateLayer (ds, layer_name, srs, wkbMultiPolygon, (char **) layer_options) : NULL;
  if (layer == NULL)
    {
      g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_WRITE,
                   _("%s: cannot create the file (%s)"), path, CPLGetLastErrorMsg ());
      if (ds != NULL)
        GDALClose (ds);
      CPLPopErrorHandler ();
      return FALSE;
    }
  for (guint c = 0; c < n_columns && ok; c++)
    {
      OGRFieldDefnH fd = OGR_Fld_Create (columns[c].code,
                                         columns[c].type == COLUMN_TEXT ? OFTString :
                                         columns[c].type == COLUMN_REAL ? OFTReal : OFTInteger);

      if (columns[c].type == COLUMN_TEXT)
        OGR_Fld_SetWidth (fd, 40);
      else if (columns[c].type == COLUMN_REAL)
        {
          OGR_Fld_SetWidth (fd, 16);
          OGR_Fld_SetPrecision (fd, 2);
        }
      ok = OGR_L_CreateField (layer, fd, TRUE) == OGRERR_NONE;
      OGR_Fld_Destroy (fd);
    }
  defn = OGR_L_GetLayerDefn (layer);
  /* One transaction: a GeoPackage otherwise commits every feature. */
  if (format == FURROW_EXPORT_FORMAT_GEOPACKAGE)
    ok = OGR_L_StartTransaction (layer) == OGRERR_NONE;
  for (guint r = 0; r < rows->len && ok; r++)
    {
      Row *row = &g_array_index (rows, Row, r);
      OGRFeatureH f = OGR_F_Create (defn);

      for (guint c = 0; c < n_columns; c++)
        {
          if (row->text[c] == NULL)
            continue;
          if (columns[c].type == COLUMN_TEXT)
            OGR_F_SetFieldString (f, c, row->text[c]);
          else if (columns[c].type == COLUMN_REAL)
            OGR_F_SetFieldDouble (f, c, row->number[c]);
          else
            OGR_F_SetFieldInteger (f, c, (int) row->number[c]);
        }
      if (row->geometry != NULL && row->geometry->n_polygons > 0)
        {
          OGRGeometryH g = furrow_geometry_to_ogr (row->geometry);

          g = OGR_G_ForceToMultiPolygon (g);
          if (ct != NULL)
            OGR_G_Transform (g, ct);
          OGR_F_SetGeometryDirectly (f, g);
        }
      ok = OGR_L_CreateFeature (layer, f) == OGRERR_NONE;
      OGR_F_Destroy (f);
      if (ok && !tick (progress, r + 1, &cancelled))
        break;
    }
  if (cancelled != NULL)
    {
      GDALClose (ds);
      CPLPopErrorHandler ();
      g_propagate_error (error, g_steal_pointer (&cancelled));
      return FALSE;
    }
  if (format == FURROW_EXPORT_FORMAT_GEOPACKAGE && ok)
    ok = OGR_L_CommitTransaction (layer) == OGRERR_NONE;
  if (!ok)
    g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_WRITE,
                 _("%s: cannot write (%s)"), path, CPLGetLastErrorMsg ());

  CPLErrorReset ();
  GDALClose (ds);
  if (ok && CPLGetLastErrorType () >= CE_Failure)
    {
      g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_WRITE,
                   _("%s: cannot write (%s)"), path, CPLGetLastErrorMsg ());
      ok = FALSE;
    }
  /* Read back: GDAL's GeoJSON and KML drivers do not report a write that failed (a full disk
   * cut the file at 8 KiB and the export said every record was written; issue 12). */
  if (ok)
    ok = check_written (path, rows->len, error);
  CPLPopErrorHandler ();
  return ok;
}

gboolean
furrow_export_is_personal (FurrowExportLayer   layer,
                           FurrowExportOptions options)
{
  return layer == FURROW_EXPORT_LAYER_HOUSEHOLDS && !(options & FURROW_EXPORT_MASKED);
}

gboolean
furrow_export_with_options (FurrowStore          *store,
                            FurrowExportLayer     layer,
                            FurrowExportFormat    format,
                            FurrowExportOptions   options,
                            int                   zone,
                            const char           *path,
                            FurrowExportProgress  progress_func,
                            gpointer              progress_data,
                            GCancellable         *cancellable,
                            guint                *n_written,
                            int                  *epsg_out,
                            GError              **error)
{
  Progress progress = { progress_func, progress_data, cancellable, 0 };
  g_autoptr(GPtrArray) keep_alive = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(FurrowAtomicFile) file = NULL;
  g_autofree char *layer_name = NULL;
  gboolean is_register = format == FURROW_EXPORT_FORMAT_CSV || format == FURROW_EXPORT_FORMAT_XLSX;
  const Column *columns;
  guint n_columns;
  int epsg = 0;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Never over the project itself (docs/architecture.md, Opening, backup, check), nor with
   * one of the files a Shapefile writes beside its .shp: P.shp replaced a project P.dbf. */
  if (!furrow_store_check_output (store, path, error))
    return FALSE;
  if (format == FURROW_EXPORT_FORMAT_SHAPEFILE)
    {
      static const char *const companions[] = { "shx", "dbf", "prj", "cpg" };
      const char *dot = strrchr (path, '.');
      g_autofree char *stem = dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL
                              ? g_strndup (path, dot - path) : g_strdup (path);

      for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
        {
          g_autofree char *companion = g_strconcat (stem, ".", companions[i], NULL);

          if (!furrow_store_check_output (store, companion, error))
            return FALSE;
        }
    }
  if (layer == FURROW_EXPORT_LAYER_HOUSEHOLDS && !is_register)
    {
      g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_INVALID,
                   _("households have no polygons: export them as CSV or XLSX"));
      return FALSE;
    }
  if (zone != 0 && (zone < 25 || zone > 45))
    {
      g_set_error (error, FURROW_EXPORT_ERROR, FURROW_EXPORT_ERROR_INVALID,
                   _("zone %d is not a CGCS2000 3-degree Gauss–Krüger zone (25–45)"), zone);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  rows = collect_rows (store, layer, options, keep_alive);
  /* An unreadable table is damage, not an export of 0 records. */
  if (!furrow_store_check_damage (store, error))
    return FALSE;
  columns = layer_columns (layer, &n_columns);
  progress.total = rows->len;

  if (format == FURROW_EXPORT_FORMAT_GEOPACKAGE || format == FURROW_EXPORT_FORMAT_SHAPEFILE)
    {
      if (zone == 0 && !choose_zone (rows, &zone, error))
        return FALSE;
      epsg = 4513 + zone - 25;
    }
  else if (!is_register)
    epsg = 4326;

  /* Written beside `path` and moved over it only when whole (furrow-atomic-file.h): a
   * Shapefile's companion files move with it. */
  file = furrow_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  furrow_atomic_file_set_private (file, furrow_export_is_personal (layer, options));
  layer_name = g_path_get_basename (path);
  if (strrchr (layer_name, '.') != NULL)
    *strrchr (layer_name, '.') = '\0';

  switch (format)
    {
    case FURROW_EXPORT_FORMAT_CSV:
      ok = write_csv (file, columns, n_columns, rows, &progress, error);
      break;
    case FURROW_EXPORT_FORMAT_XLSX:
      ok = write_xlsx (furrow_atomic_file_get_path (file), columns, n_columns, rows, &progress,
                       error);
      break;
    case FURROW_EXPORT_FORMAT_GEOJSON:
    case FURROW_EXPORT_FORMAT_KML:
    case FURROW_EXPORT_FORMAT_GEOPACKAGE:
    case FURROW_EXPORT_FORMAT_SHAPEFILE:
    default:
      ok = write_ogr (furrow_atomic_file_get_path (file), format, layer_name, epsg, columns,
                      n_columns, rows, &progress, error);
      break;
    }
  /* The user chose PATH; the temporary file beside it is no name to tell them. */
  if (!ok && error != NULL && *error != NULL)
    {
      g_auto(GStrv) parts = g_strsplit ((*error)->message, furrow_atomic_file_get_path (file), -1);

      g_free ((*error)->message);
      (*error)->message = g_strjoinv (path, parts);
    }
  /* The last moment a cancel can still leave nothing behind. */
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && progress_func != NULL && rows->len == 0)
    progress_func (0, 0, progress_data);
  if (!ok || !furrow_atomic_file_commit (file, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = rows->len;
  if (epsg_out != NULL)
    *epsg_out = epsg;
  return TRUE;
}
