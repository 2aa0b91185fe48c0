/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Several users at once (docs/architecture.md, Several users at once): what others commit
 * reaches this store's models and change signals. On a server each committed statement sends
 * a notification naming its rows (schema/pg/v012.sql) that furrow_store_listen() follows from
 * the main loop; on both backends a conflict (another writer's row version) reads the record
 * again after the rollback, so the views show what is stored rather than what was refused. */

#include "config.h"

#include <string.h>

#include "furrow-store-private.h"

/* More records than this in one batch of notifications: the models are read again whole, as
 * after an import (The change signals, "many changed"); a server's notification names at most
 * as many ids (schema/pg/v012.sql). */
#define MAX_FOLLOWED_RECORDS 64

static void
copy_properties (GObject *live,
                 GObject *fresh)
{
  g_autofree GParamSpec **specs = NULL;
  guint n;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (live), &n);
  g_object_freeze_notify (live);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) now = G_VALUE_INIT;
      g_auto(GValue) then = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (specs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;
      g_value_init (&now, specs[i]->value_type);
      g_value_init (&then, specs[i]->value_type);
      g_object_get_property (fresh, specs[i]->name, &now);
      g_object_get_property (live, specs[i]->name, &then);
      /* A boxed value (the geometry) compares by address: it is set again. */
      if (g_param_values_cmp (specs[i], &now, &then) != 0)
        g_object_set_property (live, specs[i]->name, &now);
    }
  g_object_thaw_notify (live);
}

/* One record as the file holds it now: the live object of the model takes its values (the same
 * object, which the views hold), or the record is added or removed; the change is pending for
 * _furrow_store_apply_pending(). */
static void
follow_record (FurrowStore *self,
               FurrowKind   kind,
               gint64       id)
{
  g_autoptr(GObject) fresh = _furrow_store_read_record (self, kind, id);
  GObject *live = self->models[kind] != NULL ? _furrow_store_get_live (self, kind, id) : NULL;

  if (fresh != NULL && live != NULL)
    {
      g_autofree char *old_code = NULL;

      if (kind == FURROW_KIND_HOUSEHOLD)
        old_code = g_strdup (furrow_household_get_code (FURROW_HOUSEHOLD (live)));
      if (kind == FURROW_KIND_PARCEL)
        _furrow_store_touch_field (self, furrow_parcel_get_field_id (FURROW_PARCEL (live)));
      copy_properties (live, fresh);
      _furrow_store_object_set_version (live, _furrow_store_object_get_version (fresh));
      if (kind == FURROW_KIND_FIELD)
        _furrow_field_set_registered_area_m2 (FURROW_FIELD (live),
                                              furrow_field_get_registered_area_m2
                                                (FURROW_FIELD (fresh)));
      if (kind == FURROW_KIND_PARCEL)
        _furrow_store_touch_field (self, furrow_parcel_get_field_id (FURROW_PARCEL (live)));
      _furrow_store_record_change (self, FURROW_RECORD_UPDATED, kind, live, old_code);
    }
  else if (fresh != NULL)
    {
      if (kind == FURROW_KIND_PARCEL)
        _furrow_store_touch_field (self, furrow_parcel_get_field_id (FURROW_PARCEL (fresh)));
      _furrow_store_record_change (self, FURROW_RECORD_ADDED, kind, fresh, NULL);
    }
  else if (live != NULL)
    {
      if (kind == FURROW_KIND_PARCEL)
        _furrow_store_touch_field (self, furrow_parcel_get_field_id (FURROW_PARCEL (live)));
      _furrow_store_record_change (self, FURROW_RECORD_REMOVED, kind, live, NULL);
    }
}

static gboolean
same_ref (const FurrowRecordRef *a,
          const FurrowRecordRef *b)
{
  return a->kind == b->kind && a->id == b->id;
}

