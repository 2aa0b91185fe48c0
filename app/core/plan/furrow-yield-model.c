/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-yield-model.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-units.h"

G_DEFINE_QUARK (furrow-yield-error-quark, furrow_yield_error)

/* Sole yields for Shandong summer crops [est.] (docs/domain.md §6). */
#define SOLE_MAIZE_KG_PER_MU 550.0
#define SOLE_SOY_KG_PER_MU   200.0

/* Density response exponents and border/inner ratios [est.], see the header. */
#define MAIZE_DENSITY_EXPONENT 0.8
#define SOY_DENSITY_EXPONENT   0.6
#define MAIZE_BORDER_OVER_INNER 1.20
#define SOY_BORDER_OVER_INNER   0.80

typedef struct
{
  const char *id;
  const char *label;
  double      pler[FURROW_N_CROPS];
} Preset;

/* docs/domain.md §6, calibration presets for the reference pattern 2 + 4. */
static const Preset presets[] = {
  { "practical", N_("Practical (default)"), { 0.90, 0.60 } },
  { "xiashan", N_("Xiashan demonstration"), { 1.00, 0.80 } },
  { "survey", N_("Farm survey (conservative)"), { 0.85, 0.45 } },
};

guint
furrow_yield_model_n_presets (void)
{
  return G_N_ELEMENTS (presets);
}

const char *
furrow_yield_model_preset_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (presets), NULL);
  return presets[index].id;
}

const char *
furrow_yield_model_preset_label (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (presets), NULL);
  return _(presets[index].label);
}

/* Band-width shares of the crop's border, inner and sole rows within its band. */
static void
crop_shares (const FurrowPattern *pattern,
             FurrowCrop           crop,
             double               share[3])
{
  FurrowPatternRow rows[2 * FURROW_PATTERN_MAX_ROWS];
  guint n = furrow_pattern_rows (pattern, rows);
  double total = 0.0;

  share[FURROW_ROW_SOLE] = share[FURROW_ROW_BORDER] = share[FURROW_ROW_INNER] = 0.0;
  for (guint i = 0; i < n; i++)
    if (rows[i].crop == crop)
      {
        double band = rows[i].band_left_m + rows[i].band_right_m;

        share[rows[i].position] += band;
        total += band;
      }
  if (total > 0.0)
    for (guint k = 0; k < 3; k++)
      share[k] /= total;
}

static double
slot_factor (const FurrowYieldModel *self,
             FurrowCrop              crop,
             FurrowRowPosition       position)
{
  switch (position)
    {
    case FURROW_ROW_BORDER:
      return self->border_factor[crop];
    case FURROW_ROW_INNER:
      return self->inner_factor[crop];
    case FURROW_ROW_SOLE:
    default:
      return 1.0;
    }
}

double
furrow_yield_model_row_factor (const FurrowYieldModel *self,
                               const FurrowPattern    *pattern,
                               FurrowCrop              crop)
{
  double share[3];

  crop_shares (pattern, crop, share);
  return share[FURROW_ROW_SOLE] +
         share[FURROW_ROW_BORDER] * self->border_factor[crop] +
         share[FURROW_ROW_INNER] * self->inner_factor[crop];
}

static double
relative_density (const FurrowYieldModel *self,
                  const FurrowPattern    *pattern,
                  FurrowCrop              crop)
{
  if (!(self->sole_seeds_per_mu[crop] > 0.0))
    return 0.0;
  return furrow_pattern_seeds_per_mu (pattern, crop) / self->sole_seeds_per_mu[crop];
}

static double
density_response (const FurrowYieldModel *self,
                  FurrowCrop              crop,
                  double                  rho)
{
  if (!(rho > 0.0))
    return 0.0;
  return pow (MIN (rho, 1.0), self->density_exponent[crop]);
}

void
furrow_yield_model_predict (const FurrowYieldModel *self,
                            const FurrowPattern    *pattern,
                            FurrowYieldPrediction  *out)
{
  *out = (FurrowYieldPrediction) { 0 };
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      if (furrow_pattern_crop_rows (pattern, c) == 0)
        continue;
      out->relative_density[c] = relative_density (self, pattern, c);
      out->density_response[c] = density_response (self, c, out->relative_density[c]);
      out->row_factor[c] = furrow_yield_model_row_factor (self, pattern, c);
      out->pler[c] = out->density_response[c] * out->row_factor[c];
      out->yield_kg_per_mu[c] = self->sole_yield_kg_per_mu[c] * out->pler[c];
      out->ler += out->pler[c];
    }
}

