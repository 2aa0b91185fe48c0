/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settling a season: the settlement engine's input from the season's actuals (or its prediction),
 * the frozen settlement rows and totals, reopening, and the audit of printed statements. */

#include "config.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "furrow-store-private.h"
#include "furrow-store-restore.h"
#include "furrow-store-season-private.h"
#include "furrow-units.h"

/* ------------------------------------------------------------------------------------------ */
/* Settlement                                                                                 */

void
furrow_season_settlement_input_free (FurrowSeasonSettlementInput *input)
{
  if (input == NULL)
    return;
  g_free (input->households);
  g_free (input->household_ids);
  g_strfreev (input->strings);
  g_free (input);
}

typedef struct
{
  gint64        id;
  const char   *code;
  const char   *name;
  double        full_m2;
  double        half_m2;
  gboolean      any_full;
  gboolean      any_half;
  gint64        fee_fen_per_mu;  /* the operations it takes */
} HouseholdArea;

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const HouseholdArea *) a)->code, ((const HouseholdArea *) b)->code);
}

/* For g_ptr_array_sort(): pointers to FurrowHousehold pointers. */
static int
compare_household_codes (gconstpointer a,
                         gconstpointer b)
{
  return g_strcmp0 (furrow_household_get_code (*(FurrowHousehold * const *) a),
                    furrow_household_get_code (*(FurrowHousehold * const *) b));
}

static gboolean
household_fees (FurrowStore   *self,
                FurrowSeason  *season,
                GArray        *areas,
                GError       **error)
{
  g_autoptr(GHashTable) chosen = _furrow_season_load_operations (self, season, error);

  if (chosen == NULL)
    return FALSE;
  for (guint i = 0; i < areas->len; i++)
    {
      HouseholdArea *a = &g_array_index (areas, HouseholdArea, i);

      a->fee_fen_per_mu = _furrow_season_operations_fee (season,
                                                         g_hash_table_lookup (chosen, &a->id));
    }
  return TRUE;
}

