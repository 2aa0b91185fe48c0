/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A strip pattern (带状复合种植, docs/domain.md §5): a band of maize rows next to a band of soybean
 * rows, repeated across the field. Rows are always counted per crop ("2 maize + 4 soybean"),
 * never as a bare ratio: official texts write soybean:maize, local reports maize first.
 *
 * Geometry of one strip unit, left to right across the rows:
 *
 *   ½gap | maize row 1 … maize row n (spacings s1 … s(n-1)) | gap | soybean row 1 … row m
 *   (spacing t) | ½gap
 *
 * so unit width W = Σ s_i + (m − 1) × t + 2 × gap (docs/domain.md §5). Each row "owns" a band: half
 * the distance to each neighbour; the two half-gaps belong to the rows they touch. The maize band
 * is then Σ s_i + gap and the soybean band (m − 1) × t + gap, and they add up to W: on an
 * infinite field the maize band area plus the soybean band area is the field area.
 *
 * Sole crops are patterns with zero rows of the other crop. A sole unit has no other crop to
 * leave a gap to: its rows repeat at the row spacing, W = Σ s_i + gap where the preset sets gap
 * to the row spacing (every row then owns exactly one row spacing of land). */

#define FURROW_PATTERN_MAX_ROWS 16

/* Headland width meaning "one unit width" (docs/domain.md §5: default headland = one unit
 * [est.]). */
#define FURROW_HEADLAND_ONE_UNIT (-1.0)

/* The 2BFYD-2/4 seeder works 2.3 m per pass (docs/domain.md §5). */
#define FURROW_PLANTER_2BFYD_WIDTH_M 2.3

/* Tolerance of the planter rule, m (see furrow_pattern_check_planter()). */
#define FURROW_PLANTER_TOLERANCE_M 0.10

typedef enum
{
  FURROW_CROP_MAIZE,
  FURROW_CROP_SOYBEAN,
  FURROW_N_CROPS
} FurrowCrop;

typedef enum
{
  /* rows run north–south: the default (docs/domain.md §5 [est.]) */
  FURROW_ORIENTATION_NORTH_SOUTH,
  FURROW_ORIENTATION_AZIMUTH,       /* rows run along azimuth_deg (clockwise from north) */
  FURROW_ORIENTATION_LONGEST_EDGE,  /* rows run along the longest edge of the field's outline */
} FurrowOrientation;

/* How one crop is sown. */
typedef struct
{
  double plant_spacing_m;    /* hill spacing along the row */
  double seeds_per_hill;
  double seed_100_weight_g;  /* mass of 100 seeds */
  double germination;        /* fraction of seeds that emerge, 0–1 */
} FurrowSowing;

typedef struct
{
  guint             maize_rows;
  guint             soy_rows;
  /* maize_rows − 1 spacings, left to right (wide middles: 0.40, 0.80, 0.40) */
  double            maize_spacing_m[FURROW_PATTERN_MAX_ROWS - 1];
  double            soy_spacing_m;
  double            gap_m;           /* maize row to neighbouring soybean row */
  FurrowSowing      sowing[FURROW_N_CROPS];
  FurrowOrientation orientation;
  double            azimuth_deg;     /* used with FURROW_ORIENTATION_AZIMUTH */
  double            headland_m;      /* at both row ends; FURROW_HEADLAND_ONE_UNIT = one unit */
  double            margin_m;        /* unsown margin along the whole field edge, 0 = none */
  double            planter_width_m; /* working width of the seeder, 0 = not checked */
} FurrowPattern;

/* A built-in preset. `label` is an N_() string such as "2 maize + 4 soybean rows". */
typedef struct
{
  const char *id;           /* "2+4", "4+6", … "sole-maize", "sole-soybean" */
  const char *label;
  gboolean    estimated;    /* spacings not from the published table: [est.] */
} FurrowPatternPresetInfo;

/* One row of the unit, left to right: which crop, where, how much land it owns, and whether it
 * borders the other crop. */
typedef enum
{
  FURROW_ROW_SOLE,    /* sole pattern: no other crop anywhere */
  FURROW_ROW_BORDER,  /* next to a row of the other crop */
  FURROW_ROW_INNER,   /* within its crop's band, both neighbours the same crop */
} FurrowRowPosition;

typedef struct
{
  FurrowCrop        crop;
  FurrowRowPosition position;
  double            offset_m;      /* from the unit's left edge */
  double            band_left_m;   /* land owned to the left of the row */
  double            band_right_m;  /* … and to the right */
} FurrowPatternRow;

typedef enum
{
  FURROW_PLANTER_NOT_CHECKED,
  FURROW_PLANTER_OK,
  FURROW_PLANTER_MISMATCH,
} FurrowPlanterFit;

typedef enum
{
  FURROW_PATTERN_ERROR_INVALID,
} FurrowPatternError;

#define FURROW_PATTERN_ERROR (furrow_pattern_error_quark ())
GQuark            furrow_pattern_error_quark        (void);

guint             furrow_pattern_n_presets          (void);
const FurrowPatternPresetInfo *
                  furrow_pattern_preset_info        (guint                index);
gboolean          furrow_pattern_preset             (const char          *id,
                                                     FurrowPattern       *out);
void              furrow_pattern_init_strip         (FurrowPattern       *self,
                                                     guint                maize_rows,
                                                     guint                soy_rows);
/* The preset with exactly these rows (the first in furrow_pattern_preset_info() order), else
 * furrow_pattern_init_strip(). */
void              furrow_pattern_init_rows          (FurrowPattern       *self,
                                                     guint                maize_rows,
                                                     guint                soy_rows);
/* A pattern preset id, or rows per crop "2+4" / "2,4" (furrow_pattern_init_rows()); FALSE for
 * anything else, for more than FURROW_PATTERN_MAX_ROWS of a crop and for no rows at all. */
gboolean          furrow_pattern_parse              (const char          *text,
                                                     FurrowPattern       *out);

gboolean          furrow_pattern_validate           (const FurrowPattern *self,
                                                     GError             **error);
gboolean          furrow_pattern_is_sole            (const FurrowPattern *self);
double            furrow_pattern_unit_width_m       (const FurrowPattern *self);
double            furrow_pattern_band_width_m       (const FurrowPattern *self,
                                                     FurrowCrop           crop);
double            furrow_pattern_headland_m         (const FurrowPattern *self);
guint             furrow_pattern_rows               (const FurrowPattern *self,
                                                     FurrowPatternRow    *rows);
guint             furrow_pattern_crop_rows          (const FurrowPattern *self,
                                                     FurrowCrop           crop);

/* On the ideal (infinite) strip, per mu of field: row metres, hills and seeds of one crop. */
double            furrow_pattern_row_m_per_mu       (const FurrowPattern *self,
                                                     FurrowCrop           crop);
double            furrow_pattern_hills_per_mu       (const FurrowPattern *self,
                                                     FurrowCrop           crop);
double            furrow_pattern_seeds_per_mu       (const FurrowPattern *self,
                                                     FurrowCrop           crop);

/* Planter rule, see furrow-pattern.c. `passes_per_unit` / `units_per_pass` may be NULL. */
FurrowPlanterFit  furrow_pattern_check_planter      (const FurrowPattern *self,
                                                     guint               *units_per_pass,
                                                     guint               *passes_per_unit);

/* "2 maize + 4 soybean rows, 2.70 m", translated; sole patterns say so. */
char             *furrow_pattern_describe           (const FurrowPattern *self);

G_END_DECLS
