/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-cli.h"
#include "furrow-json.h"
#include "furrow-ledger-xlsx.h"
#include "furrow-store-ledger.h"
#include "furrow-store.h"
#include "furrow-units.h"

/* furrow-cli ledger --project FILE [--household CODE] [--json] [--out FILE.xlsx]
 *
 * The member accounts (成员账户, docs/domain.md §16): per household, each settled season's area
 * in custody, base payment, refund by transaction volume, fees, due, paid and running balance,
 * with the totals; then each settled season's art. 44 check (returned by transaction volume ≥
 * 60 % of the distributable surplus). --json: money in fen, areas in mu; --out writes the same as
 * an XLSX workbook (audited). Exit 1 for a household that is not in the project. */

static void
add_entry_json (JsonBuilder             *builder,
                const FurrowLedgerEntry *entry,
                gboolean                 total)
{
  json_builder_begin_object (builder);
  if (!total)
    {
      furrow_json_add_string (builder, "season", entry->season);
      furrow_json_add_int (builder, "crop_year", entry->crop_year);
    }
  furrow_json_add_double (builder, "area_mu", furrow_m2_to_mu (entry->area_m2));
  furrow_json_add_int (builder, "base_fen", entry->base_fen);
  furrow_json_add_int (builder, "returned_fen", entry->returned_fen);
  furrow_json_add_int (builder, "fee_fen", entry->fee_fen);
  furrow_json_add_int (builder, "due_fen", entry->due_fen);
  furrow_json_add_int (builder, "paid_fen", entry->paid_fen);
  furrow_json_add_int (builder, "balance_fen", entry->balance_fen);
  json_builder_end_object (builder);
}

static void
print_json (const FurrowLedger *ledger)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint a = 0; a < ledger->accounts->len; a++)
    {
      const FurrowLedgerAccount *account = g_ptr_array_index (ledger->accounts, a);

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "code", account->code);
      furrow_json_add_string (builder, "name", account->name);
      json_builder_set_member_name (builder, "seasons");
      json_builder_begin_array (builder);
      for (guint e = 0; e < account->entries->len; e++)
        add_entry_json (builder, &g_array_index (account->entries, FurrowLedgerEntry, e), FALSE);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "total");
      add_entry_json (builder, &account->total, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ledger->checks->len; i++)
    {
      const FurrowLedgerSeasonCheck *check = &g_array_index (ledger->checks,
                                                             FurrowLedgerSeasonCheck, i);

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "season", check->season);
      furrow_json_add_int (builder, "crop_year", check->crop_year);
      furrow_json_add_int (builder, "distributable_fen", check->distributable_fen);
      furrow_json_add_int (builder, "returned_fen", check->returned_fen);
      furrow_json_add_double (builder, "returned_pct", (double) check->returned_bp / 100.0);
      json_builder_set_member_name (builder, "passes");
      json_builder_add_boolean_value (builder, check->passes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  furrow_cli_print_json (builder, TRUE);
}

static void
print_entry (const char              *label,
             const FurrowLedgerEntry *entry)
{
  g_autofree char *area = furrow_format_mu (entry->area_m2);
  g_autofree char *base = furrow_format_yuan (entry->base_fen);
  g_autofree char *returned = furrow_format_yuan (entry->returned_fen);
  g_autofree char *fee = furrow_format_yuan (entry->fee_fen);
  g_autofree char *due = furrow_format_yuan (entry->due_fen);
  g_autofree char *paid = furrow_format_yuan (entry->paid_fen);
  g_autofree char *balance = furrow_format_yuan (entry->balance_fen);

  g_print ("  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", label, area, base, returned, fee, due, paid,
           balance);
}

static void
print_text (const FurrowLedger *ledger)
{
  for (guint a = 0; a < ledger->accounts->len; a++)
    {
      const FurrowLedgerAccount *account = g_ptr_array_index (ledger->accounts, a);

      g_print ("%s %s\n", account->code, account->name);
      /* Translators: the columns of a member account, separated by tabs */
      g_print ("  %s\n", _("Season\tMu\tBase\tRefund by volume\tFees\tDue\tPaid\tBalance"));
      for (guint e = 0; e < account->entries->len; e++)
        {
          const FurrowLedgerEntry *entry = &g_array_index (account->entries, FurrowLedgerEntry,
                                                           e);

          print_entry (entry->season, entry);
        }
      print_entry (_("Total"), &account->total);
    }
  for (guint i = 0; i < ledger->checks->len; i++)
    {
      const FurrowLedgerSeasonCheck *check = &g_array_index (ledger->checks,
                                                             FurrowLedgerSeasonCheck, i);
      g_autofree char *returned = furrow_format_yuan (check->returned_fen);
      g_autofree char *distributable = furrow_format_yuan (check->distributable_fen);
      g_autofree char *pct = g_strdup_printf ("%.2f", (double) check->returned_bp / 100.0);

      if (check->distributable_fen <= 0)
        /* Translators: the art. 44 check of a season with no distributable surplus */
        g_print (_("%s: no distributable surplus, nothing to return\n"), check->season);
      else if (check->passes)
        /* Translators: %s: season, returned, distributable surplus, share in percent */
        g_print (_("%s: returned by transaction volume %s of distributable surplus %s (%s %%): "
                   "at least 60 %%\n"), check->season, returned, distributable, pct);
      else
        g_print (_("%s: returned by transaction volume %s of distributable surplus %s (%s %%): "
                   "LESS THAN 60 %%\n"), check->season, returned, distributable, pct);
    }
}

int
furrow_cli_ledger (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON };
  g_autofree char *household = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "household", 0, 0, G_OPTION_ARG_STRING, &household,
      N_("Only this household’s account, by its code"), N_("CODE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Also write the accounts to an XLSX file"),
      N_("FILE") },
    { NULL },
  };

  context = g_option_context_new (_("— the member accounts of a project’s households"));
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || argc != 1)
    return furrow_cli_usage (_("usage: furrow-cli ledger --project FILE "
                               "[--household CODE] [--json] [--out FILE.xlsx]"));
  if (out != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (out, -1);

      if (!furrow_store_check_output_path (o.project, out, &error))
        {
          furrow_cli_print_error ("%s", error->message);
          return 1;
        }
      if (!g_str_has_suffix (lower, ".xlsx"))
        {
          furrow_cli_print_error (_("%s: the member accounts are written as .xlsx"), out);
          return 1;
        }
    }

  store = furrow_store_open (o.project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  ledger = furrow_store_get_ledger (store, household, &error);
  if (ledger == NULL)
    {
      furrow_cli_print_file_error (o.project, error);
      return 1;
    }
  if (out != NULL)
    {
      g_autofree char *detail = g_strdup_printf ("%u households, %u seasons -> %s",
                                                 ledger->accounts->len, ledger->checks->len, out);

      if (!furrow_ledger_write_xlsx (ledger, furrow_store_get_cooperative_name (store), out,
                                     &error)
          || !furrow_store_record_ledger_export (store, household, detail, &error))
        {
          furrow_cli_print_error ("%s", error->message);
          return 1;
        }
    }
  if (o.json)
    print_json (ledger);
  else
    print_text (ledger);
  return 0;
}
