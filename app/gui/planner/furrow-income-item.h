/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "furrow-distribution.h"

G_BEGIN_DECLS

#define FURROW_TYPE_INCOME_ITEM (furrow_income_item_get_type ())

G_DECLARE_FINAL_TYPE (FurrowIncomeItem, furrow_income_item, FURROW, INCOME_ITEM, GObject)

/* One row of a household income list (the economics page's preview): a household's code, name,
 * area and its share from the settlement engine, or the totals row. */
typedef enum
{
  FURROW_INCOME_COLUMN_CODE,
  FURROW_INCOME_COLUMN_NAME,
  FURROW_INCOME_COLUMN_AREA,
  FURROW_INCOME_COLUMN_BASE,
  FURROW_INCOME_COLUMN_DIVIDEND,
  FURROW_INCOME_COLUMN_FEE,
  FURROW_INCOME_COLUMN_TOTAL,
  FURROW_INCOME_N_COLUMNS
} FurrowIncomeColumn;

FurrowIncomeItem *furrow_income_item_new      (const char                    *code,
                                               const char                    *name,
                                               const FurrowDistributionShare *share,
                                               gboolean                       is_total);
gboolean          furrow_income_item_is_total (FurrowIncomeItem              *self);
const char       *furrow_income_item_get_code (FurrowIncomeItem              *self);
/* What the column shows: the code, the name, mu to 0.01, yuan from fen. */
char             *furrow_income_item_get_text (FurrowIncomeItem              *self,
                                               FurrowIncomeColumn             column);

G_END_DECLS
