/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowFieldList: the custody fields of the project (FurrowRecordList), searched by name and
 * code, with their areas, custody and number of parcels. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-field-list.h"
#include "furrow-register.h"
#include "furrow-units.h"

struct _FurrowFieldList
{
  FurrowRecordList  parent_instance;

  GHashTable       *parcel_counts;  /* field id → number of parcels */
};

G_DEFINE_FINAL_TYPE (FurrowFieldList, furrow_field_list, FURROW_TYPE_RECORD_LIST)

static char *
name_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_field_get_name (item));
}

static char *
code_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_field_get_code (item));
}

static char *
registered_text (gpointer item, gpointer data)
{
  return furrow_format_mu (furrow_field_get_registered_area_m2 (item));
}

static char *
measured_text (gpointer item, gpointer data)
{
  return furrow_format_mu (furrow_field_get_measured_area_m2 (item));
}

static char *
custody_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_field_get_custody (item) == FURROW_CUSTODY_HALF ? _("Half custody")
                                                                           : _("Full custody"));
}

static guint
parcel_count (FurrowFieldList *self,
              FurrowField     *field)
{
  gint64 id = furrow_field_get_id (field);

  if (self->parcel_counts == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->parcel_counts, &id));
}

static char *
parcels_text (gpointer item, gpointer data)
{
  return g_strdup_printf ("%u", parcel_count (data, item));
}

static int
compare_name (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_utf8_collate (furrow_field_get_name ((FurrowField *) a),
                         furrow_field_get_name ((FurrowField *) b));
}

static int
compare_code (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_strcmp0 (furrow_field_get_code ((FurrowField *) a),
                    furrow_field_get_code ((FurrowField *) b));
}

static int
compare_double (double x, double y)
{
  return x < y ? -1 : x > y ? 1 : 0;
}

static int
compare_registered (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_double (furrow_field_get_registered_area_m2 ((FurrowField *) a),
                         furrow_field_get_registered_area_m2 ((FurrowField *) b));
}

static int
compare_measured (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_double (furrow_field_get_measured_area_m2 ((FurrowField *) a),
                         furrow_field_get_measured_area_m2 ((FurrowField *) b));
}

static int
compare_custody (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) furrow_field_get_custody ((FurrowField *) a) -
         (int) furrow_field_get_custody ((FurrowField *) b);
}

static int
compare_parcels (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) parcel_count (data, (FurrowField *) a) - (int) parcel_count (data, (FurrowField *) b);
}

static gboolean
furrow_field_list_matches (gpointer    record,
                           const char *needle)
{
  return furrow_list_text_matches (furrow_field_get_name (record), needle) ||
         furrow_list_text_matches (furrow_field_get_code (record), needle);
}

static void
furrow_field_list_update_totals (FurrowRecordList *list,
                                 GListModel       *parcels)
{
  FurrowFieldList *self = FURROW_FIELD_LIST (list);

  g_clear_pointer (&self->parcel_counts, g_hash_table_unref);
  if (parcels != NULL)
    self->parcel_counts = furrow_register_field_parcel_counts (parcels);
}

static void
furrow_field_list_finalize (GObject *object)
{
  FurrowFieldList *self = FURROW_FIELD_LIST (object);

  g_clear_pointer (&self->parcel_counts, g_hash_table_unref);

  G_OBJECT_CLASS (furrow_field_list_parent_class)->finalize (object);
}

static void
furrow_field_list_class_init (FurrowFieldListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FurrowRecordListClass *list_class = FURROW_RECORD_LIST_CLASS (klass);

  object_class->finalize = furrow_field_list_finalize;
  list_class->get_records = furrow_store_get_fields;
  list_class->matches = furrow_field_list_matches;
  list_class->update_totals = furrow_field_list_update_totals;
}

static void
furrow_field_list_init (FurrowFieldList *self)
{
  FurrowRecordList *list = FURROW_RECORD_LIST (self);
  GtkColumnViewColumn *code_column;

  furrow_record_list_set_texts (list, _("Fields"), "find-location-symbolic", _("No Fields"),
                                _("Import fields or draw them on the map"));
  furrow_record_list_add_column (list, C_("field", "Name"), name_text, compare_name, FALSE, TRUE);
  code_column = furrow_record_list_add_column (list, _("Code"), code_text, compare_code, FALSE,
                                               FALSE);
  furrow_record_list_add_column (list, _("Registered mu"), registered_text, compare_registered,
                                 TRUE, FALSE);
  furrow_record_list_add_column (list, _("Measured mu"), measured_text, compare_measured, TRUE,
                                 FALSE);
  furrow_record_list_add_column (list, _("Custody"), custody_text, compare_custody, FALSE, FALSE);
  furrow_record_list_add_column (list, _("Parcels"), parcels_text, compare_parcels, TRUE, FALSE);
  furrow_record_list_sort_by (list, code_column);
}
