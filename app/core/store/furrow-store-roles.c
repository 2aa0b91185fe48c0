/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The users and roles of a custody centre's server (docs/architecture.md, The backend seam,
 * Roles): the store's side of `furrow-cli server add-user|grant|revoke`. The roles, grants and row-level
 * security are SQL functions of the server's schema (schema/pg/server.sql); this file checks the
 * names, turns the password into its verifier on the client and calls them. */

#include "config.h"

#include "furrow-store-roles.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-database.h"
#include "furrow-store-private.h"

static const char *const role_names[] = { "manager", "agronomist", "clerk", "viewer" };

gboolean
furrow_role_from_string (const char *text,
                         FurrowRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *role = (FurrowRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
furrow_role_to_string (FurrowRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), NULL);

  return role_names[role];
}

static gboolean
check_user_name (const char  *name,
                 GError     **error)
{
  gsize n = name != NULL ? strlen (name) : 0;
  gboolean ok = n >= 1 && n <= 63 && g_ascii_islower (name[0]) &&
                !g_str_has_prefix (name, "furrow_") && !g_str_has_prefix (name, "coop_") &&
                !g_str_has_prefix (name, "pg_");

  for (gsize i = 0; ok && i < n; i++)
    ok = g_ascii_islower (name[i]) || g_ascii_isdigit (name[i]) || name[i] == '_';
  if (!ok)
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                 _("“%s” is not a user name: use a lowercase letter, then up to 62 lowercase "
                   "letters, digits and _, not beginning furrow_, coop_ or pg_"),
                 name != NULL ? name : "");
  return ok;
}

/* A village's code (12 digits) or a village group's (14), docs/domain.md §2. */
static gboolean
check_village (const char  *village,
               GError     **error)
{
  gsize n = strlen (village);
  gboolean ok = n == 12 || n == 14;

  for (gsize i = 0; ok && i < n; i++)
    ok = g_ascii_isdigit (village[i]);
  if (!ok)
    g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                 _("“%s” is not a village: give the 12 digits of a village’s code or the 14 "
                   "of a village group’s (the beginning of its households’ codes)"), village);
  return ok;
}

/* TRUE when the query (one text parameter) finds a row. */
static gboolean
exists (FurrowDatabase  *database,
        const char      *sql,
        const char      *value,
        gboolean        *found,
        GError         **error)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (database, sql, error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, value);
  *found = furrow_statement_step (stmt, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The cooperative's code in lowercase, or NULL with NOT_FOUND when the server does not hold it. */
static char *
registered_cooperative (FurrowDatabase  *database,
                        const char      *cooperative,
                        GError         **error)
{
  g_autofree char *code = NULL;
  g_autofree char *schema = NULL;
  gboolean found = FALSE;

  if (!_furrow_store_cooperative_schema (cooperative, &code, &schema, error) ||
      !exists (database, "SELECT 1 FROM furrow.cooperatives WHERE code = ?1", code, &found,
               error))
    return NULL;
  if (!found)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("cooperative %s is not on %s"), code, furrow_database_get_path (database));
      return NULL;
    }
  return g_steal_pointer (&code);
}

gboolean
_furrow_store_grant_cooperative (FurrowDatabase  *database,
                                 const char      *code,
                                 GError         **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (database, "SELECT furrow.grant_cooperative (?1)", error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, code);
  return furrow_statement_run (stmt, error);
}