static FurrowSeasonSettlementInput *
build_input (FurrowStore   *self,
             FurrowSeason  *season,
             const char    *reason,
             gboolean       predicted,
             GError       **error)
{
  g_autoptr(FurrowSeasonSettlementInput) out = g_new0 (FurrowSeasonSettlementInput, 1);
  g_autoptr(GArray) fields = NULL;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) areas = NULL;
  g_autoptr(GStrvBuilder) strings = g_strv_builder_new ();
  g_auto(GStrv) owned = NULL;
  FurrowEconomicsComparison total;
  gint64 season_cost_fen = 0;
  guint n_households;
  gsize n = 0;
  gsize s = 0;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  fields = furrow_store_get_season_fields (self, season, &season_cost_fen, error);
  if (fields == NULL)
    return NULL;
  furrow_economics_season ((const FurrowEconomicsField *) fields->data, fields->len,
                           furrow_season_other_income_fen (season), season_cost_fen, NULL,
                           &total);

  households = furrow_store_get_households (self);
  parcels = furrow_store_get_parcels (self);
  n_households = g_list_model_get_n_items (households);
  areas = g_array_sized_new (FALSE, TRUE, sizeof (HouseholdArea), n_households);
  g_array_set_size (areas, n_households);
  for (guint i = 0; i < n_households; i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);
      HouseholdArea *a = &g_array_index (areas, HouseholdArea, i);

      a->id = furrow_household_get_id (household);
      g_strv_builder_add (strings, furrow_household_get_code (household));
      g_strv_builder_add (strings, furrow_household_get_name (household));
    }
  /* Only once every string is in: the builder's array then stays as it is. */
  owned = g_strv_builder_end (strings);
  for (guint i = 0; i < n_households; i++)
    {
      HouseholdArea *a = &g_array_index (areas, HouseholdArea, i);

      a->code = owned[2 * i];
      a->name = owned[2 * i + 1];
      g_hash_table_insert (by_code, (gpointer) a->code, a);
    }
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      HouseholdArea *a = g_hash_table_lookup (by_code,
                                              furrow_parcel_get_household_code (parcel));

      if (a == NULL)
        continue;
      if (furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_FULL)
        {
          a->any_full = TRUE;
          a->full_m2 += furrow_parcel_get_registered_area_m2 (parcel);
        }
      else
        {
          a->any_half = TRUE;
          a->half_m2 += furrow_parcel_get_registered_area_m2 (parcel);
        }
    }
  if (!household_fees (self, season, areas, error))
    return NULL;
  g_array_sort (areas, compare_codes);

  out->households = g_new0 (FurrowDistributionHousehold, n_households + 1);
  out->household_ids = g_new0 (gint64, n_households + 1);
  for (guint i = 0; i < n_households; i++)
    {
      const HouseholdArea *a = &g_array_index (areas, HouseholdArea, i);
      FurrowDistributionHousehold *h = &out->households[n];

      if (!a->any_full && !a->any_half)
        continue;
      h->code = a->code;
      h->name = a->name;
      /* A household with any full-custody parcel is in the pool with those parcels; one with
       * only half-custody parcels is billed the season's fees on them. */
      if (a->any_full)
        {
          h->custody = FURROW_CUSTODY_FULL;
          h->area_mu = furrow_economics_area_cmu (a->full_m2) / 100.0;
          /* Its half-custody land, if any, is billed the fees of its operations. */
          if (a->any_half && a->fee_fen_per_mu > 0)
            {
              h->fee_area_mu = furrow_economics_area_cmu (a->half_m2) / 100.0;
              h->fee_fen_per_mu = h->fee_area_mu > 0.0 ? a->fee_fen_per_mu : 0;
            }
        }
      else
        {
          h->custody = FURROW_CUSTODY_HALF;
          h->area_mu = furrow_economics_area_cmu (a->half_m2) / 100.0;
          h->fee_fen_per_mu = a->fee_fen_per_mu;
        }
      out->household_ids[n] = a->id;
      n++;
    }

  if (reason == NULL || *reason == '\0')
    reason = furrow_season_get_split_reason (season);
  out->strings = g_steal_pointer (&owned);
  if (reason != NULL)
    {
      guint len = g_strv_length (out->strings);

      out->strings = g_renew (char *, out->strings, len + 2);
      out->strings[len] = g_strdup (reason);
      out->strings[len + 1] = NULL;
      s = len;
      /* g_renew may move the array but not the strings: the household pointers stay valid. */
    }

  {
    const FurrowEconomicsFigures *side = predicted ? &total.predicted : &total.actual;

    out->input.revenue_fen = side->revenue_total_fen;
    out->input.cost_is_total = TRUE;
    out->input.cost_fen = side->cost_fen;
    out->input.other_income_fen = side->other_income_fen;
    out->input.subsidy_fen = side->subsidy_fen;
  }
  out->input.base = *furrow_season_get_base_rule (season);
  out->input.split = *furrow_season_get_split (season);
  out->input.reason = reason != NULL ? out->strings[s] : NULL;
  out->input.households = out->households;
  out->input.n_households = n;
  return g_steal_pointer (&out);
}

FurrowSeasonSettlementInput *
furrow_store_build_settlement_input (FurrowStore   *self,
                                     FurrowSeason  *season,
                                     const char    *reason,
                                     GError       **error)
{
  return build_input (self, season, reason, FALSE, error);
}

