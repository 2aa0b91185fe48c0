/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "furrow-layout.h"
#include "furrow-local-frame.h"
#include "furrow-test.h"
#include "furrow-yield-model.h"

/* docs/domain.md §6: calibration presets for the reference pattern 2 + 4 reproduce their partial
 * LERs exactly on the ideal strip. */
static void
test_presets_reproduce_pler (void)
{
  static const struct
  {
    const char *id;
    double      maize, soy;
  } table[] = {
    { "practical", 0.90, 0.60 },
    { "xiashan", 1.00, 0.80 },
    { "survey", 0.85, 0.45 },
  };
  FurrowPattern p;

  furrow_pattern_preset ("2+4", &p);
  g_assert_cmpuint (furrow_yield_model_n_presets (), ==, 3);
  g_assert_cmpstr (furrow_yield_model_preset_id (0), ==, "practical");
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      FurrowYieldModel m;
      FurrowYieldPrediction y;

      g_assert_true (furrow_yield_model_preset (table[i].id, &m, NULL));
      g_assert_cmpstr (m.name, ==, table[i].id);
      /* sole yields 550 / 200 kg/mu [est.] */
      g_assert_cmpfloat (m.sole_yield_kg_per_mu[FURROW_CROP_MAIZE], ==, 550.0);
      g_assert_cmpfloat (m.sole_yield_kg_per_mu[FURROW_CROP_SOYBEAN], ==, 200.0);
      furrow_yield_model_predict (&m, &p, &y);
      g_assert_cmpfloat_with_epsilon (y.pler[FURROW_CROP_MAIZE], table[i].maize, 1e-12);
      g_assert_cmpfloat_with_epsilon (y.pler[FURROW_CROP_SOYBEAN], table[i].soy, 1e-12);
      g_assert_cmpfloat_with_epsilon (y.ler, table[i].maize + table[i].soy, 1e-12);
      g_assert_cmpfloat_with_epsilon (y.yield_kg_per_mu[FURROW_CROP_MAIZE],
                                      550.0 * table[i].maize, 1e-9);
      /* border/inner ratios [est.]: maize border +20 %, soybean border −20 % */
      g_assert_cmpfloat_with_epsilon (m.border_factor[0] / m.inner_factor[0], 1.20, 1e-12);
      g_assert_cmpfloat_with_epsilon (m.border_factor[1] / m.inner_factor[1], 0.80, 1e-12);
    }
  {
    FurrowYieldModel m;
    g_autoptr(GError) error = NULL;

    g_assert_false (furrow_yield_model_preset ("optimistic", &m, &error));
    g_assert_error (error, FURROW_YIELD_ERROR, FURROW_YIELD_ERROR_UNKNOWN_PRESET);
  }
}
FURROW_TEST ("/furrow/core/yield-model/presets", test_presets_reproduce_pler);

