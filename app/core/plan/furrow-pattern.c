/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-pattern.h"

#include <glib/gi18n.h>
#include <math.h>

#include "furrow-units.h"

G_DEFINE_QUARK (furrow-pattern-error-quark, furrow_pattern_error)

/* Sowing defaults [est.]: one seed per hill; 100-seed weight maize 33 g, soybean 22 g (HLJ2023 in
 * tests/data/intercropping_yields_transcribed.csv: 19.94–22.87 g); germination 0.90 and 0.85 (the
 * national seed standard GB 4404 asks at least 0.85 for both). */
#define MAIZE_100_SEED_G   33.0
#define SOY_100_SEED_G     22.0
#define MAIZE_GERMINATION  0.90
#define SOY_GERMINATION    0.85

typedef struct
{
  FurrowPatternPresetInfo info;
  guint  maize_rows;
  guint  soy_rows;
  double maize_spacing_m[3];
  double soy_spacing_m;
  double gap_m;
  double maize_plant_spacing_m;
  double soy_plant_spacing_m;
} Preset;

/* docs/domain.md §5. The first three rows are the Huang-Huai-Hai guidance table; the rest are
 * [est.]:
 *   2+2  0.40/0.30/0.65 → 2.00 m, the Jiangxi 2.0 m 2+2 band (Feng et al. 2021); maize 0.14 m
 *        (2 rows / 2.0 m → 666.7 m of row per mu / 0.14 = 4,762 hills), soybean 0.10 m.
 *   2+3  0.40/0.30/0.70 → 2.40 m, the Jiangxi 2.4 m 2+3 band; maize 0.12 m (4,630 hills/mu).
 *   4+4  0.40-0.80-0.40/0.30/0.60 → 3.70 m, the 4+6 maize band with 4 soybean rows; maize
 *        0.16 m (4 rows / 3.7 m → 720.7 m/mu / 0.16 = 4,505 hills), soybean 0.10 m.
 *   2+6  0.40/0.30/0.70 → 3.30 m; maize 0.09 m (404 m/mu / 0.09 = 4,489 hills), soybean 0.10 m.
 * Sole maize: 0.60 m rows at 0.247 m: 666.667 / (0.60 × 0.247) = 4,498 hills/mu, the ~4,500
 * seeds/mu target of §5 with one seed a hill. Sole soybean [est.]: 0.40 m rows at 0.10 m:
 * 666.667 / (0.40 × 0.10) = 16,667 hills/mu (summer soybean is sown at 15,000–20,000/mu). */
static const Preset presets[] = {
  { { "2+4", N_("2 maize + 4 soybean rows"), FALSE }, 2, 4, { 0.40 }, 0.30, 0.70, 0.115, 0.115 },
  { { "4+6", N_("4 maize + 6 soybean rows"), FALSE }, 4, 6, { 0.40, 0.80, 0.40 }, 0.30, 0.60,
    0.135, 0.105 },
  { { "3+4", N_("3 maize + 4 soybean rows"), FALSE }, 3, 4, { 0.60, 0.60 }, 0.30, 0.60,
    0.135, 0.085 },
  { { "2+2", N_("2 maize + 2 soybean rows"), TRUE }, 2, 2, { 0.40 }, 0.30, 0.65, 0.14, 0.10 },
  { { "2+3", N_("2 maize + 3 soybean rows"), TRUE }, 2, 3, { 0.40 }, 0.30, 0.70, 0.12, 0.10 },
  { { "4+4", N_("4 maize + 4 soybean rows"), TRUE }, 4, 4, { 0.40, 0.80, 0.40 }, 0.30, 0.60,
    0.16, 0.10 },
  { { "2+6", N_("2 maize + 6 soybean rows"), TRUE }, 2, 6, { 0.40 }, 0.30, 0.70, 0.09, 0.10 },
  { { "sole-maize", N_("Sole maize"), TRUE }, 4, 0, { 0.60, 0.60, 0.60 }, 0.0, 0.60,
    0.247, 0.0 },
  { { "sole-soybean", N_("Sole soybean"), TRUE }, 0, 6, { 0.0 }, 0.40, 0.40, 0.0, 0.10 },
};

guint
furrow_pattern_n_presets (void)
{
  return G_N_ELEMENTS (presets);
}

const FurrowPatternPresetInfo *
furrow_pattern_preset_info (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (presets), NULL);
  return &presets[index].info;
}

