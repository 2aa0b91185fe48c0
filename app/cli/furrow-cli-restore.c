/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-json.h"
#include "furrow-store-restore.h"

/* The restore points of a project: furrow-cli restore-points lists them, furrow-cli restore goes
 * back to one (docs/architecture.md, Restore points). */

static char *
format_local_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: the date and time of a restore point, strftime format. */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M:%S"));
}

/* furrow-cli restore-points --project FILE [--json] */
int
furrow_cli_restore_points (int    argc,
                           char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— list the restore points of a project"));
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON };

  if (!furrow_cli_parse_options (context, NULL, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || argc != 1)
    return furrow_cli_usage (_("usage: furrow-cli restore-points --project FILE [--json]"));
  if (!g_file_test (o.project, G_FILE_TEST_IS_REGULAR))
    {
      furrow_cli_print_error (_("%s: no such file"), o.project);
      return 1;
    }

  points = furrow_restore_points_list (o.project, &error);
  if (points == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  if (o.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < points->len; i++)
        {
          FurrowRestorePoint *point = g_ptr_array_index (points, i);
          g_autofree char *time = g_date_time_format_iso8601 (point->time);

          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "id", point->id);
          furrow_json_add_string (builder, "time", time);
          furrow_json_add_string (builder, "reason",
                                  furrow_restore_reason_to_label (point->reason));
          furrow_json_add_int (builder, "size", (gint64) point->size);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      furrow_cli_print_json (builder, TRUE);
      return 0;
    }

  if (points->len == 0)
    {
      g_print (_("%s has no restore points yet.\n"), o.project);
      return 0;
    }
  for (guint i = 0; i < points->len; i++)
    {
      FurrowRestorePoint *point = g_ptr_array_index (points, i);
      g_autofree char *time = format_local_time (point->time);
      g_autofree char *size = g_format_size (point->size);

      g_print ("%-18s  %s  %-10s  %s\n", point->id, time, size,
               furrow_restore_reason_to_label (point->reason));
    }
  return 0;
}

/* furrow-cli restore --project FILE ID [--json] */
int
furrow_cli_restore (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("ID — bring a project back to one of its restore points"));
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON };
  const char *id;
  const char *kept;

  if (!furrow_cli_parse_options (context, NULL, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || argc != 2)
    return furrow_cli_usage (_("usage: furrow-cli restore --project FILE ID [--json]"));
  id = argv[1];

  store = furrow_store_open (o.project, &error);
  if (store == NULL && g_error_matches (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT))
    {
      /* A damaged project is replaced whole, its bytes kept as a point first
       * (docs/architecture.md, Restore points). */
      g_clear_error (&error);
      if (furrow_restore_points_restore_file (o.project, id, &error))
        store = furrow_store_open (o.project, &error);
      if (store == NULL)
        {
          furrow_cli_print_error ("%s", error->message);
          return 1;
        }
    }
  else if (store == NULL || !furrow_store_restore (store, id, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  /* The point just taken of the state before is now the newest. */
  points = furrow_restore_points_list (o.project, NULL);
  kept = points != NULL && points->len > 0 ?
    ((FurrowRestorePoint *) g_ptr_array_index (points, 0))->id : "";
  if (o.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "file", o.project);
      furrow_json_add_string (builder, "restored", id);
      furrow_json_add_string (builder, "kept", kept);
      furrow_json_add_int (builder, "fields", furrow_store_count_fields (store, NULL));
      furrow_json_add_int (builder, "households", furrow_store_count_households (store, NULL));
      furrow_json_add_int (builder, "parcels", furrow_store_count_parcels (store, NULL));
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
      return 0;
    }
  /* Translators: the counts are of custody fields, households and parcels; the last is the id
   * of the restore point of the state before. */
  g_print (_("Restored %s from restore point %s: %d fields, %d households, %d parcels. "
             "The state before is kept as restore point %s.\n"),
           o.project, id,
           (int) furrow_store_count_fields (store, NULL),
           (int) furrow_store_count_households (store, NULL),
           (int) furrow_store_count_parcels (store, NULL), kept);
  return 0;
}
