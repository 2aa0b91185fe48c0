/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "furrow-distribution.h"
#include "furrow-report-private.h"
#include "furrow-report-testing.h"
#include "furrow-test.h"
#include "furrow-units.h"

/* ------------------------------------------------------------------------------------------ */
/* Taozhuang, docs/domain.md §8, with households and parcels of our own                           */

#define N_TAOZHUANG 70

static const char *const surnames[] = { "张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char *const given[] = { "建国", "秀英", "志强", "桂兰", "玉珍", "国庆", "淑芬" };
static const char *const field_names[] = { "东大片", "西大片", "南洼地" };

/* A strip of `area_mu` 25 m wide, its south-west corner `east_m`, `north_m` from a point near
 * Ningjin (116.80 E, 37.60 N). */
static FurrowGeometry *
strip_geometry (double east_m,
                double north_m,
                double area_mu)
{
  const double lon0 = 116.80;
  const double lat0 = 37.60;
  const double m_per_deg = 6371008.8 * G_PI / 180.0;
  const double width_m = 25.0;
  double length_m = furrow_mu_to_m2 (area_mu) / width_m;
  double x0 = lon0 + east_m / (m_per_deg * cos (lat0 * G_PI / 180.0));
  double x1 = lon0 + (east_m + width_m) / (m_per_deg * cos (lat0 * G_PI / 180.0));
  double y0 = lat0 + north_m / m_per_deg;
  double y1 = lat0 + (north_m + length_m) / m_per_deg;
  FurrowPoint ring[] = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 }, { x0, y0 } };
  FurrowGeometry *geometry = furrow_geometry_new ();

  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring, 5);
  return geometry;
}

typedef struct
{
  FurrowDistributionHousehold *households;
  FurrowReportHousehold       *details;
  FurrowDistributionInput      input;
  FurrowDistributionResult     result;
  FurrowDistributionShare     *shares;
  FurrowReport                *report;
} Taozhuang;

/* 70 households, 69 × 4.12 mu + 6.28 mu = 290.56 mu; base 550 kg × 1.36 yuan − 286 yuan =
 * 462 yuan/mu; revenue 236,412 yuan; the remainder 50/50 (as test-distribution.c). Every third
 * household has two parcels (2.50 mu and the rest); every parcel has an outline. */
static Taozhuang *
taozhuang_new (void)
{
  Taozhuang *t = g_new0 (Taozhuang, 1);
  FurrowReportCooperative header = {
    .name = (char *) "宁津县陶庄土地股份合作社",
    .village_code = (char *) "371426110201",
    .season_name = (char *) "2016 年秋季玉米",
    .crop_year = 2016,
    .notice_date = (char *) "2017-01-10",
  };
  g_autoptr(GError) error = NULL;

  t->households = g_new0 (FurrowDistributionHousehold, N_TAOZHUANG);
  t->details = g_new0 (FurrowReportHousehold, N_TAOZHUANG);
  for (guint i = 0; i < N_TAOZHUANG; i++)
    {
      FurrowReportHousehold *detail = &t->details[i];
      double area_mu = i < 69 ? 4.12 : 6.28;
      guint n_parcels = i % 3 == 0 ? 2 : 1;

      detail->code = g_strdup_printf ("37142611020100%02u", i + 1);
      detail->name = g_strdup_printf ("%s%s", surnames[i % G_N_ELEMENTS (surnames)],
                                      given[i % G_N_ELEMENTS (given)]);
      /* 18 characters: the last 4 are 1000 + 7i, unique among the 70. */
      detail->id_number = g_strdup_printf ("37142619%02u0%u%02u%04u", 50 + i % 40, 1 + i % 9,
                                           10 + i % 18, 1000 + 7 * i);
      detail->phone = g_strdup_printf ("138%08u", 10000 + i);
      detail->n_parcels = n_parcels;
      detail->parcels = g_new0 (FurrowReportParcel, n_parcels);
      for (guint j = 0; j < n_parcels; j++)
        {
          FurrowReportParcel *parcel = &detail->parcels[j];

          parcel->code = g_strdup_printf ("%s%03u", detail->code, j + 1);
          parcel->name = g_strdup_printf ("%s%u号", field_names[(i + j) % 3], j + 1);
          parcel->area_mu = n_parcels == 1 ? area_mu : j == 0 ? 2.50 : area_mu - 2.50;
          parcel->field_name = g_strdup (field_names[(i + j) % 3]);
          parcel->geometry = strip_geometry ((i % 10) * 70.0 + j * 35.0,
                                             (double) (i / 10) * 120.0 + j * 20.0,
                                             parcel->area_mu);
        }

      t->households[i].code = detail->code;
      t->households[i].name = detail->name;
      t->households[i].area_mu = area_mu;
      t->households[i].custody = FURROW_CUSTODY_FULL;
      t->households[i].weight = 1.0;
    }

  t->input = (FurrowDistributionInput) {
    .revenue_fen = 23641200,
    .cost_fen_per_mu = 28600,
    .base = {
      .kind = FURROW_BASE_IN_KIND,
      .kg_per_mu = 550.0,
      .price_fen_per_kg = 136.0,
      .less_cost_per_mu = TRUE,
    },
    .split = { .cooperative_pct = 50.0, .households_pct = 50.0 },
    .reason = "村民代表大会决议：剩余收益合作社与农户五五分成",
    .households = t->households,
    .n_households = N_TAOZHUANG,
  };
  t->shares = g_new0 (FurrowDistributionShare, N_TAOZHUANG);
  g_assert_true (furrow_distribution_compute (&t->input, &t->result, t->shares, &error));
  g_assert_no_error (error);

  /* Hand arithmetic (test-distribution.c): base 46,200 × 290.56 = 13,423,872 fen; surplus
   * 23,641,200 − 8,310,016 − 13,423,872 = 1,907,312 fen; 953,656 each way. */
  g_assert_cmpint (t->result.base_total_fen, ==, 13423872);
  g_assert_cmpint (t->result.households_dividend_fen, ==, 953656);

  t->report = furrow_report_new_from_distribution (&header, &t->input, &t->result, t->shares,
                                                   t->details);
  return t;
}