FurrowSeasonSettlementInput *
furrow_store_build_prediction_input (FurrowStore   *self,
                                     FurrowSeason  *season,
                                     GError       **error)
{
  return build_input (self, season, NULL, TRUE, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Before settling                                                                            */

/* "CODE NAME", or the code alone when there is no name (transfer full). */
static char *
code_and_name (const char *code,
               const char *name)
{
  if (name == NULL || *name == '\0')
    return g_strdup (code != NULL ? code : "");
  return g_strdup_printf ("%s %s", code != NULL ? code : "", name);
}

typedef struct
{
  double   full_m2;
  gboolean any_parcel;
  gboolean any_half;
} CheckHousehold;

FurrowSettleCheck *
furrow_store_check_settlement (FurrowStore   *self,
                               FurrowSeason  *season,
                               GError       **error)
{
  g_autoptr(FurrowSettleCheck) check = furrow_settle_check_new ();
  g_autoptr(GArray) plans = NULL;
  g_autoptr(GArray) harvests = NULL;
  g_autoptr(GHashTable) chosen = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GHashTable) field_area = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            g_free);
  g_autoptr(GHashTable) harvested = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           NULL);
  g_autoptr(GHashTable) planned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean grows[FURROW_N_CROPS] = { FALSE, FALSE };
  guint n_custody_fields = 0;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!_furrow_season_read_field_records (self, season, &plans, &harvests, error))
    return NULL;
  chosen = _furrow_season_load_operations (self, season, error);
  if (chosen == NULL)
    return NULL;
  fields = furrow_store_get_fields (self);
  households = furrow_store_get_households (self);
  parcels = furrow_store_get_parcels (self);

  /* Who holds what: full-custody area per field, parcels per household. */
  for (guint i = 0; i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);

      g_hash_table_insert (by_code, (gpointer) furrow_household_get_code (household),
                           g_new0 (CheckHousehold, 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      CheckHousehold *h = g_hash_table_lookup (by_code,
                                               furrow_parcel_get_household_code (parcel));
      gint64 field_id = furrow_parcel_get_field_id (parcel);

      if (h != NULL)
        {
          h->any_parcel = TRUE;
          if (furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_HALF)
            h->any_half = TRUE;
        }
      if (furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_FULL && field_id != 0)
        {
          double *area = g_hash_table_lookup (field_area, &field_id);

          if (area == NULL)
            {
              area = g_new0 (double, 1);
              g_hash_table_insert (field_area, g_memdup2 (&field_id, sizeof field_id), area);
            }
          *area += furrow_parcel_get_registered_area_m2 (parcel);
        }
    }
  for (guint i = 0; i < harvests->len; i++)
    {
      const FurrowSeasonHarvest *h = &g_array_index (harvests, FurrowSeasonHarvest, i);

      g_hash_table_add (harvested, g_memdup2 (&h->field_id, sizeof h->field_id));
    }
  for (guint i = 0; i < plans->len; i++)
    {
      const FurrowSeasonPlan *plan = &g_array_index (plans, FurrowSeasonPlan, i);
      double *area = g_hash_table_lookup (field_area, &plan->field_id);

      g_hash_table_add (planned, g_memdup2 (&plan->field_id, sizeof plan->field_id));
      if (area == NULL || *area <= 0.0)
        continue;
      grows[FURROW_CROP_MAIZE] |= plan->pattern.maize_rows > 0;
      grows[FURROW_CROP_SOYBEAN] |= plan->pattern.soy_rows > 0;
    }

  /* Fields farmed in custody (full-custody land) without a harvest record, in field order. */
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      gint64 id = furrow_field_get_id (field);
      double *area = g_hash_table_lookup (field_area, &id);

      if (area == NULL || *area <= 0.0)
        continue;
      n_custody_fields++;
      /* An unplanned field is costed as sole maize (furrow_store_get_season_fields()). */
      if (!g_hash_table_contains (planned, &id))
        grows[FURROW_CROP_MAIZE] = TRUE;
      if (!g_hash_table_contains (harvested, &id))
        {
          g_autofree char *item = code_and_name (furrow_field_get_code (field),
                                                 furrow_field_get_name (field));

          furrow_settle_check_add (check, FURROW_SETTLE_CHECK_NO_HARVEST, item);
        }
    }
  furrow_settle_check_set_n_fields (check, n_custody_fields);

  /* Crops grown at a price of 0. */
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    if (grows[c] && furrow_season_get_price (season, c)->price_fen_per_kg <= 0.0)
      furrow_settle_check_add (check, FURROW_SETTLE_CHECK_ZERO_PRICE,
                               c == FURROW_CROP_MAIZE ? _("Maize") : _("Soybean"));

  /* Households billed ¥0 on half-custody land, and households without parcels, in code order. */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (households); i++)
      g_ptr_array_add (sorted, g_list_model_get_item (households, i));
    g_ptr_array_sort (sorted, compare_household_codes);
    for (guint i = 0; i < sorted->len; i++)
      {
        FurrowHousehold *household = g_ptr_array_index (sorted, i);
        const char *code = furrow_household_get_code (household);
        CheckHousehold *h = g_hash_table_lookup (by_code, code);
        g_autofree char *item = code_and_name (code, furrow_household_get_name (household));
        gint64 id = furrow_household_get_id (household);

        if (h == NULL)
          continue;
        if (!h->any_parcel)
          furrow_settle_check_add (check, FURROW_SETTLE_CHECK_NO_PARCELS, item);
        else if (h->any_half
                 && _furrow_season_operations_fee (season,
                                                   g_hash_table_lookup (chosen, &id)) <= 0)
          furrow_settle_check_add (check, FURROW_SETTLE_CHECK_ZERO_FEE, item);
      }
  }
  return g_steal_pointer (&check);
}

