/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-notice.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* A season's public notice and its objections in the project file (docs/domain.md §15,
 * docs/architecture.md, The store). Each call is one transaction, audited, announced as a
 * season-changed (FURROW_SEASON_CHANGE_RULES) of the season; all of them work on a settled
 * season too, since the notice follows the settlement. */

#define FURROW_OBJECTION_TEXT_MAX 2000  /* bytes of an objection's or a resolution's text */

/* Sets when the notice starts (YYYY-MM-DD, a real day; NULL or "": not posted) and how many
 * days it lasts (1 … FURROW_NOTICE_MAX_DAYS). Audited ("season.notice"). */
gboolean         furrow_store_set_notice             (FurrowStore      *self,
                                                      FurrowSeason     *season,
                                                      const char       *start,
                                                      guint             days,
                                                      GError          **error);

/* The season's objections (FurrowObjection, transfer full) in the order they were recorded. */
GPtrArray       *furrow_store_get_objections         (FurrowStore      *self,
                                                      FurrowSeason     *season,
                                                      GError          **error);
/* One objection by its id; NULL with NOT_FOUND. */
FurrowObjection *furrow_store_get_objection          (FurrowStore      *self,
                                                      FurrowSeason     *season,
                                                      gint64            id,
                                                      GError          **error);
/* Records `objection` (household by code, text, date received; resolved too when it has a
 * resolution): a new one when its id is 0, which is then set; else with that id again (the undo
 * of a delete). Audited ("season.objection": the household and the dates, never the text). */
gboolean         furrow_store_add_objection          (FurrowStore      *self,
                                                      FurrowSeason     *season,
                                                      FurrowObjection  *objection,
                                                      GError          **error);
/* Resolves objection `id` with `resolution` on `resolved` (a day, not before it was received);
 * a NULL or empty resolution opens it again. Audited. */
gboolean         furrow_store_resolve_objection      (FurrowStore      *self,
                                                      FurrowSeason     *season,
                                                      gint64            id,
                                                      const char       *resolution,
                                                      const char       *resolved,
                                                      GError          **error);
gboolean         furrow_store_delete_objection       (FurrowStore      *self,
                                                      FurrowSeason     *season,
                                                      gint64            id,
                                                      GError          **error);

/* Whether households of the season may be paid on `today` (NULL: the local day), for a payment
 * document `what` ("payroll", "bank-file"): TRUE when furrow_season_check_notice_ended() says
 * so; else, when `force` with a non-empty `reason`, TRUE after an audit row
 * ("season.notice-override": what, the check's message and the reason); else FALSE with the
 * check's error (force without a reason: FURROW_NOTICE_ERROR_INVALID). */
gboolean         furrow_store_check_payment_allowed  (FurrowStore      *self,
                                                      FurrowSeason     *season,
                                                      const char       *what,
                                                      const char       *today,
                                                      gboolean          force,
                                                      const char       *reason,
                                                      GError          **error);

G_END_DECLS
