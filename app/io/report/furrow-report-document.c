/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-report-document.h"
#include "furrow-report-document-testing.h"
#include "furrow-report-private.h"

#include "furrow-store-season.h"

#include <glib/gi18n-lib.h>

struct _FurrowReportDocument
{
  GObject                   parent_instance;

  FurrowReportDocumentKind  kind;
  FurrowReport             *report;
  /* Statements: shallow copies of the report's households that get a page. */
  FurrowReportHousehold    *pages;
  gsize                     n_pages_households;
  char                     *household_code;  /* the one household asked for, or NULL */
  char                     *title;
};

G_DEFINE_FINAL_TYPE (FurrowReportDocument, furrow_report_document, G_TYPE_OBJECT)

static void
furrow_report_document_finalize (GObject *object)
{
  FurrowReportDocument *self = FURROW_REPORT_DOCUMENT (object);

  g_free (self->pages);
  g_clear_pointer (&self->report, furrow_report_free);
  g_free (self->household_code);
  g_free (self->title);

  G_OBJECT_CLASS (furrow_report_document_parent_class)->finalize (object);
}

static void
furrow_report_document_class_init (FurrowReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = furrow_report_document_finalize;
}

static void
furrow_report_document_init (FurrowReportDocument *self)
{
}

/* ------------------------------------------------------------------------------------------ */
/* Construction                                                                               */

FurrowReportDocument *
furrow_report_document_new_statements_for_report (FurrowReport  *report,
                                                  const char    *household_code,
                                                  GError       **error)
{
  g_autoptr(FurrowReport) owned = report;
  g_autoptr(FurrowReportDocument) self = NULL;
  gsize n = 0;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (FURROW_TYPE_REPORT_DOCUMENT, NULL);
  self->kind = FURROW_REPORT_DOCUMENT_STATEMENTS;
  self->pages = g_new0 (FurrowReportHousehold, MAX (report->n_households, 1));
  for (gsize i = 0; i < report->n_households; i++)
    {
      const FurrowReportHousehold *h = &report->households[i];

      /* Every settled household gets its page, a half-custody one with nothing due too
       * (issue 13, item 4): the statements match the roster page for page. */
      if (household_code == NULL || g_strcmp0 (h->code, household_code) == 0)
        self->pages[n++] = *h;
    }
  if (n == 0 && household_code != NULL)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("Season “%s” has no settled household %s"),
                   report->cooperative.season_name != NULL ? report->cooperative.season_name
                                                           : "",
                   household_code);
      return NULL;
    }
  if (n == 0)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                           _("The settlement has no household to print a statement for"));
      return NULL;
    }
  self->n_pages_households = n;
  self->household_code = g_strdup (household_code);
  self->title = _furrow_report_statements_title (&report->cooperative);
  self->report = g_steal_pointer (&owned);
  return g_steal_pointer (&self);
}

FurrowReportDocument *
furrow_report_document_new_roster_for_report (FurrowReport  *report,
                                              GError       **error)
{
  g_autoptr(FurrowReport) owned = report;
  FurrowReportDocument *self;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report->n_households == 0)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                           _("The settlement has no households"));
      return NULL;
    }
  self = g_object_new (FURROW_TYPE_REPORT_DOCUMENT, NULL);
  self->kind = FURROW_REPORT_DOCUMENT_ROSTER;
  self->title = _furrow_report_roster_title (&report->cooperative);
  self->report = g_steal_pointer (&owned);
  return self;
}

/* The document of `kind` of the settled season, made from its report with the options' notice
 * date (and, for statements, the one household asked for). */
static FurrowReportDocument *
new_for_season (FurrowReportDocumentKind    kind,
                FurrowStore                *store,
                FurrowSeason               *season,
                const FurrowReportOptions  *options,
                GError                    **error)
{
  FurrowReport *report;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);

  report = furrow_report_new_from_season (store, season,
                                          options != NULL ? options->notice_date : NULL, error);
  if (report == NULL)
    return NULL;
  if (kind == FURROW_REPORT_DOCUMENT_ROSTER)
    return furrow_report_document_new_roster_for_report (report, error);
  return furrow_report_document_new_statements_for_report (report,
                                                           options != NULL
                                                           ? options->household_code : NULL,
                                                           error);
}

FurrowReportDocument *
furrow_report_document_new_statements (FurrowStore               *store,
                                       FurrowSeason              *season,
                                       const FurrowReportOptions *options,
                                       GError                   **error)
{
  return new_for_season (FURROW_REPORT_DOCUMENT_STATEMENTS, store, season, options, error);
}

FurrowReportDocument *
furrow_report_document_new_roster (FurrowStore               *store,
                                   FurrowSeason              *season,
                                   const FurrowReportOptions *options,
                                   GError                   **error)
{
  return new_for_season (FURROW_REPORT_DOCUMENT_ROSTER, store, season, options, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Pages                                                                                      */

FurrowReportDocumentKind
furrow_report_document_get_kind (FurrowReportDocument *self)
{
  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), FURROW_REPORT_DOCUMENT_STATEMENTS);

  return self->kind;
}

