/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A season's money rules (prices, costs, subsidies, other income, fees, base rule, split) table by
 * table, and the half-custody operations each household takes. */

#include "config.h"

#include "furrow-store-season-testing.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-store-private.h"
#include "furrow-store-season-private.h"
#include "furrow-store-season-testing.h"

/* ------------------------------------------------------------------------------------------ */
/* The rule tables                                                                            */

/* How one column of a rule table is bound from a row struct and read back into one. */
typedef enum
{
  RULE_TEXT,       /* char[FURROW_SEASON_TEXT_MAX] */
  RULE_STRING,     /* const char *; NULL is SQL NULL */
  RULE_INT64,      /* gint64 */
  RULE_ID,         /* gint64 id of a field; 0 (every field) is NULL in the file */
  RULE_DOUBLE,     /* double */
  RULE_BOOLEAN,    /* gboolean */
  RULE_CROP,       /* FurrowCrop as its string; a row of another crop is not read */
  RULE_BASE_KIND,  /* FurrowBaseKind as its string; fixed when unknown */
} RuleColumnType;

typedef struct
{
  RuleColumnType  type;
  const char     *name;
  gsize           offset;  /* of the member in the table's row struct */
} RuleColumn;

/* The row structs of the two tables that are not a list of the season (FurrowSeasonCost …):
 * a crop's price, and the season's one row of base rule and split. */
typedef struct
{
  FurrowCrop        crop;
  FurrowSeasonPrice price;
} PriceRow;

typedef struct
{
  FurrowBaseRule      base;
  FurrowSurplusSplit  split;
  const char         *reason;
} BaseRuleRow;

/* Room for a row of any table. */
typedef union
{
  PriceRow            price;
  FurrowSeasonCost    cost;
  FurrowSeasonSubsidy subsidy;
  FurrowSeasonIncome  income;
  FurrowSeasonFee     fee;
  BaseRuleRow         base;
} RuleRow;

#define RULE_COLUMN(type, Row, member) { RULE_##type, #member, G_STRUCT_OFFSET (Row, member) }
#define RULE_COLUMN_AS(type, name, Row, member) { RULE_##type, name, G_STRUCT_OFFSET (Row, member) }

static const RuleColumn price_columns[] = {
  RULE_COLUMN (CROP, PriceRow, crop),
  RULE_COLUMN_AS (DOUBLE, "price_fen_per_kg", PriceRow, price.price_fen_per_kg),
  RULE_COLUMN_AS (DOUBLE, "moisture_pct", PriceRow, price.moisture_pct),
};

static const RuleColumn cost_columns[] = {
  RULE_COLUMN (CROP, FurrowSeasonCost, crop),
  RULE_COLUMN (TEXT, FurrowSeasonCost, item),
  RULE_COLUMN (INT64, FurrowSeasonCost, fen_per_mu),
  RULE_COLUMN (ID, FurrowSeasonCost, field_id),
};

static const RuleColumn subsidy_columns[] = {
  RULE_COLUMN (TEXT, FurrowSeasonSubsidy, name),
  RULE_COLUMN (INT64, FurrowSeasonSubsidy, fen_per_mu),
  RULE_COLUMN (BOOLEAN, FurrowSeasonSubsidy, strip_only),
};

static const RuleColumn income_columns[] = {
  RULE_COLUMN (TEXT, FurrowSeasonIncome, name),
  RULE_COLUMN (INT64, FurrowSeasonIncome, fen),
};

static const RuleColumn fee_columns[] = {
  RULE_COLUMN (TEXT, FurrowSeasonFee, operation),
  RULE_COLUMN (INT64, FurrowSeasonFee, fen_per_mu),
};

static const RuleColumn base_rule_columns[] = {
  RULE_COLUMN_AS (BASE_KIND, "base_kind", BaseRuleRow, base.kind),
  RULE_COLUMN_AS (INT64, "base_fen_per_mu", BaseRuleRow, base.fen_per_mu),
  RULE_COLUMN_AS (DOUBLE, "base_kg_per_mu", BaseRuleRow, base.kg_per_mu),
  RULE_COLUMN_AS (DOUBLE, "base_price_fen_per_kg", BaseRuleRow, base.price_fen_per_kg),
  RULE_COLUMN_AS (BOOLEAN, "base_less_cost", BaseRuleRow, base.less_cost_per_mu),
  RULE_COLUMN_AS (INT64, "base_annual_fen_per_mu", BaseRuleRow, base.annual_fen_per_mu),
  RULE_COLUMN_AS (DOUBLE, "base_season_pct", BaseRuleRow, base.season_pct),
  RULE_COLUMN_AS (DOUBLE, "reserve_pct", BaseRuleRow, split.reserve_pct),
  RULE_COLUMN_AS (DOUBLE, "collective_pct", BaseRuleRow, split.collective_pct),
  RULE_COLUMN_AS (DOUBLE, "cooperative_pct", BaseRuleRow, split.cooperative_pct),
  RULE_COLUMN_AS (DOUBLE, "households_pct", BaseRuleRow, split.households_pct),
  RULE_COLUMN_AS (STRING, "split_reason", BaseRuleRow, reason),
};

