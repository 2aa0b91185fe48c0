/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-report.h"
#include "furrow-report-private.h"

#include "furrow-capital.h"
#include "furrow-units.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (furrow-report-error-quark, furrow_report_error)

/* ------------------------------------------------------------------------------------------ */
/* The plain structs                                                                          */

void
furrow_report_cooperative_clear (FurrowReportCooperative *cooperative)
{
  g_return_if_fail (cooperative != NULL);

  g_clear_pointer (&cooperative->name, g_free);
  g_clear_pointer (&cooperative->village_code, g_free);
  g_clear_pointer (&cooperative->season_name, g_free);
  g_clear_pointer (&cooperative->notice_date, g_free);
  g_clear_pointer (&cooperative->notice_end, g_free);
  g_clear_pointer (&cooperative->basis, g_free);
}

static void
parcel_clear (FurrowReportParcel *parcel)
{
  g_clear_pointer (&parcel->code, g_free);
  g_clear_pointer (&parcel->name, g_free);
  g_clear_pointer (&parcel->field_name, g_free);
  g_clear_pointer (&parcel->geometry, furrow_geometry_unref);
}

void
furrow_report_household_clear (FurrowReportHousehold *household)
{
  g_return_if_fail (household != NULL);

  g_clear_pointer (&household->code, g_free);
  g_clear_pointer (&household->name, g_free);
  g_clear_pointer (&household->id_number, g_free);
  g_clear_pointer (&household->phone, g_free);
  g_clear_pointer (&household->basis, g_free);
  for (guint i = 0; i < household->n_parcels; i++)
    parcel_clear (&household->parcels[i]);
  g_clear_pointer (&household->parcels, g_free);
  household->n_parcels = 0;
}

void
furrow_report_free (FurrowReport *report)
{
  if (report == NULL)
    return;
  furrow_report_cooperative_clear (&report->cooperative);
  for (gsize i = 0; i < report->n_households; i++)
    furrow_report_household_clear (&report->households[i]);
  g_free (report->households);
  g_strfreev (report->left_out);
  g_free (report);
}

static void
copy_parcels (FurrowReportHousehold       *to,
              const FurrowReportHousehold *from)
{
  to->n_parcels = from->n_parcels;
  to->parcels = g_new0 (FurrowReportParcel, MAX (from->n_parcels, 1));
  for (guint i = 0; i < from->n_parcels; i++)
    {
      const FurrowReportParcel *src = &from->parcels[i];
      FurrowReportParcel *dst = &to->parcels[i];

      dst->code = g_strdup (src->code);
      dst->name = g_strdup (src->name);
      dst->area_mu = src->area_mu;
      dst->field_name = g_strdup (src->field_name);
      dst->geometry = src->geometry != NULL ? furrow_geometry_ref (src->geometry) : NULL;
    }
}

FurrowReport *
furrow_report_new_from_distribution (const FurrowReportCooperative  *header,
                                     const FurrowDistributionInput  *input,
                                     const FurrowDistributionResult *result,
                                     const FurrowDistributionShare  *shares,
                                     const FurrowReportHousehold    *details)
{
  FurrowReport *report;
  FurrowReportCooperative *coop;

  g_return_val_if_fail (input != NULL && result != NULL && shares != NULL, NULL);

  report = g_new0 (FurrowReport, 1);
  coop = &report->cooperative;
  if (header != NULL)
    {
      coop->name = g_strdup (header->name);
      coop->village_code = g_strdup (header->village_code);
      coop->season_name = g_strdup (header->season_name);
      coop->crop_year = header->crop_year;
      coop->notice_date = g_strdup (header->notice_date);
    }
  coop->total_area_mu = result->total_area_mu;
  coop->weighted_area_mu = result->weighted_area_mu;
  coop->base_fen_per_mu = result->base_fen_per_mu;
  coop->revenue_fen = result->income_fen;
  coop->cost_fen = result->cost_fen;
  coop->base_total_fen = result->base_total_fen;
  coop->surplus_fen = result->surplus_fen;
  coop->reserve_fen = result->reserve_fen;
  coop->collective_fen = result->collective_fen;
  coop->cooperative_fen = result->cooperative_fen;
  coop->households_dividend_fen = result->households_dividend_fen;
  coop->deficit_fen = result->deficit_fen;
  coop->fees_fen = result->fees_fen;
  coop->reserve_pct = input->split.reserve_pct;
  coop->collective_pct = input->split.collective_pct;
  coop->cooperative_pct = input->split.cooperative_pct;
  coop->households_pct = input->split.households_pct;
  coop->basis = furrow_distribution_format_summary (input, result);

  report->n_households = input->n_households;
  report->households = g_new0 (FurrowReportHousehold, MAX (input->n_households, 1));
  for (gsize i = 0; i < input->n_households; i++)
    {
      const FurrowDistributionShare *share = &shares[i];
      const FurrowReportHousehold *detail = details != NULL ? &details[i] : NULL;
      FurrowReportHousehold *household = &report->households[i];
      gboolean full = share->custody == FURROW_CUSTODY_FULL;

      household->code = g_strdup (share->code);
      household->name = g_strdup (detail != NULL && detail->name != NULL
                                  ? detail->name : input->households[i].name);
      if (detail != NULL)
        {
          household->id_number = g_strdup (detail->id_number);
          household->phone = g_strdup (detail->phone);
          copy_parcels (household, detail);
        }
      household->custody = share->custody;
      household->area_mu = share->area_mu;
      household->base_fen_per_mu = full ? result->base_fen_per_mu : 0;
      household->base_area_mu = full ? share->weighted_area_mu : 0.0;
      household->base_fen = share->base_fen;
      household->dividend_area_mu = full ? share->weighted_area_mu : 0.0;
      household->dividend_fen_per_mu = full && result->weighted_area_mu > 0.0
                                       ? (double) result->households_dividend_fen
                                         / result->weighted_area_mu
                                       : 0.0;
      household->dividend_fen = share->dividend_fen;
      household->fee_fen_per_mu = share->fee_fen_per_mu;
      household->fee_area_mu = share->fee_area_mu;
      household->fee_fen = share->fee_fen;
      household->total_fen = share->total_fen;
      household->basis = furrow_distribution_format_basis (input, result, share);
    }

  return report;
}

