/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "furrow-demo.h"
#include "furrow-field-tile-source.h"
#include "furrow-register-testing.h"
#include "furrow-register.h"
#include "furrow-selection-layer.h"
#include "furrow-test-gui.h"
#include "furrow-field-tile-source-testing.h"
#include "furrow-selection-layer-testing.h"

/* The demo cooperative's fields drawn as map tiles on a bare ShumateMap (no base map, so every
 * pixel that is not a field is the map's background), the selection overlay above them. */

typedef struct
{
  char                  *tmpdir;
  FurrowStore           *store;
  GtkWindow             *window;
  ShumateMap            *map;
  FurrowFieldTileSource *source;
  FurrowSelectionLayer  *selection;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *fields;

  fixture->tmpdir = furrow_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "demo.gpkg", NULL);
  fixture->store = furrow_demo_create (path, &error);
  g_assert_no_error (error);
  fields = furrow_store_get_fields (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, FURROW_DEMO_N_FIELDS);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->map = shumate_map_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map));

  fixture->source = furrow_field_tile_source_new ();
  furrow_field_tile_source_set_fields (fixture->source, fields);
  furrow_field_tile_source_attach (fixture->source, fixture->map);
  fixture->selection = furrow_selection_layer_new (shumate_map_get_viewport (fixture->map));
  furrow_selection_layer_set_fields (fixture->selection, fields);
  shumate_map_add_layer (fixture->map, SHUMATE_LAYER (fixture->selection));
  g_object_unref (fields);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_destroy_windows ();
  g_clear_object (&fixture->source);
  g_clear_object (&fixture->store);
  furrow_test_remove_tmpdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static FurrowField *
nth_field (Fixture *fixture,
           guint    i)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (fixture->store);

  return g_list_model_get_item (fields, i);
}

/* Centres the map on @field at @zoom and shows the window. */
static void
show_field (Fixture     *fixture,
            FurrowField *field,
            double       zoom)
{
  ShumateViewport *viewport = shumate_map_get_viewport (fixture->map);
  double west, south, east, north;

  g_assert_true (furrow_geometry_get_bounds (furrow_field_get_geometry (field),
                                             &west, &south, &east, &north));
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), (south + north) / 2,
                                 (west + east) / 2);
  gtk_window_present (fixture->window);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->map));
}

/* Renders the map until no tile request is pending for a while: every tile of the view drawn. */
static GdkTexture *
render_settled (Fixture *fixture)
{
  guint before = G_MAXUINT;

  for (guint i = 0; i < 100; i++)
    {
      guint now;

      furrow_test_iterate (100);
      now = furrow_field_tile_source_get_n_rendered (fixture->source);
      if (now == before && now > 0)
        break;
      before = now;
    }
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->map));
  return furrow_test_render_widget (GTK_WIDGET (fixture->map));
}

/* The widget point of a location. */
static void
to_widget (Fixture *fixture,
           double   lon,
           double   lat,
           double  *x,
           double  *y)
{
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (fixture->map),
                                              GTK_WIDGET (fixture->map), lat, lon, x, y);
}

/* A point well inside @field: the mean of its exterior ring, checked with the core hit test. */
static void
inner_point (FurrowField *field,
             double      *lon,
             double      *lat)
{
  FurrowGeometry *geometry = furrow_field_get_geometry (field);
  const FurrowRing *ring = &geometry->polygons[0].rings[0];
  double sx = 0, sy = 0;

  for (guint i = 0; i + 1 < ring->n_points; i++)
    {
      sx += ring->points[i].x;
      sy += ring->points[i].y;
    }
  *lon = sx / (ring->n_points - 1);
  *lat = sy / (ring->n_points - 1);
  g_assert_true (furrow_geometry_contains_point (geometry, *lon, *lat));
}

