/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "furrow-report.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* Shared by the statement, roster and export files; not API. */

typedef enum
{
  FURROW_REPORT_ALIGN_LEFT,
  FURROW_REPORT_ALIGN_CENTER,
  FURROW_REPORT_ALIGN_RIGHT,
} FurrowReportAlign;

/* One page being drawn: the cairo_t scaled to the design size, and one Pango layout reused
 * for every piece of text (a fresh layout per cell costs more than the drawing). */
typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  PangoLayout          *layout;
  PangoFontDescription *font;
} FurrowReportPainter;

void    furrow_report_painter_begin (FurrowReportPainter *painter,
                                     cairo_t             *cr,
                                     double               design_width_pt,
                                     double               design_height_pt,
                                     double               width_pt,
                                     double               height_pt);
void    furrow_report_painter_end   (FurrowReportPainter *painter);

/* Draws `text` in a box `width_pt` wide whose top is at `y_pt`; returns the text's height.
 * width_pt ≤ 0: no wrapping (and the alignment is about x_pt). */
double  furrow_report_text          (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               x_pt,
                                     double               y_pt,
                                     double               width_pt,
                                     double               size_pt,
                                     gboolean             bold,
                                     FurrowReportAlign    align);
/* The same, vertically centred in a cell of height `height_pt`, 4 pt in from its sides, on one
 * line: text too long for the cell is set smaller (down to 70 %), then cut short with "…". */
void    furrow_report_cell_text     (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               x_pt,
                                     double               y_pt,
                                     double               width_pt,
                                     double               height_pt,
                                     double               size_pt,
                                     gboolean             bold,
                                     FurrowReportAlign    align);
/* The type size, at most `size_pt` and at least 70 % of it, that sets `text` on one line
 * within `width_pt`. */
double  furrow_report_fit_size      (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               width_pt,
                                     double               size_pt,
                                     gboolean             bold);
/* Measures without drawing. */
double  furrow_report_text_width    (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               size_pt,
                                     gboolean             bold);
double  furrow_report_text_height   (FurrowReportPainter *painter,
                                     const char          *text,
                                     double               width_pt,
                                     double               size_pt,
                                     gboolean             bold);

/* How many cells have been drawn cut short ("…") since the process started: tests check that
 * the usual figures fit their cells. */
guint   furrow_report_count_ellipsized (void);

void    furrow_report_set_gray      (cairo_t             *cr,
                                     double               level);
void    furrow_report_line          (cairo_t             *cr,
                                     double               x0_pt,
                                     double               y0_pt,
                                     double               x1_pt,
                                     double               y1_pt,
                                     double               line_width_pt);
void    furrow_report_grid          (cairo_t             *cr,
                                     double               x_pt,
                                     double               y_pt,
                                     const double        *widths,
                                     guint                n_cols,
                                     guint                n_rows,
                                     double               row_h_pt,
                                     gboolean             header);
void    furrow_report_fill_rect     (cairo_t             *cr,
                                     double               x_pt,
                                     double               y_pt,
                                     double               width_pt,
                                     double               height_pt,
                                     double               gray);

/* A map in a box: WGS84 lon/lat in an equirectangular projection about the centre, x scaled by
 * cos (latitude) — true to a few parts in a million over a village — fitted into the box with
 * a margin and room for the scale bar. */
typedef struct
{
  double lon0;
  double lat0;
  double m_per_deg_x;
  double m_per_deg_y;
  double scale;        /* points per metre */
  double origin_x;     /* the box point of (min x, max y) */
  double origin_y;
  double min_x_m;
  double max_y_m;
  double avail_w;      /* the drawing area inside the margin */
} FurrowReportMapFrame;

void    furrow_report_map_frame_init    (FurrowReportMapFrame       *frame,
                                         double                      min_lon,
                                         double                      min_lat,
                                         double                      max_lon,
                                         double                      max_lat,
                                         double                      x_pt,
                                         double                      y_pt,
                                         double                      width_pt,
                                         double                      height_pt);
void    furrow_report_map_project       (const FurrowReportMapFrame *frame,
                                         double                      lon,
                                         double                      lat,
                                         double                     *x_pt,
                                         double                     *y_pt);
/* Adds every ring of `geometry` to the current path (fill it even–odd for holes). */
void    furrow_report_map_geometry_path (cairo_t                    *cr,
                                         const FurrowReportMapFrame *frame,
                                         const FurrowGeometry       *geometry);
void    furrow_report_map_ring_centroid (const FurrowReportMapFrame *frame,
                                         const FurrowRing           *ring,
                                         double                     *x_pt,
                                         double                     *y_pt);