guint
furrow_report_document_get_n_pages (FurrowReportDocument *self)
{
  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), 0);

  if (self->kind == FURROW_REPORT_DOCUMENT_STATEMENTS)
    return (guint) self->n_pages_households;
  return furrow_report_roster_n_pages (self->report->n_households,
                                       furrow_report_roster_rows_per_page ());
}

gboolean
furrow_report_document_is_landscape (FurrowReportDocument *self)
{
  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), FALSE);

  return self->kind == FURROW_REPORT_DOCUMENT_ROSTER;
}

void
furrow_report_document_get_page_size (FurrowReportDocument *self,
                                      double               *width_pt,
                                      double               *height_pt)
{
  gboolean landscape;

  g_return_if_fail (FURROW_IS_REPORT_DOCUMENT (self));

  landscape = furrow_report_document_is_landscape (self);
  if (width_pt != NULL)
    *width_pt = landscape ? FURROW_REPORT_A4_LONG_PT : FURROW_REPORT_A4_SHORT_PT;
  if (height_pt != NULL)
    *height_pt = landscape ? FURROW_REPORT_A4_SHORT_PT : FURROW_REPORT_A4_LONG_PT;
}

const char *
furrow_report_document_get_title (FurrowReportDocument *self)
{
  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), NULL);

  return self->title;
}

const FurrowReport *
furrow_report_document_get_report (FurrowReportDocument *self)
{
  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), NULL);

  return self->report;
}

const FurrowReportHousehold *
furrow_report_document_get_page_household (FurrowReportDocument *self,
                                           guint                 page)
{
  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), NULL);

  if (self->kind != FURROW_REPORT_DOCUMENT_STATEMENTS || page >= self->n_pages_households)
    return NULL;
  return &self->pages[page];
}

void
furrow_report_document_draw_page (FurrowReportDocument *self,
                                  cairo_t              *cr,
                                  guint                 page,
                                  double                width_pt,
                                  double                height_pt)
{
  g_return_if_fail (FURROW_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < furrow_report_document_get_n_pages (self));

  if (self->kind == FURROW_REPORT_DOCUMENT_STATEMENTS)
    {
      furrow_report_draw_statement (cr, &self->report->cooperative, &self->pages[page],
                                    width_pt, height_pt);
    }
  else
    {
      guint rows = furrow_report_roster_rows_per_page ();

      furrow_report_draw_roster_page (cr, &self->report->cooperative, self->report->households,
                                      self->report->n_households, (gsize) page * rows, rows,
                                      width_pt, height_pt);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Files and the audit log                                                                    */

gboolean
furrow_report_document_write_pdf (FurrowReportDocument      *self,
                                  const char                *path,
                                  GCancellable              *cancellable,
                                  FurrowReportProgressFunc   progress,
                                  gpointer                   user_data,
                                  GError                   **error)
{
  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->kind == FURROW_REPORT_DOCUMENT_STATEMENTS)
    return furrow_report_write_statements_pdf (path, &self->report->cooperative, self->pages,
                                               self->n_pages_households, cancellable, progress,
                                               user_data, error);
  return furrow_report_write_roster_pdf (path, &self->report->cooperative,
                                         self->report->households, self->report->n_households,
                                         cancellable, error);
}

gboolean
furrow_report_document_write_pdfs_dir (FurrowReportDocument      *self,
                                       const char                *dir,
                                       GCancellable              *cancellable,
                                       FurrowReportProgressFunc   progress,
                                       gpointer                   user_data,
                                       GError                   **error)
{
  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->kind != FURROW_REPORT_DOCUMENT_STATEMENTS)
    {
      g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                           _("Only statements are written one file per household"));
      return FALSE;
    }
  return furrow_report_write_statement_pdfs_dir (dir, &self->report->cooperative, self->pages,
                                                 self->n_pages_households, cancellable,
                                                 progress, user_data, error);
}

gboolean
furrow_report_document_record_print (FurrowReportDocument  *self,
                                     FurrowStore           *store,
                                     const char            *destination,
                                     GError               **error)
{
  g_autofree char *which = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (FURROW_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The household code or a count, never personal data. */
  if (self->household_code != NULL)
    which = g_strdup_printf ("household %s", self->household_code);
  else if (self->kind == FURROW_REPORT_DOCUMENT_STATEMENTS)
    which = g_strdup_printf ("%" G_GSIZE_FORMAT " households", self->n_pages_households);
  else
    which = g_strdup_printf ("%" G_GSIZE_FORMAT " households", self->report->n_households);
  detail = g_strdup_printf ("%s -> %s", which, destination != NULL ? destination : "");
  return _furrow_report_record_print (store, self->report->cooperative.season_name,
                                      self->kind == FURROW_REPORT_DOCUMENT_STATEMENTS
                                      ? "statements" : "roster",
                                      detail, error);
}