/* @over with @rgb composited on it at @alpha. */
static guint32
blend (guint32 rgb,
       double  alpha,
       guint32 over)
{
  guint32 out = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double c = ((rgb >> shift) & 0xff) * alpha + ((over >> shift) & 0xff) * (1 - alpha);

      out |= ((guint32) lround (c)) << shift;
    }
  return out;
}

/* A widget point of the view that lies in no field, at least 20 px from every field. */
static gboolean
find_outside_point (Fixture *fixture,
                    int     *out_x,
                    int     *out_y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->map));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->map));

  for (int y = 30; y < height - 30; y += 10)
    for (int x = 30; x < width - 30; x += 10)
      {
        gboolean clear = TRUE;

        for (int dy = -20; clear && dy <= 20; dy += 10)
          for (int dx = -20; clear && dx <= 20; dx += 10)
            if (furrow_selection_layer_field_at (fixture->selection, x + dx, y + dy) != NULL)
              clear = FALSE;
        if (clear)
          {
            *out_x = x;
            *out_y = y;
            return TRUE;
          }
      }
  return FALSE;
}

static void
test_tiles (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FurrowField) field = nth_field (fixture, 0);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) labelled = NULL;
  guint32 rgb = furrow_field_tile_source_get_field_rgb (fixture->source, furrow_field_get_id (field));
  double lon, lat, x, y;
  int ox, oy;
  guint32 background;

  g_assert_cmpuint (rgb, !=, 0);
  /* Zoom 15: below the label zoom, so the field's middle is its plain fill. */
  show_field (fixture, field, 15);
  texture = render_settled (fixture);
  g_assert_nonnull (texture);
  furrow_test_save_screenshot (texture, "field-tiles-z15.png");
  g_assert_cmpuint (furrow_field_tile_source_get_n_rendered (fixture->source), >, 0);

  g_assert_true (find_outside_point (fixture, &ox, &oy));
  background = furrow_test_texture_rgb (texture, ox, oy);

  inner_point (field, &lon, &lat);
  to_widget (fixture, lon, lat, &x, &y);
  g_test_message ("field %s at %.0f,%.0f: %06x; background at %d,%d: %06x",
                  furrow_field_get_code (field), x, y,
                  furrow_test_texture_rgb (texture, x, y), ox, oy, background);
  g_assert_true (furrow_test_rgb_close (furrow_test_texture_rgb (texture, x, y),
                                        blend (rgb, FURROW_FIELD_TILE_FILL_ALPHA, background)));
  g_assert_false (furrow_test_rgb_close (furrow_test_texture_rgb (texture, x, y), background));

  /* Zoom 17: names and areas written on the fields. */
  show_field (fixture, field, 17);
  labelled = render_settled (fixture);
  g_assert_nonnull (labelled);
  furrow_test_save_screenshot (labelled, "field-tiles-z17-labels.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-tile-source/tiles", Fixture, fixture_set_up, test_tiles,
                     fixture_tear_down);

