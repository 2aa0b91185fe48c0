/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-payroll.h"
#include "furrow-payroll-testing.h"
#include "furrow-report-document.h"
#include "furrow-report-private.h"

#include "furrow-bank-account.h"
#include "furrow-store-season.h"
#include "furrow-household.h"
#include "furrow-units.h"
#include "furrow-xlsx.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* docs/domain.md §12. The payroll is designed on A4 landscape, in points. */
#define PAGE_W    FURROW_REPORT_A4_LONG_PT
#define PAGE_H    FURROW_REPORT_A4_SHORT_PT
#define MARGIN    36.0
#define CONTENT_W (PAGE_W - 2 * MARGIN)

#define TABLE_TOP  88.0
#define HEADER_H   24.0
#define ROW_H      28.0   /* room to sign and to press a thumb (about 1 cm) */
#define SUM_H      22.0
#define TEXT_PT    9.0
#define N_COLUMNS  8
/* 88 + 24 + 12 × 28 = 448; subtotal, group total and the total of all groups to 514; the
 * signature line at 530, the reconciliation note at 545, the page number at 565. */
#define ROWS_PER_PAGE 12
#define GROUP_CODE_LEN 14  /* FBFBM, docs/domain.md §2 */

static const double widths[N_COLUMNS] = {
  32.0, 84.0, 116.0, 60.0, 92.0, 138.0, 120.0, CONTENT_W - 642.0,
};

typedef struct
{
  char   *code;        /* FBFBM, or "" when the household codes are shorter */
  gsize   first_row;
  gsize   n_rows;
  guint   first_page;
  guint   n_pages;
  gint64  total_fen;
} Group;

typedef struct
{
  guint  group;
  gsize  first_row;    /* index into rows */
  gsize  n_rows;
  guint  page_in_group;
} Page;

struct _FurrowPayroll
{
  FurrowReport     *report;
  GArray           *rows;      /* FurrowPayrollRow */
  GArray           *groups;    /* Group */
  GArray           *pages;     /* Page */
  gboolean          by_group;
  char             *date;      /* ISO 8601 */
  char             *preparer;
  char             *checker;
  char             *approver;
  char             *title;
  gint64            total_fen;
  gint64            owed_fen;  /* what the households with a negative total owe, > 0 */
  guint             n_owing;
};

static void
clear_row (gpointer data)
{
  FurrowPayrollRow *row = data;

  g_free (row->account);
}

static void
clear_group (gpointer data)
{
  Group *group = data;

  g_free (group->code);
}

void
furrow_payroll_free (FurrowPayroll *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->report, furrow_report_free);
  g_free (self->date);
  g_free (self->preparer);
  g_free (self->checker);
  g_free (self->approver);
  g_free (self->title);
  g_free (self);
}

static char *
group_code_of (const char *household_code,
               gboolean    by_group)
{
  if (!by_group || household_code == NULL || strlen (household_code) < GROUP_CODE_LEN)
    return g_strdup ("");
  return g_strndup (household_code, GROUP_CODE_LEN);
}