static void
init_defaults (FurrowPattern *self)
{
  *self = (FurrowPattern) { 0 };
  self->sowing[FURROW_CROP_MAIZE] = (FurrowSowing) { 0.115, 1.0, MAIZE_100_SEED_G,
                                                     MAIZE_GERMINATION };
  self->sowing[FURROW_CROP_SOYBEAN] = (FurrowSowing) { 0.115, 1.0, SOY_100_SEED_G,
                                                       SOY_GERMINATION };
  self->orientation = FURROW_ORIENTATION_NORTH_SOUTH;
  self->headland_m = FURROW_HEADLAND_ONE_UNIT;
  self->planter_width_m = FURROW_PLANTER_2BFYD_WIDTH_M;
}

/* A strip of the given rows with the 2+4 spacings (maize 0.40, soybean 0.30, gap 0.70; a sole
 * crop repeats at its row spacing) and 0.115 m plants: a starting point for a custom pattern. */
void
furrow_pattern_init_strip (FurrowPattern *self,
                           guint          maize_rows,
                           guint          soy_rows)
{
  init_defaults (self);
  self->maize_rows = MIN (maize_rows, FURROW_PATTERN_MAX_ROWS);
  self->soy_rows = MIN (soy_rows, FURROW_PATTERN_MAX_ROWS);
  for (guint i = 0; i < FURROW_PATTERN_MAX_ROWS - 1; i++)
    self->maize_spacing_m[i] = (soy_rows == 0) ? 0.60 : 0.40;
  self->soy_spacing_m = (maize_rows == 0) ? 0.40 : 0.30;
  if (maize_rows == 0)
    self->gap_m = self->soy_spacing_m;
  else if (soy_rows == 0)
    self->gap_m = self->maize_spacing_m[0];
  else
    self->gap_m = 0.70;
}

gboolean
furrow_pattern_preset (const char    *id,
                       FurrowPattern *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      const Preset *p = &presets[i];

      if (!g_str_equal (p->info.id, id))
        continue;

      init_defaults (out);
      out->maize_rows = p->maize_rows;
      out->soy_rows = p->soy_rows;
      for (guint r = 0; r + 1 < p->maize_rows; r++)
        out->maize_spacing_m[r] = p->maize_spacing_m[r];
      out->soy_spacing_m = p->soy_spacing_m;
      out->gap_m = p->gap_m;
      out->sowing[FURROW_CROP_MAIZE].plant_spacing_m = p->maize_plant_spacing_m;
      out->sowing[FURROW_CROP_SOYBEAN].plant_spacing_m = p->soy_plant_spacing_m;
      return TRUE;
    }
  return FALSE;
}

void
furrow_pattern_init_rows (FurrowPattern *self,
                          guint          maize_rows,
                          guint          soy_rows)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (presets[i].maize_rows == maize_rows && presets[i].soy_rows == soy_rows)
      {
        furrow_pattern_preset (presets[i].info.id, self);
        return;
      }
  furrow_pattern_init_strip (self, maize_rows, soy_rows);
}

gboolean
furrow_pattern_parse (const char    *text,
                      FurrowPattern *out)
{
  g_auto(GStrv) parts = NULL;
  guint64 rows[2];

  g_return_val_if_fail (text != NULL, FALSE);

  if (furrow_pattern_preset (text, out))
    return TRUE;
  parts = g_strsplit_set (text, "+,", -1);
  if (g_strv_length (parts) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 0, FURROW_PATTERN_MAX_ROWS,
                                     &rows[i], NULL))
      return FALSE;
  if (rows[0] + rows[1] == 0)
    return FALSE;
  furrow_pattern_init_rows (out, rows[0], rows[1]);
  return TRUE;
}

gboolean
furrow_pattern_is_sole (const FurrowPattern *self)
{
  return self->maize_rows == 0 || self->soy_rows == 0;
}

guint
furrow_pattern_crop_rows (const FurrowPattern *self,
                          FurrowCrop           crop)
{
  return crop == FURROW_CROP_MAIZE ? self->maize_rows : self->soy_rows;
}

static gboolean
positive (double v)
{
  return isfinite (v) && v > 0.0;
}

