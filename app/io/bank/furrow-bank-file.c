/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The bank payment file (furrow-bank-file.h; docs/domain.md, "Bank accounts"). */

#include "config.h"

#include "furrow-bank-file.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-atomic-file.h"
#include "furrow-xlsx.h"
#include "furrow-bank-account.h"
#include "furrow-csv.h"
#include "furrow-household.h"
#include "furrow-store-season.h"

G_DEFINE_QUARK (furrow-bank-error-quark, furrow_bank_error)

struct _FurrowBankFile
{
  FurrowBankProfile *profile;   /* a copy of what it needs: owned */
  FurrowSeason      *season;
  gboolean           reissue;
  GArray            *payees;    /* FurrowBankPayee */
  GArray            *missing;   /* FurrowBankMissing */
  guint              n_skipped;
  gint64             total_fen;
};

static void
clear_payee (gpointer data)
{
  FurrowBankPayee *payee = data;

  g_free (payee->code);
  g_free (payee->name);
  g_free (payee->holder);
  g_free (payee->bank);
  g_free (payee->branch);
  g_free (payee->account);
  g_free (payee->phone);
}

static void
clear_missing (gpointer data)
{
  FurrowBankMissing *missing = data;

  g_free (missing->code);
  g_free (missing->name);
  g_free (missing->problem);
}

void
furrow_bank_file_free (FurrowBankFile *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->payees, g_array_unref);
  g_clear_pointer (&self->missing, g_array_unref);
  g_clear_pointer (&self->profile, furrow_bank_profile_free);
  g_clear_object (&self->season);
  g_free (self);
}

static FurrowBankProfile *
copy_profile (const FurrowBankProfile *profile)
{
  FurrowBankProfile *copy = g_new0 (FurrowBankProfile, 1);

  *copy = *profile;
  copy->name = g_strdup (profile->name);
  copy->title = g_strdup (profile->title);
  copy->encoding = g_strdup (profile->encoding);
  copy->purpose = g_strdup (profile->purpose);
  copy->columns = g_new0 (FurrowBankColumn, profile->n_columns);
  for (guint i = 0; i < profile->n_columns; i++)
    {
      copy->columns[i].field = profile->columns[i].field;
      copy->columns[i].header = g_strdup (profile->columns[i].header);
      copy->columns[i].value = g_strdup (profile->columns[i].value);
    }
  return copy;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

FurrowBankFile *
furrow_bank_file_new (FurrowStore              *store,
                      FurrowSeason             *season,
                      const FurrowBankProfile  *profile,
                      gboolean                  reissue,
                      GError                  **error)
{
  g_autoptr(FurrowBankFile) self = NULL;
  g_autoptr(FurrowSeasonSettlement) settlement = NULL;
  g_autoptr(GHashTable) payments = NULL;
  g_autoptr(GHashTable) households = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) model = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  if (furrow_season_get_state (season) != FURROW_SEASON_SETTLED)
    {
      g_set_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                   _("Season “%s” is not settled yet: settle it before paying its households"),
                   furrow_season_get_name (season));
      return NULL;
    }
  settlement = furrow_store_get_settlement (store, season, error);
  if (settlement == NULL)
    return NULL;
  payments = furrow_store_get_payments (store, season, error);
  if (payments == NULL)
    return NULL;
  model = furrow_store_get_households (store);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (model, i);

      /* The model holds its items: the pointer stays valid while the table is used. */
      g_hash_table_insert (households, (gpointer) furrow_household_get_code (household),
                           household);
    }

  self = g_new0 (FurrowBankFile, 1);
  self->profile = copy_profile (profile);
  self->season = g_object_ref (season);
  self->reissue = reissue;
  self->payees = g_array_new (FALSE, TRUE, sizeof (FurrowBankPayee));
  g_array_set_clear_func (self->payees, clear_payee);
  self->missing = g_array_new (FALSE, TRUE, sizeof (FurrowBankMissing));
  g_array_set_clear_func (self->missing, clear_missing);

  /* The settlement's rows are in household code order. */
  for (gsize i = 0; i < settlement->n_rows; i++)
    {
      const FurrowSeasonSettlementRow *row = &settlement->rows[i];
      FurrowPayment *payment = g_hash_table_lookup (payments, row->code);
      FurrowPaymentStatus status = payment != NULL ? payment->status : FURROW_PAYMENT_UNPAID;
      FurrowHousehold *household = g_hash_table_lookup (households, row->code);
      const char *number = household != NULL
                           ? furrow_household_get_account_number (household) : NULL;
      gboolean wanted;
      g_autoptr(GError) refusal = NULL;

      if (row->total_fen <= 0)
        continue;
      wanted = reissue ? (status == FURROW_PAYMENT_FAILED || status == FURROW_PAYMENT_REISSUED)
                       : (status == FURROW_PAYMENT_UNPAID || status == FURROW_PAYMENT_SENT);
      if (!wanted)
        {
          self->n_skipped++;
          continue;
        }
      if (!furrow_bank_account_is_payable (number, &refusal))
        {
          FurrowBankMissing missing = { 0, };

          missing.code = g_strdup (row->code);
          missing.name = g_strdup (row->name);
          missing.problem = g_strdup (refusal->message);
          missing.amount_fen = row->total_fen;
          g_array_append_val (self->missing, missing);
          continue;
        }
      {
        FurrowBankPayee payee = { 0, };
        const char *holder = furrow_household_get_account_holder (household);

        payee.code = g_strdup (row->code);
        payee.name = g_strdup (row->name);
        payee.holder = g_strdup (holder != NULL && *holder != '\0' ? holder : row->name);
        payee.bank = g_strdup (or_empty (furrow_household_get_bank (household)));
        payee.branch = g_strdup (or_empty (furrow_household_get_bank_branch (household)));
        payee.account = furrow_bank_account_normalize (number);
        payee.phone = g_strdup (or_empty (furrow_household_get_phone (household)));
        payee.amount_fen = row->total_fen;
        self->total_fen += row->total_fen;
        g_array_append_val (self->payees, payee);
      }
    }
  return g_steal_pointer (&self);
}

