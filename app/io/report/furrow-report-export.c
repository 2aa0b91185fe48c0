/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-report.h"
#include "furrow-report-private.h"
#include "furrow-report-testing.h"

#include "furrow-atomic-file.h"
#include "furrow-csv.h"
#include "furrow-store-season.h"
#include "furrow-xlsx.h"
#include "furrow-units.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* ------------------------------------------------------------------------------------------ */
/* Whole files or none: written beside the target, renamed into place (furrow-atomic-file.h)  */

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display_name = g_filename_display_name (path);

  /* Translators: a file that cannot be written, and why */
  g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE, _("%s: cannot write: %s"),
               display_name, reason);
}

gboolean
_furrow_report_propagate_write_error (GError **error,
                                      GError  *local)
{
  g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE, local->message);
  g_error_free (local);
  return FALSE;
}

/* The file beside the target that an export writes (furrow-atomic-file.h). */
static FurrowAtomicFile *
create_temp (const char  *path,
             GError     **error)
{
  GError *local = NULL;
  FurrowAtomicFile *file = furrow_atomic_file_new (path, &local);

  if (file == NULL)
    _furrow_report_propagate_write_error (error, local);
  return file;
}

static gboolean
commit_temp (FurrowAtomicFile  *file,
             GError           **error)
{
  GError *local = NULL;

  return furrow_atomic_file_commit (file, &local) || _furrow_report_propagate_write_error (error, local);
}

/* ------------------------------------------------------------------------------------------ */
/* PDF                                                                                        */

typedef void (*DrawPageFunc) (cairo_t  *cr,
                              gsize     page,
                              double    width_pt,
                              double    height_pt,
                              gpointer  data);

/* Pages are drawn on every core: worker threads record pages into cairo recording surfaces
 * (Pango shapes the text there, most of a page's cost) while the calling thread replays them in
 * order into the one PDF surface. A page is always recorded and replayed, whatever the number
 * of threads, so the file does not depend on it. At most WINDOW pages wait in memory. */
#define WINDOW 32

static gint n_threads_setting = -1;

void
_furrow_report_set_threads (int n_threads)
{
  g_atomic_int_set (&n_threads_setting, n_threads);
}

typedef struct
{
  DrawPageFunc      draw_page;
  gpointer          data;
  double            width_pt;
  double            height_pt;
  gsize             n_pages;

  GMutex            lock;
  GCond             cond;
  gsize             next;        /* the next page to record */
  gsize             replayed;    /* pages replayed so far */
  gboolean          stop;
  cairo_surface_t  *slots[WINDOW];
} Recorder;

static cairo_surface_t *
record_page (Recorder *recorder,
             gsize     page)
{
  cairo_rectangle_t extents = { 0, 0, recorder->width_pt, recorder->height_pt };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);

  recorder->draw_page (cr, page, recorder->width_pt, recorder->height_pt, recorder->data);
  cairo_destroy (cr);
  return surface;
}

static gpointer
record_pages (gpointer data)
{
  Recorder *recorder = data;

  g_mutex_lock (&recorder->lock);
  for (;;)
    {
      gsize page;
      cairo_surface_t *surface;

      while (!recorder->stop && recorder->next < recorder->n_pages &&
             recorder->next >= recorder->replayed + WINDOW)
        g_cond_wait (&recorder->cond, &recorder->lock);
      if (recorder->stop || recorder->next >= recorder->n_pages)
        break;
      page = recorder->next++;
      g_mutex_unlock (&recorder->lock);

      surface = record_page (recorder, page);

      g_mutex_lock (&recorder->lock);
      recorder->slots[page % WINDOW] = surface;
      g_cond_broadcast (&recorder->cond);
    }
  g_mutex_unlock (&recorder->lock);
  return NULL;
}

/* Page `page`'s recording, waiting for a worker when there is one, else recording it here. */
static cairo_surface_t *
take_page (Recorder *recorder,
           gsize     page,
           gboolean  threaded)
{
  cairo_surface_t *surface;

  if (!threaded)
    return record_page (recorder, page);
  g_mutex_lock (&recorder->lock);
  while (recorder->slots[page % WINDOW] == NULL)
    g_cond_wait (&recorder->cond, &recorder->lock);
  surface = g_steal_pointer (&recorder->slots[page % WINDOW]);
  g_mutex_unlock (&recorder->lock);
  return surface;
}

