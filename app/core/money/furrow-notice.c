/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The public notice and its objections (furrow-notice.h, docs/domain.md §15). */

#include "config.h"

#include "furrow-notice.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

G_DEFINE_QUARK (furrow-notice-error-quark, furrow_notice_error)

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  if (!furrow_season_notice_date_is_valid (text)
      || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_valid (date);
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
furrow_notice_end_date (const char *start,
                        guint       days)
{
  GDate date;

  if (!parse_day (start, &date) || days < 1)
    return NULL;
  /* Day 1 is the start itself: a 7-day notice from 20 November ends on the 26th. */
  g_date_add_days (&date, days - 1);
  return format_day (&date);
}

char *
furrow_notice_next_day (const char *day)
{
  GDate date;

  if (!parse_day (day, &date))
    return NULL;
  g_date_add_days (&date, 1);
  return format_day (&date);
}

char *
furrow_notice_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
furrow_season_check_notice_ended (FurrowSeason  *season,
                                  const char    *today,
                                  GError       **error)
{
  g_autofree char *local_today = NULL;
  g_autofree char *end = NULL;
  g_autofree char *first_payday = NULL;
  const char *start;
  guint open;

  g_return_val_if_fail (FURROW_IS_SEASON (season), FALSE);

  if (today == NULL)
    today = local_today = furrow_notice_today ();
  if (!furrow_season_notice_date_is_valid (today))
    {
      g_set_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_INVALID,
                   _("“%s” is not a date; write it YYYY-MM-DD, e.g. 2024-11-27"), today);
      return FALSE;
    }
  start = furrow_season_get_notice_date (season);
  open = furrow_season_get_open_objections (season);
  if (start == NULL || *start == '\0')
    {
      g_set_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_NOT_POSTED,
                   _("season “%s” has not been posted for public notice: give its notice a "
                     "start date, and pay the households after the notice has ended"),
                   furrow_season_get_name (season));
      return FALSE;
    }
  end = furrow_notice_end_date (start, furrow_season_get_notice_days (season));
  first_payday = furrow_notice_next_day (end);
  /* ISO days compare as text. */
  if (g_strcmp0 (today, end) <= 0)
    {
      g_set_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_NOT_ENDED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the public notice of season “%s” lasts until %s and %u "
                                "objection is open: pay from %s, or force it with a reason",
                                "the public notice of season “%s” lasts until %s and %u "
                                "objections are open: pay from %s, or force it with a reason",
                                open),
                   furrow_season_get_name (season), end, open, first_payday);
      return FALSE;
    }
  if (open > 0)
    {
      g_set_error (error, FURROW_NOTICE_ERROR, FURROW_NOTICE_ERROR_OBJECTIONS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "season “%s” still has %u open objection from its public notice, "
                                "which ended on %s: resolve it first, or force it with a reason",
                                "season “%s” still has %u open objections from its public "
                                "notice, which ended on %s: resolve them first, or force it "
                                "with a reason",
                                open),
                   furrow_season_get_name (season), open, end);
      return FALSE;
    }
  return TRUE;
}

FurrowObjection *
furrow_objection_new (const char *household_code,
                      const char *text,
                      const char *received)
{
  FurrowObjection *self = g_new0 (FurrowObjection, 1);

  self->household_code = g_strdup (household_code != NULL ? household_code : "");
  self->household_name = g_strdup ("");
  self->text = g_strdup (text != NULL ? text : "");
  self->received = g_strdup (received != NULL ? received : "");
  self->resolution = g_strdup ("");
  self->resolved = g_strdup ("");
  return self;
}

FurrowObjection *
furrow_objection_copy (const FurrowObjection *objection)
{
  FurrowObjection *self;

  g_return_val_if_fail (objection != NULL, NULL);

  self = furrow_objection_new (objection->household_code, objection->text, objection->received);
  self->id = objection->id;
  g_free (self->household_name);
  self->household_name = g_strdup (objection->household_name != NULL
                                   ? objection->household_name : "");
  g_free (self->resolution);
  self->resolution = g_strdup (objection->resolution != NULL ? objection->resolution : "");
  g_free (self->resolved);
  self->resolved = g_strdup (objection->resolved != NULL ? objection->resolved : "");
  return self;
}

void
furrow_objection_free (FurrowObjection *objection)
{
  if (objection == NULL)
    return;
  g_free (objection->household_code);
  g_free (objection->household_name);
  g_free (objection->text);
  g_free (objection->received);
  g_free (objection->resolution);
  g_free (objection->resolved);
  g_free (objection);
}

gboolean
furrow_objection_is_open (const FurrowObjection *objection)
{
  g_return_val_if_fail (objection != NULL, FALSE);

  return objection->resolved == NULL || *objection->resolved == '\0';
}
