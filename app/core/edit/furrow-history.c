/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowHistory: see furrow-history.h. */
#include "config.h"

#include "furrow-history-testing.h"

#include "furrow-property.h"
#include "furrow-store.h"

struct _FurrowHistory
{
  GObject    parent_instance;
  GPtrArray *undo_stack;   /* FurrowEdit*, last is the next to undo */
  GPtrArray *redo_stack;   /* FurrowEdit*, last is the next to redo */

  /* The properties, kept in step with the stacks by sync_state() */
  gboolean   can_undo;
  gboolean   can_redo;
  char      *undo_label;
  char      *redo_label;
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

enum {
  REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Does or undoes `edit`; a refusal by the user's role is announced (furrow-history.h). */
static gboolean
apply (FurrowHistory  *self,
       FurrowEdit     *edit,
       gboolean        forward,
       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (furrow_edit_apply (edit, forward, &local_error))
    return TRUE;
  if (g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PERMISSION))
    g_signal_emit (self, signals[REFUSED], 0, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static const char *
top_label (GPtrArray *stack)
{
  return stack->len > 0 ? furrow_edit_get_label (g_ptr_array_index (stack, stack->len - 1)) : NULL;
}

/* After the stacks changed: each property that changed with them notifies. */
static void
sync_state (FurrowHistory *self)
{
  furrow_property_set_boolean (self, properties[PROP_CAN_UNDO], self->undo_stack->len > 0);
  furrow_property_set_boolean (self, properties[PROP_CAN_REDO], self->redo_stack->len > 0);
  furrow_property_set_string (self, properties[PROP_UNDO_LABEL], top_label (self->undo_stack));
  furrow_property_set_string (self, properties[PROP_REDO_LABEL], top_label (self->redo_stack));
}

static void
furrow_history_finalize (GObject *object)
{
  FurrowHistory *self = FURROW_HISTORY (object);

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (furrow_history_parent_class)->finalize (object);
}

#define RO (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define AT(member) G_STRUCT_OFFSET (FurrowHistory, member)

static void
furrow_history_class_init (FurrowHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_history_finalize;
  object_class->get_property = furrow_property_get_member;

  properties[PROP_CAN_UNDO] = furrow_property_member (
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, RO), AT (can_undo), NULL);
  properties[PROP_CAN_REDO] = furrow_property_member (
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, RO), AT (can_redo), NULL);
  properties[PROP_UNDO_LABEL] = furrow_property_member (
    g_param_spec_string ("undo-label", NULL, NULL, NULL, RO), AT (undo_label), NULL);
  properties[PROP_REDO_LABEL] = furrow_property_member (
    g_param_spec_string ("redo-label", NULL, NULL, NULL, RO), AT (redo_label), NULL);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
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
  FurrowEdit *newest;

  g_return_if_fail (FURROW_IS_HISTORY (self));
  g_return_if_fail (FURROW_IS_EDIT (edit));

  newest = self->undo_stack->len > 0
           ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;
  if (newest == NULL || self->redo_stack->len > 0 || !furrow_edit_merge (newest, edit))
    g_ptr_array_add (self->undo_stack, g_steal_pointer (&owned));
  g_ptr_array_set_size (self->redo_stack, 0);

  sync_state (self);
}

gboolean
furrow_history_push (FurrowHistory  *self,
                     FurrowEdit     *edit,
                     GError        **error)
{
  g_autoptr(FurrowEdit) owned = edit;

  g_return_val_if_fail (FURROW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (FURROW_IS_EDIT (edit), FALSE);

  if (!apply (self, edit, TRUE, error))
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
  FurrowEdit *edit;

  if (from->len == 0)
    return TRUE;

  edit = g_ptr_array_index (from, from->len - 1);
  if (!apply (self, edit, forward, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  sync_state (self);
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
  g_return_if_fail (FURROW_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  sync_state (self);
}

/* The accessors (furrow-property.h): furrow_history_get_can_undo, furrow_history_get_can_redo,
 * furrow_history_get_undo_label, furrow_history_get_redo_label. */
#define GETTER(ctype, member) \
  FURROW_PROPERTY_GETTER (FurrowHistory, furrow_history, FURROW_IS_HISTORY, ctype, member)

GETTER (gboolean, can_undo)
GETTER (gboolean, can_redo)
GETTER (const char *, undo_label)
GETTER (const char *, redo_label)