/* A settled season's frozen totals: the columns of season_settlements after season_id, in
 * order, and where each is in FurrowDistributionResult. The split's percentages, the summary
 * and the reason follow them. */
static const struct
{
  gsize    offset;
  gboolean is_double;
} totals_columns[] = {
  { G_STRUCT_OFFSET (FurrowDistributionResult, total_area_mu), TRUE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, weighted_area_mu), TRUE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, half_custody_area_mu), TRUE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, revenue_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, other_income_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, subsidy_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, income_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, cost_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, base_fen_per_mu), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, base_total_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, surplus_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, reserve_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, collective_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, cooperative_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, households_dividend_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, deficit_fen), FALSE },
  { G_STRUCT_OFFSET (FurrowDistributionResult, fees_fen), FALSE },
};

#define TOTALS_COLUMNS \
  "total_area_mu, weighted_area_mu, half_custody_area_mu, revenue_fen, other_income_fen, " \
  "subsidy_fen, income_fen, cost_fen, base_fen_per_mu, base_total_fen, surplus_fen, " \
  "reserve_fen, collective_fen, cooperative_fen, households_dividend_fen, deficit_fen, " \
  "fees_fen, reserve_pct, collective_pct, cooperative_pct, households_pct, summary, reason"
#define N_TOTALS G_N_ELEMENTS (totals_columns)

static void
bind_split (FurrowStatement          *stmt,
            int                       position,
            const FurrowSurplusSplit *split)
{
  furrow_statement_bind_double (stmt, position, split->reserve_pct);
  furrow_statement_bind_double (stmt, position + 1, split->collective_pct);
  furrow_statement_bind_double (stmt, position + 2, split->cooperative_pct);
  furrow_statement_bind_double (stmt, position + 3, split->households_pct);
}

/* The Cooperatives Law's art. 44 figures, frozen with the totals (docs/domain.md §16): the
 * distributable surplus is the surplus less the reserve fund (nothing when there is a deficit),
 * and what is returned by transaction volume is the households' dividend, shared by area. */
static gboolean
insert_return_check (FurrowStore                     *self,
                     gint64                           season_id,
                     const FurrowDistributionResult  *result,
                     GError                         **error)
{
  g_autoptr(FurrowStatement) stmt =
    _furrow_season_prepare (self, "UPDATE season_settlements SET distributable_fen = ?2, "
                                  "returned_fen = ?3 WHERE season_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, season_id);
  furrow_statement_bind_int64 (stmt, 2, MAX (result->surplus_fen - result->reserve_fen, 0));
  furrow_statement_bind_int64 (stmt, 3, result->households_dividend_fen);
  return furrow_statement_run (stmt, error);
}

static gboolean
insert_totals (FurrowStore                       *self,
               gint64                             season_id,
               const FurrowSeasonSettlementInput *in,
               const FurrowDistributionResult    *result,
               const char                        *summary,
               GError                           **error)
{
  g_autoptr(FurrowStatement) stmt =
    _furrow_season_prepare (self, "INSERT INTO season_settlements (season_id, " TOTALS_COLUMNS
                                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                  "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
                            error);

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, season_id);
  for (guint i = 0; i < N_TOTALS; i++)
    {
      const guint8 *field = (const guint8 *) result + totals_columns[i].offset;

      if (totals_columns[i].is_double)
        furrow_statement_bind_double (stmt, i + 2, *(const double *) field);
      else
        furrow_statement_bind_int64 (stmt, i + 2, *(const gint64 *) field);
    }
  bind_split (stmt, N_TOTALS + 2, &in->input.split);
  furrow_statement_bind_text (stmt, N_TOTALS + 6, summary);
  furrow_statement_bind_text (stmt, N_TOTALS + 7, in->input.reason);
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  return insert_return_check (self, season_id, result, error);
}

