/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-geodesy.h"
#include "furrow-test-fields.h"
#include "furrow-test.h"
#include "furrow-validate.h"

/* issue 3: areas match GeographicLib on every real field to 0.001 m². */
#define MAX_DIFFERENCE_M2 0.001

/* Every polygon of tests/data/fields/…wgs84.geojson (800 real fields, PROVENANCE.md), measured
 * by furrow_geodesy_area_m2 and by Debian's geographiclib-tools Planimeter, the reference
 * implementation of Karney's algorithm. Holes count as |exterior| − Σ |holes| on both sides. */
static void
test_all_fields (void)
{
  g_auto(GStrv) names = test_field_file_names ();
  guint n_features = 0, n_holed = 0, n_multi = 0;
  double worst_m2 = 0;
  const char *worst_where = "";
  g_autofree char *worst_label = NULL;

  g_assert_cmpuint (g_strv_length (names), ==, 8);
  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autoptr(TestFieldFile) file = test_field_file_load (names[n]);
      g_autofree double *reference_m2 = test_planimeter_areas (file->geometries);
      double file_worst_m2 = 0;

      g_assert_cmpuint (file->geometries->len, ==, 100);
      for (guint i = 0; i < file->geometries->len; i++)
        {
          const FurrowGeometry *g = file->geometries->pdata[i];
          double area_m2 = furrow_geodesy_area_m2 (g);
          double difference_m2 = fabs (area_m2 - reference_m2[i]);

          if (difference_m2 > MAX_DIFFERENCE_M2)
            g_error ("%s feature %u: %.6f m² here, %.5f m² by Planimeter", names[n], i, area_m2,
                     reference_m2[i]);
          g_assert_cmpfloat (area_m2, >, 0);
          file_worst_m2 = MAX (file_worst_m2, difference_m2);
          if (difference_m2 >= worst_m2)
            {
              worst_m2 = difference_m2;
              worst_where = names[n];
              g_free (worst_label);
              worst_label = g_strdup_printf ("feature %u, %.5f m²", i, reference_m2[i]);
            }
          n_holed += g->polygons[0].n_rings > 1;
          n_multi += g->n_polygons > 1;
          n_features++;
        }
      g_test_message ("%s: 100 fields, worst |difference| %.6f m²", names[n], file_worst_m2);
    }

  /* PROVENANCE.md: 800 fields, 4 (nl) + 8 (dk) + 11 (de) with holes, one MultiPolygon; the
   * Japanese sample has one more field with a hole that the table does not list. */
  g_assert_cmpuint (n_features, ==, 800);
  g_assert_cmpuint (n_holed, ==, 4 + 8 + 11 + 1);
  g_assert_cmpuint (n_multi, ==, 1);
  g_test_message ("all %u fields: worst |difference| from Planimeter %.6f m² (%s %s)",
                  n_features, worst_m2, worst_where, worst_label);
}
FURROW_TEST ("/furrow/io/planimeter/all-fields", test_all_fields);

/* The real fields are valid polygons: validation finds nothing to report on any of them. */
static void
test_all_fields_valid (void)
{
  g_auto(GStrv) names = test_field_file_names ();
  g_autoptr(FurrowGeosContext) ctx = furrow_geos_context_new ();
  guint n_features = 0;

  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autoptr(TestFieldFile) file = test_field_file_load (names[n]);

      for (guint i = 0; i < file->geometries->len; i++)
        {
          g_autofree char *label = g_strdup_printf ("%s feature %u", names[n], i);
          g_autoptr(GPtrArray) issues = furrow_validate_geometry (ctx, label, file->geometries->pdata[i]);

          for (guint k = 0; k < issues->len; k++)
            g_test_message ("%s", ((FurrowValidationIssue *) issues->pdata[k])->message);
          g_assert_cmpuint (issues->len, ==, 0);
          n_features++;
        }
    }
  g_assert_cmpuint (n_features, ==, 800);
}
FURROW_TEST ("/furrow/io/planimeter/all-fields-valid", test_all_fields_valid);

FURROW_TEST_MAIN (.locale = "C.UTF-8");
