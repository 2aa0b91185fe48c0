/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-crs.h"
#include "furrow-test.h"

/* What people type in the import assistant's CRS row and after `furrow-cli import --crs`:
 * WGS84 (4326), CGCS2000 geographic (4490) and CGCS2000 3-degree Gauss-Krüger codes: Weifang's
 * zone 40 with and without the zone prefix (4528, 4549), and 4547 (central meridian 114 E)
 * (docs/domain.md §4). */
static void
test_accepted (void)
{
  static const struct { const char *text; int epsg; } cases[] = {
    { "EPSG:4326", 4326 },
    { "epsg:4547", 4547 },
    { "Epsg:4528", 4528 },
    { "4549", 4549 },
    { "4490", 4490 },
    { "  EPSG:4490\t", 4490 },
    { "2147483647", G_MAXINT },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int epsg = -1;

      g_assert_true (furrow_crs_parse_epsg (cases[i].text, &epsg));
      g_assert_cmpint (epsg, ==, cases[i].epsg);
    }
}
FURROW_TEST ("/furrow/io/crs/accepted", test_accepted);

static void
test_refused (void)
{
  static const char *const cases[] = {
    NULL, "", "   ", "EPSG:", "EPSG", "WGS84", "CGCS2000", "EPSG:4326x", "4326 4490",
    "EPSG:43.26", "ESRI:102100", "0", "EPSG:0", "-4326", "EPSG:-1",
    "2147483648",            /* G_MAXINT + 1 */
    "99999999999999999999",  /* beyond gint64 */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int epsg = 31;

      g_assert_false (furrow_crs_parse_epsg (cases[i], &epsg));
      g_assert_cmpint (epsg, ==, 31);
    }
}
FURROW_TEST ("/furrow/io/crs/refused", test_refused);

FURROW_TEST_MAIN ();
