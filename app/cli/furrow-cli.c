/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "furrow-cli.h"
#include "furrow-store.h"

static int run_help (int argc, char **argv);

/* The subcommand table. Add a row per subcommand (sorted by name); docs/architecture.md has the
 * contract each one keeps. */
static const FurrowCliCommand commands[] = {
  { "area", N_("Ellipsoidal area of every polygon in a file (m² and mu)"), furrow_cli_area },
  { "bank-file", N_("Write the bank payment file of a settled season, as a bank’s profile lays "
                    "it out"), furrow_cli_bank_file },
  { "bank-return", N_("Mark a season’s payments paid or failed from a bank’s return file"),
    furrow_cli_bank_return },
  { "calibrate", N_("Fit the yield model to measured yields and store it as a project preset"),
    furrow_cli_calibrate },
  { "check", N_("Check a project file: integrity, foreign keys, GeoPackage and Furrow’s rules"),
    furrow_cli_check },
  { "compare", N_("Compare strip patterns by yield and net income on the fields of a file"),
    furrow_cli_compare },
  { "checkout", N_("Copy a cooperative of a server into a new project file for offline work"),
    furrow_cli_checkout },
  { "contract", N_("Write the custody service contracts of a season for households to sign "
                   "(PDF)"), furrow_cli_contract },
  { "demo", N_("Write the demo cooperative to a new project file"), furrow_cli_demo },
  { "export", N_("Write a project’s fields, parcels or households to a file"), furrow_cli_export },
  { "help", N_("Show the commands and what they do"), run_help },
  { "household", N_("Change a household’s payee account (set-account)"), furrow_cli_household },
  { "import", N_("Import fields, parcels or households into a project"), furrow_cli_import },
  { "ledger", N_("Show each household’s member account across the settled seasons"),
    furrow_cli_ledger },
  { "list", N_("List the fields, parcels or households of a project"), furrow_cli_list },
  { "payroll", N_("Write the payroll of a settled season for households to sign (PDF or XLSX)"),
    furrow_cli_payroll },
  { "plan", N_("Lay a strip pattern into every polygon of a file and predict its yield"),
    furrow_cli_plan },
  { "publish", N_("Put a project file on a server as a new cooperative"), furrow_cli_publish },
  { "restore", N_("Bring a project back to one of its restore points"), furrow_cli_restore },
  { "restore-points", N_("List the restore points kept before imports, settlements and other "
                         "large changes"), furrow_cli_restore_points },
  { "roster", N_("Write the public roster of a settled season (PDF, CSV or XLSX)"),
    furrow_cli_roster },
  { "season", N_("Plan, predict, harvest, settle and reopen the seasons of a project"),
    furrow_cli_season },
  { "server", N_("Prepare a custody centre’s PostgreSQL server, add and list its cooperatives, "
                 "add its users, grant and revoke their roles"),
    furrow_cli_server },
  { "settle", N_("Settle a season from a JSON file: base and dividends to the fen"),
    furrow_cli_settle },
  { "summary", N_("The county view: custody, plans, income and payments of every cooperative "
                  "of a server, and their totals"), furrow_cli_summary },
  { "surplus-statement", N_("Write the surplus and surplus-distribution statement (会农社02) of "
                            "a settled season or crop year (PDF or XLSX)"),
    furrow_cli_surplus_statement },
  { "statements", N_("Print the households' statements of a settled season as PDF"),
    furrow_cli_statements },
};

/* Text for a terminal: without control characters (C0 but for newline and tab, DEL, C1) and
 * without the escape sequences they start (CSI "ESC [ … final", OSC "ESC ] … BEL or ESC \\",
 * two-byte "ESC x"), so that a name stored with "\033[2J" or "\033]0;…\007" is printed as its
 * letters instead of clearing the screen or retitling the window (issue 12, item 5). */
char *
furrow_cli_strip_controls (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x1B)
        {
          const char *q = p + 1;

          if (*q == '[')
            {
              /* parameters and intermediates 0x20–0x3F, then one final byte 0x40–0x7E */
              for (q++; *q >= 0x20 && *q <= 0x3F; q++)
                ;
              if (*q >= 0x40 && *q <= 0x7E)
                q++;
            }
          else if (*q == ']' || *q == 'P' || *q == '_' || *q == '^')
            {
              /* a string, ended by BEL or ST (ESC \\) */
              for (q++; *q != '\0' && *q != 0x07 && !(q[0] == 0x1B && q[1] == '\\'); q++)
                ;
              if (*q == 0x07)
                q++;
              else if (*q == 0x1B)
                q += 2;
            }
          else if (*q >= 0x20 && *q <= 0x7E)
            q++;
          /* continue after the sequence (the loop steps over one character) */
          p = q - 1;
          continue;
        }
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
print_filtered (FILE       *stream,
                   const char *text)
{
  g_autofree char *clean = furrow_cli_strip_controls (text);
  const char *charset;

  if (!g_get_charset (&charset))
    {
      g_autofree char *converted = g_convert_with_fallback (clean, -1, charset, "UTF-8", "?",
                                                            NULL, NULL, NULL);

      if (converted != NULL)
        {
          fputs (converted, stream);
          fflush (stream);
          return;
        }
    }
  fputs (clean, stream);
  fflush (stream);
}

static void
print_cb (const char *text)
{
  print_filtered (stdout, text);
}

