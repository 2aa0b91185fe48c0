/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading the records of the detected layer into FurrowImport* structs: attribute values
 * through the mapping, polygons reprojected to WGS84 lon/lat (and out of GCJ-02 on request).
 * Problems that concern a single record are collected here, so one run lists them all. */

#include "config.h"

#include "furrow-importer-private.h"

#include <glib/gi18n-lib.h>
#include <cpl_error.h>
#include <math.h>
#include <string.h>

#include "furrow-bank-account.h"
#include "furrow-gcj02.h"
#include "furrow-register.h"
#include "furrow-geodesy.h"
#include "furrow-ogr-geometry.h"
#include "furrow-validate.h"
#include "furrow-units.h"

#define DKBM_LENGTH  19
#define CBFBM_LENGTH 18

typedef struct
{
  FurrowImporter *self;
  OGRFeatureH     feature;
  gint64          index;
  const char     *code_name;   /* "DKBM" or "CBFBM" for messages */
  const char     *code;
  gboolean        failed;
  FurrowGeosContext *ctx;
} Row;

static void
row_problem (Row        *row,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
row_problem (Row        *row,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  furrow_importer_add_record_problem (row->self, row->index, row->code_name, row->code, "%s", message);
  row->failed = TRUE;
}

#define FURROW_IMPORT_MAX_TEXT_CHARS 1000

/* A control character in a value (furrow_register_check_text(), one line): a
 * name holding "\033[2J" clears the terminal `furrow-cli list` prints it on, and a tab or a
 * line break breaks the registers Furrow writes (issue 12, item 5). The value is never echoed:
 * it may be personal data; the character is named by its code point. */
static gboolean
check_controls (Row          *row,
                FurrowColumn  column,
                const char   *value,
                gsize         len)
{
  g_autofree char *what = NULL;
  g_autoptr(GError) error = NULL;

  /* Named only for the message: every value of every record passes here. */
  if (furrow_register_check_text (value, (gssize) len, FURROW_TEXT_LINE, "", NULL))
    return TRUE;
  what = g_strdup_printf (_("the %s (%s)"), furrow_column_get_code (column),
                          furrow_column_get_label (column));
  furrow_register_check_text (value, (gssize) len, FURROW_TEXT_LINE, what, &error);
  row_problem (row, "%s", error->message);
  return FALSE;
}

/* The text of a mapped column, spaces stripped, in the importer's string chunk; NULL when empty or
 * unmapped. */
static const char *
get_text (Row          *row,
          FurrowColumn  column)
{
  int i = row->self->mapping_index[column];
  const char *value;
  gsize len;

  if (i < 0 || !OGR_F_IsFieldSetAndNotNull (row->feature, i))
    return NULL;
  value = OGR_F_GetFieldAsString (row->feature, i);
  /* Spaces only: a tab or a line break at either end is a control character like any other
   * and refused below (a name "\t赵六" was imported as "赵六"). */
  while (*value == ' ')
    value++;
  len = strlen (value);
  while (len > 0 && value[len - 1] == ' ')
    len--;
  if (len == 0)
    return NULL;
  if (!g_utf8_validate (value, len, NULL))
    {
      /* Never echo the value: it may be personal data. */
      row_problem (row, _("the text in column %s is not valid %s; give the file’s encoding with --encoding"),
                   row->self->mapping.source[column], row->self->encoding);
      if (column == FURROW_COLUMN_DKMC || column == FURROW_COLUMN_NAME)
        {
          /* A name (no personal data) is kept as the wrong encoding shows it, so that the
           * import assistant's preview shows the garbled text a person recognises. */
          g_autofree char *shown = g_utf8_make_valid (value, len);

          return g_string_chunk_insert (row->self->strings, shown);
        }
      return NULL;
    }
  if (!check_controls (row, column, value, len))
    return NULL;
  /* A register value is a name, a code or a short note: a 3-million-character name imported
   * and then filled every list and page (issue 12). */
  if (g_utf8_strlen (value, len) > FURROW_IMPORT_MAX_TEXT_CHARS)
    {
      row_problem (row, _("the %s (%s) is %ld characters long; a value has at most %d"),
                   furrow_column_get_code (column), furrow_column_get_label (column),
                   (long) g_utf8_strlen (value, len), FURROW_IMPORT_MAX_TEXT_CHARS);
      return NULL;
    }
  return g_string_chunk_insert_len (row->self->strings, value, len);
}

/* A column as the person who made the file knows it: its header with the register code in
 * brackets, "承包方成员数量 (CBFCYSL)", or, when the header is the code itself, the column's name
 * in Furrow with the code, "Members (CBFCYSL)" (issue 12: never a bare code). In the importer's
 * string chunk. */
static const char *
column_name (Row          *row,
             FurrowColumn  column)
{
  const char *source = row->self->mapping.source[column];
  const char *code = furrow_column_get_code (column);
  g_autofree char *name = NULL;

  if (source == NULL || g_ascii_strcasecmp (source, code) == 0)
    source = furrow_column_get_label (column);
  /* Translators: a column of the user's file and its register code: "承包方成员数量 (CBFCYSL)" */
  name = g_strdup_printf (_("%s (%s)"), source, code);
  return g_string_chunk_insert_const (row->self->strings, name);
}

/* A number from a mapped column; NAN when empty or unmapped. */
static double
get_number (Row          *row,
            FurrowColumn  column)
{
  int i = row->self->mapping_index[column];
  OGRFieldType type;
  const char *text;
  char *end = NULL;
  double value;

  if (i < 0 || !OGR_F_IsFieldSetAndNotNull (row->feature, i))
    return NAN;
  type = OGR_Fld_GetType (OGR_F_GetFieldDefnRef (row->feature, i));
  if (type == OFTReal || type == OFTInteger || type == OFTInteger64)
    return OGR_F_GetFieldAsDouble (row->feature, i);

  text = get_text (row, column);
  if (text == NULL)
    return NAN;
  value = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == text || (end != NULL && *end != '\0') || !isfinite (value))
    {
      row_problem (row, _("%s “%s” is not a number"), column_name (row, column), text);
      return NAN;
    }
  return value;
}