/* Moving one field redraws its old and new place, and only the tiles there. */
static void
test_invalidate (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FurrowField) field = nth_field (fixture, 0);
  g_autoptr(FurrowGeometry) moved = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(GError) error = NULL;
  guint32 rgb = furrow_field_tile_source_get_field_rgb (fixture->source, furrow_field_get_id (field));
  double lon, lat, x, y, west, south, east, north;
  guint rendered, n_cached;
  int ox, oy;
  guint32 background;

  show_field (fixture, field, 15);
  before = render_settled (fixture);
  g_assert_true (find_outside_point (fixture, &ox, &oy));
  background = furrow_test_texture_rgb (before, ox, oy);
  inner_point (field, &lon, &lat);
  to_widget (fixture, lon, lat, &x, &y);
  g_assert_false (furrow_test_rgb_close (furrow_test_texture_rgb (before, x, y), background));

  /* Move the field onto the empty point (ox, oy): shift every vertex by the difference. */
  {
    double target_lat, target_lon;

    shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (fixture->map),
                                                GTK_WIDGET (fixture->map), ox, oy,
                                                &target_lat, &target_lon);
    moved = furrow_geometry_copy (furrow_field_get_geometry (field));
    furrow_geometry_get_bounds (moved, &west, &south, &east, &north);
    for (guint p = 0; p < moved->n_polygons; p++)
      for (guint r = 0; r < moved->polygons[p].n_rings; r++)
        for (guint i = 0; i < moved->polygons[p].rings[r].n_points; i++)
          {
            moved->polygons[p].rings[r].points[i].x += target_lon - lon;
            moved->polygons[p].rings[r].points[i].y += target_lat - lat;
          }
  }

  rendered = furrow_field_tile_source_get_n_rendered (fixture->source);
  n_cached = furrow_field_tile_source_get_n_cached (fixture->source);
  g_assert_cmpuint (n_cached, >, 4);
  furrow_field_set_geometry (field, moved);
  g_assert_true (furrow_store_update_field (fixture->store, field, &error));
  g_assert_no_error (error);

  after = render_settled (fixture);
  furrow_test_save_screenshot (after, "field-tiles-moved.png");
  /* The old place is bare now (unless a neighbour covers it), the new one is the field's. */
  if (furrow_selection_layer_field_at (fixture->selection, x, y) == NULL)
    g_assert_true (furrow_test_rgb_close (furrow_test_texture_rgb (after, x, y), background));
  g_assert_true (furrow_test_rgb_close (furrow_test_texture_rgb (after, ox, oy),
                                        blend (rgb, FURROW_FIELD_TILE_FILL_ALPHA, background)));
  /* Only tiles near the two places were drawn again; the rest came from the cache. */
  g_test_message ("cached %u, redrawn %u", n_cached,
                  furrow_field_tile_source_get_n_rendered (fixture->source) - rendered);
  g_assert_cmpuint (furrow_field_tile_source_get_n_rendered (fixture->source) - rendered, >, 0);
  g_assert_cmpuint (furrow_field_tile_source_get_n_rendered (fixture->source) - rendered, <,
                    n_cached);
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-tile-source/invalidate", Fixture, fixture_set_up,
                     test_invalidate, fixture_tear_down);

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FurrowField) field = nth_field (fixture, 5);
  g_autoptr(GdkTexture) texture = NULL;
  double lon, lat, x, y;
  int ox, oy;

  show_field (fixture, field, 15);
  g_clear_object (&texture);
  texture = render_settled (fixture);
  g_assert_true (find_outside_point (fixture, &ox, &oy));

  inner_point (field, &lon, &lat);
  to_widget (fixture, lon, lat, &x, &y);
  g_assert_true (furrow_selection_layer_click (fixture->selection, x, y));
  g_assert_cmpint (furrow_field_get_id (furrow_selection_layer_get_selected_field (fixture->selection)),
                   ==, furrow_field_get_id (field));

  /* Drawn on the overlay: the yellow outline on the field's west edge, at mid height. */
  {
    FurrowGeometry *geometry = furrow_field_get_geometry (field);
    const FurrowRing *ring = &geometry->polygons[0].rings[0];
    double ex, ey;
    gboolean found = FALSE;

    g_clear_object (&texture);
    furrow_test_wait_for_frame (GTK_WIDGET (fixture->map));
    texture = furrow_test_render_widget (GTK_WIDGET (fixture->map));
    furrow_test_save_screenshot (texture, "field-selected.png");
    /* Walk from the inner point to the first vertex: the outline lies on the way. */
    to_widget (fixture, ring->points[0].x, ring->points[0].y, &ex, &ey);
    for (int k = 0; k <= 100 && !found; k++)
      {
        double px = x + (ex - x) * k / 100.0;
        double py = y + (ey - y) * k / 100.0;

        if (furrow_test_rgb_close (furrow_test_texture_rgb (texture, px, py), 0xf5c211))
          found = TRUE;
      }
    g_assert_true (found);
  }

  /* A click where there is no field clears the selection. */
  g_assert_false (furrow_selection_layer_click (fixture->selection, ox, oy));
  g_assert_null (furrow_selection_layer_get_selected_field (fixture->selection));
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-tile-source/select", Fixture, fixture_set_up, test_select,
                     fixture_tear_down);

