/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-surplus-statement.h"
#include "furrow-surplus-statement-testing.h"
#include "furrow-report-private.h"

#include "furrow-store-season.h"
#include "furrow-units.h"
#include "furrow-xlsx.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* docs/domain.md §17: the rows of form 会农社02 in its order, and where each amount comes from.
 * A4 portrait, in points. */
#define PAGE_W    FURROW_REPORT_A4_SHORT_PT
#define PAGE_H    FURROW_REPORT_A4_LONG_PT
#define MARGIN    56.0
#define CONTENT_W (PAGE_W - 2 * MARGIN)
#define ROW_H     22.0
#define TEXT_PT   9.5

/* The 20 rows of the form as 财会〔2021〕37号 prescribes them (its appendix, 合作社盈余及盈余分配表
 * 格式), in its order: the row's 行次 is its index + 1. */
typedef enum
{
  ROW_OPERATING_INCOME,      /* 1: revenue + fees */
  ROW_INVESTMENT,            /* 2 */
  ROW_OPERATING_EXPENSES,    /* 3: cost + base payments */
  ROW_TAXES,                 /* 4 */
  ROW_ADMINISTRATIVE,        /* 5 */
  ROW_FINANCIAL,             /* 6 */
  ROW_OPERATING_SURPLUS,     /* 7: 1 + 2 − 3 − 4 − 5 − 6 */
  ROW_OTHER_INCOME,          /* 8: subsidies + other income */
  ROW_OTHER_EXPENSES,        /* 9 */
  ROW_TOTAL_SURPLUS,         /* 10: 7 + 8 − 9 */
  ROW_INCOME_TAX,            /* 11 */
  ROW_YEAR_SURPLUS,          /* 12: 10 − 11 */
  ROW_BROUGHT_FORWARD,       /* 13 */
  ROW_TRANSFERS_IN,          /* 14 */
  ROW_RESERVE,               /* 15: the reserve fund */
  ROW_DISTRIBUTABLE,         /* 16: 12 + 13 + 14 − 15 */
  ROW_RETURNS,               /* 17: the households' dividend, by area */
  ROW_REMAINING,             /* 18: the collective's share */
  ROW_TO_CAPITAL,            /* 19 */
  ROW_UNDISTRIBUTED,         /* 20: 16 − 17 − 18 − 19 */
  N_ROWS
} RowId;

/* The labels, in the form's words (zh_CN), with the 加/减 of the form. */
static const char *const row_labels[N_ROWS] = {
  N_("1. Operating income"),
  N_("Add: investment income"),
  N_("Less: operating expenses"),
  N_("Taxes and surcharges"),
  N_("Administrative expenses"),
  N_("Financial expenses"),
  N_("2. Operating surplus"),
  N_("Add: other income"),
  N_("Less: other expenses"),
  N_("3. Total surplus"),
  N_("Less: income tax"),
  N_("4. Surplus of the year"),
  N_("Add: undistributed surplus at the start of the year"),
  N_("Other transfers in"),
  N_("Less: surplus reserve set aside"),
  N_("5. Distributable surplus"),
  N_("Less: surplus returned"),
  N_("Remaining surplus distributed"),
  N_("Converted into members' contributions"),
  N_("6. Undistributed surplus at the end of the year"),
};

/* How far each row is indented: 0 a numbered row, 1 an item with the form's 加/减, 2 an item
 * that continues the 加/减 above it (set under its words, as the form prints it). */
static const guint row_level[N_ROWS] = {
  0, 1, 1, 2, 2, 2, 0, 1, 1, 0, 1, 0, 1, 2, 1, 0, 1, 2, 2, 0,
};

struct _FurrowSurplusStatement
{
  char             *cooperative;
  char             *period;       /* the season's name, or "2016" */
  char             *title;
  GPtrArray        *season_names;
  FurrowSurplusRow  rows[N_ROWS];
  gint64            fees_fen;
  gint64            dividend_fen;
  gint64            reserve_fen;
  gint64            surplus_fen;  /* the settlements' */
  gint64            cooperative_fen;
};