/* Reads the records again, each once, and announces them as one commit would. */
static void
follow_records (FurrowStore *self,
                GArray      *refs)
{
  for (guint i = 0; i < refs->len; i++)
    {
      const FurrowRecordRef *ref = &g_array_index (refs, FurrowRecordRef, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = same_ref (ref, &g_array_index (refs, FurrowRecordRef, j));
      if (!seen)
        follow_record (self, ref->kind, ref->id);
    }
  _furrow_store_apply_pending (self);
}

void
_furrow_store_follow_stale (FurrowStore *self)
{
  g_autoptr(GArray) stale = NULL;
  g_autoptr(GArray) seasons = NULL;
  g_autofree char *message = NULL;

  if (self->in_batch || self->stale == NULL ||
      (self->stale->len == 0 && self->stale_seasons->len == 0))
    return;
  stale = g_steal_pointer (&self->stale);
  self->stale = g_array_new (FALSE, FALSE, sizeof (FurrowRecordRef));
  seasons = g_steal_pointer (&self->stale_seasons);
  self->stale_seasons = g_array_new (FALSE, FALSE, sizeof (gint64));
  message = g_steal_pointer (&self->conflict);
  if (stale->len > 0)
    follow_records (self, stale);
  if (seasons->len > 0)
    _furrow_store_seasons_follow (self, seasons);
  if (message != NULL)
    _furrow_store_emit_conflict (self, message);
}

gboolean
_furrow_store_season_conflict (FurrowStore  *self,
                               gint64        season_id,
                               char         *message,
                               GError      **error)
{
  g_clear_error (error);
  g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONFLICT, message);
  g_array_append_val (self->stale_seasons, season_id);
  g_free (self->conflict);
  self->conflict = message;
  return FALSE;
}

static gboolean
kind_from_noun (const char *noun,
                FurrowKind *kind)
{
  for (FurrowKind k = 0; k < FURROW_N_KINDS; k++)
    if (strcmp (noun, _furrow_store_kind (k)->noun) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static void
add_season_id (GArray *seasons,
               gint64  id)
{
  for (guint j = 0; j < seasons->len; j++)
    if (g_array_index (seasons, gint64, j) == id)
      return;
  g_array_append_val (seasons, id);
}

/* Payloads "KIND ID ID …" or "KIND *" (schema/pg/v012.sql, one a statement; step 9's "KIND ID"
 * is the same with one id): records, seasons and yield presets others committed; "*" stands for
 * more than MAX_FOLLOWED_RECORDS ids, and everything is read again; "role NAME"
 * (furrow_store_server_grant()): a user's role changed. */
static void
follow_payloads (FurrowStore *self,
                 GPtrArray   *payloads)
{
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (FurrowRecordRef));
  g_autoptr(GArray) seasons = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean presets = FALSE;
  gboolean many = FALSE;
  gboolean role = FALSE;

  for (guint i = 0; i < payloads->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_ptr_array_index (payloads, i), " ", -1);
      FurrowRecordRef ref;
      gboolean record, season;

      if (words[0] == NULL || words[1] == NULL)
        continue;
      record = kind_from_noun (words[0], &ref.kind);
      season = !record && strcmp (words[0], "season") == 0;
      presets |= strcmp (words[0], "yield-preset") == 0;
      role |= strcmp (words[0], "role") == 0;
      for (guint w = 1; words[w] != NULL && (record || season); w++)
        {
          gint64 id = g_ascii_strtoll (words[w], NULL, 10);

          if (strcmp (words[w], "*") == 0)
            many = TRUE;
          else if (record)
            {
              ref.id = id;
              g_array_append_val (records, ref);
            }
          else
            add_season_id (seasons, id);
        }
    }

  if (many || records->len > MAX_FOLLOWED_RECORDS)
    {
      g_autoptr(GError) error = NULL;

      /* Reads the seasons too and says "many changed" for everything. */
      if (!furrow_store_reload (self, &error))
        g_message ("%s", error->message);
      g_array_set_size (seasons, 0);
    }
  else if (records->len > 0)
    follow_records (self, records);
  if (seasons->len > 0)
    _furrow_store_seasons_follow (self, seasons);
  if (presets)
    _furrow_store_emit_yield_presets_changed (self);
  if (role)
    _furrow_store_follow_role (self);
}

void
_furrow_store_follow_later (FurrowStore *self)
{
  g_autoptr(GPtrArray) later = NULL;

  if (self->later == NULL || self->later->len == 0 || self->in_batch)
    return;
  later = g_steal_pointer (&self->later);
  self->later = g_ptr_array_new_with_free_func (g_free);
  follow_payloads (self, later);
}

static void
notified_cb (GPtrArray *payloads,
             gpointer   user_data)
{
  FurrowStore *self = user_data;

  /* Never inside a batch (The change signals): its end follows them. */
  if (self->in_batch)
    {
      for (guint i = 0; i < payloads->len; i++)
        g_ptr_array_add (self->later, g_strdup (g_ptr_array_index (payloads, i)));
      return;
    }
  follow_payloads (self, payloads);
}

