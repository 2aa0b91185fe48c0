/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a household's land is entrusted (docs/domain.md §8): full custody (the cooperative farms it
 * and pays base + dividend) or half custody (半托管: the household keeps its crop and pays fees for
 * the operations it chose). Stored and written to JSON as the strings "full" / "half". Shared by
 * the land register (FurrowParcel, FurrowField) and the settlement (furrow-distribution.h). */
typedef enum
{
  FURROW_CUSTODY_FULL,
  FURROW_CUSTODY_HALF,
} FurrowCustody;

#define FURROW_TYPE_CUSTODY (furrow_custody_get_type ())

GType       furrow_custody_get_type    (void) G_GNUC_CONST;
const char *furrow_custody_to_string   (FurrowCustody  custody);
gboolean    furrow_custody_from_string (const char    *text,
                                        FurrowCustody *custody);

G_END_DECLS
