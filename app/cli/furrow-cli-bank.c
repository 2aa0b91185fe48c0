/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "furrow-bank-account.h"
#include "furrow-bank-file.h"
#include "furrow-store-notice.h"
#include "furrow-bank-return.h"
#include "furrow-cli.h"
#include "furrow-edit-account.h"
#include "furrow-json.h"
#include "furrow-store-payment.h"
#include "furrow-store-season.h"

/* The bank commands (docs/domain.md, "Bank accounts"; docs/architecture.md, The furrow-cli
 * contract):
 *
 * furrow-cli bank-file --project FILE --season NAME (--profile NAME | --profile-file FILE)
 *                      --out OUT [--reissue] [--allow-missing] [--json] [--force --reason TEXT]
 *   the bank payment file of a settled season, refused before its public notice has ended or
 *   while an objection is open unless forced with a reason (audited; docs/domain.md §15); the households paid without an account the
 *   register can pay to are listed on stderr with a count, and nothing is written (exit 1)
 *   unless --allow-missing. The households written are marked sent (reissued with --reissue).
 *
 * furrow-cli bank-return --project FILE --season NAME RETURN.csv [--json]
 *   marks the households of a bank's return file paid or failed.
 *
 * furrow-cli household set-account --project FILE --code CBFBM [--bank NAME] [--branch NAME]
 *                      [--account NUMBER] [--holder NAME]
 *   a household's payee account; an empty --account "" removes it. */

static char *
yuan (gint64 fen)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", fen < 0 ? "-" : "", ABS (fen) / 100,
                          (int) (ABS (fen) % 100));
}

static FurrowStore *
open_settled (const char     *project,
              const char     *season_name,
              FurrowSeason  **season)
{
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = furrow_store_open (project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return NULL;
    }
  *season = furrow_store_find_season (store, season_name);
  if (*season == NULL)
    {
      furrow_cli_print_error (_("%s: there is no season “%s”"), project, season_name);
      return NULL;
    }
  if (furrow_season_get_state (*season) != FURROW_SEASON_SETTLED)
    {
      furrow_cli_print_error (_("%s: season “%s” is not settled yet; settle it first "
                                "(furrow-cli season settle)"), project, season_name);
      g_clear_object (season);
      return NULL;
    }
  return g_steal_pointer (&store);
}

