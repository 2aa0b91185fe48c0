/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "furrow-import-assistant.h"
#include "furrow-import-assistant-testing.h"
#include "furrow-crs.h"
#include "furrow-map-layout.h"
#include "furrow-template.h"
#include "furrow-units.h"

/* How many records the preview reads and draws (one ShumatePathLayer each: docs/toolchain.md). */
#define PREVIEW_RECORDS 50

/* The rows of the encoding combo and the names the importer takes. */
static const char * const encodings[] = { "UTF-8", "CP936", "GB18030" };

struct _FurrowImportAssistant
{
  AdwWindow parent_instance;

  /* template */
  AdwWindowTitle   *window_title;
  GtkWidget        *back_button;
  GtkWidget        *next_button;
  GtkWidget        *import_button;
  GtkStack         *stack;
  GtkLabel         *message_label;
  AdwActionRow     *format_row;
  AdwComboRow      *kind_row;
  AdwEntryRow      *crs_row;
  AdwComboRow      *encoding_row;
  GtkWidget        *gcj02_row;
  GtkSwitch        *gcj02_switch;
  GtkWidget        *crs_group;
  AdwPreferencesGroup *columns_group;
  GtkWidget        *preview_frame;
  ShumateSimpleMap *preview_map;
  GtkLabel         *preview_label;
  GtkLabel         *preview_warning;
  GtkColumnView    *preview_view;
  GtkProgressBar   *progress_bar;
  GtkLabel         *problems_title;
  GtkColumnView    *problems_view;
  AdwStatusPage    *error_page;
  GtkColumnViewColumn *area_column;    /* of the preview: not for households */
  GtkColumnViewColumn *field_column;   /* of the preview: parcels only */

  FurrowStore      *store;
  char             *path;
  FurrowImporter   *importer;     /* of the current settings; NULL when the file cannot be read */
  GCancellable     *cancellable;  /* of the running import */
  guint             progress_source;
  GPtrArray        *column_rows;  /* AdwComboRow per FurrowColumn */
  GPtrArray        *path_layers;  /* ShumatePathLayer of the preview */
  gboolean          updating;     /* widgets set from the importer, not by the user */
  gboolean          disposed;     /* closed while an import ran: its callback only reloads */
  gboolean          opened;       /* the file was read once: later failures are the settings' */

  /* the user's choices */
  FurrowImportKind  kind;
  int               epsg;
  char             *encoding;
  char             *mapping[FURROW_N_COLUMNS];   /* "" unmapped, NULL as detected */
  gboolean          skip_invalid;
};

G_DEFINE_FINAL_TYPE (FurrowImportAssistant, furrow_import_assistant, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowImportAssistant, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (window_title), CHILD (back_button), CHILD (next_button), CHILD (import_button),
  CHILD (stack), CHILD (message_label), CHILD (format_row), CHILD (kind_row), CHILD (crs_row),
  CHILD (encoding_row), CHILD (gcj02_row), CHILD (gcj02_switch), CHILD (crs_group),
  CHILD (preview_frame), CHILD (error_page), CHILD (columns_group), CHILD (preview_map),
  CHILD (preview_label), CHILD (preview_warning), CHILD (preview_view), CHILD (progress_bar),
  CHILD (problems_title), CHILD (problems_view),
};
#undef CHILD

/* Tables ------------------------------------------------------------------------------------ */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                const char               *key)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A problem is read whole; codes and names are short. */
  if (g_str_equal (key, "reason"))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const char               *key)
{
  GObject *row = gtk_list_item_get_item (item);
  const char *text = g_object_get_data (row, key);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

/* A column showing the string `key` of each row object (set with g_object_set_data). */
static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            const char    *key,
            gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), (gpointer) key);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), (gpointer) key);
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
  return column;   /* the view holds it */
}

static GObject *
new_row (void)
{
  return G_OBJECT (gtk_string_object_new (""));
}

static void
set_model (GtkColumnView *view,
           GListStore    *store)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)));

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