static gboolean
insert_settlement (FurrowStore                       *self,
                   FurrowSeason                      *season,
                   const FurrowSeasonSettlementInput *in,
                   const FurrowDistributionResult    *result,
                   const FurrowDistributionShare     *shares,
                   GError                           **error)
{
  gint64 id = furrow_season_get_id (season);
  g_autofree char *summary = furrow_distribution_format_summary (&in->input, result);
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;

  for (gsize i = 0; i < in->input.n_households; i++)
    {
      g_autoptr(FurrowStatement) stmt =
        _furrow_season_prepare (self, "INSERT INTO settlements (season_id, household_id, area_m2, "
                                      "base_fen, dividend_fen, fee_fen, total_fen, rule_text, "
                                      "custody, fee_fen_per_mu, fee_area_m2) VALUES (?1, ?2, ?3, "
                                      "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
      g_autofree char *basis = furrow_distribution_format_basis (&in->input, result, &shares[i]);

      if (stmt == NULL)
        return FALSE;
      furrow_statement_bind_int64 (stmt, 1, id);
      furrow_statement_bind_int64 (stmt, 2, in->household_ids[i]);
      furrow_statement_bind_double (stmt, 3, furrow_mu_to_m2 (shares[i].area_cmu / 100.0));
      furrow_statement_bind_int64 (stmt, 4, shares[i].base_fen);
      furrow_statement_bind_int64 (stmt, 5, shares[i].dividend_fen);
      furrow_statement_bind_int64 (stmt, 6, shares[i].fee_fen);
      furrow_statement_bind_int64 (stmt, 7, shares[i].total_fen);
      furrow_statement_bind_text (stmt, 8, basis);
      furrow_statement_bind_text (stmt, 9, furrow_custody_to_string (shares[i].custody));
      furrow_statement_bind_int64 (stmt, 10, shares[i].fee_fen_per_mu);
      furrow_statement_bind_double (stmt, 11, furrow_mu_to_m2 (shares[i].fee_area_cmu / 100.0));
      if (!furrow_statement_run (stmt, error))
        return FALSE;
    }
  if (!insert_totals (self, id, in, result, summary, error) ||
      !_furrow_season_run (self, "UPDATE seasons SET state = 'settled' WHERE id = ?1", id, error))
    return FALSE;
  detail = g_strdup_printf ("%s; %" G_GSIZE_FORMAT " households; base %" G_GINT64_FORMAT
                            " fen, dividends %" G_GINT64_FORMAT " fen, deficit %" G_GINT64_FORMAT
                            " fen%s%s", summary, in->input.n_households, result->base_total_fen,
                            result->households_dividend_fen, result->deficit_fen,
                            in->input.reason ? "; reason: " : "",
                            in->input.reason ? in->input.reason : "");
  return _furrow_store_audit (self, "season.settle", object, detail, error);
}

static gboolean
settle_season (FurrowStore   *self,
               FurrowSeason  *season,
               const char    *reason,
               GError       **error)
{
  g_autoptr(FurrowSeasonSettlementInput) in = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  FurrowDistributionResult result;
  FurrowSeasonState state;

  if (!_furrow_season_check_writable (self, season, error) ||
      !_furrow_season_stored_state (self, season, &state, error))
    return FALSE;
  if (state != FURROW_SEASON_HARVESTED)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("season “%s” has no harvest records yet; record the harvest before "
                     "settling"), furrow_season_get_name (season));
      return FALSE;
    }
  in = furrow_store_build_settlement_input (self, season, reason, error);
  if (in == NULL)
    return FALSE;
  shares = g_new0 (FurrowDistributionShare, in->input.n_households + 1);
  if (!furrow_distribution_compute (&in->input, &result, shares, error))
    return FALSE;
  return insert_settlement (self, season, in, &result, shares, error);
}