int
furrow_cli_bank_file (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(FurrowBankProfile) profile = NULL;
  g_autoptr(FurrowBankFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = {
    FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
    .json_help = N_("Print JSON for scripts"),
  };
  g_autofree char *season_name = NULL;
  g_autofree char *profile_name = NULL;
  g_autofree char *profile_file = NULL;
  g_autofree char *out = NULL;
  g_autofree char *total = NULL;
  gboolean reissue = FALSE;
  gboolean allow_missing = FALSE;
  gboolean force = FALSE;
  g_autofree char *reason = NULL;
  const FurrowBankMissing *missing;
  gsize n_payees, n_missing;
  GOptionEntry entries[] = {
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_name, N_("A settled season by its name"),
      N_("NAME") },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_name,
      N_("A built-in bank-file profile: generic, batch-sheet or text-account"), N_("NAME") },
    { "profile-file", 0, 0, G_OPTION_ARG_FILENAME, &profile_file,
      N_("A bank-file profile of your own (JSON)"), N_("FILE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write"), N_("FILE") },
    { "reissue", 0, 0, G_OPTION_ARG_NONE, &reissue,
      N_("Only the households whose payment failed, to pay them again"), NULL },
    { "allow-missing", 0, 0, G_OPTION_ARG_NONE, &allow_missing,
      N_("Write the file even when households to pay have no valid account (they are listed)"),
      NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Write it before the public notice has ended or while objections are open (needs "
         "--reason)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the bank file is written before the notice has ended (recorded in the audit log)"),
      N_("TEXT") },
    { NULL },
  };

  context = g_option_context_new (_("— the bank payment file of a settled season"));
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || season_name == NULL || out == NULL || argc != 1 ||
      (profile_name == NULL) == (profile_file == NULL))
    return furrow_cli_usage (_("usage: furrow-cli bank-file --project FILE --season NAME "
                               "(--profile NAME | --profile-file FILE) --out FILE "
                               "[--reissue] [--allow-missing] [--json]"));
  if (!furrow_store_check_output_path (o.project, out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  profile = profile_name != NULL ? furrow_bank_profile_new_builtin (profile_name, &error)
                                 : furrow_bank_profile_new_from_file (profile_file, &error);
  if (profile == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  store = open_settled (o.project, season_name, &season);
  if (store == NULL)
    return 1;
  /* Paid only after the public notice (docs/domain.md §15). */
  if (!furrow_store_check_payment_allowed (store, season, "bank-file", NULL, force, reason,
                                           &error))
    {
      furrow_cli_print_error (_("%s: %s (--force --reason TEXT)"), o.project, error->message);
      return 1;
    }
  file = furrow_bank_file_new (store, season, profile, reissue, &error);
  if (file == NULL)
    {
      furrow_cli_print_file_error (o.project, error);
      return 1;
    }
  furrow_bank_file_get_payees (file, &n_payees);
  missing = furrow_bank_file_get_missing (file, &n_missing);
  /* Never silently skipped: each one named, then the count. */
  for (gsize i = 0; i < n_missing; i++)
    {
      g_autofree char *amount = yuan (missing[i].amount_fen);

      /* Translators: household CODE NAME, AMOUNT yuan: why it cannot be paid */
      furrow_cli_print_error (_("household %s %s, %s yuan: %s"), missing[i].code,
                              missing[i].name, amount, missing[i].problem);
    }
  if (n_missing > 0)
    {
      furrow_cli_print_error (g_dngettext (GETTEXT_PACKAGE,
                                           "%u household to pay has no valid account",
                                           "%u households to pay have no valid account",
                                           (gulong) n_missing), (guint) n_missing);
      if (!allow_missing)
        {
          furrow_cli_print_error ("%s", _("nothing was written: record their accounts, or "
                                          "give --allow-missing to pay the others"));
          return 1;
        }
    }
  if (!furrow_bank_file_write (file, store, out, &error) ||
      !furrow_bank_file_mark_sent (file, store, out, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  total = yuan (furrow_bank_file_get_total_fen (file));
  if (o.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "file", out);
      furrow_json_add_string (builder, "profile", profile->name);
      json_builder_set_member_name (builder, "households");
      json_builder_add_int_value (builder, (gint64) n_payees);
      json_builder_set_member_name (builder, "total_fen");
      json_builder_add_int_value (builder, furrow_bank_file_get_total_fen (file));
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, furrow_bank_file_get_n_skipped (file));
      json_builder_set_member_name (builder, "missing");
      json_builder_begin_array (builder);
      for (gsize i = 0; i < n_missing; i++)
        {
          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "code", missing[i].code);
          furrow_json_add_string (builder, "name", missing[i].name);
          json_builder_set_member_name (builder, "amount_fen");
          json_builder_add_int_value (builder, missing[i].amount_fen);
          furrow_json_add_string (builder, "problem", missing[i].problem);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
    }
  else
    /* Translators: FILE: N households, TOTAL yuan (the bank file written) */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u household, %s yuan\n",
                          "%s: %u households, %s yuan\n", (gulong) n_payees),
             out, (guint) n_payees, total);
  return 0;
}

