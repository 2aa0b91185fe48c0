/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The field editor's edits (app/core/edit/furrow-edit-field.h) through FurrowHistory: drawing a
 * field (its code, name and custody, undo and redo), reshaping one (the boundary and measured
 * area in the model and the file, undo and redo), no merging of two reshapes, and a reshape
 * refused because the field is gone, which leaves the history as it was. */

#include "config.h"


#include "furrow-edit-field.h"
#include "furrow-geodesy.h"
#include "furrow-history-testing.h"
#include "furrow-history.h"
#include "furrow-store.h"
#include "furrow-test.h"

typedef struct
{
  FurrowStore   *store;
  FurrowHistory *history;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "coop.gpkg", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fixture->store = furrow_store_create (path, &error);
  g_assert_no_error (error);
  fixture->history = furrow_history_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->store);
}

/* A rectangle of w × h degrees with its south-west corner at (x, y), counter-clockwise. */
static FurrowGeometry *
box (double x,
     double y,
     double w,
     double h)
{
  FurrowGeometry *geometry = furrow_geometry_new ();
  FurrowPoint ring[] = { { x, y }, { x + w, y }, { x + w, y + h }, { x, y + h } };

  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring,
                            G_N_ELEMENTS (ring));
  return geometry;
}

static FurrowField *
field_at (FurrowStore *store,
          guint        position)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);

  return g_list_model_get_item (fields, position);
}

static guint
n_fields (FurrowStore *store)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);

  return g_list_model_get_n_items (fields);
}

/* The measured area of the first field as the file holds it (a second connection). */
static double
stored_area_m2 (FurrowStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowStore) file = furrow_store_open (furrow_store_get_path (store), &error);
  g_autoptr(FurrowField) field = NULL;

  g_assert_no_error (error);
  field = field_at (file, 0);
  return furrow_field_get_measured_area_m2 (field);
}

static gboolean
draw (Fixture               *fixture,
      const FurrowGeometry  *geometry,
      FurrowField          **drawn)
{
  g_autoptr(FurrowEdit) edit = furrow_edit_field_new_draw (fixture->store, geometry);
  g_autoptr(GError) error = NULL;

  if (!furrow_history_push (fixture->history, g_object_ref (edit), &error))
    return FALSE;
  g_assert_no_error (error);
  *drawn = furrow_edit_field_get_field (edit);
  return TRUE;
}

/* A drawn field is N001, "New field 1", full custody, with the geodesic area of its boundary;
 * the next one drawn is N002, "New field 2". Undo removes the newest; redo brings it back. */
static void
test_draw (Fixture       *fixture,
           gconstpointer  data)
{
  /* 0.002° × 0.001° at 36.45° N: about 179 m × 111 m, some 19,900 m² (the exact figure is
   * furrow_geodesy_area_m2(), tested against GeographicLib in test-geodesy). */
  g_autoptr(FurrowGeometry) first = box (119.400, 36.450, 0.002, 0.001);
  g_autoptr(FurrowGeometry) second = box (119.410, 36.450, 0.001, 0.001);
  g_autoptr(FurrowField) field = NULL;
  g_autoptr(FurrowField) other = NULL;
  g_autoptr(GError) error = NULL;
  double area_m2 = furrow_geodesy_area_m2 (first);

  g_assert_cmpfloat (area_m2, >, 19000.0);
  g_assert_cmpfloat (area_m2, <, 21000.0);

  g_assert_true (draw (fixture, first, &field));
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Draw field");
  /* The live object of the model, not a copy. */
  {
    g_autoptr(FurrowField) live = field_at (fixture->store, 0);

    g_assert_true (field == live);
  }
  g_assert_cmpstr (furrow_field_get_code (field), ==, "N001");
  g_assert_cmpstr (furrow_field_get_name (field), ==, "New field 1");
  g_assert_cmpint (furrow_field_get_custody (field), ==, FURROW_CUSTODY_FULL);
  g_assert_cmpfloat_with_epsilon (furrow_field_get_measured_area_m2 (field), area_m2, 1e-6);
  g_assert_cmpfloat_with_epsilon (stored_area_m2 (fixture->store), area_m2, 1e-6);

  g_assert_true (draw (fixture, second, &other));
  g_assert_cmpstr (furrow_field_get_code (other), ==, "N002");
  g_assert_cmpstr (furrow_field_get_name (other), ==, "New field 2");

  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_fields (fixture->store), ==, 1);
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, 1);
  g_assert_true (furrow_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, 2);
  {
    g_autoptr(FurrowField) redone = field_at (fixture->store, 1);

    g_assert_cmpstr (furrow_field_get_code (redone), ==, "N002");
    g_assert_true (furrow_geometry_equal (furrow_field_get_geometry (redone), second));
  }

  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, 0);
  g_assert_false (furrow_history_get_can_undo (fixture->history));
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-field/draw", Fixture, fixture_set_up, test_draw,
                     fixture_tear_down);