void
furrow_surplus_statement_free (FurrowSurplusStatement *self)
{
  if (self == NULL)
    return;
  g_free (self->cooperative);
  g_free (self->period);
  g_free (self->title);
  g_clear_pointer (&self->season_names, g_ptr_array_unref);
  g_free (self);
}

static void
set_known (FurrowSurplusStatement *self,
           RowId                   row,
           gint64                  fen)
{
  self->rows[row].known = TRUE;
  self->rows[row].fen = fen;
}

static gint64
amount (FurrowSurplusStatement *self,
        RowId                   row)
{
  return self->rows[row].fen;
}

/* The totals, blank rows counted as 0 (docs/domain.md §17). */
static void
compute_totals (FurrowSurplusStatement *self)
{
  static const RowId totals[] = { ROW_OPERATING_SURPLUS, ROW_TOTAL_SURPLUS, ROW_YEAR_SURPLUS,
                                  ROW_DISTRIBUTABLE, ROW_UNDISTRIBUTED };

  self->rows[ROW_OPERATING_SURPLUS].fen = amount (self, ROW_OPERATING_INCOME)
                                          + amount (self, ROW_INVESTMENT)
                                          - amount (self, ROW_OPERATING_EXPENSES)
                                          - amount (self, ROW_TAXES)
                                          - amount (self, ROW_ADMINISTRATIVE)
                                          - amount (self, ROW_FINANCIAL);
  self->rows[ROW_TOTAL_SURPLUS].fen = amount (self, ROW_OPERATING_SURPLUS)
                                      + amount (self, ROW_OTHER_INCOME)
                                      - amount (self, ROW_OTHER_EXPENSES);
  self->rows[ROW_YEAR_SURPLUS].fen = amount (self, ROW_TOTAL_SURPLUS)
                                     - amount (self, ROW_INCOME_TAX);
  self->rows[ROW_DISTRIBUTABLE].fen = amount (self, ROW_YEAR_SURPLUS)
                                      + amount (self, ROW_BROUGHT_FORWARD)
                                      + amount (self, ROW_TRANSFERS_IN)
                                      - amount (self, ROW_RESERVE);
  self->rows[ROW_UNDISTRIBUTED].fen = amount (self, ROW_DISTRIBUTABLE)
                                      - amount (self, ROW_RETURNS)
                                      - amount (self, ROW_REMAINING)
                                      - amount (self, ROW_TO_CAPITAL);
  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      self->rows[totals[i]].total = TRUE;
      self->rows[totals[i]].known = TRUE;
    }
}

/* Sums the frozen settlements of `seasons` (all settled) into the known rows. */
static FurrowSurplusStatement *
new_for_seasons (FurrowStore  *store,
                 GPtrArray    *seasons,
                 const char   *period,
                 GError      **error)
{
  g_autoptr(FurrowSurplusStatement) self = g_new0 (FurrowSurplusStatement, 1);
  FurrowReportCooperative header = { NULL, };
  g_autofree char *prefix = NULL;
  gint64 revenue = 0, cost = 0, base = 0, subsidy = 0, other = 0;
  gint64 collective = 0;

  self->cooperative = g_strdup (furrow_store_get_cooperative_name (store));
  self->period = g_strdup (period);
  self->season_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < seasons->len; i++)
    {
      FurrowSeason *season = seasons->pdata[i];
      g_autoptr(FurrowSeasonSettlement) s = furrow_store_get_settlement (store, season, error);

      if (s == NULL)
        return NULL;
      g_ptr_array_add (self->season_names, g_strdup (furrow_season_get_name (season)));
      revenue += s->totals.revenue_fen;
      cost += s->totals.cost_fen;
      base += s->totals.base_total_fen;
      subsidy += s->totals.subsidy_fen;
      other += s->totals.other_income_fen;
      self->fees_fen += s->totals.fees_fen;
      self->reserve_fen += s->totals.reserve_fen;
      self->dividend_fen += s->totals.households_dividend_fen;
      collective += s->totals.collective_fen;
      self->cooperative_fen += s->totals.cooperative_fen;
      self->surplus_fen += s->totals.surplus_fen;
    }

  for (guint r = 0; r < N_ROWS; r++)
    {
      self->rows[r].label = _(row_labels[r]);
      self->rows[r].line = r + 1;
    }
  /* docs/domain.md §17: what fills each row. */
  set_known (self, ROW_OPERATING_INCOME, revenue + self->fees_fen);
  set_known (self, ROW_OPERATING_EXPENSES, cost + base);
  /* The form has no row of its own for subsidies: they are other income (its note 8). */
  set_known (self, ROW_OTHER_INCOME, subsidy + other);
  set_known (self, ROW_RESERVE, self->reserve_fen);
  set_known (self, ROW_RETURNS, self->dividend_fen);
  set_known (self, ROW_REMAINING, collective);
  compute_totals (self);

  header.name = self->cooperative;
  header.season_name = self->period;
  prefix = furrow_report_title_prefix (&header);
  /* Translators: the title of form 会农社02; %s is the cooperative and season or year */
  self->title = g_strdup_printf (_("%s: Surplus and Surplus Distribution"), prefix);
  return g_steal_pointer (&self);
}

