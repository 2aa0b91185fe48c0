/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A season's money rules (prices, costs, subsidies, other income, fees, base rule, split) table by
 * table, and the half-custody operations each household takes. */

#include "config.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-store-private.h"
#include "furrow-store-season-private.h"
#include "furrow-store-season-testing.h"

/* ------------------------------------------------------------------------------------------ */
/* Reading the rules                                                                          */

static void
read_price (FurrowStatement *stmt,
            gpointer         season)
{
  FurrowCrop crop;

  if (furrow_crop_from_string (furrow_statement_get_text (stmt, 0), &crop))
    furrow_season_set_price (season, crop, furrow_statement_get_double (stmt, 1),
                             furrow_statement_get_double (stmt, 2));
}

static void
read_cost (FurrowStatement *stmt,
           gpointer         season)
{
  FurrowCrop crop;

  if (furrow_crop_from_string (furrow_statement_get_text (stmt, 0), &crop))
    furrow_season_set_cost (season, crop, furrow_statement_get_text (stmt, 1),
                            furrow_statement_get_int64 (stmt, 3),
                            furrow_statement_get_int64 (stmt, 2));
}

static void
read_subsidy (FurrowStatement *stmt,
              gpointer         season)
{
  furrow_season_set_subsidy (season, furrow_statement_get_text (stmt, 0),
                             furrow_statement_get_int64 (stmt, 1),
                             furrow_statement_get_boolean (stmt, 2));
}

static void
read_other_income (FurrowStatement *stmt,
                   gpointer         season)
{
  furrow_season_set_other_income (season, furrow_statement_get_text (stmt, 0),
                                  furrow_statement_get_int64 (stmt, 1));
}

static void
read_fee (FurrowStatement *stmt,
          gpointer         season)
{
  furrow_season_set_fee (season, furrow_statement_get_text (stmt, 0),
                         furrow_statement_get_int64 (stmt, 1));
}

static void
read_base_and_split (FurrowStatement *stmt,
                     gpointer         season)
{
  FurrowBaseRule base = { 0 };
  FurrowSurplusSplit split;
  const char *kind = furrow_statement_get_text (stmt, 0);

  base.kind = g_strcmp0 (kind, "in_kind") == 0 ? FURROW_BASE_IN_KIND
            : g_strcmp0 (kind, "annual_share") == 0 ? FURROW_BASE_ANNUAL_SHARE
            : FURROW_BASE_FIXED;
  base.fen_per_mu = furrow_statement_get_int64 (stmt, 1);
  base.kg_per_mu = furrow_statement_get_double (stmt, 2);
  base.price_fen_per_kg = furrow_statement_get_double (stmt, 3);
  base.less_cost_per_mu = furrow_statement_get_boolean (stmt, 4);
  base.annual_fen_per_mu = furrow_statement_get_int64 (stmt, 5);
  base.season_pct = furrow_statement_get_double (stmt, 6);
  split.reserve_pct = furrow_statement_get_double (stmt, 7);
  split.collective_pct = furrow_statement_get_double (stmt, 8);
  split.cooperative_pct = furrow_statement_get_double (stmt, 9);
  split.households_pct = furrow_statement_get_double (stmt, 10);
  furrow_season_set_base_rule (season, &base);
  furrow_season_set_split (season, &split, furrow_statement_get_text (stmt, 11));
}

/* A season's money rules, table by table: the query (?1 the season id) and what a row sets. */
static const struct
{
  const char    *sql;
  FurrowSeasonRowFunc  read;
} rule_reads[] = {
  { "SELECT crop, price_fen_per_kg, moisture_pct FROM season_prices WHERE season_id = ?1",
    read_price },
  { "SELECT crop, item, fen_per_mu, ifnull (field_id, 0) FROM season_costs "
    "WHERE season_id = ?1 ORDER BY id", read_cost },
  { "SELECT name, fen_per_mu, strip_only FROM season_subsidies WHERE season_id = ?1 ORDER BY id",
    read_subsidy },
  { "SELECT name, fen FROM season_other_income WHERE season_id = ?1 ORDER BY id",
    read_other_income },
  { "SELECT operation, fen_per_mu FROM season_fees WHERE season_id = ?1 ORDER BY id", read_fee },
  { "SELECT base_kind, base_fen_per_mu, base_kg_per_mu, base_price_fen_per_kg, base_less_cost, "
    "base_annual_fen_per_mu, base_season_pct, reserve_pct, collective_pct, cooperative_pct, "
    "households_pct, split_reason FROM season_rules WHERE season_id = ?1", read_base_and_split },
};

