/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the built furrow-cli ($FURROW_CLI, set by tests/meson.build) as a script would, with the
 * arguments ARGS (NULL-terminated); its standard output and error go to OUT and ERR when they are
 * not NULL. With ERR NULL a furrow-cli that succeeds must write nothing to its standard error.
 * Returns its exit status; a furrow-cli killed by a signal fails the test. */
int furrow_test_run_cliv (const char *const  *args,
                          char              **out,
                          char              **err);

/* The same with the arguments in the call, NULL last. */
int furrow_test_run_cli  (char              **out,
                          char              **err,
                          const char         *first,
                          ...) G_GNUC_NULL_TERMINATED;

/* The same for a step the test only needs done (setting up its data): a furrow-cli that fails
 * ends the test program, saying what it wrote to its standard error. */
void furrow_test_run_cli_ok (const char         *first,
                             ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