/* Pages ------------------------------------------------------------------------------------- */

static void
update_buttons (FurrowImportAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean settings = g_str_equal (page, "settings");
  gboolean preview = g_str_equal (page, "preview");
  gboolean problems = g_str_equal (page, "problems");

  gtk_widget_set_visible (self->back_button, preview || problems);
  gtk_widget_set_visible (self->next_button, settings);
  gtk_widget_set_visible (self->import_button, preview);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next",
                                 settings && self->importer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", preview);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", preview || problems);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel",
                                 self->cancellable != NULL);
}

static void
show_page (FurrowImportAssistant *self,
           const char            *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_buttons (self);
}

/* A line above the detected settings: why the file cannot be read (`error`), or news. */
static void
show_message (FurrowImportAssistant *self,
              const char            *message,
              gboolean               error)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

/* Detected settings ------------------------------------------------------------------------- */

static const char *
format_name (FurrowImportFormat format)
{
  switch (format)
    {
    case FURROW_IMPORT_FORMAT_SHAPEFILE: return _("ESRI Shapefile");
    case FURROW_IMPORT_FORMAT_GEOPACKAGE: return _("GeoPackage");
    case FURROW_IMPORT_FORMAT_GEOJSON: return _("GeoJSON");
    case FURROW_IMPORT_FORMAT_KML: return _("KML");
    case FURROW_IMPORT_FORMAT_CSV: return _("CSV spreadsheet");
    case FURROW_IMPORT_FORMAT_XLSX: return _("Excel workbook (XLSX)");
    case FURROW_IMPORT_FORMAT_UNKNOWN:
    default: return _("Unknown");
    }
}

static void
column_changed_cb (AdwComboRow           *row,
                   GParamSpec            *pspec,
                   FurrowImportAssistant *self);