gboolean
furrow_store_settle_season (FurrowStore   *self,
                            FurrowSeason  *season,
                            const char    *reason,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  /* docs/architecture.md, Restore points. */
  if (!furrow_store_take_restore_point (self, FURROW_RESTORE_REASON_SETTLE, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  _furrow_season_touch_model (self);
  ok = settle_season (self, season, reason, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_STATE, TRUE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  _furrow_season_set_state (season, FURROW_SEASON_SETTLED);
  return TRUE;
}

static gboolean
reopen_season (FurrowStore   *self,
               FurrowSeason  *season,
               const char    *reason,
               GError       **error)
{
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;
  FurrowSeasonState state;
  gint64 id = furrow_season_get_id (season);

  if (!_furrow_season_stored_state (self, season, &state, error))
    return FALSE;
  if (state != FURROW_SEASON_SETTLED)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("season “%s” is not settled; there is nothing to reopen"),
                   furrow_season_get_name (season));
      return FALSE;
    }
  {
    g_autoptr(FurrowStatement) stmt =
      _furrow_season_prepare (self, "SELECT summary, households_dividend_fen, base_total_fen, "
                                    "(SELECT count(*) FROM settlements WHERE season_id = ?1) "
                                    "FROM season_settlements WHERE season_id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    furrow_statement_bind_int64 (stmt, 1, id);
    if (furrow_statement_step (stmt, NULL))
      detail = g_strdup_printf ("reason: %s; settled -> harvested; removed the settlement of %"
                                G_GINT64_FORMAT " households (base %" G_GINT64_FORMAT " fen, "
                                "dividends %" G_GINT64_FORMAT " fen): %s", reason,
                                furrow_statement_get_int64 (stmt, 3),
                                furrow_statement_get_int64 (stmt, 2),
                                furrow_statement_get_int64 (stmt, 1),
                                furrow_statement_get_text (stmt, 0));
    else
      detail = g_strdup_printf ("reason: %s; settled -> harvested", reason);
  }

  if (!_furrow_season_run (self, "DELETE FROM settlements WHERE season_id = ?1", id, error) ||
      !_furrow_season_run (self, "DELETE FROM season_settlements WHERE season_id = ?1", id,
                           error) ||
      !_furrow_season_run (self, "UPDATE seasons SET state = 'harvested' WHERE id = ?1", id, error))
    return FALSE;
  return _furrow_store_audit (self, "season.reopen", object, detail, error);
}

gboolean
furrow_store_reopen_season (FurrowStore   *self,
                            FurrowSeason  *season,
                            const char    *reason,
                            GError       **error)
{
  g_autofree char *trimmed = NULL;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  /* docs/architecture.md, Restore points. */
  if (!furrow_store_take_restore_point (self, FURROW_RESTORE_REASON_REOPEN, error))
    return FALSE;

  trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("reopening season “%s” needs a reason (it is written to the audit log)"),
                   furrow_season_get_name (season));
      return FALSE;
    }
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  _furrow_season_touch_model (self);
  ok = reopen_season (self, season, trimmed, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_STATE, TRUE);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  _furrow_season_set_state (season, FURROW_SEASON_HARVESTED);
  return TRUE;
}

void
furrow_season_settlement_free (FurrowSeasonSettlement *settlement)
{
  if (settlement == NULL)
    return;
  for (gsize i = 0; i < settlement->n_rows; i++)
    {
      g_free (settlement->rows[i].code);
      g_free (settlement->rows[i].name);
      g_free (settlement->rows[i].rule_text);
    }
  g_free (settlement->rows);
  g_free (settlement->summary);
  g_free (settlement->reason);
  g_free (settlement->created);
  g_free (settlement);
}

static void
read_settlement_row (FurrowStatement *stmt,
                     gpointer         rows)
{
  FurrowSeasonSettlementRow row = { .household_id = furrow_statement_get_int64 (stmt, 0) };

  row.code = furrow_statement_dup_text (stmt, 1);
  row.name = furrow_statement_dup_text (stmt, 2);
  furrow_custody_from_string (furrow_statement_get_text (stmt, 3), &row.custody);
  row.area_m2 = furrow_statement_get_double (stmt, 4);
  row.fee_fen_per_mu = furrow_statement_get_int64 (stmt, 5);
  row.base_fen = furrow_statement_get_int64 (stmt, 6);
  row.dividend_fen = furrow_statement_get_int64 (stmt, 7);
  row.fee_fen = furrow_statement_get_int64 (stmt, 8);
  row.total_fen = furrow_statement_get_int64 (stmt, 9);
  row.rule_text = furrow_statement_dup_text (stmt, 10);
  row.fee_area_m2 = furrow_statement_get_double (stmt, 11);
  g_array_append_val ((GArray *) rows, row);
}

