/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field-map.h"
#include "furrow-field-map-testing.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-household.h"
#include "furrow-parcel.h"
#include "furrow-pattern.h"
#include "furrow-property.h"
#include "furrow-register.h"
#include "furrow-store-season.h"

/* Puts the project's fields on a map, in three layers above the base map: the fields as tiles
 * (FurrowFieldTileSource), the selection overlay and the field editor. The window keeps one and
 * hands it the project's store. */

struct _FurrowFieldMap
{
  GObject parent_instance;

  ShumateMap            *map;        /* weak */
  FurrowStore           *store;
  FurrowFieldTileSource *source;
  FurrowSelectionLayer  *selection;
  FurrowFieldEditor     *editor;
  ShumateMapLayer       *labels_layer;  /* weak: e.g. Tianditu's place names over its imagery */
  ShumateMapSource      *labels;
  FurrowFieldColouring   colouring;
  FurrowMapLegend       *legend;     /* weak */
  GListModel            *parcels;    /* the store's, followed for parcels and households */
  GListModel            *seasons;    /* the store's, followed for plans */
};

G_DEFINE_FINAL_TYPE (FurrowFieldMap, furrow_field_map, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COLOURING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
furrow_field_colouring_get_type (void)
{
  static gsize type;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { FURROW_FIELD_COLOURING_PATTERN, "FURROW_FIELD_COLOURING_PATTERN", "pattern" },
        { FURROW_FIELD_COLOURING_CUSTODY, "FURROW_FIELD_COLOURING_CUSTODY", "custody" },
        { FURROW_FIELD_COLOURING_HOUSEHOLD, "FURROW_FIELD_COLOURING_HOUSEHOLD", "household" },
        { 0, NULL, NULL },
      };

      g_once_init_leave (&type, g_enum_register_static ("FurrowFieldColouring", values));
    }
  return type;
}

/* Distinct colours of the GNOME palette, for patterns and households in turn (greens late: they
 * vanish on imagery). */
static const guint32 palette[] = {
  0x1c71d8, 0xe66100, 0x9141ac, 0xc01c28, 0xe5a50a, 0x26a269,
  0x865e3c, 0x2190a4, 0xc061cb, 0x613583, 0x3a944a, 0x1a5fb4,
};

/* Colour @index of a run of categories: the palette, then hues spread by the golden angle. */
static guint32
category_rgb (guint index)
{
  double h, r, g, b;

  if (index < G_N_ELEMENTS (palette))
    return palette[index];
  h = fmod ((index - G_N_ELEMENTS (palette)) * 0.618033988749895 + 0.08, 1.0) * 6.0;
  {
    double s = 0.65, v = 0.8, f = h - floor (h);
    double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));

    switch ((int) floor (h) % 6)
      {
      case 0: r = v; g = t; b = p; break;
      case 1: r = q; g = v; b = p; break;
      case 2: r = p; g = v; b = t; break;
      case 3: r = p; g = q; b = v; break;
      case 4: r = t; g = p; b = v; break;
      default: r = v; g = p; b = q; break;
      }
  }
  return ((guint32) lround (r * 255) << 16) | ((guint32) lround (g * 255) << 8) |
         (guint32) lround (b * 255);
}

static void
set_field_rgb (GHashTable *colours,
               gint64      field_id,
               guint32     rgb)
{
  g_hash_table_insert (colours, g_memdup2 (&field_id, sizeof field_id), GUINT_TO_POINTER (rgb + 1));
}

/* The season whose plans colour the map: the last one not settled yet, else the last one. */
static FurrowSeason *
current_season (GListModel *seasons)
{
  guint n = seasons != NULL ? g_list_model_get_n_items (seasons) : 0;

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (seasons, i - 1);

      if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
        return g_steal_pointer (&season);
    }
  return n > 0 ? g_list_model_get_item (seasons, n - 1) : NULL;
}

typedef struct
{
  char   *key;
  char   *label;
  guint   order;     /* presets in their own order, then other patterns as met */
} PatternClass;

static void
pattern_class_free (gpointer data)
{
  PatternClass *class = data;

  g_free (class->key);
  g_free (class->label);
  g_free (class);
}

static int
compare_pattern_class (gconstpointer a,
                       gconstpointer b)
{
  const PatternClass *x = *(PatternClass * const *) a;
  const PatternClass *y = *(PatternClass * const *) b;

  return (x->order > y->order) - (x->order < y->order);
}

/* By the planned pattern of each field in the current season: a preset is one colour whatever
 * its field, another pattern one colour per description. */
