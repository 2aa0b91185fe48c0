/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-season.h"

G_BEGIN_DECLS

/* The public notice (公示) of a season's distribution and the objections raised during it
 * (docs/domain.md §15): the notice starts on the season's notice date and lasts its notice days;
 * households are paid only once it has ended and every objection is resolved. */

#define FURROW_NOTICE_ERROR (furrow_notice_error_quark ())

typedef enum
{
  FURROW_NOTICE_ERROR_NOT_POSTED,   /* the season has no notice date */
  FURROW_NOTICE_ERROR_NOT_ENDED,    /* today is within (or before) the notice period */
  FURROW_NOTICE_ERROR_OBJECTIONS,   /* the notice ended but objections are still open */
  FURROW_NOTICE_ERROR_INVALID,      /* a date that is not a day, a resolution without text … */
} FurrowNoticeError;

GQuark    furrow_notice_error_quark       (void);

/* The last day of a notice that starts on `start` (YYYY-MM-DD) and lasts `days` days: start +
 * days − 1 ("2024-11-20", 7 → "2024-11-26"). NULL when start is not a day. */
char     *furrow_notice_end_date          (const char   *start,
                                           guint         days);
/* The day after `date` (YYYY-MM-DD): the first day a payment may be made. NULL when not a day. */
char     *furrow_notice_next_day          (const char   *date);
/* Today, the local calendar day, YYYY-MM-DD. */
char     *furrow_notice_today             (void);

/* Whether households of `season` may be paid on `today` (YYYY-MM-DD; NULL: the local day): its
 * notice has a start date, `today` is after the notice's last day, and no objection is open
 * (furrow_season_get_open_objections()). Otherwise FALSE with a FURROW_NOTICE_ERROR whose
 * message names the season, the notice's last day and the open objections. The bank file and the
 * payroll refuse on it unless forced with a reason (docs/domain.md §15). */
gboolean  furrow_season_check_notice_ended (FurrowSeason *season,
                                            const char   *today,
                                            GError      **error);

/* One objection of a season's notice (furrow-store-notice.h). */
typedef struct
{
  gint64  id;              /* 0 until stored */
  char   *household_code;  /* CBFBM */
  char   *household_name;  /* the head, as the store last read it (filled on reading) */
  char   *text;            /* what the household says is wrong */
  char   *received;        /* YYYY-MM-DD */
  char   *resolution;      /* how it was resolved, "" while open */
  char   *resolved;        /* YYYY-MM-DD, "" while open */
} FurrowObjection;

FurrowObjection *furrow_objection_new      (const char            *household_code,
                                            const char            *text,
                                            const char            *received);
FurrowObjection *furrow_objection_copy     (const FurrowObjection *objection);
void             furrow_objection_free     (FurrowObjection       *objection);
gboolean         furrow_objection_is_open  (const FurrowObjection *objection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowObjection, furrow_objection_free)

G_END_DECLS
