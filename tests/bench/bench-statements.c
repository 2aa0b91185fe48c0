/* SPDX-License-Identifier: GPL-3.0-or-later */

/* N households' statements into one PDF (issue 5, items 5 and 8; 300 by default): total
 * seconds, milliseconds per page, file size; then the roster of the same N as PDF, CSV and XLSX.
 * Each household has two parcels with outlines, so every page draws its sketch map. Prints its
 * figures; never a timed test.
 *
 * Usage: bench-statements [N_HOUSEHOLDS[,N2…]] [LOCALEDIR] [KEEP.pdf]
 * Several counts ("5000,10000"): each in turn, then the ratio of each one's statement time to
 * the first's, wall and CPU (issue 5: 10,000 ≤ 2.2 × the time of 5,000).
 * KEEP.pdf: keep the (last) statements PDF there (to compare renderer changes). */

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "furrow-distribution.h"
#include "furrow-report.h"
#include "furrow-units.h"

static FurrowGeometry *
strip (double east_m,
       double north_m,
       double area_mu)
{
  const double m_per_deg = 6371008.8 * G_PI / 180.0;
  const double lat0 = 37.60;
  double width_m = 25.0;
  double length_m = furrow_mu_to_m2 (area_mu) / width_m;
  double x0 = 116.80 + east_m / (m_per_deg * cos (lat0 * G_PI / 180.0));
  double x1 = 116.80 + (east_m + width_m) / (m_per_deg * cos (lat0 * G_PI / 180.0));
  double y0 = lat0 + north_m / m_per_deg;
  double y1 = lat0 + (north_m + length_m) / m_per_deg;
  FurrowPoint ring[] = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 }, { x0, y0 } };
  FurrowGeometry *geometry = furrow_geometry_new ();

  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring, 5);
  return geometry;
}

static double
thread_cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static off_t
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

