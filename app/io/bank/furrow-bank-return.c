/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A bank's return file (furrow-bank-return.h; docs/domain.md, "Bank accounts"). */

#include "config.h"

#include "furrow-bank-return.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "furrow-bank-account.h"
#include "furrow-bank-file.h"
#include "furrow-household.h"
#include "furrow-register.h"
#include "furrow-store-season.h"

/* A return file is a few thousand rows; anything far larger is not one. */
#define MAX_RETURN_BYTES (16 * 1024 * 1024)

enum { COL_ACCOUNT, COL_CODE, COL_AMOUNT, COL_STATUS, COL_REASON, N_COLS };

static const char *const *const column_names[N_COLS] = {
  (const char *const[]) { "账号", "卡号", "收款账号", "收款人账号", "account", NULL },
  (const char *const[]) { "承包方编码", "编码", "code", NULL },
  (const char *const[]) { "金额", "交易金额", "amount", NULL },
  (const char *const[]) { "状态", "处理状态", "交易状态", "处理结果", "结果", "status", "result",
                          NULL },
  (const char *const[]) { "失败原因", "原因", "备注", "说明", "reason", NULL },
};

static const char *const paid_words[] = { "成功", "交易成功", "已支付", "支付成功", "success",
                                          "paid", "ok", NULL };
static const char *const failed_words[] = { "失败", "交易失败", "支付失败", "退回", "failed",
                                            "fail", "returned", NULL };

static void
clear_row (gpointer data)
{
  FurrowBankReturnRow *row = data;

  g_free (row->code);
  g_free (row->reason);
}

static gboolean
word_in (const char         *word,
         const char *const  *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, list[i]) == 0 || g_strcmp0 (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Splits one record starting at *p (RFC 4180: quoted cells, doubled quotes, line breaks inside
 * quotes); advances *p past its line end and counts the lines it spans. NULL at the end. */
static GPtrArray *
next_record (const char **p,
             guint       *line,
             gboolean    *unclosed)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *s = *p;

  if (*s == '\0')
    return NULL;
  cells = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      if (*s == '"')
        {
          s++;
          for (;;)
            {
              if (*s == '\0')
                {
                  *unclosed = TRUE;
                  return NULL;
                }
              if (*s == '"' && s[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  s += 2;
                  continue;
                }
              if (*s == '"')
                {
                  s++;
                  break;
                }
              if (*s == '\n')
                (*line)++;
              g_string_append_c (cell, *s++);
            }
        }
      while (*s != '\0' && *s != ',' && *s != '\n' && *s != '\r')
        g_string_append_c (cell, *s++);
      g_ptr_array_add (cells, g_strstrip (g_strdup (cell->str)));
      g_string_truncate (cell, 0);
      if (*s == ',')
        {
          s++;
          continue;
        }
      if (*s == '\r')
        s++;
      if (*s == '\n')
        s++;
      (*line)++;
      break;
    }
  *p = s;
  return g_steal_pointer (&cells);
}

static const char *
cell_at (GPtrArray *cells,
         int        index)
{
  return index >= 0 && (guint) index < cells->len ? g_ptr_array_index (cells, index) : "";
}

/* "1234.5", "1234.50", "1,234.50" (a thousands comma inside quotes) or "1234" in yuan → fen. */
static gboolean
parse_yuan (const char *text,
            gint64     *fen)
{
  gint64 whole = 0;
  int decimals = -1;
  gint64 cents = 0;
  gboolean digits = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',' && decimals < 0)
        continue;
      if (*p == '.' && decimals < 0)
        {
          decimals = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p) || whole > G_MAXINT64 / 1000)
        return FALSE;
      digits = TRUE;
      if (decimals < 0)
        whole = whole * 10 + (*p - '0');
      else if (decimals < 2)
        {
          cents = cents * 10 + (*p - '0');
          decimals++;
        }
      else if (*p != '0')
        return FALSE;
    }
  if (!digits)
    return FALSE;
  if (decimals == 1)
    cents *= 10;
  /* 17 digits of yuan pass the loop's guard but not 100 × in fen (found by
   * tests/fuzz/fuzz-bank-return.c): no amount a bank returns, refused like any other. */
  if (whole > (G_MAXINT64 - cents) / 100)
    return FALSE;
  *fen = whole * 100 + cents;
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *display,
        guint        line,
        const char  *what)
{
  /* Translators: FILE, line N: what is wrong */
  g_set_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID, _("%s, line %u: %s"),
               display, line, what);
  return FALSE;
}

