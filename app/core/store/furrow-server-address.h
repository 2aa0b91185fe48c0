/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A custody centre's server address (docs/architecture.md, The backend seam, Passwords): a libpq
 * connection URI, postgresql://user@host:port/db, whose parts may also come as parameters
 * (?host=/run/postgresql&user=clerk). A password in it (user:password@, ?password=) is taken
 * out: `uri` is the address without it (and without a project's #CODE), `password` the one it
 * carried, to use once. */
typedef struct
{
  char *uri;       /* the address without any password */
  char *user;      /* "" when it names none (libpq's default, the login name) */
  char *host;      /* a name, an IP address or a socket folder (/…); "" for libpq's default */
  int   port;      /* 5432 when it names none */
  char *dbname;    /* the user's name when it names none, as libpq does */
  char *password;  /* NULL unless the address carried one */
  char *cooperative; /* NULL, or the CODE of a project's postgresql://…#CODE */
} FurrowServerAddress;

/* NULL with FURROW_STORE_ERROR_INVALID and a message a person can act on for anything but a
 * postgresql:// or postgres:// address, one with a #cooperative, or a port that is not one. */
FurrowServerAddress *furrow_server_address_parse        (const char          *uri,
                                                         GError             **error);
void                 furrow_server_address_free         (FurrowServerAddress *self);

/* The password for every connection this process makes to the server of `uri` (its user, host,
 * port and database; a project's #cooperative is ignored), the store's worker threads' too:
 * held in memory only, never written anywhere, given to libpq as its `password` keyword.
 * password NULL or "" forgets it. */
void                 furrow_server_address_set_password (const char          *uri,
                                                         const char          *password);

/* The same for the connections the calling thread makes, until it calls this again with NULL: a
 * password being tried (the connect dialog's worker) replaces none that works. A connection
 * made with it remembers it as above. */
void                 furrow_server_address_try_password (const char          *uri,
                                                         const char          *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowServerAddress, furrow_server_address_free)

G_END_DECLS