static void
page_replayed (Recorder *recorder,
               gsize     page,
               gboolean  threaded)
{
  if (!threaded)
    return;
  g_mutex_lock (&recorder->lock);
  recorder->replayed = page + 1;
  g_cond_broadcast (&recorder->cond);
  g_mutex_unlock (&recorder->lock);
}

static void
stop_recording (Recorder   *recorder,
                GPtrArray  *threads)
{
  g_mutex_lock (&recorder->lock);
  recorder->stop = TRUE;
  g_cond_broadcast (&recorder->cond);
  g_mutex_unlock (&recorder->lock);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);
  g_ptr_array_set_size (threads, 0);
  for (guint i = 0; i < WINDOW; i++)
    g_clear_pointer (&recorder->slots[i], cairo_surface_destroy);
}

static gboolean
write_pdf (const char               *path,
           double                    width_pt,
           double                    height_pt,
           const char               *title,
           const char               *author,
           gsize                     n_pages,
           DrawPageFunc              draw_page,
           gpointer                  data,
           GCancellable             *cancellable,
           FurrowReportProgressFunc  progress,
           gpointer                  user_data,
           GError                  **error)
{
  g_autoptr(FurrowAtomicFile) temp = create_temp (path, error);
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Recorder recorder = {
    .draw_page = draw_page,
    .data = data,
    .width_pt = width_pt,
    .height_pt = height_pt,
    .n_pages = n_pages,
  };
  /* One recording thread per core; the replay here costs about as much as recording. */
  int setting = g_atomic_int_get (&n_threads_setting);
  guint n_threads = setting >= 0 ? (guint) setting
                                 : n_pages >= 8 ? MIN (g_get_num_processors (), 8) : 0;
  cairo_status_t status;
  gboolean cancelled = FALSE;

  if (temp == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create (furrow_atomic_file_get_path (temp), width_pt, height_pt);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Furrow");
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cr = cairo_create (surface);

  g_mutex_init (&recorder.lock);
  g_cond_init (&recorder.cond);
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("furrow-report", record_pages, &recorder));

  for (gsize page = 0; page < n_pages; page++)
    {
      cairo_surface_t *recording;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cancelled = TRUE;
          break;
        }
      recording = take_page (&recorder, page, n_threads > 0);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (recording);
      cairo_show_page (cr);
      page_replayed (&recorder, page, n_threads > 0);
      if (progress != NULL)
        progress (page + 1, n_pages, user_data);
    }
  stop_recording (&recorder, threads);
  g_cond_clear (&recorder.cond);
  g_mutex_clear (&recorder.lock);

  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  if (cancelled)
    return FALSE;
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (error, path, cairo_status_to_string (status));
      return FALSE;
    }
  return commit_temp (temp, error);
}

typedef struct
{
  const FurrowReportCooperative *cooperative;
  const FurrowReportHousehold   *households;
  gsize                          n_households;
} Pages;

static void
draw_statement_page (cairo_t  *cr,
                     gsize     page,
                     double    width_pt,
                     double    height_pt,
                     gpointer  data)
{
  Pages *pages = data;

  furrow_report_draw_statement (cr, pages->cooperative, &pages->households[page], width_pt,
                                height_pt);
}

static void
draw_roster_page (cairo_t  *cr,
                  gsize     page,
                  double    width_pt,
                  double    height_pt,
                  gpointer  data)
{
  Pages *pages = data;
  guint rows = furrow_report_roster_rows_per_page ();

  furrow_report_draw_roster_page (cr, pages->cooperative, pages->households,
                                  pages->n_households, page * rows, rows, width_pt, height_pt);
}

char *
_furrow_report_statements_title (const FurrowReportCooperative *cooperative)
{
  g_autofree char *prefix = furrow_report_title_prefix (cooperative);

  /* Translators: the statements PDF's document title; %s is the cooperative and season */
  return g_strdup_printf (_("%s: Household Income Statements"), prefix);
}

gboolean
furrow_report_write_statements_pdf (const char                    *path,
                                    const FurrowReportCooperative *cooperative,
                                    const FurrowReportHousehold   *households,
                                    gsize                          n_households,
                                    GCancellable                  *cancellable,
                                    FurrowReportProgressFunc       progress,
                                    gpointer                       user_data,
                                    GError                       **error)
{
  Pages pages = { cooperative, households, n_households };
  g_autofree char *title = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cooperative != NULL, FALSE);
  g_return_val_if_fail (households != NULL || n_households == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_households == 0)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("%s: no households to print"), display_name);
      return FALSE;
    }

  title = _furrow_report_statements_title (cooperative);
  return write_pdf (path, FURROW_REPORT_A4_SHORT_PT, FURROW_REPORT_A4_LONG_PT, title,
                    cooperative->name, n_households, draw_statement_page, &pages, cancellable,
                    progress, user_data, error);
}