static int
run (guint       n,
     const char *keep,
     double     *wall_s,
     double     *cpu_s)
{
  static const char *const surnames[] = { "张", "王", "李", "刘", "陈", "杨", "赵", "黄" };
  static const char *const given[] = { "建国", "秀英", "志强", "桂兰", "玉珍", "国庆" };
  g_autofree FurrowDistributionHousehold *households = NULL;
  g_autofree FurrowReportHousehold *details = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autoptr(FurrowReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *roster = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  FurrowDistributionResult result;
  FurrowDistributionInput input;
  FurrowReportCooperative header = {
    .name = (char *) "宁津县陶庄土地股份合作社",
    .village_code = (char *) "371426110201",
    .season_name = (char *) "2016 年秋季玉米",
    .notice_date = (char *) "2017-01-10",
  };
  double area_mu = 0.0;
  gint64 t0, t_statements, t_roster, t_csv, t_xlsx;
  clock_t c0, c_statements, c_xlsx;
  double m0, m_statements;

  households = g_new0 (FurrowDistributionHousehold, n);
  details = g_new0 (FurrowReportHousehold, n);
  for (guint i = 0; i < n; i++)
    {
      double mu = 3.00 + (i % 17) * 0.25;

      details[i].code = g_strdup_printf ("371426110201%04u", i + 1);
      details[i].name = g_strdup_printf ("%s%s", surnames[i % G_N_ELEMENTS (surnames)],
                                         given[i % G_N_ELEMENTS (given)]);
      details[i].id_number = g_strdup_printf ("3714261960010%05u", 10000 + i);
      details[i].phone = g_strdup_printf ("139%08u", i);
      details[i].n_parcels = 2;
      details[i].parcels = g_new0 (FurrowReportParcel, 2);
      for (guint j = 0; j < 2; j++)
        {
          FurrowReportParcel *parcel = &details[i].parcels[j];

          parcel->code = g_strdup_printf ("%s%03u", details[i].code, j + 1);
          parcel->name = g_strdup_printf ("东大片%u号", j + 1);
          parcel->area_mu = j == 0 ? 2.00 : mu - 2.00;
          parcel->field_name = g_strdup ("东大片");
          parcel->geometry = strip ((i % 20) * 70.0 + j * 35.0, (i / 20) * 150.0,
                                    parcel->area_mu);
        }
      households[i].code = details[i].code;
      households[i].name = details[i].name;
      households[i].area_mu = mu;
      households[i].custody = FURROW_CUSTODY_FULL;
      area_mu += mu;
    }

  /* Taozhuang's rules (docs/domain.md §8) on this village's area: 814 yuan/mu of revenue. */
  input = (FurrowDistributionInput) {
    .revenue_fen = (gint64) llround (area_mu * 81400),
    .cost_fen_per_mu = 28600,
    .base = { .kind = FURROW_BASE_IN_KIND, .kg_per_mu = 550, .price_fen_per_kg = 136,
              .less_cost_per_mu = TRUE },
    .split = { .cooperative_pct = 50, .households_pct = 50 },
    .reason = "村民代表大会决议",
    .households = households,
    .n_households = n,
  };
  shares = g_new0 (FurrowDistributionShare, n);
  if (!furrow_distribution_compute (&input, &result, shares, &error))
    {
      g_printerr ("bench-statements: %s\n", error->message);
      return 1;
    }
  report = furrow_report_new_from_distribution (&header, &input, &result, shares, details);

  dir = g_dir_make_tmp ("furrow-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-statements: %s\n", error->message);
      return 1;
    }
  pdf = g_build_filename (dir, "statements.pdf", NULL);
  roster = g_build_filename (dir, "roster.pdf", NULL);
  csv = g_build_filename (dir, "roster.csv", NULL);
  xlsx = g_build_filename (dir, "roster.xlsx", NULL);

  /* Wall time and this process's CPU time: on a shared, loaded machine the second is the one
   * that says what the code costs. */
  t0 = g_get_monotonic_time ();
  c0 = clock ();
  m0 = thread_cpu_s ();
  if (!furrow_report_write_statements_pdf (pdf, &report->cooperative, report->households, n,
                                           NULL, NULL, NULL, &error))
    {
      g_printerr ("bench-statements: %s\n", error->message);
      return 1;
    }
  t_statements = g_get_monotonic_time () - t0;
  c_statements = clock () - c0;
  m_statements = thread_cpu_s () - m0;
  *wall_s = t_statements / 1e6;
  *cpu_s = (double) c_statements / CLOCKS_PER_SEC;

  t0 = g_get_monotonic_time ();
  if (!furrow_report_write_roster_pdf (roster, &report->cooperative, report->households, n,
                                       NULL, &error))
    {
      g_printerr ("bench-statements: %s\n", error->message);
      return 1;
    }
  t_roster = g_get_monotonic_time () - t0;

  t0 = g_get_monotonic_time ();
  furrow_report_write_roster_csv (csv, &report->cooperative, report->households, n, &error);
  t_csv = g_get_monotonic_time () - t0;
  t0 = g_get_monotonic_time ();
  c0 = clock ();
  furrow_report_write_roster_xlsx (xlsx, &report->cooperative, report->households, n, &error);
  t_xlsx = g_get_monotonic_time () - t0;
  c_xlsx = clock () - c0;
  if (error != NULL)
    {
      g_printerr ("bench-statements: %s\n", error->message);
      return 1;
    }

  g_print ("statements: %u households, %u pages in %.2f s, %.1f ms/page, %.0f KiB "
           "(%.1f KiB/page)\n",
           n, n, t_statements / 1e6, t_statements / 1e3 / n, file_size (pdf) / 1024.0,
           file_size (pdf) / 1024.0 / n);
  g_print ("cpu (all threads): statements %.2f s, %.2f ms/page, xlsx %.1f ms\n",
           (double) c_statements / CLOCKS_PER_SEC,
           (double) c_statements * 1e3 / CLOCKS_PER_SEC / n,
           (double) c_xlsx * 1e3 / CLOCKS_PER_SEC);
  /* The calling thread writes the PDF while workers lay pages out: on an idle machine with C
   * cores the statements take at least max (calling thread, all threads / C). */
  g_print ("cpu of the calling thread (PDF writing): %.2f s; idle-machine bound on %u cores: "
           "%.2f s\n", m_statements, g_get_num_processors (),
           MAX (m_statements, (double) c_statements / CLOCKS_PER_SEC / g_get_num_processors ()));
  g_print ("roster pdf: %u pages in %.2f s, %.0f KiB\n",
           furrow_report_roster_n_pages (n, furrow_report_roster_rows_per_page ()),
           t_roster / 1e6, file_size (roster) / 1024.0);
  g_print ("roster csv: %.1f ms, %.0f KiB; xlsx: %.1f ms, %.0f KiB\n",
           t_csv / 1e3, file_size (csv) / 1024.0, t_xlsx / 1e3, file_size (xlsx) / 1024.0);

  if (keep != NULL)
    g_rename (pdf, keep);
  else
    g_unlink (pdf);
  g_unlink (roster);
  g_unlink (csv);
  g_unlink (xlsx);
  g_rmdir (dir);
  for (guint i = 0; i < n; i++)
    furrow_report_household_clear (&details[i]);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) counts = g_strsplit (argc > 1 ? argv[1] : "300", ",", -1);
  const char *localedir = argc > 2 ? argv[2] : NULL;
  guint n_counts = g_strv_length (counts);
  g_autofree double *wall = g_new0 (double, MAX (n_counts, 1));
  g_autofree double *cpu = g_new0 (double, MAX (n_counts, 1));

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_print ("cores: %u\n", g_get_num_processors ());

  for (guint i = 0; i < n_counts; i++)
    {
      guint n = (guint) atoi (counts[i]);
      int status;

      if (n == 0)
        {
          g_printerr ("usage: bench-statements [N_HOUSEHOLDS[,N2…]] [LOCALEDIR] [KEEP.pdf]\n");
          return 2;
        }
      status = run (n, i + 1 == n_counts && argc > 3 ? argv[3] : NULL, &wall[i], &cpu[i]);
      if (status != 0)
        return status;
    }
  for (guint i = 1; i < n_counts; i++)
    g_print ("statements %s vs %s: %.2f s / %.2f s wall = %.2f×; cpu %.2f s / %.2f s = %.2f×\n",
             counts[i], counts[0], wall[i], wall[0], wall[i] / wall[0], cpu[i], cpu[0],
             cpu[i] / cpu[0]);
  return 0;
}
