/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-edit.h"
#include "furrow-household.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* A household's payee account (docs/domain.md, "Bank accounts") as the household page and
 * `furrow-cli household set-account` change it. */
typedef struct
{
  const char *bank;            /* 开户行, e.g. 中国农业银行 */
  const char *bank_branch;     /* 开户网点 */
  const char *account_number;  /* digits, spaces allowed; stored without them */
  const char *account_holder;  /* 户名 when not the household head; NULL or "": the head */
} FurrowAccount;

/* Checks `account` (furrow_bank_account_check(): the message names the household, never the
 * number) and returns its number as stored, digits only ("" for none); NULL with
 * FURROW_REGISTER_ERROR_INVALID. */
char       *furrow_account_check_number (FurrowHousehold      *household,
                                         const char           *account_number,
                                         GError              **error);
/* One undoable edit setting the four fields of the household's account at once, one store
 * update (one transaction, one audit row naming the columns, never the number); undo writes
 * the old four back. NULL with the error when the number is refused (nothing done). The edit
 * finds the household by its code when applied. */
FurrowEdit *furrow_edit_account_new     (FurrowStore          *store,
                                         FurrowHousehold      *household,
                                         const FurrowAccount  *account,
                                         GError              **error);

G_END_DECLS