gboolean
furrow_report_write_statement_pdfs_dir (const char                    *dir,
                                        const FurrowReportCooperative *cooperative,
                                        const FurrowReportHousehold   *households,
                                        gsize                          n_households,
                                        GCancellable                  *cancellable,
                                        FurrowReportProgressFunc       progress,
                                        gpointer                       user_data,
                                        GError                       **error)
{
  Pages pages = { cooperative, households, n_households };
  g_autofree FurrowReportPdfFile *files = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (cooperative != NULL, FALSE);
  g_return_val_if_fail (households != NULL || n_households == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One page a household, its statement. */
  files = g_new0 (FurrowReportPdfFile, n_households + 1);
  for (gsize i = 0; i < n_households; i++)
    files[i] = (FurrowReportPdfFile) { households[i].code, i, 1 };
  title = _furrow_report_statements_title (cooperative);
  return _furrow_report_write_pdf_files (dir, FURROW_REPORT_A4_SHORT_PT, FURROW_REPORT_A4_LONG_PT,
                                         title, cooperative->name, files, n_households,
                                         draw_statement_page, &pages, cancellable, progress,
                                         user_data, error);
}

char *
_furrow_report_roster_title (const FurrowReportCooperative *cooperative)
{
  g_autofree char *prefix = furrow_report_title_prefix (cooperative);

  return g_strdup_printf (_("%s: Public Roster of Household Income"), prefix);
}

gboolean
furrow_report_write_roster_pdf (const char                    *path,
                                const FurrowReportCooperative *cooperative,
                                const FurrowReportHousehold   *households,
                                gsize                          n_households,
                                GCancellable                  *cancellable,
                                GError                       **error)
{
  Pages pages = { cooperative, households, n_households };
  g_autofree char *title = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cooperative != NULL, FALSE);
  g_return_val_if_fail (households != NULL || n_households == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = _furrow_report_roster_title (cooperative);
  return write_pdf (path, FURROW_REPORT_A4_LONG_PT, FURROW_REPORT_A4_SHORT_PT, title,
                    cooperative->name,
                    furrow_report_roster_n_pages (n_households,
                                                  furrow_report_roster_rows_per_page ()),
                    draw_roster_page, &pages, cancellable, NULL, NULL, error);
}

typedef struct
{
  const FurrowReportCooperative *cooperative;
  const FurrowReportPlanSheet   *sheets;
} PlanPages;

static void
draw_plan_page (cairo_t  *cr,
                gsize     page,
                double    width_pt,
                double    height_pt,
                gpointer  data)
{
  PlanPages *pages = data;

  furrow_report_draw_plan_sheet (cr, pages->cooperative, &pages->sheets[page], width_pt,
                                 height_pt);
}

gboolean
furrow_report_write_plan_sheets_pdf (const char                    *path,
                                     const FurrowReportCooperative *cooperative,
                                     const FurrowReportPlanSheet   *sheets,
                                     gsize                          n_sheets,
                                     GCancellable                  *cancellable,
                                     FurrowReportProgressFunc       progress,
                                     gpointer                       user_data,
                                     GError                       **error)
{
  PlanPages pages = { cooperative, sheets };
  g_autofree char *prefix = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cooperative != NULL, FALSE);
  g_return_val_if_fail (sheets != NULL || n_sheets == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_sheets == 0)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("%s: no fields to print"), display_name);
      return FALSE;
    }

  prefix = furrow_report_title_prefix (cooperative);
  /* Translators: the plan sheets PDF's document title; %s is the cooperative and season */
  title = g_strdup_printf (_("%s: Field Plan Sheets"), prefix);
  return write_pdf (path, FURROW_REPORT_A4_SHORT_PT, FURROW_REPORT_A4_LONG_PT, title,
                    cooperative->name, n_sheets, draw_plan_page, &pages, cancellable, progress,
                    user_data, error);
}

/* ------------------------------------------------------------------------------------------ */
/* CSV                                                                                        */

