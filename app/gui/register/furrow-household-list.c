/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowHouseholdList: the households (承包方) of the project (FurrowRecordList), searched by
 * name and code, with their members, registered area, parcels, custody and masked phone. */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-household-list.h"
#include "furrow-register.h"
#include "furrow-units.h"

/* Its summaries: household code → FurrowHouseholdSummary
 * (furrow_register_household_summaries()). */
struct _FurrowHouseholdList
{
  FurrowRecordList parent_instance;
};

G_DEFINE_FINAL_TYPE (FurrowHouseholdList, furrow_household_list, FURROW_TYPE_RECORD_LIST)

static const FurrowHouseholdSummary *
summary_of (FurrowRecordList *self,
            FurrowHousehold  *household)
{
  static const FurrowHouseholdSummary none = { 0, 0, 0, FURROW_CUSTODY_FULL };
  GHashTable *summaries = furrow_record_list_get_summaries (self);
  const FurrowHouseholdSummary *summary = NULL;

  if (summaries != NULL)
    summary = g_hash_table_lookup (summaries, furrow_household_get_code (household));
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
  return furrow_format_mu_grouped (summary_of (data, item)->registered_m2);
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

static double
members_key (gpointer item, gpointer data)
{
  return furrow_household_get_members (item);
}

static double
registered_key (gpointer item, gpointer data)
{
  return summary_of (data, item)->registered_m2;
}

static double
parcels_key (gpointer item, gpointer data)
{
  return summary_of (data, item)->n_parcels;
}

static double
custody_key (gpointer item, gpointer data)
{
  return summary_of (data, item)->custody;
}

static void
furrow_household_list_class_init (FurrowHouseholdListClass *klass)
{
  FurrowRecordListClass *list_class = FURROW_RECORD_LIST_CLASS (klass);

  list_class->get_records = furrow_store_get_households;
  list_class->summarize = furrow_register_household_summaries;
}

static void
furrow_household_list_init (FurrowHouseholdList *self)
{
  FurrowRecordList *list = FURROW_RECORD_LIST (self);
  GtkColumnViewColumn *code_column;
  GtkColumnViewColumn *column;

  furrow_record_list_set_texts (list, _("Households"), "system-users-symbolic",
                                _("No Households"),
                                _("Import the village’s contract register to list its households"));
  /* The head's name first, giving way first; then the numbers, which a 400-px sidebar shows
   * whole beside the names; the phone and the whole 18-character code after them, as a clerk
   * reads it off the contract (sideways; issue 13, item 6). */
  furrow_record_list_add_column (list, _("Head"), name_text, FURROW_RECORD_SORT_TEXT, NULL, FALSE,
                                 TRUE);
  furrow_record_list_add_column (list, _("Members"), members_text, FURROW_RECORD_SORT_NUMBER,
                                 members_key, TRUE, FALSE);
  /* Short titles as the fields list has them, their whole meaning a tooltip: "Reg. mu" and
   * "Custody" (over "Full custody" cells) were the list's only titles left in an English
   * shorthand of their own (issue 21). */
  column = furrow_record_list_add_column (list, C_("column", "Reg."), registered_text,
                                          FURROW_RECORD_SORT_NUMBER, registered_key, TRUE, FALSE);
  furrow_list_set_title_tooltip (column, _("Registered area (mu)"));
  furrow_record_list_add_column (list, _("Parcels"), parcels_text, FURROW_RECORD_SORT_NUMBER,
                                 parcels_key, TRUE, FALSE);
  column = furrow_record_list_add_column (list, C_("column", "Cust."), custody_text,
                                          FURROW_RECORD_SORT_NUMBER, custody_key, FALSE, FALSE);
  furrow_list_set_title_tooltip (column, _("Custody"));
  /* Personal data: only the last four digits of the phone number. */
  furrow_record_list_add_column (list, _("Phone"), phone_text, FURROW_RECORD_SORT_NONE, NULL,
                                 FALSE, FALSE);
  code_column = furrow_record_list_add_column (list, _("Code"), code_text,
                                               FURROW_RECORD_SORT_CODE, NULL, FALSE, FALSE);
  furrow_record_list_sort_by (list, code_column);
}