gboolean
_furrow_season_load_rules (FurrowStore   *self,
                           FurrowSeason  *season,
                           GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_reads); i++)
    if (!_furrow_season_foreach_row (self, rule_reads[i].sql, furrow_season_get_id (season),
                                     rule_reads[i].read, season, error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Writing the rules                                                                          */

/* The row binders of rule_writes: bind row i of one rule table (?2 onwards) and return TRUE, or
 * return FALSE when the season has no row i. */
static gboolean
bind_price (FurrowStatement *stmt,
            FurrowSeason    *season,
            guint            crop)
{
  const FurrowSeasonPrice *price;

  if (crop >= FURROW_N_CROPS)
    return FALSE;
  price = furrow_season_get_price (season, crop);
  furrow_statement_bind_text (stmt, 2, furrow_crop_to_string (crop));
  furrow_statement_bind_double (stmt, 3, price->price_fen_per_kg);
  furrow_statement_bind_double (stmt, 4, price->moisture_pct);
  return TRUE;
}

static gboolean
bind_cost (FurrowStatement *stmt,
           FurrowSeason    *season,
           guint            i)
{
  guint n;
  const FurrowSeasonCost *costs = furrow_season_get_costs (season, &n);

  if (i >= n)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, furrow_crop_to_string (costs[i].crop));
  furrow_statement_bind_text (stmt, 3, costs[i].item);
  furrow_statement_bind_int64 (stmt, 4, costs[i].fen_per_mu);
  furrow_statement_bind_id (stmt, 5, costs[i].field_id);
  return TRUE;
}

static gboolean
bind_subsidy (FurrowStatement *stmt,
              FurrowSeason    *season,
              guint            i)
{
  guint n;
  const FurrowSeasonSubsidy *subsidies = furrow_season_get_subsidies (season, &n);

  if (i >= n)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, subsidies[i].name);
  furrow_statement_bind_int64 (stmt, 3, subsidies[i].fen_per_mu);
  furrow_statement_bind_boolean (stmt, 4, subsidies[i].strip_only);
  return TRUE;
}

static gboolean
bind_other_income (FurrowStatement *stmt,
                   FurrowSeason    *season,
                   guint            i)
{
  guint n;
  const FurrowSeasonIncome *income = furrow_season_get_other_income (season, &n);

  if (i >= n)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, income[i].name);
  furrow_statement_bind_int64 (stmt, 3, income[i].fen);
  return TRUE;
}

static gboolean
bind_fee (FurrowStatement *stmt,
          FurrowSeason    *season,
          guint            i)
{
  guint n;
  const FurrowSeasonFee *fees = furrow_season_get_fees (season, &n);

  if (i >= n)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, fees[i].operation);
  furrow_statement_bind_int64 (stmt, 3, fees[i].fen_per_mu);
  return TRUE;
}

static gboolean
bind_base_and_split (FurrowStatement *stmt,
                     FurrowSeason    *season,
                     guint            i)
{
  const FurrowBaseRule *base = furrow_season_get_base_rule (season);
  const FurrowSurplusSplit *split = furrow_season_get_split (season);

  if (i > 0)
    return FALSE;
  furrow_statement_bind_text (stmt, 2, furrow_base_kind_to_string (base->kind));
  furrow_statement_bind_int64 (stmt, 3, base->fen_per_mu);
  furrow_statement_bind_double (stmt, 4, base->kg_per_mu);
  furrow_statement_bind_double (stmt, 5, base->price_fen_per_kg);
  furrow_statement_bind_boolean (stmt, 6, base->less_cost_per_mu);
  furrow_statement_bind_int64 (stmt, 7, base->annual_fen_per_mu);
  furrow_statement_bind_double (stmt, 8, base->season_pct);
  furrow_statement_bind_double (stmt, 9, split->reserve_pct);
  furrow_statement_bind_double (stmt, 10, split->collective_pct);
  furrow_statement_bind_double (stmt, 11, split->cooperative_pct);
  furrow_statement_bind_double (stmt, 12, split->households_pct);
  furrow_statement_bind_text (stmt, 13, furrow_season_get_split_reason (season));
  return TRUE;
}

/* A season's money rules, table by table: emptied (?1 the season id), then one insert per row
 * (?1 the season id, the rest bound by `bind` for rows 0, 1, … until it returns FALSE). */
