/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A test case registered where it is defined (HACKING.md, Where things go: "A test"): the line
 * after a test function names its path, so no main() keeps a second list of the cases.
 *
 *   static void
 *   test_format_yuan (void)
 *   {
 *     …
 *   }
 *   FURROW_TEST ("/furrow/core/units/format-yuan", test_format_yuan);
 *
 * Each line expands to a constructor that appends the case to a table; furrow_test_main() hands
 * the table to g_test_add_vtable() in the order the cases stand in the file (GCC runs a
 * translation unit's constructors in definition order through .init_array), so the TAP output
 * keeps the order of the file. */
typedef struct
{
  const char      *path;
  gsize            fixture_size;
  GTestFixtureFunc set_up;
  GTestFixtureFunc test;
  GTestFixtureFunc tear_down;
} FurrowTestCase;

/* Called by the constructors FURROW_TEST() and FURROW_TEST_FIXTURE() write; TEST_CASE is
 * static. */
void furrow_test_register (const FurrowTestCase *test_case);

#define FURROW_TEST_REGISTER_(path, size, set_up, func, tear_down)                            \
  static void G_PASTE (furrow_test_register_, __LINE__) (void) __attribute__ ((constructor)); \
  static void G_PASTE (furrow_test_register_, __LINE__) (void)                                \
  {                                                                                           \
    static const FurrowTestCase test_case = {                                                 \
      (path), (size), (GTestFixtureFunc) (void (*) (void)) (set_up),                          \
      (GTestFixtureFunc) (void (*) (void)) (func),                                            \
      (GTestFixtureFunc) (void (*) (void)) (tear_down) };                                     \
    furrow_test_register (&test_case);                                                        \
  }                                                                                           \
  G_STATIC_ASSERT (sizeof (path) > 1)

/* FUNC is a GTestFunc: void func (void). */
#define FURROW_TEST(path, func)                                                  \
  static inline GTestFunc G_PASTE (furrow_test_check_, __LINE__) (void)          \
  {                                                                              \
    return func;                                                                 \
  }                                                                              \
  FURROW_TEST_REGISTER_ (path, 0, NULL, func, NULL)

/* As g_test_add (path, Fixture, NULL, set_up, func, tear_down): the functions take a Fixture *
 * and the test data, which is NULL (SET_UP and TEAR_DOWN may be NULL). */
#define FURROW_TEST_FIXTURE(path, Fixture, set_up, func, tear_down)                       \
  static inline void G_PASTE (furrow_test_check_, __LINE__) (void)                        \
  {                                                                                       \
    void (*check_set_up) (Fixture *, gconstpointer) G_GNUC_UNUSED = set_up;               \
    void (*check_test) (Fixture *, gconstpointer) G_GNUC_UNUSED = func;                   \
    void (*check_tear_down) (Fixture *, gconstpointer) G_GNUC_UNUSED = tear_down;         \
  }                                                                                       \
  FURROW_TEST_REGISTER_ (path, sizeof (Fixture), set_up, func, tear_down)

/* What a test file needs around its cases, for furrow_test_main(). */
typedef struct
{
  const char *locale;            /* setlocale (LC_ALL, locale) before g_test_init(); NULL: none */
  void      (*set_up) (void);    /* after g_test_init(), before the registered cases are added:
                                  * GDAL, cases made from a data table, files the cases share */
  void      (*tear_down) (void); /* after g_test_run() */
} FurrowTestHooks;

/* The registered cases, for a main() that calls g_test_init() its own way (gtk_test_init()). */
void furrow_test_add_registered (void);
/* The whole main() of a test file: setlocale(), g_test_init (…, G_TEST_OPTION_ISOLATE_DIRS,
 * NULL), HOOKS->set_up, the registered cases, g_test_run(), HOOKS->tear_down. */
int  furrow_test_main           (int                     argc,
                                 char                  **argv,
                                 const FurrowTestHooks  *hooks);

/* The reports and statements in Chinese, as the villages read them: LC_ALL and LANGUAGE zh_CN,
 * the catalogue from FURROW_LOCALEDIR (the build tree's, tests/meson.build). */
void furrow_test_set_up_chinese (void);

/* Runs the program ARGV[0] (found in PATH) and returns its standard output, newly allocated;
 * fails the test with its standard error if it does not exit 0 (pdftotext, unzip …). */
char      *furrow_test_run_tool       (const char *const *argv);
/* Member MEMBER of the zip file PATH (an XLSX's sheet XML …), as `unzip -p` prints it. */
char      *furrow_test_unzip          (const char        *path,
                                       const char        *member);
/* The text of the PDF at PATH as `pdftotext -layout` reads it, without the characters of DROP
 * (" \n": pdftotext drops or adds spaces and line breaks in Chinese; NULL: all of it). */
char      *furrow_test_pdf_text       (const char        *path,
                                       const char        *drop);
/* The text of each page of the PDF at PATH (pdftotext without -layout, split at form feeds). */
GStrv      furrow_test_pdf_pages      (const char        *path);

/* The fields of one line of a CSV file of tests/data, newly allocated (RFC 4180: "" inside
 * quotes is a quote, double quotes group commas; no newline inside a field; a carriage return is
 * dropped). */
GPtrArray *furrow_test_split_csv_line (const char *line);

/* main() of a test file; the arguments initialise its FurrowTestHooks:
 * FURROW_TEST_MAIN (), FURROW_TEST_MAIN (.locale = ""), FURROW_TEST_MAIN (.set_up = set_up). */
#define FURROW_TEST_MAIN(...)                                        \
  int                                                                \
  main (int   argc,                                                  \
        char *argv[])                                                \
  {                                                                  \
    static const FurrowTestHooks hooks = { __VA_ARGS__ };            \
                                                                     \
    return furrow_test_main (argc, argv, &hooks);                    \
  }                                                                  \
  G_STATIC_ASSERT (TRUE)

G_END_DECLS
