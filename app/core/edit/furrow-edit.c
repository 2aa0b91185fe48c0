/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-edit-testing.h"

#include "furrow-property.h"

struct _FurrowEdit
{
  GObject          parent_instance;

  char            *label;
  FurrowEditApply  apply;
  gpointer         data;
  GDestroyNotify   destroy;
  char            *merge_key;
  FurrowEditMerge  merge;
};

G_DEFINE_FINAL_TYPE (FurrowEdit, furrow_edit, G_TYPE_OBJECT)

static void
furrow_edit_finalize (GObject *object)
{
  FurrowEdit *self = FURROW_EDIT (object);

  if (self->destroy != NULL)
    self->destroy (self->data);
  g_free (self->label);
  g_free (self->merge_key);

  G_OBJECT_CLASS (furrow_edit_parent_class)->finalize (object);
}

static void
furrow_edit_class_init (FurrowEditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = furrow_edit_finalize;
}

static void
furrow_edit_init (FurrowEdit *self)
{
}

FurrowEdit *
furrow_edit_new (const char      *label,
                 FurrowEditApply  apply,
                 gpointer         data,
                 GDestroyNotify   destroy)
{
  FurrowEdit *self;

  g_return_val_if_fail (apply != NULL, NULL);

  self = g_object_new (FURROW_TYPE_EDIT, NULL);
  self->label = g_strdup (label);
  self->apply = apply;
  self->data = data;
  self->destroy = destroy;
  return self;
}

void
furrow_edit_set_merge (FurrowEdit      *self,
                       const char      *key,
                       FurrowEditMerge  merge)
{
  g_return_if_fail (FURROW_IS_EDIT (self));

  g_free (self->merge_key);
  self->merge_key = g_strdup (key);
  self->merge = merge;
}

/* The accessors (furrow-property.h): furrow_edit_get_label, furrow_edit_get_data. */
FURROW_PROPERTY_GETTER (FurrowEdit, furrow_edit, FURROW_IS_EDIT, const char *, label)
FURROW_PROPERTY_GETTER (FurrowEdit, furrow_edit, FURROW_IS_EDIT, gpointer, data)

gboolean
furrow_edit_apply (FurrowEdit  *self,
                   gboolean     forward,
                   GError     **error)
{
  g_return_val_if_fail (FURROW_IS_EDIT (self), FALSE);

  return self->apply (self->data, forward, error);
}

gboolean
furrow_edit_merge (FurrowEdit *self,
                   FurrowEdit *next)
{
  g_return_val_if_fail (FURROW_IS_EDIT (self), FALSE);
  g_return_val_if_fail (FURROW_IS_EDIT (next), FALSE);

  return self->merge != NULL && self->merge_key != NULL &&
         g_strcmp0 (self->merge_key, next->merge_key) == 0 &&
         self->apply == next->apply &&
         self->merge (self->data, next->data);
}