const FurrowBankPayee *
furrow_bank_file_get_payees (FurrowBankFile *self,
                             gsize          *n_payees)
{
  *n_payees = self->payees->len;
  return (const FurrowBankPayee *) (void *) self->payees->data;
}

const FurrowBankMissing *
furrow_bank_file_get_missing (FurrowBankFile *self,
                              gsize          *n_missing)
{
  *n_missing = self->missing->len;
  return (const FurrowBankMissing *) (void *) self->missing->data;
}

guint
furrow_bank_file_get_n_skipped (FurrowBankFile *self)
{
  return self->n_skipped;
}

gint64
furrow_bank_file_get_total_fen (FurrowBankFile *self)
{
  return self->total_fen;
}

/* "1234.50" (two decimals, no thousands separator) or "123450" (fen). */
static char *
format_amount (const FurrowBankProfile *profile,
               gint64                   fen)
{
  if (profile->amount_in_fen)
    return g_strdup_printf ("%" G_GINT64_FORMAT, fen);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", fen < 0 ? "-" : "",
                          ABS (fen) / 100, (int) (ABS (fen) % 100));
}

/* One cell's text (NULL for the amount, which the caller formats). */
static char *
cell_text (FurrowBankFile        *self,
           const FurrowBankColumn *column,
           const FurrowBankPayee  *payee,
           gsize                   index)
{
  switch (column->field)
    {
    case FURROW_BANK_FIELD_INDEX:
      return g_strdup_printf ("%" G_GSIZE_FORMAT, index + 1);
    case FURROW_BANK_FIELD_CODE:
      return g_strdup (payee->code);
    case FURROW_BANK_FIELD_NAME:
      return g_strdup (payee->name);
    case FURROW_BANK_FIELD_HOLDER:
      return g_strdup (payee->holder);
    case FURROW_BANK_FIELD_ACCOUNT:
      return g_strdup (payee->account);
    case FURROW_BANK_FIELD_BANK:
      return g_strdup (payee->bank);
    case FURROW_BANK_FIELD_BRANCH:
      return g_strdup (payee->branch);
    case FURROW_BANK_FIELD_AMOUNT:
      return format_amount (self->profile, payee->amount_fen);
    case FURROW_BANK_FIELD_PURPOSE:
      return g_strdup (self->profile->purpose);
    case FURROW_BANK_FIELD_PHONE:
      return g_strdup (payee->phone);
    case FURROW_BANK_FIELD_TEXT:
    default:
      return g_strdup (column->value);
    }
}

/* A delimited cell: with a comma, the one CSV cell writer (furrow-csv.h: quotes, formula
 * injection); with another delimiter, the same rules around that character. */
