/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-json.h"
#include "furrow-store.h"
#include "furrow-units.h"

/* furrow-cli list --project FILE fields|parcels|households [--json]
 *
 * JSON: an array of objects with the codes, names and areas in m² and mu. Households carry the
 * number of parcels and their registered area; their phone and ID number are personal data and
 * are not listed. */

static void
add_area (JsonBuilder *builder,
          const char  *name,
          double       area_m2)
{
  g_autofree char *m2 = g_strconcat (name, "_m2", NULL);
  g_autofree char *mu = g_strconcat (name, "_mu", NULL);

  json_builder_set_member_name (builder, m2);
  json_builder_add_double_value (builder, area_m2);
  json_builder_set_member_name (builder, mu);
  json_builder_add_double_value (builder, furrow_m2_to_mu (area_m2));
}

static void
list_fields (FurrowStore *store,
             JsonBuilder *builder)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  guint n = g_list_model_get_n_items (fields);
  double registered_m2 = 0.0, measured_m2 = 0.0;

  if (builder == NULL)
    g_print ("%-8s %14s %14s  %s\n", _("Code"), _("Registered mu"), _("Measured mu"),
             _("Field name"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "code", furrow_field_get_code (field));
          furrow_json_add_string (builder, "name", furrow_field_get_name (field));
          furrow_json_add_string (builder, "custody",
                                  furrow_custody_to_string (furrow_field_get_custody (field)));
          add_area (builder, "registered_area", furrow_field_get_registered_area_m2 (field));
          add_area (builder, "measured_area", furrow_field_get_measured_area_m2 (field));
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *registered =
            furrow_format_mu (furrow_field_get_registered_area_m2 (field));
          g_autofree char *measured =
            furrow_format_mu (furrow_field_get_measured_area_m2 (field));

          g_print ("%-8s %14s %14s  %s\n", furrow_field_get_code (field), registered, measured,
                   furrow_field_get_name (field));
        }
      registered_m2 += furrow_field_get_registered_area_m2 (field);
      measured_m2 += furrow_field_get_measured_area_m2 (field);
    }
  if (builder == NULL)
    {
      g_autofree char *registered = furrow_format_mu (registered_m2);
      g_autofree char *measured = furrow_format_mu (measured_m2);

      g_print ("%-8s %14s %14s  ", _("Total"), registered, measured);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u field\n", "%u fields\n", n), n);
    }
}

static void
list_parcels (FurrowStore *store,
              JsonBuilder *builder)
{
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(GHashTable) field_codes = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (parcels);
  double registered_m2 = 0.0, measured_m2 = 0.0;

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      FurrowField *field = g_list_model_get_item (fields, i);
      gint64 id = furrow_field_get_id (field);

      g_ptr_array_add (keep, field);
      g_hash_table_insert (field_codes, g_memdup2 (&id, sizeof id),
                           (gpointer) furrow_field_get_code (field));
    }

  if (builder == NULL)
    g_print ("%-19s %-18s %-6s %14s %14s  %s\n", _("DKBM"), _("CBFBM"), _("Field"),
             _("Registered mu"), _("Measured mu"), _("Parcel name"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      gint64 field_id = furrow_parcel_get_field_id (parcel);
      const char *field_code = g_hash_table_lookup (field_codes, &field_id);

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "code", furrow_parcel_get_code (parcel));
          furrow_json_add_string (builder, "name", furrow_parcel_get_name (parcel));
          furrow_json_add_string (builder, "household_code",
                                  furrow_parcel_get_household_code (parcel));
          furrow_json_add_string (builder, "field_code", field_code);
          furrow_json_add_string (builder, "custody",
                                  furrow_custody_to_string (furrow_parcel_get_custody (parcel)));
          furrow_json_add_string (builder, "land_use", furrow_parcel_get_land_use (parcel));
          furrow_json_add_string (builder, "land_grade", furrow_parcel_get_land_grade (parcel));
          add_area (builder, "registered_area", furrow_parcel_get_registered_area_m2 (parcel));
          add_area (builder, "surveyed_area", furrow_parcel_get_surveyed_area_m2 (parcel));
          add_area (builder, "measured_area", furrow_parcel_get_measured_area_m2 (parcel));
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *registered =
            furrow_format_mu (furrow_parcel_get_registered_area_m2 (parcel));
          g_autofree char *measured =
            furrow_format_mu (furrow_parcel_get_measured_area_m2 (parcel));

          g_print ("%-19s %-18s %-6s %14s %14s  %s\n", furrow_parcel_get_code (parcel),
                   furrow_parcel_get_household_code (parcel), field_code ? field_code : "-",
                   registered, measured,
                   furrow_parcel_get_name (parcel) ? furrow_parcel_get_name (parcel) : "");
        }
      registered_m2 += furrow_parcel_get_registered_area_m2 (parcel);
      measured_m2 += furrow_parcel_get_measured_area_m2 (parcel);
    }
  if (builder == NULL)
    {
      g_autofree char *registered = furrow_format_mu (registered_m2);
      g_autofree char *measured = furrow_format_mu (measured_m2);

      g_print ("%-19s %-18s %-6s %14s %14s  ", _("Total"), "", "", registered, measured);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u parcel\n", "%u parcels\n", n), n);
    }
}

