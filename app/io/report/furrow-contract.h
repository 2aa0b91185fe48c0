/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "furrow-report.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* Custody service contracts (托管服务合同, docs/domain.md §13): per household and season, a
 * contract laid out after the Ministry of Agriculture and Rural Affairs' 2020 model text
 * (农业生产托管服务合同示范文本): the parties (甲方 the household, its head with the ID number
 * masked; 乙方 the cooperative), the plots from the register by county, township, village and
 * group (the parts of their 确权 codes) with their codes, registered mu and crop, the operations
 * (full custody: all of them; half custody: the ones the household takes), the service
 * standards from the season's plans, the term, the base payment or the fees in figures and in
 * capital numerals, the parties' duties, changes, liability, disputes, and the signature and
 * date spaces. A4 portrait; each household's contract starts on a new page and numbers its own
 * pages.
 *
 * The amounts are the season's: a settled season's frozen rows (furrow_store_get_settlement()),
 * else the settlement engine run on the season's prediction
 * (furrow_store_build_prediction_input()), so the base and fees a contract states are the ones
 * the statement will show. Any state of season: contracts are signed before the harvest.
 *
 * The text is interface text translated into the current locale, as the statements are; the
 * capital numerals are Chinese in every locale. */

typedef struct
{
  const char *household_code;  /* just this household (CBFBM), or NULL: every household with
                                * parcels */
  const char *start_date;      /* the term (ISO 8601), or NULL: the parcels' entrusted-from */
  const char *end_date;        /* date, else a blank to fill in by hand */
  const char *signing_date;    /* printed beside the signatures, or NULL: a blank */
  const char *signing_place;   /* or NULL: a blank */
} FurrowContractOptions;

typedef struct _FurrowContract FurrowContract;

/* The contracts of `season`. Errors (FURROW_REPORT_ERROR_INVALID): options->household_code is
 * not in the register or has no parcels; no household has parcels; the season's rules cannot
 * be worked out (the engine's message). `options` may be NULL. */
FurrowContract *furrow_contract_new_from_season (FurrowStore                 *store,
                                                 FurrowSeason                *season,
                                                 const FurrowContractOptions *options,
                                                 GError                     **error);
void            furrow_contract_free            (FurrowContract              *self);

guint           furrow_contract_get_n_households (FurrowContract             *self);
/* The household code (CBFBM) of contract `index`. */
const char     *furrow_contract_get_household_code (FurrowContract           *self,
                                                    guint                     index);
guint           furrow_contract_get_n_pages     (FurrowContract              *self);
/* "<cooperative> <season>: Custody Service Contracts", a print job or file name. */
const char     *furrow_contract_get_title       (FurrowContract              *self);

/* Page `page` (0-based, all contracts one after the other) of the A4 portrait design, scaled
 * and centred into width_pt × height_pt, as furrow_report_document_draw_page() does. */
void            furrow_contract_draw_page       (FurrowContract              *self,
                                                 cairo_t                     *cr,
                                                 guint                        page,
                                                 double                       width_pt,
                                                 double                       height_pt);

/* Every contract in one PDF, whole or not at all. */
gboolean        furrow_contract_write_pdf       (FurrowContract              *self,
                                                 const char                  *path,
                                                 GCancellable                *cancellable,
                                                 FurrowReportProgressFunc     progress,
                                                 gpointer                     user_data,
                                                 GError                     **error);
/* One PDF per household in `dir` (created if missing), "<CBFBM>.pdf", each whole or not at
 * all; the progress counts files. */
gboolean        furrow_contract_write_pdfs_dir  (FurrowContract              *self,
                                                 const char                  *dir,
                                                 GCancellable                *cancellable,
                                                 FurrowReportProgressFunc     progress,
                                                 gpointer                     user_data,
                                                 GError                     **error);

/* The audit row: "contracts", a household code or a count, and the destination (never
 * personal data). */
gboolean        furrow_contract_record_print    (FurrowContract              *self,
                                                 FurrowStore                 *store,
                                                 const char                  *destination,
                                                 GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowContract, furrow_contract_free)

G_END_DECLS
