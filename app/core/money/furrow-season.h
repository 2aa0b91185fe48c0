/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "furrow-distribution.h"
#include "furrow-pattern.h"

G_BEGIN_DECLS

/* A season of the cooperative (docs/architecture.md, docs/domain.md §7–8): its name and crop year,
 * its state (planning → harvested → settled; a settled season is read-only in the store), and the
 * money rules it is planned and settled with:
 *
 * - prices per crop, fen/kg at a stated moisture %;
 * - cost items per mu of custody land, by crop, with per-field overrides (an override replaces
 *   the default item of the same crop and name on that field). Maize items apply to every field
 *   with maize (sole maize or strip), soybean items to every field with soybean (for a strip
 *   they are the soybean additions of docs/domain.md §7);
 * - subsidies per mu (for every field, or only for strip-intercropped fields);
 * - other income (insurance payouts …) in fen;
 * - half-custody service fees per operation, fen per mu (a half-custody household is billed
 *   the sum of the operations listed);
 * - the base rule and the surplus split of the settlement engine (furrow-distribution.h), and
 *   the reason recorded when households get less than 60 % of the distributable surplus.
 *
 * A FurrowSeason is a property bag like FurrowField: change it, then furrow_store_update_season()
 * writes it (furrow-store-season.h). name, crop-year, notes and state notify on a real change;
 * "changed" is emitted after any change to the money rules. */

typedef enum
{
  FURROW_SEASON_PLANNING,
  FURROW_SEASON_HARVESTED,
  FURROW_SEASON_SETTLED,
} FurrowSeasonState;

#define FURROW_TYPE_SEASON_STATE (furrow_season_state_get_type ())

#define FURROW_SEASON_TEXT_MAX 64   /* bytes of an item, subsidy, income or fee name */
#define FURROW_NOTICE_DEFAULT_DAYS 7 /* a public notice's days unless set (docs/domain.md §15) */
#define FURROW_NOTICE_MAX_DAYS 365

typedef struct
{
  double price_fen_per_kg;
  double moisture_pct;              /* the moisture the price is quoted at; 0 = not stated */
} FurrowSeasonPrice;

typedef struct
{
  FurrowCrop crop;
  char       item[FURROW_SEASON_TEXT_MAX];
  gint64     fen_per_mu;
  gint64     field_id;              /* 0: the default for every field; else an override */
} FurrowSeasonCost;

typedef struct
{
  char     name[FURROW_SEASON_TEXT_MAX];
  gint64   fen_per_mu;
  gboolean strip_only;              /* only on strip-intercropped fields */
} FurrowSeasonSubsidy;

typedef struct
{
  char   name[FURROW_SEASON_TEXT_MAX];
  gint64 fen;
} FurrowSeasonIncome;

typedef struct
{
  char   operation[FURROW_SEASON_TEXT_MAX];
  gint64 fen_per_mu;
} FurrowSeasonFee;

/* One field's rates, overrides resolved: what furrow-economics.h needs. */
typedef struct
{
  double price_fen_per_kg[FURROW_N_CROPS];
  gint64 cost_fen_per_mu[FURROW_N_CROPS];      /* Σ items of the crop on this field */
  gint64 shared_cost_fen_per_mu;               /* the shared items among maize's (below) */
  gint64 subsidy_fen_per_mu;                   /* every field */
  gint64 strip_subsidy_fen_per_mu;             /* strip fields only */
} FurrowSeasonRates;

#define FURROW_TYPE_SEASON (furrow_season_get_type ())

G_DECLARE_FINAL_TYPE (FurrowSeason, furrow_season, FURROW, SEASON, GObject)

GType              furrow_season_state_get_type       (void) G_GNUC_CONST;
const char        *furrow_season_state_to_string      (FurrowSeasonState          state);
gboolean           furrow_season_state_from_string    (const char                *text,
                                                       FurrowSeasonState         *state);
/* The state in words, translated ("planning", "harvested", "settled"). */
const char        *furrow_season_state_label          (FurrowSeasonState          state);

const char        *furrow_crop_to_string              (FurrowCrop                 crop);
gboolean           furrow_crop_from_string            (const char                *text,
                                                       FurrowCrop                *crop);

/* A new season with the defaults of docs/domain.md §7 (prices, cost items, the strip subsidy) and a
 * fixed base of 500 yuan/mu with a 10/0/30/60 split [est.]: every default stays editable. */
FurrowSeason      *furrow_season_new                  (const char                *name,
                                                       guint                      crop_year);
/* A season with no prices, costs, subsidies, income or fees (the store loads into it). */
FurrowSeason      *furrow_season_new_empty            (void);
/* Copies everything but the id and the state from `source`. */
void               furrow_season_copy_rules           (FurrowSeason              *self,
                                                       FurrowSeason              *source);
/* A new season named `name` for `crop_year` that carries over the rules of `source`: prices,
 * costs, subsidies, fees, base rule and split. Other income is one-off (an insurance payout of
 * that year) and the notes are that season's own: neither is carried over. */
FurrowSeason      *furrow_season_new_from             (const char                *name,
                                                       guint                      crop_year,
                                                       FurrowSeason              *source);

gint64             furrow_season_get_id               (FurrowSeason              *self);
const char        *furrow_season_get_name             (FurrowSeason              *self);
void               furrow_season_set_name             (FurrowSeason              *self,
                                                       const char                *name);
