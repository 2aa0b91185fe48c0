/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "furrow-list-columns.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* How a column of a record list sorts its rows. */
typedef enum
{
  FURROW_RECORD_SORT_NONE,
  FURROW_RECORD_SORT_TEXT,    /* by its text, collated (names) */
  FURROW_RECORD_SORT_CODE,    /* by its text, byte by byte (codes) */
  FURROW_RECORD_SORT_NUMBER,  /* by the number its key function gives */
} FurrowRecordSort;

/* A record's sort key in a column; `list` is the record list. */
typedef double (*FurrowRecordKey) (gpointer record,
                                   gpointer list);

#define FURROW_TYPE_RECORD_LIST (furrow_record_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (FurrowRecordList, furrow_record_list, FURROW, RECORD_LIST, AdwBin)

/* The base of the register's lists (FurrowFieldList, FurrowHouseholdList): one kind of record of
 * the store in a sortable GtkColumnView, filtered by the search text, one row selectable, with
 * empty states for no records and no results. It follows the store's record signals
 * (docs/architecture.md, The change signals). A subclass gives only its model, its columns and
 * how they sort, what they read beside the record (its summaries) and, when it is not by name
 * and code, its match. */
struct _FurrowRecordListClass
{
  AdwBinClass parent_class;

  /* The store's model of the records listed (transfer full). */
  GListModel *(*get_records)   (FurrowStore      *store);
  /* Whether `record` matches `needle` (casefolded, never NULL or empty); by default when its
   * "name" or its "code" contains it. */
  gboolean    (*matches)       (gpointer          record,
                                const char       *needle);
  /* What the columns read beside the record, from the store's parcels (counts, sums by
   * record); made again after each change of the fields, households or parcels. NULL: none. */
  GHashTable *(*summarize)     (GListModel       *parcels);
};

void       furrow_record_list_set_store    (FurrowRecordList *self,
                                            FurrowStore      *store);
void       furrow_record_list_set_search   (FurrowRecordList *self,
                                            const char       *text);
gpointer   furrow_record_list_get_selected (FurrowRecordList *self);
void       furrow_record_list_set_selected (FurrowRecordList *self,
                                            gpointer          record);
gboolean   furrow_record_list_leave        (FurrowRecordList *self,
                                            GtkDirectionType  direction);
void       furrow_record_list_focus        (FurrowRecordList *self);

/* For the subclasses: their summaries (NULL without a project), and, in their init, their
 * columns, texts and first sort. */
GHashTable          *furrow_record_list_get_summaries (FurrowRecordList *self);
GtkColumnViewColumn *furrow_record_list_add_column (FurrowRecordList   *self,
                                                   const char         *title,
                                                   FurrowListTextFunc  text_func,
                                                   FurrowRecordSort    sort,
                                                   FurrowRecordKey     key_func,
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
