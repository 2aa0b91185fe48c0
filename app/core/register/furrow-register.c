/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "furrow-parcel.h"
#include "furrow-register-testing.h"
#include "furrow-units.h"

G_DEFINE_QUARK (furrow-register-error-quark, furrow_register_error)

void
furrow_register_household_summary (GListModel             *parcels,
                                   const char             *household_code,
                                   FurrowHouseholdSummary *summary)
{
  guint n = g_list_model_get_n_items (parcels);

  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);
  summary->custody = FURROW_CUSTODY_FULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (g_strcmp0 (furrow_parcel_get_household_code (parcel), household_code) != 0)
        continue;
      summary->n_parcels++;
      summary->registered_m2 += furrow_parcel_get_registered_area_m2 (parcel);
      summary->measured_m2 += furrow_parcel_get_measured_area_m2 (parcel);
      if (furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_HALF)
        summary->custody = FURROW_CUSTODY_HALF;
    }
}

GHashTable *
furrow_register_household_summaries (GListModel *parcels)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (parcels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      const char *code = furrow_parcel_get_household_code (parcel);
      FurrowHouseholdSummary *summary;

      if (code == NULL)
        continue;
      summary = g_hash_table_lookup (table, code);
      if (summary == NULL)
        {
          summary = g_new0 (FurrowHouseholdSummary, 1);
          summary->custody = FURROW_CUSTODY_FULL;
          g_hash_table_insert (table, g_strdup (code), summary);
        }
      summary->n_parcels++;
      summary->registered_m2 += furrow_parcel_get_registered_area_m2 (parcel);
      summary->measured_m2 += furrow_parcel_get_measured_area_m2 (parcel);
      if (furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_HALF)
        summary->custody = FURROW_CUSTODY_HALF;
    }
  return table;
}

GHashTable *
furrow_register_field_parcel_counts (GListModel *parcels)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (parcels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      gint64 field_id = furrow_parcel_get_field_id (parcel);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (table, &field_id));

      if (field_id == 0)
        continue;
      if (count == 0)
        g_hash_table_insert (table, g_memdup2 (&field_id, sizeof field_id), GUINT_TO_POINTER (1));
      else
        g_hash_table_replace (table, g_memdup2 (&field_id, sizeof field_id),
                              GUINT_TO_POINTER (count + 1));
    }
  return table;
}

typedef struct
{
  char   *code;
  double  m2;
} HouseholdShare;

static void
household_shares_free (gpointer data)
{
  GArray *shares = data;

  for (guint i = 0; i < shares->len; i++)
    g_free (g_array_index (shares, HouseholdShare, i).code);
  g_array_unref (shares);
}

GHashTable *
furrow_register_field_households (GListModel *parcels)
{
  g_autoptr(GHashTable) shares = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        household_shares_free);
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (parcels);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      gint64 field_id = furrow_parcel_get_field_id (parcel);
      const char *code = furrow_parcel_get_household_code (parcel);
      GArray *field_shares;
      guint k;

      if (field_id == 0 || code == NULL || *code == '\0')
        continue;
      field_shares = g_hash_table_lookup (shares, &field_id);
      if (field_shares == NULL)
        {
          field_shares = g_array_new (FALSE, FALSE, sizeof (HouseholdShare));
          g_hash_table_insert (shares, g_memdup2 (&field_id, sizeof field_id), field_shares);
        }
      for (k = 0; k < field_shares->len; k++)
        if (strcmp (g_array_index (field_shares, HouseholdShare, k).code, code) == 0)
          break;
      if (k == field_shares->len)
        {
          HouseholdShare share = { g_strdup (code), 0 };

          g_array_append_val (field_shares, share);
        }
      g_array_index (field_shares, HouseholdShare, k).m2 += furrow_parcel_get_measured_area_m2 (parcel);
    }

  g_hash_table_iter_init (&iter, shares);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *field_shares = value;
      const HouseholdShare *best = &g_array_index (field_shares, HouseholdShare, 0);

      for (guint k = 1; k < field_shares->len; k++)
        {
          const HouseholdShare *share = &g_array_index (field_shares, HouseholdShare, k);

          if (share->m2 > best->m2 || (share->m2 == best->m2 && strcmp (share->code, best->code) < 0))
            best = share;
        }
      g_hash_table_insert (table, g_memdup2 (key, sizeof (gint64)), g_strdup (best->code));
    }
  return table;
}

GListStore *
furrow_register_household_parcels (GListModel *parcels,
                                   const char *household_code)
{
  GListStore *result = g_list_store_new (FURROW_TYPE_PARCEL);
  guint n = g_list_model_get_n_items (parcels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (g_strcmp0 (furrow_parcel_get_household_code (parcel), household_code) == 0)
        g_list_store_append (result, parcel);
    }
  return result;
}

guint
furrow_register_field_parcels (GListModel *parcels,
                               gint64      field_id)
{
  guint n = g_list_model_get_n_items (parcels);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);

      if (furrow_parcel_get_field_id (parcel) == field_id)
        count++;
    }
  return count;
}

double
furrow_register_mismatch_percent (double registered_m2,
                                  double measured_m2)
{
  if (!(measured_m2 > 0))
    return 0;
  return fabs (registered_m2 - measured_m2) / measured_m2 * 100.0;
}