static int
compare_households (gconstpointer a,
                    gconstpointer b)
{
  const FurrowPayrollRow *ra = a;
  const FurrowPayrollRow *rb = b;

  return g_strcmp0 (ra->household->code, rb->household->code);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

FurrowPayroll *
furrow_payroll_new_for_report (FurrowReport               *report,
                               const FurrowPayrollOptions *options,
                               GError                    **error)
{
  g_autoptr(FurrowReport) owned = report;
  g_autoptr(FurrowPayroll) self = NULL;
  g_autofree char *prefix = NULL;
  const FurrowPayrollOptions defaults = { 0, };

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  self = g_new0 (FurrowPayroll, 1);
  self->rows = g_array_new (FALSE, TRUE, sizeof (FurrowPayrollRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, clear_group);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->by_group = options->by_group;
  self->date = options->date != NULL ? g_strdup (options->date) : today_iso ();
  self->preparer = g_strdup (options->preparer);
  self->checker = g_strdup (options->checker);
  self->approver = g_strdup (options->approver);

  /* Who is paid: a settled total above 0. A household whose fees exceed its income owes the
   * difference and is not paid; it is counted for the reconciliation. */
  for (gsize i = 0; i < report->n_households; i++)
    {
      const FurrowReportHousehold *h = &report->households[i];
      FurrowPayrollRow row = { h, NULL };

      if (h->total_fen > 0)
        {
          g_array_append_val (self->rows, row);
          self->total_fen += h->total_fen;
        }
      else if (h->total_fen < 0)
        {
          self->owed_fen -= h->total_fen;
          self->n_owing++;
        }
    }
  if (self->rows->len == 0)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("Season “%s” pays no household: there is no payroll to print"),
                   report->cooperative.season_name != NULL ? report->cooperative.season_name
                                                           : "");
      return NULL;
    }
  g_array_sort (self->rows, compare_households);

  /* Groups (one for all unless by_group) and their pages. */
  for (gsize i = 0; i < self->rows->len; i++)
    {
      const FurrowPayrollRow *row = &g_array_index (self->rows, FurrowPayrollRow, i);
      g_autofree char *code = group_code_of (row->household->code, self->by_group);
      Group *group = self->groups->len > 0
                     ? &g_array_index (self->groups, Group, self->groups->len - 1) : NULL;

      if (group == NULL || g_strcmp0 (group->code, code) != 0)
        {
          Group fresh = { g_steal_pointer (&code), i, 0, 0, 0, 0 };

          g_array_append_val (self->groups, fresh);
          group = &g_array_index (self->groups, Group, self->groups->len - 1);
        }
      group->n_rows++;
      group->total_fen += row->household->total_fen;
    }
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = &g_array_index (self->groups, Group, g);

      group->first_page = self->pages->len;
      for (gsize r = 0; r < group->n_rows; r += ROWS_PER_PAGE)
        {
          Page page = { g, group->first_row + r, MIN (ROWS_PER_PAGE, group->n_rows - r),
                        group->n_pages++ };

          g_array_append_val (self->pages, page);
        }
    }

  prefix = furrow_report_title_prefix (&report->cooperative);
  /* Translators: the payroll's title (发放花名册); %s is the cooperative and season */
  self->title = g_strdup_printf (_("%s: Payroll"), prefix);
  self->report = g_steal_pointer (&owned);
  return g_steal_pointer (&self);
}

FurrowPayroll *
furrow_payroll_new_from_season (FurrowStore                *store,
                                FurrowSeason               *season,
                                const FurrowPayrollOptions *options,
                                GError                    **error)
{
  FurrowReport *report;
  g_autoptr(FurrowPayroll) payroll = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("Season “%s” is not settled yet: settle it before printing its payroll"),
                   furrow_season_get_name (season));
      return NULL;
    }
  report = furrow_report_new_from_season (store, season, NULL, error);
  if (report == NULL)
    return NULL;
  payroll = furrow_payroll_new_for_report (report, options, error);
  if (payroll == NULL)
    return NULL;
  /* Each row's payee account from the register (docs/domain.md, "Bank accounts"), printed
   * masked. */
  for (guint i = 0; i < payroll->rows->len; i++)
    {
      FurrowPayrollRow *row = &g_array_index (payroll->rows, FurrowPayrollRow, i);
      g_autoptr(FurrowHousehold) household = furrow_store_find_household (store,
                                                                          row->household->code);
      const char *number = household != NULL
                           ? furrow_household_get_account_number (household) : NULL;

      if (number != NULL && *number != '\0')
        row->account = g_strdup (number);
    }
  return g_steal_pointer (&payroll);
}

const FurrowPayrollRow *
furrow_payroll_get_rows (FurrowPayroll *self,
                         gsize         *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_rows != NULL)
    *n_rows = self->rows->len;
  return (const FurrowPayrollRow *) (gpointer) self->rows->data;
}

gint64
furrow_payroll_get_total_fen (FurrowPayroll *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total_fen;
}

gint64
furrow_payroll_get_settlement_fen (FurrowPayroll *self)
{
  const FurrowReportCooperative *c;

  g_return_val_if_fail (self != NULL, 0);

  c = &self->report->cooperative;
  return c->base_total_fen + c->households_dividend_fen - c->fees_fen;
}

guint
furrow_payroll_get_n_groups (FurrowPayroll *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->groups->len;
}

guint
furrow_payroll_rows_per_page (void)
{
  return ROWS_PER_PAGE;
}