static void
settlement_row_clear (gpointer data)
{
  FurrowSeasonSettlementRow *row = data;

  g_free (row->code);
  g_free (row->name);
  g_free (row->rule_text);
}

/* The frozen totals into out; FALSE with NOT_FOUND when the season has none. */
static gboolean
read_totals (FurrowStore             *self,
             FurrowSeason            *season,
             FurrowSeasonSettlement  *out,
             GError                 **error)
{
  g_autoptr(FurrowStatement) stmt =
    _furrow_season_prepare (self, "SELECT " TOTALS_COLUMNS ", created FROM season_settlements "
                                  "WHERE season_id = ?1", error);
  g_autoptr(GError) local_error = NULL;
  FurrowDistributionResult *t = &out->totals;

  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  if (!furrow_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("season “%s” is not settled"), furrow_season_get_name (season));
      return FALSE;
    }
  for (guint i = 0; i < N_TOTALS; i++)
    {
      guint8 *field = (guint8 *) t + totals_columns[i].offset;

      if (totals_columns[i].is_double)
        *(double *) field = furrow_statement_get_double (stmt, i);
      else
        *(gint64 *) field = furrow_statement_get_int64 (stmt, i);
    }
  t->total_area_cmu = (gint64) llround (t->total_area_mu * 100);
  out->split.reserve_pct = furrow_statement_get_double (stmt, N_TOTALS);
  out->split.collective_pct = furrow_statement_get_double (stmt, N_TOTALS + 1);
  out->split.cooperative_pct = furrow_statement_get_double (stmt, N_TOTALS + 2);
  out->split.households_pct = furrow_statement_get_double (stmt, N_TOTALS + 3);
  out->summary = furrow_statement_dup_text (stmt, N_TOTALS + 4);
  out->reason = furrow_statement_dup_text (stmt, N_TOTALS + 5);
  out->created = furrow_statement_dup_text (stmt, N_TOTALS + 6);
  return TRUE;
}

FurrowSeasonSettlement *
furrow_store_get_settlement (FurrowStore   *self,
                             FurrowSeason  *season,
                             GError       **error)
{
  g_autoptr(FurrowSeasonSettlement) out = g_new0 (FurrowSeasonSettlement, 1);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonSettlementRow));

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!read_totals (self, season, out, error))
    return NULL;
  g_array_set_clear_func (rows, settlement_row_clear);
  if (!_furrow_season_foreach_row (self, "SELECT s.household_id, h.code, h.name, s.custody, "
                                         "s.area_m2, s.fee_fen_per_mu, s.base_fen, s.dividend_fen, "
                                         "s.fee_fen, s.total_fen, s.rule_text, s.fee_area_m2 "
                                         "FROM settlements s JOIN households h "
                                         "ON h.id = s.household_id "
                                         "WHERE s.season_id = ?1 ORDER BY h.code",
                                   furrow_season_get_id (season), read_settlement_row, rows, error))
    return NULL;
  /* The rows' strings now belong to out. */
  g_array_set_clear_func (rows, NULL);
  out->n_rows = rows->len;
  out->rows = (FurrowSeasonSettlementRow *) (void *) g_array_free (g_steal_pointer (&rows), FALSE);
  return g_steal_pointer (&out);
}

gboolean
furrow_store_record_print (FurrowStore   *self,
                           FurrowSeason  *season,
                           const char    *what,
                           const char    *detail,
                           GError       **error)
{
  g_autofree char *object = NULL;
  g_autofree char *action = NULL;
  FurrowSeasonState state;
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  object = _furrow_season_object (season);
  action = g_strdup_printf ("season.print.%s", what);
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = _furrow_season_stored_state (self, season, &state, error) &&
       _furrow_store_audit (self, action, object, detail, error);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}