int
furrow_cli_bank_return (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = {
    FURROW_CLI_OPTION_PROJECT | FURROW_CLI_OPTION_JSON,
    .json_help = N_("Print JSON for scripts"),
  };
  g_autofree char *season_name = NULL;
  guint n_paid = 0, n_failed = 0;
  GOptionEntry entries[] = {
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_name, N_("A settled season by its name"),
      N_("NAME") },
    { NULL },
  };

  context = g_option_context_new (_("RETURN.csv — mark the payments of a bank’s return file "
                                    "paid or failed"));
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || season_name == NULL || argc != 2)
    return furrow_cli_usage (_("usage: furrow-cli bank-return --project FILE --season "
                               "NAME RETURN.csv [--json]"));
  store = open_settled (o.project, season_name, &season);
  if (store == NULL)
    return 1;
  rows = furrow_bank_return_read (store, season, argv[1], &error);
  if (rows == NULL || !furrow_bank_return_apply (store, season, rows, argv[1], &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const FurrowBankReturnRow *row = &g_array_index (rows, FurrowBankReturnRow, i);

      if (row->status == FURROW_PAYMENT_PAID)
        n_paid++;
      else
        n_failed++;
    }
  if (o.json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "paid");
      json_builder_add_int_value (builder, n_paid);
      json_builder_set_member_name (builder, "failed");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        {
          const FurrowBankReturnRow *row = &g_array_index (rows, FurrowBankReturnRow, i);

          if (row->status != FURROW_PAYMENT_FAILED)
            continue;
          json_builder_begin_object (builder);
          furrow_json_add_string (builder, "code", row->code);
          furrow_json_add_string (builder, "reason", row->reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      furrow_cli_print_json (builder, TRUE);
      return 0;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const FurrowBankReturnRow *row = &g_array_index (rows, FurrowBankReturnRow, i);

      if (row->status == FURROW_PAYMENT_FAILED)
        /* Translators: household CODE: the payment failed: REASON */
        g_print (_("household %s: failed: %s\n"), row->code, row->reason);
    }
  /* Translators: N paid, M failed (a bank return read) */
  g_print (_("%u paid, %u failed\n"), n_paid, n_failed);
  return 0;
}

static int
set_account (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FurrowStore) store = NULL;
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(FurrowEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FurrowCliOptions) o = { FURROW_CLI_OPTION_PROJECT };
  g_autofree char *code = NULL;
  g_autofree char *bank = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *number = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *masked = NULL;
  FurrowAccount account;
  GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("The household’s CBFBM code"), N_("CODE") },
    { "bank", 0, 0, G_OPTION_ARG_STRING, &bank, N_("The bank (开户行)"), N_("NAME") },
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch, N_("The branch (开户网点)"), N_("NAME") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &number,
      N_("The account or card number (\"\" removes the account)"), N_("NUMBER") },
    { "holder", 0, 0, G_OPTION_ARG_STRING, &holder,
      N_("The account holder when not the household head"), N_("NAME") },
    { NULL },
  };

  context = g_option_context_new (_("— set a household’s payee account"));
  if (!furrow_cli_parse_options (context, entries, &o, &argc, &argv))
    return 2;
  if (o.project == NULL || code == NULL || number == NULL || argc != 1)
    return furrow_cli_usage (_("usage: furrow-cli household set-account --project FILE "
                               "--code CBFBM --account NUMBER [--bank NAME] "
                               "[--branch NAME] [--holder NAME]"));
  store = furrow_store_open (o.project, &error);
  if (store == NULL)
    {
      furrow_cli_print_error ("%s", error->message);
      return 1;
    }
  household = furrow_store_find_household (store, code);
  if (household == NULL)
    {
      furrow_cli_print_error (_("%s: household %s is not in the project"), o.project, code);
      return 1;
    }
  account.bank = bank;
  account.bank_branch = branch;
  account.account_number = number;
  account.account_holder = holder;
  /* The CLI has no undo: it applies the edit the household page pushes (docs/architecture.md,
   * Edits). */
  edit = furrow_edit_account_new (store, household, &account, &error);
  if (edit == NULL || !furrow_edit_apply (edit, TRUE, &error))
    {
      furrow_cli_print_file_error (o.project, error);
      return 1;
    }
  masked = furrow_bank_account_mask (number);
  /* Translators: household CODE: account 6217 **** **** 0006 (masked) */
  g_print (_("household %s: account %s\n"), code, *masked != '\0' ? masked : "—");
  return 0;
}

int
furrow_cli_household (int    argc,
                      char **argv)
{
  if (argc >= 2 && g_strcmp0 (argv[1], "set-account") == 0)
    return set_account (argc - 1, argv + 1);
  return furrow_cli_usage (_("usage: furrow-cli household set-account --project FILE "
                             "--code CBFBM --account NUMBER [--bank NAME] [--branch NAME] "
                             "[--holder NAME]"));
}