/* Row i of the prices (one per crop) and of the base rule and split (one), FALSE past the
 * last. */
static gboolean
get_price_row (FurrowSeason *season,
               guint         i,
               gpointer      row)
{
  PriceRow *price = row;

  if (i >= FURROW_N_CROPS)
    return FALSE;
  price->crop = i;
  price->price = *furrow_season_get_price (season, i);
  return TRUE;
}

static gboolean
get_base_rule_row (FurrowSeason *season,
                   guint         i,
                   gpointer      row)
{
  BaseRuleRow *base = row;

  if (i > 0)
    return FALSE;
  base->base = *furrow_season_get_base_rule (season);
  base->split = *furrow_season_get_split (season);
  base->reason = furrow_season_get_split_reason (season);
  return TRUE;
}

/* A row read from the file, given to the season. */
static void
set_price_row (FurrowSeason  *season,
               gconstpointer  row)
{
  const PriceRow *price = row;

  furrow_season_set_price (season, price->crop, price->price.price_fen_per_kg,
                           price->price.moisture_pct);
}

static void
set_cost_row (FurrowSeason  *season,
              gconstpointer  row)
{
  const FurrowSeasonCost *cost = row;

  furrow_season_set_cost (season, cost->crop, cost->item, cost->field_id, cost->fen_per_mu);
}

static void
set_subsidy_row (FurrowSeason  *season,
                 gconstpointer  row)
{
  const FurrowSeasonSubsidy *subsidy = row;

  furrow_season_set_subsidy (season, subsidy->name, subsidy->fen_per_mu, subsidy->strip_only);
}

static void
set_income_row (FurrowSeason  *season,
                gconstpointer  row)
{
  const FurrowSeasonIncome *income = row;

  furrow_season_set_other_income (season, income->name, income->fen);
}

static void
set_fee_row (FurrowSeason  *season,
             gconstpointer  row)
{
  const FurrowSeasonFee *fee = row;

  furrow_season_set_fee (season, fee->operation, fee->fen_per_mu);
}

static void
set_base_rule_row (FurrowSeason  *season,
                   gconstpointer  row)
{
  const BaseRuleRow *base = row;

  furrow_season_set_base_rule (season, &base->base);
  furrow_season_set_split (season, &base->split, base->reason);
}

/* A season's money rules, table by table (docs/architecture.md, The store): the table, its
 * columns (after season_id) in the order of its statements, and the season's rows: a list
 * getter (const Row *(*) (FurrowSeason *, guint *n)) or get_row for the tables that are not a
 * list. Its statements (FurrowRuleStatement) are made from this. */
typedef struct
{
  const char       *table;
  gboolean          ordered;    /* a list: read in the order written (ORDER BY id) */
  const RuleColumn *columns;
  guint             n_columns;
  gsize             row_size;
  GCallback         get_list;
  gboolean        (*get_row) (FurrowSeason  *season,
                              guint          i,
                              gpointer       row);
  void            (*set_row) (FurrowSeason  *season,
                              gconstpointer  row);
} RuleTable;

#define RULE_TABLE(name, Row, rows, ordered, get_list, get_row, set_row) \
  { name, ordered, rows##_columns, G_N_ELEMENTS (rows##_columns), sizeof (Row), \
    G_CALLBACK (get_list), get_row, set_row }

