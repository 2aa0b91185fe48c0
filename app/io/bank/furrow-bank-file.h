/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-bank-profile.h"
#include "furrow-store-payment.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* The bank payment file of a settled season (docs/domain.md, "Bank accounts"): one row per
 * household paid (settled total above 0) in household code order, laid out as a profile says.
 * It is the one file with full account numbers: written with mode 0600, whole or not at all,
 * never over the project. A household without an account the register can pay to
 * (furrow_bank_account_is_payable()) is not in the file and is listed as missing, with why.
 *
 * Which households: the first file takes the unpaid ones (and those already sent, so a file
 * can be written again); a reissue file takes only the failed ones (and those already
 * reissued). Households paid, or in the other state, are counted as skipped. */

typedef struct
{
  char   *code;
  char   *name;      /* the household head */
  char   *holder;    /* the account holder, else the head */
  char   *bank;
  char   *branch;
  char   *account;   /* digits */
  char   *phone;
  gint64  amount_fen;
} FurrowBankPayee;

typedef struct
{
  char   *code;
  char   *name;
  char   *problem;   /* why it cannot be paid, translated; never the number */
  gint64  amount_fen;
} FurrowBankMissing;

typedef struct _FurrowBankFile FurrowBankFile;

#define FURROW_BANK_ERROR (furrow_bank_error_quark ())

typedef enum
{
  FURROW_BANK_ERROR_INVALID,  /* the message names the household, the file and the line */
} FurrowBankError;

GQuark                   furrow_bank_error_quark        (void);

/* NULL with the error for a season that is not settled. */
FurrowBankFile          *furrow_bank_file_new           (FurrowStore             *store,
                                                         FurrowSeason            *season,
                                                         const FurrowBankProfile *profile,
                                                         gboolean                 reissue,
                                                         GError                 **error);
void                     furrow_bank_file_free          (FurrowBankFile          *self);
const FurrowBankPayee   *furrow_bank_file_get_payees    (FurrowBankFile          *self,
                                                         gsize                   *n_payees);
const FurrowBankMissing *furrow_bank_file_get_missing   (FurrowBankFile          *self,
                                                         gsize                   *n_missing);
/* Households paid that this file leaves out for their status (paid already, or not failed for a
 * reissue). */
guint                    furrow_bank_file_get_n_skipped (FurrowBankFile          *self);
gint64                   furrow_bank_file_get_total_fen (FurrowBankFile          *self);
/* CSV and TXT: the file's text in UTF-8, before it is encoded (CRLF line ends). */
char                    *furrow_bank_file_to_text       (FurrowBankFile          *self);
/* Writes the file at `path` (refused when it is the project or one of its journals, or when
 * there is nobody to pay), 0600, whole or not at all; a name the profile's encoding cannot
 * hold is refused naming the household. */
gboolean                 furrow_bank_file_write         (FurrowBankFile          *self,
                                                         FurrowStore             *store,
                                                         const char              *path,
                                                         GError                 **error);
/* After a write: the payees' status set to sent (reissued for a reissue file) in one
 * transaction, each change audited with the file's name. */
gboolean                 furrow_bank_file_mark_sent     (FurrowBankFile          *self,
                                                         FurrowStore             *store,
                                                         const char              *path,
                                                         GError                 **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowBankFile, furrow_bank_file_free)

G_END_DECLS