GArray *
furrow_bank_return_read (FurrowStore   *store,
                         FurrowSeason  *season,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(FurrowSeasonSettlement) settlement = NULL;
  g_autoptr(GHashTable) totals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_account = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) header = NULL;
  int columns[N_COLS];
  const char *p;
  gsize length;
  guint line = 1;
  gboolean unclosed = FALSE;
  g_autoptr(GListModel) households = NULL;

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &raw, &length, error))
    return NULL;
  if (length > MAX_RETURN_BYTES || memchr (raw, '\0', length) != NULL)
    {
      g_set_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                   _("%s: not a bank return file (a CSV file of at most 16 MiB)"), display);
      return NULL;
    }
  /* UTF-8 (with or without its byte-order mark) or else GBK, decided for the whole file. */
  if (g_utf8_validate (raw, (gssize) length, NULL))
    text = g_strdup (g_str_has_prefix (raw, "\xEF\xBB\xBF") ? raw + 3 : raw);
  else
    text = g_convert (raw, (gssize) length, "UTF-8", "GBK", NULL, NULL, NULL);
  if (text == NULL)
    {
      g_set_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                   _("%s: neither UTF-8 nor GBK text"), display);
      return NULL;
    }

  settlement = furrow_store_get_settlement (store, season, error);
  if (settlement == NULL)
    return NULL;
  for (gsize i = 0; i < settlement->n_rows; i++)
    g_hash_table_insert (totals, settlement->rows[i].code, &settlement->rows[i].total_fen);
  households = furrow_store_get_households (store);
  for (guint i = 0; i < g_list_model_get_n_items (households); i++)
    {
      g_autoptr(FurrowHousehold) household = g_list_model_get_item (households, i);
      const char *code = furrow_household_get_code (household);
      g_autofree char *digits = NULL;

      if (!g_hash_table_contains (totals, code))
        continue;
      digits = furrow_bank_account_normalize (furrow_household_get_account_number (household));
      if (digits == NULL)
        continue;
      /* An account two households share cannot say which: "" marks it. */
      if (g_hash_table_contains (by_account, digits))
        g_hash_table_replace (by_account, g_steal_pointer (&digits), g_strdup (""));
      else
        g_hash_table_insert (by_account, g_steal_pointer (&digits), g_strdup (code));
    }

  p = text;
  header = next_record (&p, &line, &unclosed);
  if (header == NULL)
    {
      g_set_error (error, FURROW_BANK_ERROR, FURROW_BANK_ERROR_INVALID,
                   _("%s: the file is empty"), display);
      return NULL;
    }
  for (int c = 0; c < N_COLS; c++)
    {
      columns[c] = -1;
      for (guint i = 0; i < header->len && columns[c] < 0; i++)
        if (word_in (g_ptr_array_index (header, i), column_names[c]))
          columns[c] = (int) i;
    }
  if (columns[COL_STATUS] < 0 || (columns[COL_ACCOUNT] < 0 && columns[COL_CODE] < 0))
    {
      refuse (error, display, 1, _("the first row must name a status column (状态) and an "
                                   "account (账号) or household code (承包方编码) column"));
      return NULL;
    }

  rows = g_array_new (FALSE, TRUE, sizeof (FurrowBankReturnRow));
  g_array_set_clear_func (rows, clear_row);
  for (;;)
    {
      guint start = line;
      g_autoptr(GPtrArray) cells = next_record (&p, &line, &unclosed);
      FurrowBankReturnRow row = { NULL, FURROW_PAYMENT_PAID, NULL, start };
      const char *status = NULL;
      const char *code = NULL;
      gint64 *total = NULL;

      if (cells == NULL)
        {
          if (unclosed)
            {
              refuse (error, display, start, _("a quote is not closed"));
              return NULL;
            }
          break;
        }
      if (cells->len == 1 && *cell_at (cells, 0) == '\0')
        continue;  /* a blank line */
      status = cell_at (cells, columns[COL_STATUS]);
      if (word_in (status, paid_words))
        row.status = FURROW_PAYMENT_PAID;
      else if (word_in (status, failed_words))
        row.status = FURROW_PAYMENT_FAILED;
      else
        {
          g_autofree char *what = g_strdup_printf (_("“%s” is not a status Furrow knows (成功 "
                                                     "or 失败)"), status);
          refuse (error, display, start, what);
          return NULL;
        }
      if (columns[COL_CODE] >= 0 && *cell_at (cells, columns[COL_CODE]) != '\0')
        {
          code = cell_at (cells, columns[COL_CODE]);
          if (!g_hash_table_contains (totals, code))
            {
              g_autofree char *what = g_strdup_printf (_("household %s is not in the "
                                                         "settlement of this season"), code);
              refuse (error, display, start, what);
              return NULL;
            }
        }
      else
        {
          g_autofree char *digits = furrow_bank_account_normalize (
                                      cell_at (cells, columns[COL_ACCOUNT]));
          g_autofree char *masked = furrow_bank_account_mask (cell_at (cells,
                                                                       columns[COL_ACCOUNT]));

          code = digits != NULL ? g_hash_table_lookup (by_account, digits) : NULL;
          if (code == NULL || *code == '\0')
            {
              /* The account is masked in the message (never logged nor shown in full). */
              g_autofree char *what = code == NULL
                ? g_strdup_printf (_("account %s is not the account of any household in this "
                                     "season"), masked)
                : g_strdup_printf (_("account %s belongs to more than one household: add a "
                                     "承包方编码 column"), masked);
              refuse (error, display, start, what);
              return NULL;
            }
        }
      if (g_hash_table_contains (seen, code))
        {
          g_autofree char *what = g_strdup_printf (_("household %s is in the file twice"), code);
          refuse (error, display, start, what);
          return NULL;
        }
      total = g_hash_table_lookup (totals, code);
      if (columns[COL_AMOUNT] >= 0 && *cell_at (cells, columns[COL_AMOUNT]) != '\0')
        {
          gint64 fen = 0;

          if (!parse_yuan (cell_at (cells, columns[COL_AMOUNT]), &fen) || fen != *total)
            {
              g_autofree char *settled = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d",
                                                          *total / 100, (int) (*total % 100));
              /* Translators: household CODE: the amount “AMOUNT” is not the YUAN yuan … */
              g_autofree char *what =
                g_strdup_printf (_("household %s: the amount “%s” is not the %s yuan of the "
                                   "settlement"), code, cell_at (cells, columns[COL_AMOUNT]),
                                 settled);
              refuse (error, display, start, what);
              return NULL;
            }
        }
      row.code = g_strdup (code);
      g_hash_table_add (seen, row.code);
      row.reason = g_strdup (cell_at (cells, columns[COL_REASON]));
      /* The reason is stored and printed: no terminal escape in it (issue 12). */
      {
        g_autofree char *what = g_strdup_printf (_("household %s: the reason"), code);
        g_autoptr(GError) text_error = NULL;

        if (!furrow_register_check_text (row.reason, -1, FURROW_TEXT_LINE, what, &text_error))
          {
            clear_row (&row);
            refuse (error, display, start, text_error->message);
            return NULL;
          }
      }
      if (row.status == FURROW_PAYMENT_FAILED && *row.reason == '\0')
        {
          g_autofree char *what = g_strdup_printf (_("household %s failed without a reason"),
                                                   code);
          clear_row (&row);
          refuse (error, display, start, what);
          return NULL;
        }
      g_array_append_val (rows, row);
    }
  return g_steal_pointer (&rows);
}

gboolean
furrow_bank_return_apply (FurrowStore   *store,
                          FurrowSeason  *season,
                          GArray        *rows,
                          const char    *path,
                          GError       **error)
{
  g_autofree FurrowPaymentChange *changes = g_new0 (FurrowPaymentChange, rows->len + 1);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *source = g_strdup_printf ("bank return %s", base);

  for (guint i = 0; i < rows->len; i++)
    {
      const FurrowBankReturnRow *row = &g_array_index (rows, FurrowBankReturnRow, i);

      changes[i].code = row->code;
      changes[i].status = row->status;
      changes[i].reason = row->reason;
    }
  return furrow_store_set_payments (store, season, changes, rows->len, source, error);
}