static const struct
{
  const char *clear;
  const char *insert;
  gboolean  (*bind) (FurrowStatement *stmt,
                     FurrowSeason    *season,
                     guint            i);
} rule_writes[] = {
  { "DELETE FROM season_prices WHERE season_id = ?1",
    "INSERT INTO season_prices (season_id, crop, price_fen_per_kg, moisture_pct) "
    "VALUES (?1, ?2, ?3, ?4)", bind_price },
  { "DELETE FROM season_costs WHERE season_id = ?1",
    "INSERT INTO season_costs (season_id, crop, item, fen_per_mu, field_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5)", bind_cost },
  { "DELETE FROM season_subsidies WHERE season_id = ?1",
    "INSERT INTO season_subsidies (season_id, name, fen_per_mu, strip_only) "
    "VALUES (?1, ?2, ?3, ?4)", bind_subsidy },
  { "DELETE FROM season_other_income WHERE season_id = ?1",
    "INSERT INTO season_other_income (season_id, name, fen) VALUES (?1, ?2, ?3)",
    bind_other_income },
  { "DELETE FROM season_fees WHERE season_id = ?1",
    "INSERT INTO season_fees (season_id, operation, fen_per_mu) VALUES (?1, ?2, ?3)",
    bind_fee },
  { "DELETE FROM season_rules WHERE season_id = ?1",
    "INSERT INTO season_rules (season_id, base_kind, base_fen_per_mu, base_kg_per_mu, "
    "base_price_fen_per_kg, base_less_cost, base_annual_fen_per_mu, base_season_pct, "
    "reserve_pct, collective_pct, cooperative_pct, households_pct, split_reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    bind_base_and_split },
};

/* A rule the schema refused (local_error, taken): a cost override of a field that is gone, or a
 * negative amount or empty name. */
static gboolean
rules_write_error (FurrowStore   *self,
                   FurrowSeason  *season,
                   GError        *local_error,
                   GError       **error)
{
  guint n;
  const FurrowSeasonCost *costs = furrow_season_get_costs (season, &n);

  if (!g_error_matches (local_error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CONSTRAINT))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_error_free (local_error);
  for (guint i = 0; i < n; i++)
    if (costs[i].field_id > 0 && !_furrow_season_field_in_file (self, costs[i].field_id))
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("season “%s”: a cost override names a field that is not in the project"),
                     furrow_season_get_name (season));
        return FALSE;
      }
  g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
               _("season “%s”: a price, cost, subsidy, income or fee is negative or has no "
                 "name"), furrow_season_get_name (season));
  return FALSE;
}

gboolean
_furrow_season_write_rules (FurrowStore   *self,
                            FurrowSeason  *season,
                            GError       **error)
{
  gint64 id = furrow_season_get_id (season);

  for (guint t = 0; t < G_N_ELEMENTS (rule_writes); t++)
    {
      if (!_furrow_season_run (self, rule_writes[t].clear, id, error))
        return FALSE;
      for (guint i = 0;; i++)
        {
          g_autoptr(FurrowStatement) stmt =
            _furrow_season_prepare (self, rule_writes[t].insert, error);
          GError *local_error = NULL;

          if (stmt == NULL)
            return FALSE;
          if (!rule_writes[t].bind (stmt, season, i))
            break;
          furrow_statement_bind_int64 (stmt, 1, id);
          if (!furrow_statement_run (stmt, &local_error))
            return rules_write_error (self, season, local_error, error);
        }
    }
  return TRUE;
}

/* The lines of `after` not in `before` ("+ …") and of `before` not in `after` ("- …"). */
char *
_furrow_season_rules_diff (const char *before,
                           const char *after)
{
  g_auto(GStrv) a = g_strsplit (before ? before : "", "\n", -1);
  g_auto(GStrv) b = g_strsplit (after, "\n", -1);
  GString *diff = g_string_new (NULL);

  for (guint i = 0; a[i] != NULL; i++)
    if (*a[i] != '\0' && !g_strv_contains ((const char * const *) b, a[i]))
      g_string_append_printf (diff, "%s- %s", diff->len ? "\n" : "", a[i]);
  for (guint i = 0; b[i] != NULL; i++)
    if (*b[i] != '\0' && !g_strv_contains ((const char * const *) a, b[i]))
      g_string_append_printf (diff, "%s+ %s", diff->len ? "\n" : "", b[i]);
  return g_string_free (diff, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* Half-custody operations per household                                                     */

/* The season's fee of `operation`, or −1 when the season has no such operation. */
static gint64
season_fee (FurrowSeason *season,
            const char   *operation)
{
  guint n;
  const FurrowSeasonFee *fees = furrow_season_get_fees (season, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (fees[i].operation, operation) == 0)
      return fees[i].fen_per_mu;
  return -1;
}

static void
read_household_operation (FurrowStatement *stmt,
                          gpointer         chosen)
{
  gint64 id = furrow_statement_get_int64 (stmt, 0);
  GPtrArray *ops = g_hash_table_lookup (chosen, &id);

  if (ops == NULL)
    {
      ops = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (chosen, g_memdup2 (&id, sizeof id), ops);
    }
  g_ptr_array_add (ops, furrow_statement_dup_text (stmt, 1));
}

/* household id → GPtrArray of its chosen operations ("" for none), for households that chose. */
GHashTable *
_furrow_season_load_operations (FurrowStore   *self,
                                FurrowSeason  *season,
                                GError       **error)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);

  if (!_furrow_season_foreach_row (self, "SELECT household_id, operation FROM "
                                         "season_household_operations WHERE season_id = ?1 "
                                         "ORDER BY household_id, id",
                                   furrow_season_get_id (season), read_household_operation, chosen,
                                   error))
    return NULL;
  return g_steal_pointer (&chosen);
}

