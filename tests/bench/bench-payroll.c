/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The payroll (furrow-payroll.h) of N households (5,000 by default) in 20 village groups: PDF and
 * XLSX, one list and by group; prints seconds, pages and file sizes. Never a timed test.
 *
 * Usage: bench-payroll [N_HOUSEHOLDS] [LOCALEDIR] */

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "furrow-payroll.h"

static FurrowReport *
synthetic_report (guint n)
{
  static const char *const surnames[] = { "张", "王", "李", "刘", "陈", "杨", "赵", "黄" };
  static const char *const given[] = { "建国", "秀英", "志强", "桂兰", "玉珍", "国庆" };
  FurrowReport *report = g_new0 (FurrowReport, 1);
  gint64 total = 0;

  report->cooperative.name = g_strdup ("宁津县陶庄土地股份合作社");
  report->cooperative.village_code = g_strdup ("37142611020100");
  report->cooperative.season_name = g_strdup ("2016 秋");
  report->n_households = n;
  report->households = g_new0 (FurrowReportHousehold, n);
  for (guint i = 0; i < n; i++)
    {
      FurrowReportHousehold *h = &report->households[i];

      /* 20 village groups of the same village: FBFBM …0100 … …2000. */
      h->code = g_strdup_printf ("3714261102%02u00%04u", i % 20 + 1, i + 1);
      h->name = g_strdup_printf ("%s%s", surnames[i % G_N_ELEMENTS (surnames)],
                                 given[i % G_N_ELEMENTS (given)]);
      h->id_number = g_strdup_printf ("37142619600101%04u", i % 10000);
      h->custody = FURROW_CUSTODY_FULL;
      h->area_mu = 2.0 + (i % 700) / 100.0;
      h->total_fen = 90000 + (gint64) (i % 7919) * 37;
      h->base_fen = h->total_fen;
      total += h->total_fen;
    }
  report->cooperative.base_total_fen = total;
  return report;
}

static off_t
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 5000;
  g_autofree char *dir = g_dir_make_tmp ("furrow-bench-payroll-XXXXXX", NULL);

  setlocale (LC_ALL, "");
  if (argc > 2)
    bindtextdomain (GETTEXT_PACKAGE, argv[2]);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint by_group = 0; by_group < 2; by_group++)
    {
      FurrowPayrollOptions options = { .by_group = by_group, .date = "2017-01-20" };
      g_autoptr(FurrowPayroll) payroll = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *pdf = g_build_filename (dir, "payroll.pdf", NULL);
      g_autofree char *xlsx = g_build_filename (dir, "payroll.xlsx", NULL);
      gint64 start;
      double pdf_s;
      double xlsx_s;

      payroll = furrow_payroll_new_for_report (synthetic_report (n), &options, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      if (!furrow_payroll_write_pdf (payroll, pdf, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      pdf_s = (g_get_monotonic_time () - start) / 1e6;
      start = g_get_monotonic_time ();
      if (!furrow_payroll_write_xlsx (payroll, xlsx, &error))
        g_error ("%s", error->message);
      xlsx_s = (g_get_monotonic_time () - start) / 1e6;
      g_print ("payroll of %u households%s: PDF %u pages in %.2f s (%.1f ms/page, %.1f MB); "
               "XLSX in %.2f s (%.1f MB)\n", n, by_group ? " by village group" : "",
               furrow_payroll_get_n_pages (payroll), pdf_s,
               1000.0 * pdf_s / furrow_payroll_get_n_pages (payroll),
               file_size (pdf) / 1e6, xlsx_s, file_size (xlsx) / 1e6);
      g_unlink (pdf);
      g_unlink (xlsx);
    }
  g_rmdir (dir);
  return 0;
}