static void
build_column_rows (FurrowImportAssistant *self)
{
  const char * const *columns = furrow_importer_get_columns (self->importer);
  const FurrowImportMapping *mapping = furrow_importer_get_mapping (self->importer);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < FURROW_N_COLUMNS; c++)
    {
      g_autoptr(GtkStringList) list = NULL;
      AdwComboRow *row;
      guint selected = 0;

      /* Only the items this kind of record reads (docs/architecture.md, Import). */
      if (!furrow_import_column_applies (furrow_importer_get_kind (self->importer), c))
        continue;
      list = gtk_string_list_new (NULL);
      row = ADW_COMBO_ROW (adw_combo_row_new ());

      /* Translators: a column of the file that feeds nothing */
      gtk_string_list_append (list, _("(none)"));
      for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
        {
          gtk_string_list_append (list, columns[i]);
          if (g_strcmp0 (mapping->source[c], columns[i]) == 0)
            selected = i + 1;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), furrow_column_get_label (c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), furrow_column_get_code (c));
      adw_combo_row_set_model (row, G_LIST_MODEL (list));
      adw_combo_row_set_selected (row, selected);
      g_object_set_data (G_OBJECT (row), "furrow-column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

/* Opens the file again with the user's choices and shows what was detected. */
static void
detect (FurrowImportAssistant *self)
{
  g_autoptr(FurrowImporter) importer = furrow_importer_new (self->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *epsg_text = NULL;
  const char *encoding;

  furrow_importer_set_kind (importer, self->kind);
  furrow_importer_set_crs_epsg (importer, self->epsg);
  furrow_importer_set_encoding (importer, self->encoding);
  furrow_importer_set_gcj02 (importer, gtk_switch_get_active (self->gcj02_switch));

  self->updating = TRUE;
  g_clear_object (&self->importer);
  if (!furrow_importer_open (importer, &error))
    {
      GPtrArray *problems = furrow_importer_get_problems (importer);
      g_autoptr(GString) text = g_string_new (error->message);

      /* Several problems found before reading (a CSV's broken quotes and short rows): the
       * first ten, one a line, under "N problems, nothing was imported". */
      for (guint i = 0; problems->len > 1 && i < problems->len && i < 10; i++)
        g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (problems, i));
      self->updating = FALSE;
      /* A coordinate system or encoding the user can give stays on the form with the reason;
       * anything else the settings cannot fix. */
      if (!self->opened &&
          !g_error_matches (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CRS) &&
          !g_error_matches (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_ENCODING))
        {
          g_autofree char *basename = g_path_get_basename (self->path);
          g_autofree char *display_name = g_filename_display_name (basename);
          g_autofree char *title = NULL;
          g_autofree char *escaped = g_markup_escape_text (text->str, -1);

          /* A file that cannot be read at all: one clear error instead of an empty form
           * (docs/architecture.md, Import). */
          /* Translators: the title of the import assistant for a file it cannot read */
          title = g_strdup_printf (_("Cannot Import “%s”"), display_name);
          adw_status_page_set_title (self->error_page, title);
          adw_status_page_set_description (self->error_page, escaped);   /* markup */
          show_page (self, "error");
          return;
        }
      show_message (self, text->str, TRUE);
      adw_action_row_set_subtitle (self->format_row,
                                   format_name (furrow_importer_get_format (importer)));
      update_buttons (self);
      return;
    }
  self->opened = TRUE;
  show_message (self, NULL, FALSE);

  for (guint c = 0; c < FURROW_N_COLUMNS; c++)
    if (self->mapping[c] != NULL)
      furrow_importer_set_mapping (importer, c,
                                   self->mapping[c][0] != '\0' ? self->mapping[c] : NULL);
  self->importer = g_steal_pointer (&importer);

  adw_action_row_set_subtitle (self->format_row,
                               format_name (furrow_importer_get_format (self->importer)));
  /* A coordinate system, GCJ-02 and a map apply only to polygons (docs/architecture.md, Import). */
  gtk_widget_set_visible (self->gcj02_row, furrow_importer_has_geometry (self->importer));
  gtk_widget_set_visible (self->crs_group, furrow_importer_has_geometry (self->importer));
  switch (furrow_importer_get_kind (self->importer))
    {
    case FURROW_IMPORT_KIND_FIELDS: adw_combo_row_set_selected (self->kind_row, 0); break;
    case FURROW_IMPORT_KIND_HOUSEHOLDS: adw_combo_row_set_selected (self->kind_row, 2); break;
    case FURROW_IMPORT_KIND_PARCELS:
    case FURROW_IMPORT_KIND_AUTO:
    default: adw_combo_row_set_selected (self->kind_row, 1); break;
    }
  if (furrow_importer_get_crs_epsg (self->importer) > 0)
    epsg_text = g_strdup_printf ("EPSG:%d", furrow_importer_get_crs_epsg (self->importer));
  gtk_editable_set_text (GTK_EDITABLE (self->crs_row), epsg_text != NULL ? epsg_text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->crs_row), "error");
  encoding = furrow_importer_get_encoding (self->importer);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_ascii_strcasecmp (encoding, encodings[i]) == 0)
      adw_combo_row_set_selected (self->encoding_row, i);
  build_column_rows (self);
  self->updating = FALSE;
  update_buttons (self);
}

static void
kind_changed_cb (AdwComboRow           *row,
                 GParamSpec            *pspec,
                 FurrowImportAssistant *self)
{
  static const FurrowImportKind kinds[] = {
    FURROW_IMPORT_KIND_FIELDS, FURROW_IMPORT_KIND_PARCELS, FURROW_IMPORT_KIND_HOUSEHOLDS
  };
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= G_N_ELEMENTS (kinds))
    return;
  self->kind = kinds[selected];
  /* Another kind has other columns: detect them again. */
  for (guint c = 0; c < FURROW_N_COLUMNS; c++)
    g_clear_pointer (&self->mapping[c], g_free);
  detect (self);
}

