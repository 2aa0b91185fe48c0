/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-importer-private.h"
#include "furrow-importer-testing.h"

#include <glib/gi18n-lib.h>
#include <cpl_vsi.h>
#include <math.h>


G_DEFINE_QUARK (furrow-import-error-quark, furrow_import_error)

G_DEFINE_FINAL_TYPE (FurrowImporter, furrow_importer, G_TYPE_OBJECT)

static void
clear_field (gpointer data)
{
  FurrowImportField *f = data;

  g_clear_pointer (&f->geometry, furrow_geometry_unref);
}

static void
clear_parcel (gpointer data)
{
  FurrowImportParcel *p = data;

  g_clear_pointer (&p->geometry, furrow_geometry_unref);
}

static void
free_problem_record (gpointer data)
{
  FurrowImportProblemRecord *record = data;

  g_free (record->code);
  g_free (record->reason);
  g_free (record);
}

static void
furrow_importer_reset_records (FurrowImporter *self)
{
  g_array_set_size (self->fields, 0);
  g_array_set_size (self->parcels, 0);
  g_array_set_size (self->households, 0);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  self->strings = g_string_chunk_new (64 * 1024);
  g_hash_table_remove_all (self->problem_records);
  g_ptr_array_set_size (self->skipped, 0);
  self->n_skipped = 0;
  g_atomic_int_set (&self->progress, 0);
}

static void
furrow_importer_close (FurrowImporter *self)
{
  g_clear_pointer (&self->transform, OCTDestroyCoordinateTransformation);
  self->layer = NULL;
  g_clear_pointer (&self->dataset, GDALClose);
  if (self->vsimem_copy != NULL)
    {
      VSIUnlink (self->vsimem_copy);
      g_clear_pointer (&self->vsimem_copy, g_free);
    }
}

static void
furrow_importer_finalize (GObject *object)
{
  FurrowImporter *self = FURROW_IMPORTER (object);

  furrow_importer_close (self);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->parcels, g_array_unref);
  g_clear_pointer (&self->households, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problem_records, g_hash_table_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->csv_lines, g_array_unref);
  for (guint i = 0; i < FURROW_N_COLUMNS; i++)
    g_clear_pointer (&self->mapping.source[i], g_free);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self->gdal_path);
  g_free (self->encoding_override);
  g_free (self->encoding);

  G_OBJECT_CLASS (furrow_importer_parent_class)->finalize (object);
}

static void
furrow_importer_class_init (FurrowImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_importer_finalize;
  GDALAllRegister ();
}

static void
furrow_importer_init (FurrowImporter *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (FurrowImportField));
  g_array_set_clear_func (self->fields, clear_field);
  self->parcels = g_array_new (FALSE, TRUE, sizeof (FurrowImportParcel));
  g_array_set_clear_func (self->parcels, clear_parcel);
  self->households = g_array_new (FALSE, TRUE, sizeof (FurrowImportHousehold));
  self->strings = g_string_chunk_new (64 * 1024);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->problem_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 free_problem_record);
  self->skipped = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < FURROW_N_COLUMNS; i++)
    self->mapping_index[i] = -1;
}

FurrowImporter *
furrow_importer_new (const char *path)
{
  FurrowImporter *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FURROW_TYPE_IMPORTER, NULL);
  self->path = g_strdup (path);
  self->display_name = g_path_get_basename (path);
  return self;
}

void
furrow_importer_set_kind (FurrowImporter   *self,
                          FurrowImportKind  kind)
{
  g_return_if_fail (FURROW_IS_IMPORTER (self));
  self->kind_override = kind;
}

void
furrow_importer_set_crs_epsg (FurrowImporter *self,
                              int             epsg)
{
  g_return_if_fail (FURROW_IS_IMPORTER (self));
  self->epsg_override = epsg;
}

void
furrow_importer_set_encoding (FurrowImporter *self,
                              const char     *encoding)
{
  g_return_if_fail (FURROW_IS_IMPORTER (self));
  g_free (self->encoding_override);
  self->encoding_override = (encoding != NULL && *encoding != '\0') ? g_strdup (encoding) : NULL;
}

void
furrow_importer_set_gcj02 (FurrowImporter *self,
                           gboolean        gcj02)
{
  g_return_if_fail (FURROW_IS_IMPORTER (self));
  self->gcj02 = !!gcj02;
}

FurrowImportFormat
furrow_importer_get_format (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FURROW_IMPORT_FORMAT_UNKNOWN);
  return self->format;
}

gboolean
furrow_importer_has_geometry (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FALSE);
  return self->has_geometry;
}