guint
furrow_payroll_get_n_pages (FurrowPayroll *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

const char *
furrow_payroll_get_title (FurrowPayroll *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* ------------------------------------------------------------------------------------------ */
/* Shared by the PDF and the XLSX                                                             */

static gboolean
reconciles (FurrowPayroll *self)
{
  return self->total_fen - self->owed_fen == furrow_payroll_get_settlement_fen (self);
}

static char *
households_count (gsize n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household", "%u households",
                                       (gulong) n), (guint) n);
}

static char *
group_line (FurrowPayroll *self,
            const Group   *group)
{
  const FurrowReportCooperative *c = &self->report->cooperative;

  if (self->by_group && *group->code != '\0')
    /* Translators: under the payroll's title: the village group's code (FBFBM) */
    return g_strdup_printf (_("Village group: %s"), group->code);
  if (self->by_group)
    return g_strdup (_("Households without a village group code"));
  return g_strdup_printf (_("Village code: %s"), c->village_code != NULL ? c->village_code
                                                                          : "—");
}

/* "经办人：张三" or "经办人：＿＿＿＿" (a line to sign on). */
static char *
signature_line (FurrowPayroll *self)
{
  g_autofree char *date = furrow_report_format_date (self->date);
  const char *blank = "＿＿＿＿＿＿＿＿";

  /* Translators: the payroll's signature line: preparer (经办人), checker (审核人),
   * approver (负责人) and the date; each %s is a name or a line to sign on */
  return g_strdup_printf (_("Prepared by: %s      Checked by: %s      Approved by: %s      "
                            "Date: %s"),
                          self->preparer != NULL ? self->preparer : blank,
                          self->checker != NULL ? self->checker : blank,
                          self->approver != NULL ? self->approver : blank, date);
}

static char *
reconciliation_note (FurrowPayroll *self)
{
  g_autofree char *settlement = furrow_format_yuan (furrow_payroll_get_settlement_fen (self));

  if (!reconciles (self))
    /* Translators: the payroll's rows do not add up to the settlement */
    return g_strdup_printf (_("These rows do not add up to the settlement: %s expected "
                              "(base plus dividend less fees)."), settlement);
  if (self->owed_fen == 0)
    return g_strdup_printf (_("The total agrees with the settlement to the fen: %s (base plus "
                              "dividend less fees)."), settlement);
  {
    g_autofree char *owed = furrow_format_yuan (self->owed_fen);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The total less %s owed by %u household that pays "
                                         "fees (not on this payroll) agrees with the settlement "
                                         "to the fen: %s.",
                                         "The total less %s owed by %u households that pay "
                                         "fees (not on this payroll) agrees with the settlement "
                                         "to the fen: %s.", self->n_owing),
                            owed, self->n_owing, settlement);
  }
}