static void
taozhuang_free (Taozhuang *t)
{
  for (guint i = 0; i < N_TAOZHUANG; i++)
    furrow_report_household_clear (&t->details[i]);
  g_free (t->details);
  g_free (t->households);
  g_free (t->shares);
  furrow_report_free (t->report);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Taozhuang, taozhuang_free)

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", first, "-l", first,
                        path, "-", NULL };

  return furrow_test_run_tool (page > 0 ? one : all);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = furrow_test_run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + 7, " "),
                                   NULL, 10);
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return furrow_test_run_tool (argv);
}

/* Every font is embedded, and the CJK font is Noto Sans CJK SC. */
static void
assert_fonts_embedded (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = furrow_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;
  gboolean noto = FALSE;

  /* name type encoding emb sub uni object ID; two heading lines. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      words = g_strsplit_set (lines[i], " ", -1);
      {
        g_autoptr(GPtrArray) fields = g_ptr_array_new ();

        for (guint k = 0; words[k] != NULL; k++)
          if (*words[k] != '\0')
            g_ptr_array_add (fields, words[k]);
        n = fields->len;
        g_assert_cmpuint (n, >=, 7);
        /* From the right: object ID (2 fields), uni, sub, emb. */
        g_assert_cmpstr (fields->pdata[n - 5], ==, "yes");
        if (strstr (fields->pdata[0], "NotoSansCJKsc") != NULL)
          noto = TRUE;
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 1);
  g_assert_true (noto);
}

static char *
screenshot_dir (void)
{
  const char *dir = g_getenv ("FURROW_SCREENSHOT_DIR");

  return dir != NULL ? g_strdup (dir) : g_build_filename (g_get_tmp_dir (), "screenshots", NULL);
}