FurrowSurplusStatement *
furrow_surplus_statement_new_for_season (FurrowStore   *store,
                                         FurrowSeason  *season,
                                         GError       **error)
{
  g_autoptr(GPtrArray) seasons = g_ptr_array_new ();

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("Season “%s” is not settled yet: settle it before writing its surplus "
                     "statement"), furrow_season_get_name (season));
      return NULL;
    }
  g_ptr_array_add (seasons, season);
  return new_for_seasons (store, seasons, furrow_season_get_name (season), error);
}

FurrowSurplusStatement *
furrow_surplus_statement_new_for_year (FurrowStore  *store,
                                       guint         crop_year,
                                       GError      **error)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) seasons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) unsettled = g_string_new (NULL);
  g_autofree char *period = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  model = furrow_store_get_seasons (store);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FurrowSeason) season = g_list_model_get_item (model, i);

      if (furrow_season_get_crop_year (season) != crop_year)
        continue;
      if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
        g_string_append_printf (unsettled, "%s“%s”", unsettled->len > 0 ? ", " : "",
                                furrow_season_get_name (season));
      g_ptr_array_add (seasons, g_steal_pointer (&season));
    }
  if (seasons->len == 0)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("There is no season of crop year %u"), crop_year);
      return NULL;
    }
  if (unsettled->len > 0)
    {
      g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                   _("Crop year %u is not settled yet: settle %s first"), crop_year,
                   unsettled->str);
      return NULL;
    }
  /* Translators: the period of a surplus statement for a whole crop year */
  period = g_strdup_printf (_("crop year %u"), crop_year);
  return new_for_seasons (store, seasons, period, error);
}

const FurrowSurplusRow *
furrow_surplus_statement_get_rows (FurrowSurplusStatement *self,
                                   gsize                  *n_rows)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_rows != NULL)
    *n_rows = N_ROWS;
  return self->rows;
}

/* ------------------------------------------------------------------------------------------ */
/* Shared by the PDF and the XLSX                                                             */

static char *
form_line (FurrowSurplusStatement *self)
{
  /* Translators: under the title: who prepared it, the period, the form's number and the
   * unit; 会农社02表 is the form's name in the accounting system and stays as it is */
  return g_strdup_printf (_("Prepared by: %s      Period: %s      Form 会农社02      Unit: yuan"),
                          self->cooperative != NULL ? self->cooperative : "—", self->period);
}

/* The share of the distributable surplus returned to the households (the Cooperatives Law's
 * 60 %, docs/domain.md §8), and where the rows come from. */