static void
encoding_changed_cb (AdwComboRow           *row,
                     GParamSpec            *pspec,
                     FurrowImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= G_N_ELEMENTS (encodings))
    return;
  g_free (self->encoding);
  self->encoding = g_strdup (encodings[selected]);
  detect (self);
}

static void
gcj02_changed_cb (GtkSwitch             *widget,
                  GParamSpec            *pspec,
                  FurrowImportAssistant *self)
{
  if (!self->updating)
    detect (self);
}

/* "EPSG:4528" or "4528". */
static void
crs_apply_cb (AdwEntryRow           *row,
              FurrowImportAssistant *self)
{
  int epsg = 0;

  if (!furrow_crs_parse_epsg (gtk_editable_get_text (GTK_EDITABLE (row)), &epsg))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  self->epsg = epsg;
  detect (self);
}

static void
column_changed_cb (AdwComboRow           *row,
                   GParamSpec            *pspec,
                   FurrowImportAssistant *self)
{
  FurrowColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "furrow-column"));
  guint selected = adw_combo_row_get_selected (row);
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  const char *source = selected == 0 || item == NULL ? NULL : gtk_string_object_get_string (item);

  if (self->updating || self->importer == NULL)
    return;
  g_free (self->mapping[column]);
  self->mapping[column] = g_strdup (source != NULL ? source : "");
  furrow_importer_set_mapping (self->importer, column, source);
}

/* Preview ----------------------------------------------------------------------------------- */

static void
clear_preview (FurrowImportAssistant *self)
{
  for (guint i = 0; i < self->path_layers->len; i++)
    shumate_simple_map_remove_overlay_layer (self->preview_map,
                                             g_ptr_array_index (self->path_layers, i));
  g_ptr_array_set_size (self->path_layers, 0);
}

static void
draw_geometry (FurrowImportAssistant *self,
               const FurrowGeometry  *geometry,
               double                 bounds[4])
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->preview_map);
  GdkRGBA stroke = { 0.11, 0.44, 0.85, 1.0 };
  GdkRGBA fill = { 0.21, 0.52, 0.89, 0.35 };
  double min_x, min_y, max_x, max_y;

  if (geometry == NULL || !furrow_geometry_get_bounds (geometry, &min_x, &min_y, &max_x, &max_y))
    return;
  bounds[0] = MIN (bounds[0], min_x);
  bounds[1] = MIN (bounds[1], min_y);
  bounds[2] = MAX (bounds[2], max_x);
  bounds[3] = MAX (bounds[3], max_y);

  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      const FurrowRing *ring = &geometry->polygons[p].rings[0];
      ShumatePathLayer *layer = shumate_path_layer_new (viewport);

      shumate_path_layer_set_stroke_color (layer, &stroke);
      shumate_path_layer_set_stroke_width (layer, 2.0);
      shumate_path_layer_set_fill (layer, TRUE);
      shumate_path_layer_set_fill_color (layer, &fill);
      shumate_path_layer_set_closed (layer, TRUE);
      for (guint i = 0; i < ring->n_points; i++)
        shumate_path_layer_add_node (layer,
                                     SHUMATE_LOCATION (shumate_coordinate_new_full (ring->points[i].y,
                                                                                    ring->points[i].x)));
      shumate_simple_map_add_overlay_layer (self->preview_map, SHUMATE_LAYER (layer));
      g_ptr_array_add (self->path_layers, layer);
    }
}

/* Shows the box west, south, east, north on the preview map. */
static void
zoom_to (FurrowImportAssistant *self,
         const double           bounds[4])
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->preview_map);
  double width_px = MAX (gtk_widget_get_width (GTK_WIDGET (self->preview_map)), 600);
  double height_px = MAX (gtk_widget_get_height (GTK_WIDGET (self->preview_map)), 280);
  double latitude = (bounds[1] + bounds[3]) / 2;
  double zoom;

  if (bounds[0] > bounds[2])
    return;
  /* Web Mercator: 256 × 2^zoom px round the world (as FurrowWindow fits the project). */
  zoom = log2 (MIN (width_px * 360.0 / (256.0 * MAX (bounds[2] - bounds[0], 1e-6)),
                    height_px * 360.0 * cos (latitude * G_PI / 180.0) /
                    (256.0 * MAX (bounds[3] - bounds[1], 1e-6))));
  zoom = CLAMP (floor (zoom * 4.0 - 1.0) / 4.0, 2.0, 19.0);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude,
                                 (bounds[0] + bounds[2]) / 2);
  shumate_viewport_set_zoom_level (viewport, zoom);
}