/* From zoom 17 the parcels are outlined inside the fields: a point on a parcel edge well inside
 * a field is lighter than the field's fill there, and the same point at zoom 16 is plain fill. */
static void
test_parcels (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (fixture->store);
  g_autoptr(FurrowField) field = NULL;
  g_autoptr(GdkTexture) close = NULL;
  g_autoptr(GdkTexture) far = NULL;
  double edge_lon = 0, edge_lat = 0, x, y, fx, fy, west, south, east, north;
  guint32 fill, background, rgb, on_line = 0;
  int ox, oy;
  gboolean found = FALSE;

  furrow_field_tile_source_set_parcels (fixture->source, parcels);

  /* A field with several parcels, shown at zoom 17. */
  for (guint i = 0; i < FURROW_DEMO_N_FIELDS && field == NULL; i++)
    {
      g_autoptr(FurrowField) candidate = nth_field (fixture, i);

      if (furrow_register_field_parcels (parcels, furrow_field_get_id (candidate)) >= 4)
        field = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (field);
  rgb = furrow_field_tile_source_get_field_rgb (fixture->source, furrow_field_get_id (field));
  show_field (fixture, field, FURROW_FIELD_TILE_PARCEL_ZOOM);
  close = render_settled (fixture);
  g_assert_nonnull (close);
  furrow_test_save_screenshot (close, "field-tiles-z17-parcels.png");
  g_assert_true (find_outside_point (fixture, &ox, &oy));
  background = furrow_test_texture_rgb (close, ox, oy);
  fill = blend (rgb, FURROW_FIELD_TILE_FILL_ALPHA, background);

  /* The middle of a parcel edge that lies inside the field: 12 px around it all the field's,
   * and away from the label in the middle of the field. */
  furrow_geometry_get_bounds (furrow_field_get_geometry (field), &west, &south, &east, &north);
  to_widget (fixture, (west + east) / 2, (south + north) / 2, &fx, &fy);
  for (guint i = 0; i < g_list_model_get_n_items (parcels) && !found; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      FurrowGeometry *geometry = furrow_parcel_get_geometry (parcel);
      const FurrowRing *ring;

      if (furrow_parcel_get_field_id (parcel) != furrow_field_get_id (field) || geometry == NULL)
        continue;
      ring = &geometry->polygons[0].rings[0];
      for (guint k = 0; k + 1 < ring->n_points && !found; k++)
        {
          double lon = (ring->points[k].x + ring->points[k + 1].x) / 2;
          double lat = (ring->points[k].y + ring->points[k + 1].y) / 2;
          gboolean inside = TRUE;

          to_widget (fixture, lon, lat, &x, &y);
          if (fabs (x - fx) < 50 && fabs (y - fy) < 25)
            continue;
          for (int dy = -12; inside && dy <= 12; dy += 4)
            for (int dx = -12; inside && dx <= 12; dx += 4)
              {
                FurrowField *at = furrow_selection_layer_field_at (fixture->selection, x + dx, y + dy);

                inside = at != NULL && furrow_field_get_id (at) == furrow_field_get_id (field);
              }
          if (inside)
            {
              edge_lon = lon;
              edge_lat = lat;
              found = TRUE;
            }
        }
    }
  g_assert_true (found);

  /* The line is 1 px wide at a fractional position: the lightest pixel within 1 px of it. */
  to_widget (fixture, edge_lon, edge_lat, &x, &y);
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        guint32 pixel = furrow_test_texture_rgb (close, x + dx, y + dy);
        guint sum = (pixel >> 16 & 0xff) + (pixel >> 8 & 0xff) + (pixel & 0xff);
        guint best = (on_line >> 16 & 0xff) + (on_line >> 8 & 0xff) + (on_line & 0xff);

        if (sum > best)
          on_line = pixel;
      }
  g_test_message ("parcel edge at %.0f,%.0f: %06x; fill %06x", x, y, on_line, fill);
  /* Between the lines (parcels may be narrow strips): the plain fill within 4 px. */
  {
    gboolean fill_near = FALSE;

    for (int dy = -4; dy <= 4; dy++)
      for (int dx = -4; dx <= 4; dx++)
        if (furrow_test_rgb_close (furrow_test_texture_rgb (close, x + dx, y + dy), fill))
          fill_near = TRUE;
    g_assert_true (fill_near);
  }
  g_assert_false (furrow_test_rgb_close (on_line, fill));
  /* White at 0.85 over the fill: every channel lighter. */
  g_assert_cmpuint (on_line >> 16 & 0xff, >, (fill >> 16 & 0xff) + 40);
  g_assert_cmpuint (on_line & 0xff, >, (fill & 0xff) + 40);

  /* One zoom level out, no parcels: the same place is the plain fill. */
  show_field (fixture, field, FURROW_FIELD_TILE_PARCEL_ZOOM - 1);
  far = render_settled (fixture);
  g_assert_nonnull (far);
  to_widget (fixture, edge_lon, edge_lat, &x, &y);
  g_assert_true (furrow_test_rgb_close (furrow_test_texture_rgb (far, x, y), fill));
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-tile-source/parcels", Fixture, fixture_set_up, test_parcels,
                     fixture_tear_down);

