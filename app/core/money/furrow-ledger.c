/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Member accounts and the art. 44 check (furrow-ledger.h, docs/domain.md §16). */

#include "config.h"

#include "furrow-ledger.h"

static void
entry_clear (gpointer data)
{
  FurrowLedgerEntry *entry = data;

  g_free (entry->season);
}

static void
check_clear (gpointer data)
{
  FurrowLedgerSeasonCheck *check = data;

  g_free (check->season);
}

static void
account_free (gpointer data)
{
  FurrowLedgerAccount *account = data;

  g_free (account->code);
  g_free (account->name);
  g_array_unref (account->entries);
  g_free (account);
}

FurrowLedger *
furrow_ledger_new (void)
{
  FurrowLedger *self = g_new0 (FurrowLedger, 1);

  self->accounts = g_ptr_array_new_with_free_func (account_free);
  self->checks = g_array_new (FALSE, TRUE, sizeof (FurrowLedgerSeasonCheck));
  g_array_set_clear_func (self->checks, check_clear);
  return self;
}

void
furrow_ledger_free (FurrowLedger *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->accounts);
  g_array_unref (self->checks);
  g_free (self);
}

FurrowLedgerAccount *
furrow_ledger_get_account (FurrowLedger *self,
                           const char   *code,
                           const char   *name)
{
  FurrowLedgerAccount *account;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  /* The store adds accounts in code order: the one asked for is usually the last. */
  for (guint i = self->accounts->len; i > 0; i--)
    {
      account = g_ptr_array_index (self->accounts, i - 1);
      if (g_str_equal (account->code, code))
        return account;
    }
  account = g_new0 (FurrowLedgerAccount, 1);
  account->code = g_strdup (code);
  account->name = g_strdup (name != NULL ? name : "");
  account->entries = g_array_new (FALSE, TRUE, sizeof (FurrowLedgerEntry));
  g_array_set_clear_func (account->entries, entry_clear);
  g_ptr_array_add (self->accounts, account);
  return account;
}

void
furrow_ledger_account_add (FurrowLedgerAccount     *account,
                           const FurrowLedgerEntry *entry)
{
  FurrowLedgerEntry copy;

  g_return_if_fail (account != NULL);
  g_return_if_fail (entry != NULL);

  copy = *entry;
  copy.season = g_strdup (entry->season != NULL ? entry->season : "");
  copy.due_fen = entry->base_fen + entry->returned_fen - entry->fee_fen;
  copy.balance_fen = account->total.balance_fen + copy.due_fen - entry->paid_fen;
  g_array_append_val (account->entries, copy);

  account->total.area_m2 += entry->area_m2;
  account->total.base_fen += entry->base_fen;
  account->total.returned_fen += entry->returned_fen;
  account->total.fee_fen += entry->fee_fen;
  account->total.due_fen += copy.due_fen;
  account->total.paid_fen += entry->paid_fen;
  account->total.balance_fen = copy.balance_fen;
}

gboolean
furrow_ledger_return_passes (gint64  distributable_fen,
                             gint64  returned_fen,
                             gint64 *returned_bp)
{
  if (distributable_fen <= 0)
    {
      if (returned_bp != NULL)
        *returned_bp = 0;
      return TRUE;
    }
  if (returned_bp != NULL)
    {
      /* Rounded half away from zero; amounts stay far below 2^63 / 10^4 (9 × 10^14 fen). */
      gint64 scaled = returned_fen * 10000;

      *returned_bp = (scaled + (scaled >= 0 ? distributable_fen / 2 : -distributable_fen / 2))
                     / distributable_fen;
    }
  /* returned / distributable ≥ 6 / 10, without rounding. */
  return returned_fen * 10 >= distributable_fen * 6;
}

void
furrow_ledger_add_check (FurrowLedger *self,
                         const char   *season,
                         guint         crop_year,
                         gint64        distributable_fen,
                         gint64        returned_fen)
{
  FurrowLedgerSeasonCheck check = { 0, };

  g_return_if_fail (self != NULL);

  check.season = g_strdup (season != NULL ? season : "");
  check.crop_year = crop_year;
  check.distributable_fen = distributable_fen;
  check.returned_fen = returned_fen;
  check.passes = furrow_ledger_return_passes (distributable_fen, returned_fen,
                                              &check.returned_bp);
  g_array_append_val (self->checks, check);
}
