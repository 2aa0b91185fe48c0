/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "furrow-edit-record.h"

#include <glib/gi18n-lib.h>

typedef enum
{
  KIND_FIELD,
  KIND_HOUSEHOLD,
  KIND_PARCEL,
} RecordKind;

typedef struct
{
  FurrowStore        *store;
  RecordKind          kind;
  FurrowRecordChange  change;     /* what the edit does forward */
  char               *code;       /* the code that finds the object in the model */
  GObject            *record;     /* ADDED, REMOVED: a copy of the object, not stored */
  char               *property;   /* UPDATED */
  GValue              old_value;
  GValue              new_value;
} RecordEdit;

static void
record_edit_free (gpointer data)
{
  RecordEdit *edit = data;

  g_object_unref (edit->store);
  g_free (edit->code);
  g_clear_object (&edit->record);
  g_free (edit->property);
  if (G_IS_VALUE (&edit->old_value))
    g_value_unset (&edit->old_value);
  if (G_IS_VALUE (&edit->new_value))
    g_value_unset (&edit->new_value);
  g_free (edit);
}

static RecordKind
kind_of (GObject *object)
{
  if (FURROW_IS_FIELD (object))
    return KIND_FIELD;
  if (FURROW_IS_HOUSEHOLD (object))
    return KIND_HOUSEHOLD;
  return KIND_PARCEL;
}

static GListModel *
kind_model (FurrowStore *store,
            RecordKind   kind)
{
  switch (kind)
    {
    case KIND_FIELD:
      return furrow_store_get_fields (store);
    case KIND_HOUSEHOLD:
      return furrow_store_get_households (store);
    case KIND_PARCEL:
    default:
      return furrow_store_get_parcels (store);
    }
}

static gboolean
kind_add (FurrowStore  *store,
          GObject      *object,
          GError      **error)
{
  if (FURROW_IS_FIELD (object))
    return furrow_store_add_field (store, FURROW_FIELD (object), error);
  if (FURROW_IS_HOUSEHOLD (object))
    return furrow_store_add_household (store, FURROW_HOUSEHOLD (object), error);
  return furrow_store_add_parcel (store, FURROW_PARCEL (object), error);
}

static gboolean
kind_update (FurrowStore  *store,
             GObject      *object,
             GError      **error)
{
  if (FURROW_IS_FIELD (object))
    return furrow_store_update_field (store, FURROW_FIELD (object), error);
  if (FURROW_IS_HOUSEHOLD (object))
    return furrow_store_update_household (store, FURROW_HOUSEHOLD (object), error);
  return furrow_store_update_parcel (store, FURROW_PARCEL (object), error);
}

static gboolean
kind_delete (FurrowStore  *store,
             GObject      *object,
             GError      **error)
{
  if (FURROW_IS_FIELD (object))
    return furrow_store_delete_field (store, FURROW_FIELD (object), error);
  if (FURROW_IS_HOUSEHOLD (object))
    return furrow_store_delete_household (store, FURROW_HOUSEHOLD (object), error);
  return furrow_store_delete_parcel (store, FURROW_PARCEL (object), error);
}

static char *
object_code (GObject *object)
{
  char *code = NULL;

  g_object_get (object, "code", &code, NULL);
  return code;
}

/* The live object with this code in the store's model of the kind, or NULL. */
static GObject *
find_live (FurrowStore *store,
           RecordKind   kind,
           const char  *code)
{
  g_autoptr(GListModel) model = kind_model (store, kind);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      g_autofree char *object_code_ = object_code (object);

      if (g_strcmp0 (object_code_, code) == 0)
        return g_steal_pointer (&object);
    }
  return NULL;
}

static GObject *
find_or_fail (RecordEdit  *edit,
              const char  *code,
              GError     **error)
{
  GObject *object = find_live (edit->store, edit->kind, code);

  if (object == NULL && edit->kind == KIND_FIELD)
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                 _("The field %s is no longer in the project"), code);
  else if (object == NULL && edit->kind == KIND_HOUSEHOLD)
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                 _("The household %s is no longer in the project"), code);
  else if (object == NULL)
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                 _("The parcel %s is no longer in the project"), code);
  return object;
}

/* A new object, not stored (id 0), with every writable property of object. */
static GObject *
copy_record (GObject *object)
{
  GObject *copy = g_object_new (G_OBJECT_TYPE (object), NULL);
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                                    &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_object_set_property (copy, pspecs[i]->name, &value);
    }
  return copy;
}

static gboolean
insert_record (RecordEdit  *edit,
               GError     **error)
{
  g_autoptr(GObject) copy = copy_record (edit->record);

  return kind_add (edit->store, copy, error);
}

