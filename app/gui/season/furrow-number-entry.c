/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowNumberEntry: an amount typed as in a spreadsheet's cell (furrow-number-entry.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-number-entry.h"
#include "furrow-paste.h"
#include "furrow-property.h"
#include "furrow-units.h"

struct _FurrowNumberEntry
{
  GtkEntry parent_instance;

  double   value;
  guint    digits;
};

G_DEFINE_FINAL_TYPE (FurrowNumberEntry, furrow_number_entry, GTK_TYPE_ENTRY)

enum
{
  VALUE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_DIGITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_value (FurrowNumberEntry *self);

/* VALUE as the entry shows it: its thousands grouped as the money labels beside it group
 * theirs (12,345.6, furrow_format_number()), whatever the locale's LC_NUMERIC; under a session
 * that sets only LANGUAGE, printf's grouping left "162180.00". The paste reading reads it
 * back (furrow-paste.h). */
static char *
format_value (FurrowNumberEntry *self,
              double             value)
{
  return furrow_format_number (value, self->digits);
}

static void
show_refusal (FurrowNumberEntry *self,
              const char        *reason)
{
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), reason);
}

static void
show_value (FurrowNumberEntry *self)
{
  g_autofree char *text = format_value (self, self->value);

  gtk_editable_set_text (GTK_EDITABLE (self), text);
  show_refusal (self, NULL);
}

static void
take_value (FurrowNumberEntry *self,
            double             value)
{
  gboolean changed = value != self->value;

  self->value = value;
  show_value (self);
  if (changed)
    g_signal_emit (self, signals[VALUE_CHANGED], 0);
}

gboolean
furrow_number_entry_commit (FurrowNumberEntry *self)
{
  g_autofree char *shown = NULL;
  const char *text;
  double value;

  g_return_val_if_fail (FURROW_IS_NUMBER_ENTRY (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self));
  shown = format_value (self, self->value);
  /* Left as it shows the value: the value stays as it is, unrounded. */
  if (g_strcmp0 (text, shown) == 0)
    {
      show_refusal (self, NULL);
      return TRUE;
    }
  if (furrow_paste_cell_is_empty (text))
    value = 0;
  else if (!furrow_paste_parse_number (text, &value))
    {
      /* Translators: a refused amount's tooltip; Escape puts back the one before. */
      show_refusal (self, _("Not a number: type digits, such as 1,234.5 (Escape puts back the "
                            "value before)."));
      return FALSE;
    }
  if (value < 0)
    {
      show_refusal (self, _("Cannot be below zero (Escape puts back the value before)."));
      return FALSE;
    }
  take_value (self, value);
  return TRUE;
}

static void
activate_cb (FurrowNumberEntry *self)
{
  furrow_number_entry_commit (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *focus,
                FurrowNumberEntry       *self)
{
  furrow_number_entry_commit (self);
}

/* Escape puts back the value and clears a refusal. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FurrowNumberEntry     *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  show_value (self);
  return TRUE;
}

double
furrow_number_entry_get_value (FurrowNumberEntry *self)
{
  g_return_val_if_fail (FURROW_IS_NUMBER_ENTRY (self), 0);

  return self->value;
}

void
furrow_number_entry_set_value (FurrowNumberEntry *self,
                               double             value)
{
  g_return_if_fail (FURROW_IS_NUMBER_ENTRY (self));

  if (value == self->value)
    return;
  take_value (self, value);
}

guint
furrow_number_entry_get_digits (FurrowNumberEntry *self)
{
  g_return_val_if_fail (FURROW_IS_NUMBER_ENTRY (self), 0);

  return self->digits;
}

gint64
furrow_number_entry_get_fen (FurrowNumberEntry *self)
{
  g_return_val_if_fail (FURROW_IS_NUMBER_ENTRY (self), 0);

  return (gint64) round (self->value * 100.0);
}

void
furrow_number_entry_set_fen (FurrowNumberEntry *self,
                             double             fen)
{
  furrow_number_entry_set_value (self, fen / 100.0);
}

static void
digits_changed (GObject    *object,
                GParamSpec *pspec)
{
  show_value (FURROW_NUMBER_ENTRY (object));
}

static void
furrow_number_entry_class_init (FurrowNumberEntryClass *klass)
{
  /* "digits": the decimals it shows (a template sets it, furrow-season-economics-page.ui). */
  properties[PROP_DIGITS] =
    furrow_property_member (g_param_spec_uint ("digits", NULL, NULL, 0, 6, 2,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                                               FURROW_PROPERTY_FLAGS),
                            G_STRUCT_OFFSET (FurrowNumberEntry, digits), digits_changed);
  furrow_property_install (G_OBJECT_CLASS (klass), N_PROPS, properties);
  signals[VALUE_CHANGED] = g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
furrow_number_entry_init (FurrowNumberEntry *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_entry_set_alignment (GTK_ENTRY (self), 1.0f);
  gtk_entry_set_input_purpose (GTK_ENTRY (self), GTK_INPUT_PURPOSE_NUMBER);
  g_signal_connect (self, "activate", G_CALLBACK (activate_cb), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_event_controller_set_name (keys, "furrow-escape-reverts");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
furrow_number_entry_new (guint digits)
{
  return g_object_new (FURROW_TYPE_NUMBER_ENTRY, "digits", digits, NULL);
}
