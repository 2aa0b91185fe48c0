/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-pattern.h"
#include "furrow-test.h"
#include "furrow-units.h"

/* docs/domain.md §5 table: unit width = (maize rows − 1) × maize spacing + (soy rows − 1) × soy
 * spacing + 2 × gap, and the plant spacings. The [est.] presets: arithmetic in furrow-pattern.c. */
static void
test_unit_widths (void)
{
  static const struct
  {
    const char *id;
    guint       maize_rows, soy_rows;
    double      width_m, maize_plant_m, soy_plant_m;
  } table[] = {
    { "2+4", 2, 4, 2.70, 0.115, 0.115 },  /* 0.40 + 3 × 0.30 + 2 × 0.70 */
    { "4+6", 4, 6, 4.30, 0.135, 0.105 },  /* 0.40 + 0.80 + 0.40 + 5 × 0.30 + 2 × 0.60 */
    { "3+4", 3, 4, 3.30, 0.135, 0.085 },  /* 2 × 0.60 + 3 × 0.30 + 2 × 0.60 */
    { "2+2", 2, 2, 2.00, 0.14, 0.10 },    /* [est.] 0.40 + 0.30 + 2 × 0.65 */
    { "2+3", 2, 3, 2.40, 0.12, 0.10 },    /* [est.] 0.40 + 2 × 0.30 + 2 × 0.70 */
    { "4+4", 4, 4, 3.70, 0.16, 0.10 },    /* [est.] 1.60 + 3 × 0.30 + 2 × 0.60 */
    { "2+6", 2, 6, 3.30, 0.09, 0.10 },    /* [est.] 0.40 + 5 × 0.30 + 2 × 0.70 */
    { "sole-maize", 4, 0, 2.40, 0.247, 0.0 },   /* 4 rows repeating at 0.60 m */
    { "sole-soybean", 0, 6, 2.40, 0.0, 0.10 },  /* 6 rows repeating at 0.40 m */
  };

  g_assert_cmpuint (furrow_pattern_n_presets (), ==, G_N_ELEMENTS (table));
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      FurrowPattern p;
      FurrowPatternRow rows[2 * FURROW_PATTERN_MAX_ROWS];
      double band_sum = 0.0;
      guint n;

      g_assert_true (furrow_pattern_preset (table[i].id, &p));
      g_assert_cmpstr (furrow_pattern_preset_info (i)->id, ==, table[i].id);
      g_assert_true (furrow_pattern_validate (&p, NULL));
      g_assert_cmpuint (p.maize_rows, ==, table[i].maize_rows);
      g_assert_cmpuint (p.soy_rows, ==, table[i].soy_rows);
      g_assert_cmpfloat_with_epsilon (furrow_pattern_unit_width_m (&p), table[i].width_m, 1e-9);
      if (p.maize_rows > 0)
        g_assert_cmpfloat_with_epsilon (p.sowing[FURROW_CROP_MAIZE].plant_spacing_m,
                                        table[i].maize_plant_m, 1e-12);
      if (p.soy_rows > 0)
        g_assert_cmpfloat_with_epsilon (p.sowing[FURROW_CROP_SOYBEAN].plant_spacing_m,
                                        table[i].soy_plant_m, 1e-12);

      /* the bands tile the unit: maize band + soybean band = W, rows inside their bands */
      n = furrow_pattern_rows (&p, rows);
      g_assert_cmpuint (n, ==, table[i].maize_rows + table[i].soy_rows);
      for (guint r = 0; r < n; r++)
        {
          band_sum += rows[r].band_left_m + rows[r].band_right_m;
          if (r > 0)
            g_assert_cmpfloat_with_epsilon (rows[r].offset_m - rows[r].band_left_m,
                                            rows[r - 1].offset_m + rows[r - 1].band_right_m,
                                            1e-12);
        }
      g_assert_cmpfloat_with_epsilon (band_sum, table[i].width_m, 1e-9);
      g_assert_cmpfloat_with_epsilon (furrow_pattern_band_width_m (&p, FURROW_CROP_MAIZE) +
                                      furrow_pattern_band_width_m (&p, FURROW_CROP_SOYBEAN),
                                      table[i].width_m, 1e-9);
      g_assert_cmpfloat_with_epsilon (rows[0].offset_m - rows[0].band_left_m, 0.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (rows[n - 1].offset_m + rows[n - 1].band_right_m,
                                      table[i].width_m, 1e-9);
    }
}
FURROW_TEST ("/furrow/core/pattern/unit-widths", test_unit_widths);

/* docs/domain.md §5: in 2 + 4 one mu holds 247 m of strip, 494 m of maize row, 988 m of soybean
 * row, about 4,290 maize and 8,590 soybean hills at 11.5 cm. 666.667 / 2.70 = 246.9 m. */