static void
append_preview_row (GListStore *rows,
                    gint64      index,
                    const char *code,
                    const char *name,
                    double      area_m2,
                    const char *field)
{
  g_autoptr(GObject) row = new_row ();
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, index);

  g_object_set_data_full (row, "code", g_strdup (code), g_free);
  /* A record without a name is named by its number, never a blank row (docs/architecture.md, Import). */
  /* Translators: a record of the file without a name, e.g. "Record 3" */
  g_object_set_data_full (row, "name",
                          name != NULL && name[0] != '\0' ? g_strdup (name)
                                                          : g_strdup_printf (_("Record %s"), number),
                          g_free);
  g_object_set_data_full (row, "field", g_strdup (field != NULL ? field : "—"), g_free);
  g_object_set_data_full (row, "area",
                          isnan (area_m2) ? g_strdup ("—") : furrow_format_mu_grouped (area_m2),
                          g_free);
  g_list_store_append (rows, row);
}

static void
fill_problems (FurrowImportAssistant *self,
               GPtrArray             *problems);

/* Puts each parcel read in the project's field it overlaps most (as the import will);
 * `field_ids` and `field_names` get the project's fields, "Name (code)". */
static void
assign_preview_fields (FurrowImportAssistant *self,
                       GArray                *field_ids,
                       GPtrArray             *field_names)
{
  g_autoptr(GListModel) fields = furrow_store_get_fields (self->store);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (fields);
  g_autofree const FurrowGeometry **geometries = g_new0 (const FurrowGeometry *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      FurrowField *field = g_list_model_get_item (fields, i);
      gint64 id = furrow_field_get_id (field);

      g_ptr_array_add (owned, field);
      g_array_append_val (field_ids, id);
      /* Translators: a field, its name and code, e.g. "East Slope (T03)" */
      g_ptr_array_add (field_names, g_strdup_printf (_("%s (%s)"), furrow_field_get_name (field),
                                                     furrow_field_get_code (field)));
      geometries[i] = furrow_field_get_geometry (field);
    }
  furrow_importer_assign_fields (self->importer, (const gint64 *) field_ids->data, geometries, n);
}

/* Reads the first records and shows them; FALSE (and the problems page) when the file cannot
 * be read at all with these settings. */
