/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-cli.h"

#include <sys/wait.h>
#include <unistd.h>

/* prefix: what runs furrow-cli (NULL-terminated), or NULL. */
static int
run_cli (const char *const  *prefix,
         const char *const  *args,
         char              **out,
         char              **err)
{
  const char *cli = g_getenv ("FURROW_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *own_err = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int status = 0;

  g_assert_nonnull (cli);
  for (guint i = 0; prefix != NULL && prefix[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) prefix[i]);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  /* The test's own data folder (G_TEST_OPTION_ISOLATE_DIRS leaves /dev/null in the
   * environment), where furrow-cli keeps the project's restore points. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  /* Output nobody reads goes nowhere: on the test's own stdout it breaks the TAP stream. */
  g_spawn_sync (NULL, (char **) argv->pdata, envp,
                out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT, NULL, NULL, out,
                err != NULL ? err : &own_err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (err == NULL && WEXITSTATUS (status) == 0)
    g_assert_cmpstr (own_err, ==, "");
  return WEXITSTATUS (status);
}

/* FIRST and the arguments after it up to NULL, as a NULL-terminated array. */
static GPtrArray *
collect_args (const char *first,
              va_list     ap)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);
  return args;
}

int
furrow_test_run_cliv (const char *const  *args,
                      char              **out,
                      char              **err)
{
  return run_cli (NULL, args, out, err);
}

int
furrow_test_run_cliv_unprivileged (const char *const  *args,
                                   char              **out,
                                   char              **err)
{
  g_autofree char *setpriv = NULL;

  if (geteuid () != 0)
    return run_cli (NULL, args, out, err);
  setpriv = g_find_program_in_path ("setpriv");
  if (setpriv == NULL)
    return -1;
  {
    const char *prefix[] = { setpriv,
                             "--inh-caps=-dac_override,-dac_read_search",
                             "--bounding-set=-dac_override,-dac_read_search",
                             NULL };

    return run_cli (prefix, args, out, err);
  }
}

int
furrow_test_run_cli_valist (char       **out,
                            char       **err,
                            const char  *first,
                            va_list      ap)
{
  g_autoptr(GPtrArray) args = collect_args (first, ap);

  return furrow_test_run_cliv ((const char *const *) args->pdata, out, err);
}

int
furrow_test_run_cli (char       **out,
                     char       **err,
                     const char  *first,
                     ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = furrow_test_run_cli_valist (out, err, first, ap);
  va_end (ap);
  return status;
}

/* Runs furrow-cli FIRST AP…; its standard output, or the end of the test program, saying what
 * furrow-cli wrote to its standard error, when it fails. */
static char *
run_cli_ok (const char *first,
            va_list     ap)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (furrow_test_run_cli_valist (&out, &err, first, ap) != 0)
    g_error ("furrow-cli %s failed: %s", first, err);
  return g_steal_pointer (&out);
}

void
furrow_test_run_cli_ok (const char *first,
                        ...)
{
  g_autofree char *out = NULL;
  va_list ap;

  va_start (ap, first);
  out = run_cli_ok (first, ap);
  va_end (ap);
}

char *
furrow_test_run_cli_ok_output (const char *first,
                               ...)
{
  char *out;
  va_list ap;

  va_start (ap, first);
  out = run_cli_ok (first, ap);
  va_end (ap);
  return out;
}