guint              furrow_season_get_crop_year        (FurrowSeason              *self);
void               furrow_season_set_crop_year        (FurrowSeason              *self,
                                                       guint                      crop_year);
FurrowSeasonState  furrow_season_get_state            (FurrowSeason              *self);
gboolean           furrow_season_is_read_only         (FurrowSeason              *self);
const char        *furrow_season_get_notes            (FurrowSeason              *self);
void               furrow_season_set_notes            (FurrowSeason              *self,
                                                       const char                *notes);
/* The public-notice date (公示日期) printed on the season's statements, "2024-11-20", or NULL /
 * "" when not set; written by furrow_store_set_notice_date(), also on a settled season. */
const char        *furrow_season_get_notice_date      (FurrowSeason              *self);
void               furrow_season_set_notice_date      (FurrowSeason              *self,
                                                       const char                *notice_date);
/* How many days the public notice lasts from its date (docs/domain.md §15): 7 unless set, at
 * most FURROW_NOTICE_MAX_DAYS; written with the date by furrow_store_set_notice(). */
guint              furrow_season_get_notice_days      (FurrowSeason              *self);
void               furrow_season_set_notice_days      (FurrowSeason              *self,
                                                       guint                      days);
/* The objections of its notice not resolved yet (furrow_store_add_objection()), as the store
 * last read them. */
guint              furrow_season_get_open_objections  (FurrowSeason              *self);
/* Whether `text` is a notice date: YYYY-MM-DD, a real day of the calendar, from 1900. */
gboolean           furrow_season_notice_date_is_valid (const char                *text);

const FurrowSeasonPrice *
                   furrow_season_get_price            (FurrowSeason              *self,
                                                       FurrowCrop                 crop);
void               furrow_season_set_price            (FurrowSeason              *self,
                                                       FurrowCrop                 crop,
                                                       double                     price_fen_per_kg,
                                                       double                     moisture_pct);

const FurrowSeasonCost *
                   furrow_season_get_costs            (FurrowSeason              *self,
                                                       guint                     *n_costs);
/* Adds or replaces the item (crop, item, field_id); fen_per_mu < 0 removes it. */
void               furrow_season_set_cost             (FurrowSeason              *self,
                                                       FurrowCrop                 crop,
                                                       const char                *item,
                                                       gint64                     field_id,
                                                       gint64                     fen_per_mu);
void               furrow_season_clear_costs          (FurrowSeason              *self);
/* The shared cost items: the land's operations whatever it grows (tillage, sowing, irrigation
 * and other, management and labour; docs/domain.md §7, and the common part of furrow-comparison.h).
 * A season lists them under maize, so a field growing only soybean is charged them besides the
 * soybean items (furrow-economics.h). */
gboolean           furrow_season_cost_item_is_shared  (const char                *item);
/* Σ cost items of `crop` per mu on field `field_id` (0: the defaults), overrides applied. */
gint64             furrow_season_cost_fen_per_mu      (FurrowSeason              *self,
                                                       FurrowCrop                 crop,
                                                       gint64                     field_id);

const FurrowSeasonSubsidy *
                   furrow_season_get_subsidies        (FurrowSeason              *self,
                                                       guint                     *n_subsidies);
/* Adds or replaces the subsidy by name; fen_per_mu < 0 removes it. */
void               furrow_season_set_subsidy          (FurrowSeason              *self,
                                                       const char                *name,
                                                       gint64                     fen_per_mu,
                                                       gboolean                   strip_only);

const FurrowSeasonIncome *
                   furrow_season_get_other_income     (FurrowSeason              *self,
                                                       guint                     *n_income);
/* Adds or replaces the income by name; fen < 0 removes it. */
void               furrow_season_set_other_income     (FurrowSeason              *self,
                                                       const char                *name,
                                                       gint64                     fen);
gint64             furrow_season_other_income_fen     (FurrowSeason              *self);

const FurrowSeasonFee *
                   furrow_season_get_fees             (FurrowSeason              *self,
                                                       guint                     *n_fees);
/* Adds or replaces the fee by operation; fen_per_mu < 0 removes it. */
void               furrow_season_set_fee              (FurrowSeason              *self,
                                                       const char                *operation,
                                                       gint64                     fen_per_mu);
gint64             furrow_season_fees_fen_per_mu      (FurrowSeason              *self);

const FurrowBaseRule *
                   furrow_season_get_base_rule        (FurrowSeason              *self);
void               furrow_season_set_base_rule        (FurrowSeason              *self,
                                                       const FurrowBaseRule      *rule);
const FurrowSurplusSplit *
                   furrow_season_get_split            (FurrowSeason              *self);
/* reason: why households get less than 60 %, or NULL. */
const char        *furrow_season_get_split_reason     (FurrowSeason              *self);
void               furrow_season_set_split            (FurrowSeason              *self,
                                                       const FurrowSurplusSplit  *split,
                                                       const char                *reason);

/* The rates on one field (field_id 0: the defaults). */
void               furrow_season_get_rates            (FurrowSeason              *self,
                                                       gint64                     field_id,
                                                       FurrowSeasonRates         *rates);

/* The money rules in a few lines of plain text ("price maize 240 fen/kg at 14 %" …), the same
 * for the same rules: the store compares them to audit what changed. */
char              *furrow_season_describe_rules       (FurrowSeason              *self);

G_END_DECLS
