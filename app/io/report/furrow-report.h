/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "furrow-distribution.h"
#include "furrow-geometry.h"

G_BEGIN_DECLS

/* The report renderer (docs/domain.md §9): a household's income statement (收益分配明细单), the
 * village public roster (公示名单), their exports (PDF, CSV, XLSX), and the season's plan sheet
 * of a field (种植方案).
 *
 * The inputs are plain structs, independent of the project store: the store, the season code
 * or furrow_report_new_from_distribution() fill them. Money is integer fen throughout and is
 * printed with furrow_format_yuan(); areas are mu.
 *
 * The page-drawing functions draw on any cairo_t — a PDF surface here, the GtkPrintContext's
 * cairo_t in the GUI — in points (1/72 in) with the origin at the top left of the printable
 * area. The layout is designed for A4 (statement portrait, roster landscape) and is scaled
 * uniformly and centred to fit whatever width_pt × height_pt the caller gives. Text is drawn
 * with Pango in "Noto Sans CJK SC", translated into the current locale.
 *
 * Personal data: a household's ID number and phone are only ever printed masked
 * (furrow_report_mask_id_number(), furrow_report_mask_phone()) and never logged.
 *
 * Printing from the GUI (GtkPrintOperation): use FurrowReportDocument
 * (furrow-report-document.h), which pages a settled season's statements or roster with these
 * drawing functions and is what the PDF export goes through.
 *
 * The drawing functions are thread-safe (Pango's font map, context and shaped-text cache are per
 * thread), so batch exports can run in a GTask thread; the PDF writers record pages on every
 * core and honour a GCancellable between pages. */

#define FURROW_REPORT_ERROR (furrow_report_error_quark ())

typedef enum
{
  FURROW_REPORT_ERROR_WRITE,    /* the file cannot be written */
  FURROW_REPORT_ERROR_INVALID,  /* nothing to write, or an impossible argument */
} FurrowReportError;

/* A4 in points. */
#define FURROW_REPORT_A4_SHORT_PT (595.2755905511812)
#define FURROW_REPORT_A4_LONG_PT  (841.8897637795276)

#define FURROW_REPORT_FONT_FAMILY "Noto Sans CJK SC"

typedef struct
{
  char   *name;                       /* 合作社名称 */
  char   *village_code;               /* FBFBM (发包方编码), or NULL */
  char   *season_name;                /* e.g. "2016 年秋季玉米" */
  guint   crop_year;                  /* 0 when unknown */
  char   *notice_date;                /* public-notice date, ISO 8601 "2017-01-10", or NULL */
  char   *notice_end;                 /* the notice's last day (docs/domain.md §15), or NULL */
  int     n_objections;               /* objections raised during the notice; −1: not known */

  double  total_area_mu;              /* the full-custody pool */
  double  weighted_area_mu;           /* the pool's area the dividend is shared over */
  gint64  base_fen_per_mu;            /* the base rate */
  gint64  revenue_fen;                /* income: revenue + other income + subsidies */
  gint64  cost_fen;
  gint64  base_total_fen;
  gint64  surplus_fen;                /* negative in a deficit season */
  gint64  reserve_fen;
  gint64  collective_fen;
  gint64  cooperative_fen;
  gint64  households_dividend_fen;
  gint64  deficit_fen;
  gint64  fees_fen;
  double  reserve_pct;
  double  collective_pct;
  double  cooperative_pct;
  double  households_pct;

  char   *basis;                      /* the settlement in one line (计算依据) */
} FurrowReportCooperative;

typedef struct
{
  char           *code;               /* DKBM (地块编码) */
  char           *name;               /* 地块名称 */
  double          area_mu;            /* registered area (确权面积) */
  char           *field_name;         /* the custody field it lies in (所在托管地块), or NULL */
  FurrowGeometry *geometry;           /* WGS84 lon/lat polygon, or NULL */
} FurrowReportParcel;

