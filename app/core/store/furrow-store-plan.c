/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field plans of a season: the pattern of each field, stored as GVariant text. */

#include "config.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-store-private.h"
#include "furrow-store-season-testing.h"
#include "furrow-store-restore.h"
#include "furrow-store-season-private.h"
#include "furrow-store-yield.h"
#include "furrow-yield-model.h"

/* ------------------------------------------------------------------------------------------ */
/* Plans                                                                                      */

/* The pattern as GVariant text (a{sv}): readable, and parsed back with GLib alone. */
static char *
pattern_to_text (const FurrowPattern *p)
{
  GVariantBuilder builder;
  g_autoptr(GVariant) value = NULL;
  guint n_spacings = p->maize_rows > 1 ? p->maize_rows - 1 : 0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "maize_rows", g_variant_new_uint32 (p->maize_rows));
  g_variant_builder_add (&builder, "{sv}", "soy_rows", g_variant_new_uint32 (p->soy_rows));
  g_variant_builder_add (&builder, "{sv}", "maize_spacing_m",
                         g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, p->maize_spacing_m,
                                                    n_spacings, sizeof (double)));
  g_variant_builder_add (&builder, "{sv}", "soy_spacing_m", g_variant_new_double (p->soy_spacing_m));
  g_variant_builder_add (&builder, "{sv}", "gap_m", g_variant_new_double (p->gap_m));
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      g_autofree char *key = g_strdup_printf ("%s_sowing", furrow_crop_to_string (c));

      g_variant_builder_add (&builder, "{sv}", key,
                             g_variant_new ("(dddd)", p->sowing[c].plant_spacing_m,
                                            p->sowing[c].seeds_per_hill,
                                            p->sowing[c].seed_100_weight_g,
                                            p->sowing[c].germination));
    }
  g_variant_builder_add (&builder, "{sv}", "orientation", g_variant_new_uint32 (p->orientation));
  g_variant_builder_add (&builder, "{sv}", "azimuth_deg", g_variant_new_double (p->azimuth_deg));
  g_variant_builder_add (&builder, "{sv}", "headland_m", g_variant_new_double (p->headland_m));
  g_variant_builder_add (&builder, "{sv}", "margin_m", g_variant_new_double (p->margin_m));
  g_variant_builder_add (&builder, "{sv}", "planter_width_m",
                         g_variant_new_double (p->planter_width_m));
  value = g_variant_ref_sink (g_variant_builder_end (&builder));
  return g_variant_print (value, TRUE);
}

static gboolean
pattern_from_text (const char     *text,
                   FurrowPattern  *p,
                   GError        **error)
{
  g_autoptr(GVariant) dict = NULL;
  g_autoptr(GVariant) spacings = NULL;
  guint32 orientation = 0;

  memset (p, 0, sizeof *p);
  dict = g_variant_parse (G_VARIANT_TYPE_VARDICT, text ? text : "", NULL, NULL, error);
  if (dict == NULL)
    return FALSE;
  g_variant_lookup (dict, "maize_rows", "u", &p->maize_rows);
  g_variant_lookup (dict, "soy_rows", "u", &p->soy_rows);
  spacings = g_variant_lookup_value (dict, "maize_spacing_m", G_VARIANT_TYPE ("ad"));
  if (spacings != NULL)
    {
      gsize n = 0;
      const double *values = g_variant_get_fixed_array (spacings, &n, sizeof (double));

      memcpy (p->maize_spacing_m, values, MIN (n, G_N_ELEMENTS (p->maize_spacing_m)) *
              sizeof (double));
    }
  g_variant_lookup (dict, "soy_spacing_m", "d", &p->soy_spacing_m);
  g_variant_lookup (dict, "gap_m", "d", &p->gap_m);
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      g_autofree char *key = g_strdup_printf ("%s_sowing", furrow_crop_to_string (c));

      g_variant_lookup (dict, key, "(dddd)", &p->sowing[c].plant_spacing_m,
                        &p->sowing[c].seeds_per_hill, &p->sowing[c].seed_100_weight_g,
                        &p->sowing[c].germination);
    }
  g_variant_lookup (dict, "orientation", "u", &orientation);
  p->orientation = orientation;
  g_variant_lookup (dict, "azimuth_deg", "d", &p->azimuth_deg);
  g_variant_lookup (dict, "headland_m", "d", &p->headland_m);
  g_variant_lookup (dict, "margin_m", "d", &p->margin_m);
  g_variant_lookup (dict, "planter_width_m", "d", &p->planter_width_m);
  return TRUE;
}