static const char *
column_header (guint column)
{
  switch (column)
    {
    case 0: return _("No.");
    case 1: return _("Head of household");
    case 2: return C_("payroll", "ID number");
    case 3: return _("Area (mu)");
    case 4: return _("Amount (yuan)");
    case 5: return _("Payee account");
    case 6: return _("Signature");
    default: return _("Thumbprint");
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Pages                                                                                      */

#define column_x(column) furrow_report_column_x (MARGIN, widths, (column))

/* A sum row: the label over columns 0–3, the figure in the amount column, the capital
 * numerals over columns 5–7. */
static void
draw_sum_row (FurrowReportPainter *painter,
              double               y,
              const char          *label,
              gint64               fen)
{
  g_autofree char *figure = furrow_format_yuan (fen);
  g_autofree char *words = furrow_report_in_words (fen);

  furrow_report_fill_rect (painter->cr, MARGIN, y, CONTENT_W, SUM_H, 0.93);
  furrow_report_set_gray (painter->cr, 0.35);
  /* The rule above it again: the fill covered half of it. */
  furrow_report_line (painter->cr, MARGIN, y, PAGE_W - MARGIN, y, 0.9);
  /* A sum row has its figure in the amount column only. */
  furrow_report_row_rules (painter->cr, MARGIN, widths, N_COLUMNS, y, SUM_H, 0.9, 4, 5);
  furrow_report_set_gray (painter->cr, 0.0);
  furrow_report_cell_text (painter, label, MARGIN, y, column_x (4) - MARGIN, SUM_H, TEXT_PT,
                           TRUE, FURROW_REPORT_ALIGN_LEFT);
  furrow_report_cell_text (painter, figure, column_x (4), y, widths[4], SUM_H, TEXT_PT, TRUE,
                           FURROW_REPORT_ALIGN_RIGHT);
  furrow_report_cell_text (painter, words, column_x (5), y, PAGE_W - MARGIN - column_x (5),
                           SUM_H, TEXT_PT, TRUE, FURROW_REPORT_ALIGN_LEFT);
}

void
furrow_payroll_draw_page (FurrowPayroll *self,
                          cairo_t       *cr,
                          guint          page_index,
                          double         width_pt,
                          double         height_pt)
{
  FurrowReportPainter painter = { NULL, };
  const Page *page;
  const Group *group;
  gboolean group_last;
  gboolean last;
  gint64 subtotal = 0;
  double y;
  g_autofree char *subtitle = NULL;
  g_autofree char *page_text = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_index < self->pages->len);

  page = &g_array_index (self->pages, Page, page_index);
  group = &g_array_index (self->groups, Group, page->group);
  group_last = page->page_in_group + 1 == group->n_pages;
  last = page_index + 1 == self->pages->len;

  furrow_report_painter_begin (&painter, cr, PAGE_W, PAGE_H, width_pt, height_pt);

  /* Title, the group or village and the units. */
  furrow_report_set_gray (cr, 0.0);
  y = MARGIN - 8.0;
  y += furrow_report_text (&painter, self->title, MARGIN, y, CONTENT_W,
                           furrow_report_fit_size (&painter, self->title, CONTENT_W, 16.0, TRUE),
                           TRUE, FURROW_REPORT_ALIGN_CENTER);
  y += 4.0;
  subtitle = group_line (self, group);
  furrow_report_set_gray (cr, 0.25);
  furrow_report_text (&painter, subtitle, MARGIN, y, CONTENT_W, 8.5, FALSE,
                      FURROW_REPORT_ALIGN_LEFT);
  furrow_report_text (&painter, _("Money in yuan, areas in mu"), MARGIN, y, CONTENT_W, 8.5,
                      FALSE, FURROW_REPORT_ALIGN_RIGHT);

  /* The header and the rows. */
  y = TABLE_TOP;
  furrow_report_fill_rect (cr, MARGIN, y, CONTENT_W, HEADER_H, 0.90);
  furrow_report_set_gray (cr, 0.35);
  furrow_report_line (cr, MARGIN, y, PAGE_W - MARGIN, y, 0.9);
  furrow_report_row_rules (cr, MARGIN, widths, N_COLUMNS, y, HEADER_H, 0.9, 0, 0);
  for (gsize r = 0; r < page->n_rows; r++)
    furrow_report_row_rules (cr, MARGIN, widths, N_COLUMNS, y + HEADER_H + r * ROW_H, ROW_H, 0.4,
                             0, 0);
  furrow_report_set_gray (cr, 0.0);
  for (guint c = 0; c < N_COLUMNS; c++)
    furrow_report_cell_text (&painter, column_header (c), column_x (c), y, widths[c], HEADER_H,
                             TEXT_PT, TRUE, FURROW_REPORT_ALIGN_CENTER);
  y += HEADER_H;
  for (gsize r = 0; r < page->n_rows; r++)
    {
      const FurrowPayrollRow *row = &g_array_index (self->rows, FurrowPayrollRow,
                                                    page->first_row + r);
      const FurrowReportHousehold *h = row->household;
      g_autofree char *number = g_strdup_printf ("%" G_GSIZE_FORMAT,
                                                 page->first_row + r - group->first_row + 1);
      g_autofree char *id = furrow_report_mask_id_number (h->id_number);
      g_autofree char *area = furrow_report_format_area (h->area_mu);
      g_autofree char *amount = furrow_format_yuan (h->total_fen);
      g_autofree char *account = furrow_bank_account_mask (row->account);
      const char *cells[N_COLUMNS] = { number, h->name, id, area, amount, account, "", "" };

      for (guint c = 0; c < 6; c++)
        furrow_report_cell_text (&painter, cells[c] != NULL ? cells[c] : "", column_x (c), y,
                                 widths[c], ROW_H, TEXT_PT, c == 4,
                                 c == 0 ? FURROW_REPORT_ALIGN_CENTER
                                 : c == 3 || c == 4 ? FURROW_REPORT_ALIGN_RIGHT
                                                    : FURROW_REPORT_ALIGN_LEFT);
      subtotal += h->total_fen;
      y += ROW_H;
    }

  /* The page's subtotal; the group's total on its last page; all groups' on the last. */
  draw_sum_row (&painter, y, _("Page subtotal"), subtotal);
  y += SUM_H;
  if (group_last)
    {
      g_autofree char *count = households_count (group->n_rows);
      /* Translators: the payroll's total row: "合计（24 户）" */
      g_autofree char *label = g_strdup_printf (_("Total (%s)"), count);

      draw_sum_row (&painter, y, label, group->total_fen);
      y += SUM_H;
    }
  if (last && self->groups->len > 1)
    {
      g_autofree char *count = households_count (self->rows->len);
      g_autofree char *label = g_strdup_printf (_("All groups (%s)"), count);

      draw_sum_row (&painter, y, label, self->total_fen);
      y += SUM_H;
    }
  if (group_last)
    {
      g_autofree char *line = signature_line (self);

      furrow_report_set_gray (cr, 0.0);
      furrow_report_text (&painter, line, MARGIN, y + 16.0, CONTENT_W, 10.0, FALSE,
                          FURROW_REPORT_ALIGN_LEFT);
    }
  if (last)
    {
      g_autofree char *note = reconciliation_note (self);

      if (reconciles (self))
        furrow_report_set_gray (cr, 0.25);
      else
        cairo_set_source_rgb (cr, 0.75, 0.0, 0.0);
      furrow_report_text (&painter, note, MARGIN, PAGE_H - MARGIN - 14.0, CONTENT_W, 8.0,
                          !reconciles (self), FURROW_REPORT_ALIGN_LEFT);
    }

  page_text = g_strdup_printf (_("Page %u of %u"), page_index + 1, self->pages->len);
  furrow_report_set_gray (cr, 0.2);
  furrow_report_text (&painter, page_text, MARGIN, PAGE_H - MARGIN + 6.0, CONTENT_W, 8.5, FALSE,
                      FURROW_REPORT_ALIGN_CENTER);

  furrow_report_painter_end (&painter);
}

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                      */

static void
draw_pdf_page (cairo_t  *cr,
               gsize     page,
               double    width_pt,
               double    height_pt,
               gpointer  data)
{
  furrow_payroll_draw_page (data, cr, (guint) page, width_pt, height_pt);
}

gboolean
furrow_payroll_write_pdf (FurrowPayroll            *self,
                          const char               *path,
                          GCancellable             *cancellable,
                          FurrowReportProgressFunc  progress,
                          gpointer                  user_data,
                          GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _furrow_report_write_pages_pdf (path, PAGE_W, PAGE_H, self->title,
                                         self->report->cooperative.name, self->pages->len,
                                         draw_pdf_page, self, cancellable, progress,
                                         user_data, error);
}

/* A sum row at `row`: label over A–D, the SUM formula (stored value: the integer-fen sum) in
 * E, the capital numerals over F–H. */
static void
write_sum_row (lxw_worksheet *sheet,
               const FurrowXlsxFormats *f,
               lxw_row_t      row,
               const char    *label,
               const char    *formula,
               gint64         fen)
{
  g_autofree char *words = furrow_report_in_words (fen);

  worksheet_set_row (sheet, row, 20, NULL);
  worksheet_merge_range (sheet, row, 0, row, 3, label, f->sum_text);
  worksheet_write_formula_num (sheet, row, 4, formula, f->sum_money, (double) fen / 100.0);
  worksheet_merge_range (sheet, row, 5, row, 7, words, f->sum_text);
}

static char *
sheet_name (FurrowPayroll *self,
            const Group   *group)
{
  if (!self->by_group)
    /* Translators: the payroll spreadsheet's sheet name (at most 31 characters) */
    return g_strdup (C_("sheet name", "Payroll"));
  if (*group->code == '\0')
    /* Translators: a sheet of households without a village group code (at most 31
     * characters) */
    return g_strdup (C_("sheet name", "Other"));
  return g_strdup (group->code);
}

/* `group`'s sheet, named after it; a name Excel refuses (a code with "[]:*?/\\", or one
 * already taken) gives "Sheet<n>". Its name goes into `names`. */
static lxw_worksheet *
add_group_sheet (FurrowPayroll *self,
                 lxw_workbook  *workbook,
                 const Group   *group,
                 guint          g,
                 GPtrArray     *names)
{
  g_autofree char *name = sheet_name (self, group);

  if (workbook_validate_sheet_name (workbook, name) != LXW_NO_ERROR)
    {
      g_free (name);
      name = g_strdup_printf ("Sheet%u", g + 1);
    }
  g_ptr_array_add (names, g_strdup (name));
  return workbook_add_worksheet (workbook, name);
}

static void
write_group_sheet (FurrowPayroll *self,
                   lxw_workbook  *workbook,
                   const FurrowXlsxFormats *f,
                   guint          g,
                   GPtrArray     *names)
{
  static const double column_widths[N_COLUMNS] = { 6, 12, 22, 10, 14, 24, 18, 18 };
  const Group *group = &g_array_index (self->groups, Group, g);
  g_autofree char *subtitle = group_line (self, group);
  lxw_worksheet *sheet = add_group_sheet (self, workbook, group, g, names);
  g_autofree lxw_row_t *breaks = g_new0 (lxw_row_t, group->n_pages + 1);
  g_autoptr(GString) subtotal_cells = g_string_new (NULL);
  lxw_row_t row = 3;
  guint n_breaks = 0;

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_set_margins (sheet, 0.5, 0.5, 0.5, 0.5);
  worksheet_repeat_rows (sheet, 2, 2);
  worksheet_fit_to_pages (sheet, 1, 0);
  furrow_xlsx_set_widths (sheet, column_widths, N_COLUMNS);

  worksheet_set_row (sheet, 0, 26, NULL);
  worksheet_merge_range (sheet, 0, 0, 0, 7, self->title, f->title);
  worksheet_merge_range (sheet, 1, 0, 1, 4, subtitle, f->note);
  worksheet_merge_range (sheet, 1, 5, 1, 7, _("Money in yuan, areas in mu"), f->note);
  worksheet_set_row (sheet, 2, 24, NULL);
  for (lxw_col_t c = 0; c < N_COLUMNS; c++)
    worksheet_write_string (sheet, 2, c, column_header (c), f->header);

  for (guint p = group->first_page; p < group->first_page + group->n_pages; p++)
    {
      const Page *page = &g_array_index (self->pages, Page, p);
      lxw_row_t first = row;
      gint64 subtotal = 0;
      g_autofree char *formula = NULL;

      for (gsize r = 0; r < page->n_rows; r++)
        {
          const FurrowPayrollRow *payroll_row = &g_array_index (self->rows, FurrowPayrollRow,
                                                                page->first_row + r);
          const FurrowReportHousehold *h = payroll_row->household;
          g_autofree char *id = furrow_report_mask_id_number (h->id_number);
          g_autofree char *account = furrow_bank_account_mask (payroll_row->account);
          gint64 cmu = (gint64) llround (h->area_mu * 100.0);

          worksheet_set_row (sheet, row, 28, NULL);
          worksheet_write_number (sheet, row, 0,
                                  (double) (page->first_row + r - group->first_row + 1),
                                  f->number);
          worksheet_write_string (sheet, row, 1, h->name != NULL ? h->name : "", f->text);
          worksheet_write_string (sheet, row, 2, id, f->text);
          worksheet_write_number (sheet, row, 3, (double) cmu / 100.0, f->area);
          furrow_xlsx_write_money (sheet, row, 4, h->total_fen, f->money);
          worksheet_write_string (sheet, row, 5, account, f->text);
          worksheet_write_blank (sheet, row, 6, f->text);
          worksheet_write_blank (sheet, row, 7, f->text);
          subtotal += h->total_fen;
          row++;
        }
      formula = g_strdup_printf ("=SUM(E%u:E%u)", (guint) first + 1, (guint) row);
      write_sum_row (sheet, f, row, _("Page subtotal"), formula, subtotal);
      g_string_append_printf (subtotal_cells, "%sE%u", subtotal_cells->len > 0 ? "," : "",
                              (guint) row + 1);
      row++;
      if (p + 1 < group->first_page + group->n_pages)
        breaks[n_breaks++] = row;
    }
  worksheet_set_h_pagebreaks (sheet, breaks);

  {
    g_autofree char *count = households_count (group->n_rows);
    g_autofree char *label = g_strdup_printf (_("Total (%s)"), count);
    g_autofree char *formula = g_strdup_printf ("=SUM(%s)", subtotal_cells->str);

    write_sum_row (sheet, f, row++, label, formula, group->total_fen);
  }
  if (g + 1 == self->groups->len && self->groups->len > 1)
    {
      g_autofree char *count = households_count (self->rows->len);
      g_autofree char *label = g_strdup_printf (_("All groups (%s)"), count);
      GString *formula = g_string_new ("=");

      /* The total rows of the other sheets are where each sheet's rows end. */
      for (guint k = 0; k < self->groups->len; k++)
        {
          const Group *other = &g_array_index (self->groups, Group, k);
          g_auto(GStrv) parts = g_strsplit (names->pdata[k], "'", -1);
          /* A quote in a sheet name is doubled in a reference. */
          g_autofree char *quoted = g_strjoinv ("''", parts);
          /* rows 1–3, then each page's rows and subtotal, then the total */
          guint total_row = 3 + (guint) other->n_rows + other->n_pages + 1;

          g_string_append_printf (formula, "%s'%s'!E%u", k > 0 ? "+" : "", quoted, total_row);
        }
      write_sum_row (sheet, f, row++, label, formula->str, self->total_fen);
      g_string_free (formula, TRUE);
    }
  row++;
  {
    g_autofree char *line = signature_line (self);

    worksheet_set_row (sheet, row, 24, NULL);
    worksheet_merge_range (sheet, row, 0, row, 7, line, f->note);
    row++;
  }
  if (g + 1 == self->groups->len)
    {
      g_autofree char *note = reconciliation_note (self);

      worksheet_merge_range (sheet, row, 0, row, 7, note, f->note);
    }
}

gboolean
furrow_payroll_write_xlsx (FurrowPayroll  *self,
                           const char     *path,
                           GError        **error)
{
  /* The title 16 pt over the table, the sum rows shaded. */
  static const FurrowXlsxLook look = { 16.0, TRUE, TRUE };
  g_autoptr(FurrowXlsx) xlsx = NULL;
  g_autoptr(GPtrArray) names = NULL;
  FurrowXlsxFormats formats;
  GError *local = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  xlsx = furrow_xlsx_new (path, self->title, self->report->cooperative.name, FALSE, &local);
  if (xlsx == NULL)
    return _furrow_report_propagate_write_error (error, local);
  furrow_xlsx_add_table_formats (furrow_xlsx_get_workbook (xlsx), &look, &formats);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint g = 0; g < self->groups->len; g++)
    write_group_sheet (self, furrow_xlsx_get_workbook (xlsx), &formats, g, names);
  return furrow_xlsx_commit (xlsx, &local) || _furrow_report_propagate_write_error (error, local);
}

gboolean
furrow_payroll_write (FurrowPayroll            *self,
                      const char               *path,
                      GCancellable             *cancellable,
                      FurrowReportProgressFunc  progress,
                      gpointer                  user_data,
                      GError                  **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    return furrow_payroll_write_pdf (self, path, cancellable, progress, user_data, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return furrow_payroll_write_xlsx (self, path, error);

  {
    g_autofree char *display_name = g_filename_display_name (path);

    g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                 _("%s: the payroll is written as .pdf or .xlsx"), display_name);
    return FALSE;
  }
}

gboolean
furrow_payroll_record_print (FurrowPayroll  *self,
                             FurrowStore    *store,
                             const char     *destination,
                             GError        **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A count and the total, never personal data. */
  detail = g_strdup_printf ("%u households, %" G_GINT64_FORMAT " fen%s -> %s",
                            self->rows->len, self->total_fen,
                            self->by_group ? ", by village group" : "",
                            destination != NULL ? destination : "");
  return _furrow_report_record_print (store, self->report->cooperative.season_name, "payroll",
                                      detail, error);
}
