/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The member accounts from the frozen settlements (furrow-store-ledger.h, docs/domain.md §16). */

#include "config.h"

#include "furrow-store-ledger.h"

#include <glib/gi18n-lib.h>

#include "furrow-store-private.h"
#include "furrow-store-season-private.h"

FurrowLedger *
furrow_store_get_ledger (FurrowStore  *self,
                         const char   *household_code,
                         GError      **error)
{
  g_autoptr(FurrowLedger) ledger = furrow_ledger_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  if (household_code != NULL)
    {
      g_autoptr(FurrowHousehold) household = furrow_store_find_household (self, household_code);

      if (household == NULL)
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                       _("There is no household %s"), household_code);
          return NULL;
        }
      /* A household in no settled season still has its (empty) account. */
      furrow_ledger_get_account (ledger, furrow_household_get_code (household),
                                 furrow_household_get_name (household));
    }
  {
    /* Paid amounts are not recorded yet: paid_fen stays 0 and the balance is what is due. */
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, "SELECT h.code, h.name, se.name, se.crop_year, s.area_m2, "
                                    "s.base_fen, s.dividend_fen, s.fee_fen "
                                    "FROM settlements s "
                                    "JOIN households h ON h.id = s.household_id "
                                    "JOIN seasons se ON se.id = s.season_id "
                                    "WHERE se.state = 'settled' AND (?1 IS NULL OR h.code = ?1) "
                                    "ORDER BY h.code, se.crop_year, se.id", error);

    if (stmt == NULL)
      return NULL;
    furrow_statement_bind_text (stmt, 1, household_code);
    while (furrow_statement_step (stmt, &local_error))
      {
        FurrowLedgerAccount *account =
          furrow_ledger_get_account (ledger, furrow_statement_get_text (stmt, 0),
                                     furrow_statement_get_text (stmt, 1));
        FurrowLedgerEntry entry = {
          .season = (char *) furrow_statement_get_text (stmt, 2),
          .crop_year = (guint) furrow_statement_get_int64 (stmt, 3),
          .area_m2 = furrow_statement_get_double (stmt, 4),
          .base_fen = furrow_statement_get_int64 (stmt, 5),
          .returned_fen = furrow_statement_get_int64 (stmt, 6),
          .fee_fen = furrow_statement_get_int64 (stmt, 7),
        };

        furrow_ledger_account_add (account, &entry);
      }
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }
  {
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, "SELECT se.name, se.crop_year, ss.distributable_fen, "
                                    "ss.returned_fen FROM season_settlements ss "
                                    "JOIN seasons se ON se.id = ss.season_id "
                                    "WHERE se.state = 'settled' ORDER BY se.crop_year, se.id",
                              error);

    if (stmt == NULL)
      return NULL;
    while (furrow_statement_step (stmt, &local_error))
      furrow_ledger_add_check (ledger, furrow_statement_get_text (stmt, 0),
                               (guint) furrow_statement_get_int64 (stmt, 1),
                               furrow_statement_get_int64 (stmt, 2),
                               furrow_statement_get_int64 (stmt, 3));
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }
  return g_steal_pointer (&ledger);
}

gboolean
furrow_store_record_ledger_export (FurrowStore  *self,
                                   const char   *household_code,
                                   const char   *detail,
                                   GError      **error)
{
  g_autofree char *object = NULL;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  object = household_code != NULL ? g_strconcat ("ledger:", household_code, NULL)
                                   : g_strdup ("ledger");
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = _furrow_store_audit (self, "ledger.export", object, detail, error);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}