/* The scale bar (bottom left, a round number of metres) and the north arrow (top right). */
void    furrow_report_map_decorate      (FurrowReportPainter        *painter,
                                         const FurrowReportMapFrame *frame,
                                         double                      x_pt,
                                         double                      y_pt,
                                         double                      width_pt,
                                         double                      height_pt);

/* "2017-01-10" in the locale's date format ("2017年1月10日"); other text as it is; NULL → "". */
char   *furrow_report_format_date   (const char          *iso_date);
/* "Public notice: <first day> to <last day>, N objections" when the cooperative has a notice
 * period (docs/domain.md §15), "Public notice: <date>" with only a date, "Public notice: —"
 * without one. */
char   *furrow_report_format_notice (const FurrowReportCooperative *cooperative);
/* 50 → "50%", 12.5 → "12.5%". */
char   *furrow_report_format_pct    (double               pct);
/* 4.12 → "4.12". */
char   *furrow_report_format_area   (double               area_mu);
/* "¥462.00/mu" in the locale. */
char   *furrow_report_format_rate   (gint64               fen_per_mu);
const char *furrow_report_custody_label (FurrowCustody    custody);

/* Threads recording PDF pages: -1 one per core (the default), 0 none (the calling thread
 * records each page before replaying it). The file is the same either way; tests check that. */
void    _furrow_report_set_threads  (int                  n_threads);

/* The PDF document titles. */
char   *_furrow_report_statements_title (const FurrowReportCooperative *cooperative);
char   *_furrow_report_roster_title     (const FurrowReportCooperative *cooperative);

/* Page `page` of a document, into width_pt × height_pt. */
typedef void (*FurrowReportDrawPageFunc) (cairo_t  *cr,
                                          gsize     page,
                                          double    width_pt,
                                          double    height_pt,
                                          gpointer  data);

/* n_pages pages into one PDF, whole or not at all, recorded on every core as the statements
 * are (furrow-report-export.c). */
gboolean _furrow_report_write_pages_pdf (const char                *path,
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
                                         GError                   **error);

/* One file of a document written one PDF per household: the household's code (the file is
 * "<code>.pdf", anything but letters, digits, '-' and '_' as '_'; "household-<n>.pdf" without
 * a code) and its pages of the document. */
typedef struct
{
  const char *code;
  gsize       first_page;
  gsize       n_pages;
} FurrowReportPdfFile;

/* The files into `dir` (created if missing), each whole or not at all, drawn by `draw_page` with
 * the document's page numbers; the progress counts files. The statements' and the contracts'
 * one file per household. */
gboolean _furrow_report_write_pdf_files (const char                *dir,
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
                                         GError                   **error);

/* The audit row of printing or exporting a document of the season `season_name`
 * (furrow_store_record_print()); fails (FURROW_REPORT_ERROR_INVALID) when the store has no such
 * season. `detail` says which households and the destination, never personal data. */
gboolean _furrow_report_record_print    (FurrowStore               *store,
                                         const char                *season_name,
                                         const char                *document,
                                         const char                *detail,
                                         GError                   **error);

/* An error of furrow-atomic-file.h or furrow-xlsx.h (`local`, taken) as FURROW_REPORT_ERROR_WRITE
 * with its message; returns FALSE. */
gboolean _furrow_report_propagate_write_error (GError **error,
                                               GError  *local);

/* The amount in capital numerals after "In words (RMB): " (docs/domain.md §11); "—" for
 * what cannot be written. */
char   *furrow_report_in_words      (gint64               fen);
/* The left edge of `column` of a table whose first column starts at `x0_pt`. */
double  furrow_report_column_x      (double               x0_pt,
                                     const double        *widths,
                                     guint                column);

/* The rules of a table row at `y_pt`, `height_pt` high, whose columns `widths` start at
 * `x0_pt`: the rule under it (`bottom_pt` wide), its sides (0.9 pt) and the rules between its
 * columns (0.4 pt): before every column, or, when `first_rule` > 0, only before columns
 * `first_rule` to `last_rule` (a sum row, its figure in those columns). The payroll's and the
 * contract's tables. */
void    furrow_report_row_rules     (cairo_t             *cr,
                                     double               x0_pt,
                                     const double        *widths,
                                     guint                n_cols,
                                     double               y_pt,
                                     double               height_pt,
                                     double               bottom_pt,
                                     guint                first_rule,
                                     guint                last_rule);

/* "<cooperative> <season>" with whatever is known. */
char   *furrow_report_title_prefix  (const FurrowReportCooperative *cooperative);

G_END_DECLS
