/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Member accounts (成员账户, docs/domain.md §16): each household's ledger across the settled
 * seasons, and per season the Cooperatives Law's check that at least 60 % of the distributable
 * surplus was returned by transaction volume (art. 44). Plain structs and pure functions; the
 * store fills the entries from the frozen settlements (furrow_store_get_ledger()). */

/* One settled season of one household. Money in fen. */
typedef struct
{
  char   *season;           /* the season's name */
  guint   crop_year;
  double  area_m2;          /* the area in custody the settlement counted */
  gint64  base_fen;         /* base payment (保底收益) */
  gint64  returned_fen;     /* refund by transaction volume (按交易量返还): the dividend by area */
  gint64  fee_fen;          /* half-custody service fees */
  gint64  due_fen;          /* base + returned − fees: the settled total */
  gint64  paid_fen;         /* paid: the due amount once the bank's return says paid, else 0 */
  gint64  balance_fen;      /* running: the sum of due − paid up to this season */
} FurrowLedgerEntry;

typedef struct
{
  char              *code;          /* CBFBM */
  char              *name;          /* the head */
  GArray            *entries;       /* FurrowLedgerEntry, oldest season first */
  FurrowLedgerEntry  total;         /* the sums; balance_fen is the closing balance */
} FurrowLedgerAccount;

/* Art. 44 for one settled season. */
typedef struct
{
  char     *season;
  guint     crop_year;
  gint64    distributable_fen;  /* surplus less the reserve fund (0 in a deficit) */
  gint64    returned_fen;       /* the households' dividend */
  gint64    returned_bp;        /* returned / distributable in basis points (10000 = 100 %),
                                 * rounded half away from zero; 0 when nothing to distribute */
  gboolean  passes;             /* returned ≥ 60 % of distributable, or nothing to distribute */
} FurrowLedgerSeasonCheck;

typedef struct
{
  GPtrArray *accounts;   /* FurrowLedgerAccount, by household code */
  GArray    *checks;     /* FurrowLedgerSeasonCheck, by crop year then settlement */
} FurrowLedger;

FurrowLedger        *furrow_ledger_new            (void);
void                 furrow_ledger_free           (FurrowLedger        *self);
/* The account of household `code`, added (empty, named `name`) when absent. */
FurrowLedgerAccount *furrow_ledger_get_account    (FurrowLedger        *self,
                                                   const char          *code,
                                                   const char          *name);
/* Appends a season to an account (copying `entry`'s season name); season order is the caller's.
 * Fills due_fen (base + returned − fees) and the running balance, and adds to the total. */
void                 furrow_ledger_account_add    (FurrowLedgerAccount     *account,
                                                   const FurrowLedgerEntry *entry);
/* Appends a season's art. 44 check computed from its two figures. */
void                 furrow_ledger_add_check      (FurrowLedger        *self,
                                                   const char          *season,
                                                   guint                crop_year,
                                                   gint64               distributable_fen,
                                                   gint64               returned_fen);
/* Whether `returned_fen` is at least 60 % of `distributable_fen` (TRUE when that is 0 or less),
 * in exact integer arithmetic; `returned_bp` (may be NULL) gets the share in basis points. */
gboolean             furrow_ledger_return_passes  (gint64               distributable_fen,
                                                   gint64               returned_fen,
                                                   gint64              *returned_bp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FurrowLedger, furrow_ledger_free)

G_END_DECLS