/* A sole pattern at sole density gives pLER 1 (and below sole density less, never more). */
static void
test_sole_is_one (void)
{
  for (guint i = 0; i < furrow_yield_model_n_presets (); i++)
    {
      FurrowYieldModel m;
      FurrowYieldPrediction y;
      FurrowPattern p;

      furrow_yield_model_preset (furrow_yield_model_preset_id (i), &m, NULL);
      furrow_pattern_preset ("sole-maize", &p);
      furrow_yield_model_predict (&m, &p, &y);
      g_assert_cmpfloat_with_epsilon (y.pler[FURROW_CROP_MAIZE], 1.0, 1e-12);
      g_assert_cmpfloat (y.pler[FURROW_CROP_SOYBEAN], ==, 0.0);
      g_assert_cmpfloat_with_epsilon (y.yield_kg_per_mu[FURROW_CROP_MAIZE], 550.0, 1e-9);

      furrow_pattern_preset ("sole-soybean", &p);
      furrow_yield_model_predict (&m, &p, &y);
      g_assert_cmpfloat_with_epsilon (y.pler[FURROW_CROP_SOYBEAN], 1.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (y.ler, 1.0, 1e-12);

      /* half the plants: R(0.5) = 0.5^0.6 for soybean */
      p.sowing[FURROW_CROP_SOYBEAN].plant_spacing_m *= 2.0;
      furrow_yield_model_predict (&m, &p, &y);
      g_assert_cmpfloat_with_epsilon (y.pler[FURROW_CROP_SOYBEAN], pow (0.5, 0.6), 1e-12);
      /* denser than sole: no more than sole */
      p.sowing[FURROW_CROP_SOYBEAN].plant_spacing_m /= 4.0;
      furrow_yield_model_predict (&m, &p, &y);
      g_assert_cmpfloat_with_epsilon (y.pler[FURROW_CROP_SOYBEAN], 1.0, 1e-12);
    }
}
FURROW_TEST ("/furrow/core/yield-model/sole-is-one", test_sole_is_one);

/* More soybean rows per unit (same spacings: 2+3, 2+4, 2+5, 2+6) raise the soybean pLER and
 * lower the maize pLER (from 2+4 on; 2+3 is denser in maize than sole, capped at R = 1). */
static void
test_more_soybean_rows (void)
{
  FurrowYieldModel m;
  FurrowYieldPrediction prev = { 0 };

  furrow_yield_model_preset ("practical", &m, NULL);
  for (guint soy = 3; soy <= 6; soy++)
    {
      FurrowPattern p;
      FurrowYieldPrediction y;

      furrow_pattern_init_strip (&p, 2, soy);
      furrow_yield_model_predict (&m, &p, &y);
      if (soy > 3)
        {
          g_assert_cmpfloat (y.pler[FURROW_CROP_SOYBEAN], >, prev.pler[FURROW_CROP_SOYBEAN]);
          g_assert_cmpfloat (y.pler[FURROW_CROP_MAIZE], <=, prev.pler[FURROW_CROP_MAIZE]);
        }
      if (soy > 4)
        g_assert_cmpfloat (y.pler[FURROW_CROP_MAIZE], <, prev.pler[FURROW_CROP_MAIZE]);
      prev = y;
    }
}
FURROW_TEST ("/furrow/core/yield-model/more-soybean-rows", test_more_soybean_rows);

/* More maize rows per strip (2+4, 3+4, 4+4, 6+4) dilute the maize border advantage: the row
 * factor falls from the border value towards the inner value. */
static void
test_more_maize_rows_dilute (void)
{
  FurrowYieldModel m;
  double prev = G_MAXDOUBLE;

  furrow_yield_model_preset ("practical", &m, NULL);
  for (guint maize = 2; maize <= 6; maize++)
    {
      FurrowPattern p;
      double f;

      furrow_pattern_init_strip (&p, maize, 4);
      f = furrow_yield_model_row_factor (&m, &p, FURROW_CROP_MAIZE);
      if (maize == 2)
        g_assert_cmpfloat_with_epsilon (f, m.border_factor[FURROW_CROP_MAIZE], 1e-12);
      g_assert_cmpfloat (f, <, prev);
      g_assert_cmpfloat (f, >, m.inner_factor[FURROW_CROP_MAIZE]);
      prev = f;
    }
}
FURROW_TEST ("/furrow/core/yield-model/more-maize-rows", test_more_maize_rows_dilute);

/* Under `practical`, the published configurations with an LER in
 * tests/data/intercropping_yields_transcribed.csv land within the reported LER range of
 * docs/domain.md §6 (1.22 semi-arid … 1.8 Xiashan) and within 0.20 of their own published value.
 * Each is built as rows per crop at the guidance spacings (maize 0.40, soybean 0.30, plants
 * 0.115 m), the gap set to fill the published band width when there is one.
 * Model vs published: FENG2021 2.0 m 2+2 1.37 vs 1.55 (the largest miss: with two soybean rows
 * at 0.115 m the soybean density is 35 % of sole and the model cuts soybean yield; the trial's
 * 2+2 did not lose as much), 2.4 m 2+3 1.46 vs 1.44, 2.4 m 2+4 1.58 vs 1.59 (and vs 1.77 in
 * the single year 2019: 0.19, a good year the model does not know about),
 * 2.8 m 2+3 1.35 vs 1.35, 2.8 m 2+4 1.46 vs 1.44; HLJ2023 2 maize + 4 soybean 1.50 vs 1.38 (a
 * north-east China season, no band width given: the 2.70 m guidance unit is used). */
static void
test_published_configurations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "intercropping_yields_transcribed.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  FurrowYieldModel m;
  guint checked = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  furrow_yield_model_preset ("practical", &m, NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) f = furrow_test_split_csv_line (lines[i]);
      const char *metric, *band;
      guint maize, soy;
      double published, ler;
      FurrowPattern p;
      FurrowYieldPrediction y;

      if (f->len < 13)
        continue;
      metric = g_ptr_array_index (f, 9);
      if (!g_str_has_prefix (metric, "LER"))
        continue;
      band = g_ptr_array_index (f, 6);
      maize = atoi (g_ptr_array_index (f, 7));
      soy = atoi (g_ptr_array_index (f, 8));
      published = g_ascii_strtod (g_ptr_array_index (f, 10), NULL);
      if (maize == 0 || soy == 0)
        continue;

      furrow_pattern_init_strip (&p, maize, soy);
      if (*band)
        p.gap_m = (g_ascii_strtod (band, NULL) - (maize - 1) * 0.40 - (soy - 1) * 0.30) / 2.0;
      g_assert_true (furrow_pattern_validate (&p, NULL));
      furrow_yield_model_predict (&m, &p, &y);
      ler = y.ler;
      g_test_message ("%s %s %u+%u: model LER %.2f, published %.2f",
                      (char *) g_ptr_array_index (f, 0), (char *) g_ptr_array_index (f, 5),
                      maize, soy, ler, published);
      g_assert_cmpfloat (ler, >=, 1.22);
      g_assert_cmpfloat (ler, <=, 1.80);
      g_assert_cmpfloat (fabs (ler - published), <=, 0.20);
      checked++;
    }
  /* FENG2021: 6 LER rows; HLJ2023: 1 */
  g_assert_cmpuint (checked, ==, 7);
}
FURROW_TEST ("/furrow/core/yield-model/published", test_published_configurations);