static void
test_per_mu_arithmetic (void)
{
  FurrowPattern p;

  furrow_pattern_preset ("2+4", &p);
  g_assert_cmpfloat_with_epsilon (FURROW_M2_PER_MU / furrow_pattern_unit_width_m (&p), 246.9, 0.05);
  g_assert_cmpfloat_with_epsilon (furrow_pattern_row_m_per_mu (&p, FURROW_CROP_MAIZE), 493.8, 0.05);
  g_assert_cmpfloat_with_epsilon (furrow_pattern_row_m_per_mu (&p, FURROW_CROP_SOYBEAN), 987.7,
                                  0.05);
  g_assert_cmpfloat_with_epsilon (furrow_pattern_hills_per_mu (&p, FURROW_CROP_MAIZE), 4294, 1.0);
  g_assert_cmpfloat_with_epsilon (furrow_pattern_hills_per_mu (&p, FURROW_CROP_SOYBEAN), 8588, 1.0);

  /* Sole maize: 666.667 / (0.60 × 0.247) = 4,498 hills per mu, the ~4,500 target. */
  furrow_pattern_preset ("sole-maize", &p);
  g_assert_cmpfloat_with_epsilon (furrow_pattern_hills_per_mu (&p, FURROW_CROP_MAIZE), 4498.4, 0.1);
  g_assert_cmpfloat (furrow_pattern_hills_per_mu (&p, FURROW_CROP_SOYBEAN), ==, 0.0);
}
FURROW_TEST ("/furrow/core/pattern/per-mu-arithmetic", test_per_mu_arithmetic);

/* Row classes: 2+4 has two maize border rows, soybean border-inner-inner-border; 4+6 has
 * inner maize rows; sole patterns have only sole rows. */
