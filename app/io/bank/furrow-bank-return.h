/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-store-payment.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* A bank's return file (回盘文件, docs/domain.md, "Bank accounts"): which payments of a bank
 * file went through and which failed, and why. Furrow reads a CSV file (UTF-8 or GBK, a comma
 * between cells) whose first row names its columns; the columns are found by name, in any
 * order, beside any others:
 *
 *   account  账号, 卡号, 收款账号, 收款人账号, account          one of account or code
 *   code     承包方编码, 编码, code                          (code wins when both)
 *   amount   金额, 交易金额, amount                          optional: checked to the fen
 *   status   状态, 处理状态, 交易状态, 处理结果, 结果, status, result   required
 *   reason   失败原因, 原因, 备注, 说明, reason                  required for a failed row
 *
 * A status is 成功, 交易成功, 已支付, 支付成功, success, paid or ok (paid), or 失败, 交易失败,
 * 支付失败, 退回, failed, fail or returned (failed). So the generic profile's file with a status
 * and a reason column added is a return file, and so is the simple one:
 *
 *   账号,状态,失败原因
 *   6217000000000006,成功,
 *   6214830000000001237,失败,账户已销户
 *
 * Every row must be a household of the season's settlement whose account (or code) it names,
 * with the amount the settlement gives it; anything else is refused with the file and line. */

typedef struct
{
  char                *code;
  FurrowPaymentStatus  status;   /* PAID or FAILED */
  char                *reason;
  guint                line;
} FurrowBankReturnRow;

/* The rows of a return file matched to households (a GArray of FurrowBankReturnRow, transfer
 * full), or NULL with FURROW_BANK_ERROR_INVALID naming the file and line. */
GArray   *furrow_bank_return_read  (FurrowStore   *store,
                                    FurrowSeason  *season,
                                    const char    *path,
                                    GError       **error);
/* The statuses of the rows, in one transaction (furrow_store_set_payments()), each audited
 * with the file's name. */
gboolean  furrow_bank_return_apply (FurrowStore   *store,
                                    FurrowSeason  *season,
                                    GArray        *rows,
                                    const char    *path,
                                    GError       **error);

G_END_DECLS
