/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Payment status per household per settled season (furrow-store-payment.h; docs/domain.md,
 * "Bank accounts"). */

#include "config.h"

#include "furrow-store-payment.h"

#include <glib/gi18n-lib.h>

#include "furrow-store-private.h"
#include "furrow-store-season-private.h"

static const char *const keys[] = { "unpaid", "sent", "paid", "failed", "reissued" };

const char *
furrow_payment_status_to_key (FurrowPaymentStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (keys), "unpaid");
  return keys[status];
}

gboolean
furrow_payment_status_from_key (const char          *key,
                                FurrowPaymentStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (key, keys[i]) == 0)
      {
        *status = (FurrowPaymentStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
furrow_payment_status_label (FurrowPaymentStatus status)
{
  switch (status)
    {
    case FURROW_PAYMENT_UNPAID:
      return C_("payment status", "Unpaid");
    case FURROW_PAYMENT_SENT:
      return C_("payment status", "Sent to the bank");
    case FURROW_PAYMENT_PAID:
      return C_("payment status", "Paid");
    case FURROW_PAYMENT_FAILED:
      return C_("payment status", "Failed");
    case FURROW_PAYMENT_REISSUED:
      return C_("payment status", "Reissued");
    default:
      g_return_val_if_reached ("");
    }
}

void
furrow_payment_free (FurrowPayment *payment)
{
  if (payment == NULL)
    return;
  g_free (payment->code);
  g_free (payment->reason);
  g_free (payment->changed);
  g_free (payment);
}

static void
read_payment (FurrowStatement *stmt,
              gpointer         user_data)
{
  GHashTable *payments = user_data;
  FurrowPayment *payment = g_new0 (FurrowPayment, 1);
  const char *status = furrow_statement_get_text (stmt, 1);

  payment->code = g_strdup (furrow_statement_get_text (stmt, 0));
  if (status == NULL || !furrow_payment_status_from_key (status, &payment->status))
    payment->status = FURROW_PAYMENT_UNPAID;
  payment->reason = g_strdup (furrow_statement_get_text (stmt, 2) != NULL
                              ? furrow_statement_get_text (stmt, 2) : "");
  payment->changed = g_strdup (furrow_statement_get_text (stmt, 3) != NULL
                               ? furrow_statement_get_text (stmt, 3) : "");
  g_hash_table_replace (payments, payment->code, payment);
}

static GHashTable *
read_payments (FurrowStore   *self,
               FurrowSeason  *season,
               GError       **error)
{
  g_autoptr(GHashTable) payments = NULL;
  FurrowSeasonState state;

  if (!_furrow_season_stored_state (self, season, &state, error))
    return NULL;
  if (state != FURROW_SEASON_SETTLED)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("season “%s” is not settled: it pays nobody yet"),
                   furrow_season_get_name (season));
      return NULL;
    }
  payments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) furrow_payment_free);
  if (!_furrow_season_foreach_row (self,
                                   "SELECT h.code, p.status, p.reason, p.changed "
                                   "FROM settlements s JOIN households h ON h.id = s.household_id "
                                   "LEFT JOIN payments p ON p.season_id = s.season_id "
                                   "AND p.household_id = s.household_id "
                                   "WHERE s.season_id = ?1 ORDER BY h.code",
                                   furrow_season_get_id (season), read_payment, payments, error))
    return NULL;
  return g_steal_pointer (&payments);
}

GHashTable *
furrow_store_get_payments (FurrowStore   *self,
                           FurrowSeason  *season,
                           GError       **error)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  return read_payments (self, season, error);
}

/* docs/domain.md, "Bank accounts": the changes the order of events allows. */
static gboolean
change_allowed (FurrowPaymentStatus from,
                FurrowPaymentStatus to)
{
  switch (to)
    {
    case FURROW_PAYMENT_UNPAID:
      return TRUE;
    case FURROW_PAYMENT_SENT:
      return from == FURROW_PAYMENT_UNPAID || from == FURROW_PAYMENT_SENT;
    case FURROW_PAYMENT_PAID:
    case FURROW_PAYMENT_FAILED:
      return from != FURROW_PAYMENT_UNPAID;
    case FURROW_PAYMENT_REISSUED:
      return from == FURROW_PAYMENT_FAILED || from == FURROW_PAYMENT_REISSUED;
    default:
      return FALSE;
    }
}

