/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "furrow-parcel.h"
#include "furrow-register-testing.h"
#include "furrow-register.h"
#include "furrow-test.h"
#include "furrow-units.h"

static void
test_register_mask (void)
{
  g_autofree char *phone = furrow_register_mask_personal ("13800001234");
  g_autofree char *id = furrow_register_mask_personal ("00000019800101123X");
  g_autofree char *empty = furrow_register_mask_personal ("");
  g_autofree char *short_text = furrow_register_mask_personal ("123");

  g_assert_cmpstr (phone, ==, "•••• 1234");
  g_assert_cmpstr (id, ==, "•••• 123X");
  g_assert_cmpstr (empty, ==, "");
  /* Too short to show any digit. */
  g_assert_cmpstr (short_text, ==, "••••");
}
FURROW_TEST ("/furrow/core/register/mask", test_register_mask);

static void
test_register_mismatch (void)
{
  /* 1 mu registered against 1.06 measured: 5.66 % off. */
  g_assert_cmpfloat_with_epsilon (furrow_register_mismatch_percent (1.0, 1.06), 5.6604, 1e-3);
  g_assert_true (furrow_register_is_mismatch (1.0, 1.06, 5));
  g_assert_false (furrow_register_is_mismatch (1.0, 1.04, 5));
  g_assert_false (furrow_register_is_mismatch (1.0, 1.06, 6));
  g_assert_cmpfloat (furrow_register_mismatch_percent (5, 0), ==, 0);
}
FURROW_TEST ("/furrow/core/register/mismatch", test_register_mismatch);

static void
test_register_codes (void)
{
  g_assert_true (furrow_register_is_household_code ("370782102201010001"));
  g_assert_false (furrow_register_is_household_code ("37078210220101001"));
  g_assert_false (furrow_register_is_household_code ("3707821022010100011"));
  g_assert_false (furrow_register_is_household_code ("37078210220101000 "));
  g_assert_false (furrow_register_is_household_code (NULL));
  g_assert_true (furrow_register_is_parcel_code ("3707821022010100001"));
  g_assert_false (furrow_register_is_parcel_code ("370782102201010001"));
}
FURROW_TEST ("/furrow/core/register/codes", test_register_codes);

static FurrowParcel *
parcel_new (const char    *household_code,
            gint64         field_id,
            double         registered_m2,
            FurrowCustody  custody)
{
  FurrowParcel *parcel = furrow_parcel_new ();

  furrow_parcel_set_household_code (parcel, household_code);
  furrow_parcel_set_field_id (parcel, field_id);
  furrow_parcel_set_registered_area_m2 (parcel, registered_m2);
  furrow_parcel_set_custody (parcel, custody);
  return parcel;
}

/* Summaries per household and counts per field over a small register. */
static void
test_register_summaries (void)
{
  g_autoptr(GListStore) parcels = g_list_store_new (FURROW_TYPE_PARCEL);
  g_autoptr(GHashTable) summaries = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GListStore) own = NULL;
  FurrowHouseholdSummary one;
  FurrowHouseholdSummary *many;
  gint64 field_id = 7;
  const struct { const char *household; gint64 field; double m2; FurrowCustody custody; } rows[] = {
    { "A", 7, 1000, FURROW_CUSTODY_FULL },
    { "B", 7, 500, FURROW_CUSTODY_FULL },
    { "A", 8, 250, FURROW_CUSTODY_HALF },
    { "A", 0, 125, FURROW_CUSTODY_FULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(FurrowParcel) parcel = parcel_new (rows[i].household, rows[i].field, rows[i].m2,
                                                   rows[i].custody);

      g_list_store_append (parcels, parcel);
    }

  furrow_register_household_summary (G_LIST_MODEL (parcels), "A", &one);
  g_assert_cmpuint (one.n_parcels, ==, 3);
  g_assert_cmpfloat (one.registered_m2, ==, 1375);
  g_assert_cmpint (one.custody, ==, FURROW_CUSTODY_HALF);

  summaries = furrow_register_household_summaries (G_LIST_MODEL (parcels));
  g_assert_cmpuint (g_hash_table_size (summaries), ==, 2);
  many = g_hash_table_lookup (summaries, "A");
  g_assert_cmpuint (many->n_parcels, ==, 3);
  g_assert_cmpfloat (many->registered_m2, ==, 1375);
  many = g_hash_table_lookup (summaries, "B");
  g_assert_cmpuint (many->n_parcels, ==, 1);
  g_assert_cmpint (many->custody, ==, FURROW_CUSTODY_FULL);

  own = furrow_register_household_parcels (G_LIST_MODEL (parcels), "A");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (own)), ==, 3);

  counts = furrow_register_field_parcel_counts (G_LIST_MODEL (parcels));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &field_id)), ==, 2);
  g_assert_cmpuint (furrow_register_field_parcels (G_LIST_MODEL (parcels), 7), ==, 2);
  g_assert_cmpuint (furrow_register_field_parcels (G_LIST_MODEL (parcels), 8), ==, 1);
  /* Parcels outside any field are not counted. */
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
}
FURROW_TEST ("/furrow/core/register/summaries", test_register_summaries);

