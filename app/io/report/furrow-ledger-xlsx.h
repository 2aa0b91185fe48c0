/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-ledger.h"

G_BEGIN_DECLS

/* The member accounts (docs/domain.md §16) as an XLSX workbook, written atomically to `path`:
 * a sheet of accounts — per household one row per settled season (code as text, head, season,
 * crop year, area in mu, base, refund by transaction volume, fees, due, paid, balance, in yuan
 * to the fen) and a total row — and a sheet of each season's art. 44 check (distributable
 * surplus, returned by transaction volume, the share, whether it reaches 60 %). `title` heads
 * both sheets (the cooperative's name). FURROW_REPORT_ERROR_WRITE when it cannot be written. */
gboolean furrow_ledger_write_xlsx (const FurrowLedger  *ledger,
                                   const char          *title,
                                   const char          *path,
                                   GError             **error);

G_END_DECLS
