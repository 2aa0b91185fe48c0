/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-cli-fields.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "furrow-cli.h"
#include "furrow-field.h"
#include "furrow-polygon-file.h"
#include "furrow-store.h"
#include "furrow-store-yield.h"

static gboolean
add_field (GPtrArray   *fields,
           GPtrArray   *labels,
           FurrowField *field,
           const char  *project,
           GError     **error)
{
  FurrowGeometry *g = furrow_field_get_geometry (field);

  if (g == NULL || g->n_polygons == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: field %s has no outline to plan in"), project,
                   furrow_field_get_code (field));
      return FALSE;
    }
  g_ptr_array_add (fields, furrow_geometry_ref (g));
  g_ptr_array_add (labels, g_strdup (furrow_field_get_code (field)));
  return TRUE;
}

GPtrArray *
furrow_cli_read_fields (const char  *file,
                        const char  *project,
                        const char  *field_code,
                        GPtrArray  **labels,
                        GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (
    (GDestroyNotify) furrow_geometry_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (project != NULL)
    {
      g_autoptr(FurrowStore) store = furrow_store_open (project, error);

      if (store == NULL)
        return NULL;
      if (field_code != NULL)
        {
          g_autoptr(FurrowField) field = furrow_store_find_field (store, field_code);

          if (field == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("%s: no field with the code “%s”"), project, field_code);
              return NULL;
            }
          if (!add_field (fields, names, field, project, error))
            return NULL;
        }
      else
        {
          g_autoptr(GListModel) model = furrow_store_get_fields (store);

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(FurrowField) field = g_list_model_get_item (model, i);

              if (!add_field (fields, names, field, project, error))
                return NULL;
            }
          if (fields->len == 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("%s: the project has no fields"), project);
              return NULL;
            }
        }
    }
  else
    {
      g_autoptr(GPtrArray) features = furrow_polygon_file_read (file, error);

      if (features == NULL)
        return NULL;
      for (guint i = 0; i < features->len; i++)
        {
          FurrowPolygonFeature *f = g_ptr_array_index (features, i);

          g_ptr_array_add (fields, furrow_geometry_ref (f->geometry));
          g_ptr_array_add (names, g_strdup_printf ("%u", i));
        }
    }

  if (labels != NULL)
    *labels = g_steal_pointer (&names);
  return g_steal_pointer (&fields);
}

gboolean
furrow_cli_fields_check_args (const char  *command,
                              int          argc,
                              char       **argv,
                              const char  *project,
                              const char  *field_code,
                              gboolean     all,
                              const char **file)
{
  *file = NULL;
  if (project != NULL)
    {
      if (argc != 1 || (field_code != NULL) == all)
        {
          furrow_cli_print_error (_("%s --project FILE takes --field CODE or --all, and no "
                                    "other file; run “furrow-cli %s --help”"), command, command);
          return FALSE;
        }
      return TRUE;
    }
  if (argc != 2 || field_code != NULL || all)
    {
      furrow_cli_print_error (_("%s takes one FILE (or --project FILE with --field CODE or "
                                "--all); run “furrow-cli %s --help”"), command, command);
      return FALSE;
    }
  *file = argv[1];
  return TRUE;
}

gboolean
furrow_cli_yield_model (const char        *project,
                        const char        *name,
                        FurrowYieldModel  *out,
                        GError           **error)
{
  g_autoptr(FurrowStore) store = NULL;

  if (project == NULL || furrow_yield_model_preset (name, out, NULL))
    return furrow_yield_model_preset (name, out, error);
  store = furrow_store_open (project, error);
  if (store == NULL)
    return FALSE;
  return furrow_store_lookup_yield_model (store, name, out, error);
}