static void
append_cell (GString       *out,
             char           delimiter,
             const char    *text,
             FurrowCsvCell  kind)
{
  if (delimiter == ',')
    {
      furrow_csv_append_cell (out, text, kind);
      return;
    }
  {
    g_autoptr(GString) cell = g_string_new (NULL);

    /* The CSV writer's neutralising, then quoting for this delimiter instead of the comma. */
    furrow_csv_append_cell (cell, text, kind);
    if (cell->len > 0 && cell->str[0] == '"')
      {
        g_string_append_len (out, cell->str, (gssize) cell->len);
        return;
      }
    if (strchr (cell->str, delimiter) == NULL)
      {
        g_string_append_len (out, cell->str, (gssize) cell->len);
        return;
      }
    g_string_append_c (out, '"');
    for (const char *p = cell->str; *p != '\0'; p++)
      {
        if (*p == '"')
          g_string_append_c (out, '"');
        g_string_append_c (out, *p);
      }
    g_string_append_c (out, '"');
  }
}

static void
append_line (FurrowBankFile        *self,
             GString               *out,
             const FurrowBankPayee *payee,
             gsize                  index)
{
  const FurrowBankProfile *profile = self->profile;

  for (guint c = 0; c < profile->n_columns; c++)
    {
      const FurrowBankColumn *column = &profile->columns[c];
      g_autofree char *text = cell_text (self, column, payee, index);

      if (c > 0)
        g_string_append_c (out, profile->delimiter);
      append_cell (out, profile->delimiter, text,
                   column->field == FURROW_BANK_FIELD_AMOUNT ? FURROW_CSV_NUMBER
                                                             : FURROW_CSV_TEXT);
    }
  g_string_append (out, "\r\n");
}

/* The total row: 合计 in the first column that is not the amount, the total in the amount. */
static void
append_total (FurrowBankFile *self,
              GString        *out)
{
  const FurrowBankProfile *profile = self->profile;
  gboolean labelled = FALSE;

  for (guint c = 0; c < profile->n_columns; c++)
    {
      const FurrowBankColumn *column = &profile->columns[c];

      if (c > 0)
        g_string_append_c (out, profile->delimiter);
      if (column->field == FURROW_BANK_FIELD_AMOUNT)
        {
          g_autofree char *amount = format_amount (profile, self->total_fen);

          g_string_append (out, amount);
        }
      else if (!labelled)
        {
          g_string_append (out, "合计");
          labelled = TRUE;
        }
    }
  g_string_append (out, "\r\n");
}

char *
furrow_bank_file_to_text (FurrowBankFile *self)
{
  const FurrowBankProfile *profile = self->profile;
  g_autoptr(GString) out = g_string_new (NULL);

  if (profile->header)
    {
      for (guint c = 0; c < profile->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, profile->delimiter);
          append_cell (out, profile->delimiter, profile->columns[c].header, FURROW_CSV_TEXT);
        }
      g_string_append (out, "\r\n");
    }
  for (guint i = 0; i < self->payees->len; i++)
    append_line (self, out, &g_array_index (self->payees, FurrowBankPayee, i), i);
  if (profile->total_row)
    append_total (self, out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The text in the profile's encoding; a line it cannot hold names its household. */
static GBytes *
encode_text (FurrowBankFile  *self,
             const char      *text,
             const char      *display,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *encoded;

  if (g_strcmp0 (self->profile->encoding, "UTF-8") == 0)
    return g_bytes_new (text, strlen (text));
  encoded = g_convert (text, -1, self->profile->encoding, "UTF-8", NULL, &written, &local_error);
  if (encoded != NULL)
    return g_bytes_new_take (encoded, written);
  /* Which household: convert line by line. */
  for (guint i = 0; i < self->payees->len; i++)
    {
      const FurrowBankPayee *payee = &g_array_index (self->payees, FurrowBankPayee, i);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *converted = NULL;

      append_line (self, line, payee, i);
      converted = g_convert (line->str, -1, self->profile->encoding, "UTF-8", NULL, NULL, NULL);
      if (converted == NULL)
        {
          g_set_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                       /* Translators: FILE: household CODE (NAME): … ENCODING */
                       _("%s: household %s (%s): a name or bank has a character %s cannot "
                         "write; correct it in the register or choose a UTF-8 profile"),
                       display, payee->code, payee->name, self->profile->encoding);
          return NULL;
        }
    }
  g_set_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID, "%s: %s", display,
               local_error->message);
  return NULL;
}

/* The batch payment sheet, with full account numbers: the owner's only (docs/architecture.md,
 * Opening, backup, check). */