static GHashTable *
colour_by_pattern (FurrowFieldMap *self)
{
  GHashTable *colours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(FurrowSeason) season = current_season (self->seasons);
  g_autoptr(GHashTable) classes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         pattern_class_free);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_presets = furrow_pattern_n_presets ();
  guint n_fields = 0;

  if (season != NULL)
    {
      plans = furrow_store_get_plans (self->store, season, &error);
      if (plans == NULL)
        g_warning ("Cannot read the plans of the season: %s", error->message);
    }

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (plans, FurrowSeasonPlan, i);
      g_autofree char *described = NULL;
      const char *key = plan->preset;
      PatternClass *class;
      guint order = G_MAXUINT;

      for (guint k = 0; k < n_presets && *key != '\0'; k++)
        if (g_strcmp0 (furrow_pattern_preset_info (k)->id, key) == 0)
          order = k;
      if (order == G_MAXUINT)
        key = described = furrow_pattern_describe (&plan->pattern);

      class = g_hash_table_lookup (classes, key);
      if (class == NULL)
        {
          class = g_new0 (PatternClass, 1);
          class->key = g_strdup (key);
          if (order != G_MAXUINT)
            class->label = g_strdup (_(furrow_pattern_preset_info (order)->label));
          else
            class->label = g_strdup (described);
          class->order = order != G_MAXUINT ? order : n_presets + g_hash_table_size (classes);
          g_hash_table_insert (classes, class->key, class);
        }
      set_field_rgb (colours, plan->field_id, category_rgb (class->order));
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, classes);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (ordered, value);
    g_ptr_array_sort (ordered, compare_pattern_class);
  }

  if (self->legend == NULL)
    return colours;

  if (season != NULL)
    /* Translators: the title of the map's legend; %s is a season's name, e.g. "2026 summer". */
    title = g_strdup_printf (_("Planned pattern, %s"), furrow_season_get_name (season));
  furrow_map_legend_set_title (self->legend, title != NULL ? title : _("Planned pattern"));
  for (guint i = 0; i < ordered->len; i++)
    {
      PatternClass *class = g_ptr_array_index (ordered, i);

      furrow_map_legend_add (self->legend, category_rgb (class->order), class->label);
    }
  {
    g_autoptr(GListModel) fields = furrow_store_get_fields (self->store);

    n_fields = g_list_model_get_n_items (fields);
  }
  if (plans == NULL || plans->len < n_fields)
    furrow_map_legend_add (self->legend, FURROW_FIELD_MAP_RGB_NONE, _("No plan"));
  if (season == NULL)
    furrow_map_legend_set_note (self->legend, _("No season yet: add one to plan the fields."));
  return colours;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* By the household that holds most of each field (its parcels' measured area); households take
 * colours in the order of their codes, so a project always looks the same. */
static GHashTable *
colour_by_household (FurrowFieldMap *self)
{
  GHashTable *colours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) dominant = furrow_register_field_households (self->parcels);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, dominant);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_hash_table_add (index, value))
      g_ptr_array_add (codes, value);
  g_ptr_array_sort (codes, compare_strings);
  for (guint i = 0; i < codes->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (codes, i), GUINT_TO_POINTER (i));

  g_hash_table_iter_init (&iter, dominant);
  while (g_hash_table_iter_next (&iter, &key, &value))
    set_field_rgb (colours, *(gint64 *) key,
                   category_rgb (GPOINTER_TO_UINT (g_hash_table_lookup (index, value))));

  if (self->legend == NULL)
    return colours;

  furrow_map_legend_set_title (self->legend, _("Household"));
  if (codes->len <= FURROW_FIELD_MAP_LEGEND_MAX)
    {
      g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GListModel) households = furrow_store_get_households (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (households); i++)
        {
          g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);

          if (g_hash_table_contains (index, furrow_household_get_code (household)))
            g_hash_table_insert (names, (gpointer) furrow_household_get_code (household),
                                 g_strdup (furrow_household_get_name (household)));
        }
      for (guint i = 0; i < codes->len; i++)
        {
          const char *code = g_ptr_array_index (codes, i);
          g_autofree char *name = g_hash_table_lookup (names, code);

          furrow_map_legend_add (self->legend, category_rgb (i), name != NULL && *name ? name : code);
        }
    }
  else
    {
      g_autofree char *note = NULL;

      /* Translators: the map's legend when there are too many households to list. */
      note = g_strdup_printf (ngettext ("%u household, each in its own colour: click a field to see whose it is.",
                                        "%u households, each in its own colour: click a field to see whose it is.",
                                        codes->len), codes->len);
      furrow_map_legend_set_note (self->legend, note);
    }
  {
    g_autoptr(GListModel) fields = furrow_store_get_fields (self->store);

    if (g_hash_table_size (dominant) < g_list_model_get_n_items (fields))
      furrow_map_legend_add (self->legend, FURROW_FIELD_MAP_RGB_NONE, _("No parcels"));
  }
  return colours;
}

