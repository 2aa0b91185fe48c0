/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the server refused a role, in a user's words (furrow-database-pg.c, pg_set_error ()). */

#include "config.h"

#include "furrow-database-pg-refusal.h"

#include <glib/gi18n.h>
#include <string.h>

/* What a refused statement (42501, docs/architecture.md, The backend seam, Roles) was trying to
 * do, in a user's words: from the table PostgreSQL names ("permission denied for table seasons",
 * "new row violates row-level security policy for table \"seasons\"") and whether it deleted.
 * The grants that refuse it are furrow.grant_cooperative ()'s (schema/pg/server.sql). */
const char *
_furrow_pg_permission_action (const char *message,
                              gboolean    deleting)
{
  static const struct
  {
    const char *table;
    const char *change;
    const char *delete;
  } actions[] = {
    { "households", N_("change households"), N_("delete households") },
    { "parcels", N_("change parcels"), N_("delete parcels") },
    { "fields", N_("change fields"), N_("delete fields") },
    { "plans", N_("change plans"), NULL },
    { "yield_presets", N_("change yield presets"), NULL },
    { "harvests", N_("enter harvests or actual costs"), NULL },
    { "season_actual_costs", N_("enter harvests or actual costs"), NULL },
    { "settlements", N_("settle or reopen a season"), NULL },
    { "season_settlements", N_("settle or reopen a season"), NULL },
    { "season_prices", N_("change a season’s money rules"), NULL },
    { "season_costs", N_("change a season’s money rules"), NULL },
    { "season_subsidies", N_("change a season’s money rules"), NULL },
    { "season_other_income", N_("change a season’s money rules"), NULL },
    { "season_fees", N_("change a season’s money rules"), NULL },
    { "season_rules", N_("change a season’s money rules"), NULL },
    { "season_household_operations", N_("change a season’s money rules"), NULL },
    { "payments", N_("change payments"), NULL },
    { "season_objections", N_("record objections"), NULL },
    { "audit_log", N_("change anything in this cooperative"), NULL },
  };
  g_autoptr(GRegex) regex = g_regex_new ("(table|schema) \"?([a-z0-9_]+)\"?", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *table = NULL;

  if (message != NULL && strstr (message, "create role") != NULL)
    return _("add users");
  if (message == NULL || !g_regex_match (regex, message, 0, &match))
    return _("do this");
  kind = g_match_info_fetch (match, 1);
  table = g_match_info_fetch (match, 2);
  if (g_str_equal (kind, "schema"))
    return _("open this cooperative");
  /* A season's row (its state, name, rules): a clerk may mark it harvested, only a manager
   * settles, reopens, creates, renames or deletes it, or changes its rules. */
  if (g_str_equal (table, "seasons"))
    return strstr (message, "row-level security") != NULL
           ? _("settle or reopen a season") : _("change seasons or their money rules");
  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (table, actions[i].table))
      return deleting && actions[i].delete != NULL ? _(actions[i].delete)
                                                         : _(actions[i].change);
  return _("do this");
}