typedef struct
{
  char               *code;           /* CBFBM (承包方编码) */
  char               *name;           /* head of household (户主) */
  char               *id_number;      /* personal: printed only masked, or NULL */
  char               *phone;          /* personal: printed only masked, or NULL */
  FurrowCustody       custody;
  FurrowReportParcel *parcels;
  guint               n_parcels;

  double              area_mu;        /* registered area in the settlement */
  gint64              base_fen_per_mu;
  double              base_area_mu;   /* the area the base is paid on (weighted area) */
  gint64              base_fen;
  double              dividend_fen_per_mu;  /* households' dividend / the pool's area */
  double              dividend_area_mu;
  gint64              dividend_fen;
  gint64              fee_fen_per_mu;
  double              fee_area_mu;    /* the area billed the fee; 0: area_mu (a full-custody
                                       * household's half-custody land otherwise) */
  gint64              fee_fen;
  gint64              total_fen;      /* base + dividend − fee; negative when fees are owed */
  char               *basis;          /* this household's amounts in one line, or NULL */
} FurrowReportHousehold;

/* A cooperative's settlement ready to print: owns everything it points to. `left_out` names the
 * households of the register that are not in the settlement, so get no statement, each as
 * "CODE NAME: why" (NULL-terminated; NULL when there are none or the report is not from a
 * project). */
typedef struct
{
  FurrowReportCooperative  cooperative;
  FurrowReportHousehold   *households;
  gsize                    n_households;
  char                   **left_out;
} FurrowReport;

/* A season's plan for one custody field (the plan sheet an agronomist takes to the field):
 * the outline with its rows, the pattern, and the quantities and predictions per crop. */
typedef struct
{
  FurrowPoint a;                      /* WGS84 lon/lat */
  FurrowPoint b;
  gboolean    soybean;                /* FALSE: maize */
} FurrowReportPlanRow;

typedef struct
{
  guint   rows;                       /* row pieces */
  double  row_m;
  double  plants;
  double  seed_kg;
  double  area_m2;                    /* planted band area */
  double  yield_kg;                   /* predicted */
  gint64  revenue_fen;                /* predicted */
} FurrowReportPlanCrop;

typedef struct
{
  char                 *field_name;
  char                 *pattern;      /* the pattern in words, e.g. "4 行玉米 : 6 行大豆" */
  double                field_area_m2;
  double                unit_width_m;
  double                azimuth_deg;  /* of the rows, clockwise from north */
  double                headland_m;
  guint                 units;        /* strip units */
  double                ler;          /* land equivalent ratio; 0 when not predicted */
  FurrowGeometry       *field;        /* WGS84 outline, or NULL */
  FurrowReportPlanRow  *rows;
  guint                 n_rows;
  FurrowReportPlanCrop  maize;
  FurrowReportPlanCrop  soybean;
} FurrowReportPlanSheet;

/* Called after each page or file; `done` of `total`. */
typedef void (*FurrowReportProgressFunc) (gsize    done,
                                          gsize    total,
                                          gpointer user_data);

GQuark        furrow_report_error_quark              (void);

void          furrow_report_cooperative_clear        (FurrowReportCooperative       *cooperative);
void          furrow_report_household_clear          (FurrowReportHousehold         *household);
void          furrow_report_free                     (FurrowReport                  *report);

/* Builds a report from the engine's settlement. `header` gives the cooperative's name, village
 * code, season, crop year and notice date (its money is ignored); `details` is NULL or has
 * input->n_households entries at the input's indices, giving each household's ID number, phone
 * and parcels (their money is ignored). Everything is copied. */
FurrowReport *furrow_report_new_from_distribution    (const FurrowReportCooperative  *header,
                                                      const FurrowDistributionInput  *input,
                                                      const FurrowDistributionResult *result,
                                                      const FurrowDistributionShare  *shares,
                                                      const FurrowReportHousehold    *details);