/* A household's parcels highlighted and the map zoomed to them. */
static void
test_show_household (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) parcels = furrow_store_get_parcels (fixture->store);
  g_autoptr(FurrowParcel) first = g_list_model_get_item (parcels, 0);
  g_autoptr(GPtrArray) geometries = g_ptr_array_new ();
  const char *household = furrow_parcel_get_household_code (first);
  ShumateViewport *viewport = shumate_map_get_viewport (fixture->map);
  g_autoptr(GdkTexture) texture = NULL;
  double west = 180, south = 90, east = -180, north = -90, x0, y0, x1, y1;
  int width, height;

  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      FurrowGeometry *geometry = furrow_parcel_get_geometry (parcel);
      double w, s, e, n;

      if (g_strcmp0 (furrow_parcel_get_household_code (parcel), household) != 0 || geometry == NULL)
        continue;
      g_ptr_array_add (geometries, geometry);
      furrow_geometry_get_bounds (geometry, &w, &s, &e, &n);
      west = MIN (west, w); south = MIN (south, s); east = MAX (east, e); north = MAX (north, n);
    }
  g_assert_cmpuint (geometries->len, >, 0);

  gtk_window_present (fixture->window);
  furrow_test_wait_for_frame (GTK_WIDGET (fixture->map));
  shumate_viewport_set_zoom_level (viewport, 10);
  furrow_selection_layer_highlight (fixture->selection, geometries);
  g_assert_cmpuint (furrow_selection_layer_get_n_highlighted (fixture->selection), ==, geometries->len);
  furrow_selection_layer_show_highlighted (fixture->selection);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, 14);

  /* Every parcel is in view, and the bounds fill a good part of it. */
  width = gtk_widget_get_width (GTK_WIDGET (fixture->map));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->map));
  to_widget (fixture, west, north, &x0, &y0);
  to_widget (fixture, east, south, &x1, &y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, width);
  g_assert_cmpfloat (y1, <=, height);
  g_assert_cmpfloat (MAX ((x1 - x0) / width, (y1 - y0) / height), >, 0.4);

  texture = render_settled (fixture);
  furrow_test_save_screenshot (texture, "household-on-map.png");
}
FURROW_TEST_FIXTURE ("/furrow/gui/field-tile-source/show-household", Fixture, fixture_set_up,
                     test_show_household, fixture_tear_down);

FURROW_TEST_GUI_MAIN ();