gboolean
furrow_store_server_add_user (const char         *uri,
                              const char         *name,
                              const char         *password,
                              FurrowRole          role,
                              const char         *cooperative,
                              const char * const *villages,
                              GError            **error)
{
  g_autoptr(FurrowDatabase) database = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GString) array = g_string_new ("{");
  g_autofree char *code = NULL;
  g_autofree char *verifier = NULL;
  gboolean taken = FALSE;

  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (!check_user_name (name, error))
    return FALSE;
  for (guint i = 0; villages != NULL && villages[i] != NULL; i++)
    {
      if (!check_village (villages[i], error))
        return FALSE;
      g_string_append_printf (array, "%s%s", i > 0 ? "," : "", villages[i]);
    }
  g_string_append_c (array, '}');
  if (villages != NULL && villages[0] != NULL && role != FURROW_ROLE_CLERK)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("only a clerk is limited to villages; a %s works in every village"),
                   role_names[role]);
      return FALSE;
    }
  if (password[0] == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("the password of %s is empty"), name);
      return FALSE;
    }

  database = _furrow_store_server_connect (uri, error);
  if (database == NULL)
    return FALSE;
  if (cooperative != NULL &&
      (code = registered_cooperative (database, cooperative, error)) == NULL)
    return FALSE;
  if (!exists (database, "SELECT 1 FROM pg_roles WHERE rolname = ?1", name, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_EXISTS,
                   _("%s already has a user %s"), furrow_database_get_path (database), name);
      return FALSE;
    }
  verifier = furrow_database_encrypt_password (database, name, password, error);
  if (verifier == NULL)
    return FALSE;

  /* The role, its membership and its villages in one transaction. */
  if (!furrow_database_exec (database, "BEGIN", error))
    return FALSE;
  stmt = furrow_database_prepare (database, "SELECT furrow.add_user (?1, ?2, ?3, ?4,"
                                            " CAST (?5 AS text[]))", error);
  if (stmt != NULL)
    {
      furrow_statement_bind_text (stmt, 1, name);
      furrow_statement_bind_text (stmt, 2, verifier);
      furrow_statement_bind_text (stmt, 3, role_names[role]);
      furrow_statement_bind_text (stmt, 4, code);
      furrow_statement_bind_text (stmt, 5, array->str);
    }
  if (stmt == NULL || !furrow_statement_run (stmt, error) ||
      !furrow_database_exec (database, "COMMIT", error))
    {
      furrow_database_exec (database, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/* Tells the windows open on the cooperative that `name`'s role changed: the payload "role NAME"
 * on its channel (furrow-store-live.c), delivered at the commit. */
static gboolean
notify_role (FurrowDatabase  *database,
             const char      *code,
             const char      *name,
             GError         **error)
{
  g_autoptr(FurrowStatement) stmt =
    furrow_database_prepare (database, "SELECT pg_notify ('furrow_coop_' || ?1, 'role ' || ?2)",
                             error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, code);
  furrow_statement_bind_text (stmt, 2, name);
  return furrow_statement_run (stmt, error);
}

gboolean
furrow_store_server_grant (const char  *uri,
                           const char  *name,
                           const char  *cooperative,
                           FurrowRole   role,
                           GError     **error)
{
  g_autoptr(FurrowDatabase) database = NULL;
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *code = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), FALSE);

  if (!check_user_name (name, error) ||
      (database = _furrow_store_server_connect (uri, error)) == NULL ||
      (code = registered_cooperative (database, cooperative, error)) == NULL ||
      !exists (database, "SELECT 1 FROM pg_roles WHERE rolname = ?1 AND rolcanlogin", name,
               &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("%s has no user %s: add it with “furrow-cli server add-user” first"),
                   furrow_database_get_path (database), name);
      return FALSE;
    }
  if (!furrow_database_exec (database, "BEGIN", error))
    return FALSE;
  stmt = furrow_database_prepare (database, "SELECT furrow.grant_user (?1, ?2, ?3)", error);
  if (stmt != NULL)
    {
      furrow_statement_bind_text (stmt, 1, name);
      furrow_statement_bind_text (stmt, 2, code);
      furrow_statement_bind_text (stmt, 3, role_names[role]);
    }
  if (stmt == NULL || !furrow_statement_run (stmt, error) ||
      !notify_role (database, code, name, error) ||
      !furrow_database_exec (database, "COMMIT", error))
    {
      furrow_database_exec (database, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

/* The group roles `name` is a direct member of among furrow_<role> (centre-wide) and the
 * cooperatives' coop_<code>_<role>, of cooperative `code` only when it is not NULL. */
static GPtrArray *
group_roles (FurrowDatabase  *database,
             const char      *name,
             const char      *code,
             gboolean         centre_wide,
             GError         **error)
{
  g_autoptr(FurrowStatement) stmt = furrow_database_prepare (database,
    "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
    " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?1 AND r.rolname IN"
    " (SELECT p.prefix || '_' || k.role"
    "  FROM unnest (ARRAY['manager', 'agronomist', 'clerk', 'viewer']) AS k (role),"
    "   (SELECT 'coop_' || code AS prefix FROM furrow.cooperatives"
    "     WHERE CAST (?2 AS text) IS NULL OR code = CAST (?2 AS text)"
    "    UNION ALL SELECT 'furrow' WHERE CAST (?3 AS bigint) = 1) AS p)"
    " ORDER BY r.rolname", error);
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return NULL;
  furrow_statement_bind_text (stmt, 1, name);
  furrow_statement_bind_text (stmt, 2, code);
  furrow_statement_bind_int64 (stmt, 3, centre_wide);
  while (furrow_statement_step (stmt, &local_error))
    g_ptr_array_add (roles, furrow_statement_dup_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&roles);
}

/* Why `name` has nothing to take away: no role at all, or one that holds in every cooperative
 * when a single one was given. */
static gboolean
nothing_to_revoke (FurrowDatabase  *database,
                   const char      *name,
                   const char      *code,
                   GError         **error)
{
  g_autoptr(GPtrArray) everywhere = NULL;
  const char *server = furrow_database_get_path (database);

  if (code == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("%s has no role on %s; nothing was changed"), name, server);
      return FALSE;
    }
  everywhere = group_roles (database, name, NULL, TRUE, error);
  if (everywhere == NULL)
    return FALSE;
  for (guint i = 0; i < everywhere->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (everywhere, i), "furrow_"))
      {
        /* Translators: "li_clerk is clerk in every cooperative of postgresql://…; …" */
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("%s is %s in every cooperative of %s, not in %s alone: revoke it without "
                       "--cooperative; nothing was changed"), name,
                     (const char *) g_ptr_array_index (everywhere, i) + strlen ("furrow_"),
                     server, code);
        return FALSE;
      }
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
               _("%s has no role in cooperative %s; nothing was changed"), name, code);
  return FALSE;
}

