/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-test-fields.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

void
test_field_file_free (TestFieldFile *file)
{
  if (file == NULL)
    return;
  g_free (file->name);
  g_ptr_array_unref (file->geometries);
  g_array_unref (file->src_fids);
  g_free (file);
}

static void
add_polygon (FurrowGeometry *g,
             JsonArray      *rings)
{
  guint p = furrow_geometry_add_polygon (g);

  for (guint r = 0; r < json_array_get_length (rings); r++)
    {
      JsonArray *ring = json_array_get_array_element (rings, r);
      guint n = json_array_get_length (ring);
      g_autofree FurrowPoint *points = g_new (FurrowPoint, MAX (n, 1));

      for (guint i = 0; i < n; i++)
        {
          JsonArray *xy = json_array_get_array_element (ring, i);

          points[i].x = json_array_get_double_element (xy, 0);
          points[i].y = json_array_get_double_element (xy, 1);
        }
      furrow_geometry_add_ring (g, p, points, n);
    }
}

TestFieldFile *
test_field_file_load (const char *name)
{
  g_autofree char *basename = g_strconcat (name, ".wgs84.geojson", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fields", basename, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  TestFieldFile *file = g_new0 (TestFieldFile, 1);
  JsonArray *features;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  file->name = g_strdup (name);
  file->geometries = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_geometry_unref);
  file->src_fids = g_array_new (FALSE, FALSE, sizeof (gint64));

  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "features");
  for (guint f = 0; f < json_array_get_length (features); f++)
    {
      JsonObject *feature = json_array_get_object_element (features, f);
      JsonObject *geometry = json_object_get_object_member (feature, "geometry");
      JsonObject *properties = json_object_get_object_member (feature, "properties");
      JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");
      const char *type = json_object_get_string_member (geometry, "type");
      FurrowGeometry *g = furrow_geometry_new ();
      gint64 src_fid = -1;

      if (g_str_equal (type, "Polygon"))
        add_polygon (g, coordinates);
      else if (g_str_equal (type, "MultiPolygon"))
        for (guint p = 0; p < json_array_get_length (coordinates); p++)
          add_polygon (g, json_array_get_array_element (coordinates, p));
      else
        g_error ("%s feature %u: unexpected geometry type %s", name, f, type);

      if (properties != NULL && json_object_has_member (properties, "_src_fid"))
        src_fid = json_object_get_int_member (properties, "_src_fid");
      g_ptr_array_add (file->geometries, g);
      g_array_append_val (file->src_fids, src_fid);
    }
  return file;
}

/* g_ptr_array_sort hands pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GStrv
test_field_file_names (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "fields", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *entry;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".wgs84.geojson"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - strlen (".wgs84.geojson")));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

double *
test_planimeter_areas (GPtrArray *geometries)
{
  g_autofree char *planimeter = g_find_program_in_path ("Planimeter");
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  double *areas = g_new0 (double, MAX (geometries->len, 1));
  guint line = 0;

  if (planimeter == NULL)
    g_error ("Planimeter is missing: install geographiclib-tools (build-aux/install-deps)");

  /* One polygon per ring, "lat lon" lines at full precision, polygons separated by a blank line
   * (Planimeter(1): "a blank line … signals the end of one polygon and the start of the next"). */
  for (guint g = 0; g < geometries->len; g++)
    {
      const FurrowGeometry *geometry = geometries->pdata[g];

      for (guint p = 0; p < geometry->n_polygons; p++)
        for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
          {
            const FurrowRing *ring = &geometry->polygons[p].rings[r];

            for (guint i = 0; i < ring->n_points; i++)
              {
                char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

                g_string_append_printf (input, "%s %s\n",
                                        g_ascii_formatd (lat, sizeof lat, "%.17g", ring->points[i].y),
                                        g_ascii_formatd (lon, sizeof lon, "%.17g", ring->points[i].x));
              }
            g_string_append_c (input, '\n');
          }
    }

  /* -p 10: the area is printed with 5 decimals (0.00001 m²). */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                              &error, planimeter, "-p", "10", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input->str, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  lines = g_strsplit (output, "\n", -1);
  for (guint g = 0; g < geometries->len; g++)
    {
      const FurrowGeometry *geometry = geometries->pdata[g];

      for (guint p = 0; p < geometry->n_polygons; p++)
        for (guint r = 0; r < geometry->polygons[p].n_rings; r++)
          {
            g_auto(GStrv) fields = NULL;
            double area_m2;

            g_assert_nonnull (lines[line]);
            fields = g_strsplit (lines[line++], " ", -1);
            g_assert_cmpuint (g_strv_length (fields), ==, 3);
            /* "number of points, perimeter (m), area (m²)" */
            g_assert_cmpuint (g_ascii_strtoull (fields[0], NULL, 10), ==,
                              geometry->polygons[p].rings[r].n_points);
            area_m2 = fabs (g_ascii_strtod (fields[2], NULL));
            areas[g] += r == 0 ? area_m2 : -area_m2;
          }
    }
  return areas;
}