/* Reconnecting (docs/architecture.md, The backend seam, Reconnecting). */

#define RETRY_FIRST_MS 100
#define RETRY_MAX_MS   5000

static void reconnected_cb (gboolean      ok,
                            const GError *error,
                            gpointer      user_data);

static void
set_reconnect (FurrowStore *self,
               GSource     *source)
{
  if (self->reconnect != NULL)
    g_source_destroy (self->reconnect);
  g_clear_pointer (&self->reconnect, g_source_unref);
  self->reconnect = source;
  if (source != NULL)
    g_source_attach (source, self->context);
}

void
_furrow_store_stop_reconnecting (FurrowStore *self)
{
  set_reconnect (self, NULL);
  if (self->database != NULL)
    furrow_database_set_lost_func (self->database, NULL, NULL);
  g_clear_pointer (&self->context, g_main_context_unref);
}

static gboolean
attempt_cb (gpointer user_data)
{
  FurrowStore *self = user_data;

  /* Replaces (and so destroys) this timeout. */
  set_reconnect (self, furrow_database_reconnect (self->database, reconnected_cb, self));
  return G_SOURCE_REMOVE;
}

static void
retry_later (FurrowStore *self)
{
  GSource *timeout;

  self->retry_ms = self->retry_ms == 0 ? RETRY_FIRST_MS : MIN (self->retry_ms * 2, RETRY_MAX_MS);
  timeout = g_timeout_source_new (self->retry_ms);
  g_source_set_callback (timeout, attempt_cb, self, NULL);
  g_source_set_static_name (timeout, "[furrow] reconnect later");
  set_reconnect (self, timeout);
}

static void
reconnected_cb (gboolean      ok,
                const GError *error,
                gpointer      user_data)
{
  FurrowStore *self = user_data;
  g_autoptr(GError) local_error = NULL;

  /* The reconnection source ends after this call. */
  g_clear_pointer (&self->reconnect, g_source_unref);
  if (!ok)
    {
      g_debug ("%s", error->message);
      retry_later (self);
      return;
    }
  /* What others committed meanwhile sent notifications to nobody: everything is read again. */
  g_ptr_array_set_size (self->later, 0);
  if (!_furrow_store_server_resume (self, &local_error) ||
      !furrow_store_listen (self, &local_error) ||
      !furrow_store_reload (self, &local_error))
    {
      g_debug ("%s", local_error->message);
      if (self->listener != NULL)
        g_source_destroy (self->listener);
      g_clear_pointer (&self->listener, g_source_unref);
      retry_later (self);
      return;
    }
  self->retry_ms = 0;
  self->disconnected = FALSE;
  g_object_notify (G_OBJECT (self), "connected");
}

static gboolean
lost_idle_cb (gpointer user_data)
{
  FurrowStore *self = user_data;

  g_clear_pointer (&self->reconnect, g_source_unref);
  if (self->listener != NULL)
    g_source_destroy (self->listener);
  g_clear_pointer (&self->listener, g_source_unref);
  g_object_notify (G_OBJECT (self), "connected");
  retry_later (self);
  return G_SOURCE_REMOVE;
}

/* From inside the failed statement or the listening source: only schedules. */
static void
lost_cb (gpointer user_data)
{
  FurrowStore *self = user_data;
  GSource *idle;

  if (self->disconnected)
    return;
  self->disconnected = TRUE;
  self->retry_ms = 0;
  idle = g_idle_source_new ();
  g_source_set_callback (idle, lost_idle_cb, self, NULL);
  g_source_set_static_name (idle, "[furrow] connection lost");
  set_reconnect (self, idle);
}

gboolean
furrow_store_get_connected (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  return !self->disconnected;
}

/**
 * furrow_store_listen:
 *
 * See furrow-store.h.
 */
gboolean
furrow_store_listen (FurrowStore  *self,
                     GError      **error)
{
  g_autofree char *channel = NULL;
  GSource *source;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  if (!furrow_store_is_server (self) || self->listener != NULL)
    return TRUE;
  channel = _furrow_store_server_channel (self);
  source = furrow_database_listen (self->database, channel, notified_cb, self, error);
  if (source == NULL)
    return FALSE;
  g_source_attach (source, g_main_context_get_thread_default ());
  self->listener = source;
  if (self->context == NULL)
    self->context = g_main_context_ref_thread_default ();
  furrow_database_set_lost_func (self->database, lost_cb, self);
  return TRUE;
}