/* Each row's band area stands for W / band_c of field per unit of band (the crop's share of
 * the unit), so on an infinite field Σ F_row × band_area × W / band_c = field area × F̄. */
void
furrow_yield_model_predict_layout (const FurrowYieldModel *self,
                                   const FurrowLayout     *layout,
                                   FurrowYieldPrediction  *out)
{
  const FurrowPattern *pattern = &layout->pattern;
  FurrowPatternRow rows[2 * FURROW_PATTERN_MAX_ROWS];
  guint n = furrow_pattern_rows (pattern, rows);
  double w = furrow_pattern_unit_width_m (pattern);
  double weighted_m2[FURROW_N_CROPS] = { 0.0, 0.0 };
  double served_m2[FURROW_N_CROPS] = { 0.0, 0.0 };

  furrow_yield_model_predict (self, pattern, out);

  for (guint i = 0; i < n; i++)
    {
      FurrowCrop c = rows[i].crop;
      double scale = w / furrow_pattern_band_width_m (pattern, c);

      weighted_m2[c] += slot_factor (self, c, rows[i].position) *
                        layout->slot_band_area_m2[i] * scale;
      served_m2[c] += layout->slot_band_area_m2[i] * scale;
    }

  out->ler = 0.0;
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      double kg_per_m2 = self->sole_yield_kg_per_mu[c] / FURROW_M2_PER_MU;

      out->yield_kg[c] = kg_per_m2 * out->density_response[c] * weighted_m2[c];
      if (served_m2[c] > 0.0)
        out->row_factor[c] = weighted_m2[c] / served_m2[c];
      if (layout->field_area_m2 > 0.0 && self->sole_yield_kg_per_mu[c] > 0.0)
        {
          out->yield_kg_per_mu[c] = out->yield_kg[c] / (layout->field_area_m2 / FURROW_M2_PER_MU);
          out->pler[c] = out->yield_kg_per_mu[c] / self->sole_yield_kg_per_mu[c];
        }
      else
        {
          out->yield_kg_per_mu[c] = 0.0;
          out->pler[c] = 0.0;
        }
      out->ler += out->pler[c];
    }
}

/* pLER_c = R_c × (s_border × F_b + s_inner × F_i + s_sole), F_b = k × F_i: solve for F_i. */
gboolean
furrow_yield_model_calibrate_pler (FurrowYieldModel    *self,
                                   const FurrowPattern *reference,
                                   const double        *pler,
                                   const double        *border_over_inner)
{
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      double share[3], r, denom;

      if (furrow_pattern_crop_rows (reference, c) == 0)
        return FALSE;
      crop_shares (reference, c, share);
      r = density_response (self, c, relative_density (self, reference, c));
      denom = r * (share[FURROW_ROW_BORDER] * border_over_inner[c] + share[FURROW_ROW_INNER]);
      if (!(denom > 0.0))
        return FALSE;
      self->inner_factor[c] = (pler[c] - r * share[FURROW_ROW_SOLE]) / denom;
      self->border_factor[c] = border_over_inner[c] * self->inner_factor[c];
    }
  return TRUE;
}

static void
init_base (FurrowYieldModel *self)
{
  FurrowPattern sole;

  *self = (FurrowYieldModel) { 0 };
  self->sole_yield_kg_per_mu[FURROW_CROP_MAIZE] = SOLE_MAIZE_KG_PER_MU;
  self->sole_yield_kg_per_mu[FURROW_CROP_SOYBEAN] = SOLE_SOY_KG_PER_MU;
  furrow_pattern_preset ("sole-maize", &sole);
  self->sole_seeds_per_mu[FURROW_CROP_MAIZE] =
    furrow_pattern_seeds_per_mu (&sole, FURROW_CROP_MAIZE);
  furrow_pattern_preset ("sole-soybean", &sole);
  self->sole_seeds_per_mu[FURROW_CROP_SOYBEAN] =
    furrow_pattern_seeds_per_mu (&sole, FURROW_CROP_SOYBEAN);
  self->density_exponent[FURROW_CROP_MAIZE] = MAIZE_DENSITY_EXPONENT;
  self->density_exponent[FURROW_CROP_SOYBEAN] = SOY_DENSITY_EXPONENT;
}