/* The REVOKEs, the user's villages when no role is left, and the windows told (inside the
 * caller's transaction). */
static gboolean
revoke_roles (FurrowDatabase  *database,
              const char      *name,
              const char      *code,
              GPtrArray       *roles,
              GError         **error)
{
  g_autoptr(GPtrArray) left = NULL;

  /* The names are checked: a user name, and group roles of the form made above. */
  for (guint i = 0; i < roles->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("REVOKE \"%s\" FROM \"%s\"",
                                              (const char *) g_ptr_array_index (roles, i), name);

      if (!furrow_database_exec (database, sql, error))
        return FALSE;
    }
  left = group_roles (database, name, NULL, TRUE, error);
  if (left == NULL)
    return FALSE;
  if (left->len == 0)
    {
      g_autoptr(FurrowStatement) stmt =
        furrow_database_prepare (database, "DELETE FROM furrow.user_villages "
                                           "WHERE user_name = ?1", error);

      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_text (stmt, 1, name);
      if (!furrow_statement_run (stmt, error))
        return FALSE;
    }
  if (code != NULL)
    return notify_role (database, code, name, error);
  {
    g_autoptr(FurrowStatement) stmt =
      furrow_database_prepare (database, "SELECT pg_notify ('furrow_coop_' || code, 'role ' || ?1)"
                                         " FROM furrow.cooperatives", error);

    if (stmt == NULL)
      return FALSE;
    furrow_statement_bind_text (stmt, 1, name);
    return furrow_statement_run (stmt, error);
  }
}