static char *
note_text (FurrowSurplusStatement *self)
{
  g_autofree char *fees = furrow_format_yuan (self->fees_fen);
  g_autofree char *surplus = furrow_format_yuan (self->surplus_fen);
  gint64 distributable = self->surplus_fen - self->reserve_fen;

  if (self->surplus_fen > 0 && distributable > 0)
    {
      g_autofree char *pct = furrow_report_format_pct (
        (double) (gint64) (10000.0 * (double) self->dividend_fen / (double) distributable + 0.5)
        / 100.0);

      /* Translators: the note under form 会农社02 */
      return g_strdup_printf (_("From the settlement: operating income is the harvest sold and "
                                "%s of half-custody fees; operating expenses are the season's "
                                "costs and the base payments; other income is the subsidies and "
                                "any other income; the surplus of the year is the settlement's "
                                "%s plus the fees. Surplus returned by transaction volume (area): "
                                "%s of the distributable surplus (at least 60%% by law). Blank "
                                "rows and last year's column are for the accountant; totals "
                                "count blanks as 0."),
                              fees, surplus, pct);
    }
  return g_strdup_printf (_("From the settlement: operating income is the harvest sold and %s "
                            "of half-custody fees; operating expenses are the season's costs and "
                            "the base payments; other income is the subsidies and any other "
                            "income; the surplus of the year is the settlement's %s plus the "
                            "fees. Nothing was returned: there was no surplus to distribute. "
                            "Blank rows and last year's column are for the accountant; totals "
                            "count blanks as 0."), fees, surplus);
}

/* ------------------------------------------------------------------------------------------ */
/* The page                                                                                   */