static const RuleTable rule_tables[] = {
  RULE_TABLE ("season_prices", PriceRow, price, FALSE, NULL, get_price_row, set_price_row),
  RULE_TABLE ("season_costs", FurrowSeasonCost, cost, TRUE, furrow_season_get_costs, NULL,
              set_cost_row),
  RULE_TABLE ("season_subsidies", FurrowSeasonSubsidy, subsidy, TRUE,
              furrow_season_get_subsidies, NULL, set_subsidy_row),
  RULE_TABLE ("season_other_income", FurrowSeasonIncome, income, TRUE,
              furrow_season_get_other_income, NULL, set_income_row),
  RULE_TABLE ("season_fees", FurrowSeasonFee, fee, TRUE, furrow_season_get_fees, NULL,
              set_fee_row),
  RULE_TABLE ("season_rules", BaseRuleRow, base_rule, FALSE, NULL, get_base_rule_row,
              set_base_rule_row),
};

G_STATIC_ASSERT (G_N_ELEMENTS (rule_tables) == FURROW_N_RULE_TABLES);

static char *
make_rule_sql (const RuleTable     *table,
               FurrowRuleStatement  statement)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new ("?1");

  for (guint c = 0; c < table->n_columns; c++)
    {
      const RuleColumn *column = &table->columns[c];

      if (statement == FURROW_RULE_SELECT && column->type == RULE_ID)
        g_string_append_printf (names, "%sifnull (%s, 0)", c > 0 ? ", " : "", column->name);
      else
        g_string_append_printf (names, "%s%s", c > 0 ? ", " : "", column->name);
      g_string_append_printf (values, ", ?%u", c + 2);
    }
  switch (statement)
    {
    case FURROW_RULE_SELECT:
      return g_strdup_printf ("SELECT %s FROM %s WHERE season_id = ?1%s", names->str,
                              table->table, table->ordered ? " ORDER BY id" : "");
    case FURROW_RULE_DELETE:
      return g_strdup_printf ("DELETE FROM %s WHERE season_id = ?1", table->table);
    case FURROW_RULE_INSERT:
    case FURROW_N_RULE_STATEMENTS:
    default:
      return g_strdup_printf ("INSERT INTO %s (season_id, %s) VALUES (%s)", table->table,
                              names->str, values->str);
    }
}

static char *
make_rule_cell (guint table,
                guint statement)
{
  return make_rule_sql (&rule_tables[table], statement);
}

const char *
_furrow_season_rule_sql (guint               table,
                         FurrowRuleStatement statement)
{
  static const char *sql[FURROW_N_RULE_TABLES * FURROW_N_RULE_STATEMENTS];
  static gsize made;

  return _furrow_store_sql_once (&made, sql, FURROW_N_RULE_TABLES, FURROW_N_RULE_STATEMENTS,
                                 make_rule_cell, table, statement);
}

/* Row i of the season in `table`: an element of its list, or made into `scratch`; NULL past the
 * last. */
