/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowFieldList: the custody fields of the project (FurrowRecordList), searched by name and
 * code, with their areas, custody and number of parcels. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-field-list.h"
#include "furrow-register.h"
#include "furrow-units.h"

/* Its summaries: field id → number of parcels (furrow_register_field_parcel_counts()). */
struct _FurrowFieldList
{
  FurrowRecordList parent_instance;
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
  return furrow_format_mu_grouped (furrow_field_get_registered_area_m2 (item));
}

static char *
measured_text (gpointer item, gpointer data)
{
  return furrow_format_mu_grouped (furrow_field_get_measured_area_m2 (item));
}

static char *
custody_text (gpointer item, gpointer data)
{
  /* Short, as in the roster: the column's title says custody, and every column of the list
   * fits beside the names with its title whole (issue 13, item 6). */
  return g_strdup (furrow_field_get_custody (item) == FURROW_CUSTODY_HALF ? C_("custody", "Half")
                                                                           : C_("custody", "Full"));
}

static guint
parcel_count (FurrowRecordList *self,
              FurrowField      *field)
{
  GHashTable *counts = furrow_record_list_get_summaries (self);
  gint64 id = furrow_field_get_id (field);

  return counts != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id)) : 0;
}

static char *
parcels_text (gpointer item, gpointer data)
{
  return g_strdup_printf ("%u", parcel_count (data, item));
}

static double
registered_key (gpointer item, gpointer data)
{
  return furrow_field_get_registered_area_m2 (item);
}

static double
measured_key (gpointer item, gpointer data)
{
  return furrow_field_get_measured_area_m2 (item);
}

static double
custody_key (gpointer item, gpointer data)
{
  return furrow_field_get_custody (item);
}

static double
parcels_key (gpointer item, gpointer data)
{
  return parcel_count (data, item);
}

static void
furrow_field_list_class_init (FurrowFieldListClass *klass)
{
  FurrowRecordListClass *list_class = FURROW_RECORD_LIST_CLASS (klass);

  list_class->get_records = furrow_store_get_fields;
  list_class->summarize = furrow_register_field_parcel_counts;
}

static void
furrow_field_list_init (FurrowFieldList *self)
{
  FurrowRecordList *list = FURROW_RECORD_LIST (self);
  GtkColumnViewColumn *code_column, *column;

  furrow_record_list_set_texts (list, _("Fields"), "find-location-symbolic", _("No Fields"),
                                _("Import fields or draw them on the map"));
  furrow_record_list_add_column (list, C_("field", "Name"), name_text, FURROW_RECORD_SORT_TEXT,
                                 NULL, FALSE, TRUE);
  code_column = furrow_record_list_add_column (list, _("Code"), code_text,
                                               FURROW_RECORD_SORT_CODE, NULL, FALSE, FALSE);
  /* The titles of the numbers and the custody as short as their cells ("130.94", "Full"), their
   * whole meaning a tooltip, so that in a 400-px sidebar the names read whole beside them
   * (issue 13: "河滩…" at 1024 px in English beside "Meas. mu" and "Custody"). */
  /* Translators: the short title of a list's column of registered areas in mu, no wider than
   * "130.94"; its tooltip is "Registered area (mu)". */
  column = furrow_record_list_add_column (list, C_("column", "Reg."), registered_text,
                                          FURROW_RECORD_SORT_NUMBER, registered_key, TRUE, FALSE);
  furrow_list_set_title_tooltip (column, _("Registered area (mu)"));
  /* Translators: the short title of a list's column of measured areas in mu, as "Reg.". */
  column = furrow_record_list_add_column (list, C_("column", "Meas."), measured_text,
                                          FURROW_RECORD_SORT_NUMBER, measured_key, TRUE, FALSE);
  furrow_list_set_title_tooltip (column, _("Measured area (mu)"));
  /* Translators: the short title of the Fields list's column of custody, over cells that read
   * "Full" or "Half"; its tooltip is "Custody". */
  column = furrow_record_list_add_column (list, C_("column", "Cust."), custody_text,
                                          FURROW_RECORD_SORT_NUMBER, custody_key, FALSE, FALSE);
  furrow_list_set_title_tooltip (column, _("Custody"));
  /* Translators: the short title of the Fields list's column of the number of parcels, over
   * cells of one or two digits; its tooltip is "Parcels". */
  column = furrow_record_list_add_column (list, C_("column", "Parc."), parcels_text,
                                          FURROW_RECORD_SORT_NUMBER, parcels_key, TRUE, FALSE);
  furrow_list_set_title_tooltip (column, _("Parcels"));
  furrow_record_list_sort_by (list, code_column);
}
