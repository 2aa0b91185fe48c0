/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "furrow-report.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* The cooperative's surplus and surplus-distribution statement (盈余及盈余分配表, form 会农社02 of
 * the cooperative accounting system, 农民专业合作社会计制度, 财会〔2021〕37号; docs/domain.md §17)
 * for a settled season or for every settled season of a crop year, from the frozen
 * settlements: the form's 20 rows (行次 1 to 20) in its order, each with the Furrow figure that
 * fills it, or blank for the accountant when Furrow does not know it (investment income, taxes,
 * administrative and financial expenses, other expenses, income tax, the undistributed surplus
 * brought forward, other transfers, surplus converted into members' contributions), and the
 * form's last-year column left blank. A total row is the sum of the rows above it that it takes, counting
 * a blank row as 0; the XLSX writes it as a formula, so it follows what the accountant fills in.
 *
 * It reconciles with the settlement to the fen: the surplus of the year is the settlement's
 * surplus plus the half-custody fees (service income of the cooperative, not of the pool), and
 * the undistributed surplus at the end of the year is the cooperative's share plus those fees. */

typedef struct _FurrowSurplusStatement FurrowSurplusStatement;

/* A settled season's statement; FURROW_REPORT_ERROR_INVALID when it is not settled. */
FurrowSurplusStatement *furrow_surplus_statement_new_for_season (FurrowStore             *store,
                                                                 FurrowSeason            *season,
                                                                 GError                 **error);
/* Every season of `crop_year`, summed; FURROW_REPORT_ERROR_INVALID when there is none or one is
 * not settled (named in the message). */
FurrowSurplusStatement *furrow_surplus_statement_new_for_year   (FurrowStore             *store,
                                                                 guint                    crop_year,
                                                                 GError                 **error);
void                    furrow_surplus_statement_free           (FurrowSurplusStatement  *self);

/* The one A4 portrait page, scaled and centred into width_pt × height_pt. */
void                    furrow_surplus_statement_draw_page      (FurrowSurplusStatement  *self,
                                                                 cairo_t                 *cr,
                                                                 double                   width_pt,
                                                                 double                   height_pt);
/* By the file's extension, .pdf or .xlsx (any case), whole or not at all. */
gboolean                furrow_surplus_statement_write          (FurrowSurplusStatement  *self,
                                                                 const char              *path,
                                                                 GError                 **error);
/* The audit row on each season: "surplus-statement" and the destination. */
gboolean                furrow_surplus_statement_record_print   (FurrowSurplusStatement  *self,
                                                                 FurrowStore             *store,
                                                                 const char              *destination,
                                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowSurplusStatement, furrow_surplus_statement_free)

G_END_DECLS
