/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowRosterRow: one household's line of a distribution (furrow-roster-row.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-roster-row-testing.h"
#include "furrow-property.h"
#include "furrow-units.h"

struct _FurrowRosterRow
{
  GObject        parent_instance;

  gboolean       is_total;
  char          *code;
  char          *name;
  FurrowCustody  custody;
  double         area_m2;
  gint64         base_fen;
  gint64         dividend_fen;
  gint64         fee_fen;
  gint64         total_fen;
};

G_DEFINE_FINAL_TYPE (FurrowRosterRow, furrow_roster_row, G_TYPE_OBJECT)

static void
furrow_roster_row_finalize (GObject *object)
{
  FurrowRosterRow *self = FURROW_ROSTER_ROW (object);

  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (furrow_roster_row_parent_class)->finalize (object);
}

static void
furrow_roster_row_class_init (FurrowRosterRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = furrow_roster_row_finalize;
}

static void
furrow_roster_row_init (FurrowRosterRow *self)
{
}

FurrowRosterRow *
furrow_roster_row_new (const char    *code,
                       const char    *name,
                       FurrowCustody  custody,
                       double         area_m2,
                       gint64         base_fen,
                       gint64         dividend_fen,
                       gint64         fee_fen,
                       gint64         total_fen)
{
  FurrowRosterRow *self = g_object_new (FURROW_TYPE_ROSTER_ROW, NULL);

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->custody = custody;
  self->area_m2 = area_m2;
  self->base_fen = base_fen;
  self->dividend_fen = dividend_fen;
  self->fee_fen = fee_fen;
  self->total_fen = total_fen;
  return self;
}

/* The totals row of a settlement or a preview: its own totals, not a sum of the rows shown. */
FurrowRosterRow *
furrow_roster_row_new_total (const FurrowDistributionResult *totals)
{
  double area_m2 = furrow_mu_to_m2 (furrow_distribution_result_roster_area_mu (totals));
  FurrowRosterRow *self = furrow_roster_row_new (NULL, NULL, FURROW_CUSTODY_FULL, area_m2,
                                                 totals->base_total_fen,
                                                 totals->households_dividend_fen,
                                                 totals->fees_fen,
                                                 furrow_distribution_result_paid_fen (totals));

  self->is_total = TRUE;
  return self;
}

FurrowRosterRow *
furrow_roster_row_new_share (const char                    *code,
                             const char                    *name,
                             const FurrowDistributionShare *share,
                             gboolean                       is_total)
{
  FurrowRosterRow *self = NULL;

  g_return_val_if_fail (share != NULL, NULL);

  self = furrow_roster_row_new (code, name, share->custody, furrow_mu_to_m2 (share->area_mu),
                                share->base_fen, share->dividend_fen, share->fee_fen,
                                share->total_fen);
  self->is_total = is_total;
  return self;
}

gboolean
furrow_roster_row_is_total (FurrowRosterRow *self)
{
  g_return_val_if_fail (FURROW_IS_ROSTER_ROW (self), FALSE);
  return self->is_total;
}

/* The plain getters (furrow-property.h): furrow_roster_row_get_code, and for the tests
 * (furrow-roster-row-testing.h) furrow_roster_row_get_name, furrow_roster_row_get_base_fen,
 * furrow_roster_row_get_dividend_fen, furrow_roster_row_get_fee_fen,
 * furrow_roster_row_get_total_fen. */
#define GETTER(ctype, member) \
  FURROW_PROPERTY_GETTER (FurrowRosterRow, furrow_roster_row, FURROW_IS_ROSTER_ROW, ctype, member)
GETTER (const char *, code)
GETTER (const char *, name)
GETTER (gint64, base_fen)
GETTER (gint64, dividend_fen)
GETTER (gint64, fee_fen)
GETTER (gint64, total_fen)
#undef GETTER

char *
furrow_roster_row_get_text (FurrowRosterRow    *self,
                            FurrowRosterColumn  column)
{
  g_return_val_if_fail (FURROW_IS_ROSTER_ROW (self), NULL);

  switch (column)
    {
    case FURROW_ROSTER_COLUMN_CODE:
      return g_strdup (self->code != NULL ? self->code : "");
    case FURROW_ROSTER_COLUMN_NAME:
      return g_strdup (self->name != NULL ? self->name : "");
    case FURROW_ROSTER_COLUMN_CUSTODY:
      if (self->is_total)
        return g_strdup ("");
      /* Translators: the roster's narrow Custody column: full custody (全托) or half (半托) */
      return g_strdup (self->custody == FURROW_CUSTODY_HALF ? C_("custody", "Half")
                                                            : C_("custody", "Full"));
    case FURROW_ROSTER_COLUMN_AREA:
      return furrow_format_mu_grouped (self->area_m2);
    case FURROW_ROSTER_COLUMN_BASE:
      return furrow_format_yuan (self->base_fen);
    case FURROW_ROSTER_COLUMN_DIVIDEND:
      return furrow_format_yuan (self->dividend_fen);
    case FURROW_ROSTER_COLUMN_FEE:
      return furrow_format_yuan (self->fee_fen);
    case FURROW_ROSTER_COLUMN_TOTAL:
    case FURROW_ROSTER_N_COLUMNS:
    default:
      return furrow_format_yuan (self->total_fen);
    }
}