static gboolean
remove_record (RecordEdit  *edit,
               GError     **error)
{
  g_autoptr(GObject) object = find_or_fail (edit, edit->code, error);

  return object != NULL && kind_delete (edit->store, object, error);
}

/* The code the object has before a set is applied in this direction. */
static const char *
set_code_before (RecordEdit *edit,
                 gboolean    forward)
{
  if (g_strcmp0 (edit->property, "code") == 0)
    return g_value_get_string (forward ? &edit->old_value : &edit->new_value);
  return edit->code;
}

static gboolean
set_property_apply (RecordEdit  *edit,
                    gboolean     forward,
                    GError     **error)
{
  g_autoptr(GObject) object = find_or_fail (edit, set_code_before (edit, forward), error);

  if (object == NULL)
    return FALSE;
  g_object_set_property (object, edit->property, forward ? &edit->new_value : &edit->old_value);
  if (!kind_update (edit->store, object, error))
    {
      /* After a conflict the store has read the record again: it shows what another user
       * stored (docs/architecture.md, Several users at once), not what this edit had. */
      if (!g_error_matches (*error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT))
        g_object_set_property (object, edit->property,
                               forward ? &edit->old_value : &edit->new_value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_edit_apply (gpointer   data,
                   gboolean   forward,
                   GError   **error)
{
  RecordEdit *edit = data;

  switch (edit->change)
    {
    case FURROW_RECORD_ADDED:
      return forward ? insert_record (edit, error) : remove_record (edit, error);
    case FURROW_RECORD_REMOVED:
      return forward ? remove_record (edit, error) : insert_record (edit, error);
    case FURROW_RECORD_UPDATED:
    default:
      return set_property_apply (edit, forward, error);
    }
}

static RecordEdit *
record_edit_new (FurrowStore        *store,
                 FurrowRecordChange  change,
                 GObject            *object)
{
  RecordEdit *edit = g_new0 (RecordEdit, 1);

  edit->store = g_object_ref (store);
  edit->kind = kind_of (object);
  edit->change = change;
  edit->code = object_code (object);
  return edit;
}

/**
 * furrow_edit_record_new:
 *
 * The edit that adds (FURROW_RECORD_ADDED) or deletes (FURROW_RECORD_REMOVED) a field, household
 * or parcel; see furrow-edit-record.h.
 */
FurrowEdit *
furrow_edit_record_new (FurrowStore        *store,
                        FurrowRecordChange  change,
                        GObject            *object,
                        const char         *label)
{
  RecordEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_FIELD (object) || FURROW_IS_HOUSEHOLD (object) ||
                        FURROW_IS_PARCEL (object), NULL);
  g_return_val_if_fail (change == FURROW_RECORD_ADDED || change == FURROW_RECORD_REMOVED, NULL);

  edit = record_edit_new (store, change, object);
  edit->record = copy_record (object);
  return furrow_edit_new (label, record_edit_apply, edit, record_edit_free);
}

/**
 * furrow_edit_record_new_set:
 *
 * The edit that sets one property of a stored field, household or parcel; see
 * furrow-edit-record.h.
 */
FurrowEdit *
furrow_edit_record_new_set (FurrowStore  *store,
                            GObject      *object,
                            const char   *property,
                            const GValue *value,
                            const char   *label)
{
  GParamSpec *pspec;
  RecordEdit *edit;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_FIELD (object) || FURROW_IS_HOUSEHOLD (object) ||
                        FURROW_IS_PARCEL (object), NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE) != 0, NULL);

  edit = record_edit_new (store, FURROW_RECORD_UPDATED, object);
  edit->property = g_strdup (pspec->name);
  g_value_init (&edit->old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &edit->old_value);
  g_value_init (&edit->new_value, pspec->value_type);
  if (!g_value_transform (value, &edit->new_value))
    g_critical ("%s: a %s cannot be set as %s", G_STRFUNC, G_VALUE_TYPE_NAME (value), property);
  return furrow_edit_new (label, record_edit_apply, edit, record_edit_free);
}

/**
 * furrow_edit_record_get_object:
 *
 * Returns: (transfer full) (nullable): the live object the record edit adds or changes
 */
GObject *
furrow_edit_record_get_object (FurrowEdit *edit)
{
  RecordEdit *data;
  const char *code;

  g_return_val_if_fail (FURROW_IS_EDIT (edit), NULL);

  data = furrow_edit_get_data (edit);
  code = data->change == FURROW_RECORD_UPDATED ? set_code_before (data, FALSE) : data->code;
  return find_live (data->store, data->kind, code);
}
