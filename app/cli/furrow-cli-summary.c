/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-json.h"
#include "furrow-store-county.h"
#include "furrow-units.h"

/* furrow-cli summary --server URI [--year YEAR] [--json] (docs/architecture.md, The backend
 * seam, The county view; README, A custody centre's server): one row per cooperative of the
 * server and the totals, each figure the one the cooperative's own commands give. */

static void
add_row (JsonBuilder           *builder,
         const FurrowCountyRow *row)
{
  json_builder_begin_object (builder);
  if (row->code != NULL)
    {
      furrow_json_add_string (builder, "cooperative", row->code);
      furrow_json_add_string (builder, "name", row->name);
    }
  furrow_json_add_int (builder, "fields", row->fields);
  furrow_json_add_int (builder, "households", row->households);
  furrow_json_add_int (builder, "parcels", row->parcels);
  furrow_json_add_double (builder, "custody_area_m2", row->custody_area_m2);
  furrow_json_add_double (builder, "custody_area_mu", furrow_m2_to_mu (row->custody_area_m2));
  furrow_json_add_int (builder, "seasons", row->seasons);
  json_builder_set_member_name (builder, "planned");
  json_builder_begin_object (builder);
  furrow_json_add_int (builder, "maize", row->planned_maize);
  furrow_json_add_int (builder, "soybean", row->planned_soybean);
  furrow_json_add_int (builder, "strip", row->planned_strip);
  json_builder_end_object (builder);
  furrow_json_add_int (builder, "predicted_revenue_fen", row->predicted_revenue_fen);
  furrow_json_add_int (builder, "predicted_net_fen", row->predicted_net_fen);
  furrow_json_add_int (builder, "settled_seasons", row->settled_seasons);
  furrow_json_add_int (builder, "settled_income_fen", row->settled_income_fen);
  furrow_json_add_int (builder, "households_due_fen", row->households_due_fen);
  furrow_json_add_int (builder, "paid_households", row->paid_households);
  furrow_json_add_int (builder, "paid_fen", row->paid_fen);
  furrow_json_add_int (builder, "unpaid_households", row->unpaid_households);
  furrow_json_add_int (builder, "unpaid_fen", row->unpaid_fen);
  json_builder_end_object (builder);
}

/* The columns of the text table after the cooperative's code. */
static const int widths[] = { 7, 10, 12, 11, 16, 16, 16, 16 };

/* text padded to width terminal columns (a Chinese heading takes two a character). */
static void
print_cell (const char *text,
            int         width,
            gboolean    left)
{
  int pad = MAX (0, width - (int) furrow_cli_text_columns (text));

  if (left)
    g_print ("%s%*s", text, pad, "");
  else
    g_print ("%*s%s", pad, "", text);
}

static void
print_row (const char            *label,
           const FurrowCountyRow *row)
{
  g_autofree char *mu = furrow_format_mu (row->custody_area_m2);
  g_autofree char *predicted = furrow_format_yuan (row->predicted_revenue_fen);
  g_autofree char *settled = furrow_format_yuan (row->settled_income_fen);
  g_autofree char *paid = furrow_format_yuan (row->paid_fen);
  g_autofree char *unpaid = furrow_format_yuan (row->unpaid_fen);
  g_autofree char *planned = g_strdup_printf ("%u/%u/%u", row->planned_maize,
                                              row->planned_soybean, row->planned_strip);

  g_autofree char *fields = g_strdup_printf ("%" G_GINT64_FORMAT, row->fields);
  g_autofree char *households = g_strdup_printf ("%" G_GINT64_FORMAT, row->households);
  const char *cells[] = { fields, households, mu, planned, predicted, settled, paid, unpaid };

  print_cell (label, 16, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_print (" ");
      print_cell (cells[i], widths[i], FALSE);
    }
  g_print ("\n");
}

int
furrow_cli_summary (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— the county view: every cooperative of a server and the totals"));
  g_auto(FurrowCliOptions) o = { .takes = FURROW_CLI_OPTION_JSON };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *server = NULL;
  FurrowCountyRow total = { 0 };
  guint year_used = 0;
  int year = 0;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("The server (postgresql://user@host/db)"), N_("URI") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("The crop year of the seasons to sum (default: the latest on the server)"), N_("YEAR") },
    { NULL },
  };

  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (argc != 1 || server == NULL || year < 0 || year > 9999)
    return furrow_cli_usage (_("usage: furrow-cli summary --server URI [--year YEAR] [--json]"));

  rows = furrow_store_county_summary (server, (guint) year, &year_used, &total, &error);
  if (rows == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  if (o.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_int (builder, "crop_year", year_used);
      json_builder_set_member_name (builder, "cooperatives");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        add_row (builder, &g_array_index (rows, FurrowCountyRow, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "total");
      add_row (builder, &total);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
    }
  else
    {
      /* Translators: fields planned maize / soybean / strips */
      const char *headings[] = { _("Fields"), _("Households"), _("Custody mu"),
                                 _("M/S/Strip"), _("Predicted"), _("Settled"), _("Paid"),
                                 _("Unpaid") };

      /* Translators: the heading of `furrow-cli summary`; %u is a crop year */
      g_print (_("Crop year %u\n"), year_used);
      print_cell (_("Cooperative"), 16, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
        {
          g_print (" ");
          print_cell (headings[i], widths[i], FALSE);
        }
      g_print ("\n");
      for (guint i = 0; i < rows->len; i++)
        {
          const FurrowCountyRow *row = &g_array_index (rows, FurrowCountyRow, i);

          print_row (row->code, row);
        }
      print_row (_("Total"), &total);
    }
  furrow_county_row_clear (&total);
  return 0;
}