gboolean
furrow_store_server_revoke (const char   *uri,
                            const char   *name,
                            const char   *cooperative,
                            GStrv        *revoked,
                            GError      **error)
{
  g_autoptr(FurrowDatabase) database = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *code = NULL;
  gboolean found = FALSE;

  if (!check_user_name (name, error) ||
      (database = _furrow_store_server_connect (uri, error)) == NULL ||
      !exists (database, "SELECT 1 FROM pg_roles WHERE rolname = current_user"
                         " AND (rolcreaterole OR rolsuper) AND CAST (?1 AS text) IS NOT NULL", name, &found,
               error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PERMISSION,
                   _("%s: only the server’s administrator (a user allowed to create roles, "
                     "such as postgres) may take a role away; nothing was changed"),
                   furrow_database_get_path (database));
      return FALSE;
    }
  if (cooperative != NULL &&
      (code = registered_cooperative (database, cooperative, error)) == NULL)
    return FALSE;
  if (!exists (database, "SELECT 1 FROM pg_roles WHERE rolname = ?1 AND rolcanlogin", name,
               &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("%s has no user %s; nothing was changed"),
                   furrow_database_get_path (database), name);
      return FALSE;
    }
  if (!furrow_database_exec (database, "BEGIN", error))
    return FALSE;
  roles = group_roles (database, name, code, code == NULL, error);
  if (roles != NULL && roles->len == 0)
    {
      nothing_to_revoke (database, name, code, error);
      g_clear_pointer (&roles, g_ptr_array_unref);
    }
  if (roles == NULL || !revoke_roles (database, name, code, roles, error) ||
      !furrow_database_exec (database, "COMMIT", error))
    {
      furrow_database_exec (database, "ROLLBACK", NULL);
      return FALSE;
    }
  if (revoked != NULL)
    {
      g_ptr_array_add (roles, NULL);
      *revoked = (GStrv) g_ptr_array_steal (roles, NULL);
    }
  return TRUE;
}

/* Which roles may do what: the grants of furrow.grant_cooperative (). */
gboolean
furrow_role_may (FurrowRole       role,
                 FurrowPermission permission)
{
  switch (permission)
    {
    case FURROW_PERMISSION_PRINT:
      return TRUE;
    case FURROW_PERMISSION_PLANS:
    case FURROW_PERMISSION_YIELD_PRESETS:
    case FURROW_PERMISSION_FIELDS:
      return role == FURROW_ROLE_MANAGER || role == FURROW_ROLE_AGRONOMIST;
    case FURROW_PERMISSION_REGISTER:
    case FURROW_PERMISSION_HARVESTS:
      return role == FURROW_ROLE_MANAGER || role == FURROW_ROLE_CLERK;
    case FURROW_PERMISSION_SETTLE:
    case FURROW_PERMISSION_RULES:
    case FURROW_PERMISSION_SEASONS:
    case FURROW_PERMISSION_PAYMENTS:
    case FURROW_PERMISSION_DELETE:
    default:
      return role == FURROW_ROLE_MANAGER;
    }
}

typedef struct
{
  FurrowRole  role;
  GStrv       villages;
} StoreRole;

static void
store_role_free (gpointer data)
{
  StoreRole *known = data;

  g_strfreev (known->villages);
  g_free (known);
}

static GQuark
store_role_quark (void)
{
  return g_quark_from_static_string ("furrow-store-role");
}

/* The role on a server: the cooperative's owner is its manager; otherwise the strongest of the
 * cooperative's group roles coop_<code>_<role> the user is a member of (a member of
 * furrow_<role> is one through it; a superuser is a member of every role). */