/* The colours of the current colouring (NULL: by custody, the tile source's own), and the legend
 * rewritten to match. */
static GHashTable *
compute_colours (FurrowFieldMap *self)
{
  if (self->legend != NULL)
    furrow_map_legend_clear (self->legend);

  if (self->store == NULL || self->colouring == FURROW_FIELD_COLOURING_CUSTODY)
    {
      if (self->legend != NULL)
        {
          furrow_map_legend_set_title (self->legend, _("Custody"));
          furrow_map_legend_add (self->legend, FURROW_FIELD_TILE_RGB_FULL, _("Full custody"));
          furrow_map_legend_add (self->legend, FURROW_FIELD_TILE_RGB_HALF, _("Half custody"));
        }
      return NULL;
    }
  if (self->colouring == FURROW_FIELD_COLOURING_PATTERN)
    return colour_by_pattern (self);
  return colour_by_household (self);
}

/**
 * furrow_field_map_refresh_colours:
 *
 * Colours the fields again from the store (after plans, parcels or households changed) and
 * rewrites the legend. Only the tiles of fields whose colour changed are drawn again.
 */
void
furrow_field_map_refresh_colours (FurrowFieldMap *self)
{
  g_autoptr(GHashTable) colours = NULL;

  g_return_if_fail (FURROW_IS_FIELD_MAP (self));

  colours = compute_colours (self);
  furrow_field_tile_source_set_colours (self->source, colours, FURROW_FIELD_MAP_RGB_NONE);
}

static void
store_changed_cb (FurrowFieldMap *self)
{
  if (self->colouring != FURROW_FIELD_COLOURING_CUSTODY)
    furrow_field_map_refresh_colours (self);
}

static void
furrow_field_map_dispose (GObject *object)
{
  FurrowFieldMap *self = FURROW_FIELD_MAP (object);

  g_clear_weak_pointer (&self->map);
  g_clear_weak_pointer (&self->labels_layer);
  g_clear_object (&self->labels);
  g_clear_weak_pointer (&self->legend);
  if (self->parcels != NULL)
    g_signal_handlers_disconnect_by_func (self->parcels, store_changed_cb, self);
  if (self->seasons != NULL)
    g_signal_handlers_disconnect_by_func (self->seasons, store_changed_cb, self);
  g_clear_object (&self->parcels);
  g_clear_object (&self->seasons);
  g_clear_object (&self->store);
  g_clear_object (&self->source);
  g_clear_object (&self->selection);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (furrow_field_map_parent_class)->dispose (object);
}

static void
colouring_changed (GObject    *object,
                   GParamSpec *pspec)
{
  furrow_field_map_refresh_colours (FURROW_FIELD_MAP (object));
}

