/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Server addresses and the passwords given for them in this process (docs/architecture.md, The
 * backend seam, Passwords). A password never becomes part of an address that is kept: the
 * store's path, the settings and the messages only ever see `uri` without it. The passwords
 * live in a table in memory, keyed by user, host, port and database, which the PostgreSQL
 * backend reads at each connection (furrow-database-pg.c), so a worker thread that reopens the
 * project by its path connects as the window did. */

#include "config.h"

#include "furrow-server-address.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-database-private.h"
#include "furrow-store.h"

static GMutex passwords_lock;
static GHashTable *passwords;  /* server key → password */

/* The password a thread is trying: its server key, then the password, one string each. */
static void trial_free (gpointer data);
static GPrivate trial = G_PRIVATE_INIT (trial_free);

void
furrow_server_address_free (FurrowServerAddress *self)
{
  if (self == NULL)
    return;
  g_free (self->uri);
  g_free (self->user);
  g_free (self->host);
  g_free (self->dbname);
  g_free (self->cooperative);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self);
}

/* The address without user:password@'s password, its ?password= parameter and its #fragment. */
static char *
strip_password (const char *uri)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *authority = strstr (uri, "://") + 3;
  const char *end = authority + strcspn (authority, "/?#");
  const char *at = g_strstr_len (authority, end - authority, "@");
  const char *colon = at != NULL ? g_strstr_len (authority, at - authority, ":") : NULL;
  const char *query;
  g_auto(GStrv) params = NULL;
  guint kept = 0;

  if (colon != NULL)
    {
      g_string_append_len (out, uri, colon - uri);
      g_string_append_len (out, at, end - at);
    }
  else
    g_string_append_len (out, uri, end - uri);
  query = end + strcspn (end, "?#");
  g_string_append_len (out, end, query - end);
  if (*query != '?')
    return g_string_free (g_steal_pointer (&out), FALSE);
  {
    g_autofree char *text = g_strndup (query + 1, strcspn (query + 1, "#"));

    params = g_strsplit (text, "&", -1);
  }
  for (guint i = 0; params[i] != NULL; i++)
    if (params[i][0] != '\0' && !g_str_has_prefix (params[i], "password="))
      g_string_append_printf (out, "%c%s", kept++ == 0 ? '?' : '&', params[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
replace (char       **member,
         const char  *value)
{
  g_free (*member);
  *member = g_strdup (value);
}

FurrowServerAddress *
furrow_server_address_parse (const char  *uri,
                             GError     **error)
{
  g_autoptr(FurrowServerAddress) self = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *query;
  const char *value;

  if (uri == NULL || !furrow_store_is_server_address (uri) ||
      (parsed = g_uri_parse (uri, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY,
                             NULL)) == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("“%s” is not a server address: write postgresql://user@host/database"),
                   uri != NULL ? uri : "");
      return NULL;
    }
  query = g_uri_get_query (parsed);
  if (query != NULL &&
      (params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL)) == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("“%s” is not a server address: write postgresql://user@host/database"),
                   uri);
      return NULL;
    }

  self = g_new0 (FurrowServerAddress, 1);
  self->uri = strip_password (uri);
  self->user = g_strdup (g_uri_get_user (parsed) != NULL ? g_uri_get_user (parsed) : "");
  self->host = g_strdup (g_uri_get_host (parsed) != NULL ? g_uri_get_host (parsed) : "");
  self->port = g_uri_get_port (parsed);
  self->dbname = g_strdup (g_uri_get_path (parsed)[0] == '/' ? g_uri_get_path (parsed) + 1
                                                             : g_uri_get_path (parsed));
  self->password = g_strdup (g_uri_get_password (parsed));
  if (g_uri_get_fragment (parsed) != NULL && g_uri_get_fragment (parsed)[0] != '\0')
    self->cooperative = g_strdup (g_uri_get_fragment (parsed));
  if (params != NULL)
    {
      if ((value = g_hash_table_lookup (params, "user")) != NULL)
        replace (&self->user, value);
      if ((value = g_hash_table_lookup (params, "host")) != NULL)
        replace (&self->host, value);
      if ((value = g_hash_table_lookup (params, "dbname")) != NULL)
        replace (&self->dbname, value);
      if ((value = g_hash_table_lookup (params, "password")) != NULL)
        replace (&self->password, value);
      if ((value = g_hash_table_lookup (params, "port")) != NULL)
        {
          guint64 port = 0;

          if (!g_ascii_string_to_unsigned (value, 10, 1, 65535, &port, NULL))
            {
              g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                           _("%s: “%s” is not a port"), self->uri, value);
              return NULL;
            }
          self->port = (int) port;
        }
    }
  if (self->port <= 0)
    self->port = 5432;
  if (self->dbname[0] == '\0')
    replace (&self->dbname, self->user);
  return g_steal_pointer (&self);
}

/* user, host, port and database: what names one login on one server. */
static char *
server_key (const char *uri)
{
  g_autoptr(FurrowServerAddress) address = furrow_server_address_parse (uri, NULL);

  if (address == NULL)
    return NULL;
  return g_strdup_printf ("%s\n%s\n%d\n%s", address->user, address->host, address->port,
                          address->dbname);
}

static void
password_free (gpointer data)
{
  char *password = data;

  memset (password, 0, strlen (password));
  g_free (password);
}

void
furrow_server_address_set_password (const char *uri,
                                    const char *password)
{
  g_autofree char *key = server_key (uri);

  if (key == NULL)
    return;
  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, password_free);
  if (password != NULL && password[0] != '\0')
    g_hash_table_insert (passwords, g_steal_pointer (&key), g_strdup (password));
  else
    g_hash_table_remove (passwords, key);
  g_mutex_unlock (&passwords_lock);
}

static void
trial_free (gpointer data)
{
  g_auto(GStrv) pair = data;

  if (pair != NULL && pair[1] != NULL)
    memset (pair[1], 0, strlen (pair[1]));
}

void
furrow_server_address_try_password (const char *uri,
                                    const char *password)
{
  g_autofree char *key = uri != NULL ? server_key (uri) : NULL;
  char **pair = NULL;

  if (key != NULL && password != NULL && password[0] != '\0')
    {
      pair = g_new0 (char *, 3);
      pair[0] = g_steal_pointer (&key);
      pair[1] = g_strdup (password);
    }
  g_private_replace (&trial, pair);
}

char *
_furrow_server_address_lookup_password (const char *uri)
{
  g_autofree char *key = server_key (uri);
  char **pair = g_private_get (&trial);
  char *password = NULL;

  if (key == NULL)
    return NULL;
  if (pair != NULL && g_str_equal (pair[0], key))
    return g_strdup (pair[1]);
  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, key));
  g_mutex_unlock (&passwords_lock);
  return password;
}
