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
int  furrow_cli_surplus_statement (int    argc,
                                   char **argv);
int  furrow_cli_statements  (int          argc,
                             char       **argv);

/* Shared helpers for subcommands. */
void furrow_cli_print_error (const char *format,
                             ...) G_GNUC_PRINTF (1, 2);
/* Prints the JSON `builder` built on standard output, indented when `pretty`, and a newline. */
void furrow_cli_print_json  (JsonBuilder *builder,
                             gboolean     pretty);
/* Terminal columns `text` takes: CJK characters two, combining marks none. */
glong furrow_cli_text_columns (const char *text);
/* `text` without control characters and escape sequences, for a terminal (furrow-cli.c). */
char *furrow_cli_strip_controls (const char *text);

G_END_DECLS
