/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-list-columns.h"
#include "furrow-store.h"

G_BEGIN_DECLS

#define FURROW_TYPE_RECORD_LIST (furrow_record_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (FurrowRecordList, furrow_record_list, FURROW, RECORD_LIST, AdwBin)

/* The base of the register's lists (FurrowFieldList, FurrowHouseholdList): one kind of record of
 * the store in a sortable GtkColumnView, filtered by the search text, one row selectable, with
 * empty states for no records and no results. It follows the store's record signals
 * (docs/architecture.md, The change signals); a subclass gives only its columns, its match and
 * what its columns read besides the record itself. */
struct _FurrowRecordListClass
{
  AdwBinClass parent_class;

  /* The store's model of the records listed (transfer full). */
  GListModel *(*get_records)   (FurrowStore      *store);
  /* Whether `record` matches `needle` (casefolded, never NULL or empty). */
  gboolean    (*matches)       (gpointer          record,
                                const char       *needle);
  /* Recomputes what the columns read from the parcels (counts, sums); NULL: no project. Called
   * when the store is set and after each change of its fields, households or parcels. */
  void        (*update_totals) (FurrowRecordList *self,
                                GListModel       *parcels);
};

void       furrow_record_list_set_store    (FurrowRecordList *self,
                                            FurrowStore      *store);
void       furrow_record_list_set_search   (FurrowRecordList *self,
                                            const char       *text);
gpointer   furrow_record_list_get_selected (FurrowRecordList *self);
void       furrow_record_list_set_selected (FurrowRecordList *self,
                                            gpointer          record);

/* For the subclasses' init. */
GtkColumnViewColumn *furrow_record_list_add_column (FurrowRecordList   *self,
                                                   const char         *title,
                                                   FurrowListTextFunc  text_func,
                                                   GCompareDataFunc    compare_func,
                                                   gboolean            numeric,
                                                   gboolean            expand);
void                 furrow_record_list_set_texts  (FurrowRecordList   *self,
                                                   const char         *accessible_label,
                                                   const char         *empty_icon_name,
                                                   const char         *empty_title,
                                                   const char         *empty_description);
void                 furrow_record_list_sort_by    (FurrowRecordList   *self,
                                                   GtkColumnViewColumn *column);

G_END_DECLS
