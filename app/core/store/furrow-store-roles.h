/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store.h"

G_BEGIN_DECLS

/* The roles of a custody centre's server (docs/architecture.md, The backend seam, Roles),
 * enforced by the server's grants and row-level security (schema/pg/server.sql):
 *   MANAGER     everything: settle, reopen, the money rules, seasons, payments, deleting;
 *   AGRONOMIST  plans, yield presets, fields;
 *   CLERK       the register (households and parcels, never deleted), harvest entry, printing,
 *               optionally only in some villages;
 *   VIEWER      reads. */
typedef enum
{
  FURROW_ROLE_MANAGER,
  FURROW_ROLE_AGRONOMIST,
  FURROW_ROLE_CLERK,
  FURROW_ROLE_VIEWER,
} FurrowRole;

/* "manager", "agronomist", "clerk", "viewer"; FALSE for anything else. */
gboolean     furrow_role_from_string       (const char         *text,
                                            FurrowRole         *role);
const char  *furrow_role_to_string         (FurrowRole          role);

/* What a user does in a cooperative, each allowed to the roles whose grants let the database
 * do it (schema/pg/server.sql, furrow.grant_cooperative ()), so that the window offers only
 * what the server would accept (docs/architecture.md, The window, Roles). */
typedef enum
{
  FURROW_PERMISSION_SETTLE,         /* settle and reopen a season: manager */
  FURROW_PERMISSION_RULES,          /* a season's money rules (prices, costs, subsidies, fees,
                                     * the split): manager */
  FURROW_PERMISSION_SEASONS,        /* add and delete seasons: manager */
  FURROW_PERMISSION_PAYMENTS,       /* the notice, objections, bank files and returns: manager */
  FURROW_PERMISSION_DELETE,         /* delete fields, households and parcels: manager */
  FURROW_PERMISSION_PLANS,          /* plan fields in a season: manager, agronomist */
  FURROW_PERMISSION_YIELD_PRESETS,  /* manager, agronomist */
  FURROW_PERMISSION_FIELDS,         /* add, draw and reshape fields: manager, agronomist */
  FURROW_PERMISSION_REGISTER,       /* add and change households and parcels: manager, clerk */
  FURROW_PERMISSION_HARVESTS,       /* enter harvests: manager, clerk */
  FURROW_PERMISSION_PRINT,          /* print and export: every role */
} FurrowPermission;

gboolean     furrow_role_may               (FurrowRole          role,
                                            FurrowPermission    permission);

/* The user's role in the store's cooperative: a file is its user's, a manager's; on a server,
 * the strongest of the cooperative's group roles the user is a member of (directly, or through
 * furrow_<role>), a manager for the cooperative's owner. Read from the server once, then kept;
 * furrow_store_read_role() reads it again. When it cannot be read, VIEWER (the window offers
 * nothing the server might refuse; the server decides anyway). */
FurrowRole   furrow_store_get_role         (FurrowStore        *self);
/* The villages a clerk is limited to (the 12- or 14-digit prefixes of the households' codes,
 * sorted), or NULL for every village. */
const char * const *furrow_store_get_villages (FurrowStore     *self);
/* Reads the role and villages from the server again (a file: manager, every village). */
gboolean     furrow_store_read_role        (FurrowStore        *self,
                                            GError            **error);

/* Adds user name (a LOGIN role: a lowercase letter, then up to 62 lowercase letters, digits and
 * _, not beginning furrow_, coop_ or pg_) with password and role: in every cooperative of the
 * server, or only in cooperative when it is not NULL. villages (NULL or empty for all; each the
 * 12 digits of a village or the 14 of a village group, the prefix of the households' codes)
 * limit what the user reads and changes of the register, for a clerk only. Only the password's
 * SCRAM verifier leaves this process. EXISTS for a name that is taken, NOT_FOUND for a
 * cooperative that is not on the server, INVALID for a bad name or village; the connection must
 * be the administrator's (CREATEROLE). */
gboolean     furrow_store_server_add_user  (const char         *uri,
                                            const char         *name,
                                            const char         *password,
                                            FurrowRole          role,
                                            const char         *cooperative,
                                            const char * const *villages,
                                            GError            **error);
/* Gives user name role in cooperative, in place of any role the user had there (NOT_FOUND for a
 * user or a cooperative that is not there). */
gboolean     furrow_store_server_grant     (const char         *uri,
                                            const char         *name,
                                            const char         *cooperative,
                                            FurrowRole          role,
                                            GError            **error);

/* Takes away the role user name has in cooperative, or, when it is NULL, every role of the
 * user on the server (centre-wide and in each cooperative): the memberships of the group roles
 * are revoked, the user's villages deleted when no role is left, and the windows open on the
 * cooperatives told ("role NAME"), in one transaction; the LOGIN role stays, for a later grant.
 * revoked (optional): the group roles revoked (coop_<code>_<role>, furrow_<role>). PERMISSION
 * when the connection is not the administrator's (CREATEROLE); NOT_FOUND for a user, a
 * cooperative or a role that is not there (a user whose role holds in every cooperative, asked
 * for one: say to revoke it without the cooperative). */
gboolean     furrow_store_server_revoke    (const char         *uri,
                                            const char         *name,
                                            const char         *cooperative,
                                            GStrv              *revoked,
                                            GError            **error);

G_END_DECLS
