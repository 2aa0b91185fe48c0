/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-settle-check.h"
#include "furrow-settle-check-testing.h"

#include <glib/gi18n-lib.h>

struct _FurrowSettleCheck
{
  GPtrArray *items[FURROW_SETTLE_CHECK_N_KINDS];
  guint      n_fields;
};

FurrowSettleCheck *
furrow_settle_check_new (void)
{
  FurrowSettleCheck *check = g_new0 (FurrowSettleCheck, 1);

  for (guint k = 0; k < FURROW_SETTLE_CHECK_N_KINDS; k++)
    check->items[k] = g_ptr_array_new_with_free_func (g_free);
  return check;
}

void
furrow_settle_check_free (FurrowSettleCheck *check)
{
  if (check == NULL)
    return;
  for (guint k = 0; k < FURROW_SETTLE_CHECK_N_KINDS; k++)
    g_ptr_array_unref (check->items[k]);
  g_free (check);
}

void
furrow_settle_check_set_n_fields (FurrowSettleCheck *check,
                                  guint              n_fields)
{
  g_return_if_fail (check != NULL);

  check->n_fields = n_fields;
}

guint
furrow_settle_check_get_n_fields (const FurrowSettleCheck *check)
{
  g_return_val_if_fail (check != NULL, 0);

  return check->n_fields;
}

void
furrow_settle_check_add (FurrowSettleCheck     *check,
                         FurrowSettleCheckKind  kind,
                         const char            *item)
{
  g_return_if_fail (check != NULL);
  g_return_if_fail (kind < FURROW_SETTLE_CHECK_N_KINDS);
  g_return_if_fail (item != NULL);

  g_ptr_array_add (check->items[kind], g_strdup (item));
}

guint
furrow_settle_check_get_count (const FurrowSettleCheck *check,
                               FurrowSettleCheckKind    kind)
{
  g_return_val_if_fail (check != NULL, 0);
  g_return_val_if_fail (kind < FURROW_SETTLE_CHECK_N_KINDS, 0);

  return check->items[kind]->len;
}

const char *
furrow_settle_check_get_item (const FurrowSettleCheck *check,
                              FurrowSettleCheckKind    kind,
                              guint                    index)
{
  g_return_val_if_fail (check != NULL, NULL);
  g_return_val_if_fail (kind < FURROW_SETTLE_CHECK_N_KINDS, NULL);
  g_return_val_if_fail (index < check->items[kind]->len, NULL);

  return g_ptr_array_index (check->items[kind], index);
}

gboolean
furrow_settle_check_is_empty (const FurrowSettleCheck *check)
{
  g_return_val_if_fail (check != NULL, TRUE);

  for (guint k = 0; k < FURROW_SETTLE_CHECK_N_KINDS; k++)
    if (check->items[k]->len > 0)
      return FALSE;
  return TRUE;
}

/* "A, B, C" of the first `max_items`, then "… and N more" (transfer full). */
static char *
join_items (GPtrArray *items,
            guint      max_items)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (items->len, MAX (max_items, 1));

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: the separator between the names in a list */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (items, i));
    }
  if (shown < items->len)
    {
      guint rest = items->len - shown;

      g_string_append_c (text, ' ');
      /* Translators: after a list of names that is cut short */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                 "… and %u more", rest), rest);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
furrow_settle_check_format (const FurrowSettleCheck *check,
                            guint                    max_items)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (check != NULL, NULL);

  for (guint k = 0; k < FURROW_SETTLE_CHECK_N_KINDS; k++)
    {
      GPtrArray *items = check->items[k];
      g_autofree char *list = NULL;
      guint n = items->len;

      if (n == 0)
        continue;
      list = join_items (items, max_items);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      switch ((FurrowSettleCheckKind) k)
        {
        case FURROW_SETTLE_CHECK_NO_HARVEST:
          /* Translators: "2 of 4 fields have no harvest: N003 东洼, N004 西坡" */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "%u of %u fields has no harvest: %s",
                                                     "%u of %u fields have no harvest: %s", n),
                                  n, MAX (check->n_fields, n), list);
          break;
        case FURROW_SETTLE_CHECK_ZERO_PRICE:
          /* Translators: %s lists crops, e.g. "soybean" */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "%u crop grown has a price of ¥0: %s",
                                                     "%u crops grown have a price of ¥0: %s", n),
                                  n, list);
          break;
        case FURROW_SETTLE_CHECK_ZERO_FEE:
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "%u half-custody household is billed ¥0 "
                                                     "in fees: %s",
                                                     "%u half-custody households are billed ¥0 "
                                                     "in fees: %s", n),
                                  n, list);
          break;
        case FURROW_SETTLE_CHECK_NO_PARCELS:
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "%u household has no parcels and gets no "
                                                     "statement: %s",
                                                     "%u households have no parcels and get no "
                                                     "statement: %s", n),
                                  n, list);
          break;
        case FURROW_SETTLE_CHECK_N_KINDS:
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
