/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field plans of a season: the pattern of each field, stored as GVariant text. */

#include "config.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-store-private.h"
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

gboolean
_furrow_season_set_plan (FurrowStore          *self,
                         FurrowSeason         *season,
                         FurrowField          *field,
                         const FurrowPattern  *pattern,
                         const char           *preset,
                         const char           *yield_preset,
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
  /* Each write raises the row's version (schema step 11) and names who made it; the planner
   * does not check the version it read yet (docs/architecture.md, Several users at once). */
  stmt = _furrow_season_prepare (self, "INSERT INTO plans (season_id, field_id, pattern, "
                                       "parameters_json, preset, overrides_json, changed_by) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                       "ON CONFLICT (season_id, field_id) DO UPDATE SET "
                                       "pattern = excluded.pattern, "
                                       "parameters_json = excluded.parameters_json, "
                                       "preset = excluded.preset, "
                                       "overrides_json = excluded.overrides_json, "
                                       "changed_by = excluded.changed_by, "
                                       "row_version = plans.row_version + 1", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, furrow_field_get_id (field));
  furrow_statement_bind_text (stmt, 3, pattern_kind (pattern));
  furrow_statement_bind_text (stmt, 4, parameters);
  furrow_statement_bind_text (stmt, 5, yield_preset && *yield_preset ? yield_preset : "practical");
  furrow_statement_bind_text (stmt, 6, preset && *preset ? preset : NULL);
  furrow_statement_bind_text (stmt, 7, self->actor);
  if (!furrow_statement_run (stmt, &local_error))
    return _furrow_season_field_error (self, furrow_field_get_id (field),
                                       furrow_field_get_code (field), local_error, error);
  detail = g_strdup_printf ("field %s: %s %u maize + %u soybean rows%s%s, yield model %s",
                            furrow_field_get_code (field), pattern_kind (pattern),
                            pattern->maize_rows, pattern->soy_rows,
                            preset && *preset ? ", preset " : "", preset && *preset ? preset : "",
                            yield_preset && *yield_preset ? yield_preset : "practical");
  return _furrow_store_audit (self, "season.plan", object, detail, error);
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
  if (!furrow_pattern_validate (pattern, error))
    return FALSE;
  if (yield_preset != NULL && *yield_preset != '\0')
    {
      FurrowYieldModel model;

      if (!furrow_store_lookup_yield_model (self, yield_preset, &model, error))
        return FALSE;
    }
  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_fields; i++)
    ok = _furrow_season_set_plan (self, season, fields[i], pattern, preset, yield_preset, error);
  if (ok && n_fields > 0)
    _furrow_season_touch (self, season, FURROW_SEASON_CHANGE_PLANS, FALSE);
  return _furrow_store_op_end (self, ok, ok ? error : NULL);
}

static gboolean
delete_plan (FurrowStore   *self,
             FurrowSeason  *season,
             FurrowField   *field,
             GError       **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autofree char *object = _furrow_season_object (season);
  g_autofree char *detail = NULL;

  if (!_furrow_season_check_writable (self, season, error))
    return FALSE;
  stmt = _furrow_season_prepare (self, "DELETE FROM plans WHERE season_id = ?1 AND field_id = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_int64 (stmt, 1, furrow_season_get_id (season));
  furrow_statement_bind_int64 (stmt, 2, furrow_field_get_id (field));
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  detail = g_strdup_printf ("field %s", furrow_field_get_code (field));
  return _furrow_store_audit (self, "season.plan.delete", object, detail, error);
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
  ok = delete_plan (self, season, field, error);
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

  if (!_furrow_season_foreach_row (self, "SELECT field_id, parameters_json, preset, overrides_json "
                                         "FROM plans WHERE season_id = ?1 ORDER BY field_id",
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