static const char *
pattern_kind (const FurrowPattern *p)
{
  if (p->soy_rows == 0)
    return "maize";
  if (p->maize_rows == 0)
    return "soybean";
  return "strip";
}

/* Who changed the plan of `field` last and what it is now, for the conflict's message: the row's
 * changed_by, else (the row is gone) the audit log's last actor for it. */
static gboolean
plan_conflict (FurrowStore   *self,
               FurrowSeason  *season,
               FurrowField   *field,
               GError       **error)
{
  const char *code = furrow_field_get_code (field);
  g_autoptr(FurrowStatement) row =
    _furrow_season_prepare (self, "SELECT changed_by, changed_at, parameters_json FROM plans "
                                  "WHERE season_id = ?1 AND field_id = ?2", NULL);
  /* The removal's audit row ("field T01"; a plan's is "field T01: …", a harvest's
   * "field T01 maize: …"). */
  g_autofree char *detail = g_strdup_printf ("field %s", code);
  g_autofree char *who = NULL;
  g_autofree char *now = NULL;
  g_autofree char *message = NULL;
  FurrowPattern pattern;

  if (row != NULL)
    {
      furrow_statement_bind_int64 (row, 1, furrow_season_get_id (season));
      furrow_statement_bind_int64 (row, 2, furrow_field_get_id (field));
    }
  /* A row without a pattern (Furrow always writes one) is told as gone. */
  if (!_furrow_season_row_author (self, season, row, detail, &who) ||
      furrow_statement_get_text (row, 2) == NULL)
    return _furrow_store_season_conflict (self, furrow_season_get_id (season),
                                          g_strdup_printf (_("The plan of field %s was removed by "
                                                             "%s after you opened it. Your change "
                                                             "was not saved."), code, who), error);
  if (pattern_from_text (furrow_statement_get_text (row, 2), &pattern, NULL))
    now = furrow_pattern_describe (&pattern);
  /* Translators: the last %s is a pattern, e.g. "2 maize + 4 soybean rows, 2.70 m unit". */
  message = g_strdup_printf (_("The plan of field %s was changed by %s after you opened it; it "
                               "is now %s. Your change was not saved."), code, who,
                             now != NULL ? now : "?");
  return _furrow_store_season_conflict (self, furrow_season_get_id (season),
                                        g_steal_pointer (&message), error);
}

/* The statement that writes a plan read at `version` (FurrowSeasonPlan): a new row only where
 * none was read, the row of that version only where one was, any row when not checked. */
static const char *
plan_write_sql (gint64 version)
{
  if (version == FURROW_ROW_VERSION_NONE)
    return "INSERT INTO plans (season_id, field_id, pattern, parameters_json, preset, "
           "overrides_json, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
           "ON CONFLICT (season_id, field_id) DO NOTHING";
  if (version > 0)
    return "UPDATE plans SET pattern = ?3, parameters_json = ?4, preset = ?5, "
           "overrides_json = ?6, changed_by = ?7, changed_at = ?8, "
           "row_version = row_version + 1 "
           "WHERE season_id = ?1 AND field_id = ?2 AND row_version = ?9";
  return "INSERT INTO plans (season_id, field_id, pattern, parameters_json, preset, "
         "overrides_json, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
         "ON CONFLICT (season_id, field_id) DO UPDATE SET "
         "pattern = excluded.pattern, parameters_json = excluded.parameters_json, "
         "preset = excluded.preset, overrides_json = excluded.overrides_json, "
         "changed_by = excluded.changed_by, changed_at = excluded.changed_at, "
         "row_version = plans.row_version + 1";
}

/* Writes the plan of `field`, read at `version` (FurrowSeasonPlan.row_version), inside an
 * operation; each write raises the row's version and names who made it (schema step 11). */