/* Fen as plain yuan with two decimals, for spreadsheets: 190344 → "1903.44". */
static char *
format_fen_plain (gint64 fen)
{
  guint64 magnitude = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

/* Columns 0 (No.), 3 (mu) and 4–7 (yuan) hold numbers Furrow wrote; a negative total
 * ("-150.00", a half-custody household that owes its fee) stays a number, while a name or a
 * code that begins like a formula is neutralised (furrow-csv.h). */
static void
append_csv_cell (GString    *out,
                 const char *text,
                 guint       column,
                 gboolean    last)
{
  furrow_csv_append_cell (out, text, column == 1 || column == 2 ? FURROW_CSV_TEXT
                                                                : FURROW_CSV_NUMBER);
  g_string_append (out, last ? "\r\n" : ",");
}

#define N_ROSTER_COLUMNS 8

static void
roster_headers (const char *headers[N_ROSTER_COLUMNS],
                gboolean    yuan)
{
  headers[0] = _("No.");
  headers[1] = _("Household code");
  headers[2] = _("Head of household");
  headers[3] = _("Registered area (mu)");
  headers[4] = yuan ? _("Base payment (yuan)") : _("Base payment");
  headers[5] = yuan ? _("Dividend (yuan)") : _("Dividend");
  headers[6] = yuan ? _("Service fee (yuan)") : _("Service fee");
  headers[7] = yuan ? _("Total (yuan)") : _("Total");
}

static char *
households_count (gsize n_households)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household", "%u households",
                                       (gulong) n_households),
                          (guint) n_households);
}

gboolean
furrow_report_write_roster_csv (const char                    *path,
                                const FurrowReportCooperative *cooperative,
                                const FurrowReportHousehold   *households,
                                gsize                          n_households,
                                GError                       **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");   /* the BOM: Excel reads UTF-8 */
  const char *headers[N_ROSTER_COLUMNS];
  gint64 sums[4] = { 0, 0, 0, 0 };
  double area_mu = 0.0;
  g_autoptr(FurrowAtomicFile) temp = NULL;
  GError *local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cooperative != NULL, FALSE);
  g_return_val_if_fail (households != NULL || n_households == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  roster_headers (headers, TRUE);
  for (guint c = 0; c < N_ROSTER_COLUMNS; c++)
    {
      furrow_csv_append_cell (out, headers[c], FURROW_CSV_TEXT);
      g_string_append (out, c == N_ROSTER_COLUMNS - 1 ? "\r\n" : ",");
    }

  for (gsize i = 0; i < n_households; i++)
    {
      const FurrowReportHousehold *household = &households[i];
      g_autofree char *number = g_strdup_printf ("%" G_GSIZE_FORMAT, i + 1);
      g_autofree char *area = furrow_report_format_area (household->area_mu);
      g_autofree char *base = format_fen_plain (household->base_fen);
      g_autofree char *dividend = format_fen_plain (household->dividend_fen);
      g_autofree char *fee = format_fen_plain (household->fee_fen);
      g_autofree char *total = format_fen_plain (household->total_fen);
      const char *cells[N_ROSTER_COLUMNS] = {
        number, household->code, household->name, area, base, dividend, fee, total,
      };

      for (guint c = 0; c < N_ROSTER_COLUMNS; c++)
        append_csv_cell (out, cells[c], c, c == N_ROSTER_COLUMNS - 1);
      sums[0] += household->base_fen;
      sums[1] += household->dividend_fen;
      sums[2] += household->fee_fen;
      sums[3] += household->total_fen;
      area_mu += household->area_mu;
    }

  {
    g_autofree char *count = households_count (n_households);
    g_autofree char *area = furrow_report_format_area (area_mu);
    g_autofree char *base = format_fen_plain (sums[0]);
    g_autofree char *dividend = format_fen_plain (sums[1]);
    g_autofree char *fee = format_fen_plain (sums[2]);
    g_autofree char *total = format_fen_plain (sums[3]);
    const char *cells[N_ROSTER_COLUMNS] = {
      "", _("Total"), count, area, base, dividend, fee, total,
    };

    for (guint c = 0; c < N_ROSTER_COLUMNS; c++)
      append_csv_cell (out, cells[c], c, c == N_ROSTER_COLUMNS - 1);
  }

  temp = create_temp (path, error);
  if (temp == NULL)
    return FALSE;
  if (!furrow_atomic_file_write (temp, out->str, out->len, &local))
    return _furrow_report_propagate_write_error (error, local);
  return commit_temp (temp, error);
}

/* ------------------------------------------------------------------------------------------ */
/* XLSX                                                                                       */

