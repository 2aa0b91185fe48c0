/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checks across the records of one file: duplicate codes, a parcel's household, geometry
 * validity and measured area. Checks against a project are in furrow-import-commit.c. */

#include "config.h"

#include "furrow-importer-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>


static char *
format_index (FurrowImporter *self,
              gint64          index)
{
  char number[32];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, index);
  return g_string_chunk_insert (self->strings, number);
}

gboolean
furrow_import_check_records (FurrowImporter  *self,
                             GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->kind == FURROW_IMPORT_KIND_HOUSEHOLDS)
    for (guint i = 0; i < self->households->len; i++)
      {
        FurrowImportHousehold *h = &g_array_index (self->households, FurrowImportHousehold, i);
        gpointer first;

        if (h->cbfbm == NULL)
          continue;
        if (g_hash_table_lookup_extended (seen, h->cbfbm, NULL, &first))
          furrow_importer_add_record_problem (self, h->index, "CBFBM", h->cbfbm,
                                              furrow_importer_is_table (self)
                                              ? _("the household code appears twice in the file (first in row %s)")
                                              : _("the household code appears twice in the file (first in feature %s)"),
                                              (char *) first);
        else
          g_hash_table_insert (seen, (gpointer) h->cbfbm, format_index (self, h->index));
      }

  for (guint i = 0; i < self->parcels->len; i++)
    {
      FurrowImportParcel *p = &g_array_index (self->parcels, FurrowImportParcel, i);
      gpointer first;

      if (p->dkbm != NULL)
        {
          if (g_hash_table_lookup_extended (seen, p->dkbm, NULL, &first))
            furrow_importer_add_record_problem (self, p->index, "DKBM", p->dkbm,
                                                furrow_importer_is_table (self)
                                                ? _("the parcel code appears twice in the file (first in row %s)")
                                                : _("the parcel code appears twice in the file (first in feature %s)"),
                                                (char *) first);
          else
            g_hash_table_insert (seen, (gpointer) p->dkbm, format_index (self, p->index));
        }
    }

  if (self->problems->len > 0)
    return furrow_importer_fail_with_problems (self, error);
  return TRUE;
}
