/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowIncomeItem: a row of a household income list. */
#include "config.h"

#include "furrow-income-item.h"
#include "furrow-units.h"

struct _FurrowIncomeItem
{
  GObject                 parent_instance;

  char                   *code;
  char                   *name;
  FurrowDistributionShare share;
  gboolean                is_total;
};

G_DEFINE_FINAL_TYPE (FurrowIncomeItem, furrow_income_item, G_TYPE_OBJECT)

static void
furrow_income_item_finalize (GObject *object)
{
  FurrowIncomeItem *self = FURROW_INCOME_ITEM (object);

  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (furrow_income_item_parent_class)->finalize (object);
}

static void
furrow_income_item_class_init (FurrowIncomeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = furrow_income_item_finalize;
}

static void
furrow_income_item_init (FurrowIncomeItem *self)
{
}

FurrowIncomeItem *
furrow_income_item_new (const char                    *code,
                        const char                    *name,
                        const FurrowDistributionShare *share,
                        gboolean                       is_total)
{
  FurrowIncomeItem *self = g_object_new (FURROW_TYPE_INCOME_ITEM, NULL);

  g_return_val_if_fail (share != NULL, self);

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->share = *share;
  self->share.code = NULL;   /* borrowed from the engine's input: not kept */
  self->is_total = is_total;
  return self;
}

gboolean
furrow_income_item_is_total (FurrowIncomeItem *self)
{
  g_return_val_if_fail (FURROW_IS_INCOME_ITEM (self), FALSE);

  return self->is_total;
}

const char *
furrow_income_item_get_code (FurrowIncomeItem *self)
{
  g_return_val_if_fail (FURROW_IS_INCOME_ITEM (self), NULL);

  return self->code;
}

char *
furrow_income_item_get_text (FurrowIncomeItem   *self,
                             FurrowIncomeColumn  column)
{
  g_return_val_if_fail (FURROW_IS_INCOME_ITEM (self), NULL);

  switch (column)
    {
    case FURROW_INCOME_COLUMN_CODE:
      return g_strdup (self->code ? self->code : "");
    case FURROW_INCOME_COLUMN_NAME:
      return g_strdup (self->name ? self->name : "");
    case FURROW_INCOME_COLUMN_AREA:
      return g_strdup_printf ("%'.2f", self->share.area_mu);
    case FURROW_INCOME_COLUMN_BASE:
      return furrow_format_yuan (self->share.base_fen);
    case FURROW_INCOME_COLUMN_DIVIDEND:
      return furrow_format_yuan (self->share.dividend_fen);
    case FURROW_INCOME_COLUMN_FEE:
      return furrow_format_yuan (self->share.fee_fen);
    case FURROW_INCOME_COLUMN_TOTAL:
    case FURROW_INCOME_N_COLUMNS:
    default:
      return furrow_format_yuan (self->share.total_fen);
    }
}