static gboolean
read_server_role (FurrowStore  *self,
                  StoreRole    *known,
                  GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) member = NULL;
  const char *villages;

  stmt = furrow_database_prepare (self->database,
    "SELECT pg_has_role (current_user, n.nspowner, 'MEMBER'),"
    " (SELECT string_agg (substr (r.rolname, length (n.nspname) + 2), ' ') FROM pg_roles r"
    "   WHERE r.rolname IN (n.nspname || '_manager', n.nspname || '_agronomist',"
    "                       n.nspname || '_clerk', n.nspname || '_viewer')"
    "     AND pg_has_role (current_user, r.oid, 'MEMBER')),"
    " (SELECT string_agg (village, ' ' ORDER BY village) FROM furrow.user_villages"
    "   WHERE user_name = current_user)"
    " FROM pg_namespace n WHERE n.nspname = ?1", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, self->schema);
  if (!furrow_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("%s has no schema %s"), furrow_database_get_path (self->database),
                     self->schema);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  member = g_strsplit (furrow_statement_get_text (stmt, 1) != NULL
                       ? furrow_statement_get_text (stmt, 1) : "", " ", -1);
  known->role = FURROW_ROLE_VIEWER;
  if (furrow_statement_get_int64 (stmt, 0) != 0)
    known->role = FURROW_ROLE_MANAGER;
  else
    for (guint i = G_N_ELEMENTS (role_names); i-- > 0;)
      if (g_strv_contains ((const char * const *) member, role_names[i]))
        known->role = (FurrowRole) i;
  villages = furrow_statement_get_text (stmt, 2);
  if (villages != NULL && villages[0] != '\0')
    known->villages = g_strsplit (villages, " ", -1);
  return TRUE;
}

gboolean
furrow_store_read_role (FurrowStore  *self,
                        GError      **error)
{
  StoreRole *known = g_new0 (StoreRole, 1);

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);

  known->role = FURROW_ROLE_MANAGER;
  if (furrow_store_is_server (self) && !read_server_role (self, known, error))
    {
      store_role_free (known);
      return FALSE;
    }
  g_object_set_qdata_full (G_OBJECT (self), store_role_quark (), known, store_role_free);
  return TRUE;
}

static StoreRole *
known_role (FurrowStore *self)
{
  StoreRole *known = g_object_get_qdata (G_OBJECT (self), store_role_quark ());
  g_autoptr(GError) error = NULL;

  if (known == NULL && !furrow_store_read_role (self, &error))
    {
      /* The server decides anyway: offer nothing it might refuse. */
      g_debug ("%s", error->message);
      known = g_new0 (StoreRole, 1);
      known->role = FURROW_ROLE_VIEWER;
      g_object_set_qdata_full (G_OBJECT (self), store_role_quark (), known, store_role_free);
    }
  return g_object_get_qdata (G_OBJECT (self), store_role_quark ());
}

void
_furrow_store_follow_role (FurrowStore *self)
{
  StoreRole *was = g_object_get_qdata (G_OBJECT (self), store_role_quark ());
  FurrowRole role = was != NULL ? was->role : FURROW_ROLE_VIEWER;
  g_auto(GStrv) villages = was != NULL ? g_strdupv (was->villages) : NULL;
  g_autoptr(GError) error = NULL;
  StoreRole *now;

  /* Nobody asked yet: the role is read when first asked. */
  if (was == NULL)
    return;
  if (!furrow_store_read_role (self, &error))
    {
      g_debug ("%s", error->message);
      return;
    }
  now = g_object_get_qdata (G_OBJECT (self), store_role_quark ());
  if (now->role != role || g_strv_length (now->villages) != g_strv_length (villages) ||
      (villages != NULL && !g_strv_equal ((const char * const *) now->villages,
                                          (const char * const *) villages)))
    _furrow_store_emit_role_changed (self);
}

FurrowRole
furrow_store_get_role (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), FURROW_ROLE_VIEWER);

  return known_role (self)->role;
}

const char * const *
furrow_store_get_villages (FurrowStore *self)
{
  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  return (const char * const *) known_role (self)->villages;
}