static gboolean
set_payments (FurrowStore               *self,
              FurrowSeason              *season,
              const FurrowPaymentChange *changes,
              gsize                      n_changes,
              const char                *source,
              GError                   **error)
{
  g_autoptr(GHashTable) payments = read_payments (self, season, error);
  g_autofree char *object = _furrow_season_object (season);

  if (payments == NULL)
    return FALSE;
  for (gsize i = 0; i < n_changes; i++)
    {
      const FurrowPaymentChange *change = &changes[i];
      FurrowPayment *payment = g_hash_table_lookup (payments, change->code);
      g_autofree char *reason = NULL;
      g_autofree char *action = NULL;
      g_autofree char *detail = NULL;
      g_autoptr(FurrowStatement) stmt = NULL;

      if (payment == NULL)
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                       _("household %s is not in the settlement of season “%s”"),
                       change->code != NULL ? change->code : "",
                       furrow_season_get_name (season));
          return FALSE;
        }
      reason = g_strstrip (g_strdup (change->status == FURROW_PAYMENT_FAILED &&
                                     change->reason != NULL ? change->reason : ""));
      if (change->status == FURROW_PAYMENT_FAILED && *reason == '\0')
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                       _("household %s: a failed payment needs the bank’s reason"),
                       payment->code);
          return FALSE;
        }
      if (payment->status == change->status && g_strcmp0 (payment->reason, reason) == 0)
        continue;
      if (!change_allowed (payment->status, change->status))
        {
          g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                       /* Translators: household CODE: its payment cannot go from one status to
                        * the other, e.g. "Unpaid" to "Paid" */
                       _("household %s: a payment cannot go from “%s” to “%s”"),
                       payment->code, furrow_payment_status_label (payment->status),
                       furrow_payment_status_label (change->status));
          return FALSE;
        }
      stmt = _furrow_season_prepare (self,
                                     "INSERT INTO payments (season_id, household_id, status, "
                                     "reason, changed) SELECT ?1, id, ?3, ?4, "
                                     "strftime('%Y-%m-%dT%H:%M:%fZ','now') FROM households "
                                     "WHERE code = ?2 ON CONFLICT (season_id, household_id) "
                                     "DO UPDATE SET status = excluded.status, "
                                     "reason = excluded.reason, changed = excluded.changed",
                                     error);
      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
      furrow_statement_bind_text (stmt, 2, payment->code);
      furrow_statement_bind_text (stmt, 3, furrow_payment_status_to_key (change->status));
      furrow_statement_bind_text (stmt, 4, reason);
      if (!furrow_statement_run (stmt, error))
        return FALSE;
      action = g_strdup_printf ("payment.%s", furrow_payment_status_to_key (change->status));
      detail = g_strdup_printf ("%s: %s -> %s%s%s; %s", payment->code,
                                furrow_payment_status_to_key (payment->status),
                                furrow_payment_status_to_key (change->status),
                                *reason != '\0' ? ": " : "", reason,
                                source != NULL ? source : "");
      if (!_furrow_store_audit (self, action, object, detail, error))
        return FALSE;
      payment->status = change->status;
      g_free (payment->reason);
      payment->reason = g_steal_pointer (&reason);
    }
  return TRUE;
}

gboolean
furrow_store_set_payments (FurrowStore               *self,
                           FurrowSeason              *season,
                           const FurrowPaymentChange *changes,
                           gsize                      n_changes,
                           const char                *source,
                           GError                   **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (changes != NULL || n_changes == 0, FALSE);

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = set_payments (self, season, changes, n_changes, source, error);
  if (ok)
    _furrow_season_touch (self, season, 0, TRUE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}
