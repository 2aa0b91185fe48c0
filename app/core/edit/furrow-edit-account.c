/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-edit-account.h"

#include <glib/gi18n-lib.h>

#include "furrow-bank-account.h"
#include "furrow-register.h"

typedef struct
{
  FurrowStore *store;
  char        *code;
  char        *old[4];
  char        *new[4];
} AccountEdit;

static void
account_edit_free (gpointer data)
{
  AccountEdit *edit = data;

  g_clear_object (&edit->store);
  g_free (edit->code);
  for (guint i = 0; i < 4; i++)
    {
      g_free (edit->old[i]);
      g_free (edit->new[i]);
    }
  g_free (edit);
}

static char *
empty_to_null (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/* The live household with this code in the store's model (transfer full), or NULL. */
static FurrowHousehold *
find_live (FurrowStore *store,
           const char  *code)
{
  g_autoptr(GListModel) model = furrow_store_get_households (store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (model, i);

      if (g_strcmp0 (furrow_household_get_code (household), code) == 0)
        return g_steal_pointer (&household);
    }
  return NULL;
}

static void
set_account (FurrowHousehold *household,
             char *const     *values)
{
  furrow_household_set_bank (household, values[0]);
  furrow_household_set_bank_branch (household, values[1]);
  furrow_household_set_account_number (household, values[2]);
  furrow_household_set_account_holder (household, values[3]);
}

/* As the record edits do (docs/architecture.md, Edits): the values set on the live object and
 * written; when the store refuses, the object gets the values it had. */
static gboolean
account_edit_apply (gpointer   data,
                    gboolean   forward,
                    GError   **error)
{
  AccountEdit *edit = data;
  g_autoptr(FurrowHousehold) live = find_live (edit->store, edit->code);
  char *before[4];
  gboolean ok;

  if (live == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("household %s is not in the project"), edit->code);
      return FALSE;
    }
  before[0] = g_strdup (furrow_household_get_bank (live));
  before[1] = g_strdup (furrow_household_get_bank_branch (live));
  before[2] = g_strdup (furrow_household_get_account_number (live));
  before[3] = g_strdup (furrow_household_get_account_holder (live));
  set_account (live, forward ? edit->new : edit->old);
  ok = furrow_store_update_household (edit->store, live, error);
  if (!ok)
    set_account (live, before);
  for (guint i = 0; i < 4; i++)
    g_free (before[i]);
  return ok;
}

char *
furrow_account_check_number (FurrowHousehold  *household,
                             const char       *account_number,
                             GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (account_number != NULL ? account_number
                                                                            : ""));

  if (*stripped == '\0')
    return g_strdup ("");
  if (!furrow_bank_account_check (stripped, &local_error))
    {
      /* Translators: household CODE (NAME): why its account number is refused */
      g_set_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                   _("household %s (%s): %s"), furrow_household_get_code (household),
                   furrow_household_get_name (household) != NULL
                   ? furrow_household_get_name (household) : "", local_error->message);
      return NULL;
    }
  return furrow_bank_account_normalize (stripped);
}

FurrowEdit *
furrow_edit_account_new (FurrowStore          *store,
                         FurrowHousehold      *household,
                         const FurrowAccount  *account,
                         GError              **error)
{
  AccountEdit *edit;
  g_autofree char *number = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (household), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  number = furrow_account_check_number (household, account->account_number, error);
  if (number == NULL)
    return NULL;
  /* The bank, branch and holder are printed on bank files and lists: no terminal escape in
   * them (issue 12). */
  {
    const char *texts[] = { account->bank, account->bank_branch, account->account_holder };
    g_autofree char *what = g_strdup_printf (_("household %s: the bank, branch or holder"),
                                             furrow_household_get_code (household));

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      if (!furrow_register_check_text (texts[i], -1, FURROW_TEXT_LINE, what, error))
        return NULL;
  }
  edit = g_new0 (AccountEdit, 1);
  edit->store = g_object_ref (store);
  edit->code = g_strdup (furrow_household_get_code (household));
  edit->old[0] = g_strdup (furrow_household_get_bank (household));
  edit->old[1] = g_strdup (furrow_household_get_bank_branch (household));
  edit->old[2] = g_strdup (furrow_household_get_account_number (household));
  edit->old[3] = g_strdup (furrow_household_get_account_holder (household));
  edit->new[0] = empty_to_null (account->bank);
  edit->new[1] = empty_to_null (account->bank_branch);
  edit->new[2] = empty_to_null (number);
  edit->new[3] = empty_to_null (account->account_holder);
  return furrow_edit_new (_("Change Payee Account"), account_edit_apply, edit, account_edit_free);
}