static gboolean
show_preview (FurrowImportAssistant *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GError) error = NULL;
  double bounds[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  const FurrowImportField *fields;
  const FurrowImportParcel *parcels;
  const FurrowImportHousehold *households;
  guint n_fields, n_parcels, n_households, n;
  g_autofree char *title = NULL;
  g_autoptr(GArray) field_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) field_names = g_ptr_array_new_with_free_func (g_free);

  furrow_importer_set_limit (self->importer, PREVIEW_RECORDS);
  furrow_importer_set_skip_invalid (self->importer, FALSE);
  if (!furrow_importer_read (self->importer, NULL, &error) &&
      !g_error_matches (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_INVALID))
    {
      furrow_importer_set_limit (self->importer, 0);
      fill_problems (self, furrow_importer_get_problems (self->importer));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.skip", FALSE);
      show_page (self, "problems");
      return FALSE;
    }
  furrow_importer_set_limit (self->importer, 0);

  clear_preview (self);
  fields = furrow_importer_get_fields (self->importer, &n_fields);
  parcels = furrow_importer_get_parcels (self->importer, &n_parcels);
  households = furrow_importer_get_households (self->importer, &n_households);
  switch (furrow_importer_get_kind (self->importer))
    {
    case FURROW_IMPORT_KIND_FIELDS:
      for (guint i = 0; i < n_fields; i++)
        {
          append_preview_row (rows, fields[i].index, "", fields[i].name,
                              fields[i].measured_area_m2, NULL);
          draw_geometry (self, fields[i].geometry, bounds);
        }
      break;
    case FURROW_IMPORT_KIND_HOUSEHOLDS:
      for (guint i = 0; i < n_households; i++)
        append_preview_row (rows, households[i].index, households[i].cbfbm,
                            households[i].name, NAN, NULL);
      break;
    case FURROW_IMPORT_KIND_PARCELS:
    case FURROW_IMPORT_KIND_AUTO:
    default:
      assign_preview_fields (self, field_ids, field_names);
      for (guint i = 0; i < n_parcels; i++)
        {
          const char *field = NULL;

          /* The field the import puts the parcel in, as furrow_importer_commit() does;
           * "Outside every field" when its polygon overlaps none of the project's. */
          if (parcels[i].geometry != NULL && field_ids->len > 0)
            {
              field = _("Outside every field");
              for (guint f = 0; f < field_ids->len; f++)
                if (g_array_index (field_ids, gint64, f) == parcels[i].field_id)
                  field = g_ptr_array_index (field_names, f);
            }
          /* The area of the polygon; "—" for a register row or a polygon that is wrong. */
          append_preview_row (rows, parcels[i].index, parcels[i].dkbm, parcels[i].name,
                              parcels[i].measured_area_m2, field);
          draw_geometry (self, parcels[i].geometry, bounds);
        }
      break;
    }
  /* Which field each parcel goes to, when there are polygons and fields to put them in. */
  gtk_column_view_column_set_visible (self->field_column,
                                      furrow_importer_get_kind (self->importer) ==
                                      FURROW_IMPORT_KIND_PARCELS &&
                                      furrow_importer_has_geometry (self->importer) &&
                                      field_ids->len > 0);
  gtk_column_view_column_set_visible (self->area_column,
                                      furrow_importer_get_kind (self->importer) !=
                                      FURROW_IMPORT_KIND_HOUSEHOLDS);
  gtk_widget_set_visible (self->preview_frame, furrow_importer_has_geometry (self->importer));
  zoom_to (self, bounds);
  set_model (self->preview_view, rows);

  n = g_list_model_get_n_items (G_LIST_MODEL (rows));
  title = g_strdup_printf (ngettext ("The first %u record of %s", "The first %u records of %s", n),
                           n, furrow_importer_get_display_name (self->importer));
  gtk_label_set_text (self->preview_label, title);
  if (error != NULL)
    {
      GPtrArray *problems = furrow_importer_get_problems (self->importer);
      g_autofree char *warning = NULL;

      warning = g_strdup_printf (ngettext ("%u problem in these records: press Import to see all problems before anything is written.",
                                           "%u problems in these records: press Import to see all problems before anything is written.",
                                           problems->len), problems->len);
      gtk_label_set_text (self->preview_warning, warning);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_warning), error != NULL);
  show_page (self, "preview");
  return TRUE;
}

/* Problems ---------------------------------------------------------------------------------- */

static void
fill_problems (FurrowImportAssistant *self,
               GPtrArray             *problems)
{
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autofree char *title = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const char *message = g_ptr_array_index (problems, i);
      g_autoptr(GObject) row = new_row ();
      const char *code = NULL, *reason = NULL;
      gint64 index = -1;

      furrow_importer_get_problem_record (self->importer, message, &index, &code, &reason);
      g_object_set_data_full (row, "record",
                              index >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, index)
                                         : g_strdup ("—"),
                              g_free);
      g_object_set_data_full (row, "code", g_strdup (code != NULL ? code : "—"), g_free);
      g_object_set_data_full (row, "reason", g_strdup (reason), g_free);
      g_list_store_append (rows, row);
    }
  set_model (self->problems_view, rows);
  title = g_strdup_printf (ngettext ("%u problem in %s", "%u problems in %s", problems->len),
                           problems->len, furrow_importer_get_display_name (self->importer));
  gtk_label_set_text (self->problems_title, title);
}

