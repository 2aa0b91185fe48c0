/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowHouseholdList: the households (承包方) of the project (FurrowRecordList), searched by
 * name and code, with their members, registered area, parcels, custody and masked phone. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-household-list.h"
#include "furrow-register.h"
#include "furrow-units.h"

struct _FurrowHouseholdList
{
  FurrowRecordList  parent_instance;

  GHashTable       *summaries;  /* household code → FurrowHouseholdSummary */
};

G_DEFINE_FINAL_TYPE (FurrowHouseholdList, furrow_household_list, FURROW_TYPE_RECORD_LIST)

static const FurrowHouseholdSummary *
summary_of (FurrowHouseholdList *self,
            FurrowHousehold     *household)
{
  static const FurrowHouseholdSummary none = { 0, 0, 0, FURROW_CUSTODY_FULL };
  const FurrowHouseholdSummary *summary = NULL;

  if (self->summaries != NULL)
    summary = g_hash_table_lookup (self->summaries, furrow_household_get_code (household));
  return summary != NULL ? summary : &none;
}

static char *
code_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_household_get_code (item));
}

static char *
name_text (gpointer item, gpointer data)
{
  return g_strdup (furrow_household_get_name (item));
}

static char *
members_text (gpointer item, gpointer data)
{
  return g_strdup_printf ("%u", furrow_household_get_members (item));
}

static char *
registered_text (gpointer item, gpointer data)
{
  return furrow_format_mu (summary_of (data, item)->registered_m2);
}

static char *
parcels_text (gpointer item, gpointer data)
{
  return g_strdup_printf ("%u", summary_of (data, item)->n_parcels);
}

static char *
custody_text (gpointer item, gpointer data)
{
  return g_strdup (summary_of (data, item)->custody == FURROW_CUSTODY_HALF ? _("Half custody")
                                                                           : _("Full custody"));
}

static char *
phone_text (gpointer item, gpointer data)
{
  return furrow_register_mask_personal (furrow_household_get_phone (item));
}

static int
compare_name (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_utf8_collate (furrow_household_get_name ((FurrowHousehold *) a),
                         furrow_household_get_name ((FurrowHousehold *) b));
}

static int
compare_code (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_strcmp0 (furrow_household_get_code ((FurrowHousehold *) a),
                    furrow_household_get_code ((FurrowHousehold *) b));
}

static int
compare_members (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) furrow_household_get_members ((FurrowHousehold *) a) -
         (int) furrow_household_get_members ((FurrowHousehold *) b);
}

static int
compare_registered (gconstpointer a, gconstpointer b, gpointer data)
{
  double x = summary_of (data, (FurrowHousehold *) a)->registered_m2;
  double y = summary_of (data, (FurrowHousehold *) b)->registered_m2;

  return x < y ? -1 : x > y ? 1 : 0;
}

static int
compare_parcels (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) summary_of (data, (FurrowHousehold *) a)->n_parcels -
         (int) summary_of (data, (FurrowHousehold *) b)->n_parcels;
}

static int
compare_custody (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) summary_of (data, (FurrowHousehold *) a)->custody -
         (int) summary_of (data, (FurrowHousehold *) b)->custody;
}

static gboolean
furrow_household_list_matches (gpointer    record,
                               const char *needle)
{
  return furrow_list_text_matches (furrow_household_get_name (record), needle) ||
         furrow_list_text_matches (furrow_household_get_code (record), needle);
}

static void
furrow_household_list_update_totals (FurrowRecordList *list,
                                     GListModel       *parcels)
{
  FurrowHouseholdList *self = FURROW_HOUSEHOLD_LIST (list);

  g_clear_pointer (&self->summaries, g_hash_table_unref);
  if (parcels != NULL)
    self->summaries = furrow_register_household_summaries (parcels);
}

static void
furrow_household_list_finalize (GObject *object)
{
  FurrowHouseholdList *self = FURROW_HOUSEHOLD_LIST (object);

  g_clear_pointer (&self->summaries, g_hash_table_unref);

  G_OBJECT_CLASS (furrow_household_list_parent_class)->finalize (object);
}

static void
furrow_household_list_class_init (FurrowHouseholdListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FurrowRecordListClass *list_class = FURROW_RECORD_LIST_CLASS (klass);

  object_class->finalize = furrow_household_list_finalize;
  list_class->get_records = furrow_store_get_households;
  list_class->matches = furrow_household_list_matches;
  list_class->update_totals = furrow_household_list_update_totals;
}

static void
furrow_household_list_init (FurrowHouseholdList *self)
{
  FurrowRecordList *list = FURROW_RECORD_LIST (self);
  GtkColumnViewColumn *code_column;

  furrow_record_list_set_texts (list, _("Households"), "system-users-symbolic",
                                _("No Households"),
                                _("Import the village’s contract register to list its households"));
  code_column = furrow_record_list_add_column (list, _("Code"), code_text, compare_code, FALSE,
                                               FALSE);
  /* The whole 18-character code: it is what a clerk reads off the contract. */
  gtk_column_view_column_set_fixed_width (code_column, 160);
  gtk_column_view_column_set_fixed_width (
    furrow_record_list_add_column (list, _("Head"), name_text, compare_name, FALSE, TRUE), 72);
  furrow_record_list_add_column (list, _("Members"), members_text, compare_members, TRUE, FALSE);
  furrow_record_list_add_column (list, _("Registered mu"), registered_text, compare_registered,
                                 TRUE, FALSE);
  furrow_record_list_add_column (list, _("Parcels"), parcels_text, compare_parcels, TRUE, FALSE);
  furrow_record_list_add_column (list, _("Custody"), custody_text, compare_custody, FALSE, FALSE);
  /* Personal data: only the last four digits of the phone number. */
  furrow_record_list_add_column (list, _("Phone"), phone_text, NULL, FALSE, FALSE);
  furrow_record_list_sort_by (list, code_column);
}