/* Each household's fee per mu: the sum of the season's fees of the operations it takes. */
gint64
_furrow_season_operations_fee (FurrowSeason *season,
                               GPtrArray    *ops)
{
  gint64 sum = 0;

  if (ops == NULL)
    return furrow_season_fees_fen_per_mu (season);
  for (guint i = 0; i < ops->len; i++)
    {
      gint64 fee = season_fee (season, ops->pdata[i]);

      if (fee > 0)
        sum += fee;
    }
  return sum;
}

gboolean
_furrow_season_set_operations (FurrowStore        *self,
                               FurrowSeason       *season,
                               FurrowHousehold    *household,
                               const char * const *operations,
                               GError            **error)
{
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;
  g_autofree char *list = NULL;
  gint64 id = furrow_household_get_id (household);

  if (!_furrow_season_check_writable (self, season, error))
    return FALSE;
  {
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, "DELETE FROM season_household_operations "
                                    "WHERE season_id = ?1 AND household_id = ?2", error);
    if (stmt == NULL)
      return FALSE;
    furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
    furrow_statement_bind_int64 (stmt, 2, id);
    if (!furrow_statement_run (stmt, error))
      return FALSE;
  }
  if (operations != NULL)
    {
      /* None: one row with an empty operation. */
      const char *none[] = { "", NULL };
      const char * const *rows = operations[0] != NULL ? operations : none;

      for (guint i = 0; rows[i] != NULL; i++)
        {
          g_autoptr(FurrowStatement) stmt =
            _furrow_season_prepare (self, "INSERT OR IGNORE INTO season_household_operations "
                                          "(season_id, household_id, operation) "
                                          "VALUES (?1, ?2, ?3)", error);
          if (stmt == NULL)
            return FALSE;
          furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
          furrow_statement_bind_int64 (stmt, 2, id);
          furrow_statement_bind_text (stmt, 3, rows[i]);
          if (!furrow_statement_run (stmt, error))
            return FALSE;
        }
    }
  list = operations == NULL ? g_strdup ("all")
         : operations[0] == NULL ? g_strdup ("none")
         : g_strjoinv (",", (char **) operations);
  detail = g_strdup_printf ("household %s operations %s", furrow_household_get_code (household),
                            list);
  return _furrow_store_audit (self, "season.operations", object, detail, error);
}

gboolean
furrow_store_set_household_operations (FurrowStore        *self,
                                       FurrowSeason       *season,
                                       const char         *household_code,
                                       const char * const *operations,
                                       GError            **error)
{
  g_autoptr(FurrowHousehold) household = NULL;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (household_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  household = furrow_store_find_household (self, household_code);
  if (household == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("There is no household %s"), household_code);
      return FALSE;
    }
  for (guint i = 0; operations != NULL && operations[i] != NULL; i++)
    if (season_fee (season, operations[i]) < 0)
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                     _("season “%s” has no service fee for the operation “%s”; set it first "
                       "(furrow-cli season set-fee)"), furrow_season_get_name (season),
                     operations[i]);
        return FALSE;
      }

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = _furrow_season_set_operations (self, season, household, operations, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_OPERATIONS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

GStrv
furrow_store_get_household_operations (FurrowStore   *self,
                                       FurrowSeason  *season,
                                       const char    *household_code,
                                       gboolean      *all,
                                       GError       **error)
{
  g_autoptr(FurrowHousehold) household = NULL;
  g_autoptr(GHashTable) chosen = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *ops;
  const FurrowSeasonFee *fees;
  guint n;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (household_code != NULL, NULL);

  household = furrow_store_find_household (self, household_code);
  if (household == NULL)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("There is no household %s"), household_code);
      return NULL;
    }
  chosen = _furrow_season_load_operations (self, season, error);
  if (chosen == NULL)
    return NULL;
  ops = g_hash_table_lookup (chosen, &(gint64) { furrow_household_get_id (household) });
  if (all != NULL)
    *all = ops == NULL;
  fees = furrow_season_get_fees (season, &n);
  for (guint i = 0; i < n; i++)
    {
      gboolean takes = ops == NULL;

      for (guint k = 0; !takes && k < ops->len; k++)
        takes = strcmp (ops->pdata[k], fees[i].operation) == 0;
      if (takes)
        g_strv_builder_add (builder, fees[i].operation);
    }
  return g_strv_builder_end (builder);
}