/* Import ------------------------------------------------------------------------------------ */

static gboolean
progress_cb (gpointer data)
{
  FurrowImportAssistant *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 furrow_importer_get_progress (self->importer));
  return G_SOURCE_CONTINUE;
}

static char *
imported_message (FurrowImporter *importer)
{
  guint n_fields = 0, n_parcels = 0, n_households = 0;
  guint n_skipped = furrow_importer_get_n_skipped (importer);
  g_autofree char *written = NULL;
  g_autofree char *skipped = NULL;

  furrow_importer_get_written (importer, &n_fields, &n_parcels, &n_households);
  switch (furrow_importer_get_kind (importer))
    {
    case FURROW_IMPORT_KIND_FIELDS:
      written = g_strdup_printf (ngettext ("Imported %u custody field.",
                                           "Imported %u custody fields.", n_fields), n_fields);
      break;
    case FURROW_IMPORT_KIND_HOUSEHOLDS:
      written = g_strdup_printf (ngettext ("Imported %u household.",
                                           "Imported %u households.", n_households), n_households);
      break;
    case FURROW_IMPORT_KIND_PARCELS:
    case FURROW_IMPORT_KIND_AUTO:
    default:
      written = g_strdup_printf (ngettext ("Imported %u parcel.",
                                           "Imported %u parcels.", n_parcels), n_parcels);
      break;
    }
  if (n_skipped == 0)
    return g_steal_pointer (&written);
  skipped = g_strdup_printf (ngettext ("%u record with problems was skipped.",
                                       "%u records with problems were skipped.", n_skipped),
                             n_skipped);
  /* Translators: two sentences, "Imported 3 parcels." and "1 record … was skipped." */
  return g_strdup_printf (_("%s %s"), written, skipped);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FurrowImportAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = furrow_importer_import_finish (FURROW_IMPORTER (source), result, &error);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);

  if (ok)
    {
      g_autofree char *message = imported_message (self->importer);
      g_autoptr(GError) reload_error = NULL;

      /* The worker wrote through its own connection: the window's models read it again. */
      if (!furrow_store_reload (self->store, &reload_error))
        g_warning ("Cannot reload the project after an import: %s", reload_error->message);
      g_signal_emit (self, signals[IMPORTED], 0, message);
      if (!self->disposed)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->disposed)
    return;

  self->skip_invalid = FALSE;
  if (g_error_matches (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_message (self, _("The import was cancelled: nothing was written."), FALSE);
      show_page (self, "settings");
      return;
    }

  fill_problems (self, furrow_importer_get_problems (self->importer));
  show_page (self, "problems");
  /* Skipping helps only with problems of single records. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.skip",
                                 g_error_matches (error, FURROW_IMPORT_ERROR,
                                                  FURROW_IMPORT_ERROR_INVALID));
}

static void
start_import (FurrowImportAssistant *self)
{
  g_return_if_fail (self->importer != NULL && self->cancellable == NULL);

  furrow_importer_set_limit (self->importer, 0);
  furrow_importer_set_skip_invalid (self->importer, self->skip_invalid);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  show_page (self, "progress");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.skip", FALSE);
  self->progress_source = g_timeout_add (100, progress_cb, self);
  furrow_importer_import_async (self->importer, furrow_store_get_path (self->store),
                                self->cancellable, import_done_cb, g_object_ref (self));
}

/* Actions ----------------------------------------------------------------------------------- */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (widget);

  if (self->importer != NULL)
    show_preview (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (widget);

  show_page (self, "settings");
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (widget);

  self->skip_invalid = FALSE;
  start_import (self);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (widget);

  self->skip_invalid = TRUE;
  start_import (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
abort_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (widget);

  /* A running import rolls back; its callback holds a reference to the assistant. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Class ------------------------------------------------------------------------------------- */

static gboolean
furrow_import_assistant_close_request (GtkWindow *window)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (furrow_import_assistant_parent_class)->close_request (window);
}

static void
furrow_import_assistant_dispose (GObject *object)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->path_layers != NULL && self->preview_map != NULL)
    clear_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_IMPORT_ASSISTANT);

  G_OBJECT_CLASS (furrow_import_assistant_parent_class)->dispose (object);
}