static gconstpointer
rule_table_row (const RuleTable *table,
                FurrowSeason    *season,
                guint            i,
                RuleRow         *scratch)
{
  guint n;
  const guint8 *list;

  if (table->get_list == NULL)
    {
      memset (scratch, 0, sizeof *scratch);
      return table->get_row (season, i, scratch) ? scratch : NULL;
    }
  list = ((gconstpointer (*) (FurrowSeason *, guint *)) table->get_list) (season, &n);
  return i < n ? list + (gsize) i * table->row_size : NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Reading the rules                                                                          */

/* Column `index` of the statement's row into the row struct; FALSE when the row is not read (a
 * crop that Furrow does not know). */
static gboolean
read_rule_column (FurrowStatement  *stmt,
                  int               index,
                  const RuleColumn *column,
                  gpointer          row)
{
  gpointer member = (guint8 *) row + column->offset;
  const char *text;

  switch (column->type)
    {
    case RULE_TEXT:
      text = furrow_statement_get_text (stmt, index);
      g_strlcpy (member, text != NULL ? text : "", FURROW_SEASON_TEXT_MAX);
      return TRUE;
    case RULE_STRING:
      *(const char **) member = furrow_statement_get_text (stmt, index);
      return TRUE;
    case RULE_INT64:
    case RULE_ID:
      *(gint64 *) member = furrow_statement_get_int64 (stmt, index);
      return TRUE;
    case RULE_DOUBLE:
      *(double *) member = furrow_statement_get_double (stmt, index);
      return TRUE;
    case RULE_BOOLEAN:
      *(gboolean *) member = furrow_statement_get_boolean (stmt, index);
      return TRUE;
    case RULE_CROP:
      return furrow_crop_from_string (furrow_statement_get_text (stmt, index), member);
    case RULE_BASE_KIND:
      text = furrow_statement_get_text (stmt, index);
      *(FurrowBaseKind *) member = FURROW_BASE_FIXED;
      for (FurrowBaseKind kind = FURROW_BASE_FIXED; kind <= FURROW_BASE_ANNUAL_SHARE; kind++)
        if (g_strcmp0 (text, furrow_base_kind_to_string (kind)) == 0)
          *(FurrowBaseKind *) member = kind;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  const RuleTable *table;
  FurrowSeason    *season;
} RuleRead;

static void
read_rule_row (FurrowStatement *stmt,
               gpointer         user_data)
{
  const RuleRead *read = user_data;
  RuleRow row;

  memset (&row, 0, sizeof row);
  for (guint c = 0; c < read->table->n_columns; c++)
    if (!read_rule_column (stmt, (int) c, &read->table->columns[c], &row))
      return;
  read->table->set_row (read->season, &row);
}

/* The six tables read with one round trip on a server (furrow_database_start_all()). */
gboolean
_furrow_season_load_rules (FurrowStore   *self,
                           FurrowSeason  *season,
                           GError       **error)
{
  FurrowDatabase *database = _furrow_store_get_database (self);
  FurrowStatement *stmts[G_N_ELEMENTS (rule_tables)] = { NULL };
  g_autoptr(GError) local_error = NULL;
  guint n = 0;

  for (; n < G_N_ELEMENTS (rule_tables); n++)
    {
      const char *sql = _furrow_season_rule_sql (n, FURROW_RULE_SELECT);

      stmts[n] = furrow_database_prepare (database, sql, &local_error);
      if (stmts[n] == NULL)
        break;
      furrow_statement_bind_int64 (stmts[n], 1, furrow_season_get_id (season));
    }
  if (local_error == NULL)
    furrow_database_start_all (database, stmts, n, &local_error);
  for (guint t = 0; t < n; t++)
    {
      RuleRead read = { &rule_tables[t], season };

      while (local_error == NULL && furrow_statement_step (stmts[t], &local_error))
        read_rule_row (stmts[t], &read);
      furrow_statement_release (stmts[t]);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Writing the rules                                                                          */

/* The member of the row struct into parameter `index` of the statement. */
static void
bind_rule_column (FurrowStatement  *stmt,
                  int               index,
                  const RuleColumn *column,
                  gconstpointer     row)
{
  gconstpointer member = (const guint8 *) row + column->offset;

  switch (column->type)
    {
    case RULE_TEXT:
      furrow_statement_bind_text (stmt, index, member);
      break;
    case RULE_STRING:
      furrow_statement_bind_text (stmt, index, *(const char * const *) member);
      break;
    case RULE_INT64:
      furrow_statement_bind_int64 (stmt, index, *(const gint64 *) member);
      break;
    case RULE_ID:
      furrow_statement_bind_id (stmt, index, *(const gint64 *) member);
      break;
    case RULE_DOUBLE:
      furrow_statement_bind_double (stmt, index, *(const double *) member);
      break;
    case RULE_BOOLEAN:
      furrow_statement_bind_boolean (stmt, index, *(const gboolean *) member);
      break;
    case RULE_CROP:
      furrow_statement_bind_text (stmt, index,
                                  furrow_crop_to_string (*(const FurrowCrop *) member));
      break;
    case RULE_BASE_KIND:
      furrow_statement_bind_text (stmt, index,
                                  furrow_base_kind_to_string (*(const FurrowBaseKind *) member));
      break;
    default:
      g_assert_not_reached ();
    }
}

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

  for (guint t = 0; t < G_N_ELEMENTS (rule_tables); t++)
    {
      const RuleTable *table = &rule_tables[t];
      gconstpointer row;
      RuleRow scratch;

      if (!_furrow_season_run (self, _furrow_season_rule_sql (t, FURROW_RULE_DELETE), id, error))
        return FALSE;
      for (guint i = 0; (row = rule_table_row (table, season, i, &scratch)) != NULL; i++)
        {
          g_autoptr(FurrowStatement) stmt =
            _furrow_season_prepare (self, _furrow_season_rule_sql (t, FURROW_RULE_INSERT), error);
          GError *local_error = NULL;

          if (stmt == NULL)
            return FALSE;
          furrow_statement_bind_int64 (stmt, 1, id);
          for (guint c = 0; c < table->n_columns; c++)
            bind_rule_column (stmt, (int) c + 2, &table->columns[c], row);
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
            _furrow_season_prepare (self, "INSERT INTO season_household_operations "
                                          "(season_id, household_id, operation) "
                                          "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", error);
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
