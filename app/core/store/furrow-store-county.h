/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-store.h"

G_BEGIN_DECLS

/* The county view (docs/architecture.md, The backend seam, The county view): one row per
 * cooperative of a server, each figure the one that cooperative's own commands give, and their
 * totals. The register figures are today's; the season figures are those of every season of one
 * crop year. */
typedef struct
{
  char   *code;                     /* the cooperative; NULL in the totals row */
  char   *name;
  gint64  fields;
  gint64  households;
  gint64  parcels;
  double  custody_area_m2;          /* the fields' registered area (`list fields`, Total) */
  guint   seasons;                  /* seasons of the crop year */
  guint   planned_maize;            /* fields planned (`season predict`), by pattern */
  guint   planned_soybean;
  guint   planned_strip;
  gint64  predicted_revenue_fen;    /* `season predict`: total.predicted.revenue_fen */
  gint64  predicted_net_fen;        /* `season predict`: total.predicted.net_fen */
  guint   settled_seasons;
  gint64  settled_income_fen;       /* `season settle`: income_fen (revenue + other + subsidy) */
  gint64  households_due_fen;       /* the settled households' totals above 0 */
  guint   paid_households;          /* of those, paid as the bank's return file says */
  gint64  paid_fen;
  guint   unpaid_households;        /* the others: unpaid, sent, failed or reissued */
  gint64  unpaid_fen;
} FurrowCountyRow;

void         furrow_county_row_clear        (FurrowCountyRow  *row);

/* The rows of every cooperative the user may open on the server at uri, in code order (a
 * GArray of FurrowCountyRow that clears them), for crop year `year`, or when it is 0 the latest
 * crop year of any season on the server (the year used in *year_used; 0 without seasons).
 * `total` gets the sums. NULL with error when the server or a cooperative cannot be read. */
GArray      *furrow_store_county_summary    (const char       *uri,
                                             guint             year,
                                             guint            *year_used,
                                             FurrowCountyRow  *total,
                                             GError          **error);

G_END_DECLS