/* Reshaping from 0.002° × 0.001° to 0.001° × 0.001° halves the measured area (to within the
 * curvature over 0.001°); undo gives back the first boundary and area, in the model and the
 * file. Two reshapes of the same field are two steps. */
static void
test_reshape (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowGeometry) wide = box (119.400, 36.450, 0.002, 0.001);
  g_autoptr(FurrowGeometry) narrow = box (119.400, 36.450, 0.001, 0.001);
  g_autoptr(FurrowGeometry) tall = box (119.400, 36.450, 0.001, 0.002);
  g_autoptr(FurrowField) field = NULL;
  g_autoptr(GError) error = NULL;
  double wide_m2 = furrow_geodesy_area_m2 (wide);

  g_assert_true (draw (fixture, wide, &field));
  g_assert_true (furrow_history_push (fixture->history,
                                      furrow_edit_field_new_reshape (fixture->store, field,
                                                                     narrow),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Reshape field");
  g_assert_true (furrow_geometry_equal (furrow_field_get_geometry (field), narrow));
  g_assert_cmpfloat_with_epsilon (furrow_field_get_measured_area_m2 (field) * 2, wide_m2, 1.0);
  g_assert_cmpfloat_with_epsilon (stored_area_m2 (fixture->store) * 2, wide_m2, 1.0);

  g_assert_true (furrow_history_push (fixture->history,
                                      furrow_edit_field_new_reshape (fixture->store, field, tall),
                                      &error));
  g_assert_no_error (error);
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_true (furrow_geometry_equal (furrow_field_get_geometry (field), narrow));
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_geometry_equal (furrow_field_get_geometry (field), wide));
  g_assert_cmpfloat_with_epsilon (furrow_field_get_measured_area_m2 (field), wide_m2, 1e-6);
  g_assert_cmpfloat_with_epsilon (stored_area_m2 (fixture->store), wide_m2, 1e-6);
  g_assert_cmpstr (furrow_history_get_undo_label (fixture->history), ==, "Draw field");

  g_assert_true (furrow_history_redo (fixture->history, &error));
  g_assert_no_error (error);
  g_assert_true (furrow_geometry_equal (furrow_field_get_geometry (field), narrow));
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-field/reshape", Fixture, fixture_set_up, test_reshape,
                     fixture_tear_down);

/* A reshape of a field that is no longer in the project fails with its code, is not recorded,
 * and the redo stack stays. */
static void
test_reshape_gone (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FurrowGeometry) wide = box (119.400, 36.450, 0.002, 0.001);
  g_autoptr(FurrowGeometry) narrow = box (119.400, 36.450, 0.001, 0.001);
  g_autoptr(FurrowField) field = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (draw (fixture, wide, &field));
  g_assert_true (furrow_history_undo (fixture->history, &error));
  g_assert_no_error (error);

  g_assert_false (furrow_history_push (fixture->history,
                                       furrow_edit_field_new_reshape (fixture->store, field,
                                                                      narrow),
                                       &error));
  g_assert_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The field N001 is no longer in the project");
  g_assert_true (furrow_geometry_equal (furrow_field_get_geometry (field), wide));
  g_assert_false (furrow_history_get_can_undo (fixture->history));
  g_assert_cmpstr (furrow_history_get_redo_label (fixture->history), ==, "Draw field");
  g_assert_cmpint (furrow_store_count_fields (fixture->store, NULL), ==, 0);
}
FURROW_TEST_FIXTURE ("/furrow/core/edit-field/reshape-gone", Fixture, fixture_set_up,
                     test_reshape_gone, fixture_tear_down);

FURROW_TEST_MAIN (.locale = "C");
