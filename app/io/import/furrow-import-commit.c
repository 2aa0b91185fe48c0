/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writing what was read into a project: checks against the project first (duplicate codes,
 * a parcel's household), then every record in one store transaction (docs/architecture.md: an
 * import lands whole or not at all). */

#include "config.h"

#include "furrow-importer-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "furrow-store.h"

/* The household codes of the project, in one pass over its households. */
static GHashTable *
project_household_codes (FurrowImporter *self,
                         FurrowStore    *store)
{
  GHashTable *codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) households = NULL;

  if (furrow_store_count_households (store, NULL) <= 0)
    return codes;
  households = furrow_store_get_households (store);
  for (guint i = 0; i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) h = g_list_model_get_item (households, i);

      g_hash_table_add (codes, g_string_chunk_insert (self->strings, furrow_household_get_code (h)));
    }
  return codes;
}

static void
check_against_project (FurrowImporter *self,
                       FurrowStore    *store,
                       GHashTable     *existing_households)
{
  g_autoptr(GHashTable) file_households = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) project_households = project_household_codes (self, store);
  gboolean has_parcels = furrow_store_count_parcels (store, NULL) > 0;

  for (guint i = 0; i < self->households->len; i++)
    {
      FurrowImportHousehold *h = &g_array_index (self->households, FurrowImportHousehold, i);

      g_hash_table_add (file_households, (gpointer) h->cbfbm);
      if (!g_hash_table_contains (project_households, h->cbfbm))
        continue;
      if (self->kind == FURROW_IMPORT_KIND_HOUSEHOLDS)
        furrow_importer_add_record_problem (self, h->index, "CBFBM", h->cbfbm,
                                            _("the household code is already in the project"));
      else
        /* A parcel register names its households: those the project has are referred to. */
        g_hash_table_add (existing_households, (gpointer) h->cbfbm);
    }

  for (guint i = 0; i < self->parcels->len; i++)
    {
      FurrowImportParcel *p = &g_array_index (self->parcels, FurrowImportParcel, i);
      g_autoptr(FurrowParcel) found = NULL;

      if (has_parcels && (found = furrow_store_find_parcel (store, p->dkbm)) != NULL)
        furrow_importer_add_record_problem (self, p->index, "DKBM", p->dkbm,
                                            _("the parcel code is already in the project"));
      if (!g_hash_table_contains (file_households, p->cbfbm) &&
          !g_hash_table_contains (project_households, p->cbfbm))
        furrow_importer_add_record_problem (self, p->index, "DKBM", p->dkbm,
                                            _("the household %s is neither in the file nor in the project"),
                                            p->cbfbm);
    }
}

static void
assign_fields (FurrowImporter *self,
               FurrowStore    *store)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gint64 *ids = NULL;
  g_autofree const FurrowGeometry **geometries = NULL;
  guint n;

  if (self->parcels->len == 0 || furrow_store_count_fields (store, NULL) <= 0)
    return;
  fields = furrow_store_get_fields (store);
  n = g_list_model_get_n_items (fields);
  ids = g_new0 (gint64, MAX (n, 1));
  geometries = g_new0 (const FurrowGeometry *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      FurrowField *field = g_list_model_get_item (fields, i);

      g_ptr_array_add (owned, field);
      ids[i] = furrow_field_get_id (field);
      geometries[i] = furrow_field_get_geometry (field);
    }
  furrow_importer_assign_fields (self, ids, geometries, n);
}

/* A field code the project does not have yet: T01, T02 … as the demo numbers them. */
static char *
next_field_code (FurrowStore *store,
                 guint       *counter)
{
  for (;;)
    {
      g_autofree char *code = g_strdup_printf ("T%02u", ++*counter);
      g_autoptr(FurrowField) existing = furrow_store_find_field (store, code);

      if (existing == NULL)
        return g_steal_pointer (&code);
    }
}