/* ------------------------------------------------------------------------------------------ */
/* Masking personal data                                                                      */

/* Every character but the last `keep_tail` (and the first `keep_head`) becomes '*'. */
static char *
mask_chars (const char *text,
            glong       keep_head,
            glong       keep_tail)
{
  GString *out;
  glong n;
  glong i = 0;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  n = g_utf8_strlen (text, -1);
  if (keep_head + keep_tail >= n)
    keep_head = 0;
  if (keep_tail >= n)
    keep_tail = n / 2;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if (i < keep_head || i >= n - keep_tail)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else
        g_string_append_c (out, '*');
    }
  return g_string_free (out, FALSE);
}

char *
furrow_report_mask_id_number (const char *id_number)
{
  g_autofree char *stripped = g_strstrip (g_strdup (id_number != NULL ? id_number : ""));

  return mask_chars (stripped, 0, 4);
}

char *
furrow_report_mask_phone (const char *phone)
{
  g_autofree char *stripped = g_strstrip (g_strdup (phone != NULL ? phone : ""));
  glong n = g_utf8_strlen (stripped, -1);

  /* Mobile numbers keep their carrier prefix and last 4 digits: 138****0001. */
  return mask_chars (stripped, n >= 11 ? 3 : 0, 4);
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing helpers                                                                            */

/* Pango's context, layout and font description are made once per thread and reused for every
 * page that thread draws: creating them per page (and re-resolving the fontset) cost about a
 * fifth of a statement page. Pango's default font map is per thread, so these are too. */
typedef struct
{
  PangoContext         *context;
  PangoFontDescription *font;
  /* Shaped text: "size|bold|width|align|ellipsize|text" → PangoLayout. Every page repeats
   * most of its labels; shaping them again was a third of a page's cost. */
  GHashTable           *layouts;
} PainterCache;

/* Cleared whole when full: a page adds some thirty texts of its own (names, amounts), so the
 * labels are shaped again about once every hundred pages. */
#define LAYOUT_CACHE_MAX 4096

static void
painter_cache_free (gpointer data)
{
  PainterCache *cache = data;

  g_clear_pointer (&cache->layouts, g_hash_table_unref);
  g_clear_object (&cache->context);
  g_clear_pointer (&cache->font, pango_font_description_free);
  g_free (cache);
}

static GPrivate painter_cache_key = G_PRIVATE_INIT (painter_cache_free);

static PainterCache *
painter_cache_get (void)
{
  PainterCache *cache = g_private_get (&painter_cache_key);
  cairo_font_options_t *options;

  if (cache != NULL)
    return cache;

  cache = g_new0 (PainterCache, 1);
  cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Print metrics: no hinting, unrounded positions, so the PDF and the printer agree. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (cache->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (cache->context, FALSE);
  cache->font = pango_font_description_from_string (FURROW_REPORT_FONT_FAMILY " 10");
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_private_set (&painter_cache_key, cache);
  return cache;
}

void
furrow_report_painter_begin (FurrowReportPainter *painter,
                             cairo_t             *cr,
                             double               design_width_pt,
                             double               design_height_pt,
                             double               width_pt,
                             double               height_pt)
{
  double scale = MIN (width_pt / design_width_pt, height_pt / design_height_pt);
  PainterCache *cache = painter_cache_get ();

  cairo_save (cr);
  if (scale > 0.0 && isfinite (scale))
    {
      cairo_translate (cr, (width_pt - design_width_pt * scale) / 2.0,
                       (height_pt - design_height_pt * scale) / 2.0);
      cairo_scale (cr, scale, scale);
    }

  painter->cr = cr;
  painter->context = cache->context;
  painter->layout = NULL;
  painter->font = cache->font;
  /* This page's target and transformation (a no-op when they are the last page's; cached
   * layouts notice a change by the context's serial). */
  pango_cairo_update_context (cr, painter->context);
}

void
furrow_report_painter_end (FurrowReportPainter *painter)
{
  painter->layout = NULL;
  painter->context = NULL;
  painter->font = NULL;
  cairo_restore (painter->cr);
  painter->cr = NULL;
}

/* Points the painter's layout at `text` set this way: a cached layout when the same text was
 * set the same way before on this thread. */
static void
prepare_layout (FurrowReportPainter *painter,
                const char          *text,
                double               width_pt,
                double               size_pt,
                gboolean             bold,
                FurrowReportAlign    align,
                gboolean             ellipsize)
{
  static const PangoAlignment alignments[] = {
    [FURROW_REPORT_ALIGN_LEFT] = PANGO_ALIGN_LEFT,
    [FURROW_REPORT_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
    [FURROW_REPORT_ALIGN_RIGHT] = PANGO_ALIGN_RIGHT,
  };
  PainterCache *cache = painter_cache_get ();
  int size = (int) (size_pt * PANGO_SCALE);
  int width = width_pt > 0.0 ? (int) (width_pt * PANGO_SCALE) : -1;
  g_autofree char *key = g_strdup_printf ("%d|%d|%d|%d|%d|%s", size, bold ? 1 : 0, width,
                                          (int) align, ellipsize ? 1 : 0,
                                          text != NULL ? text : "");
  PangoLayout *layout = g_hash_table_lookup (cache->layouts, key);

  if (layout == NULL)
    {
      if (g_hash_table_size (cache->layouts) >= LAYOUT_CACHE_MAX)
        g_hash_table_remove_all (cache->layouts);
      layout = pango_layout_new (painter->context);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_font_description_set_size (painter->font, size);
      pango_font_description_set_weight (painter->font, bold ? PANGO_WEIGHT_BOLD
                                                             : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, painter->font);
      pango_layout_set_width (layout, width);
      pango_layout_set_alignment (layout, alignments[align]);
      pango_layout_set_ellipsize (layout, ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      pango_layout_set_text (layout, text != NULL ? text : "", -1);
      g_hash_table_insert (cache->layouts, g_steal_pointer (&key), layout);
    }
  painter->layout = layout;
}

double
furrow_report_text_height (FurrowReportPainter *painter,
                           const char          *text,
                           double               width_pt,
                           double               size_pt,
                           gboolean             bold)
{
  int width;
  int height;

  prepare_layout (painter, text, width_pt, size_pt, bold, FURROW_REPORT_ALIGN_LEFT, FALSE);
  pango_layout_get_size (painter->layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

double
furrow_report_text_width (FurrowReportPainter *painter,
                          const char          *text,
                          double               size_pt,
                          gboolean             bold)
{
  int width;
  int height;

  prepare_layout (painter, text, -1.0, size_pt, bold, FURROW_REPORT_ALIGN_LEFT, FALSE);
  pango_layout_get_size (painter->layout, &width, &height);
  return (double) width / PANGO_SCALE;
}

double
furrow_report_fit_size (FurrowReportPainter *painter,
                        const char          *text,
                        double               width_pt,
                        double               size_pt,
                        gboolean             bold)
{
  double natural_pt = furrow_report_text_width (painter, text, size_pt, bold);

  if (natural_pt <= width_pt || width_pt <= 0.0)
    return size_pt;
  return MAX (size_pt * 0.7, size_pt * width_pt / natural_pt * 0.99);
}

double
furrow_report_text (FurrowReportPainter *painter,
                    const char          *text,
                    double               x_pt,
                    double               y_pt,
                    double               width_pt,
                    double               size_pt,
                    gboolean             bold,
                    FurrowReportAlign    align)
{
  int width;
  int height;
  double x = x_pt;

  prepare_layout (painter, text, width_pt, size_pt, bold, align, FALSE);
  pango_layout_get_size (painter->layout, &width, &height);
  if (width_pt <= 0.0)
    {
      if (align == FURROW_REPORT_ALIGN_CENTER)
        x -= (double) width / PANGO_SCALE / 2.0;
      else if (align == FURROW_REPORT_ALIGN_RIGHT)
        x -= (double) width / PANGO_SCALE;
    }
  cairo_move_to (painter->cr, x, y_pt);
  pango_cairo_show_layout (painter->cr, painter->layout);
  return (double) height / PANGO_SCALE;
}

static gint n_ellipsized = 0;

guint
furrow_report_count_ellipsized (void)
{
  return (guint) g_atomic_int_get (&n_ellipsized);
}

void
furrow_report_cell_text (FurrowReportPainter *painter,
                         const char          *text,
                         double               x_pt,
                         double               y_pt,
                         double               width_pt,
                         double               height_pt,
                         double               size_pt,
                         gboolean             bold,
                         FurrowReportAlign    align)
{
  const double pad_pt = 4.0;
  double room_pt = width_pt - 2 * pad_pt;
  int width;
  int height;
  double natural_pt = furrow_report_text_width (painter, text, size_pt, bold);

  /* It fits (nearly always): the layout just measured, placed by hand, so the text is shaped
   * once. */
  if (natural_pt <= room_pt || room_pt <= 0.0)
    {
      double dx = 0.0;

      pango_layout_get_size (painter->layout, &width, &height);
      if (room_pt > 0.0 && align == FURROW_REPORT_ALIGN_CENTER)
        dx = (room_pt - natural_pt) / 2.0;
      else if (room_pt > 0.0 && align == FURROW_REPORT_ALIGN_RIGHT)
        dx = room_pt - natural_pt;
      cairo_move_to (painter->cr, x_pt + pad_pt + dx,
                     y_pt + (height_pt - (double) height / PANGO_SCALE) / 2.0);
      pango_cairo_show_layout (painter->cr, painter->layout);
      return;
    }

  /* Too long (a longer language, a long name): smaller type, down to 70 %, then "…". */
  size_pt = furrow_report_fit_size (painter, text, room_pt, size_pt, bold);

  prepare_layout (painter, text, room_pt, size_pt, bold, align, TRUE);
  pango_layout_get_size (painter->layout, &width, &height);
  cairo_move_to (painter->cr, x_pt + pad_pt,
                 y_pt + (height_pt - (double) height / PANGO_SCALE) / 2.0);
  pango_cairo_show_layout (painter->cr, painter->layout);
  if (pango_layout_is_ellipsized (painter->layout))
    g_atomic_int_inc (&n_ellipsized);
}

void
furrow_report_set_gray (cairo_t *cr,
                        double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

void
furrow_report_line (cairo_t *cr,
                    double   x0_pt,
                    double   y0_pt,
                    double   x1_pt,
                    double   y1_pt,
                    double   line_width_pt)
{
  cairo_set_line_width (cr, line_width_pt);
  cairo_move_to (cr, x0_pt, y0_pt);
  cairo_line_to (cr, x1_pt, y1_pt);
  cairo_stroke (cr);
}

void
furrow_report_fill_rect (cairo_t *cr,
                         double   x_pt,
                         double   y_pt,
                         double   width_pt,
                         double   height_pt,
                         double   gray)
{
  cairo_save (cr);
  furrow_report_set_gray (cr, gray);
  cairo_rectangle (cr, x_pt, y_pt, width_pt, height_pt);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The rules of a table: `n_rows` rows of `row_h_pt` and `n_cols` columns of `widths`, heavier
 * outside; row 0 shaded when `header`. */
void
furrow_report_grid (cairo_t      *cr,
                    double        x_pt,
                    double        y_pt,
                    const double *widths,
                    guint         n_cols,
                    guint         n_rows,
                    double        row_h_pt,
                    gboolean      header)
{
  double width = 0.0;
  double cx = x_pt;

  for (guint c = 0; c < n_cols; c++)
    width += widths[c];
  if (header)
    furrow_report_fill_rect (cr, x_pt, y_pt, width, row_h_pt, 0.92);

  cairo_save (cr);
  furrow_report_set_gray (cr, 0.35);
  for (guint r = 0; r <= n_rows; r++)
    furrow_report_line (cr, x_pt, y_pt + r * row_h_pt, x_pt + width, y_pt + r * row_h_pt,
                        r == 0 || r == n_rows ? 0.9 : 0.4);
  for (guint c = 0; c <= n_cols; c++)
    {
      furrow_report_line (cr, cx, y_pt, cx, y_pt + n_rows * row_h_pt,
                          c == 0 || c == n_cols ? 0.9 : 0.4);
      if (c < n_cols)
        cx += widths[c];
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------------------------ */
/* Formatting                                                                                 */

char *
furrow_report_format_date (const char *iso_date)
{
  guint year;
  guint month;
  guint day;
  char tail;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL)
    return g_strdup ("");
  if (sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (iso_date);

  date = g_date_time_new_utc ((gint) year, (gint) month, (gint) day, 0, 0, 0);
  /* Translators: a date on a statement (g_date_time_format); zh_CN: "%Y年%-m月%-d日" */
  return g_date_time_format (date, C_("report date", "%Y-%m-%d"));
}

char *
furrow_report_format_notice (const FurrowReportCooperative *cooperative)
{
  g_autofree char *date = furrow_report_format_date (cooperative->notice_date);
  g_autofree char *end = NULL;

  if (*date == '\0')
    /* Translators: the date the statement is posted for public notice */
    return g_strdup_printf (_("Public notice: %s"), "—");
  if (cooperative->notice_end == NULL || cooperative->n_objections < 0)
    return g_strdup_printf (_("Public notice: %s"), date);
  end = furrow_report_format_date (cooperative->notice_end);
  /* Translators: the public notice period printed on statements and the roster: its first and
   * last day and how many objections were raised (docs/domain.md §15) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Public notice: %s to %s, %d objection",
                                       "Public notice: %s to %s, %d objections",
                                       cooperative->n_objections),
                          date, end, cooperative->n_objections);
}

char *
furrow_report_format_pct (double pct)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", pct);
  end = buffer + strlen (buffer) - 1;
  while (end > buffer && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  /* Translators: a percentage, e.g. "50%" */
  return g_strdup_printf (C_("percentage", "%s%%"), buffer);
}

char *
furrow_report_format_area (double area_mu)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", area_mu));
}

char *
furrow_report_format_rate (gint64 fen_per_mu)
{
  g_autofree char *yuan = furrow_format_yuan (fen_per_mu);

  /* Translators: an amount per mu, e.g. "¥462.00/mu" */
  return g_strdup_printf (_("%s/mu"), yuan);
}

const char *
furrow_report_custody_label (FurrowCustody custody)
{
  switch (custody)
    {
    case FURROW_CUSTODY_HALF:
      return _("Half custody (chosen services)");
    case FURROW_CUSTODY_FULL:
    default:
      return _("Full custody");
    }
}

char *
furrow_report_title_prefix (const FurrowReportCooperative *cooperative)
{
  const char *name = cooperative->name != NULL ? cooperative->name : "";
  const char *season = cooperative->season_name != NULL ? cooperative->season_name : "";

  if (*season == '\0')
    return g_strdup (name);
  if (*name == '\0')
    return g_strdup (season);
  /* Translators: cooperative name and season, e.g. "陶庄土地股份合作社 2016 年秋季玉米" */
  return g_strdup_printf (C_("report title", "%s %s"), name, season);
}

char *
furrow_report_in_words (gint64 fen)
{
  g_autofree char *words = furrow_money_capital (fen, NULL);

  /* Translators: before a total in capital numerals; zh_CN: "人民币（大写）：%s" */
  return g_strdup_printf (_("In words (RMB): %s"), words != NULL ? words : "—");
}

double
furrow_report_column_x (double        x0_pt,
                        const double *widths,
                        guint         column)
{
  double x = x0_pt;

  for (guint c = 0; c < column; c++)
    x += widths[c];
  return x;
}

void
furrow_report_row_rules (cairo_t      *cr,
                         double        x0_pt,
                         const double *widths,
                         guint         n_cols,
                         double        y_pt,
                         double        height_pt,
                         double        bottom_pt,
                         guint         first_rule,
                         guint         last_rule)
{
  double right = furrow_report_column_x (x0_pt, widths, n_cols);

  furrow_report_line (cr, x0_pt, y_pt + height_pt, right, y_pt + height_pt, bottom_pt);
  furrow_report_line (cr, x0_pt, y_pt, x0_pt, y_pt + height_pt, 0.9);
  furrow_report_line (cr, right, y_pt, right, y_pt + height_pt, 0.9);
  for (guint c = 1; c < n_cols; c++)
    if (first_rule == 0 || (c >= first_rule && c <= last_rule))
      {
        double x = furrow_report_column_x (x0_pt, widths, c);

        furrow_report_line (cr, x, y_pt, x, y_pt + height_pt, 0.4);
      }
}