static void
printerr_cb (const char *text)
{
  print_filtered (stderr, text);
}

void
furrow_cli_print_error (const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("furrow-cli: %s\n", message);
}

void
furrow_cli_print_file_error (const char   *file,
                             const GError *error)
{
  /* A server's message names the server already ("postgresql://li_clerk@centre/furrow: …"),
   * perhaps spelt otherwise than the address given ("…#3707821022", "?host=…"): once is enough. */
  if (strstr (error->message, file) != NULL ||
      (g_str_has_prefix (file, "postgresql://") &&
       strstr (error->message, "postgresql://") != NULL))
    furrow_cli_print_error ("%s", error->message);
  else
    furrow_cli_print_error ("%s: %s", file, error->message);
}

gboolean
furrow_cli_parse_options (GOptionContext      *context,
                          const GOptionEntry  *entries,
                          FurrowCliOptions    *options,
                          int                 *argc,
                          char              ***argv)
{
  g_autoptr(GError) error = NULL;
  GOptionEntry project[] = {
    { "project", 0, 0, G_OPTION_ARG_FILENAME, &options->project,
      options->project_help != NULL ? options->project_help : N_("The project file"),
      N_("FILE") },
    { NULL },
  };
  GOptionEntry json[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json,
      options->json_help != NULL ? options->json_help : N_("Machine-readable output"), NULL },
    { NULL },
  };

  if (options->takes & FURROW_CLI_OPTION_PROJECT)
    g_option_context_add_main_entries (context, project, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (options->takes & FURROW_CLI_OPTION_JSON)
    g_option_context_add_main_entries (context, json, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      furrow_cli_print_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
furrow_cli_options_clear (FurrowCliOptions *options)
{
  g_clear_pointer (&options->project, g_free);
}

int
furrow_cli_usage (const char *usage)
{
  furrow_cli_print_error ("%s", usage);
  return 2;
}

void
furrow_cli_print_json (JsonBuilder *builder,
                       gboolean     pretty)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, pretty);

  g_print ("%s\n", text);
}

glong
furrow_cli_text_columns (const char *text)
{
  glong columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      columns += g_unichar_iswide (c) ? 2 : 1;
    }
  return columns;
}

static int
run_help (int    argc,
          char **argv)
{
  int width = 0;

  g_print ("%s\n\n", _("Usage: furrow-cli COMMAND [OPTION…]"));
  /* The summaries line up after the longest name (surplus-statement). */
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));
  g_print ("%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-*s %s\n", width, commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Every command takes --json for machine-readable output."));
  g_print ("%s\n", _("Run “furrow-cli COMMAND --help” for the options of one command."));
  return 0;
}

/* --cooperative CODE goes with --project postgresql://… (docs/architecture.md, The backend
 * seam): it is taken out of the arguments here and the project becomes postgresql://…#CODE,
 * which furrow_store_open() reads, so every project command takes a server project without an
 * option of its own. `server`, `publish` and `checkout` keep the option (it names the cooperative
 * to create, publish or check out). Returns
 * FALSE, having said why, for --cooperative without a server project. */
static gboolean
fold_cooperative (int    *argc,
                  char  **argv)
{
  const char *code = NULL;
  int project = -1;
  int out = 1;

  if (*argc >= 2 && (g_str_equal (argv[1], "server") || g_str_equal (argv[1], "publish") ||
                     g_str_equal (argv[1], "checkout")))
    return TRUE;
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--cooperative") && i + 1 < *argc)
        {
          code = argv[++i];
          continue;
        }
      if (g_str_has_prefix (argv[i], "--cooperative="))
        {
          code = argv[i] + strlen ("--cooperative=");
          continue;
        }
      if (g_str_equal (argv[i], "--project") && i + 1 < *argc)
        project = out + 1;
      else if (g_str_has_prefix (argv[i], "--project="))
        project = out;
      argv[out++] = argv[i];
    }
  argv[out] = NULL;
  *argc = out;
  if (code == NULL)
    return TRUE;
  if (project < 0 || project >= *argc ||
      !furrow_store_is_server_address (strchr (argv[project], '=') != NULL &&
                                          g_str_has_prefix (argv[project], "--project=")
                                          ? argv[project] + strlen ("--project=")
                                          : argv[project]))
    {
      furrow_cli_print_error (_("--cooperative goes with --project postgresql://…"));
      return FALSE;
    }
  /* Kept for the rest of the process, as argv is. */
  argv[project] = g_strconcat (argv[project], "#", code, NULL);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  /* FURROW_LOCALEDIR: the build tree's catalogues (<build>/po/locale), as for the window. */
  const char *localedir = g_getenv ("FURROW_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Everything printed goes through g_print() and g_printerr(), filtered wherever it goes: a
   * pipe or a file is read by a pager or a terminal later (`furrow-cli list … | less -R`, `cat`
   * of a log), and what Furrow stores has no control character anyway (issue 12). */
  g_set_print_handler (print_cb);
  g_set_printerr_handler (printerr_cb);

  if (argc < 2)
    {
      run_help (argc, argv);
      return 2;
    }

  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "version"))
    {
      g_print ("furrow-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return run_help (argc - 1, argv + 1);

  if (!fold_cooperative (&argc, argv))
    return 2;
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  furrow_cli_print_error (_("unknown command “%s”; run “furrow-cli help” for the list"), argv[1]);
  return 2;
}