/* The checks behind the household page's parcel editing: 1 mu = 666.67 m². */
static void
test_register_checks (void)
{
  g_autoptr(GError) error = NULL;
  double one_mu = furrow_mu_to_m2 (1);

  g_assert_true (furrow_register_check_registered_area (3 * one_mu, 3.2 * one_mu, &error));
  g_assert_no_error (error);
  /* No polygon yet (measured 0): only the bounds apply. */
  g_assert_true (furrow_register_check_registered_area (999 * one_mu, 0, NULL));

  g_assert_false (furrow_register_check_registered_area (0, 3 * one_mu, &error));
  g_assert_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The registered area must be more than 0 mu");
  g_clear_error (&error);
  g_assert_false (furrow_register_check_registered_area (-one_mu, 3 * one_mu, NULL));
  g_assert_false (furrow_register_check_registered_area (NAN, 3 * one_mu, NULL));

  /* 1,001 mu is more than any parcel (the C locale: no thousands separator). */
  g_assert_false (furrow_register_check_registered_area (1001 * one_mu, 0, &error));
  g_assert_cmpstr (error->message, ==,
                   "1001.00 mu is more than any parcel (1000.00 mu): is it in square metres?");
  g_clear_error (&error);

  /* 200 "mu" typed for a parcel measured at 3 mu (200 m² meant?): the unit. 30 mu is exactly ten
   * times; just under it is accepted, just over it is not, and the same a tenth below. */
  g_assert_false (furrow_register_check_registered_area (200 * one_mu, 3 * one_mu, &error));
  g_assert_cmpstr (error->message, ==,
                   "200.00 mu is more than ten times off the measured 3.00 mu: check the unit");
  g_clear_error (&error);
  g_assert_true (furrow_register_check_registered_area (29.99 * one_mu, 3 * one_mu, NULL));
  g_assert_false (furrow_register_check_registered_area (30.01 * one_mu, 3 * one_mu, NULL));
  g_assert_true (furrow_register_check_registered_area (0.301 * one_mu, 3 * one_mu, NULL));
  g_assert_false (furrow_register_check_registered_area (0.299 * one_mu, 3 * one_mu, NULL));

  g_assert_true (furrow_register_check_parcel_code ("3707821022010100001", &error));
  g_assert_no_error (error);
  g_assert_false (furrow_register_check_parcel_code ("370782102201010001", &error));
  g_assert_cmpstr (error->message, ==,
                   "The parcel code (DKBM) “370782102201010001” must be 19 digits");
  g_clear_error (&error);
  g_assert_false (furrow_register_check_parcel_code ("37078210220101000A1", NULL));
  g_assert_false (furrow_register_check_parcel_code (NULL, NULL));
}
FURROW_TEST ("/furrow/core/register/checks", test_register_checks);

/* Resident ID numbers (GB 11643) and phone numbers, as the household page checks them. The
 * sample 11010519491231002X is the standard's own worked example: the weighted sum of its first
 * 17 digits is 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167,
 * 167 mod 11 = 2, and position 2 of "10X98765432" is X. */
static void
test_register_personal_checks (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (furrow_register_id_check_character ("11010519491231002"), ==, 'X');
  g_assert_true (furrow_register_check_id_number ("11010519491231002X", &error));
  g_assert_no_error (error);
  g_assert_true (furrow_register_check_id_number ("", NULL));
  g_assert_true (furrow_register_check_id_number (NULL, NULL));
  g_assert_false (furrow_register_check_id_number ("110105194912310021", &error));
  g_assert_cmpstr (error->message, ==,
                   "The ID number’s last character does not match the others: check for a typing mistake");
  /* The number itself is never in the message (personal data). */
  g_assert_null (strstr (error->message, "1101"));
  g_clear_error (&error);
  g_assert_false (furrow_register_check_id_number ("11010519491231002x", NULL));
  g_assert_false (furrow_register_check_id_number ("1101051949123100", &error));
  g_assert_cmpstr (error->message, ==, "An ID number has 18 characters: 17 digits and a digit or X");
  g_clear_error (&error);
  g_assert_false (furrow_register_check_id_number ("11010519491231002X1", NULL));

  g_assert_true (furrow_register_check_phone ("13800001234", NULL));
  g_assert_true (furrow_register_check_phone ("0539-7654321", NULL));
  g_assert_true (furrow_register_check_phone ("+86 138 0000 1234", NULL));
  g_assert_true (furrow_register_check_phone ("", NULL));
  g_assert_false (furrow_register_check_phone ("123456", &error));
  g_assert_cmpstr (error->message, ==, "A phone number has 7 to 15 digits");
  g_clear_error (&error);
  g_assert_false (furrow_register_check_phone ("1380000123a", NULL));
  g_assert_false (furrow_register_check_phone ("138+00001234", NULL));
  g_assert_false (furrow_register_check_phone ("1234567890123456", NULL));
}
FURROW_TEST ("/furrow/core/register/personal-checks", test_register_personal_checks);

