/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

/* Runs the built furrow-cli ($FURROW_CLI, set by tests/meson.build) as a script would, with the
 * arguments ARGS (NULL-terminated); its standard output and error go to OUT and ERR when they are
 * not NULL. With ERR NULL a furrow-cli that succeeds must write nothing to its standard error.
 * Returns its exit status; a furrow-cli killed by a signal fails the test. */
int furrow_test_run_cliv (const char *const  *args,
                          char              **out,
                          char              **err);

/* furrow_test_run_cliv() as a user whom file modes bind: as root (who reads and writes any file
 * whatever its mode), furrow-cli runs still as uid 0 (so it reaches its build folder however
 * the checkout's parents are set) but without the two capabilities that let root ignore modes,
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, dropped from its inheritable and bounding sets by
 * setpriv of util-linux. -1 when that cannot be done here (setpriv is not installed): skip. */
int furrow_test_run_cliv_unprivileged (const char *const  *args,
                                       char              **out,
                                       char              **err);

/* The same with the arguments in the call, NULL last. */
int furrow_test_run_cli  (char              **out,
                          char              **err,
                          const char         *first,
                          ...) G_GNUC_NULL_TERMINATED;

/* The same with the arguments after FIRST in AP, NULL last (for a variadic helper of a test). */
int furrow_test_run_cli_valist (char       **out,
                                char       **err,
                                const char  *first,
                                va_list      ap);

/* The same for a step the test only needs done (setting up its data): a furrow-cli that fails
 * ends the test program, saying what it wrote to its standard error. */
void furrow_test_run_cli_ok (const char         *first,
                             ...) G_GNUC_NULL_TERMINATED;

/* furrow_test_run_cli_ok() for a step whose standard output the test reads: returns it. */
char *furrow_test_run_cli_ok_output (const char *first,
                                     ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