static void
test_row_positions (void)
{
  FurrowPattern p;
  FurrowPatternRow rows[2 * FURROW_PATTERN_MAX_ROWS];

  furrow_pattern_preset ("2+4", &p);
  furrow_pattern_rows (&p, rows);
  g_assert_cmpint (rows[0].position, ==, FURROW_ROW_BORDER);
  g_assert_cmpint (rows[1].position, ==, FURROW_ROW_BORDER);
  g_assert_cmpint (rows[2].position, ==, FURROW_ROW_BORDER);
  g_assert_cmpint (rows[3].position, ==, FURROW_ROW_INNER);
  g_assert_cmpint (rows[4].position, ==, FURROW_ROW_INNER);
  g_assert_cmpint (rows[5].position, ==, FURROW_ROW_BORDER);
  g_assert_cmpint (rows[2].crop, ==, FURROW_CROP_SOYBEAN);
  /* maize rows at 0.35 and 0.75, soybean from 0.75 + 0.70 = 1.45 */
  g_assert_cmpfloat_with_epsilon (rows[0].offset_m, 0.35, 1e-12);
  g_assert_cmpfloat_with_epsilon (rows[1].offset_m, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (rows[2].offset_m, 1.45, 1e-12);
  g_assert_cmpfloat_with_epsilon (rows[5].offset_m, 2.35, 1e-12);

  furrow_pattern_preset ("4+6", &p);
  furrow_pattern_rows (&p, rows);
  g_assert_cmpint (rows[1].position, ==, FURROW_ROW_INNER);
  g_assert_cmpint (rows[3].position, ==, FURROW_ROW_BORDER);
  /* wide middle: the second maize row owns 0.20 + 0.40 m */
  g_assert_cmpfloat_with_epsilon (rows[1].band_left_m + rows[1].band_right_m, 0.60, 1e-12);

  furrow_pattern_preset ("sole-soybean", &p);
  furrow_pattern_rows (&p, rows);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (rows[i].position, ==, FURROW_ROW_SOLE);
  g_assert_true (furrow_pattern_is_sole (&p));
}
FURROW_TEST ("/furrow/core/pattern/row-positions", test_row_positions);

/* The planter rule (furrow-pattern.c): the 2BFYD-2/4 (2.3 m) sows 2+4 (2.70 m, rows span
 * 2.00 m) one unit a pass; 4+6 (4.30 m, span 3.70 m) does not fit it; a 2.15 m seeder sows
 * 4+6 in two passes (2 × 2.15 = 4.30). */
static void
test_planter (void)
{
  FurrowPattern p;
  guint k = 0, m = 0;

  furrow_pattern_preset ("2+4", &p);
  g_assert_cmpfloat (p.planter_width_m, ==, 2.3);
  g_assert_cmpint (furrow_pattern_check_planter (&p, &k, &m), ==, FURROW_PLANTER_OK);
  g_assert_cmpuint (k, ==, 1);

  furrow_pattern_preset ("4+6", &p);
  g_assert_cmpint (furrow_pattern_check_planter (&p, &k, &m), ==, FURROW_PLANTER_MISMATCH);
  p.planter_width_m = 2.15;
  g_assert_cmpint (furrow_pattern_check_planter (&p, &k, &m), ==, FURROW_PLANTER_OK);
  g_assert_cmpuint (m, ==, 2);

  /* two 2+4 units a pass need a 4.70–5.50 m seeder */
  furrow_pattern_preset ("2+4", &p);
  p.planter_width_m = 5.0;
  g_assert_cmpint (furrow_pattern_check_planter (&p, &k, &m), ==, FURROW_PLANTER_OK);
  g_assert_cmpuint (k, ==, 2);
  p.planter_width_m = 3.5;
  g_assert_cmpint (furrow_pattern_check_planter (&p, &k, &m), ==, FURROW_PLANTER_MISMATCH);
  p.planter_width_m = 0.0;
  g_assert_cmpint (furrow_pattern_check_planter (&p, &k, &m), ==, FURROW_PLANTER_NOT_CHECKED);
}
FURROW_TEST ("/furrow/core/pattern/planter", test_planter);

static void
test_validate (void)
{
  FurrowPattern p;
  g_autoptr(GError) error = NULL;

  furrow_pattern_init_strip (&p, 0, 0);
  g_assert_false (furrow_pattern_validate (&p, &error));
  g_assert_error (error, FURROW_PATTERN_ERROR, FURROW_PATTERN_ERROR_INVALID);
  g_clear_error (&error);

  furrow_pattern_init_strip (&p, 2, 4);
  g_assert_true (furrow_pattern_validate (&p, NULL));
  g_assert_cmpfloat_with_epsilon (furrow_pattern_unit_width_m (&p), 2.70, 1e-12);
  p.gap_m = -0.1;
  g_assert_false (furrow_pattern_validate (&p, &error));
  g_clear_error (&error);

  furrow_pattern_init_strip (&p, 2, 4);
  p.sowing[FURROW_CROP_SOYBEAN].germination = 1.5;
  g_assert_false (furrow_pattern_validate (&p, &error));
  g_clear_error (&error);

  /* headland default: one unit width (docs/domain.md §5 [est.]) */
  furrow_pattern_preset ("4+6", &p);
  g_assert_cmpfloat_with_epsilon (furrow_pattern_headland_m (&p), 4.30, 1e-12);
  p.headland_m = 6.0;
  g_assert_cmpfloat (furrow_pattern_headland_m (&p), ==, 6.0);

  g_assert_false (furrow_pattern_preset ("4:2", &p));
}
FURROW_TEST ("/furrow/core/pattern/validate", test_validate);

/* furrow_pattern_parse(): what calibrate's CSV and plan's --maize-rows/--soy-rows accept. The
 * widths are the presets' spacings of furrow-pattern.c summed by hand. */
static void
test_parse (void)
{
  FurrowPattern p;

  /* a preset id */
  g_assert_true (furrow_pattern_parse ("4+6", &p));
  g_assert_cmpuint (p.maize_rows, ==, 4);
  /* 0.40 + 0.80 + 0.40 + 5 × 0.30 + 2 × 0.60 = 4.30 m */
  g_assert_cmpfloat_with_epsilon (furrow_pattern_unit_width_m (&p), 4.30, 1e-12);
  g_assert_true (furrow_pattern_parse ("sole-maize", &p));
  g_assert_cmpuint (p.soy_rows, ==, 0);

  /* rows with a preset: the preset ("2,2" is the 2+2 preset: 0.40 + 0.30 + 2 × 0.65 = 2.00 m) */
  g_assert_true (furrow_pattern_parse ("2,2", &p));
  g_assert_cmpuint (p.maize_rows, ==, 2);
  g_assert_cmpuint (p.soy_rows, ==, 2);
  g_assert_cmpfloat_with_epsilon (furrow_pattern_unit_width_m (&p), 2.00, 1e-12);
  g_assert_cmpfloat (p.sowing[FURROW_CROP_MAIZE].plant_spacing_m, ==, 0.14);
  g_assert_true (furrow_pattern_parse (" 3 + 4 ", &p));
  g_assert_cmpfloat (p.sowing[FURROW_CROP_SOYBEAN].plant_spacing_m, ==, 0.085);

  /* rows without one: the 2+4 spacings, 0.40 + 4 × 0.30 + 2 × 0.70 = 3.00 m for 2+5 */
  g_assert_true (furrow_pattern_parse ("2+5", &p));
  g_assert_cmpuint (p.soy_rows, ==, 5);
  g_assert_cmpfloat_with_epsilon (furrow_pattern_unit_width_m (&p), 3.00, 1e-12);

  /* not a pattern */
  g_assert_false (furrow_pattern_parse ("0+0", &p));
  g_assert_false (furrow_pattern_parse ("2+4+6", &p));
  g_assert_false (furrow_pattern_parse ("two+four", &p));
  g_assert_false (furrow_pattern_parse ("2+99", &p));
  g_assert_false (furrow_pattern_parse ("", &p));

  /* furrow_pattern_init_rows() is the same lookup without the text */
  furrow_pattern_init_rows (&p, 4, 0);
  g_assert_cmpfloat (p.sowing[FURROW_CROP_MAIZE].plant_spacing_m, ==, 0.247);
  furrow_pattern_init_rows (&p, 1, 1);
  /* 0.30 soybean spacing unused with one row: 2 × 0.70 = 1.40 m */
  g_assert_cmpfloat_with_epsilon (furrow_pattern_unit_width_m (&p), 1.40, 1e-12);
}
FURROW_TEST ("/furrow/core/pattern/parse", test_parse);

FURROW_TEST_MAIN (.locale = "");