static void
furrow_import_assistant_finalize (GObject *object)
{
  FurrowImportAssistant *self = FURROW_IMPORT_ASSISTANT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->path_layers, g_ptr_array_unref);
  g_free (self->path);
  g_free (self->encoding);
  for (guint c = 0; c < FURROW_N_COLUMNS; c++)
    g_free (self->mapping[c]);

  G_OBJECT_CLASS (furrow_import_assistant_parent_class)->finalize (object);
}

static void
furrow_import_assistant_class_init (FurrowImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = furrow_import_assistant_dispose;
  object_class->finalize = furrow_import_assistant_finalize;
  window_class->close_request = furrow_import_assistant_close_request;

  /**
   * FurrowImportAssistant::imported:
   * @message: what was imported, a translated sentence for a toast
   *
   * Emitted when the import is written and the store reloaded, before the assistant closes.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/import/furrow-import-assistant.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.abort", NULL, abort_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.abort", NULL);
}

static void
furrow_import_assistant_init (FurrowImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Metres, as the window's map, feet only where the locale measures in them (issue 13). */
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->preview_map),
                          furrow_map_scale_unit_for_locale (setlocale (LC_MEASUREMENT, NULL)));

  self->column_rows = g_ptr_array_new ();
  self->path_layers = g_ptr_array_new ();
  self->kind = FURROW_IMPORT_KIND_AUTO;

  add_column (self->preview_view, _("Code"), "code", FALSE);
  add_column (self->preview_view, C_("import preview", "Name"), "name", TRUE);
  self->area_column = add_column (self->preview_view, _("Area (mu)"), "area", FALSE);
  /* Translators: the custody field a parcel of the file goes to */
  self->field_column = add_column (self->preview_view, C_("import preview", "Field"), "field",
                                   FALSE);
  /* Translators: the record (feature or spreadsheet row) a problem is about */
  add_column (self->problems_view, _("Record"), "record", FALSE);
  add_column (self->problems_view, _("Code"), "code", FALSE);
  add_column (self->problems_view, _("Problem"), "reason", TRUE);

  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  g_signal_connect (self->encoding_row, "notify::selected", G_CALLBACK (encoding_changed_cb),
                    self);
  g_signal_connect (self->gcj02_switch, "notify::active", G_CALLBACK (gcj02_changed_cb), self);
  g_signal_connect (self->crs_row, "apply", G_CALLBACK (crs_apply_cb), self);
  g_signal_connect (self->crs_row, "entry-activated", G_CALLBACK (crs_apply_cb), self);
}

FurrowImportAssistant *
furrow_import_assistant_new (GtkWindow        *parent,
                             FurrowStore      *store,
                             ShumateMapSource *map_source,
                             const char       *path)
{
  FurrowImportAssistant *self;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FURROW_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  if (map_source != NULL)
    shumate_simple_map_set_map_source (self->preview_map, map_source);

  basename = g_path_get_basename (path);
  display_name = g_filename_display_name (basename);
  adw_window_title_set_subtitle (self->window_title, display_name);

  show_page (self, "settings");
  detect (self);
  return self;
}

FurrowImporter *
furrow_import_assistant_get_importer (FurrowImportAssistant *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORT_ASSISTANT (self), NULL);

  return self->importer;
}

const char *
furrow_import_assistant_get_page (FurrowImportAssistant *self)
{
  g_return_val_if_fail (FURROW_IS_IMPORT_ASSISTANT (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
