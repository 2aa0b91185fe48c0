/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* For the property bags of core (FurrowField, FurrowHousehold, FurrowParcel, FurrowSeason):
 * replaces the string in `*field` by a copy of `value`; FALSE (and nothing done) when they are
 * equal, so a setter notifies only on a real change. */
static inline gboolean
furrow_replace_string (char       **field,
                       const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* For FurrowField and FurrowParcel: TRUE when `a` and `b` are the same boundary (both NULL, one
 * pointer, or equal vertex for vertex), so that setting `b` over `a` changes nothing. */
static inline gboolean
furrow_same_geometry (const FurrowGeometry *a,
                      const FurrowGeometry *b)
{
  return a == b || (a != NULL && b != NULL && furrow_geometry_equal (a, b));
}

G_END_DECLS