/* "5,386,549.50": the form states its unit (元) once, so the figures have no ¥. */
static char *
format_amount (gint64 fen)
{
  g_autofree char *yuan = furrow_format_yuan (fen);
  g_autoptr(GString) text = g_string_new (yuan);

  g_string_replace (text, "¥", "", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
furrow_surplus_statement_draw_page (FurrowSurplusStatement *self,
                                    cairo_t                *cr,
                                    double                  width_pt,
                                    double                  height_pt)
{
  /* The form's columns: 项目, 行次, 本年金额, 上年金额 (last year's left for the accountant). */
  static const double widths[4] = { CONTENT_W - 214.0, 34.0, 90.0, 90.0 };
  FurrowReportPainter painter = { NULL, };
  g_autofree char *line = form_line (self);
  g_autofree char *note = note_text (self);
  double y = MARGIN;
  double x1 = MARGIN + widths[0];
  double x2 = x1 + widths[1];
  double x3 = x2 + widths[2];

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  furrow_report_painter_begin (&painter, cr, PAGE_W, PAGE_H, width_pt, height_pt);
  furrow_report_set_gray (cr, 0.0);
  y += furrow_report_text (&painter, _("Surplus and Surplus Distribution Statement"), MARGIN, y,
                           CONTENT_W, 16.0, TRUE, FURROW_REPORT_ALIGN_CENTER);
  y += 6.0;
  furrow_report_set_gray (cr, 0.25);
  y += furrow_report_text (&painter, line, MARGIN, y, CONTENT_W, 8.5, FALSE,
                           FURROW_REPORT_ALIGN_LEFT);
  y += 8.0;

  /* The header and the rows. */
  furrow_report_fill_rect (cr, MARGIN, y, CONTENT_W, ROW_H, 0.90);
  furrow_report_set_gray (cr, 0.35);
  furrow_report_grid (cr, MARGIN, y, widths, 4, N_ROWS + 1, ROW_H, TRUE);
  furrow_report_set_gray (cr, 0.0);
  furrow_report_cell_text (&painter, _("Item"), MARGIN, y, widths[0], ROW_H, TEXT_PT, TRUE,
                           FURROW_REPORT_ALIGN_CENTER);
  furrow_report_cell_text (&painter, _("Line"), x1, y, widths[1], ROW_H, TEXT_PT, TRUE,
                           FURROW_REPORT_ALIGN_CENTER);
  /* Translators: the columns of form 会农社02: 本年金额, 上年金额 */
  furrow_report_cell_text (&painter, _("This year"), x2, y, widths[2], ROW_H, TEXT_PT, TRUE,
                           FURROW_REPORT_ALIGN_CENTER);
  furrow_report_cell_text (&painter, _("Last year"), x3, y, widths[3], ROW_H, TEXT_PT, TRUE,
                           FURROW_REPORT_ALIGN_CENTER);
  y += ROW_H;
  for (guint r = 0; r < N_ROWS; r++)
    {
      const FurrowSurplusRow *row = &self->rows[r];
      g_autofree char *number = g_strdup_printf ("%u", row->line);
      g_autofree char *figure = row->known ? format_amount (row->fen) : g_strdup ("");
      double indent = row_level[r] * 24.0;

      furrow_report_cell_text (&painter, row->label, MARGIN + indent, y, widths[0] - indent,
                               ROW_H, TEXT_PT, row->total, FURROW_REPORT_ALIGN_LEFT);
      furrow_report_cell_text (&painter, number, x1, y, widths[1], ROW_H, TEXT_PT, FALSE,
                               FURROW_REPORT_ALIGN_CENTER);
      furrow_report_cell_text (&painter, figure, x2, y, widths[2], ROW_H, TEXT_PT, row->total,
                               FURROW_REPORT_ALIGN_RIGHT);
      y += ROW_H;
    }

  y += 10.0;
  furrow_report_set_gray (cr, 0.25);
  y += furrow_report_text (&painter, note, MARGIN, y, CONTENT_W, 8.0, FALSE,
                           FURROW_REPORT_ALIGN_LEFT);
  y += 24.0;
  furrow_report_set_gray (cr, 0.0);
  /* Translators: the signature line under form 会农社02 */
  furrow_report_text (&painter, _("Head of the cooperative: ________    Accountant: ________    "
                                  "Prepared by: ________"), MARGIN, y, CONTENT_W, TEXT_PT,
                      FALSE, FURROW_REPORT_ALIGN_LEFT);
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
  furrow_surplus_statement_draw_page (data, cr, width_pt, height_pt);
}

static gboolean
write_pdf (FurrowSurplusStatement  *self,
           const char              *path,
           GError                 **error)
{
  return _furrow_report_write_pages_pdf (path, PAGE_W, PAGE_H, self->title, self->cooperative, 1,
                                         draw_pdf_page, self, NULL, NULL, NULL, error);
}

/* The formula of a total row, in the sheet's cells (amounts in column C from row 4: line n is
 * C(n + 3)), as the form's notes compute it. */
static char *
total_formula (RowId row)
{
#define C(r) ((guint) (r) + 4)
  if (row == ROW_OPERATING_SURPLUS)
    return g_strdup_printf ("=C%u+C%u-C%u-C%u-C%u-C%u", C (ROW_OPERATING_INCOME),
                            C (ROW_INVESTMENT), C (ROW_OPERATING_EXPENSES), C (ROW_TAXES),
                            C (ROW_ADMINISTRATIVE), C (ROW_FINANCIAL));
  if (row == ROW_TOTAL_SURPLUS)
    return g_strdup_printf ("=C%u+C%u-C%u", C (ROW_OPERATING_SURPLUS), C (ROW_OTHER_INCOME),
                            C (ROW_OTHER_EXPENSES));
  if (row == ROW_YEAR_SURPLUS)
    return g_strdup_printf ("=C%u-C%u", C (ROW_TOTAL_SURPLUS), C (ROW_INCOME_TAX));
  if (row == ROW_DISTRIBUTABLE)
    return g_strdup_printf ("=C%u+C%u+C%u-C%u", C (ROW_YEAR_SURPLUS), C (ROW_BROUGHT_FORWARD),
                            C (ROW_TRANSFERS_IN), C (ROW_RESERVE));
  g_assert (row == ROW_UNDISTRIBUTED);
  return g_strdup_printf ("=C%u-C%u-C%u-C%u", C (ROW_DISTRIBUTABLE), C (ROW_RETURNS),
                          C (ROW_REMAINING), C (ROW_TO_CAPITAL));
#undef C
}

static gboolean
write_xlsx (FurrowSurplusStatement  *self,
            const char              *path,
            GError                 **error)
{
  g_autoptr(FurrowXlsx) xlsx = NULL;
  g_autofree char *line = form_line (self);
  g_autofree char *note = note_text (self);
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *title, *header, *text, *deep, *bold, *money, *total, *blank, *number;
  GError *local = NULL;

  xlsx = furrow_xlsx_new (path, self->title, self->cooperative, FALSE, &local);
  if (xlsx == NULL)
    return _furrow_report_propagate_write_error (error, local);
  workbook = furrow_xlsx_get_workbook (xlsx);

  title = workbook_add_format (workbook);
  format_set_bold (title);
  format_set_font_size (title, 16);
  format_set_align (title, LXW_ALIGN_CENTER);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_border (header, LXW_BORDER_THIN);
  format_set_bg_color (header, 0xE6E6E6);
  format_set_align (header, LXW_ALIGN_CENTER);
  text = workbook_add_format (workbook);
  format_set_border (text, LXW_BORDER_THIN);
  format_set_indent (text, 2);
  deep = workbook_add_format (workbook);
  format_set_border (deep, LXW_BORDER_THIN);
  format_set_indent (deep, 4);
  bold = workbook_add_format (workbook);
  format_set_border (bold, LXW_BORDER_THIN);
  format_set_bold (bold);
  number = workbook_add_format (workbook);
  format_set_border (number, LXW_BORDER_THIN);
  format_set_align (number, LXW_ALIGN_CENTER);
  money = workbook_add_format (workbook);
  format_set_border (money, LXW_BORDER_THIN);
  format_set_num_format (money, "#,##0.00");
  total = workbook_add_format (workbook);
  format_set_border (total, LXW_BORDER_THIN);
  format_set_bold (total);
  format_set_num_format (total, "#,##0.00");
  /* A cell for the accountant to fill in. */
  blank = workbook_add_format (workbook);
  format_set_border (blank, LXW_BORDER_THIN);
  format_set_bg_color (blank, 0xFFF8DC);
  format_set_num_format (blank, "#,##0.00");

  /* Translators: the sheet's name (at most 31 characters) */
  sheet = workbook_add_worksheet (workbook, C_("sheet name", "Surplus statement"));
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_set_column (sheet, 0, 0, 48, NULL);
  worksheet_set_column (sheet, 1, 1, 8, NULL);
  worksheet_set_column (sheet, 2, 3, 18, NULL);
  worksheet_merge_range (sheet, 0, 0, 0, 3, _("Surplus and Surplus Distribution Statement"),
                         title);
  worksheet_merge_range (sheet, 1, 0, 1, 3, line, NULL);
  worksheet_write_string (sheet, 2, 0, _("Item"), header);
  worksheet_write_string (sheet, 2, 1, _("Line"), header);
  worksheet_write_string (sheet, 2, 2, _("This year"), header);
  worksheet_write_string (sheet, 2, 3, _("Last year"), header);
  for (guint r = 0; r < N_ROWS; r++)
    {
      const FurrowSurplusRow *row = &self->rows[r];
      lxw_row_t x = (lxw_row_t) (r + 3);

      worksheet_write_string (sheet, x, 0, row->label, row_level[r] == 0 ? bold
                                                       : row_level[r] == 1 ? text : deep);
      worksheet_write_number (sheet, x, 1, row->line, number);
      if (row->total)
        {
          g_autofree char *formula = total_formula ((RowId) r);

          worksheet_write_formula_num (sheet, x, 2, formula, total, (double) row->fen / 100.0);
        }
      else if (row->known)
        furrow_xlsx_write_money (sheet, x, 2, row->fen, money);
      else
        worksheet_write_blank (sheet, x, 2, blank);
      worksheet_write_blank (sheet, x, 3, blank);
    }
  worksheet_merge_range (sheet, N_ROWS + 4, 0, N_ROWS + 4, 3, note, NULL);

  return furrow_xlsx_commit (xlsx, &local) || _furrow_report_propagate_write_error (error, local);
}

gboolean
furrow_surplus_statement_write (FurrowSurplusStatement  *self,
                                const char              *path,
                                GError                 **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    return write_pdf (self, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return write_xlsx (self, path, error);
  {
    g_autofree char *display_name = g_filename_display_name (path);

    g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                 _("%s: the surplus statement is written as .pdf or .xlsx"), display_name);
    return FALSE;
  }
}

gboolean
furrow_surplus_statement_record_print (FurrowSurplusStatement  *self,
                                       FurrowStore             *store,
                                       const char              *destination,
                                       GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->season_names->len; i++)
    {
      /* The period and the destination, never personal data. */
      g_autofree char *detail = g_strdup_printf ("%s -> %s", self->period,
                                                 destination != NULL ? destination : "");

      if (!_furrow_report_record_print (store, self->season_names->pdata[i],
                                        "surplus-statement", detail, error))
        return FALSE;
    }
  return TRUE;
}
