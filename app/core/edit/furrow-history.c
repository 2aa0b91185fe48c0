/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowHistory: see furrow-history.h. */
#include "config.h"

#include "furrow-history.h"

struct _FurrowHistory
{
  GObject    parent_instance;
  GPtrArray *undo_stack;   /* FurrowEdit*, last is the next to undo */
  GPtrArray *redo_stack;   /* FurrowEdit*, last is the next to redo */
};

G_DEFINE_FINAL_TYPE (FurrowHistory, furrow_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_state (FurrowHistory *self,
              gboolean       could_undo,
              gboolean       could_redo)
{
  if (could_undo != furrow_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != furrow_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
furrow_history_finalize (GObject *object)
{
  FurrowHistory *self = FURROW_HISTORY (object);

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);

  G_OBJECT_CLASS (furrow_history_parent_class)->finalize (object);
}

static void
furrow_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FurrowHistory *self = FURROW_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, furrow_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, furrow_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, furrow_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, furrow_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_history_class_init (FurrowHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_history_finalize;
  object_class->get_property = furrow_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
furrow_history_init (FurrowHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo_stack = g_ptr_array_new_with_free_func (g_object_unref);
}

FurrowHistory *
furrow_history_new (void)
{
  return g_object_new (FURROW_TYPE_HISTORY, NULL);
}

void
furrow_history_record (FurrowHistory *self,
                       FurrowEdit    *edit)
{
  g_autoptr(FurrowEdit) owned = edit;
  gboolean could_undo, could_redo;
  FurrowEdit *newest;

  g_return_if_fail (FURROW_IS_HISTORY (self));
  g_return_if_fail (FURROW_IS_EDIT (edit));

  could_undo = furrow_history_get_can_undo (self);
  could_redo = furrow_history_get_can_redo (self);

  newest = self->undo_stack->len > 0
           ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;
  if (newest == NULL || self->redo_stack->len > 0 || !furrow_edit_merge (newest, edit))
    g_ptr_array_add (self->undo_stack, g_steal_pointer (&owned));
  g_ptr_array_set_size (self->redo_stack, 0);

  notify_state (self, could_undo, could_redo);
}

gboolean
furrow_history_push (FurrowHistory  *self,
                     FurrowEdit     *edit,
                     GError        **error)
{
  g_autoptr(FurrowEdit) owned = edit;

  g_return_val_if_fail (FURROW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (FURROW_IS_EDIT (edit), FALSE);

  if (!furrow_edit_apply (edit, TRUE, error))
    return FALSE;
  furrow_history_record (self, g_steal_pointer (&owned));
  return TRUE;
}

static gboolean
move_top (FurrowHistory  *self,
          GPtrArray      *from,
          GPtrArray      *to,
          gboolean        forward,
          GError        **error)
{
  gboolean could_undo, could_redo;
  FurrowEdit *edit;

  if (from->len == 0)
    return TRUE;

  could_undo = furrow_history_get_can_undo (self);
  could_redo = furrow_history_get_can_redo (self);

  edit = g_ptr_array_index (from, from->len - 1);
  if (!furrow_edit_apply (edit, forward, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

/* Undoes the last edit. On failure the stacks are left as they were. */
gboolean
furrow_history_undo (FurrowHistory  *self,
                     GError        **error)
{
  g_return_val_if_fail (FURROW_IS_HISTORY (self), FALSE);

  return move_top (self, self->undo_stack, self->redo_stack, FALSE, error);
}

gboolean
furrow_history_redo (FurrowHistory  *self,
                     GError        **error)
{
  g_return_val_if_fail (FURROW_IS_HISTORY (self), FALSE);

  return move_top (self, self->redo_stack, self->undo_stack, TRUE, error);
}

/* Forgets every edit, e.g. when another project is opened. */
void
furrow_history_clear (FurrowHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (FURROW_IS_HISTORY (self));

  could_undo = furrow_history_get_can_undo (self);
  could_redo = furrow_history_get_can_redo (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_state (self, could_undo, could_redo);
}

gboolean
furrow_history_get_can_undo (FurrowHistory *self)
{
  g_return_val_if_fail (FURROW_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
furrow_history_get_can_redo (FurrowHistory *self)
{
  g_return_val_if_fail (FURROW_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

const char *
furrow_history_get_undo_label (FurrowHistory *self)
{
  g_return_val_if_fail (FURROW_IS_HISTORY (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  return furrow_edit_get_label (g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1));
}

const char *
furrow_history_get_redo_label (FurrowHistory *self)
{
  g_return_val_if_fail (FURROW_IS_HISTORY (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  return furrow_edit_get_label (g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1));
}