static gboolean
write_xlsx (FurrowBankFile  *self,
            const char      *path,
            GError         **error)
{
  const FurrowBankProfile *profile = self->profile;
  g_autoptr(FurrowXlsx) xlsx = furrow_xlsx_new (path, NULL, NULL, TRUE, error);
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *text;
  lxw_format *money;
  lxw_row_t row = 0;

  if (xlsx == NULL)
    return FALSE;
  workbook = furrow_xlsx_get_workbook (xlsx);
  sheet = workbook_add_worksheet (workbook, "Sheet1");
  text = workbook_add_format (workbook);
  format_set_num_format (text, "@");
  money = workbook_add_format (workbook);
  format_set_num_format (money, profile->amount_in_fen ? "0" : "0.00");
  if (profile->header)
    {
      for (guint c = 0; c < profile->n_columns; c++)
        worksheet_write_string (sheet, row, (lxw_col_t) c, profile->columns[c].header, text);
      row++;
    }
  for (guint i = 0; i < self->payees->len; i++, row++)
    {
      const FurrowBankPayee *payee = &g_array_index (self->payees, FurrowBankPayee, i);

      for (guint c = 0; c < profile->n_columns; c++)
        {
          const FurrowBankColumn *column = &profile->columns[c];
          g_autofree char *cell = cell_text (self, column, payee, i);

          if (column->field == FURROW_BANK_FIELD_AMOUNT && !profile->amount_as_text)
            worksheet_write_number (sheet, row, (lxw_col_t) c,
                                    profile->amount_in_fen ? (double) payee->amount_fen
                                                           : (double) payee->amount_fen / 100.0,
                                    money);
          else if (column->field == FURROW_BANK_FIELD_INDEX)
            worksheet_write_number (sheet, row, (lxw_col_t) c, (double) (i + 1), NULL);
          else
            /* Text cells: an account is never a number (6.217E+15). */
            worksheet_write_string (sheet, row, (lxw_col_t) c, cell,
                                    column->field == FURROW_BANK_FIELD_ACCOUNT &&
                                    !profile->account_as_text ? NULL : text);
        }
    }
  if (profile->total_row)
    {
      gboolean labelled = FALSE;

      for (guint c = 0; c < profile->n_columns; c++)
        {
          if (profile->columns[c].field == FURROW_BANK_FIELD_AMOUNT)
            {
              g_autofree char *amount = format_amount (profile, self->total_fen);

              if (profile->amount_as_text)
                worksheet_write_string (sheet, row, (lxw_col_t) c, amount, text);
              else
                worksheet_write_number (sheet, row, (lxw_col_t) c,
                                        profile->amount_in_fen ? (double) self->total_fen
                                                               : (double) self->total_fen / 100.0,
                                        money);
            }
          else if (!labelled)
            {
              worksheet_write_string (sheet, row, (lxw_col_t) c, "合计", text);
              labelled = TRUE;
            }
        }
    }
  return furrow_xlsx_commit (xlsx, error);
}

gboolean
furrow_bank_file_write (FurrowBankFile  *self,
                        FurrowStore     *store,
                        const char      *path,
                        GError         **error)
{
  g_autoptr(FurrowAtomicFile) out = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if (!furrow_store_check_output (store, path, error))
    return FALSE;
  if (self->payees->len == 0)
    {
      g_set_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                   _("%s: no household to pay in this file"), display);
      return FALSE;
    }
  if (self->profile->file_type == FURROW_BANK_FILE_XLSX)
    return write_xlsx (self, path, error);
  {
    g_autofree char *text = furrow_bank_file_to_text (self);
    g_autoptr(GBytes) bytes = encode_text (self, text, display, error);
    gsize size;
    const void *data;

    if (bytes == NULL)
      return FALSE;
    out = furrow_atomic_file_new (path, error);
    if (out == NULL)
      return FALSE;
    /* Full account numbers: the owner's only (docs/architecture.md, Opening, backup, check). */
    furrow_atomic_file_set_private (out, TRUE);
    data = g_bytes_get_data (bytes, &size);
    if (!furrow_atomic_file_write (out, data, size, error))
      return FALSE;
  }
  return furrow_atomic_file_commit (out, error);
}

gboolean
furrow_bank_file_mark_sent (FurrowBankFile  *self,
                            FurrowStore     *store,
                            const char      *path,
                            GError         **error)
{
  g_autofree FurrowPaymentChange *changes = g_new0 (FurrowPaymentChange, self->payees->len + 1);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *source = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->payees->len; i++)
    {
      changes[i].code = g_array_index (self->payees, FurrowBankPayee, i).code;
      changes[i].status = self->reissue ? FURROW_PAYMENT_REISSUED : FURROW_PAYMENT_SENT;
    }
  source = g_strdup_printf ("bank file %s (profile %s)", base, self->profile->name);
  return furrow_store_set_payments (store, self->season, changes, self->payees->len, source,
                                    error);
}
