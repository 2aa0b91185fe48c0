/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pattern comparison chart (furrow-chart.h) drawn into an image and read back by its pixels
 * (issue 13, item 11): the LER panel has its dashed line at LER = 1, exactly where a bar of LER
 * 1.00 ends, and the net panel has none; wide, the two panels stand side by side and the chart is
 * as high as one panel. */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <stdlib.h>

#include "furrow-chart.h"
#include "furrow-test.h"

/* Whether the pixel at (x, y) is the LER = 1 line's colour (0.80, 0.14, 0.14). */
static gboolean
is_line (cairo_surface_t *surface,
         int              x,
         int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return abs (r - 204) <= 12 && abs (g - 36) <= 12 && abs (b - 36) <= 12;
}

/* Whether it is the first series' bar colour (0.21, 0.52, 0.89). */
static gboolean
is_bar (cairo_surface_t *surface,
        int              x,
        int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return abs (r - 54) <= 6 && abs (g - 133) <= 6 && abs (b - 227) <= 6;
}

static void
test_ler_one (void)
{
  /* Two patterns, one yield preset: LER 1.00 and 2.00; net ¥100 and ¥300 per mu. */
  FurrowChartComparison data = {
    .n_groups = 2,
    .n_series = 1,
    .group_label = { "A", "B" },
    .series_label = { "practical" },
    .ler = { { 1.0, 2.0 } },
    .net_fen_per_mu = { { 10000, 30000 } },
  };
  /* Stacked at 400 px: each panel 28 + 2 × (12 + 8) = 68 px high; LER at y 46 … 114, net at
   * 122 … 190; the whole chart 46 + 2 × 68 + 16 = 198 px. The bars of group A: y 74 … 86, of B
   * y 94 … 106 (46 + 28 + 20). */
  const int width = 400;
  int height = (int) furrow_chart_comparison_height_for_width (&data, width);
  cairo_surface_t *surface;
  cairo_t *cr;
  int bar_a_end = -1;
  guint line_px = 0, net_line_px = 0;
  int line_x = -1;

  g_assert_cmpint (height, ==, 198);
  g_assert_false (furrow_chart_comparison_side_by_side (width));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  furrow_chart_draw_comparison (cr, width, height, &data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Where bar A (LER 1.00) ends, along its middle row. */
  for (int x = 0; x < width; x++)
    if (is_bar (surface, x, 80))
      bar_a_end = x;
  g_assert_cmpint (bar_a_end, >, 0);
  /* The line crosses bar B (LER 2.00) in the LER panel: find it there. */
  for (int y = 72; y < 114; y++)
    for (int x = 0; x < width; x++)
      if (is_line (surface, x, y))
        {
          line_px++;
          if (y >= 94 && y < 106)
            line_x = x;
        }
  g_assert_cmpuint (line_px, >=, 12);
  g_assert_cmpint (line_x, >=, 0);
  g_assert_cmpint (abs (line_x - bar_a_end), <=, 1);
  /* The net panel has no such line. */
  for (int y = 150; y < height; y++)
    for (int x = 0; x < width; x++)
      if (is_line (surface, x, y))
        net_line_px++;
  g_assert_cmpuint (net_line_px, ==, 0);
  cairo_surface_destroy (surface);

  /* Wide: side by side, one panel high (46 + 68 + 16). */
  g_assert_true (furrow_chart_comparison_side_by_side (FURROW_CHART_SIDE_BY_SIDE_WIDTH));
  g_assert_cmpfloat (furrow_chart_comparison_height_for_width (&data, 760), ==, 130.0);
}
FURROW_TEST ("/furrow/io/chart/ler-one", test_ler_one);

FURROW_TEST_MAIN ();