static gboolean
write_records (FurrowImporter *self,
               FurrowStore    *store,
               GHashTable     *existing_households,
               GCancellable   *cancellable,
               GError        **error)
{
  guint counter = MAX (furrow_store_count_fields (store, NULL), 0);

  for (guint i = 0; i < self->households->len; i++)
    {
      FurrowImportHousehold *h = &g_array_index (self->households, FurrowImportHousehold, i);
      g_autoptr(FurrowHousehold) household = NULL;
      g_autoptr(GError) local = NULL;

      if (g_hash_table_contains (existing_households, h->cbfbm))
        continue;
      household = furrow_household_new ();
      furrow_household_set_code (household, h->cbfbm);
      furrow_household_set_name (household, h->name);
      if (h->members >= 0)
        furrow_household_set_members (household, h->members);
      furrow_household_set_phone (household, h->phone);
      furrow_household_set_id_number (household, h->id_number);
      furrow_household_set_bank (household, h->bank);
      furrow_household_set_bank_branch (household, h->bank_branch);
      furrow_household_set_account_number (household, h->account);
      furrow_household_set_account_holder (household, h->account_holder);
      if (!furrow_store_add_household (store, household, &local))
        {
          furrow_importer_add_record_problem (self, h->index, "CBFBM", h->cbfbm, "%s", local->message);
          return FALSE;
        }
      self->n_written[2]++;
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      FurrowImportField *f = &g_array_index (self->fields, FurrowImportField, i);
      g_autoptr(FurrowField) field = furrow_field_new ();
      g_autofree char *code = next_field_code (store, &counter);
      g_autoptr(GError) local = NULL;

      furrow_field_set_code (field, code);
      furrow_field_set_name (field, f->name != NULL ? f->name : code);
      furrow_field_set_geometry (field, f->geometry);
      if (!furrow_store_add_field (store, field, &local))
        {
          furrow_importer_add_record_problem (self, f->index, NULL, NULL, "%s", local->message);
          return FALSE;
        }
      self->n_written[0]++;
    }

  for (guint i = 0; i < self->parcels->len; i++)
    {
      FurrowImportParcel *p = &g_array_index (self->parcels, FurrowImportParcel, i);
      g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
      g_autoptr(GError) local = NULL;

      furrow_parcel_set_code (parcel, p->dkbm);
      furrow_parcel_set_household_code (parcel, p->cbfbm);
      furrow_parcel_set_name (parcel, p->name);
      furrow_parcel_set_field_id (parcel, p->field_id);
      if (p->geometry != NULL)
        furrow_parcel_set_measured_geometry (parcel, p->geometry, p->measured_area_m2);
      furrow_parcel_set_registered_area_m2 (parcel, p->registered_area_m2);
      if (!isnan (p->surveyed_area_m2))
        furrow_parcel_set_surveyed_area_m2 (parcel, p->surveyed_area_m2);
      furrow_parcel_set_land_use (parcel, p->land_use);
      furrow_parcel_set_land_grade (parcel, p->land_grade);
      furrow_parcel_set_neighbour_east (parcel, p->neighbours[0]);
      furrow_parcel_set_neighbour_west (parcel, p->neighbours[1]);
      furrow_parcel_set_neighbour_south (parcel, p->neighbours[2]);
      furrow_parcel_set_neighbour_north (parcel, p->neighbours[3]);
      if (!furrow_store_add_parcel (store, parcel, &local))
        {
          furrow_importer_add_record_problem (self, p->index, "DKBM", p->dkbm, "%s", local->message);
          return FALSE;
        }
      self->n_written[1]++;
      if ((i & 255) == 255)
        furrow_importer_set_progress (self, 0.5 + 0.5 * (i + 1) / self->parcels->len);
      if ((i & 1023) == 1023 && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CANCELLED,
                       _("%s: the import was cancelled"), self->display_name);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
furrow_importer_commit (FurrowImporter  *self,
                        FurrowStore     *store,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(GHashTable) existing_households = g_hash_table_new (g_str_hash, g_str_equal);
  GError *local = NULL;

  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);

  g_ptr_array_set_size (self->problems, 0);
  memset (self->n_written, 0, sizeof self->n_written);
  check_against_project (self, store, existing_households);
  if (self->problems->len > 0)
    return furrow_importer_fail_with_problems (self, error);

  assign_fields (self, store);

  /* Everything was checked: the first failure ends the import, no savepoint per record. */
  if (!furrow_store_begin_import (store, self->display_name, &local))
    {
      g_ptr_array_add (self->problems, g_strdup (local->message));
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!write_records (self, store, existing_households, cancellable, &local))
    {
      furrow_store_rollback (store);
      memset (self->n_written, 0, sizeof self->n_written);
      if (local != NULL)
        {
          g_ptr_array_add (self->problems, g_strdup (local->message));
          g_propagate_error (error, local);
          return FALSE;
        }
      return furrow_importer_fail_with_problems (self, error);
    }
  if (!furrow_store_commit (store, &local))
    {
      memset (self->n_written, 0, sizeof self->n_written);
      g_ptr_array_add (self->problems, g_strdup (local->message));
      g_propagate_error (error, local);
      return FALSE;
    }
  furrow_importer_set_progress (self, 1.0);
  return TRUE;
}

void
furrow_importer_get_written (FurrowImporter *self,
                             guint          *n_fields,
                             guint          *n_parcels,
                             guint          *n_households)
{
  g_return_if_fail (FURROW_IS_IMPORTER (self));
  if (n_fields != NULL)
    *n_fields = self->n_written[0];
  if (n_parcels != NULL)
    *n_parcels = self->n_written[1];
  if (n_households != NULL)
    *n_households = self->n_written[2];
}

/* The whole import in a worker thread (docs/architecture.md: long work runs in a GTask thread with
 * its own SQLite connection): open (when not done yet), read, open the project, commit. */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FurrowImporter *self = source_object;
  const char *project_path = task_data;
  g_autoptr(FurrowStore) store = NULL;
  GError *error = NULL;

  if ((self->layer == NULL && !furrow_importer_open (self, &error)) ||
      !furrow_importer_read (self, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_file_test (project_path, G_FILE_TEST_EXISTS))
    store = furrow_store_open (project_path, &error);
  else
    store = furrow_store_create (project_path, &error);
  if (store == NULL)
    {
      g_ptr_array_add (self->problems, g_strdup (error->message));
      g_task_return_error (task, error);
      return;
    }
  if (!furrow_importer_commit (self, store, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
furrow_importer_import_async (FurrowImporter      *self,
                              const char          *project_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FURROW_IS_IMPORTER (self));
  g_return_if_fail (project_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, furrow_importer_import_async);
  g_task_set_task_data (task, g_strdup (project_path), g_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
furrow_importer_import_finish (FurrowImporter  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (FURROW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