static void
furrow_field_map_class_init (FurrowFieldMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = furrow_field_map_dispose;
  object_class->get_property = furrow_property_get_member;
  object_class->set_property = furrow_property_set_member;

  properties[PROP_COLOURING] = furrow_property_member (
    g_param_spec_enum ("colouring", NULL, NULL,
                       FURROW_TYPE_FIELD_COLOURING, FURROW_FIELD_COLOURING_CUSTODY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    G_STRUCT_OFFSET (FurrowFieldMap, colouring), colouring_changed);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
furrow_field_map_init (FurrowFieldMap *self)
{
  self->colouring = FURROW_FIELD_COLOURING_CUSTODY;
}

/* Adds the field layers on top of @map's layers (call it after the base map is set). */
FurrowFieldMap *
furrow_field_map_new (ShumateMap *map)
{
  FurrowFieldMap *self;
  ShumateViewport *viewport;

  g_return_val_if_fail (SHUMATE_IS_MAP (map), NULL);

  self = g_object_new (FURROW_TYPE_FIELD_MAP, NULL);
  viewport = shumate_map_get_viewport (map);
  g_set_weak_pointer (&self->map, map);

  self->source = furrow_field_tile_source_new ();
  furrow_field_tile_source_attach (self->source, map);
  self->selection = g_object_ref_sink (furrow_selection_layer_new (viewport));
  shumate_map_add_layer (map, SHUMATE_LAYER (self->selection));
  self->editor = g_object_ref_sink (furrow_field_editor_new (viewport));
  shumate_map_add_layer (map, SHUMATE_LAYER (self->editor));
  return self;
}

void
furrow_field_map_set_store (FurrowFieldMap *self,
                            FurrowStore    *store)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GHashTable) colours = NULL;

  g_return_if_fail (FURROW_IS_FIELD_MAP (self));
  g_return_if_fail (store == NULL || FURROW_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (self->parcels != NULL)
    g_signal_handlers_disconnect_by_func (self->parcels, store_changed_cb, self);
  if (self->seasons != NULL)
    g_signal_handlers_disconnect_by_func (self->seasons, store_changed_cb, self);
  g_clear_object (&self->parcels);
  g_clear_object (&self->seasons);
  if (store != NULL)
    {
      self->parcels = furrow_store_get_parcels (store);
      self->seasons = furrow_store_get_seasons (store);
      g_signal_connect_object (self->parcels, "items-changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->seasons, "items-changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  fields = store != NULL ? furrow_store_get_fields (store) : NULL;
  /* Fields, parcels and colours at once: one snapshot, the tiles drawn once. */
  colours = compute_colours (self);
  furrow_field_tile_source_set_content (self->source, fields, self->parcels, colours,
                                        FURROW_FIELD_MAP_RGB_NONE);
  furrow_selection_layer_set_fields (self->selection, fields);
  furrow_selection_layer_highlight (self->selection, NULL);
  furrow_field_editor_set_store (self->editor, store);
}

FurrowFieldColouring
furrow_field_map_get_colouring (FurrowFieldMap *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_MAP (self), FURROW_FIELD_COLOURING_CUSTODY);

  return self->colouring;
}

/* The legend to keep in step with the colours (weak; NULL for none). */
void
furrow_field_map_set_legend (FurrowFieldMap  *self,
                             FurrowMapLegend *legend)
{
  g_return_if_fail (FURROW_IS_FIELD_MAP (self));
  g_return_if_fail (legend == NULL || FURROW_IS_MAP_LEGEND (legend));

  g_set_weak_pointer (&self->legend, legend);
  furrow_field_map_refresh_colours (self);
}

/* The plain getters (furrow-property.h): furrow_field_map_get_legend and
 * furrow_field_map_get_editor; the tile source's and the selection layer's, below, read members
 * of other names. */
#define GETTER(ctype, member) \
  FURROW_PROPERTY_GETTER (FurrowFieldMap, furrow_field_map, FURROW_IS_FIELD_MAP, ctype, member)
GETTER (FurrowMapLegend *, legend)
GETTER (FurrowFieldEditor *, editor)
#undef GETTER

FurrowFieldTileSource *
furrow_field_map_get_tile_source (FurrowFieldMap *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_MAP (self), NULL);

  return self->source;
}

FurrowSelectionLayer *
furrow_field_map_get_selection_layer (FurrowFieldMap *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_MAP (self), NULL);

  return self->selection;
}

/* A second base layer (place names) between the base map and the fields; NULL removes it. */
void
furrow_field_map_set_labels (FurrowFieldMap   *self,
                             ShumateMapSource *source)
{
  ShumateMapLayer *layer;

  g_return_if_fail (FURROW_IS_FIELD_MAP (self));
  g_return_if_fail (source == NULL || SHUMATE_IS_MAP_SOURCE (source));

  if (self->map == NULL || !g_set_object (&self->labels, source))
    return;
  if (self->labels_layer != NULL)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->labels_layer));
  g_clear_weak_pointer (&self->labels_layer);
  if (source == NULL)
    return;

  layer = shumate_map_layer_new (source, shumate_map_get_viewport (self->map));
  /* Under the field tiles (whose layer is rebuilt after edits: ask for the current one). */
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (layer),
                                   SHUMATE_LAYER (furrow_field_tile_source_get_layer (self->source)));
  g_set_weak_pointer (&self->labels_layer, layer);
}

ShumateMapSource *
furrow_field_map_get_labels (FurrowFieldMap *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD_MAP (self), NULL);

  return self->labels;
}

/* "Show on map" of a household: highlights all its parcels and zooms to their bounds. */
void
furrow_field_map_show_household (FurrowFieldMap *self,
                                 const char     *household_code)
{
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GPtrArray) geometries = g_ptr_array_new ();
  guint n;

  g_return_if_fail (FURROW_IS_FIELD_MAP (self));

  if (self->store == NULL || household_code == NULL)
    {
      furrow_selection_layer_highlight (self->selection, NULL);
      return;
    }

  parcels = furrow_store_get_parcels (self->store);
  n = g_list_model_get_n_items (parcels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (g_strcmp0 (furrow_parcel_get_household_code (parcel), household_code) == 0 &&
          furrow_parcel_get_geometry (parcel) != NULL)
        g_ptr_array_add (geometries, furrow_parcel_get_geometry (parcel));
    }
  furrow_selection_layer_highlight (self->selection, geometries);
  furrow_selection_layer_show_highlighted (self->selection);
}