/* Page `page` of a PDF as <build>/screenshots/<name>.png, for a person to look at. */
static void
save_screenshot (const char *pdf,
                 int         page,
                 const char *name)
{
  g_autofree char *shots = screenshot_dir ();
  g_autofree char *prefix = g_build_filename (shots, name, NULL);
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "110", "-f", number, "-l", number,
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (g_mkdir_with_parents (shots, 0755), ==, 0);
  out = furrow_test_run_tool (argv);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* pdftotext drops some spaces between Chinese and digits: compare without spaces. */
static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Money in yuan from the text of a spreadsheet, to integer fen: "1903.44" → 190344. */
static gint64
parse_fen (const char *text)
{
  gboolean negative = *text == '-';
  const char *digits = negative ? text + 1 : text;
  const char *dot = strchr (digits, '.');
  gint64 yuan;
  gint64 fen;

  g_assert_nonnull (dot);
  g_assert_cmpuint (strlen (dot + 1), ==, 2);
  yuan = g_ascii_strtoll (digits, NULL, 10);
  fen = g_ascii_strtoll (dot + 1, NULL, 10);
  return (negative ? -1 : 1) * (yuan * 100 + fen);
}

/* ------------------------------------------------------------------------------------------ */
/* Cases                                                                                      */

static void
test_mask (void)
{
  g_autofree char *id = furrow_report_mask_id_number ("110101199001011234");
  g_autofree char *id_x = furrow_report_mask_id_number (" 11010119900101123X ");
  g_autofree char *phone = furrow_report_mask_phone ("13800000001");
  g_autofree char *landline = furrow_report_mask_phone ("5321234");
  g_autofree char *none = furrow_report_mask_id_number (NULL);
  g_autofree char *short_id = furrow_report_mask_id_number ("123");

  g_assert_cmpstr (id, ==, "**************1234");
  g_assert_cmpstr (id_x, ==, "**************123X");
  g_assert_cmpstr (phone, ==, "138****0001");
  g_assert_cmpstr (landline, ==, "***1234");
  g_assert_cmpstr (none, ==, "");
  /* Too short to keep 4: half of it is still hidden. */
  g_assert_cmpstr (short_id, ==, "**3");
}
FURROW_TEST ("/furrow/io/report/mask", test_mask);

static void
test_from_distribution (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  const FurrowReportCooperative *coop = &t->report->cooperative;
  const FurrowReportHousehold *first = &t->report->households[0];
  gint64 base = 0, dividend = 0, total = 0;

  g_assert_cmpuint (t->report->n_households, ==, N_TAOZHUANG);
  g_assert_cmpstr (coop->name, ==, "宁津县陶庄土地股份合作社");
  g_assert_cmpint (coop->revenue_fen, ==, 23641200);
  g_assert_cmpint (coop->cost_fen, ==, 8310016);
  g_assert_cmpint (coop->base_total_fen, ==, 13423872);
  g_assert_cmpint (coop->surplus_fen, ==, 1907312);
  g_assert_cmpint (coop->cooperative_fen, ==, 953656);
  g_assert_cmpint (coop->base_fen_per_mu, ==, 46200);
  g_assert_cmpfloat (coop->households_pct, ==, 50.0);
  g_assert_nonnull (coop->basis);

  /* …01: base 4.12 × 46,200 = 190,344 fen; dividend 13,523 (largest remainder, lowest codes
   * first); total 203,867 fen. */
  g_assert_cmpstr (first->code, ==, "3714261102010001");
  g_assert_cmpstr (first->name, ==, "张建国");
  g_assert_cmpint (first->base_fen, ==, 190344);
  g_assert_cmpint (first->dividend_fen, ==, 13523);
  g_assert_cmpint (first->total_fen, ==, 203867);
  g_assert_cmpfloat_with_epsilon (first->base_area_mu, 4.12, 1e-9);
  /* 953,656 fen / 290.56 mu = 3,282.13 fen/mu (¥32.82/mu). */
  g_assert_cmpfloat_with_epsilon (first->dividend_fen_per_mu, 953656.0 / 290.56, 1e-6);
  g_assert_cmpuint (first->n_parcels, ==, 2);
  g_assert_cmpstr (first->parcels[0].code, ==, "3714261102010001001");
  g_assert_true (first->parcels[0].geometry == t->details[0].parcels[0].geometry);

  for (guint i = 0; i < N_TAOZHUANG; i++)
    {
      base += t->report->households[i].base_fen;
      dividend += t->report->households[i].dividend_fen;
      total += t->report->households[i].total_fen;
    }
  g_assert_cmpint (base, ==, coop->base_total_fen);
  g_assert_cmpint (dividend, ==, coop->households_dividend_fen);
  g_assert_cmpint (total, ==, 13423872 + 953656);
}
FURROW_TEST ("/furrow/io/report/from-distribution", test_from_distribution);

/* Four statements, one a page; each page names its household, shows its amounts exactly as
 * the engine computed them, masks the ID number, and the font is embedded. */
static void
test_statements_pdf (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  static const guint picks[] = { 0, 1, 26, 69 };
  FurrowReportHousehold chosen[G_N_ELEMENTS (picks)];
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "statements.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *all_text = NULL;
  g_autofree char *info = NULL;

  guint ellipsized = furrow_report_count_ellipsized ();

  for (guint k = 0; k < G_N_ELEMENTS (picks); k++)
    chosen[k] = t->report->households[picks[k]];

  g_assert_true (furrow_report_write_statements_pdf (path, &t->report->cooperative, chosen,
                                                     G_N_ELEMENTS (picks), NULL, NULL, NULL,
                                                     &error));
  g_assert_no_error (error);
  /* Every figure fits its cell: nothing is cut short with "…" (pdftotext would not show it:
   * the PDF keeps the whole text behind the ellipsis). */
  g_assert_cmpuint (furrow_report_count_ellipsized (), ==, ellipsized);
  g_assert_cmpuint (pdf_pages (path), ==, G_N_ELEMENTS (picks));
  assert_fonts_embedded (path);

  info = pdf_info (path);
  if (g_test_verbose ())
    g_printerr ("%s", info);
  g_assert_true (g_regex_match_simple ("^Creator:\\s+Furrow$", info, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (info, "宁津县陶庄土地股份合作社"));
  g_assert_nonnull (strstr (info, "A4"));

  for (guint k = 0; k < G_N_ELEMENTS (picks); k++)
    {
      const FurrowReportHousehold *household = &chosen[k];
      g_autofree char *text = pdf_text (path, (int) k + 1);
      g_autofree char *masked = furrow_report_mask_id_number (household->id_number);
      g_autofree char *phone = furrow_report_mask_phone (household->phone);
      g_autofree char *base = furrow_format_yuan (t->shares[picks[k]].base_fen);
      g_autofree char *dividend = furrow_format_yuan (t->shares[picks[k]].dividend_fen);
      g_autofree char *total = furrow_format_yuan (t->shares[picks[k]].total_fen);
      g_autofree char *id_head = g_strndup (household->id_number, 14);
      /* Base: 462 yuan/mu × the household's area. */
      g_autofree char *formula = g_strdup_printf ("¥462.00/亩 × %.2f 亩", household->area_mu);
      /* Dividend: 9,536.56 yuan × the household's area ÷ 290.56 mu (about 32.82 yuan/mu). */
      g_autofree char *dividend_formula =
        g_strdup_printf ("¥9,536.56 ÷ 290.56 亩 × %.2f 亩（约 ¥32.82/亩）", household->area_mu);

      if (g_test_verbose ())
        g_printerr ("%s", text);

      g_assert_nonnull (strstr (text, "宁津县陶庄土地股份合作社"));
      /* The season and the title apart (issue 13, item 10): not "…玉米收益分配明细单". */
      g_assert_nonnull (strstr (text, "2016 年秋季玉米 · 收益分配明细单"));
      g_assert_nonnull (strstr (text, household->code));
      g_assert_nonnull (strstr (text, household->name));
      g_assert_nonnull (strstr (text, masked));
      g_assert_nonnull (strstr (text, phone));
      g_assert_true (g_str_has_prefix (masked, "**************"));
      g_assert_null (strstr (text, household->id_number));
      g_assert_null (strstr (text, id_head));
      g_assert_null (strstr (text, household->phone));
      for (guint j = 0; j < household->n_parcels; j++)
        {
          g_assert_nonnull (strstr (text, household->parcels[j].code));
          g_assert_nonnull (strstr (text, household->parcels[j].name));
        }
      g_assert_nonnull (strstr (text, base));
      g_assert_nonnull (strstr (text, dividend));
      g_assert_nonnull (strstr (text, total));
      /* The form's parts, in Chinese. */
      g_assert_nonnull (strstr (text, "保底收益"));
      g_assert_nonnull (strstr (text, "分红"));
      g_assert_nonnull (strstr (text, "签字（按手印）"));
      g_assert_nonnull (strstr (text, "2017年1月10日"));
      g_assert_nonnull (strstr (text, formula));
      g_assert_nonnull (strstr (text, dividend_formula));
      /* The season's totals: income 236,412 yuan, cost 28,600 × 290.56 = 83,100.16 yuan. */
      g_assert_nonnull (strstr (text, "¥236,412.00"));
      g_assert_nonnull (strstr (text, "¥83,100.16"));
      g_assert_nonnull (strstr (text, "¥134,238.72"));
      g_assert_nonnull (strstr (text, "¥9,536.56"));
      g_assert_nonnull (strstr (text, "50%"));
    }

  /* Hand figures for …01 (4.12 mu) and …70 (6.28 mu): 190,344 + 13,523 = 203,867 fen;
   * 290,136 + 20,612 = 310,748 fen. */
  {
    g_autofree char *first = pdf_text (path, 1);
    g_autofree char *last = pdf_text (path, 4);

    g_assert_nonnull (strstr (first, "¥1,903.44"));
    g_assert_nonnull (strstr (first, "¥135.23"));
    g_assert_nonnull (strstr (first, "¥2,038.67"));
    g_assert_nonnull (strstr (last, "¥2,901.36"));
    g_assert_nonnull (strstr (last, "¥206.12"));
    g_assert_nonnull (strstr (last, "¥3,107.48"));
    /* The totals in capital numerals (docs/domain.md §11): 2,038.67 → 贰仟 零 叁拾捌 元
     * 陆角柒分 (the 0 of the hundreds is one 零); 3,107.48 → 叁仟壹佰 零 柒 元 肆角捌分. */
    g_assert_nonnull (strstr (first, "人民币（大写）：贰仟零叁拾捌元陆角柒分"));
    g_assert_nonnull (strstr (last, "人民币（大写）：叁仟壹佰零柒元肆角捌分"));
  }

  /* No ID number anywhere in the file's text. */
  all_text = pdf_text (path, 0);
  for (guint i = 0; i < N_TAOZHUANG; i++)
    g_assert_null (strstr (all_text, t->report->households[i].id_number));

  save_screenshot (path, 1, "statement");

  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/statements-pdf", test_statements_pdf);

/* The drawing functions work on any cairo_t and fit any page: a US Letter image (612 × 792,
 * 1 px a point) gets the A4 design scaled to 612 / 595.28 of its width and centred, so ink
 * lies inside the page and its margins stay white. */
static void
test_any_surface (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cairo_t *cr = cairo_create (surface);
  const guchar *data;
  int stride;
  guint ink = 0;
  guint ink_in_margin = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  furrow_report_draw_statement (cr, &t->report->cooperative, &t->report->households[0], 612,
                                792);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 792; y++)
    for (int x = 0; x < 612; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        if ((pixel & 0xffffff) != 0xffffff)
          {
            ink++;
            /* Scale 792 / 841.89 = 0.941: the sides keep ≥ 60 px, top and bottom ≥ 30 px. */
            if (x < 30 || x >= 612 - 30 || y < 25 || y >= 792 - 25)
              ink_in_margin++;
          }
      }
  g_assert_cmpuint (ink, >, 612 * 792 / 50);
  g_assert_cmpuint (ink_in_margin, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}
FURROW_TEST ("/furrow/io/report/any-surface", test_any_surface);

static void
test_statements_dir (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "statements", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (furrow_report_write_statement_pdfs_dir (out, &t->report->cooperative,
                                                         t->report->households, 3, NULL,
                                                         NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", t->report->households[i].code);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpuint (pdf_pages (path), ==, 1);
      text = pdf_text (path, 1);
      g_assert_nonnull (strstr (text, t->report->households[i].name));
      g_unlink (path);
    }
  /* Nothing else in the folder: no temporary files left behind. */
  {
    g_autoptr(GDir) listing = g_dir_open (out, 0, NULL);

    g_assert_null (g_dir_read_name (listing));
  }
  g_rmdir (out);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/statements-dir", test_statements_dir);

static void
count_progress (gsize    done,
                gsize    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, ==, *calls + 1);
  g_assert_cmpuint (total, ==, 5);
  (*calls)++;
}

static void
cancel_after_two (gsize    done,
                  gsize    total,
                  gpointer user_data)
{
  if (done == 2)
    g_cancellable_cancel (user_data);
}

/* Progress is reported page by page; a cancelled or unwritable export leaves no file and
 * names the file it could not write. */
static void
test_progress_cancel_errors (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "five.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "sub", "out.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_assert_true (furrow_report_write_statements_pdf (path, &t->report->cooperative,
                                                     t->report->households, 5, NULL,
                                                     count_progress, &calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 5);
  g_unlink (path);

  g_assert_false (furrow_report_write_statements_pdf (path, &t->report->cooperative,
                                                      t->report->households, 5, cancellable,
                                                      cancel_after_two, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A file already there survives a cancelled export byte for byte; a completed one replaces
   * it with the five statement pages. */
  {
    static const char old[] = "statements printed last year\n";
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (path, old, -1, NULL));
    g_cancellable_reset (cancellable);
    g_assert_false (furrow_report_write_statements_pdf (path, &t->report->cooperative,
                                                        t->report->households, 5, cancellable,
                                                        cancel_after_two, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, old);
    g_clear_pointer (&contents, g_free);

    g_assert_true (furrow_report_write_statements_pdf (path, &t->report->cooperative,
                                                       t->report->households, 5, NULL, NULL,
                                                       NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_assert_cmpuint (pdf_pages (path), ==, 5);
    g_unlink (path);
  }

  g_assert_false (furrow_report_write_statements_pdf (bad, &t->report->cooperative,
                                                      t->report->households, 1, NULL, NULL,
                                                      NULL, &error));
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_clear_error (&error);

  g_assert_false (furrow_report_write_roster_csv (bad, &t->report->cooperative,
                                                  t->report->households, 1, &error));
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_clear_error (&error);

  g_assert_false (furrow_report_write_roster_xlsx (bad, &t->report->cooperative,
                                                   t->report->households, 1, &error));
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_WRITE);
  g_clear_error (&error);

  g_assert_false (furrow_report_write_statements_pdf (path, &t->report->cooperative,
                                                      t->report->households, 0, NULL, NULL,
                                                      NULL, &error));
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);

    g_assert_null (g_dir_read_name (listing));
  }
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/progress-cancel-errors", test_progress_cancel_errors);

/* The roster: 70 rows on 21-row pages is 4 pages; every household once; the last page's
 * totals are the settlement's: base 134,238.72, dividend 9,536.56, total 143,775.28 yuan,
 * 290.56 mu. */
static void
test_roster_pdf (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roster.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *last = NULL;
  g_autofree char *base = furrow_format_yuan (t->result.base_total_fen);
  g_autofree char *dividend = furrow_format_yuan (t->result.households_dividend_fen);
  g_autofree char *total = furrow_format_yuan (t->result.base_total_fen
                                               + t->result.households_dividend_fen
                                               - t->result.fees_fen);
  const char *totals_line;
  guint ellipsized = furrow_report_count_ellipsized ();

  g_assert_cmpuint (furrow_report_roster_rows_per_page (), ==, 21);
  g_assert_cmpuint (furrow_report_roster_n_pages (70, 21), ==, 4);
  g_assert_cmpuint (furrow_report_roster_n_pages (63, 21), ==, 3);
  g_assert_cmpuint (furrow_report_roster_n_pages (0, 21), ==, 1);

  g_assert_true (furrow_report_write_roster_pdf (path, &t->report->cooperative,
                                                 t->report->households, N_TAOZHUANG, NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_report_count_ellipsized (), ==, ellipsized);
  g_assert_cmpuint (pdf_pages (path), ==, 4);
  assert_fonts_embedded (path);

  all = pdf_text (path, 0);
  if (g_test_verbose ())
    g_printerr ("%s", all);
  g_assert_nonnull (strstr (all, "公示名单"));
  {
    g_autofree char *squeezed = without_spaces (all);

    g_assert_nonnull (strstr (squeezed, "第1页/共4页"));
    g_assert_nonnull (strstr (squeezed, "第4页/共4页"));
  }
  for (guint i = 0; i < N_TAOZHUANG; i++)
    {
      const FurrowReportHousehold *household = &t->report->households[i];
      const char *at = strstr (all, household->code);
      g_autofree char *household_total = furrow_format_yuan (household->total_fen);
      const char *end;
      g_autofree char *line = NULL;

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, household->code));   /* once */
      end = strchr (at, '\n');
      line = g_strndup (at, end - at);
      g_assert_nonnull (strstr (line, household->name));
      g_assert_nonnull (strstr (line, household_total));
    }

  g_assert_cmpstr (base, ==, "¥134,238.72");
  g_assert_cmpstr (dividend, ==, "¥9,536.56");
  g_assert_cmpstr (total, ==, "¥143,775.28");
  last = pdf_text (path, 4);
  /* The totals row: the line that carries the base total. */
  totals_line = strstr (last, base);
  g_assert_nonnull (totals_line);
  while (totals_line > last && totals_line[-1] != '\n')
    totals_line--;
  {
    g_autofree char *line = g_strndup (totals_line, strchr (totals_line, '\n') - totals_line);
    g_autofree char *squeezed = without_spaces (line);

    g_assert_nonnull (strstr (line, "合计"));
    g_assert_nonnull (strstr (squeezed, "70户"));
    g_assert_nonnull (strstr (line, "290.56"));
    g_assert_nonnull (strstr (line, base));
    g_assert_nonnull (strstr (line, dividend));
    g_assert_nonnull (strstr (line, total));
  }
  g_assert_nonnull (strstr (last, "合计与结算总额核对一致"));
  save_screenshot (path, 4, "roster-last-page");
  /* Only the last page has totals. */
  {
    g_autofree char *first = pdf_text (path, 1);

    g_assert_null (strstr (first, base));
  }

  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/roster-pdf", test_roster_pdf);

/* A full last page (63 rows, 3 pages of 21) still has room for the totals, the notes and the
 * page number; rows that are not the whole settlement are flagged, not silently totalled. */
static void
test_roster_full_page (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roster.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean page_line = FALSE;

  g_assert_true (furrow_report_write_roster_pdf (path, &t->report->cooperative,
                                                 t->report->households, 63, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, 3);
  last = pdf_text (path, 3);
  g_assert_nonnull (strstr (last, "3714261102010063"));
  /* 63 × 190,344 = 11,991,672 fen of base, not the settlement's 13,423,872. */
  g_assert_nonnull (strstr (last, "¥119,916.72"));
  g_assert_nonnull (strstr (last, "各行合计与结算总额不符"));
  g_assert_nonnull (strstr (last, "¥134,238.72"));
  lines = g_strsplit (last, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *squeezed = without_spaces (lines[i]);

      if (strstr (squeezed, "第3页/共3页") != NULL)
        {
          g_assert_cmpstr (squeezed, ==, "第3页/共3页");
          page_line = TRUE;
        }
    }
  g_assert_true (page_line);
  save_screenshot (path, 3, "roster-full-page");

  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/roster-full-page", test_roster_full_page);

static void
test_roster_csv (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 sums[4] = { 0, 0, 0, 0 };
  guint n_lines;

  g_assert_true (furrow_report_write_roster_csv (path, &t->report->cooperative,
                                                 t->report->households, N_TAOZHUANG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));

  lines = g_strsplit (contents + 3, "\r\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, 1 + N_TAOZHUANG + 1 + 1);   /* header, rows, totals, "" */
  g_assert_cmpstr (lines[0], ==, "序号,承包方编码,户主,确权面积（亩）,保底收益（元）,"
                                 "分红（元）,服务费（元）,合计（元）");
  g_assert_cmpstr (lines[1], ==, "1,3714261102010001,张建国,4.12,1903.44,135.23,0.00,2038.67");

  for (guint i = 1; i <= N_TAOZHUANG; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 8);
      g_assert_cmpstr (cells[1], ==, t->report->households[i - 1].code);
      for (guint k = 0; k < 4; k++)
        sums[k] += parse_fen (cells[4 + k]);
      g_assert_cmpint (parse_fen (cells[7]), ==, t->shares[i - 1].total_fen);
    }
  g_assert_cmpint (sums[0], ==, t->result.base_total_fen);
  g_assert_cmpint (sums[1], ==, t->result.households_dividend_fen);
  g_assert_cmpint (sums[2], ==, t->result.fees_fen);
  g_assert_cmpint (sums[3], ==, 14377528);
  g_assert_cmpstr (lines[N_TAOZHUANG + 1], ==,
                   ",合计,70 户,290.56,134238.72,9536.56,0.00,143775.28");

  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/roster-csv", test_roster_csv);

/* A head of household named like a formula is written as text ('=… in quotes), while a
 * negative total (a household that owes its fee: −150.00 yuan) stays a number in its column. */
static void
test_roster_csv_injection (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  char *name = t->report->households[0].name;
  gint64 total = t->report->households[0].total_fen;

  t->report->households[0].name = (char *) "=HYPERLINK(\"http://example.com\")";
  t->report->households[0].total_fen = -15000;
  g_assert_true (furrow_report_write_roster_csv (path, &t->report->cooperative,
                                                 t->report->households, N_TAOZHUANG, &error));
  t->report->households[0].name = name;
  t->report->households[0].total_fen = total;
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  lines = g_strsplit (contents + 3, "\r\n", -1);
  g_assert_cmpstr (lines[1], ==,
                   "1,3714261102010001,\"'=HYPERLINK(\"\"http://example.com\"\")\",4.12,1903.44,"
                   "135.23,0.00,-150.00");
  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/roster-csv-injection", test_roster_csv_injection);

/* The value cached in cell `ref` of a sheet's XML, as integer fen. */
static gint64
xlsx_cell_fen (const char *sheet,
               const char *ref)
{
  g_autofree char *needle = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *cell = strstr (sheet, needle);
  const char *value;
  const char *end;

  g_assert_nonnull (cell);
  end = strstr (cell, "</c>");
  value = strstr (cell, "<v>");
  g_assert_nonnull (value);
  g_assert_true (value < end);
  return (gint64) llround (g_ascii_strtod (value + 3, NULL) * 100.0);
}

static void
test_roster_xlsx (void)
{
  g_autoptr(Taozhuang) t = taozhuang_new ();
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roster.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  const char *sheet_argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL };
  const char *styles_argv[] = { "unzip", "-p", path, "xl/styles.xml", NULL };
  const char *strings_argv[] = { "unzip", "-p", path, "xl/sharedStrings.xml", NULL };
  g_autofree char *sheet = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *strings = NULL;
  gint64 sums[4] = { 0, 0, 0, 0 };

  g_assert_true (furrow_report_write_roster_xlsx (path, &t->report->cooperative,
                                                  t->report->households, N_TAOZHUANG, &error));
  g_assert_no_error (error);

  sheet = furrow_test_run_tool (sheet_argv);
  styles = furrow_test_run_tool (styles_argv);
  strings = furrow_test_run_tool (strings_argv);

  /* The header row is frozen; money is formatted as yuan. */
  g_assert_nonnull (strstr (sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                                   "state=\"frozen\"/>"));
  g_assert_nonnull (strstr (styles, "formatCode=\"¥#,##0.00\""));
  g_assert_nonnull (strstr (strings, "承包方编码"));
  g_assert_nonnull (strstr (strings, "保底收益"));
  g_assert_nonnull (strstr (strings, "张建国"));
  g_assert_nonnull (strstr (strings, "3714261102010001"));
  g_assert_nonnull (strstr (sheet, "<col "));

  for (guint i = 0; i < N_TAOZHUANG; i++)
    {
      static const char columns[] = "EFGH";

      for (guint k = 0; k < 4; k++)
        {
          g_autofree char *ref = g_strdup_printf ("%c%u", columns[k], i + 2);
          gint64 fen = xlsx_cell_fen (sheet, ref);

          sums[k] += fen;
          if (k == 3)
            g_assert_cmpint (fen, ==, t->shares[i].total_fen);
        }
    }
  g_assert_cmpint (sums[0], ==, 13423872);
  g_assert_cmpint (sums[1], ==, 953656);

  /* Row 72: the totals, SUM formulas carrying the integer-fen sums. */
  /* (libxlsxwriter writes 16 significant digits: 9536.56 reads back as 9536.559999999999,
   * the same double; compare in fen.) */
  g_assert_nonnull (strstr (sheet, "<f>SUM(E2:E71)</f><v>134238.72</v>"));
  g_assert_nonnull (strstr (sheet, "<f>SUM(F2:F71)</f><v>"));
  g_assert_nonnull (strstr (sheet, "<f>SUM(H2:H71)</f><v>143775.28</v>"));
  g_assert_nonnull (strstr (sheet, "<f>SUM(D2:D71)</f><v>290.56</v>"));
  g_assert_cmpint (xlsx_cell_fen (sheet, "D72"), ==, 29056);
  g_assert_cmpint (xlsx_cell_fen (sheet, "E72"), ==, t->result.base_total_fen);
  g_assert_cmpint (xlsx_cell_fen (sheet, "F72"), ==, t->result.households_dividend_fen);
  g_assert_cmpint (xlsx_cell_fen (sheet, "G72"), ==, t->result.fees_fen);
  g_assert_cmpint (xlsx_cell_fen (sheet, "H72"), ==, 14377528);

  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/roster-xlsx", test_roster_xlsx);

/* Half custody: no base, no dividend, a service fee owed, the total negative. */
static void
test_half_custody (void)
{
  FurrowDistributionHousehold households[] = {
    { "3714261102010101", "孙玉兰", 10.00, FURROW_CUSTODY_FULL, 1.0, 0 },
    { "3714261102010102", "郑海", 3.50, FURROW_CUSTODY_HALF, 1.0, 12000 },
  };
  FurrowDistributionInput input = {
    .revenue_fen = 1200000,
    .cost_fen_per_mu = 30000,
    .base = { .kind = FURROW_BASE_FIXED, .fen_per_mu = 90000 },
    .split = { .reserve_pct = 10.0, .collective_pct = 30.0, .households_pct = 60.0 },
    .households = households,
    .n_households = 2,
  };
  FurrowReportCooperative header = { .name = (char *) "测试合作社", .season_name = (char *) "2024 年" };
  FurrowDistributionResult result;
  FurrowDistributionShare shares[2];
  FurrowReportParcel parcels[8] = { { NULL, } };
  FurrowReportHousehold details[2] = { { NULL, } };
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowReport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "half.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_true (furrow_distribution_compute (&input, &result, shares, &error));
  g_assert_no_error (error);
  /* Full: 10 mu; income 12,000 yuan − cost 3,000 − base 9,000 = 0 surplus. Half: 3.50 mu ×
   * 120 yuan = 420 yuan owed. */
  g_assert_cmpint (shares[1].fee_fen, ==, 42000);
  g_assert_cmpint (shares[1].total_fen, ==, -42000);

  /* The full-custody household has 8 parcels: the statement lists 5 and counts the rest. */
  details[0].n_parcels = 8;
  details[0].parcels = parcels;
  for (guint j = 0; j < 8; j++)
    {
      parcels[j].code = g_strdup_printf ("3714261102010101%03u", j + 1);
      parcels[j].name = g_strdup_printf ("北洼%u号", j + 1);
      parcels[j].area_mu = 1.25;
      parcels[j].geometry = strip_geometry (j * 30.0, 0.0, 1.25);
    }
  report = furrow_report_new_from_distribution (&header, &input, &result, shares, details);
  for (guint j = 0; j < 8; j++)
    {
      g_free (parcels[j].code);
      g_free (parcels[j].name);
      furrow_geometry_unref (parcels[j].geometry);
    }
  g_assert_cmpuint (report->households[0].n_parcels, ==, 8);
  g_assert_cmpuint (report->households[1].n_parcels, ==, 0);
  g_assert_true (furrow_report_write_statements_pdf (path, &report->cooperative,
                                                     report->households, 2, NULL, NULL, NULL,
                                                     &error));
  g_assert_no_error (error);
  text = pdf_text (path, 1);
  g_assert_nonnull (strstr (text, "3714261102010101004"));
  g_assert_null (strstr (text, "3714261102010101005"));
  g_assert_nonnull (strstr (text, "本季无可分配盈余，不分红"));
  g_assert_nonnull (strstr (text, "……另有 4 块地块"));
  g_assert_nonnull (strstr (text, "合计：8 块"));
  g_assert_nonnull (strstr (text, "10.00"));
  /* Income 12,000 − cost 3,000 − base 9,000 = 0: nothing to share, no dividend. */
  g_assert_nonnull (strstr (text, "¥9,000.00"));
  /* 9,000.00 in capital numerals: 玖仟元整 (docs/domain.md §11). */
  g_assert_nonnull (strstr (text, "人民币（大写）：玖仟元整"));
  g_clear_pointer (&text, g_free);

  text = pdf_text (path, 2);
  g_assert_nonnull (strstr (text, "郑海"));
  g_assert_nonnull (strstr (text, "半托管"));
  g_assert_nonnull (strstr (text, "¥120.00/亩 × 3.50 亩"));
  g_assert_nonnull (strstr (text, "-¥420.00"));
  g_assert_nonnull (strstr (text, "合计应缴"));
  /* What is owed, as the amount owed: 420.00 → 肆佰贰拾元整. */
  g_assert_nonnull (strstr (text, "应缴人民币（大写）：肆佰贰拾元整"));
  g_assert_nonnull (strstr (text, "无地块图形"));
  save_screenshot (path, 1, "statement-many-parcels");
  save_screenshot (path, 2, "statement-half-custody");
  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/half-custody", test_half_custody);

/* A 100 m × 200 m field near Ningjin (3 hectares: 30 mu), north–south rows of a 4 : 6
 * maize–soybean strip 4.2 m wide, 5 m headlands. The quantities are ours; the sheet must show
 * them as given. */
static void
test_plan_sheet (void)
{
  FurrowReportCooperative coop = {
    .name = (char *) "宁津县陶庄土地股份合作社",
    .season_name = (char *) "2024 年夏播",
  };
  FurrowReportPlanSheet sheet = { NULL, };
  static const double offsets_m[10] = { 0.0, 0.5, 1.0, 1.5, 2.1, 2.4, 2.7, 3.0, 3.3, 3.6 };
  g_autofree char *dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FurrowReportPlanRow));
  FurrowGeometry *field = strip_geometry (0.0, 0.0, 0.0);
  const double m_per_deg = 6371008.8 * G_PI / 180.0;
  const double lat0 = 37.60;
  guint ellipsized = furrow_report_count_ellipsized ();

  /* The outline: 100 m east, 200 m north (= 20,000 m² = 30 mu). */
  furrow_geometry_unref (field);
  field = furrow_geometry_new ();
  {
    double x1 = 116.80 + 100.0 / (m_per_deg * cos (lat0 * G_PI / 180.0));
    double y1 = lat0 + 200.0 / m_per_deg;
    FurrowPoint ring[] = { { 116.80, lat0 }, { x1, lat0 }, { x1, y1 }, { 116.80, y1 },
                           { 116.80, lat0 } };

    furrow_geometry_add_ring (field, furrow_geometry_add_polygon (field), ring, 5);
  }
  for (guint unit = 0; unit < 23; unit++)
    for (guint k = 0; k < 10; k++)
      {
        double x_m = 1.0 + unit * 4.2 + offsets_m[k];
        double lon = 116.80 + x_m / (m_per_deg * cos (lat0 * G_PI / 180.0));
        FurrowReportPlanRow row = {
          { lon, lat0 + 5.0 / m_per_deg }, { lon, lat0 + 195.0 / m_per_deg }, k >= 4,
        };

        g_array_append_val (rows, row);
      }

  sheet.field_name = g_strdup ("东大片");
  sheet.pattern = g_strdup ("4 行玉米 : 6 行大豆");
  sheet.field_area_m2 = 20000.0;
  sheet.unit_width_m = 4.2;
  sheet.azimuth_deg = 0.0;
  sheet.headland_m = 5.0;
  sheet.units = 23;
  sheet.ler = 1.35;
  sheet.field = field;
  sheet.n_rows = rows->len;
  sheet.rows = (FurrowReportPlanRow *) g_array_free (g_steal_pointer (&rows), FALSE);
  /* 92 maize rows × 190 m = 17,480 m; at 0.2 m, 87,400 plants. */
  sheet.maize = (FurrowReportPlanCrop) { 92, 17480.0, 87400.0, 34.96, 8324.0, 11250.0,
                                         2700000 };
  sheet.soybean = (FurrowReportPlanCrop) { 138, 26220.0, 262200.0, 65.55, 9990.0, 2430.0,
                                           1239300 };

  g_assert_true (furrow_report_write_plan_sheets_pdf (path, &coop, &sheet, 1, NULL, NULL, NULL,
                                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_report_count_ellipsized (), ==, ellipsized);
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  assert_fonts_embedded (path);
  text = pdf_text (path, 1);
  if (g_test_verbose ())
    g_printerr ("%s", text);
  squeezed = without_spaces (text);
  g_assert_nonnull (strstr (text, "2024 年夏播种植方案"));
  g_assert_nonnull (strstr (text, "东大片"));
  g_assert_nonnull (strstr (text, "4 行玉米 : 6 行大豆"));
  g_assert_nonnull (strstr (squeezed, "30.00亩（20,000m²）"));
  g_assert_nonnull (strstr (text, "4.20 米"));
  g_assert_nonnull (strstr (text, "17,480"));
  g_assert_nonnull (strstr (text, "87,400"));
  g_assert_nonnull (strstr (text, "262,200"));
  g_assert_nonnull (strstr (text, "12.49"));      /* 8,324 m² = 12.486 mu */
  g_assert_nonnull (strstr (text, "¥27,000.00"));
  g_assert_nonnull (strstr (text, "¥12,393.00"));
  g_assert_nonnull (strstr (text, "1.35"));
  g_assert_nonnull (strstr (text, "土地当量比"));
  save_screenshot (path, 1, "plan-sheet");

  furrow_report_plan_sheet_clear (&sheet);
  g_assert_null (sheet.field);
  g_unlink (path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/plan-sheet", test_plan_sheet);

/* furrow-cli settle INPUT.json --statements OUT.pdf --roster OUT.{pdf,csv,xlsx} */
static void
test_cli (void)
{
  const char *cli = g_getenv ("FURROW_CLI");
  g_autofree char *dir = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *roster_pdf = NULL;
  g_autofree char *roster_csv = NULL;
  g_autofree char *roster_xlsx = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("FURROW_CLI is not set to the built furrow-cli");
      return;
    }

  dir = g_dir_make_tmp ("furrow-report-XXXXXX", NULL);
  json_path = g_build_filename (dir, "taozhuang.json", NULL);
  statements = g_build_filename (dir, "statements.pdf", NULL);
  roster_pdf = g_build_filename (dir, "roster.pdf", NULL);
  roster_csv = g_build_filename (dir, "roster.csv", NULL);
  roster_xlsx = g_build_filename (dir, "roster.xlsx", NULL);

  g_string_append (json,
                   "{\"cooperative\": \"宁津县陶庄土地股份合作社\", \"season\": \"2016 年秋季玉米\",\n"
                   " \"village_code\": \"371426110201\", \"notice_date\": \"2017-01-10\",\n"
                   " \"revenue_fen\": 23641200, \"cost_fen_per_mu\": 28600,\n"
                   " \"base\": {\"kind\": \"in_kind\", \"kg_per_mu\": 550, \"price_fen_per_kg\": 136,"
                   " \"less_cost_per_mu\": true},\n"
                   " \"split_pct\": {\"reserve\": 0, \"collective\": 0, \"cooperative\": 50,"
                   " \"households\": 50},\n"
                   " \"reason\": \"村民代表大会决议\",\n \"households\": [\n");
  for (guint i = 0; i < 70; i++)
    g_string_append_printf (json, "  {\"code\": \"37142611020100%02u\", \"name\": \"户主%u\", "
                            "\"area_mu\": %s}%s\n", i + 1, i + 1, i < 69 ? "4.12" : "6.28",
                            i < 69 ? "," : "");
  g_string_append (json, "]}\n");
  g_assert_true (g_file_set_contents (json_path, json->str, -1, &error));

  {
    const char *argv[] = { cli, "settle", json_path, "--statements", statements,
                           "--roster", roster_pdf, NULL };
    g_autofree char *out = furrow_test_run_tool (argv);

    g_assert_nonnull (strstr (out, "3714261102010070"));
  }
  {
    const char *argv[] = { cli, "settle", json_path, "--roster", roster_csv, "--json", NULL };
    g_autofree char *out = furrow_test_run_tool (argv);

    g_assert_nonnull (strstr (out, "\"base_total_fen\""));
  }
  {
    const char *argv[] = { cli, "settle", json_path, "--roster", roster_xlsx, NULL };
    g_autofree char *out = furrow_test_run_tool (argv);
  }
  {
    g_autofree char *folder = g_build_filename (dir, "each", NULL);
    g_autofree char *one = g_build_filename (folder, "3714261102010007.pdf", NULL);
    const char *argv[] = { cli, "settle", json_path, "--statements-dir", folder, "--json",
                           NULL };
    g_autofree char *out = furrow_test_run_tool (argv);
    g_autoptr(GDir) listing = NULL;
    g_autofree char *page = NULL;
    const char *name;
    guint n_files = 0;

    /* One file per household, named by its code. */
    listing = g_dir_open (folder, 0, &error);
    g_assert_no_error (error);
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (folder, name, NULL);

        g_assert_true (g_str_has_prefix (name, "37142611020100"));
        g_assert_true (g_str_has_suffix (name, ".pdf"));
        if (!g_str_equal (file, one))
          g_unlink (file);
        n_files++;
      }
    g_assert_cmpuint (n_files, ==, 70);
    g_assert_cmpuint (pdf_pages (one), ==, 1);
    page = pdf_text (one, 1);
    g_assert_nonnull (strstr (page, "户主7"));
    g_assert_nonnull (strstr (page, "¥2,038.67"));   /* …07: 190,344 + 13,523 fen */
    g_unlink (one);
    g_rmdir (folder);
  }

  g_assert_cmpuint (pdf_pages (statements), ==, 70);
  g_assert_cmpuint (pdf_pages (roster_pdf), ==, 4);
  text = pdf_text (statements, 70);
  g_assert_nonnull (strstr (text, "宁津县陶庄土地股份合作社"));
  g_assert_nonnull (strstr (text, "户主70"));
  g_assert_nonnull (strstr (text, "¥3,107.48"));
  g_assert_true (g_file_get_contents (roster_csv, &csv, NULL, &error));
  g_assert_nonnull (strstr (csv, "134238.72,9536.56,0.00,143775.28\r\n"));
  g_assert_true (g_file_test (roster_xlsx, G_FILE_TEST_IS_REGULAR));

  /* An unknown roster format is refused and nothing is written. */
  {
    g_autofree char *odt = g_build_filename (dir, "roster.odt", NULL);
    const char *argv[] = { cli, "settle", json_path, "--roster", odt, NULL };
    g_autofree char *err = NULL;
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_nonnull (strstr (err, "roster.odt"));
    g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));
  }

  g_unlink (statements);
  g_unlink (roster_pdf);
  g_unlink (roster_csv);
  g_unlink (roster_xlsx);
  g_unlink (json_path);
  g_rmdir (dir);
}
FURROW_TEST ("/furrow/io/report/cli", test_cli);

FURROW_TEST_MAIN (.set_up = furrow_test_set_up_chinese);
