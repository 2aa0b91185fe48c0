/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-map-legend.h"
#include "furrow-map-legend-testing.h"

#include "furrow-field-tile-source.h"
#include "furrow-template.h"

/* The key of the field colours, over a corner of the map: a title ("Planned pattern"), one
 * swatch and label per colour, and an optional note. A swatch is drawn like a field on the tiles:
 * the colour at FURROW_FIELD_TILE_FILL_ALPHA (over white here) inside a solid outline. */

typedef struct
{
  guint32  rgb;
  char    *label;
  GtkWidget *swatch;
} Entry;

struct _FurrowMapLegend
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title_label;
  GtkBox    *rows;
  GtkLabel  *note_label;
  GArray    *entries;   /* Entry */
};

G_DEFINE_FINAL_TYPE (FurrowMapLegend, furrow_map_legend, GTK_TYPE_WIDGET)

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowMapLegend, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (box), CHILD (title_label), CHILD (rows), CHILD (note_label),
};
#undef CHILD

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  guint32 rgb = GPOINTER_TO_UINT (user_data);
  double r = ((rgb >> 16) & 0xff) / 255.0, g = ((rgb >> 8) & 0xff) / 255.0, b = (rgb & 0xff) / 255.0;

  cairo_rectangle (cr, 1, 1, width - 2, height - 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, r, g, b, FURROW_FIELD_TILE_FILL_ALPHA);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
furrow_map_legend_dispose (GObject *object)
{
  FurrowMapLegend *self = FURROW_MAP_LEGEND (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_MAP_LEGEND);
  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (furrow_map_legend_parent_class)->dispose (object);
}

static void
furrow_map_legend_class_init (FurrowMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_map_legend_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/furrow/Furrow/ui/map/furrow-map-legend.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "furrow-map-legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
furrow_map_legend_init (FurrowMapLegend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

void
furrow_map_legend_set_title (FurrowMapLegend *self,
                             const char      *title)
{
  g_return_if_fail (FURROW_IS_MAP_LEGEND (self));

  gtk_label_set_text (self->title_label, title ?: "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title ?: "",
                                  -1);
}

const char *
furrow_map_legend_get_title (FurrowMapLegend *self)
{
  g_return_val_if_fail (FURROW_IS_MAP_LEGEND (self), NULL);

  return gtk_label_get_text (self->title_label);
}

/* A line under the swatches; NULL or "" hides it. */
void
furrow_map_legend_set_note (FurrowMapLegend *self,
                            const char      *note)
{
  g_return_if_fail (FURROW_IS_MAP_LEGEND (self));

  gtk_label_set_text (self->note_label, note ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
}

const char *
furrow_map_legend_get_note (FurrowMapLegend *self)
{
  g_return_val_if_fail (FURROW_IS_MAP_LEGEND (self), NULL);

  return gtk_label_get_text (self->note_label);
}

void
furrow_map_legend_clear (FurrowMapLegend *self)
{
  GtkWidget *child;

  g_return_if_fail (FURROW_IS_MAP_LEGEND (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_box_remove (self->rows, child);
  g_array_set_size (self->entries, 0);
  furrow_map_legend_set_note (self, NULL);
}

void
furrow_map_legend_add (FurrowMapLegend *self,
                       guint32          rgb,
                       const char      *label)
{
  GtkWidget *row;
  GtkWidget *swatch;
  GtkWidget *text;
  Entry entry;

  g_return_if_fail (FURROW_IS_MAP_LEGEND (self));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), FURROW_MAP_LEGEND_SWATCH_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), FURROW_MAP_LEGEND_SWATCH_SIZE);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GUINT_TO_POINTER (rgb),
                                  NULL);
  text = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 28);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (self->rows, row);

  entry.rgb = rgb;
  entry.label = g_strdup (label);
  entry.swatch = swatch;
  g_array_append_val (self->entries, entry);
}

guint
furrow_map_legend_get_n_entries (FurrowMapLegend *self)
{
  g_return_val_if_fail (FURROW_IS_MAP_LEGEND (self), 0);

  return self->entries->len;
}

guint32
furrow_map_legend_get_rgb (FurrowMapLegend *self,
                           guint            index)
{
  g_return_val_if_fail (FURROW_IS_MAP_LEGEND (self), 0);
  g_return_val_if_fail (index < self->entries->len, 0);

  return g_array_index (self->entries, Entry, index).rgb;
}

const char *
furrow_map_legend_get_label (FurrowMapLegend *self,
                             guint            index)
{
  g_return_val_if_fail (FURROW_IS_MAP_LEGEND (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, index).label;
}

/* The swatch widget of entry @index (tests read its pixels). */
GtkWidget *
furrow_map_legend_get_swatch (FurrowMapLegend *self,
                              guint            index)
{
  g_return_val_if_fail (FURROW_IS_MAP_LEGEND (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, index).swatch;
}
