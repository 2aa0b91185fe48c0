/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The importer's options for the import assistant (issue 6, item 5): skipping the records that
 * have problems of their own, reading only the first records for a preview, the problem table
 * (record, code, reason) and the progress of an import. */

#include "config.h"

#include <gdal.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "furrow-importer-testing.h"
#include "furrow-household.h"
#include "furrow-store.h"
#include "furrow-test-store.h"
#include "furrow-test.h"
#include "import-test-data.h"

/* Bow-tie: the diagonals cross at 119.401 E 36.451 N (as in test-import-bad.c). */
#define BOW_TIE "POLYGON ((119.400 36.450, 119.402 36.452, 119.402 36.450, 119.400 36.452, 119.400 36.450))"
#define SQUARE(x) "POLYGON ((" x " 36.45, " x "2 36.45, " x "2 36.4505, " x " 36.4505, " x " 36.45))"
#define HOUSEHOLD "370782102201010001"

static const TestRecord records[] = {
  { SQUARE ("119.41"), "3707821022010100101", HOUSEHOLD, 1.5, NULL },
  { SQUARE ("119.42"), "3707821022010100102", HOUSEHOLD, 1.5, NULL },
  { BOW_TIE,           "3707821022010100103", HOUSEHOLD, 1.5, NULL },
  { SQUARE ("119.43"), "3707821022010100104", HOUSEHOLD, 1.5, NULL },
};

typedef struct
{
  FurrowTestStore project;
  FurrowStore    *store;  /* project.store */
  char           *shp;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FurrowHousehold) household = furrow_household_new ();

  furrow_test_store_set_up (&fixture->project, FURROW_TEST_STORE_EMPTY, NULL);
  fixture->store = fixture->project.store;
  fixture->shp = furrow_test_store_file (&fixture->project, "bad.shp");
  test_write_records (fixture->shp, "ESRI Shapefile", wkbPolygon, 4490, NULL, records,
                      G_N_ELEMENTS (records));
  furrow_household_set_code (household, HOUSEHOLD);
  furrow_household_set_name (household, "王建国");
  g_assert_true (furrow_store_add_household (fixture->store, household, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  furrow_test_store_tear_down (&fixture->project);
  g_free (fixture->shp);
}

/* Without the option, the bow-tie stops the import: one problem, naming feature 3 and its
 * DKBM, and the reason; nothing is written. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FurrowImporter) importer = furrow_importer_new (fixture->shp);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  gint64 index = 0;
  const char *code = NULL, *reason = NULL;

  g_assert_true (furrow_importer_open (importer, &error));
  g_assert_false (furrow_importer_read (importer, NULL, &error));
  g_assert_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_INVALID);
  problems = furrow_importer_get_problems (importer);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (furrow_importer_get_problem_record (importer, g_ptr_array_index (problems, 0),
                                                     &index, &code, &reason));
  g_assert_cmpint (index, ==, 3);   /* the third feature: feature 1 is the first */
  g_assert_cmpstr (code, ==, "3707821022010100103");
  g_assert_nonnull (strstr (reason, "119.401"));
  g_assert_cmpint (furrow_store_count_parcels (fixture->store, NULL), ==, 0);

  /* A problem of the whole file has no record. */
  g_assert_false (furrow_importer_get_problem_record (importer, "no such problem", &index,
                                                     &code, &reason));
  g_assert_cmpint (index, ==, -1);
  g_assert_null (code);
}
FURROW_TEST_FIXTURE ("/furrow/io/import-skip/refused", Fixture, fixture_set_up, test_refused,
                     fixture_tear_down);

/* With skip-invalid the three good parcels are imported and the bow-tie is reported as
 * skipped; the progress ends at 1. */
static void
test_skip (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FurrowImporter) importer = furrow_importer_new (fixture->shp);
  g_autoptr(GError) error = NULL;
  guint n_parcels = 0, n_written = 0;
  const FurrowImportParcel *parcels;

  furrow_importer_set_skip_invalid (importer, TRUE);
  g_assert_true (furrow_importer_open (importer, &error));
  g_assert_true (furrow_importer_read (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (furrow_importer_get_n_skipped (importer), ==, 1);
  g_assert_cmpuint (furrow_importer_get_skipped (importer)->len, ==, 1);
  parcels = furrow_importer_get_parcels (importer, &n_parcels);
  g_assert_cmpuint (n_parcels, ==, 3);
  g_assert_cmpstr (parcels[2].dkbm, ==, "3707821022010100104");
  g_assert_cmpfloat (furrow_importer_get_progress (importer), ==, 0.5);

  g_assert_true (furrow_importer_commit (importer, fixture->store, NULL, &error));
  g_assert_no_error (error);
  furrow_importer_get_written (importer, NULL, &n_written, NULL);
  g_assert_cmpuint (n_written, ==, 3);
  g_assert_cmpint (furrow_store_count_parcels (fixture->store, NULL), ==, 3);
  g_assert_cmpfloat (furrow_importer_get_progress (importer), ==, 1.0);
}
FURROW_TEST_FIXTURE ("/furrow/io/import-skip/skip", Fixture, fixture_set_up, test_skip,
                     fixture_tear_down);

/* A limit reads only the first records: the preview of the assistant. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FurrowImporter) importer = furrow_importer_new (fixture->shp);
  g_autoptr(GError) error = NULL;
  guint n_parcels = 0;

  furrow_importer_set_limit (importer, 2);
  g_assert_true (furrow_importer_open (importer, &error));
  g_assert_true (furrow_importer_read (importer, NULL, &error));   /* the bow-tie is third */
  g_assert_no_error (error);
  furrow_importer_get_parcels (importer, &n_parcels);
  g_assert_cmpuint (n_parcels, ==, 2);
}
FURROW_TEST_FIXTURE ("/furrow/io/import-skip/limit", Fixture, fixture_set_up, test_limit,
                     fixture_tear_down);

FURROW_TEST_MAIN (.set_up = GDALAllRegister);
