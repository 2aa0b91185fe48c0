/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-layout.h"
#include "furrow-pattern.h"

G_BEGIN_DECLS

/* Per-row yield model of strip intercropping (docs/domain.md §6).
 *
 * For crop c of a pattern, per mu of field:
 *
 *   yield_c = sole_yield_c × R_c(ρ_c) × F̄_c,      pLER_c = yield_c / sole_yield_c
 *
 *   ρ_c   relative density: seeds sown per mu of field (hills × seeds per hill, on the ideal
 *         strip) over the sole crop's seeds per mu. Germination is left out: the same seed lot
 *         emerges alike in sole and strip.
 *   R_c   density response R(ρ) = min(1, ρ)^b_c: yield falls less than in proportion when a
 *         crop has fewer plants than sole (b < 1: plants compensate); more plants than sole give
 *         no more yield. b = 0.8 for maize, 0.6 for soybean [est.: soybean branches into space,
 *         maize little].
 *   F̄_c   row-position factor: the band-width weighted mean, over the crop's rows in the unit, of
 *         the relative yield of its row class: border rows (next to the other crop), inner rows,
 *         and sole rows (a sole pattern: factor 1 by definition, so a sole pattern at sole density
 *         gives pLER 1). F absorbs everything per plant: light at the border, crowding in the
 *         narrow strip rows.
 *
 * A preset fixes the ratio border/inner per crop from the border-row evidence — maize border
 * rows +20 % over inner (Minnesota +18–27 %; maize/peanut +48 %), soybean border rows −20 %
 * (Minnesota −11–34 %) [est.] — and solves the level of F so that the 2+4 reference pattern of
 * docs/domain.md §5 reproduces the preset's partial LERs exactly on the ideal strip. */

#define FURROW_YIELD_MAX_OBSERVATIONS 256

typedef struct
{
  char   name[64];
  double sole_yield_kg_per_mu[FURROW_N_CROPS];   /* 550 / 200 [est.] */
  double sole_seeds_per_mu[FURROW_N_CROPS];      /* of the sole presets: 4,498 / 16,667 */
  double density_exponent[FURROW_N_CROPS];       /* b */
  double border_factor[FURROW_N_CROPS];
  double inner_factor[FURROW_N_CROPS];
} FurrowYieldModel;

typedef struct
{
  double relative_density[FURROW_N_CROPS];       /* ρ */
  double density_response[FURROW_N_CROPS];       /* R(ρ) */
  double row_factor[FURROW_N_CROPS];             /* F̄ */
  double pler[FURROW_N_CROPS];
  double ler;
  double yield_kg_per_mu[FURROW_N_CROPS];        /* per mu of field */
  double yield_kg[FURROW_N_CROPS];               /* of the whole field (layout only) */
} FurrowYieldPrediction;

/* A measured field: its pattern and its yields per mu of field (NAN: not measured). */
typedef struct
{
  FurrowPattern pattern;
  double        yield_kg_per_mu[FURROW_N_CROPS];
} FurrowYieldObservation;

/* The result of fitting the row-position factors to a cooperative's own yields: a named model
 * (the store keeps it as a preset), the residuals observation by observation (measured minus
 * fitted, kg/mu; NAN where not measured) and their root mean square. When the observations
 * cannot tell border rows from inner rows (every pattern has the same border share, e.g. all
 * 2+4), the base model's border/inner ratio is kept and only the level is fitted
 * (`ratio_kept`). */
typedef struct
{
  FurrowYieldModel model;
  guint            n_observations;
  guint            n_used[FURROW_N_CROPS];
  gboolean         ratio_kept[FURROW_N_CROPS];
  double           residual_kg_per_mu[FURROW_N_CROPS][FURROW_YIELD_MAX_OBSERVATIONS];
  double           rms_kg_per_mu[FURROW_N_CROPS];
} FurrowYieldCalibration;

typedef enum
{
  FURROW_YIELD_ERROR_UNKNOWN_PRESET,
  FURROW_YIELD_ERROR_INVALID,
} FurrowYieldError;

#define FURROW_YIELD_ERROR (furrow_yield_error_quark ())
GQuark      furrow_yield_error_quark            (void);

/* "practical" (default), "xiashan", "survey". */
guint       furrow_yield_model_n_presets        (void);
const char *furrow_yield_model_preset_id        (guint                         index);
const char *furrow_yield_model_preset_label     (guint                         index);
gboolean    furrow_yield_model_preset           (const char                   *id,
                                                 FurrowYieldModel             *out,
                                                 GError                      **error);

/* Solve border and inner factors so that `reference` reproduces the two partial LERs on the
 * ideal strip, with border/inner ratios `border_over_inner`; both arrays FURROW_N_CROPS long. */
gboolean    furrow_yield_model_calibrate_pler   (FurrowYieldModel             *self,
                                                 const FurrowPattern          *reference,
                                                 const double                 *pler,
                                                 const double                 *border_over_inner);

double      furrow_yield_model_row_factor       (const FurrowYieldModel       *self,
                                                 const FurrowPattern          *pattern,
                                                 FurrowCrop                    crop);

/* On the ideal (infinite) strip. */
void        furrow_yield_model_predict          (const FurrowYieldModel       *self,
                                                 const FurrowPattern          *pattern,
                                                 FurrowYieldPrediction        *out);

/* On a laid-out field: yields from the band area of each row of the layout, pLER against the
 * whole field area (headlands and margins not sown lower it). */
void        furrow_yield_model_predict_layout   (const FurrowYieldModel       *self,
                                                 const FurrowLayout           *layout,
                                                 FurrowYieldPrediction        *out);

/* Least-squares fit of border and inner factors per crop (closed form, 2 × 2 normal
 * equations) to measured yields; everything else is taken from `base`. */
gboolean    furrow_yield_model_fit              (const FurrowYieldModel       *base,
                                                 const char                   *name,
                                                 const FurrowYieldObservation *observations,
                                                 guint                         n_observations,
                                                 FurrowYieldCalibration       *out,
                                                 GError                      **error);

G_END_DECLS