gboolean
furrow_import_column_applies (FurrowImportKind kind,
                              FurrowColumn     column)
{
  switch (kind)
    {
    case FURROW_IMPORT_KIND_HOUSEHOLDS:
      return column == FURROW_COLUMN_CBFBM || column == FURROW_COLUMN_CBFMC ||
             column == FURROW_COLUMN_CBFZJHM || column == FURROW_COLUMN_LXDH ||
             column == FURROW_COLUMN_CBFCYSL || column == FURROW_COLUMN_KHYH ||
             column == FURROW_COLUMN_KHWD || column == FURROW_COLUMN_YHZH ||
             column == FURROW_COLUMN_ZHMC;
    case FURROW_IMPORT_KIND_FIELDS:
      return column == FURROW_COLUMN_NAME || column == FURROW_COLUMN_DKMC;
    case FURROW_IMPORT_KIND_PARCELS:
      return column != FURROW_COLUMN_NAME;
    case FURROW_IMPORT_KIND_AUTO:
    default:
      return TRUE;   /* not decided yet: every column may feed something */
    }
}

FurrowImportKind
furrow_importer_get_kind (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FURROW_IMPORT_KIND_AUTO);
  return self->kind;
}

const char *
furrow_importer_get_display_name (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);
  return self->display_name;
}

const char *
furrow_importer_get_encoding (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);
  return self->encoding;
}

int
furrow_importer_get_crs_epsg (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), 0);
  return self->epsg;
}

const char * const *
furrow_importer_get_columns (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);
  return (const char * const *) self->columns;
}

const FurrowImportMapping *
furrow_importer_get_mapping (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);
  return &self->mapping;
}

gboolean
furrow_importer_set_mapping (FurrowImporter *self,
                             FurrowColumn    column,
                             const char     *source)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (column < FURROW_N_COLUMNS, FALSE);

  if (source != NULL && (self->columns == NULL || !g_strv_contains ((const char * const *) self->columns, source)))
    return FALSE;
  g_free (self->mapping.source[column]);
  self->mapping.source[column] = g_strdup (source);
  return TRUE;
}

const FurrowImportField *
furrow_importer_get_fields (FurrowImporter *self,
                            guint          *n_fields)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);
  if (n_fields != NULL)
    *n_fields = self->fields->len;
  return (const FurrowImportField *) (gpointer) self->fields->data;
}

const FurrowImportParcel *
furrow_importer_get_parcels (FurrowImporter *self,
                             guint          *n_parcels)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);

  if (n_parcels != NULL)
    *n_parcels = self->parcels->len;
  return (const FurrowImportParcel *) (gpointer) self->parcels->data;
}

const FurrowImportHousehold *
furrow_importer_get_households (FurrowImporter *self,
                                guint          *n_households)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);
  if (n_households != NULL)
    *n_households = self->households->len;
  return (const FurrowImportHousehold *) (gpointer) self->households->data;
}

GPtrArray *
furrow_importer_get_problems (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);
  return self->problems;
}

/* Problems ----------------------------------------------------------------------------- */

void
furrow_importer_add_problem (FurrowImporter *self,
                             const char     *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: a problem with a whole file: "parcels.shp: the .dbf file is missing" */
  g_ptr_array_add (self->problems, g_strdup_printf (_("%s: %s"), self->display_name, message));
}

gboolean
furrow_importer_is_table (FurrowImporter *self)
{
  return self->format == FURROW_IMPORT_FORMAT_CSV || self->format == FURROW_IMPORT_FORMAT_XLSX;
}

char *
furrow_importer_format_label (FurrowImporter *self,
                              gint64          index,
                              const char     *code_name,
                              const char     *code)
{
  char number[32];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, index);
  if (code != NULL && *code != '\0')
    return furrow_importer_is_table (self)
      /* TRANSLATORS: file, row number, code name (DKBM/CBFBM), code */
      ? g_strdup_printf (_("%s row %s (%s %s)"), self->display_name, number, code_name, code)
      /* TRANSLATORS: file, feature number, code name (DKBM/CBFBM), code */
      : g_strdup_printf (_("%s feature %s (%s %s)"), self->display_name, number, code_name, code);
  return furrow_importer_is_table (self)
    ? g_strdup_printf (_("%s row %s"), self->display_name, number)
    : g_strdup_printf (_("%s feature %s"), self->display_name, number);
}

void
furrow_importer_add_record_problem (FurrowImporter *self,
                                    gint64          index,
                                    const char     *code_name,
                                    const char     *code,
                                    const char     *format,
                                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *label = furrow_importer_format_label (self, index, code_name, code);
  g_autofree char *full = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a record's label ("parcels.shp feature 12 (DKBM …)") and its problem */
  full = g_strdup_printf (_("%s: %s"), label, message);
  furrow_importer_note_record_problem (self, full, index, code, message);
  g_ptr_array_add (self->problems, g_steal_pointer (&full));
}

