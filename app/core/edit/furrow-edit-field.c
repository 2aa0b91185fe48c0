/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "furrow-edit-field.h"

#include <glib/gi18n-lib.h>

#include "furrow-edit-record.h"

/* A code no field of the store has: N001, N002, … */
static char *
new_field_code (FurrowStore *store)
{
  for (guint i = 1; ; i++)
    {
      g_autofree char *code = g_strdup_printf ("N%03u", i);
      g_autoptr(FurrowField) existing = furrow_store_find_field (store, code);

      if (existing == NULL)
        return g_steal_pointer (&code);
    }
}

FurrowEdit *
furrow_edit_field_new_draw (FurrowStore          *store,
                            const FurrowGeometry *geometry)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(FurrowField) field = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (geometry != NULL, NULL);

  fields = furrow_store_get_fields (store);
  code = new_field_code (store);
  name = g_strdup_printf (_("New field %u"), g_list_model_get_n_items (fields) + 1);
  field = furrow_field_new ();
  furrow_field_set_code (field, code);
  furrow_field_set_name (field, name);
  furrow_field_set_custody (field, FURROW_CUSTODY_FULL);
  furrow_field_set_geometry (field, geometry);
  return furrow_edit_record_new (store, FURROW_RECORD_ADDED, G_OBJECT (field), _("Draw field"));
}

FurrowEdit *
furrow_edit_field_new_reshape (FurrowStore          *store,
                               FurrowField          *field,
                               const FurrowGeometry *geometry)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_FIELD (field), NULL);
  g_return_val_if_fail (geometry != NULL, NULL);

  g_value_init (&value, FURROW_TYPE_GEOMETRY);
  g_value_set_boxed (&value, geometry);
  return furrow_edit_record_new_set (store, G_OBJECT (field), "geometry", &value,
                                     _("Reshape field"));
}

FurrowField *
furrow_edit_field_get_field (FurrowEdit *edit)
{
  return FURROW_FIELD (furrow_edit_record_get_object (edit));
}
