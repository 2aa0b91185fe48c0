/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"


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

FURROW_TEST_MAIN (.locale = "");