gboolean
furrow_register_is_mismatch (double registered_m2,
                             double measured_m2,
                             double threshold_percent)
{
  return furrow_register_mismatch_percent (registered_m2, measured_m2) > threshold_percent;
}

char *
furrow_register_mask_personal (const char *text)
{
  glong len;
  const char *tail;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");
  len = g_utf8_strlen (text, -1);
  if (len <= 4)
    return g_strdup ("••••");
  tail = g_utf8_offset_to_pointer (text, len - 4);
  return g_strconcat ("•••• ", tail, NULL);
}

static gboolean
is_code (const char *code,
         gsize       length)
{
  if (code == NULL || strlen (code) != length)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

gboolean
furrow_register_check_text (const char       *text,
                            gssize            length,
                            FurrowTextFlags   flags,
                            const char       *what,
                            GError          **error)
{
  const char *end;

  g_return_val_if_fail (what != NULL, FALSE);

  if (text == NULL)
    return TRUE;
  end = text + (length < 0 ? strlen (text) : (gsize) length);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((flags & FURROW_TEXT_MULTILINE) && (c == '\t' || c == '\n' || c == '\r'))
        continue;
      /* … and the bidirectional overrides and isolates, which show text in another order
       * than it is stored (a code or amount that reads as another, "Trojan Source"). */
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069))
        {
          /* Translators: %s names the value ("the season’s name", "household
           * 370782102201010001: the reason") */
          g_set_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                       _("%s holds a control character (U+%04X); remove it"), what, (guint) c);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
furrow_register_is_household_code (const char *code)
{
  return is_code (code, 18);
}

gboolean
furrow_register_is_parcel_code (const char *code)
{
  return is_code (code, 19);
}

gboolean
furrow_register_check_registered_area (double   registered_m2,
                                       double   measured_m2,
                                       GError **error)
{
  double mu = furrow_m2_to_mu (registered_m2);

  if (!(registered_m2 > 0) || !isfinite (registered_m2))
    {
      g_set_error_literal (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                           _("The registered area must be more than 0 mu"));
      return FALSE;
    }
  if (mu > FURROW_REGISTER_MAX_PARCEL_MU)
    {
      g_autofree char *text = furrow_format_mu (registered_m2);
      g_autofree char *limit = furrow_format_mu (furrow_mu_to_m2 (FURROW_REGISTER_MAX_PARCEL_MU));

      /* Translators: both are areas in mu, e.g. "2,400.00 mu is more than 1,000.00 mu…". */
      g_set_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                   _("%s mu is more than any parcel (%s mu): is it in square metres?"),
                   text, limit);
      return FALSE;
    }
  if (measured_m2 > 0 && (registered_m2 > measured_m2 * FURROW_REGISTER_MAX_AREA_RATIO ||
                          registered_m2 * FURROW_REGISTER_MAX_AREA_RATIO < measured_m2))
    {
      g_autofree char *text = furrow_format_mu (registered_m2);
      g_autofree char *measured = furrow_format_mu (measured_m2);

      /* Translators: both are areas in mu. */
      g_set_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                   _("%s mu is more than ten times off the measured %s mu: check the unit"),
                   text, measured);
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_register_check_parcel_code (const char  *code,
                                   GError     **error)
{
  gboolean digits = code != NULL;

  for (const char *p = code; digits && *p != '\0'; p++)
    digits = g_ascii_isdigit (*p);
  if (!digits || strlen (code) != 19)
    {
      /* Translators: %s is what was typed. */
      g_set_error (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                   _("The parcel code (DKBM) “%s” must be 19 digits"), code != NULL ? code : "");
      return FALSE;
    }
  return TRUE;
}

char
furrow_register_id_check_character (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return checks[sum % 11];
}

gboolean
furrow_register_check_id_number (const char  *id_number,
                                 GError     **error)
{
  if (id_number == NULL || id_number[0] == '\0')
    return TRUE;
  for (guint i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id_number[i]))
      {
        g_set_error_literal (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                             _("An ID number has 18 characters: 17 digits and a digit or X"));
        return FALSE;
      }
  if (strlen (id_number) != 18 ||
      !(g_ascii_isdigit (id_number[17]) || id_number[17] == 'X'))
    {
      g_set_error_literal (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                           _("An ID number has 18 characters: 17 digits and a digit or X"));
      return FALSE;
    }
  if (furrow_register_id_check_character (id_number) != id_number[17])
    {
      g_set_error_literal (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                           _("The ID number’s last character does not match the others: check for a typing mistake"));
      return FALSE;
    }
  return TRUE;
}

gboolean
furrow_register_check_phone (const char  *phone,
                             GError     **error)
{
  guint digits = 0;
  gboolean ok = TRUE;

  if (phone == NULL || phone[0] == '\0')
    return TRUE;
  for (const char *p = phone; *p != '\0' && ok; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+')
        ok = p == phone;
      else
        ok = (*p == ' ' || *p == '-') && digits > 0;
    }
  if (!ok || digits < 7 || digits > 15)
    {
      g_set_error_literal (error, FURROW_REGISTER_ERROR, FURROW_REGISTER_ERROR_INVALID,
                           _("A phone number has 7 to 15 digits"));
      return FALSE;
    }
  return TRUE;
}