static gboolean
write_plan (FurrowStore          *self,
            FurrowSeason         *season,
            FurrowField          *field,
            const FurrowPattern  *pattern,
            const char           *preset,
            const char           *yield_preset,
            gint64                version,
            GError              **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *parameters = NULL;
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;
  GError *local_error = NULL;

  if (!_furrow_season_check_writable (self, season, error))
    return FALSE;
  parameters = pattern_to_text (pattern);
  stmt = _furrow_season_prepare (self, plan_write_sql (version), error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, furrow_field_get_id (field));
  furrow_statement_bind_text (stmt, 3, pattern_kind (pattern));
  furrow_statement_bind_text (stmt, 4, parameters);
  furrow_statement_bind_text (stmt, 5, yield_preset && *yield_preset ? yield_preset : "practical");
  furrow_statement_bind_text (stmt, 6, preset && *preset ? preset : NULL);
  furrow_statement_bind_text (stmt, 7, self->actor);
  furrow_statement_bind_int64 (stmt, 8, _furrow_store_now ());
  if (version > 0)
    furrow_statement_bind_int64 (stmt, 9, version);
  if (!furrow_statement_run (stmt, &local_error))
    return _furrow_season_field_error (self, furrow_field_get_id (field),
                                       furrow_field_get_code (field), local_error, error);
  if (version != 0 && furrow_database_changes (_furrow_store_get_database (self)) == 0)
    {
      g_clear_pointer (&stmt, furrow_statement_release);
      return plan_conflict (self, season, field, error);
    }
  detail = g_strdup_printf ("field %s: %s %u maize + %u soybean rows%s%s, yield model %s",
                            furrow_field_get_code (field), pattern_kind (pattern),
                            pattern->maize_rows, pattern->soy_rows,
                            preset && *preset ? ", preset " : "", preset && *preset ? preset : "",
                            yield_preset && *yield_preset ? yield_preset : "practical");
  return _furrow_store_audit (self, "season.plan", object, detail, error);
}

gboolean
_furrow_season_set_plan (FurrowStore          *self,
                         FurrowSeason         *season,
                         FurrowField          *field,
                         const FurrowPattern  *pattern,
                         const char           *preset,
                         const char           *yield_preset,
                         GError              **error)
{
  return write_plan (self, season, field, pattern, preset, yield_preset, 0, error);
}

gboolean
furrow_store_set_plan (FurrowStore          *self,
                       FurrowSeason         *season,
                       FurrowField          *field,
                       const FurrowPattern  *pattern,
                       const char           *preset,
                       const char           *yield_preset,
                       GError              **error)
{
  return furrow_store_set_plans (self, season, &field, 1, pattern, preset, yield_preset, error);
}

/* What every plan write checks before its transaction: the pattern valid, the yield preset
 * known. */
