/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowItemRow: a row of an editable list of money items (furrow-item-row.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-item-row.h"
#include "furrow-property.h"

struct _FurrowItemRow
{
  AdwActionRow    parent_instance;

  GtkEditable    *name_entry;
  FurrowNumberEntry *amount;
  GtkDropDown    *choice;
  GtkCheckButton *check;
  char           *stored_name;
  gint64          field_id;
  GArray         *choice_ids;     /* gint64, one per choice */
  int             name_min_chars; /* the name entry's narrowest, in character widths */
};

/* The widest a name entry grows to show its name, in character widths. */
#define NAME_MAX_CHARS 32

G_DEFINE_FINAL_TYPE (FurrowItemRow, furrow_item_row, ADW_TYPE_ACTION_ROW)

enum {
  ITEM_CHANGED,
  AMOUNT_CHANGED,
  REMOVE_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_changed (FurrowItemRow *self)
{
  g_signal_emit (self, signals[ITEM_CHANGED], 0);
}

/* The name entry as wide as its name (a Chinese character two widths, as GTK counts them), so
 * that the page's layout gives it the room: "Management and labour" was cut to
 * "Management and l…" beside the predicted income (issue 13, item 2). */
static void
fit_name_cb (FurrowItemRow *self)
{
  int columns = 1;

  for (const char *p = gtk_editable_get_text (self->name_entry); *p != '\0';
       p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  gtk_editable_set_width_chars (self->name_entry, CLAMP (columns, self->name_min_chars,
                                                         NAME_MAX_CHARS));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                FurrowItemRow           *self)
{
  item_changed (self);
}

static void
amount_changed_cb (FurrowItemRow *self)
{
  g_signal_emit (self, signals[AMOUNT_CHANGED], 0);
}

static void
remove_clicked_cb (FurrowItemRow *self)
{
  g_signal_emit (self, signals[REMOVE_CLICKED], 0);
}

static void
furrow_item_row_finalize (GObject *object)
{
  FurrowItemRow *self = FURROW_ITEM_ROW (object);

  g_free (self->stored_name);
  g_clear_pointer (&self->choice_ids, g_array_unref);

  G_OBJECT_CLASS (furrow_item_row_parent_class)->finalize (object);
}

static void
furrow_item_row_class_init (FurrowItemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = furrow_item_row_finalize;

  signals[ITEM_CHANGED] =
    g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[AMOUNT_CHANGED] =
    g_signal_new ("amount-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[REMOVE_CLICKED] =
    g_signal_new ("remove-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
furrow_item_row_init (FurrowItemRow *self)
{
}

static void
add_choice (FurrowItemRow *self,
            GtkDropDown   *choice)
{
  gtk_widget_set_valign (GTK_WIDGET (choice), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choice, "notify::selected", G_CALLBACK (item_changed), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (choice));
  self->choice = choice;
}

FurrowItemRow *
furrow_item_row_new (const char     *name,
                     int             name_width_chars,
                     FurrowNumberEntry *amount,
                     GtkDropDown    *choice,
                     gboolean        choice_after_name,
                     GtkCheckButton *check)
{
  FurrowItemRow *self = g_object_new (FURROW_TYPE_ITEM_ROW, NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *remove;

  g_return_val_if_fail (FURROW_IS_NUMBER_ENTRY (amount), NULL);

  if (choice != NULL && !choice_after_name)
    add_choice (self, choice);
  self->name_entry = GTK_EDITABLE (entry);
  self->name_min_chars = name_width_chars;
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  fit_name_cb (self);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (fit_name_cb), self);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (item_changed), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), entry);
  if (choice != NULL && choice_after_name)
    add_choice (self, choice);

  if (check != NULL)
    {
      gtk_widget_set_valign (GTK_WIDGET (check), GTK_ALIGN_CENTER);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (item_changed), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (check));
      self->check = check;
    }
  gtk_widget_set_valign (GTK_WIDGET (amount), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (amount, "value-changed", G_CALLBACK (amount_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (amount));
  self->amount = amount;

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), remove);
  return self;
}

/* The plain getters (furrow-property.h): furrow_item_row_get_name_entry,
 * furrow_item_row_get_amount, furrow_item_row_get_choice, furrow_item_row_get_check and
 * furrow_item_row_get_stored_name. */
#define GETTER(ctype, member) \
  FURROW_PROPERTY_GETTER (FurrowItemRow, furrow_item_row, FURROW_IS_ITEM_ROW, ctype, member)
GETTER (GtkEditable *, name_entry)
GETTER (FurrowNumberEntry *, amount)
GETTER (GtkDropDown *, choice)
GETTER (GtkCheckButton *, check)
GETTER (const char *, stored_name)
#undef GETTER

char *
furrow_item_row_dup_name (FurrowItemRow *self)
{
  g_return_val_if_fail (FURROW_IS_ITEM_ROW (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));
}

void
furrow_item_row_set_stored_name (FurrowItemRow *self,
                                 const char    *stored_name)
{
  g_return_if_fail (FURROW_IS_ITEM_ROW (self));

  g_free (self->stored_name);
  self->stored_name = g_strdup (stored_name);
}

void
furrow_item_row_set_field_id (FurrowItemRow *self,
                              gint64         field_id)
{
  g_return_if_fail (FURROW_IS_ITEM_ROW (self));

  self->field_id = field_id;
}

void
furrow_item_row_set_choice_ids (FurrowItemRow *self,
                                GArray        *ids)
{
  g_return_if_fail (FURROW_IS_ITEM_ROW (self));

  g_clear_pointer (&self->choice_ids, g_array_unref);
  self->choice_ids = ids != NULL ? g_array_ref (ids) : NULL;
}

gint64
furrow_item_row_get_field_id (FurrowItemRow *self)
{
  guint selected;

  g_return_val_if_fail (FURROW_IS_ITEM_ROW (self), 0);

  if (self->choice_ids == NULL || self->choice == NULL)
    return self->field_id;
  selected = gtk_drop_down_get_selected (self->choice);
  return selected < self->choice_ids->len ? g_array_index (self->choice_ids, gint64, selected) : 0;
}
