/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One subcommand of furrow-cli. `run` gets argv starting at the subcommand's own name and
 * returns the process exit status: 0 on success, 1 on bad input (one clear line on stderr
 * naming the file and the problem; nothing written), 2 on a usage error. */
typedef struct
{
  const char *name;
  const char *summary;   /* N_() string: one line for `furrow-cli help` */
  int       (*run) (int    argc,
                    char **argv);
} FurrowCliCommand;

/* Each subcommand lives in app/cli/furrow-cli-<name>.c and is listed in furrow-cli.c. */
int  furrow_cli_area        (int          argc,
                             char       **argv);
int  furrow_cli_bank_file   (int          argc,
                             char       **argv);
int  furrow_cli_bank_return (int          argc,
                             char       **argv);
int  furrow_cli_household   (int          argc,
                             char       **argv);
int  furrow_cli_calibrate   (int          argc,
                             char       **argv);
int  furrow_cli_check       (int          argc,
                             char       **argv);
int  furrow_cli_checkout    (int          argc,
                             char       **argv);
int  furrow_cli_compare     (int          argc,
                             char       **argv);
int  furrow_cli_demo        (int          argc,
                             char       **argv);
int  furrow_cli_contract    (int          argc,
                             char       **argv);
int  furrow_cli_export      (int          argc,
                             char       **argv);
int  furrow_cli_import      (int          argc,
                             char       **argv);
int  furrow_cli_ledger      (int          argc,
                             char       **argv);
int  furrow_cli_list        (int          argc,
                             char       **argv);
int  furrow_cli_payroll     (int          argc,
                             char       **argv);
int  furrow_cli_plan        (int          argc,
                             char       **argv);
int  furrow_cli_publish     (int          argc,
                             char       **argv);
int  furrow_cli_restore     (int          argc,
                             char       **argv);
int  furrow_cli_restore_points (int       argc,
                                char    **argv);
int  furrow_cli_roster      (int          argc,
                             char       **argv);
int  furrow_cli_season      (int          argc,
                             char       **argv);
/* `season notice` and `season objection` (furrow-cli-notice.c), called by furrow_cli_season. */
int  furrow_cli_season_notice (int        argc,
                               char     **argv);
int  furrow_cli_server      (int          argc,
                             char       **argv);
int  furrow_cli_settle      (int          argc,
                             char       **argv);
int  furrow_cli_summary     (int          argc,
                             char       **argv);
int  furrow_cli_surplus_statement (int    argc,
                                   char **argv);
int  furrow_cli_statements  (int          argc,
                             char       **argv);

/* The options the commands share (docs/architecture.md, The furrow-cli contract). */
typedef enum
{
  FURROW_CLI_OPTION_PROJECT = 1 << 0,   /* --project FILE */
  FURROW_CLI_OPTION_JSON    = 1 << 1,   /* --json */
} FurrowCliOptionFlags;

typedef struct
{
  FurrowCliOptionFlags  takes;          /* in: which shared options the command takes */
  const char           *project_help;   /* in: N_() text for --project, NULL: "The project file" */
  const char           *json_help;      /* in: N_() text for --json, NULL: "Machine-readable
                                         * output" */
  char                 *project;        /* out: --project FILE, NULL when not given */
  gboolean              json;           /* out: --json given */
} FurrowCliOptions;

/* Parses `argv` of a command (its name first) with `context`: --project FILE first, then the
 * command's own `entries` (NULL-terminated, or NULL), then --json, as `options->takes` says.
 * On a parse error prints it on stderr and returns FALSE: the command exits 2. */
gboolean furrow_cli_parse_options (GOptionContext      *context,
                                   const GOptionEntry  *entries,
                                   FurrowCliOptions    *options,
                                   int                 *argc,
                                   char              ***argv);
/* Frees what furrow_cli_parse_options() gave `options` (g_auto (FurrowCliOptions)). */
void     furrow_cli_options_clear  (FurrowCliOptions    *options);
/* Prints `usage` ("usage: furrow-cli …") on stderr and returns 2, a usage error's exit status. */
int      furrow_cli_usage          (const char          *usage);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FurrowCliOptions, furrow_cli_options_clear)

/* Shared helpers for subcommands. */
void furrow_cli_print_error (const char *format,
                             ...) G_GNUC_PRINTF (1, 2);
/* "furrow-cli: FILE: message" for an error about FILE (a project), or the message alone when
 * it names FILE already ("FILE is damaged", "cannot write FILE: …"): never "FILE: FILE is …". */
void furrow_cli_print_file_error (const char   *file,
                                  const GError *error);
/* Prints the JSON `builder` built on standard output, indented when `pretty`, and a newline. */
void furrow_cli_print_json  (JsonBuilder *builder,
                             gboolean     pretty);
/* Terminal columns `text` takes: CJK characters two, combining marks none. */
glong furrow_cli_text_columns (const char *text);
/* `text` without control characters and escape sequences, for a terminal (furrow-cli.c). */
char *furrow_cli_strip_controls (const char *text);

G_END_DECLS
