/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The audit log: one row per change of an area, a record or the cooperative, written in the
 * change's transaction; an import's additions as one row at its commit. Never personal data
 * (furrow-store.h). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "furrow-store-private.h"
#include "furrow-store-testing.h"

gboolean
_furrow_store_audit_into (FurrowDatabase  *database,
                          const char      *actor,
                          const char      *action,
                          const char      *object,
                          const char      *detail,
                          GError         **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (database,
                   "INSERT INTO audit_log (actor, action, object, detail) VALUES (?1, ?2, ?3, ?4)",
                   error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, actor);
  furrow_statement_bind_text (stmt, 2, action);
  furrow_statement_bind_text (stmt, 3, object);
  furrow_statement_bind_text (stmt, 4, detail);
  return furrow_statement_run (stmt, error);
}

gboolean
_furrow_store_audit (FurrowStore  *self,
                     const char   *action,
                     const char   *object,
                     const char   *detail,
                     GError      **error)
{
  return _furrow_store_audit_into (self->database, self->actor, action, object, detail, error);
}

char *
_furrow_store_last_actor (FurrowStore *self,
                          const char  *object,
                          const char  *detail)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             "SELECT actor FROM audit_log WHERE object = ?1 AND detail LIKE ?2"
                             " ORDER BY id DESC LIMIT 1", NULL);
  char *who = NULL;

  if (stmt != NULL)
    {
      furrow_statement_bind_text (stmt, 1, object);
      furrow_statement_bind_text (stmt, 2, detail);
      if (furrow_statement_step (stmt, NULL))
        who = furrow_statement_dup_text (stmt, 0);
    }
  if (who == NULL || *who == '\0')
    {
      g_free (who);
      who = g_strdup (_("another user"));
    }
  return who;
}

gint64
_furrow_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
_furrow_store_changed_by_at (char   *who,
                             gint64  changed_at)
{
  g_autofree char *owned = who;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;

  if (changed_at > 0)
    at = g_date_time_new_from_unix_local (changed_at);
  if (at == NULL)
    return g_steal_pointer (&owned);
  /* TRANSLATORS: g_date_time_format () of a change's local time this year ("14:05 on
   * 7 December"); zh_CN "%-m月%-d日 %H:%M". */
  when = g_date_time_format (at, g_date_time_get_year (at) == g_date_time_get_year (now)
                                 ? C_("change time", "%H:%M on %-d %B")
                                 /* TRANSLATORS: the same in another year ("14:05 on
                                  * 7 December 2025"); zh_CN "%Y年%-m月%-d日 %H:%M". */
                                 : C_("change time", "%H:%M on %-d %B %Y"));
  /* TRANSLATORS: who changed a row and when, inside "was changed by %s after you opened it":
   * "clerk_a at 14:05 on 7 December"; zh_CN "%s 于 %s". */
  return g_strdup_printf (C_("change time", "%s at %s"), owned, when != NULL ? when : "?");
}

/* An import's additions are audited as one row at its commit, not one row each. */
gboolean
_furrow_store_audit_each_addition (FurrowStore *self,
                                   FurrowKind   kind)
{
  if (self->import_source == NULL)
    return TRUE;
  self->n_imported[kind]++;
  return FALSE;
}

/* action "import", object "import:SOURCE", detail "fields 2; parcels 50000": counts only. */
gboolean
_furrow_store_audit_import (FurrowStore  *self,
                            GError      **error)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *object = g_strconcat ("import:", self->import_source, NULL);

  for (FurrowKind kind = 0; kind < FURROW_N_KINDS; kind++)
    if (self->n_imported[kind] > 0)
      g_string_append_printf (detail, "%s%s %u", detail->len ? "; " : "",
                              _furrow_store_kind (kind)->table, self->n_imported[kind]);
  return _furrow_store_audit (self, "import", object, detail->str, error);
}

char *
_furrow_store_format_area (double area_m2)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", area_m2));
}

void
furrow_audit_entry_free (FurrowAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->time);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->object);
  g_free (entry->detail);
  g_free (entry);
}

GPtrArray *
furrow_store_get_audit_log (FurrowStore  *self,
                            const char   *object,
                            GError      **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = furrow_database_prepare (self->database,
                        "SELECT id, time, actor, action, object, detail FROM audit_log"
                        " WHERE ?1 IS NULL OR object = ?1 ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_text (stmt, 1, object);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_audit_entry_free);
  while (furrow_statement_step (stmt, &local_error))
    {
      FurrowAuditEntry *entry = g_new0 (FurrowAuditEntry, 1);

      entry->id = furrow_statement_get_int64 (stmt, 0);
      entry->time = g_strdup (furrow_statement_get_text (stmt, 1));
      entry->actor = g_strdup (furrow_statement_get_text (stmt, 2));
      entry->action = g_strdup (furrow_statement_get_text (stmt, 3));
      entry->object = g_strdup (furrow_statement_get_text (stmt, 4));
      entry->detail = g_strdup (furrow_statement_get_text (stmt, 5));
      g_ptr_array_add (entries, entry);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* Tests (furrow-store-private.h): "action|detail" rows about one object. */
GStrv
_furrow_store_get_audit (FurrowStore *self,
                         const char  *object)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (self->database,
                             "SELECT action, detail FROM audit_log WHERE object = ?1 ORDER BY id",
                   NULL);

  if (stmt != NULL)
    {
      furrow_statement_bind_text (stmt, 1, object);
      while (furrow_statement_step (stmt, NULL))
        {
          const char *detail = furrow_statement_get_text (stmt, 1);
          g_autofree char *row = g_strdup_printf ("%s|%s", furrow_statement_get_text (stmt, 0),
                                                  detail ? detail : "");

          g_strv_builder_add (rows, row);
        }
    }
  return g_strv_builder_end (rows);
}