typedef struct
{
  guint  n_parcels;
  double registered_m2;
} HouseholdTotals;

static void
list_households (FurrowStore *store,
                 JsonBuilder *builder)
{
  g_autoptr(GListModel) households = furrow_store_get_households (store);
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (store);
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (households);

  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      const char *code = furrow_parcel_get_household_code (parcel);
      HouseholdTotals *sum = g_hash_table_lookup (totals, code);

      if (sum == NULL)
        {
          sum = g_new0 (HouseholdTotals, 1);
          g_hash_table_insert (totals, g_strdup (code), sum);
        }
      sum->n_parcels++;
      sum->registered_m2 += furrow_parcel_get_registered_area_m2 (parcel);
    }

  if (builder == NULL)
    g_print ("%-18s %8s %8s %14s  %s\n", _("CBFBM"), _("Members"), _("Parcels"),
             _("Registered mu"), _("Head of household"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);
      HouseholdTotals *sum = g_hash_table_lookup (totals, furrow_household_get_code (household));
      HouseholdTotals none = { 0, 0.0 };

      if (sum == NULL)
        sum = &none;
      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "code", furrow_household_get_code (household));
          furrow_json_add_string (builder, "name", furrow_household_get_name (household));
          json_builder_set_member_name (builder, "members");
          json_builder_add_int_value (builder, furrow_household_get_members (household));
          json_builder_set_member_name (builder, "parcels");
          json_builder_add_int_value (builder, sum->n_parcels);
          add_area (builder, "registered_area", sum->registered_m2);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *registered = furrow_format_mu (sum->registered_m2);

          g_print ("%-18s %8u %8u %14s  %s\n", furrow_household_get_code (household),
                   furrow_household_get_members (household), sum->n_parcels, registered,
                   furrow_household_get_name (household));
        }
    }
  if (builder == NULL)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u household\n", "%u households\n", n), n);
}

int
furrow_cli_list (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("fields|parcels|households — list the land register of a project"));
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON };
  const char *what;

  if (!furrow_cli_parse_options (context, NULL, &o, &argc, &argv))
    return 2;
  what = argc == 2 ? argv[1] : NULL;
  if (o.project == NULL || what == NULL ||
      !(g_str_equal (what, "fields") || g_str_equal (what, "parcels") ||
        g_str_equal (what, "households")))
    return furrow_cli_usage (_("usage: furrow-cli list --project FILE "
                               "fields|parcels|households [--json]"));

  store = furrow_store_open (o.project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  /* Read the register first: a table that cannot be read is damage, never "0 parcels"
   * (docs/architecture.md, Opening, backup, check). */
  g_object_unref (furrow_store_get_fields (store));
  g_object_unref (furrow_store_get_parcels (store));
  g_object_unref (furrow_store_get_households (store));
  if (!furrow_store_check_damage (store, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }

  if (o.json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  if (g_str_equal (what, "fields"))
    list_fields (store, builder);
  else if (g_str_equal (what, "parcels"))
    list_parcels (store, builder);
  else
    list_households (store, builder);

  if (o.json)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }
  return 0;
}
