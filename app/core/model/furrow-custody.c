/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-custody.h"

GType
furrow_custody_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { FURROW_CUSTODY_FULL, "FURROW_CUSTODY_FULL", "full" },
        { FURROW_CUSTODY_HALF, "FURROW_CUSTODY_HALF", "half" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("FurrowCustody"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

/* "full" / "half"; NULL for a value outside the enum. */
const char *
furrow_custody_to_string (FurrowCustody custody)
{
  switch (custody)
    {
    case FURROW_CUSTODY_FULL:
      return "full";
    case FURROW_CUSTODY_HALF:
      return "half";
    default:
      return NULL;
    }
}

/* Accepts "full" and "half"; returns FALSE (and leaves custody alone) for anything else. */
gboolean
furrow_custody_from_string (const char    *text,
                            FurrowCustody *custody)
{
  if (g_strcmp0 (text, "full") == 0)
    *custody = FURROW_CUSTODY_FULL;
  else if (g_strcmp0 (text, "half") == 0)
    *custody = FURROW_CUSTODY_HALF;
  else
    return FALSE;
  return TRUE;
}