gboolean
furrow_pattern_validate (const FurrowPattern *self,
                         GError             **error)
{
  if (self->maize_rows + self->soy_rows == 0)
    {
      g_set_error (error, FURROW_PATTERN_ERROR, FURROW_PATTERN_ERROR_INVALID,
                   _("the pattern has no rows of either crop"));
      return FALSE;
    }
  if (self->maize_rows > FURROW_PATTERN_MAX_ROWS || self->soy_rows > FURROW_PATTERN_MAX_ROWS)
    {
      g_set_error (error, FURROW_PATTERN_ERROR, FURROW_PATTERN_ERROR_INVALID,
                   _("at most %u rows of each crop per strip"), FURROW_PATTERN_MAX_ROWS);
      return FALSE;
    }
  for (guint i = 0; i + 1 < self->maize_rows; i++)
    if (!positive (self->maize_spacing_m[i]))
      {
        g_set_error (error, FURROW_PATTERN_ERROR, FURROW_PATTERN_ERROR_INVALID,
                     _("maize row spacing %u must be positive"), i + 1);
        return FALSE;
      }
  if (self->soy_rows > 1 && !positive (self->soy_spacing_m))
    {
      g_set_error (error, FURROW_PATTERN_ERROR, FURROW_PATTERN_ERROR_INVALID,
                   _("the soybean row spacing must be positive"));
      return FALSE;
    }
  if (!positive (self->gap_m))
    {
      g_set_error (error, FURROW_PATTERN_ERROR, FURROW_PATTERN_ERROR_INVALID,
                   _("the maize–soybean gap must be positive"));
      return FALSE;
    }
  for (FurrowCrop c = 0; c < FURROW_N_CROPS; c++)
    {
      const FurrowSowing *s = &self->sowing[c];

      if (furrow_pattern_crop_rows (self, c) == 0)
        continue;
      if (!positive (s->plant_spacing_m) || !positive (s->seeds_per_hill) ||
          !(s->seed_100_weight_g >= 0.0) || !(s->germination > 0.0 && s->germination <= 1.0))
        {
          g_set_error (error, FURROW_PATTERN_ERROR, FURROW_PATTERN_ERROR_INVALID,
                       c == FURROW_CROP_MAIZE
                       ? _("maize plant spacing, seeds per hill and germination must be positive "
                           "(germination at most 1)")
                       : _("soybean plant spacing, seeds per hill and germination must be "
                           "positive (germination at most 1)"));
          return FALSE;
        }
    }
  if (!isfinite (self->azimuth_deg) || !isfinite (self->headland_m) ||
      !(self->margin_m >= 0.0) || !isfinite (self->margin_m) || !(self->planter_width_m >= 0.0))
    {
      g_set_error (error, FURROW_PATTERN_ERROR, FURROW_PATTERN_ERROR_INVALID,
                   _("azimuth, headland, margin and planter width must be numbers, the margin "
                     "and the planter width not negative"));
      return FALSE;
    }
  return TRUE;
}

static double
maize_span_m (const FurrowPattern *self)
{
  double sum = 0.0;

  for (guint i = 0; i + 1 < self->maize_rows; i++)
    sum += self->maize_spacing_m[i];
  return sum;
}

static double
soy_span_m (const FurrowPattern *self)
{
  return self->soy_rows > 1 ? (self->soy_rows - 1) * self->soy_spacing_m : 0.0;
}

/* docs/domain.md §5: W = (maize rows − 1) × maize spacing + (soy rows − 1) × soy spacing + 2 × gap;
 * a sole pattern has one gap (its repeat spacing), see furrow-pattern.h. */
double
furrow_pattern_unit_width_m (const FurrowPattern *self)
{
  double gaps = furrow_pattern_is_sole (self) ? 1.0 : 2.0;

  return maize_span_m (self) + soy_span_m (self) + gaps * self->gap_m;
}

double
furrow_pattern_band_width_m (const FurrowPattern *self,
                             FurrowCrop           crop)
{
  guint n = furrow_pattern_crop_rows (self, crop);

  if (n == 0)
    return 0.0;
  return (crop == FURROW_CROP_MAIZE ? maize_span_m (self) : soy_span_m (self)) + self->gap_m;
}

double
furrow_pattern_headland_m (const FurrowPattern *self)
{
  if (self->headland_m < 0.0)
    return furrow_pattern_unit_width_m (self);
  return self->headland_m;
}

