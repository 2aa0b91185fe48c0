/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "furrow-local-frame.h"
#include "furrow-plan-batch-testing.h"
#include "furrow-plan-batch.h"
#include "furrow-test.h"

/* 30 rectangles of 100–390 m × 200 m along 36.5 N east of 119.4 E, each drawn in the tangent
 * plane at its own centre (so its sides run north–south there). */
static GPtrArray *
make_fields (void)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_geometry_unref);

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(FurrowLocalFrame) frame = furrow_local_frame_new (119.4 + 0.01 * i, 36.5, NULL);
      double half = (100.0 + 10.0 * i) / 2;
      FurrowPoint pts[4] = { { -half, -100 }, { half, -100 }, { half, 100 }, { -half, 100 } };
      FurrowGeometry *g = furrow_geometry_new ();

      furrow_local_frame_inverse (frame, pts, pts, 4);
      furrow_geometry_add_ring (g, furrow_geometry_add_polygon (g), pts, 4);
      g_ptr_array_add (fields, g);
    }
  return fields;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The batch in a thread gives what planning each field on its own gives. */
static void
test_async_matches (void)
{
  g_autoptr(GPtrArray) fields = make_fields ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPattern p;
  FurrowYieldModel m;

  furrow_pattern_preset ("2+4", &p);
  furrow_yield_model_preset ("practical", &m, NULL);
  furrow_plan_batch_async ((FurrowGeometry * const *) fields->pdata, fields->len, &p, &m,
                           FURROW_LAYOUT_DEFAULT, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = furrow_plan_batch_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 30);

  for (guint i = 0; i < fields->len; i++)
    {
      const FurrowPlanResult *r = g_ptr_array_index (results, i);
      g_autoptr(FurrowLayout) l = furrow_layout_compute (g_ptr_array_index (fields, i), &p,
                                                         FURROW_LAYOUT_DEFAULT, NULL);
      FurrowYieldPrediction y;

      furrow_yield_model_predict_layout (&m, l, &y);
      g_assert_cmpfloat (r->layout->crop[0].row_m, ==, l->crop[0].row_m);
      g_assert_cmpfloat (r->layout->planted_area_m2, ==, l->planted_area_m2);
      g_assert_cmpuint (r->layout->rows->len, ==, l->rows->len);
      g_assert_cmpfloat (r->prediction.yield_kg[1], ==, y.yield_kg[1]);
      /* 200 m rows less two 2.70 m headlands */
      g_assert_cmpfloat_with_epsilon (r->layout->crop[0].row_m,
                                      r->layout->crop[0].rows * (200.0 - 2 * 2.70), 0.01);
    }
}
FURROW_TEST ("/furrow/core/plan-batch/async", test_async_matches);

/* A cancelled batch returns G_IO_ERROR_CANCELLED; a field that cannot be planned stops the batch
 * with an error naming its position. */
static void
test_errors (void)
{
  g_autoptr(GPtrArray) fields = make_fields ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FurrowPattern p;
  FurrowYieldModel m;

  furrow_pattern_preset ("4+6", &p);
  furrow_yield_model_preset ("survey", &m, NULL);
  g_cancellable_cancel (cancellable);
  furrow_plan_batch_async ((FurrowGeometry * const *) fields->pdata, fields->len, &p, &m,
                           FURROW_LAYOUT_QUANTITIES_ONLY, cancellable, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (furrow_plan_batch_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_ptr_array_add (fields, furrow_geometry_new ());
  g_assert_null (furrow_plan_batch ((FurrowGeometry * const *) fields->pdata, fields->len, &p,
                                    &m, FURROW_LAYOUT_QUANTITIES_ONLY, NULL, &error));
  g_assert_error (error, FURROW_LAYOUT_ERROR, FURROW_LAYOUT_ERROR_EMPTY_FIELD);
  g_assert_nonnull (strstr (error->message, "31"));
}
FURROW_TEST ("/furrow/core/plan-batch/errors", test_errors);

FURROW_TEST_MAIN (.locale = "");
