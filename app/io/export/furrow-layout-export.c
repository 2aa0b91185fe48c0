/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-layout-export.h"
#include "furrow-atomic-file.h"
#include "furrow-json.h"

#include <json-glib/json-glib.h>

static const char *
crop_name (FurrowCrop crop)
{
  return crop == FURROW_CROP_MAIZE ? "maize" : "soybean";
}

/* The label of layout `index`: its code, else the index. */
static const char *
field_code (const char * const *codes,
            guint               index,
            char               *buffer,
            gsize               size)
{
  if (codes != NULL && codes[index] != NULL)
    return codes[index];
  g_snprintf (buffer, size, "%u", index);
  return buffer;
}

static void
add_line (JsonBuilder       *b,
          const FurrowPoint *a,
          const FurrowPoint *z)
{
  json_builder_set_member_name (b, "geometry");
  json_builder_begin_object (b);
  furrow_json_add_string (b, "type", "LineString");
  json_builder_set_member_name (b, "coordinates");
  json_builder_begin_array (b);
  json_builder_begin_array (b);
  json_builder_add_double_value (b, a->x);
  json_builder_add_double_value (b, a->y);
  json_builder_end_array (b);
  json_builder_begin_array (b);
  json_builder_add_double_value (b, z->x);
  json_builder_add_double_value (b, z->y);
  json_builder_end_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* Opens a line feature of the field `code` and its properties, starting with its kind ("row",
 * "guidance"); the caller adds the kind's own properties and closes it with end_feature(). */
static void
begin_feature (JsonBuilder *b,
               const char  *kind,
               const char  *code)
{
  json_builder_begin_object (b);
  furrow_json_add_string (b, "type", "Feature");
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  furrow_json_add_string (b, "kind", kind);
  furrow_json_add_string (b, "field", code);
}

/* Closes the properties and the feature, with the line from a to z as its geometry. */
static void
end_feature (JsonBuilder       *b,
             const FurrowPoint *a,
             const FurrowPoint *z)
{
  json_builder_end_object (b);
  add_line (b, a, z);
  json_builder_end_object (b);
}

char *
furrow_layout_export_geojson (FurrowLayout * const *layouts,
                              const char * const   *codes,
                              guint                n_layouts)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  furrow_json_add_string (b, "type", "FeatureCollection");
  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint f = 0; f < n_layouts; f++)
    {
      const FurrowLayout *l = layouts[f];
      char buffer[16];
      const char *code = field_code (codes, f, buffer, sizeof buffer);

      if (l == NULL || l->rows == NULL)
        continue;
      for (guint i = 0; i < l->rows->len; i++)
        {
          const FurrowRowSegment *s = &g_array_index (l->rows, FurrowRowSegment, i);

          begin_feature (b, "row", code);
          furrow_json_add_string (b, "crop", crop_name (s->crop));
          furrow_json_add_int (b, "strip", s->strip);
          furrow_json_add_int (b, "slot", s->slot);
          furrow_json_add_double (b, "length_m", s->length_m);
          end_feature (b, &s->a, &s->b);
        }
      for (guint i = 0; i < l->guidance->len; i++)
        {
          const FurrowGuidanceLine *g = &g_array_index (l->guidance, FurrowGuidanceLine, i);

          begin_feature (b, "guidance", code);
          furrow_json_add_int (b, "strip", g->strip);
          furrow_json_add_double (b, "length_m", g->length_m);
          end_feature (b, &g->a, &g->b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static void
kml_coords (GString           *s,
            const FurrowPoint *a,
            const FurrowPoint *z)
{
  char buf[4][G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (s, "<LineString><tessellate>1</tessellate><coordinates>%s,%s %s,%s"
                          "</coordinates></LineString>",
                          g_ascii_formatd (buf[0], sizeof buf[0], "%.9f", a->x),
                          g_ascii_formatd (buf[1], sizeof buf[1], "%.9f", a->y),
                          g_ascii_formatd (buf[2], sizeof buf[2], "%.9f", z->x),
                          g_ascii_formatd (buf[3], sizeof buf[3], "%.9f", z->y));
}

char *
furrow_layout_export_kml (FurrowLayout * const *layouts,
                          const char * const   *codes,
                          guint                n_layouts,
                          const char          *name)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n");
  g_autofree char *escaped = g_markup_escape_text (name ? name : "Furrow", -1);

  g_string_append_printf (s, "<name>%s</name>\n", escaped);
  /* KML colours are aabbggrr: maize gold, soybean green, guidance red */
  g_string_append (s, "<Style id=\"maize\"><LineStyle><color>ff00c0ff</color><width>1</width>"
                      "</LineStyle></Style>\n"
                      "<Style id=\"soybean\"><LineStyle><color>ff30a030</color><width>1</width>"
                      "</LineStyle></Style>\n"
                      "<Style id=\"guidance\"><LineStyle><color>ff0000ff</color><width>2</width>"
                      "</LineStyle></Style>\n");
  for (guint f = 0; f < n_layouts; f++)
    {
      const FurrowLayout *l = layouts[f];
      char buffer[16];
      g_autofree char *code = NULL;

      if (l == NULL || l->rows == NULL)
        continue;
      code = g_markup_escape_text (field_code (codes, f, buffer, sizeof buffer), -1);
      g_string_append_printf (s, "<Folder><name>%s</name>\n", code);
      for (guint i = 0; i < l->rows->len; i++)
        {
          const FurrowRowSegment *r = &g_array_index (l->rows, FurrowRowSegment, i);

          g_string_append_printf (s, "<Placemark><name>strip %u row %u</name>"
                                  "<styleUrl>#%s</styleUrl>", r->strip, r->slot + 1,
                                  crop_name (r->crop));
          kml_coords (s, &r->a, &r->b);
          g_string_append (s, "</Placemark>\n");
        }
      for (guint i = 0; i < l->guidance->len; i++)
        {
          const FurrowGuidanceLine *g = &g_array_index (l->guidance, FurrowGuidanceLine, i);

          g_string_append_printf (s, "<Placemark><name>AB %u</name>"
                                  "<styleUrl>#guidance</styleUrl>", g->strip);
          kml_coords (s, &g->a, &g->b);
          g_string_append (s, "</Placemark>\n");
        }
      g_string_append (s, "</Folder>\n");
    }
  g_string_append (s, "</Document>\n</kml>\n");
  return g_string_free (s, FALSE);
}

gboolean
furrow_layout_export_file (FurrowLayout * const *layouts,
                           const char * const   *codes,
                           guint                n_layouts,
                           const char          *path,
                           GError             **error)
{
  g_autofree char *text = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".kml"))
    {
      g_autofree char *base = g_path_get_basename (path);

      text = furrow_layout_export_kml (layouts, codes, n_layouts, base);
    }
  else
    {
      text = furrow_layout_export_geojson (layouts, codes, n_layouts);
    }
  return furrow_atomic_file_set_contents (path, text, -1, error);
}
