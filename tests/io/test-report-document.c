/* SPDX-License-Identifier: GPL-3.0-or-later */

/* FurrowReportDocument (furrow-report-document.h), the paginated renderer the window prints
 * through: built from a settled season in a real project file, page k drawn alone into a PDF
 * surface and read back with pdftotext shows household k's name and hand-computed total; the
 * roster's last page shows the totals; write_pdf gives the same text page for page; the audit
 * log records the print. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "furrow-report-document-testing.h"
#include "furrow-report-private.h"
#include "furrow-store-private.h"
#include "furrow-store-season.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "furrow-units.h"

typedef FurrowTestStore Fixture;

/* Taozhuang (docs/domain.md §8), the store fixture's (furrow_test_store_add_taozhuang(), whose
 * comment works the totals by hand): 49,482.13, 44,811.02, 29,689.28 and 19,792.85 yuan to the
 * four households of full custody, 180.00 yuan owed by the fifth. */
static const char *const *const names = furrow_test_taozhuang_names;
static const gint64 *const totals_fen = furrow_test_taozhuang_totals_fen;

static FurrowSeason *
settled_taozhuang (FurrowStore *store)
{
  return furrow_test_store_add_taozhuang (store, FALSE, TRUE);
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

/* Draws one page of `document` alone into a PDF of width × height and returns its text. */
static char *
draw_one_page (FurrowReportDocument *document,
               const char           *dir,
               guint                 page,
               double                width_pt,
               double                height_pt)
{
  g_autofree char *name = g_strdup_printf ("page-%u.pdf", page);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width_pt, height_pt);
  cairo_t *cr = cairo_create (surface);
  char *text;

  furrow_report_document_draw_page (document, cr, page, width_pt, height_pt);
  /* The cairo_t's state is restored: nothing is left scaled. */
  {
    cairo_matrix_t matrix;

    cairo_get_matrix (cr, &matrix);
    g_assert_cmpfloat (matrix.xx, ==, 1.0);
    g_assert_cmpfloat (matrix.x0, ==, 0.0);
  }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  text = furrow_test_pdf_text (path, NULL);
  g_unlink (path);
  return text;
}