gboolean
furrow_yield_model_preset (const char       *id,
                           FurrowYieldModel *out,
                           GError          **error)
{
  static const double ratio[FURROW_N_CROPS] = { MAIZE_BORDER_OVER_INNER, SOY_BORDER_OVER_INNER };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      FurrowPattern reference;

      if (!g_str_equal (presets[i].id, id))
        continue;
      init_base (out);
      g_strlcpy (out->name, id, sizeof out->name);
      furrow_pattern_preset ("2+4", &reference);
      return furrow_yield_model_calibrate_pler (out, &reference, presets[i].pler, ratio);
    }
  g_set_error (error, FURROW_YIELD_ERROR, FURROW_YIELD_ERROR_UNKNOWN_PRESET,
               _("unknown yield preset “%s” (known: practical, xiashan, survey)"), id);
  return FALSE;
}

gboolean
furrow_yield_model_fit (const FurrowYieldModel       *base,
                        const char                   *name,
                        const FurrowYieldObservation *observations,
                        guint                         n_observations,
                        FurrowYieldCalibration       *out,
                        GError                      **error)
{
  if (n_observations == 0 || n_observations > FURROW_YIELD_MAX_OBSERVATIONS)
    {
      g_set_error (error, FURROW_YIELD_ERROR, FURROW_YIELD_ERROR_INVALID,
                   _("between 1 and %u measured fields are needed"),
                   FURROW_YIELD_MAX_OBSERVATIONS);
      return FALSE;
    }

  *out = (FurrowYieldCalibration) { 0 };
  out->model = *base;
  g_strlcpy (out->model.name, name, sizeof out->model.name);
  out->n_observations = n_observations;

  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      double sbb = 0, sbi = 0, sii = 0, sby = 0, siy = 0;
      double k = base->inner_factor[c] != 0.0 ? base->border_factor[c] / base->inner_factor[c]
                                              : 1.0;

      /* y = Y_s R (s_b F_b + s_i F_i + s_sole): move the sole part to the left. */
      for (guint i = 0; i < n_observations; i++)
        {
          const FurrowYieldObservation *o = &observations[i];
          double share[3], r, xb, xi, y;

          if (!isfinite (o->yield_kg_per_mu[c]) || furrow_pattern_crop_rows (&o->pattern, c) == 0 ||
              furrow_pattern_is_sole (&o->pattern))
            continue;
          crop_shares (&o->pattern, c, share);
          r = density_response (base, c, relative_density (base, &o->pattern, c));
          xb = base->sole_yield_kg_per_mu[c] * r * share[FURROW_ROW_BORDER];
          xi = base->sole_yield_kg_per_mu[c] * r * share[FURROW_ROW_INNER];
          y = o->yield_kg_per_mu[c] - base->sole_yield_kg_per_mu[c] * r * share[FURROW_ROW_SOLE];
          sbb += xb * xb;
          sbi += xb * xi;
          sii += xi * xi;
          sby += xb * y;
          siy += xi * y;
          out->n_used[c]++;
        }

      if (out->n_used[c] == 0)
        continue;
      if (sbb * sii - sbi * sbi > 1e-9 * sbb * sii && sbb > 0.0 && sii > 0.0)
        {
          double det = sbb * sii - sbi * sbi;

          out->model.border_factor[c] = (sii * sby - sbi * siy) / det;
          out->model.inner_factor[c] = (sbb * siy - sbi * sby) / det;
        }
      else
        {
          /* z = k x_b + x_i: Σ z y / Σ z², with x_i = z-part… expanded from the sums */
          double szz = k * k * sbb + 2.0 * k * sbi + sii;
          double szy = k * sby + siy;

          if (!(szz > 0.0))
            continue;
          out->model.inner_factor[c] = szy / szz;
          out->model.border_factor[c] = k * out->model.inner_factor[c];
          out->ratio_kept[c] = TRUE;
        }
    }

  /* Residuals with the fitted model. */
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      double ss = 0.0;
      guint n = 0;

      for (guint i = 0; i < n_observations; i++)
        {
          const FurrowYieldObservation *o = &observations[i];
          FurrowYieldPrediction p;

          out->residual_kg_per_mu[c][i] = NAN;
          if (!isfinite (o->yield_kg_per_mu[c]) || furrow_pattern_crop_rows (&o->pattern, c) == 0)
            continue;
          furrow_yield_model_predict (&out->model, &o->pattern, &p);
          out->residual_kg_per_mu[c][i] = o->yield_kg_per_mu[c] - p.yield_kg_per_mu[c];
          ss += out->residual_kg_per_mu[c][i] * out->residual_kg_per_mu[c][i];
          n++;
        }
      out->rms_kg_per_mu[c] = n > 0 ? sqrt (ss / n) : 0.0;
    }
  return TRUE;
}