/* On a big field with no headland the field prediction approaches the ideal strip: a
 * 1,000 m square, 2+4 under practical: pLER 0.90 / 0.60 within the edge effect (2.70 / 1000). */
static void
test_layout_prediction (void)
{
  g_autoptr(FurrowLocalFrame) frame = furrow_local_frame_new (119.4, 36.5, NULL);
  g_autoptr(FurrowGeometry) field = furrow_geometry_new ();
  g_autoptr(FurrowLayout) layout = NULL;
  FurrowPoint pts[4] = { { -500, -500 }, { 500, -500 }, { 500, 500 }, { -500, 500 } };
  FurrowYieldModel m;
  FurrowYieldPrediction y;
  FurrowPattern p;

  furrow_local_frame_inverse (frame, pts, pts, 4);
  furrow_geometry_add_ring (field, furrow_geometry_add_polygon (field), pts, 4);
  furrow_pattern_preset ("2+4", &p);
  p.headland_m = 0.0;
  layout = furrow_layout_compute (field, &p, FURROW_LAYOUT_QUANTITIES_ONLY, NULL);
  g_assert_nonnull (layout);
  furrow_yield_model_preset ("practical", &m, NULL);
  furrow_yield_model_predict_layout (&m, layout, &y);
  g_assert_cmpfloat_with_epsilon (y.pler[FURROW_CROP_MAIZE], 0.90, 0.90 * 0.0027);
  g_assert_cmpfloat_with_epsilon (y.pler[FURROW_CROP_SOYBEAN], 0.60, 0.60 * 0.0027);
  /* 1,500 mu × 550 kg × 0.90 */
  g_assert_cmpfloat_with_epsilon (y.yield_kg[FURROW_CROP_MAIZE], 1500 * 550 * 0.90,
                                  1500 * 550 * 0.90 * 0.0027);

  /* with headlands the pLER of the field drops by the unsown share */
  p.headland_m = 10.0;
  {
    g_autoptr(FurrowLayout) l2 = furrow_layout_compute (field, &p, FURROW_LAYOUT_QUANTITIES_ONLY,
                                                        NULL);
    FurrowYieldPrediction y2;

    furrow_yield_model_predict_layout (&m, l2, &y2);
    g_assert_cmpfloat_with_epsilon (y2.pler[FURROW_CROP_SOYBEAN] / y.pler[FURROW_CROP_SOYBEAN],
                                    980.0 / 1000.0, 1e-4);
  }
}
FURROW_TEST ("/furrow/core/yield-model/layout", test_layout_prediction);

/* Fitting recovers known factors from synthetic measurements: yields made with maize border
 * 1.10 / inner 0.90 and soybean border 0.70 / inner 0.95 on four patterns that differ in their
 * border share are fitted back exactly; only 2+4 fields cannot separate border from inner rows,
 * so the base ratio is kept; noise shows up in the residuals. */