static void
test_statements (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(FurrowReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "all.pdf", NULL);
  g_autofree char *whole = NULL;
  g_auto(GStrv) pages = NULL;
  double width;
  double height;

  document = furrow_report_document_new_statements (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  /* Four full-custody households and the half-custody one that owes fees. */
  g_assert_cmpuint (furrow_report_document_get_n_pages (document), ==, 5);
  g_assert_cmpint (furrow_report_document_get_kind (document), ==,
                   FURROW_REPORT_DOCUMENT_STATEMENTS);
  g_assert_false (furrow_report_document_is_landscape (document));
  furrow_report_document_get_page_size (document, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.2756, 1e-3);
  g_assert_cmpfloat_with_epsilon (height, 841.8898, 1e-3);
  g_assert_nonnull (strstr (furrow_report_document_get_title (document), "宁津县陶庄"));

  for (guint k = 0; k < 5; k++)
    {
      const FurrowReportHousehold *h = furrow_report_document_get_page_household (document, k);
      g_autofree char *total = furrow_format_yuan (totals_fen[k]);
      /* A4, and US Letter (the page is scaled into it). */
      g_autofree char *a4 = draw_one_page (document, fixture->dir, k, 595.2756, 841.8898);
      g_autofree char *letter = draw_one_page (document, fixture->dir, k, 612.0, 792.0);
      g_autofree char *a4_flat = without_spaces (a4);
      g_autofree char *letter_flat = without_spaces (letter);

      g_assert_nonnull (h);
      g_assert_cmpstr (h->name, ==, names[k]);
      g_assert_cmpint (h->total_fen, ==, totals_fen[k]);
      g_assert_nonnull (strstr (a4, names[k]));
      g_assert_nonnull (strstr (a4_flat, total));
      g_assert_nonnull (strstr (letter, names[k]));
      g_assert_nonnull (strstr (letter_flat, total));
      /* Only this household: no other's name on the page; the ID masked. */
      for (guint j = 0; j < 5; j++)
        if (j != k)
          g_assert_null (strstr (a4, names[j]));
      g_assert_null (strstr (a4, "371426196001011234"));
      g_assert_nonnull (strstr (a4, "1234"));
    }
  g_assert_null (furrow_report_document_get_page_household (document, 5));

  /* The PDF export is the same renderer: its page k reads as page k drawn alone. */
  furrow_report_document_write_pdf (document, pdf, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  whole = furrow_test_pdf_text (pdf, NULL);
  pages = g_strsplit (whole, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 5);
  for (guint k = 0; k < 5; k++)
    {
      g_autofree char *alone = draw_one_page (document, fixture->dir, k, 595.2755905511812,
                                              841.8897637795276);
      g_autofree char *alone_page = g_strconcat (pages[k], "\f", NULL);

      g_assert_cmpstr (alone_page, ==, alone);
    }

  /* The audit log names the count and the destination. */
  furrow_report_document_record_print (document, fixture->store, "Printer A", &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) audit = _furrow_store_get_audit (fixture->store, "season:2016 秋");
    const char *last = audit[g_strv_length (audit) - 1];

    g_assert_true (g_str_has_prefix (last, "season.print.statements|"));
    g_assert_nonnull (strstr (last, "5 households -> Printer A"));
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/report-document/statements", Fixture,
                     furrow_test_store_set_up_empty, test_statements,
                     furrow_test_store_fixture_tear_down);

/* A file's bytes without its /CreationDate (the one thing that changes from run to run). */
static GBytes *
pdf_bytes_undated (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *needle = "/CreationDate (D:";
  char *date = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; date == NULL && i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      date = contents + i;
  g_assert_nonnull (date);
  memset (date, 'x', strlen ("/CreationDate (D:20261127131559Z)"));
  return g_bytes_new (contents, length);
}

/* The PDF is the same byte for byte (but its date) whether pages are recorded on worker
 * threads or on the calling thread, for 60 pages (more than the window of pages in flight). */
static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(FurrowReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one = g_build_filename (fixture->dir, "one.pdf", NULL);
  g_autofree char *two = g_build_filename (fixture->dir, "two.pdf", NULL);
  g_autofree char *three = g_build_filename (fixture->dir, "three.pdf", NULL);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;
  FurrowReport *report = furrow_report_new_from_season (fixture->store, season, NULL, &error);
  FurrowReportHousehold *households;

  g_assert_no_error (error);
  /* 60 households: the four full-custody ones again and again, each with its own code. */
  households = g_new0 (FurrowReportHousehold, 60);
  for (guint i = 0; i < 60; i++)
    {
      const FurrowReportHousehold *from = &report->households[i % 4];

      households[i] = *from;
      households[i].code = g_strdup_printf ("37142611020199%02u", i);
      households[i].name = g_strdup (from->name);
      households[i].id_number = g_strdup (from->id_number);
      households[i].phone = NULL;
      households[i].basis = g_strdup (from->basis);
      households[i].parcels = NULL;
      households[i].n_parcels = 0;
    }
  for (gsize i = 0; i < report->n_households; i++)
    furrow_report_household_clear (&report->households[i]);
  g_free (report->households);
  report->households = households;
  report->n_households = 60;
  document = furrow_report_document_new_statements_for_report (report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_report_document_get_n_pages (document), ==, 60);

  _furrow_report_set_threads (0);
  furrow_report_document_write_pdf (document, one, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  _furrow_report_set_threads (2);
  furrow_report_document_write_pdf (document, two, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  _furrow_report_set_threads (5);
  furrow_report_document_write_pdf (document, three, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  _furrow_report_set_threads (-1);

  a = pdf_bytes_undated (one);
  b = pdf_bytes_undated (two);
  c = pdf_bytes_undated (three);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_true (g_bytes_equal (a, c));
  {
    g_autofree char *text = furrow_test_pdf_text (two, NULL);
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

    for (guint k = 0; k < 60; k++)
      {
        g_autofree char *flat = without_spaces (pages[k]);
        g_autofree char *total = furrow_format_yuan (totals_fen[k % 4]);

        g_assert_nonnull (strstr (pages[k], names[k % 4]));
        g_assert_nonnull (strstr (flat, total));
      }
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/report-document/threads", Fixture, furrow_test_store_set_up_empty,
                     test_threads, furrow_test_store_fixture_tear_down);

static void
test_one_household (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(FurrowReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  FurrowReportOptions options = { .notice_date = "2017-01-10",
                                  .household_code = "3714261102010002" };
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *total = furrow_format_yuan (totals_fen[1]);

  document = furrow_report_document_new_statements (fixture->store, season, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_report_document_get_n_pages (document), ==, 1);
  text = draw_one_page (document, fixture->dir, 0, 595.2756, 841.8898);
  flat = without_spaces (text);
  g_assert_nonnull (strstr (text, names[1]));
  g_assert_nonnull (strstr (flat, total));
  g_assert_nonnull (strstr (flat, "2017年1月10日"));
  g_clear_object (&document);

  /* An unknown household, and a season not settled, are refused with a reason. */
  options.household_code = "3714261102019999";
  document = furrow_report_document_new_statements (fixture->store, season, &options, &error);
  g_assert_null (document);
  g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3714261102019999"));
  g_clear_error (&error);
  {
    g_autoptr(FurrowSeason) open = furrow_season_new ("2017 春", 2017);

    furrow_store_add_season (fixture->store, open, &error);
    g_assert_no_error (error);
    document = furrow_report_document_new_roster (fixture->store, open, NULL, &error);
    g_assert_null (document);
    g_assert_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2017 春"));
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/report-document/one-household", Fixture,
                     furrow_test_store_set_up_empty, test_one_household,
                     furrow_test_store_fixture_tear_down);

static void
test_roster (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = settled_taozhuang (fixture->store);
  g_autoptr(FurrowReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  /* Σ of the five households: 14,377,528 − 18,000 = 14,359,528 fen. */
  gint64 sum = 0;
  g_autofree char *sum_text = NULL;
  double width;
  double height;

  for (guint k = 0; k < FURROW_TEST_TAOZHUANG_N; k++)
    sum += totals_fen[k];
  g_assert_cmpint (sum, ==, 14359528);
  sum_text = furrow_format_yuan (sum);

  document = furrow_report_document_new_roster (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (furrow_report_document_is_landscape (document));
  furrow_report_document_get_page_size (document, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_assert_cmpuint (furrow_report_document_get_n_pages (document), ==, 1);
  g_assert_null (furrow_report_document_get_page_household (document, 0));
  text = draw_one_page (document, fixture->dir, 0, width, height);
  flat = without_spaces (text);
  for (guint k = 0; k < FURROW_TEST_TAOZHUANG_N; k++)
    g_assert_nonnull (strstr (text, names[k]));
  g_assert_nonnull (strstr (flat, sum_text));
}
FURROW_TEST_FIXTURE ("/furrow/io/report-document/roster", Fixture, furrow_test_store_set_up_empty,
                     test_roster, furrow_test_store_fixture_tear_down);

/* The line of `text` holding `needle`, or NULL (transfer full). */
static char *
line_with (const char *text,
           const char *needle)
{
  const char *hit = strstr (text, needle);
  const char *start;
  const char *end;

  if (hit == NULL)
    return NULL;
  for (start = hit; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (hit, '\n');
  return g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start));
}

/* Issue 13, item 4: every settled household gets a page, so the statements match the roster
 * page for page — the half-custody household with nothing due (周文) too — and the household
 * without parcels (吴敏) is named with the reason instead of dropped silently. The half-custody
 * household owing fees reads "合计应缴 ¥180.00" ((30 + 60 yuan) × 2.00 mu, hand-worked above),
 * not the double negative "合计应缴 -¥180.00"; 周文's page reads "合计应得 ¥0.00". */
static void
test_every_household (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FurrowSeason) season = furrow_test_store_add_taozhuang (fixture->store, TRUE, TRUE);
  g_autoptr(FurrowReportDocument) statements = NULL;
  g_autoptr(FurrowReportDocument) roster = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "every.pdf", NULL);
  g_autofree char *whole = NULL;
  g_autofree char *owed = NULL;
  g_autofree char *nothing = NULL;
  g_auto(GStrv) pages = NULL;
  const FurrowReport *report;

  /* The season's own public-notice date is printed when none is given (issue 13, item 11). */
  g_assert_true (furrow_store_set_notice_date (fixture->store, season, "2016-11-20", &error));
  g_assert_no_error (error);
  statements = furrow_report_document_new_statements (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  roster = furrow_report_document_new_roster (fixture->store, season, NULL, &error);
  g_assert_no_error (error);
  report = furrow_report_document_get_report (statements);
  /* Four full custody, 陈玉珍 owing fees, 周文 owing nothing: six settled, six pages. */
  g_assert_cmpuint (furrow_report_document_get_report (roster)->n_households, ==, 6);
  g_assert_cmpuint (furrow_report_document_get_n_pages (statements), ==, 6);
  g_assert_cmpstr (furrow_report_document_get_page_household (statements, 5)->name, ==, "周文");
  g_assert_cmpint (furrow_report_document_get_page_household (statements, 5)->total_fen, ==, 0);
  g_assert_nonnull (report->left_out);
  g_assert_cmpuint (g_strv_length (report->left_out), ==, 1);
  g_assert_cmpstr (report->left_out[0], ==, "3714261102010007 吴敏：没有地块");

  furrow_report_document_write_pdf (statements, pdf, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  whole = furrow_test_pdf_text (pdf, NULL);
  pages = g_strsplit (whole, "\f", -1);
  /* pdftotext ends every page with a form feed: six pages, then nothing. */
  g_assert_cmpuint (g_strv_length (pages), ==, 7);
  g_assert_cmpstr (g_strstrip (pages[6]), ==, "");
  g_assert_nonnull (strstr (pages[4], "陈玉珍"));
  owed = line_with (pages[4], "合计应缴");
  g_assert_nonnull (owed);
  g_assert_nonnull (strstr (owed, "¥180.00"));
  g_assert_null (strstr (owed, "-¥"));
  g_assert_nonnull (strstr (pages[5], "周文"));
  nothing = line_with (pages[5], "合计应得");
  g_assert_nonnull (nothing);
  g_assert_nonnull (strstr (nothing, "¥0.00"));
  g_assert_null (strstr (whole, "吴敏"));
  {
    g_autofree char *flat = without_spaces (pages[0]);

    g_assert_nonnull (strstr (flat, "公示日期：2016年11月20日"));
    g_assert_null (strstr (flat, "公示日期：—"));
  }
}
FURROW_TEST_FIXTURE ("/furrow/io/report-document/every-household", Fixture,
                     furrow_test_store_set_up_empty, test_every_household,
                     furrow_test_store_fixture_tear_down);

FURROW_TEST_MAIN (.set_up = furrow_test_set_up_chinese);