gboolean
furrow_report_write_roster_xlsx (const char                    *path,
                                 const FurrowReportCooperative *cooperative,
                                 const FurrowReportHousehold   *households,
                                 gsize                          n_households,
                                 GError                       **error)
{
  static const double widths[N_ROSTER_COLUMNS] = { 6, 24, 12, 14, 15, 14, 13, 15 };
  const char *headers[N_ROSTER_COLUMNS];
  g_autoptr(FurrowXlsx) xlsx = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *title = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header_format, *text_format, *area_format, *money_format;
  lxw_format *total_text_format, *total_area_format, *total_money_format;
  gint64 sums[4] = { 0, 0, 0, 0 };
  gint64 area_cmu = 0;
  lxw_row_t totals_row = (lxw_row_t) n_households + 1;
  GError *local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cooperative != NULL, FALSE);
  g_return_val_if_fail (households != NULL || n_households == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  prefix = furrow_report_title_prefix (cooperative);
  title = g_strdup_printf (_("%s: Public Roster of Household Income"), prefix);
  xlsx = furrow_xlsx_new (path, title, cooperative->name, FALSE, &local);
  if (xlsx == NULL)
    return _furrow_report_propagate_write_error (error, local);
  workbook = furrow_xlsx_get_workbook (xlsx);

  /* Translators: the spreadsheet's sheet name (at most 31 characters) */
  sheet = workbook_add_worksheet (workbook, C_("sheet name", "Roster"));

  header_format = workbook_add_format (workbook);
  format_set_bold (header_format);
  format_set_bg_color (header_format, 0xE6E6E6);
  format_set_border (header_format, LXW_BORDER_THIN);
  format_set_align (header_format, LXW_ALIGN_CENTER);
  format_set_align (header_format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (header_format);
  text_format = workbook_add_format (workbook);
  format_set_border (text_format, LXW_BORDER_THIN);
  format_set_num_format (text_format, "@");
  area_format = workbook_add_format (workbook);
  format_set_border (area_format, LXW_BORDER_THIN);
  format_set_num_format (area_format, "0.00");
  money_format = workbook_add_format (workbook);
  format_set_border (money_format, LXW_BORDER_THIN);
  format_set_num_format (money_format, "¥#,##0.00");
  total_text_format = workbook_add_format (workbook);
  format_set_bold (total_text_format);
  format_set_border (total_text_format, LXW_BORDER_THIN);
  format_set_bg_color (total_text_format, 0xE6E6E6);
  total_area_format = workbook_add_format (workbook);
  format_set_bold (total_area_format);
  format_set_border (total_area_format, LXW_BORDER_THIN);
  format_set_bg_color (total_area_format, 0xE6E6E6);
  format_set_num_format (total_area_format, "0.00");
  total_money_format = workbook_add_format (workbook);
  format_set_bold (total_money_format);
  format_set_border (total_money_format, LXW_BORDER_THIN);
  format_set_bg_color (total_money_format, 0xE6E6E6);
  format_set_num_format (total_money_format, "¥#,##0.00");

  roster_headers (headers, FALSE);
  furrow_xlsx_set_widths (sheet, widths, N_ROSTER_COLUMNS);
  furrow_xlsx_write_header_row (sheet, 0, headers, N_ROSTER_COLUMNS, header_format);
  worksheet_set_row (sheet, 0, 30, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_fit_to_pages (sheet, 1, 0);

  for (gsize i = 0; i < n_households; i++)
    {
      const FurrowReportHousehold *household = &households[i];
      lxw_row_t row = (lxw_row_t) i + 1;
      gint64 cmu = (gint64) llround (household->area_mu * 100.0);

      worksheet_write_number (sheet, row, 0, (double) (i + 1), text_format);
      /* Codes are text: as numbers, 18 digits would lose the last ones. */
      worksheet_write_string (sheet, row, 1, household->code != NULL ? household->code : "",
                              text_format);
      worksheet_write_string (sheet, row, 2, household->name != NULL ? household->name : "",
                              text_format);
      worksheet_write_number (sheet, row, 3, (double) cmu / 100.0, area_format);
      furrow_xlsx_write_money (sheet, row, 4, household->base_fen, money_format);
      furrow_xlsx_write_money (sheet, row, 5, household->dividend_fen, money_format);
      furrow_xlsx_write_money (sheet, row, 6, household->fee_fen, money_format);
      furrow_xlsx_write_money (sheet, row, 7, household->total_fen, money_format);
      sums[0] += household->base_fen;
      sums[1] += household->dividend_fen;
      sums[2] += household->fee_fen;
      sums[3] += household->total_fen;
      area_cmu += cmu;
    }

  /* Totals: each a SUM formula whose cached value is the integer-fen sum, so a reader that
   * does not recalculate shows the settlement's figures exactly. */
  {
    g_autofree char *count = households_count (n_households);
    static const char columns[] = "DEFGH";
    const double values[5] = {
      (double) area_cmu / 100.0, (double) sums[0] / 100.0, (double) sums[1] / 100.0,
      (double) sums[2] / 100.0, (double) sums[3] / 100.0,
    };

    worksheet_write_blank (sheet, totals_row, 0, total_text_format);
    worksheet_write_string (sheet, totals_row, 1, _("Total"), total_text_format);
    worksheet_write_string (sheet, totals_row, 2, count, total_text_format);
    for (guint k = 0; k < 5; k++)
      {
        g_autofree char *formula = NULL;

        if (n_households > 0)
          formula = g_strdup_printf ("=SUM(%c2:%c%u)", columns[k], columns[k],
                                     (guint) n_households + 1);
        else
          formula = g_strdup ("=0");
        worksheet_write_formula_num (sheet, totals_row, (lxw_col_t) (3 + k), formula,
                                     k == 0 ? total_area_format : total_money_format,
                                     values[k]);
      }
  }

  return furrow_xlsx_commit (xlsx, &local) || _furrow_report_propagate_write_error (error, local);
}

/* ------------------------------------------------------------------------------------------ */
/* For the other documents (the payroll, furrow-payroll.c)                                    */

gboolean
_furrow_report_write_pages_pdf (const char                *path,
                                double                     width_pt,
                                double                     height_pt,
                                const char                *title,
                                const char                *author,
                                gsize                      n_pages,
                                FurrowReportDrawPageFunc   draw_page,
                                gpointer                   data,
                                GCancellable              *cancellable,
                                FurrowReportProgressFunc   progress,
                                gpointer                   user_data,
                                GError                   **error)
{
  return write_pdf (path, width_pt, height_pt, title, author, n_pages, draw_page, data,
                    cancellable, progress, user_data, error);
}

/* A household code as a file name: anything but letters, digits, '-' and '_' becomes '_'. */
static char *
file_name_for_code (const char *code,
                    gsize       index)
{
  GString *name = g_string_new (NULL);

  for (const char *p = code != NULL ? code : ""; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '_');
  if (name->len == 0)
    g_string_printf (name, "household-%" G_GSIZE_FORMAT, index + 1);
  g_string_append (name, ".pdf");
  return g_string_free (name, FALSE);
}

/* The pages of one file: its first page is page 0 of its own PDF. */
typedef struct
{
  FurrowReportDrawPageFunc draw_page;
  gpointer                 data;
  gsize                    first_page;
} FilePages;

static void
draw_file_page (cairo_t  *cr,
                gsize     page,
                double    width_pt,
                double    height_pt,
                gpointer  data)
{
  FilePages *pages = data;

  pages->draw_page (cr, pages->first_page + page, width_pt, height_pt, pages->data);
}

gboolean
_furrow_report_write_pdf_files (const char                *dir,
                                double                     width_pt,
                                double                     height_pt,
                                const char                *title,
                                const char                *author,
                                const FurrowReportPdfFile *files,
                                gsize                      n_files,
                                FurrowReportDrawPageFunc   draw_page,
                                gpointer                   data,
                                GCancellable              *cancellable,
                                FurrowReportProgressFunc   progress,
                                gpointer                   user_data,
                                GError                   **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      set_write_error (error, dir, g_strerror (errno));
      return FALSE;
    }
  for (gsize i = 0; i < n_files; i++)
    {
      g_autofree char *name = file_name_for_code (files[i].code, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      FilePages pages = { draw_page, data, files[i].first_page };

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !write_pdf (path, width_pt, height_pt, title, author, files[i].n_pages,
                         draw_file_page, &pages, cancellable, NULL, NULL, error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, n_files, user_data);
    }
  return TRUE;
}

gboolean
_furrow_report_record_print (FurrowStore  *store,
                             const char   *season_name,
                             const char   *document,
                             const char   *detail,
                             GError      **error)
{
  g_autoptr(FurrowSeason) season = NULL;

  season = season_name != NULL ? furrow_store_find_season (store, season_name) : NULL;
  if (season == NULL)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("There is no season “%s”"), season_name != NULL ? season_name : "");
      return FALSE;
    }
  return furrow_store_record_print (store, season, document, detail, error);
}
