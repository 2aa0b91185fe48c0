/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-store-yield.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "furrow-store-private.h"
#include "furrow-store-season.h"

#define PRESET_COLUMNS \
  "maize_sole_yield_kg_per_mu, soy_sole_yield_kg_per_mu, " \
  "maize_sole_seeds_per_mu, soy_sole_seeds_per_mu, " \
  "maize_density_exponent, soy_density_exponent, " \
  "maize_border_factor, soy_border_factor, " \
  "maize_inner_factor, soy_inner_factor"

/* The parameters in the order of PRESET_COLUMNS. */
static void
model_values (FurrowYieldModel *model,
              double          **values)
{
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      values[0 + c] = &model->sole_yield_kg_per_mu[c];
      values[2 + c] = &model->sole_seeds_per_mu[c];
      values[4 + c] = &model->density_exponent[c];
      values[6 + c] = &model->border_factor[c];
      values[8 + c] = &model->inner_factor[c];
    }
}

#define N_VALUES (5 * FURROW_N_CROPS)

static FurrowStatement *
prepare (FurrowStore  *self,
         const char   *sql,
         GError      **error)
{
  return furrow_database_prepare (_furrow_store_get_database (self), sql, error);
}

static gboolean
is_builtin (const char *name)
{
  for (guint i = 0; i < furrow_yield_model_n_presets (); i++)
    if (g_strcmp0 (furrow_yield_model_preset_id (i), name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("A yield preset needs a name"));
      return FALSE;
    }
  if (strlen (name) >= sizeof ((FurrowSeasonPlan *) NULL)->yield_preset)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("The yield preset name “%s” is too long (at most %u bytes)"), name,
                   (guint) sizeof ((FurrowSeasonPlan *) NULL)->yield_preset - 1);
      return FALSE;
    }
  if (is_builtin (name))
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                   _("“%s” is a built-in yield preset; choose another name"), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_preset (FurrowStore             *self,
             const FurrowYieldModel  *model,
             GError                 **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  FurrowYieldModel copy = *model;
  double *values[N_VALUES];
  g_autofree char *object = NULL;
  g_autofree char *detail = NULL;

  stmt = prepare (self, "INSERT INTO yield_presets (name, " PRESET_COLUMNS ") "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                        "ON CONFLICT (name) DO UPDATE SET "
                        "maize_sole_yield_kg_per_mu = ?2, soy_sole_yield_kg_per_mu = ?3, "
                        "maize_sole_seeds_per_mu = ?4, soy_sole_seeds_per_mu = ?5, "
                        "maize_density_exponent = ?6, soy_density_exponent = ?7, "
                        "maize_border_factor = ?8, soy_border_factor = ?9, "
                        "maize_inner_factor = ?10, soy_inner_factor = ?11", error);
  if (stmt == NULL)
    return FALSE;
  model_values (&copy, values);
  furrow_statement_bind_text (stmt, 1, model->name);
  for (guint i = 0; i < N_VALUES; i++)
    furrow_statement_bind_double (stmt, i + 2, *values[i]);
  if (!furrow_statement_run (stmt, error))
    return FALSE;

  object = g_strdup_printf ("yield_preset:%s", model->name);
  detail = g_strdup_printf ("maize border %.6g inner %.6g; soybean border %.6g inner %.6g",
                            model->border_factor[FURROW_CROP_MAIZE],
                            model->inner_factor[FURROW_CROP_MAIZE],
                            model->border_factor[FURROW_CROP_SOYBEAN],
                            model->inner_factor[FURROW_CROP_SOYBEAN]);
  return _furrow_store_audit (self, "yield_preset.save", object, detail, error);
}

gboolean
furrow_store_save_yield_preset (FurrowStore             *self,
                                const FurrowYieldModel  *model,
                                GError                 **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  if (!check_name (model->name, error))
    return FALSE;
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    if (!isfinite (model->border_factor[c]) || !isfinite (model->inner_factor[c]) ||
        !(model->sole_yield_kg_per_mu[c] > 0) || !(model->sole_seeds_per_mu[c] > 0) ||
        !isfinite (model->density_exponent[c]))
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_INVALID,
                     _("Yield preset “%s” has a parameter that is not a number"), model->name);
        return FALSE;
      }

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = save_preset (self, model, error);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  _furrow_store_emit_yield_presets_changed (self);
  return TRUE;
}

GStrv
furrow_store_list_yield_presets (FurrowStore  *self,
                                 GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT name FROM yield_presets ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while (furrow_statement_step (stmt, &local_error))
    g_strv_builder_add (builder, furrow_statement_get_text (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

gboolean
furrow_store_find_yield_preset (FurrowStore       *self,
                                const char        *name,
                                FurrowYieldModel  *out,
                                GError           **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  FurrowYieldModel model = { { 0 } };
  double *values[N_VALUES];

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  stmt = prepare (self, "SELECT " PRESET_COLUMNS " FROM yield_presets WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, name);
  if (!furrow_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                     _("No yield preset named “%s” in this project"), name);
      return FALSE;
    }

  g_strlcpy (model.name, name, sizeof model.name);
  model_values (&model, values);
  for (guint i = 0; i < N_VALUES; i++)
    *values[i] = furrow_statement_get_double (stmt, i);
  *out = model;
  return TRUE;
}

static gboolean
delete_preset (FurrowStore  *self,
               const char   *name,
               GError      **error)
{
  g_autoptr(FurrowStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *object = NULL;

  /* a season plan names its yield model: re-plan those fields first */
  {
    g_autoptr(FurrowStatement) used =
      prepare (self, "SELECT 1 FROM plans WHERE preset = ?1 LIMIT 1", error);
    if (used == NULL)
      return FALSE;
    furrow_statement_bind_text (used, 1, name);
    if (furrow_statement_step (used, &local_error))
      {
        g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_IN_USE,
                     _("Yield preset “%s” is used by a season’s plans; plan those fields with "
                       "another yield preset first"), name);
        return FALSE;
      }
    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }

  stmt = prepare (self, "DELETE FROM yield_presets WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  furrow_statement_bind_text (stmt, 1, name);
  if (!furrow_statement_run (stmt, error))
    return FALSE;
  if (furrow_database_changes (_furrow_store_get_database (self)) == 0)
    {
      g_set_error (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_NOT_FOUND,
                   _("No yield preset named “%s” in this project"), name);
      return FALSE;
    }
  object = g_strdup_printf ("yield_preset:%s", name);
  return _furrow_store_audit (self, "yield_preset.delete", object, NULL, error);
}

gboolean
furrow_store_delete_yield_preset (FurrowStore  *self,
                                  const char   *name,
                                  GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (FURROW_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!_furrow_store_op_begin (self, error))
    return FALSE;
  ok = delete_preset (self, name, error);
  if (!_furrow_store_op_end (self, ok, ok ? error : NULL))
    return FALSE;
  _furrow_store_emit_yield_presets_changed (self);
  return TRUE;
}

gboolean
furrow_store_lookup_yield_model (FurrowStore       *self,
                                 const char        *name,
                                 FurrowYieldModel  *out,
                                 GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  if (furrow_yield_model_preset (name, out, &local_error))
    return TRUE;
  if (self == NULL || name == NULL || is_builtin (name))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return furrow_store_find_yield_preset (self, name, out, error);
}