static gboolean
check_pattern (FurrowStore          *self,
               const FurrowPattern  *pattern,
               const char           *yield_preset,
               GError              **error)
{
  if (!furrow_pattern_validate (pattern, error))
    return FALSE;
  if (yield_preset != NULL && *yield_preset != '\0')
    {
      FurrowYieldModel model;

      if (!furrow_store_lookup_yield_model (self, yield_preset, &model, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
furrow_store_set_plans (FurrowStore          *self,
                        FurrowSeason         *season,
                        FurrowField * const  *fields,
                        guint                 n_fields,
                        const FurrowPattern  *pattern,
                        const char           *preset,
                        const char           *yield_preset,
                        GError              **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (fields != NULL || n_fields == 0, FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);

  /* One pattern onto many fields at once (apply to the season, plan all): docs/architecture.md,
   * Restore points. */
  if (n_fields > 1 &&
      !furrow_store_take_restore_point (self, FURROW_RESTORE_REASON_PLAN, error))
    return FALSE;

  for (guint i = 0; i < n_fields; i++)
    if (!_furrow_season_check_field (fields[i], error))
      return FALSE;
  if (!check_pattern (self, pattern, yield_preset, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_fields; i++)
    ok = _furrow_season_set_plan (self, season, fields[i], pattern, preset, yield_preset, error);
  if (ok && n_fields > 0)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_PLANS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

/* Removes the plan of `field` (inside an operation); one read at `version` (> 0) must still be
 * that version. */
static gboolean
delete_plan (FurrowStore   *self,
             FurrowSeason  *season,
             FurrowField   *field,
             gint64         version,
             GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;

  if (!_furrow_season_check_writable (self, season, error))
    return FALSE;
  if (version == FURROW_ROW_VERSION_NONE)
    {
      /* None read and none to remove: one another writer added since is a conflict. */
      g_autoptr(GArray) now = furrow_store_get_plans (self, season, error);

      if (now == NULL)
        return FALSE;
      for (guint i = 0; i < now->len; i++)
        if (g_array_index (now, FurrowSeasonPlan, i).field_id == furrow_field_get_id (field))
          return plan_conflict (self, season, field, error);
      return TRUE;
    }
  stmt = _furrow_season_prepare (self, "DELETE FROM plans WHERE season_id = ?1 AND field_id = ?2 "
                                       "AND row_version = coalesce (?3, row_version)", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, furrow_field_get_id (field));
  furrow_statement_bind_id (stmt, 3, version > 0 ? version : 0);
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  if (version > 0 && furrow_database_changes (_furrow_store_get_database (self)) == 0)
    {
      g_clear_pointer (&stmt, furrow_statement_release);
      return plan_conflict (self, season, field, error);
    }
  detail = g_strdup_printf ("field %s", furrow_field_get_code (field));
  return _furrow_store_audit (self, "season.plan.delete", object, detail, error);
}

gboolean
furrow_store_save_plans (FurrowStore            *self,
                         FurrowSeason           *season,
                         const FurrowSeasonPlan *plans,
                         guint                   n_plans,
                         GError                **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);
  g_return_val_if_fail (plans != NULL || n_plans == 0, FALSE);

  /* Every plan checked before the transaction begins: a bad one writes none. */
  for (guint i = 0; i < n_plans; i++)
    {
      FurrowField *field = furrow_store_get_field_by_id (self, plans[i].field_id);

      if (field == NULL)
        {
          g_set_error_literal (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                               _("The field is no longer in the project"));
          return FALSE;
        }
      if (!plans[i].none &&
          !check_pattern (self, &plans[i].pattern, plans[i].yield_preset, error))
        return FALSE;
    }
  if (n_plans == 0)
    return TRUE;
  if (n_plans > 1 &&
      !furrow_store_take_restore_point (self, FURROW_RESTORE_REASON_PLAN, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_plans; i++)
    {
      const FurrowSeasonPlan *plan = &plans[i];
      FurrowField *field = furrow_store_get_field_by_id (self, plan->field_id);

      if (plan->none)
        ok = delete_plan (self, season, field, plan->row_version, error);
      else
        ok = write_plan (self, season, field, &plan->pattern, plan->preset, plan->yield_preset,
                         plan->row_version, error);
    }
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_PLANS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

gboolean
furrow_store_delete_plan (FurrowStore   *self,
                          FurrowSeason  *season,
                          FurrowField   *field,
                          GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (!_furrow_season_check_field (field, error))
    return FALSE;
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = delete_plan (self, season, field, 0, error);
  if (ok)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_PLANS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

typedef struct
{
  FurrowSeason *season;
  GArray       *plans;
  GError       *error;  /* the first plan that cannot be read */
} PlansRead;

static void
read_plan (FurrowStatement *stmt,
           gpointer         user_data)
{
  PlansRead *read = user_data;
  FurrowSeasonPlan plan = { .field_id = furrow_statement_get_int64 (stmt, 0) };
  const char *yield_preset = furrow_statement_get_text (stmt, 2);
  const char *preset = furrow_statement_get_text (stmt, 3);
  g_autoptr(GError) local_error = NULL;

  if (read->error != NULL)
    return;
  if (!pattern_from_text (furrow_statement_get_text (stmt, 1), &plan.pattern, &local_error))
    {
      g_autofree char *field_id = g_strdup_printf ("%" G_GINT64_FORMAT, plan.field_id);

      g_set_error (&read->error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_CORRUPT,
                   _("season “%s”: the plan of field id %s cannot be read: %s"),
                   furrow_season_get_name (read->season), field_id, local_error->message);
      return;
    }
  g_strlcpy (plan.yield_preset, yield_preset ? yield_preset : "practical",
             sizeof plan.yield_preset);
  g_strlcpy (plan.preset, preset ? preset : "", sizeof plan.preset);
  plan.row_version = furrow_statement_get_int64 (stmt, 4);
  g_array_append_val (read->plans, plan);
}

GArray *
furrow_store_get_plans (FurrowStore   *self,
                        FurrowSeason  *season,
                        GError       **error)
{
  g_autoptr(GArray) plans = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonPlan));
  PlansRead read = { season, plans, NULL };

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  if (!_furrow_season_foreach_row (self, "SELECT field_id, parameters_json, preset, "
                                         "overrides_json, row_version FROM plans "
                                         "WHERE season_id = ?1 ORDER BY field_id",
                                   furrow_season_get_id (season), read_plan, &read, error))
    {
      g_clear_error (&read.error);
      return NULL;
    }
  if (read.error != NULL)
    {
      g_propagate_error (error, read.error);
      return NULL;
    }
  return g_steal_pointer (&plans);
}