static void
test_fit (void)
{
  static const char *ids[] = { "2+4", "4+6", "3+4", "4+4" };
  FurrowYieldObservation obs[G_N_ELEMENTS (ids)];
  FurrowYieldModel base, truth;
  g_autofree FurrowYieldCalibration *cal = g_new0 (FurrowYieldCalibration, 1);
  g_autoptr(GError) error = NULL;

  furrow_yield_model_preset ("practical", &base, NULL);
  truth = base;
  truth.border_factor[0] = 1.10;
  truth.inner_factor[0] = 0.90;
  truth.border_factor[1] = 0.70;
  truth.inner_factor[1] = 0.95;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      FurrowYieldPrediction y;

      furrow_pattern_preset (ids[i], &obs[i].pattern);
      furrow_yield_model_predict (&truth, &obs[i].pattern, &y);
      obs[i].yield_kg_per_mu[0] = y.yield_kg_per_mu[0];
      obs[i].yield_kg_per_mu[1] = y.yield_kg_per_mu[1];
    }

  g_assert_true (furrow_yield_model_fit (&base, "coop-2025", obs, G_N_ELEMENTS (obs), cal,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cal->model.name, ==, "coop-2025");
  g_assert_cmpfloat_with_epsilon (cal->model.border_factor[0], 1.10, 1e-9);
  g_assert_cmpfloat_with_epsilon (cal->model.inner_factor[0], 0.90, 1e-9);
  g_assert_cmpfloat_with_epsilon (cal->model.border_factor[1], 0.70, 1e-9);
  g_assert_cmpfloat_with_epsilon (cal->model.inner_factor[1], 0.95, 1e-9);
  g_assert_false (cal->ratio_kept[0]);
  g_assert_cmpuint (cal->n_used[0], ==, 4);
  g_assert_cmpfloat (cal->rms_kg_per_mu[0], <, 1e-6);
  g_assert_cmpfloat (cal->rms_kg_per_mu[1], <, 1e-6);

  /* Noise of ±10 kg on the maize yields: the residuals and their rms report it. */
  obs[0].yield_kg_per_mu[0] += 10.0;
  obs[1].yield_kg_per_mu[0] -= 10.0;
  obs[2].yield_kg_per_mu[0] += 10.0;
  obs[3].yield_kg_per_mu[0] -= 10.0;
  obs[3].yield_kg_per_mu[1] = NAN;   /* soybean not weighed on one field */
  g_assert_true (furrow_yield_model_fit (&base, "noisy", obs, G_N_ELEMENTS (obs), cal, NULL));
  g_assert_cmpfloat (cal->rms_kg_per_mu[0], >, 1.0);
  g_assert_cmpfloat (cal->rms_kg_per_mu[0], <=, 10.0);
  g_assert_cmpuint (cal->n_used[1], ==, 3);
  g_assert_true (isnan (cal->residual_kg_per_mu[1][3]));
  g_assert_cmpfloat_with_epsilon (cal->model.border_factor[1], 0.70, 1e-9);

  /* Only 2+4 fields: maize has border rows only; the practical ratio 1.20 is kept and the
   * level fits the measured 500 kg/mu. */
  {
    FurrowYieldObservation one;
    FurrowYieldPrediction y;

    furrow_pattern_preset ("2+4", &one.pattern);
    one.yield_kg_per_mu[0] = 500.0;
    one.yield_kg_per_mu[1] = 150.0;
    g_assert_true (furrow_yield_model_fit (&base, "one-field", &one, 1, cal, NULL));
    g_assert_true (cal->ratio_kept[0]);
    g_assert_cmpfloat_with_epsilon (cal->model.border_factor[0] / cal->model.inner_factor[0],
                                    1.20, 1e-12);
    furrow_yield_model_predict (&cal->model, &one.pattern, &y);
    g_assert_cmpfloat_with_epsilon (y.yield_kg_per_mu[0], 500.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (y.yield_kg_per_mu[1], 150.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (cal->residual_kg_per_mu[0][0], 0.0, 1e-9);
  }

  g_assert_false (furrow_yield_model_fit (&base, "none", obs, 0, cal, &error));
  g_assert_error (error, FURROW_YIELD_ERROR, FURROW_YIELD_ERROR_INVALID);
}
FURROW_TEST ("/furrow/core/yield-model/fit", test_fit);

FURROW_TEST_MAIN (.locale = "");
