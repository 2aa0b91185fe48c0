/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "furrow-household.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* What furrow_typed_entry_refresh() did with an entry. */
typedef enum
{
  FURROW_TYPED_ENTRY_SHOWN,     /* the stored value is shown (nothing typed, or typed = stored) */
  FURROW_TYPED_ENTRY_KEPT,      /* the text being typed is kept: the stored value is unchanged */
  FURROW_TYPED_ENTRY_REPLACED,  /* another user changed the value being typed: theirs is shown */
} FurrowTypedEntry;

FurrowTypedEntry furrow_typed_entry_refresh (GtkEditable *entry,
                                             const char  *stored,
                                             gboolean     same_record);

gboolean         furrow_typed_entry_refresh_household (GtkEditable     *name,
                                                       GtkEditable     *code,
                                                       FurrowHousehold *household,
                                                       gint64          *shown_id);
void             furrow_typed_entry_say_replaced (GtkWidget       *widget,
                                                  FurrowStore     *store,
                                                  FurrowHousehold *household);

G_END_DECLS