/* Fills `rows` (maize_rows + soy_rows of them) left to right; returns the count. */
guint
furrow_pattern_rows (const FurrowPattern *self,
                     FurrowPatternRow    *rows)
{
  gboolean sole = furrow_pattern_is_sole (self);
  double half_gap = self->gap_m / 2.0;
  double x = half_gap;
  guint n = 0;

  for (guint i = 0; i < self->maize_rows; i++)
    {
      FurrowPatternRow *r = &rows[n++];

      r->crop = FURROW_CROP_MAIZE;
      r->offset_m = x;
      r->band_left_m = (i == 0) ? half_gap : self->maize_spacing_m[i - 1] / 2.0;
      r->band_right_m = (i + 1 == self->maize_rows) ? half_gap : self->maize_spacing_m[i] / 2.0;
      if (sole)
        r->position = FURROW_ROW_SOLE;
      else
        r->position = (i + 1 == self->maize_rows || (i == 0)) ? FURROW_ROW_BORDER
                                                              : FURROW_ROW_INNER;
      if (i + 1 < self->maize_rows)
        x += self->maize_spacing_m[i];
    }
  if (self->maize_rows > 0 && self->soy_rows > 0)
    x += self->gap_m;
  for (guint j = 0; j < self->soy_rows; j++)
    {
      FurrowPatternRow *r = &rows[n++];

      r->crop = FURROW_CROP_SOYBEAN;
      r->offset_m = x;
      r->band_left_m = (j == 0) ? half_gap : self->soy_spacing_m / 2.0;
      r->band_right_m = (j + 1 == self->soy_rows) ? half_gap : self->soy_spacing_m / 2.0;
      if (sole)
        r->position = FURROW_ROW_SOLE;
      else
        r->position = (j == 0 || j + 1 == self->soy_rows) ? FURROW_ROW_BORDER : FURROW_ROW_INNER;
      x += self->soy_spacing_m;
    }
  return n;
}

/* Ideal strip: a crop with n rows per unit of width W has n × 666.667 / W metres of row per mu. */
double
furrow_pattern_row_m_per_mu (const FurrowPattern *self,
                             FurrowCrop           crop)
{
  return furrow_pattern_crop_rows (self, crop) * FURROW_M2_PER_MU /
         furrow_pattern_unit_width_m (self);
}

double
furrow_pattern_hills_per_mu (const FurrowPattern *self,
                             FurrowCrop           crop)
{
  if (furrow_pattern_crop_rows (self, crop) == 0)
    return 0.0;
  return furrow_pattern_row_m_per_mu (self, crop) / self->sowing[crop].plant_spacing_m;
}

double
furrow_pattern_seeds_per_mu (const FurrowPattern *self,
                             FurrowCrop           crop)
{
  return furrow_pattern_hills_per_mu (self, crop) * self->sowing[crop].seeds_per_hill;
}

/* The planter rule. A strip is sown either
 *   (a) k ≥ 1 whole units per pass: the seeder carries every row of k units, so their row span
 *       k × W − gap (first row to last row; a sole pattern: k × W − gap as well) must fit in the
 *       working width P, and the pass spacing k × W must not be narrower than the machine,
 *       within the tolerance: k × W − gap ≤ P ≤ k × W + 0.10 m. The 2BFYD-2/4 (P = 2.3 m) on
 *       2+4 (W = 2.70 m, gap 0.70 m): 2.00 ≤ 2.3 ≤ 2.80, one unit a pass.
 *   (b) in m ≥ 2 passes per unit (a narrow seeder per band): W = m × P within 0.10 m.
 * Anything else leaves a gap or an overlap between passes: warn. */
FurrowPlanterFit
furrow_pattern_check_planter (const FurrowPattern *self,
                              guint               *units_per_pass,
                              guint               *passes_per_unit)
{
  double w = furrow_pattern_unit_width_m (self);
  double p = self->planter_width_m;
  double tol = FURROW_PLANTER_TOLERANCE_M;

  if (units_per_pass)
    *units_per_pass = 0;
  if (passes_per_unit)
    *passes_per_unit = 0;
  if (!(p > 0.0) || !(w > 0.0))
    return FURROW_PLANTER_NOT_CHECKED;

  for (guint k = 1; k <= 16; k++)
    if (k * w - self->gap_m <= p + 1e-9 && p <= k * w + tol + 1e-9)
      {
        if (units_per_pass)
          *units_per_pass = k;
        return FURROW_PLANTER_OK;
      }
  for (guint m = 2; m <= 8; m++)
    if (fabs (w - m * p) <= tol + 1e-9)
      {
        if (passes_per_unit)
          *passes_per_unit = m;
        return FURROW_PLANTER_OK;
      }
  return FURROW_PLANTER_MISMATCH;
}

char *
furrow_pattern_describe (const FurrowPattern *self)
{
  double w = furrow_pattern_unit_width_m (self);

  if (self->soy_rows == 0)
    return g_strdup_printf (_("Sole maize, %.2f m rows"),
                            self->maize_rows > 1 ? self->maize_spacing_m[0] : self->gap_m);
  if (self->maize_rows == 0)
    return g_strdup_printf (_("Sole soybean, %.2f m rows"),
                            self->soy_rows > 1 ? self->soy_spacing_m : self->gap_m);
  return g_strdup_printf (_("%u maize + %u soybean rows, %.2f m unit"),
                          self->maize_rows, self->soy_rows, w);
}