static gboolean
is_digits (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static void
check_code (Row          *row,
            const char   *code,
            FurrowColumn  column,
            guint         length)
{
  if (code == NULL)
    {
      row_problem (row, _("the %s (%s) is empty"), furrow_column_get_code (column),
                   furrow_column_get_label (column));
      return;
    }
  if (g_utf8_strlen (code, -1) != length || !is_digits (code))
    row_problem (row, _("%s “%s” must be %u digits, not %ld characters"),
                 column_name (row, column), code, length,
                 (long) g_utf8_strlen (code, -1));
}

/* An area from a pair of columns, m² and mu; NAN when neither has a value. */
static double
get_area_m2 (Row          *row,
             FurrowColumn  m2_column,
             FurrowColumn  mu_column)
{
  double mu = get_number (row, mu_column);
  FurrowColumn column = mu_column;
  double m2;

  if (isnan (mu))
    {
      m2 = get_number (row, m2_column);
      column = m2_column;
      if (isnan (m2))
        return NAN;
    }
  else
    m2 = furrow_mu_to_m2 (mu);

  if (m2 < 0)
    row_problem (row, _("%s is negative (%g)"), column_name (row, column),
                 column == mu_column ? mu : m2);
  else if (m2 == 0)
    row_problem (row, _("%s is zero"), column_name (row, column));
  /* The household page's bound (furrow-register.h): 1e300 mu was stored, then multiplied
   * into fen (issue 12). */
  else if (m2 > furrow_mu_to_m2 (FURROW_REGISTER_MAX_PARCEL_MU))
    row_problem (row, _("%s is %g, more than a parcel holds (at most %g mu); check the "
                        "column’s unit"),
                 column_name (row, column), column == mu_column ? mu : m2,
                 FURROW_REGISTER_MAX_PARCEL_MU);
  return m2;
}

/* Geometry ---------------------------------------------------------------------------------- */

/* Geometry problems come from the validation module (furrow-validate.h), which words them
 * with the record's label and the location of the defect. */
static void
add_issues (Row       *row,
            GPtrArray *issues)
{
  g_autofree char *label = furrow_importer_format_label (row->self, row->index, row->code_name,
                                                         row->code);
  gsize label_len = strlen (label);

  for (guint i = 0; i < issues->len; i++)
    {
      FurrowValidationIssue *issue = g_ptr_array_index (issues, i);
      const char *reason = issue->message;

      /* The message starts with the record's label; the problem table shows the rest. */
      if (g_str_has_prefix (reason, label))
        {
          reason += label_len;
          while (*reason == ':' || *reason == ' ' || g_str_has_prefix (reason, "："))
            reason += *reason == ':' || *reason == ' ' ? 1 : strlen ("：");
        }
      furrow_importer_note_record_problem (row->self, issue->message, row->index, row->code,
                                           reason);
      g_ptr_array_add (row->self->problems, g_strdup (issue->message));
    }
  row->failed = TRUE;
}

static void
apply_gcj02 (FurrowGeometry *geometry)
{
  for (guint p = 0; p < geometry->n_polygons; p++)
    for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
      {
        FurrowRing *ring = &geometry->polygons[p].rings[r];

        for (guint i = 0; i < ring->n_points; i++)
          furrow_gcj02_to_wgs84 (ring->points[i].x, ring->points[i].y,
                                 &ring->points[i].x, &ring->points[i].y);
      }
}

static FurrowGeometry *
read_geometry (Row    *row,
               double *area_m2)
{
  OGRGeometryH geom = OGR_F_GetGeometryRef (row->feature);
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(FurrowGeometry) out = NULL;
  double measured_m2;

  if (geom != NULL && row->self->transform != NULL &&
      OGR_G_Transform (geom, row->self->transform) != OGRERR_NONE)
    {
      row_problem (row, _("the coordinates cannot be converted to longitude and latitude"));
      return NULL;
    }

  /* Most records are valid: their label (a translated printf) is made only for the messages
   * of one that is not, by validating it again. */
  issues = furrow_ogr_geometry_read (row->ctx, "", geom, &measured_m2, &out);
  if (issues->len > 0)
    {
      label = furrow_importer_format_label (row->self, row->index, row->code_name, row->code);
      g_clear_pointer (&issues, g_ptr_array_unref);
      issues = furrow_ogr_geometry_validate (row->ctx, label, geom);
      add_issues (row, issues);
      return NULL;
    }
  /* valid means at least one polygon: the geometry is there */
  g_assert (out != NULL);
  if (row->self->gcj02)
    {
      apply_gcj02 (out);
      label = furrow_importer_format_label (row->self, row->index, row->code_name, row->code);
      g_clear_pointer (&issues, g_ptr_array_unref);
      issues = furrow_validate_geometry (row->ctx, label, out);
      if (issues->len > 0)
        {
          add_issues (row, issues);
          return NULL;
        }
      measured_m2 = furrow_geodesy_area_m2 (out);
    }
  /* Validation measured it already, on the very points of the geometry. */
  if (area_m2 != NULL)
    *area_m2 = measured_m2;
  return g_steal_pointer (&out);
}

/* Records ----------------------------------------------------------------------------------- */

static int
get_members (Row *row)
{
  double members = get_number (row, FURROW_COLUMN_CBFCYSL);

  if (isnan (members))
    return -1;
  if (members < 0 || members > 1000 || members != floor (members))
    {
      row_problem (row, _("%s must be a whole number of members, not %g"),
                   column_name (row, FURROW_COLUMN_CBFCYSL), members);
      return -1;
    }
  return (int) members;
}

/* The ID number of a household, refused as the household page refuses it (a wrong GB 11643
 * check character is a typing mistake, issue 12); the message never repeats the number. */
static const char *
get_id_number (Row *row)
{
  const char *id_number = get_text (row, FURROW_COLUMN_CBFZJHM);
  g_autoptr(GError) error = NULL;

  if (id_number != NULL && !furrow_register_check_id_number (id_number, &error))
    {
      /* Translators: a column ("证件号码 (CBFZJHM)") and what is wrong with its value */
      row_problem (row, _("%s: %s"), column_name (row, FURROW_COLUMN_CBFZJHM), error->message);
      return NULL;
    }
  return id_number;
}

/* The payee account of a household (docs/domain.md, "Bank accounts"): the number refused as
 * the household page refuses it, never repeated in the message; kept as digits only. */
static void
get_account (Row                   *row,
             FurrowImportHousehold *h)
{
  const char *number = get_text (row, FURROW_COLUMN_YHZH);
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;

  h->bank = get_text (row, FURROW_COLUMN_KHYH);
  h->bank_branch = get_text (row, FURROW_COLUMN_KHWD);
  h->account_holder = get_text (row, FURROW_COLUMN_ZHMC);
  h->account = NULL;
  if (number == NULL)
    return;
  if (!furrow_bank_account_check (number, &error))
    {
      /* Translators: a column ("账号 (YHZH)") and what is wrong with its value */
      row_problem (row, _("%s: %s"), column_name (row, FURROW_COLUMN_YHZH), error->message);
      return;
    }
  digits = furrow_bank_account_normalize (number);
  h->account = g_string_chunk_insert (row->self->strings, digits);
}

static void
read_household (Row                   *row,
                FurrowImportHousehold *h)
{
  h->index = row->index;
  h->cbfbm = get_text (row, FURROW_COLUMN_CBFBM);
  row->code_name = "CBFBM";
  row->code = h->cbfbm;
  check_code (row, h->cbfbm, FURROW_COLUMN_CBFBM, CBFBM_LENGTH);
  h->name = get_text (row, FURROW_COLUMN_CBFMC);
  if (h->name == NULL && !row->failed)
    row_problem (row, _("the household head’s name (CBFMC) is empty"));
  h->id_number = get_id_number (row);
  h->phone = get_text (row, FURROW_COLUMN_LXDH);
  h->members = get_members (row);
  get_account (row, h);
}

static void
read_parcel (Row                *row,
             FurrowImportParcel *p)
{
  FurrowImporter *self = row->self;

  p->index = row->index;
  p->dkbm = get_text (row, FURROW_COLUMN_DKBM);
  row->code_name = "DKBM";
  row->code = p->dkbm;
  check_code (row, p->dkbm, FURROW_COLUMN_DKBM, DKBM_LENGTH);
  p->cbfbm = get_text (row, FURROW_COLUMN_CBFBM);
  if (p->cbfbm == NULL)
    row_problem (row, _("the household code (CBFBM) is empty"));
  else if (g_utf8_strlen (p->cbfbm, -1) != CBFBM_LENGTH || !is_digits (p->cbfbm))
    row_problem (row, _("%s “%s” must be %u digits, not %ld characters"),
                 column_name (row, FURROW_COLUMN_CBFBM), p->cbfbm, CBFBM_LENGTH,
                 (long) g_utf8_strlen (p->cbfbm, -1));
  p->name = get_text (row, FURROW_COLUMN_DKMC);
  p->category = get_text (row, FURROW_COLUMN_DKLB);
  p->land_use = get_text (row, FURROW_COLUMN_TDLYLX);
  p->land_grade = get_text (row, FURROW_COLUMN_DLDJ);
  p->neighbours[0] = get_text (row, FURROW_COLUMN_DKDZ);
  p->neighbours[1] = get_text (row, FURROW_COLUMN_DKXZ);
  p->neighbours[2] = get_text (row, FURROW_COLUMN_DKNZ);
  p->neighbours[3] = get_text (row, FURROW_COLUMN_DKBZ);
  p->registered_area_m2 = get_area_m2 (row, FURROW_COLUMN_HTMJ, FURROW_COLUMN_HTMJM);
  if (isnan (p->registered_area_m2) && !row->failed)
    row_problem (row, _("the contract area (HTMJM or HTMJ) is empty"));
  p->surveyed_area_m2 = get_area_m2 (row, FURROW_COLUMN_SCMJ, FURROW_COLUMN_SCMJM);
  p->measured_area_m2 = NAN;
  if (self->has_geometry)
    p->geometry = read_geometry (row, &p->measured_area_m2);
}

gboolean
furrow_import_read_records (FurrowImporter  *self,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(FurrowGeosContext) ctx = furrow_geos_context_new ();
  g_autoptr(GHashTable) embedded = NULL;   /* CBFBM → household index, for parcel files */
  gboolean table = !self->has_geometry;
  gboolean with_households;
  gint64 counter = 0;
  gint64 total;
  guint n_failed = 0;
  OGRFeatureH feature;

  with_households = self->kind == FURROW_IMPORT_KIND_PARCELS &&
                    self->mapping_index[FURROW_COLUMN_CBFMC] >= 0;
  if (with_households)
    embedded = g_hash_table_new (g_str_hash, g_str_equal);

  CPLErrorReset ();
  CPLPushErrorHandler (CPLQuietErrorHandler);
  OGR_L_ResetReading (self->layer);
  total = OGR_L_GetFeatureCount (self->layer, FALSE);
  if (self->limit > 0 && total > self->limit)
    total = self->limit;
  while ((self->limit == 0 || counter < self->limit) &&
         (feature = OGR_L_GetNextFeature (self->layer)) != NULL)
    {
      Row row = { self, feature, 0, NULL, NULL, FALSE, ctx };

      /* A person finds a spreadsheet record by its row (the header is row 1), a CSV record by
       * its line as a text editor numbers it, and a feature by its place in the file: feature 1
       * is the first (issue 12; OGR's ids start at 0 in a Shapefile or GeoJSON, at 1 in KML). */
      if (self->csv_lines != NULL && counter < self->csv_lines->len)
        row.index = g_array_index (self->csv_lines, guint, counter);   /* as an editor shows it */
      else
        row.index = table ? counter + 2 : counter + 1;
      counter++;

      switch (self->kind)
        {
        case FURROW_IMPORT_KIND_FIELDS:
          {
            FurrowImportField f = { row.index, get_text (&row, FURROW_COLUMN_NAME), NULL, NAN };

            if (f.name == NULL)
              f.name = get_text (&row, FURROW_COLUMN_DKMC);
            f.geometry = read_geometry (&row, &f.measured_area_m2);
            if (f.geometry != NULL && !(row.failed && self->skip_invalid))
              g_array_append_val (self->fields, f);
            else
              g_clear_pointer (&f.geometry, furrow_geometry_unref);
          }
          break;

        case FURROW_IMPORT_KIND_PARCELS:
          {
            FurrowImportParcel p = { 0, };

            read_parcel (&row, &p);
            if (row.failed && self->skip_invalid)
              {
                g_clear_pointer (&p.geometry, furrow_geometry_unref);
                break;
              }
            g_array_append_val (self->parcels, p);
            if (with_households && p.cbfbm != NULL &&
                !g_hash_table_contains (embedded, p.cbfbm))
              {
                FurrowImportHousehold h = { row.index, p.cbfbm, NULL, NULL, NULL, -1, };

                h.name = get_text (&row, FURROW_COLUMN_CBFMC);
                h.id_number = get_id_number (&row);
                h.phone = get_text (&row, FURROW_COLUMN_LXDH);
                h.members = get_members (&row);
                get_account (&row, &h);
                if (h.name != NULL)
                  {
                    g_hash_table_add (embedded, (gpointer) p.cbfbm);
                    g_array_append_val (self->households, h);
                  }
              }
          }
          break;

        case FURROW_IMPORT_KIND_HOUSEHOLDS:
          {
            FurrowImportHousehold h = { 0, };

            read_household (&row, &h);
            if (!(row.failed && self->skip_invalid))
              g_array_append_val (self->households, h);
          }
          break;

        case FURROW_IMPORT_KIND_AUTO:
        default:
          g_assert_not_reached ();
        }

      OGR_F_Destroy (feature);
      if (row.failed)
        n_failed++;

      /* Reading is the first half of an import (furrow_importer_get_progress()). */
      if ((counter & 255) == 0 && total > 0)
        furrow_importer_set_progress (self, 0.5 * counter / total);

      if ((counter & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        {
          CPLPopErrorHandler ();
          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CANCELLED,
                       _("%s: the import was cancelled"), self->display_name);
          return FALSE;
        }
    }
  CPLPopErrorHandler ();

  if (CPLGetLastErrorType () == CE_Failure)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, counter);

      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the file is damaged after record %s (%s)"),
                   self->display_name, number, CPLGetLastErrorMsg ());
      return FALSE;
    }
  if (counter == 0)
    {
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_OPEN,
                   _("%s: the file holds no records"), self->display_name);
      return FALSE;
    }
  if (self->problems->len > 0 && self->skip_invalid)
    {
      /* The bad records were left out above: keep what was wrong with them for the report. */
      g_ptr_array_extend_and_steal (self->skipped, g_steal_pointer (&self->problems));
      self->problems = g_ptr_array_new_with_free_func (g_free);
      self->n_skipped = n_failed;
    }
  if (self->problems->len > 0)
    {
      g_set_error_literal (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_INVALID, "");
      return FALSE;
    }
  furrow_importer_set_progress (self, 0.5);
  return TRUE;
}