/* The one check of control characters every writer asks (issue 12, item 5): the first one is
 * named by its code point — ESC U+001B, TAB U+0009, the C1 CSI U+009B (C2 9B in UTF-8), DEL
 * U+007F, RIGHT-TO-LEFT OVERRIDE U+202E (E2 80 AE), NUL U+0000 inside the given length — and
 * the text itself never appears in the message. Tabs and line breaks pass in free text only. */
static void
test_register_text (void)
{
  static const struct
  {
    const char *text;
    gssize      length;
    guint       code_point;  /* G_MAXUINT: accepted on one line */
  } cases[] = {
    { "王五", -1, G_MAXUINT },
    { "", -1, G_MAXUINT },
    { "王\033[2J五", -1, 0x1B },
    { "王\t五", -1, 0x09 },
    { "王\n五", -1, 0x0A },
    { "王\302\233五", -1, 0x9B },
    { "王\177", -1, 0x7F },
    { "1,000\342\200\256", -1, 0x202E },
    { "王\0五", 7, 0x00 },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean ok = furrow_register_check_text (cases[i].text, cases[i].length, FURROW_TEXT_LINE,
                                                "the name", &error);

      if (cases[i].code_point == G_MAXUINT)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      {
        g_autofree char *expected =
          g_strdup_printf ("the name holds a control character (U+%04X); remove it",
                           cases[i].code_point);

        g_assert_false (ok);
        g_assert_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID);
        g_assert_cmpstr (error->message, ==, expected);
        g_assert_null (strstr (error->message, "王"));
        g_clear_error (&error);
      }
    }
  g_assert_true (furrow_register_check_text (NULL, -1, FURROW_TEXT_LINE, "the name", NULL));
  /* Notes: tabs and line breaks are text; an escape is not. */
  g_assert_true (furrow_register_check_text ("一\t二\r\n三", -1, FURROW_TEXT_MULTILINE,
                                             "the notes", NULL));
  g_assert_false (furrow_register_check_text ("一\n\033[31m", -1, FURROW_TEXT_MULTILINE,
                                              "the notes", &error));
  g_assert_cmpstr (error->message, ==,
                   "the notes holds a control character (U+001B); remove it");
}
FURROW_TEST ("/furrow/core/register/text", test_register_text);

/* A parcel of household @code on field @field_id measuring @m2 (a square of that area set with
 * the area given, as the importer does). */
static FurrowParcel *
measured_parcel_new (const char *code,
                     gint64      field_id,
                     double      m2)
{
  FurrowParcel *parcel = parcel_new (code, field_id, 0, FURROW_CUSTODY_FULL);
  g_autoptr(FurrowGeometry) geometry = furrow_geometry_new ();
  FurrowPoint ring[] = { { 119.40, 36.45 }, { 119.401, 36.45 }, { 119.401, 36.451 },
                         { 119.40, 36.451 }, { 119.40, 36.45 } };

  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring, 5);
  furrow_parcel_set_measured_geometry (parcel, geometry, m2);
  return parcel;
}

/* The household holding most of each field, by the sum of its parcels' measured areas. */
static void
test_register_field_households (void)
{
  g_autoptr(GListStore) parcels = g_list_store_new (FURROW_TYPE_PARCEL);
  g_autoptr(GHashTable) dominant = NULL;
  const struct { const char *code; gint64 field; double m2; } rows[] = {
    /* Field 1: A has 300 + 300 = 600 m², B one parcel of 500 m²: A, though B's parcel is larger. */
    { "A", 1, 300 }, { "B", 1, 500 }, { "A", 1, 300 },
    /* Field 2: B 400, C 400: a tie goes to the smaller code, B. */
    { "C", 2, 400 }, { "B", 2, 400 },
    /* Field 3: only C. */
    { "C", 3, 10 },
    /* No field, or no household: left out. */
    { "D", 0, 9000 }, { "", 4, 9000 },
  };
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(FurrowParcel) parcel = measured_parcel_new (rows[i].code, rows[i].field, rows[i].m2);

      g_list_store_append (parcels, parcel);
    }
  dominant = furrow_register_field_households (G_LIST_MODEL (parcels));
  g_assert_cmpuint (g_hash_table_size (dominant), ==, 3);
  id = 1;
  g_assert_cmpstr (g_hash_table_lookup (dominant, &id), ==, "A");
  id = 2;
  g_assert_cmpstr (g_hash_table_lookup (dominant, &id), ==, "B");
  id = 3;
  g_assert_cmpstr (g_hash_table_lookup (dominant, &id), ==, "C");
  id = 4;
  g_assert_null (g_hash_table_lookup (dominant, &id));
}
FURROW_TEST ("/furrow/core/register/field-households", test_register_field_households);

FURROW_TEST_MAIN ();
