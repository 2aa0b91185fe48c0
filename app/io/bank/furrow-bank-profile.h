/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A bank-file profile (docs/domain.md, "Bank accounts"): how one bank wants its batch payment
 * file laid out, as data. A small JSON object:
 *
 *   { "name": "batch-sheet", "title": "…", "file_type": "csv" | "txt" | "xlsx",
 *     "encoding": "UTF-8" | "GBK", "delimiter": "," (CSV) or any one character (TXT: "|", "\t"),
 *     "header": true, "amount": "yuan" (two decimals, no thousands separator) | "fen",
 *     "account_as_text": true, "amount_as_text": false (XLSX cells), "total_row": false,
 *     "purpose": "土地托管收益",
 *     "columns": [ { "field": "account", "header": "账号" }, … ] }
 *
 * A column's field is one of index (1, 2, …), code (CBFBM), name (the household head), holder
 * (the account holder, else the head), account (digits, in full: the one place it is),
 * bank, branch, amount, purpose, phone (the household's mobile, for the bank's SMS), text (the
 * column's "value", the same in every row: a province). Built in, as GResource data:
 * "generic", "batch-sheet" and "text-account"; a user's own is read from a file with the same
 * keys (furrow_bank_profile_new_from_file()). */

typedef enum
{
  FURROW_BANK_FILE_CSV,
  FURROW_BANK_FILE_TXT,
  FURROW_BANK_FILE_XLSX,
} FurrowBankFileType;

typedef enum
{
  FURROW_BANK_FIELD_INDEX,
  FURROW_BANK_FIELD_CODE,
  FURROW_BANK_FIELD_NAME,
  FURROW_BANK_FIELD_HOLDER,
  FURROW_BANK_FIELD_ACCOUNT,
  FURROW_BANK_FIELD_BANK,
  FURROW_BANK_FIELD_BRANCH,
  FURROW_BANK_FIELD_AMOUNT,
  FURROW_BANK_FIELD_PURPOSE,
  FURROW_BANK_FIELD_PHONE,
  FURROW_BANK_FIELD_TEXT,
} FurrowBankField;

typedef struct
{
  FurrowBankField  field;
  char            *header;
  char            *value;    /* FURROW_BANK_FIELD_TEXT */
} FurrowBankColumn;

typedef struct
{
  char               *name;
  char               *title;
  FurrowBankFileType  file_type;
  char               *encoding;        /* "UTF-8" or "GBK" (CSV and TXT) */
  char                delimiter;
  gboolean            header;
  gboolean            amount_in_fen;   /* else yuan with two decimals */
  gboolean            account_as_text; /* XLSX: a text cell (never 6.217E+15) */
  gboolean            amount_as_text;  /* XLSX: "1234.50" as text, else a number */
  gboolean            total_row;
  char               *purpose;
  FurrowBankColumn   *columns;
  guint               n_columns;
} FurrowBankProfile;

#define FURROW_BANK_PROFILE_ERROR (furrow_bank_profile_error_quark ())

typedef enum
{
  FURROW_BANK_PROFILE_ERROR_INVALID,   /* the message names the file and what is wrong */
  FURROW_BANK_PROFILE_ERROR_NOT_FOUND, /* no built-in profile of that name */
} FurrowBankProfileError;

GQuark             furrow_bank_profile_error_quark     (void);

/* The names of the built-in profiles, sorted (transfer full). */
GStrv              furrow_bank_profile_list_builtin    (void);
FurrowBankProfile *furrow_bank_profile_new_builtin     (const char         *name,
                                                        GError            **error);
/* A user's profile: the same JSON (at most 64 KiB); every mistake is refused with the file and
 * the key. */
FurrowBankProfile *furrow_bank_profile_new_from_file   (const char         *path,
                                                        GError            **error);
FurrowBankProfile *furrow_bank_profile_new_from_data   (const char         *source,
                                                        const char         *data,
                                                        gsize               length,
                                                        GError            **error);
void               furrow_bank_profile_free            (FurrowBankProfile  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowBankProfile, furrow_bank_profile_free)

G_END_DECLS