/* "110101199001011234" → "**************1234"; NULL or "" → "". */
char         *furrow_report_mask_id_number           (const char                    *id_number);
/* "13800000001" → "138****0001"; NULL or "" → "". */
char         *furrow_report_mask_phone               (const char                    *phone);

/* One household's statement, one A4 portrait page. */
void          furrow_report_draw_statement           (cairo_t                       *cr,
                                                      const FurrowReportCooperative *cooperative,
                                                      const FurrowReportHousehold   *household,
                                                      double                         width_pt,
                                                      double                         height_pt);

/* The public roster on A4 landscape pages: rows first_row … first_row + rows_per_page − 1 of
 * `households`, the page number "第 p 页 / 共 N 页" (p = first_row / rows_per_page + 1,
 * N = furrow_report_roster_n_pages()), and on the last page the totals row: the sums of the
 * rows in integer fen, which reconcile with the settlement's totals. */
guint         furrow_report_roster_rows_per_page     (void);
guint         furrow_report_roster_n_pages           (gsize                          n_households,
                                                      guint                          rows_per_page);
void          furrow_report_draw_roster_page         (cairo_t                       *cr,
                                                      const FurrowReportCooperative *cooperative,
                                                      const FurrowReportHousehold   *households,
                                                      gsize                          n_households,
                                                      gsize                          first_row,
                                                      guint                          rows_per_page,
                                                      double                         width_pt,
                                                      double                         height_pt);

/* PDF files, written whole or not at all (a temporary file renamed into place). Errors name
 * the file. The progress callback may be NULL; cancelling leaves no file behind. */
gboolean      furrow_report_write_statements_pdf     (const char                    *path,
                                                      const FurrowReportCooperative *cooperative,
                                                      const FurrowReportHousehold   *households,
                                                      gsize                          n_households,
                                                      GCancellable                  *cancellable,
                                                      FurrowReportProgressFunc       progress,
                                                      gpointer                       user_data,
                                                      GError                       **error);
/* One file per household in `dir` (created if missing), named "<CBFBM>.pdf". */
gboolean      furrow_report_write_statement_pdfs_dir (const char                    *dir,
                                                      const FurrowReportCooperative *cooperative,
                                                      const FurrowReportHousehold   *households,
                                                      gsize                          n_households,
                                                      GCancellable                  *cancellable,
                                                      FurrowReportProgressFunc       progress,
                                                      gpointer                       user_data,
                                                      GError                       **error);
gboolean      furrow_report_write_roster_pdf         (const char                    *path,
                                                      const FurrowReportCooperative *cooperative,
                                                      const FurrowReportHousehold   *households,
                                                      gsize                          n_households,
                                                      GCancellable                  *cancellable,
                                                      GError                       **error);

/* The roster as a spreadsheet: UTF-8 CSV with a BOM (Excel), money in yuan with two decimals;
 * XLSX with money as numbers in the "¥#,##0.00" format, a frozen header row, and a totals row
 * whose values are computed from integer fen (each with its SUM formula). Household codes are
 * text in the XLSX; Excel opening the CSV directly shows a 16–18-digit code as a number and
 * loses its last digits, so give Excel users the XLSX. */
gboolean      furrow_report_write_roster_csv         (const char                    *path,
                                                      const FurrowReportCooperative *cooperative,
                                                      const FurrowReportHousehold   *households,
                                                      gsize                          n_households,
                                                      GError                       **error);
gboolean      furrow_report_write_roster_xlsx        (const char                    *path,
                                                      const FurrowReportCooperative *cooperative,
                                                      const FurrowReportHousehold   *households,
                                                      gsize                          n_households,
                                                      GError                       **error);

/* The plan sheet of one field, one A4 portrait page. */
void          furrow_report_draw_plan_sheet          (cairo_t                       *cr,
                                                      const FurrowReportCooperative *cooperative,
                                                      const FurrowReportPlanSheet   *sheet,
                                                      double                         width_pt,
                                                      double                         height_pt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowReport, furrow_report_free)


G_END_DECLS
