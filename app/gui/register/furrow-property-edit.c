/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "furrow-property-edit.h"

typedef struct
{
  FurrowStore *store;
  GType        type;
  gint64       id;
  char        *property;
  GValue       old_value;
  GValue       new_value;
} PropertyEdit;

static void
property_edit_free (gpointer data)
{
  PropertyEdit *edit = data;

  g_object_unref (edit->store);
  g_free (edit->property);
  g_value_unset (&edit->old_value);
  g_value_unset (&edit->new_value);
  g_free (edit);
}

static gint64
object_id (GObject *object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

static GListModel *
model_for_type (FurrowStore *store,
                GType        type)
{
  if (type == FURROW_TYPE_FIELD)
    return furrow_store_get_fields (store);
  if (type == FURROW_TYPE_HOUSEHOLD)
    return furrow_store_get_households (store);
  if (type == FURROW_TYPE_PARCEL)
    return furrow_store_get_parcels (store);
  return NULL;
}

static gboolean
update_object (FurrowStore  *store,
               GObject      *object,
               GError      **error)
{
  if (FURROW_IS_FIELD (object))
    return furrow_store_update_field (store, FURROW_FIELD (object), error);
  if (FURROW_IS_HOUSEHOLD (object))
    return furrow_store_update_household (store, FURROW_HOUSEHOLD (object), error);
  return furrow_store_update_parcel (store, FURROW_PARCEL (object), error);
}

static GObject *
find_object (PropertyEdit *edit)
{
  g_autoptr(GListModel) model = model_for_type (edit->store, edit->type);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object_id (object) == edit->id)
        return g_steal_pointer (&object);
    }
  return NULL;
}

static gboolean
property_edit_apply (gpointer   data,
                     gboolean   forward,
                     GError   **error)
{
  PropertyEdit *edit = data;
  g_autoptr(GObject) object = find_object (edit);

  if (object == NULL)
    {
      g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                           "the edited object is no longer in the project");
      return FALSE;
    }

  g_object_set_property (object, edit->property, forward ? &edit->new_value : &edit->old_value);
  if (!update_object (edit->store, object, error))
    {
      g_object_set_property (object, edit->property,
                             forward ? &edit->old_value : &edit->new_value);
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_property_edit_push (FurrowHistory  *history,
                           FurrowStore    *store,
                           GObject        *object,
                           const char     *property,
                           const GValue   *value,
                           const char     *label,
                           GError        **error)
{
  GParamSpec *pspec;
  PropertyEdit *edit;

  g_return_val_if_fail (FURROW_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (FURROW_IS_FIELD (object) || FURROW_IS_HOUSEHOLD (object) ||
                        FURROW_IS_PARCEL (object), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, FALSE);

  edit = g_new0 (PropertyEdit, 1);
  edit->store = g_object_ref (store);
  edit->type = G_OBJECT_TYPE (object);
  edit->id = object_id (object);
  edit->property = g_strdup (property);
  g_value_init (&edit->old_value, pspec->value_type);
  g_object_get_property (object, property, &edit->old_value);
  g_value_init (&edit->new_value, pspec->value_type);
  g_value_transform (value, &edit->new_value);

  return furrow_history_push (history,
                              furrow_edit_new (label, property_edit_apply, edit,
                                               property_edit_free),
                              error);
}
