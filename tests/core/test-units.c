/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "furrow-test.h"
#include "furrow-units.h"

/* docs/domain.md §2: 1 mu = 10000/15 m² = 666.667 m²; 1 ha = 15 mu; m² × 0.0015 = mu. */
static void
test_mu_conversion (void)
{
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (10000.0), 15.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (furrow_mu_to_m2 (1.0), 666.666666666667, 1e-9);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (1234.5), 1234.5 * 0.0015, 1e-12);
  g_assert_cmpfloat_with_epsilon (furrow_m2_to_mu (furrow_mu_to_m2 (290.56)), 290.56, 1e-9);
}
FURROW_TEST ("/furrow/core/units/mu-conversion", test_mu_conversion);

/* Taozhuang base total 134,238.72 yuan (docs/domain.md §8) written to the fen. */
static void
test_format_yuan (void)
{
  g_autofree char *a = furrow_format_yuan (13423872);
  g_autofree char *b = furrow_format_yuan (5);
  g_autofree char *c = furrow_format_yuan (-123456);
  g_autofree char *d = furrow_format_yuan (0);

  g_assert_cmpstr (a, ==, "¥134,238.72");
  g_assert_cmpstr (b, ==, "¥0.05");
  g_assert_cmpstr (c, ==, "-¥1,234.56");
  g_assert_cmpstr (d, ==, "¥0.00");
}
FURROW_TEST ("/furrow/core/units/format-yuan", test_format_yuan);

/* Grouped by threes with commas and a point before the decimals, as the yuan above, in any
 * locale: the test runs in the environment's (FURROW_TEST_MAIN's .locale = ""), and again
 * under a locale whose LC_NUMERIC writes "1.234,5" where one is installed. 162,180.00 is
 * 16,218,000 fen, the manager's journey's harvest of a 81.09 mu field at 2,000 yuan a mu. */
static void
test_format_number (void)
{
  static const char *locales[] = { NULL, "de_DE.UTF-8", "zh_CN.UTF-8", "C" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;

      if (locales[i] != NULL && setlocale (LC_NUMERIC, locales[i]) == NULL)
        continue;
      a = furrow_format_number (162180.0, 2);
      b = furrow_format_number (1234567.24, 1);
      c = furrow_format_number (999.96, 1);
      d = furrow_format_number (0.0, 0);
      e = furrow_format_number (-1234.5, 2);
      f = furrow_format_number (100000.0, 0);
      g_assert_cmpstr (a, ==, "162,180.00");
      g_assert_cmpstr (b, ==, "1,234,567.2");
      g_assert_cmpstr (c, ==, "1,000.0");
      g_assert_cmpstr (d, ==, "0");
      g_assert_cmpstr (e, ==, "-1,234.50");
      g_assert_cmpstr (f, ==, "100,000");
    }
  setlocale (LC_NUMERIC, saved);
}
FURROW_TEST ("/furrow/core/units/format-number", test_format_number);

/* An area in the window grouped as the amounts ("2,970.91" beside "¥1,485,455.00": the area in
 * full custody of the clerk's journey, its base at ¥500.00 a mu) in any locale, to 0.01 mu;
 * the CLI's furrow_format_mu() is left as it was, ungrouped in the C locale. */
static void
test_format_mu_grouped (void)
{
  static const char *locales[] = { NULL, "de_DE.UTF-8", "C" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *a = NULL, *b = NULL, *c = NULL;

      if (locales[i] != NULL && setlocale (LC_NUMERIC, locales[i]) == NULL)
        continue;
      a = furrow_format_mu_grouped (furrow_mu_to_m2 (2970.91));
      b = furrow_format_mu_grouped (furrow_mu_to_m2 (78.954));
      c = furrow_format_mu_grouped (10000.0 * 1000);  /* 1,000 ha = 15,000 mu */
      g_assert_cmpstr (a, ==, "2,970.91");
      g_assert_cmpstr (b, ==, "78.95");
      g_assert_cmpstr (c, ==, "15,000.00");
    }
  setlocale (LC_NUMERIC, "C");
  {
    g_autofree char *cli = furrow_format_mu (furrow_mu_to_m2 (2970.91));

    g_assert_cmpstr (cli, ==, "2970.91");
  }
  setlocale (LC_NUMERIC, saved);
}
FURROW_TEST ("/furrow/core/units/format-mu-grouped", test_format_mu_grouped);

FURROW_TEST_MAIN (.locale = "");