void
furrow_importer_note_record_problem (FurrowImporter *self,
                                     const char     *message,
                                     gint64          index,
                                     const char     *code,
                                     const char     *reason)
{
  FurrowImportProblemRecord *record = g_new0 (FurrowImportProblemRecord, 1);

  record->index = index;
  record->code = code != NULL && *code != '\0' ? g_strdup (code) : NULL;
  record->reason = g_strdup (reason);
  g_hash_table_replace (self->problem_records, g_strdup (message), record);
}

gboolean
furrow_importer_get_problem_record (FurrowImporter  *self,
                                    const char      *message,
                                    gint64          *index,
                                    const char     **code,
                                    const char     **reason)
{
  FurrowImportProblemRecord *record;

  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  record = g_hash_table_lookup (self->problem_records, message);
  if (index != NULL)
    *index = record != NULL ? record->index : -1;
  if (code != NULL)
    *code = record != NULL ? record->code : NULL;
  if (reason != NULL)
    *reason = record != NULL ? record->reason : message;
  return record != NULL;
}

void
furrow_importer_set_skip_invalid (FurrowImporter *self,
                                  gboolean        skip_invalid)
{
  g_return_if_fail (FURROW_IS_IMPORTER (self));
  self->skip_invalid = !!skip_invalid;
}

void
furrow_importer_set_limit (FurrowImporter *self,
                           guint           n_records)
{
  g_return_if_fail (FURROW_IS_IMPORTER (self));
  self->limit = n_records;
}

guint
furrow_importer_get_n_skipped (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), 0);
  return self->n_skipped;
}

GPtrArray *
furrow_importer_get_skipped (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), NULL);
  return self->skipped;
}

void
furrow_importer_set_progress (FurrowImporter *self,
                              double          fraction)
{
  g_atomic_int_set (&self->progress, (int) (CLAMP (fraction, 0.0, 1.0) * 1000.0));
}

double
furrow_importer_get_progress (FurrowImporter *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), 0.0);
  return g_atomic_int_get (&self->progress) / 1000.0;
}

gboolean
furrow_importer_fail_with_problems (FurrowImporter *self,
                                    GError        **error)
{
  g_assert (self->problems->len > 0);

  if (self->problems->len == 1)
    g_set_error_literal (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_INVALID,
                         g_ptr_array_index (self->problems, 0));
  else
    g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_INVALID,
                 ngettext ("%s: %u problem, nothing was imported",
                           "%s: %u problems, nothing was imported", self->problems->len),
                 self->display_name, self->problems->len);
  return FALSE;
}

/* A file-level failure: one problem, also the GError. */
static gboolean
propagate_file_error (FurrowImporter *self,
                      GError         *local,
                      GError        **error)
{
  if (self->problems->len == 0)
    g_ptr_array_add (self->problems, g_strdup (local->message));
  g_propagate_error (error, local);
  return FALSE;
}

/* Steps -------------------------------------------------------------------------------- */

gboolean
furrow_importer_open (FurrowImporter  *self,
                      GError         **error)
{
  GError *local = NULL;

  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FALSE);

  furrow_importer_close (self);
  g_ptr_array_set_size (self->problems, 0);
  g_clear_pointer (&self->columns, g_strfreev);

  if (!furrow_import_detect_format (self, &local) ||
      !furrow_import_detect_encoding (self, &local) ||
      !furrow_import_open_dataset (self, &local) ||
      !furrow_import_detect_crs (self, &local))
    {
      furrow_importer_close (self);
      return propagate_file_error (self, local, error);
    }

  furrow_import_detect_mapping (self);
  return TRUE;
}

gboolean
furrow_importer_read (FurrowImporter  *self,
                      GCancellable    *cancellable,
                      GError         **error)
{
  GError *local = NULL;

  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->layer != NULL, FALSE);

  g_ptr_array_set_size (self->problems, 0);
  furrow_importer_reset_records (self);

  if (!furrow_import_resolve_mapping (self, &local))
    return propagate_file_error (self, local, error);

  if (!furrow_import_read_records (self, cancellable, &local))
    {
      if (self->problems->len > 0 && local->code == FURROW_IMPORT_ERROR_INVALID)
        {
          g_clear_error (&local);
          return furrow_importer_fail_with_problems (self, error);
        }
      return propagate_file_error (self, local, error);
    }

  if (self->problems->len > 0)
    return furrow_importer_fail_with_problems (self, error);

  return furrow_import_check_records (self, error);
}
