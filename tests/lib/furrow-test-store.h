/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-field.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* The store fixture of every test that needs a project file (HACKING.md, Where things go: "A
 * test"): a temporary folder, a path in it, maybe a project at that path, and a tear-down that
 * closes the store and removes the folder with everything the test wrote into it. Use it as the
 * fixture of g_test_add() or embed it in a test's own fixture. */
typedef struct
{
  char        *dir;    /* a new folder of its own */
  char        *path;   /* dir/coop.gpkg, unless set up with another file name; on the
                        * PostgreSQL run (furrow-test-pg.h) an EMPTY or DEMO store is a new
                        * cooperative on the test cluster, and path its code */
  FurrowStore *store;  /* the project at path, or NULL */
} FurrowTestStore;

typedef enum
{
  FURROW_TEST_STORE_FOLDER,  /* the folder and the path only: the test makes the file */
  FURROW_TEST_STORE_EMPTY,   /* a new project without records (furrow_store_create()) */
  FURROW_TEST_STORE_DEMO,    /* the demo cooperative (furrow_demo_create()) */
  FURROW_TEST_STORE_DEMO_FILE, /* the same, written and closed: for furrow-cli to open */
} FurrowTestStoreKind;

void         furrow_test_store_set_up           (FurrowTestStore     *fixture,
                                                 FurrowTestStoreKind  kind,
                                                 const char          *file_name);
void         furrow_test_store_tear_down        (FurrowTestStore     *fixture);

/* For g_test_add() with FurrowTestStore as the whole fixture; the test data is not used. */
void         furrow_test_store_set_up_folder    (FurrowTestStore     *fixture,
                                                 gconstpointer        data);
void         furrow_test_store_set_up_empty     (FurrowTestStore     *fixture,
                                                 gconstpointer        data);
void         furrow_test_store_set_up_demo      (FurrowTestStore     *fixture,
                                                 gconstpointer        data);
void         furrow_test_store_set_up_demo_file (FurrowTestStore     *fixture,
                                                 gconstpointer        data);
void         furrow_test_store_fixture_tear_down (FurrowTestStore    *fixture,
                                                 gconstpointer        data);

/* A new empty project for the fixture on the backend of this run: a file at its path, or on the
 * PostgreSQL run (furrow-test-pg.h) a new cooperative on the test cluster whose code becomes
 * its path. furrow_test_store_reopen() opens the same project again (a second connection, as a
 * worker thread does). Both assert success and return a new store. */
FurrowStore *furrow_test_store_create_at        (FurrowTestStore     *fixture);
FurrowStore *furrow_test_store_reopen           (FurrowTestStore     *fixture);
/* The integer the one-row, one-column `sql` reads from the project at `path` (a fixture's
 * path), going around Furrow: the SQLite C API on the file, or psql in the schema of the
 * cooperative of that code on the PostgreSQL run; 0 for NULL. For a test that checks what
 * Furrow shows against what is stored. */
gint64       furrow_test_store_query_int        (const char          *path,
                                                 const char          *sql);
/* The same on the PostgreSQL run only: psql's unaligned output of `sql` (-A -t: one row a line,
 * columns parted by |), without the white space around it; newly allocated. */
char        *furrow_test_store_query_pg_text    (const char          *path,
                                                 const char          *sql);
/* "USER at 14:05 on 7 December" (the year after it when not this year's), as a conflict's
 * message names who changed a row and when (schema step 13), in the C locale: the time is the
 * changed_at that `sql` reads around Furrow (furrow_test_store_query_int ()), turned into local
 * time by the C library, not by Furrow's code. */
char        *furrow_test_store_changed_by       (const char          *path,
                                                 const char          *user,
                                                 const char          *sql);

/* Copies the project SOURCE to the fixture's path and opens it: a copy of a demo made once is
 * cheaper than a new demo per test (valgrind runs the core suite). */
void         furrow_test_store_open_copy        (FurrowTestStore     *fixture,
                                                 const char          *source);

/* dir/NAME, newly allocated. */
char        *furrow_test_store_file             (FurrowTestStore     *fixture,
                                                 const char          *name);

/* The season called NAME in the store's seasons model (transfer full), or NULL. */
FurrowSeason *furrow_test_store_find_season     (FurrowStore         *store,
                                                 const char          *name);

/* Reopens the demo's settled season (FURROW_DEMO_SEASON, furrow-demo.h) and deletes it: for a
 * test of what a settled season does to the fields it harvested, or of reshaping a field, on
 * fields no season has settled. Asserts success. */
void          furrow_test_store_remove_demo_season (FurrowStore       *store);

/* Removes DIR and everything below it; a missing folder is not an error. */
void         furrow_test_remove_tree            (const char          *dir);

/* A cooperative on one field without an outline (code FIELD_CODE, name FIELD_NAME or none): per
 * area of AREAS_MU a household 37078210220101NNNN named 户主 holding one parcel
 * 37078210220101NNNNN of that registered area in the field, in full custody, then N_HALF more
 * households of one 2.00-mu parcel each in half custody (NNNN counts from 1). Returns the field. */
FurrowField *furrow_test_store_add_cooperative  (FurrowStore         *store,
                                                 const char          *field_code,
                                                 const char          *field_name,
                                                 const double        *areas_mu,
                                                 guint                n_areas,
                                                 guint                n_half);

/* Taozhuang (docs/domain.md §8) in four households, 100 + 90.56 + 60 + 40 = 290.56 mu of full
 * custody in field F1 东大片, and a fifth with 2.00 mu of half custody, households
 * 37142611020100NN (NN from 01) of the cooperative 宁津县陶庄土地股份合作社, village
 * 37142611020100; season "2016 秋" (2016): sole maize, 173,840 kg sold for 23,641,200 fen, cost
 * 286 yuan/mu, base in kind 550 kg × 1.36 yuan less the cost, surplus split 0/0/50/50 (with the
 * reason), fees sowing 30 and harvest 60 yuan/mu. The hand-worked totals per household are
 * furrow_test_taozhuang_totals_fen. With EXTRA also 周文 (…06), 3.00 mu of half custody taking
 * none of the services, so nothing is due, and 吴敏 (…07), in the register without parcels, so not
 * in the settlement. Settled when SETTLE. Returns the season. */
FurrowSeason *furrow_test_store_add_taozhuang   (FurrowStore         *store,
                                                 gboolean             extra,
                                                 gboolean             settle);

/* Its season alone, for a test with its own register of Taozhuang: "2016 秋" with the rules
 * above, added to STORE; then its harvest on FIELD (sole maize planned, 173,840 kg sold for
 * 23,641,200 fen), and the settlement when SETTLE. */
FurrowSeason *furrow_test_store_new_taozhuang_season (FurrowStore     *store);
void          furrow_test_store_harvest_taozhuang    (FurrowStore     *store,
                                                      FurrowSeason    *season,
                                                      FurrowField     *field,
                                                      gboolean         settle);
/* Another season of the same rules on the register furrow_test_store_add_taozhuang() made: NAME,
 * of the crop year its first four digits say, sole maize on F1, 173,840 kg sold for
 * REVENUE_FEN, settled when SETTLE. */
FurrowSeason *furrow_test_store_add_taozhuang_season (FurrowStore    *store,
                                                      const char     *name,
                                                      gint64          revenue_fen,
                                                      gboolean        settle);

/* A season NAME of CROP_YEAR without costs or subsidies: a fixed base of BASE_FEN_PER_MU, one
 * maize harvest of 20,000 kg on FIELD sold for REVENUE_FEN, the split SPLIT (with REASON),
 * settled. */
void          furrow_test_store_settle_fixed (FurrowStore              *store,
                                              FurrowField              *field,
                                              const char               *name,
                                              guint                     crop_year,
                                              gint64                    base_fen_per_mu,
                                              gint64                    revenue_fen,
                                              const FurrowSurplusSplit *split,
                                              const char               *reason);

/* Every field of STORE planned "2+4" in SEASON and, but for the first N_UNHARVESTED (G_MAXUINT:
 * none harvested), harvested at 700 kg of maize sold for 2,000 yuan per registered mu, and with
 * SOYBEAN 120 kg of soybean sold for 600 yuan per mu. */
void          furrow_test_store_harvest_2_4  (FurrowStore              *store,
                                              FurrowSeason             *season,
                                              gboolean                  soybean,
                                              guint                     n_unharvested);
/* DRAFT added to STORE, every field harvested as above (with or without SOYBEAN) and the season
 * settled; the store's season (a new reference). */
FurrowSeason *furrow_test_store_settle_2_4   (FurrowStore              *store,
                                              FurrowSeason             *draft,
                                              gboolean                  soybean);

/* Its first five households, in code order: registered areas, names and settled totals. */
#define FURROW_TEST_TAOZHUANG_N 5
extern const double       furrow_test_taozhuang_areas_mu[FURROW_TEST_TAOZHUANG_N];
extern const char *const  furrow_test_taozhuang_names[FURROW_TEST_TAOZHUANG_N];
extern const gint64       furrow_test_taozhuang_totals_fen[FURROW_TEST_TAOZHUANG_N];

G_END_DECLS
