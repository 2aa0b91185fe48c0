/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-window.h"

G_BEGIN_DECLS

/* The window's custody contracts (docs/domain.md §13): `win.print-contract`, the household shown
 * on the household page, and `win.print-contracts`, every household with parcels, both for the
 * season chosen in the Seasons list, else the newest season (the highest crop year, the last
 * made of those). Printed through GtkPrintOperation on A4 portrait (the print dialog also saves
 * a PDF); each print is an audit row. Hooked into FurrowWindow with one call from its class_init
 * and one from its init. */
void                    furrow_window_contracts_class_init (GtkWidgetClass          *widget_class);
void                    furrow_window_contracts_init       (FurrowWindow            *self);

/* The season the contracts are for (transfer none), or NULL without a project or a season. */
FurrowSeason           *furrow_window_contract_season      (FurrowWindow            *self);
/* Prints the contracts of `season` (one household's when `household_code` is not NULL) with
 * `action`; with GTK_PRINT_OPERATION_ACTION_EXPORT, into `export_filename` (a PDF). */
GtkPrintOperationResult furrow_window_print_contracts      (FurrowWindow            *self,
                                                            FurrowSeason            *season,
                                                            const char              *household_code,
                                                            GtkPrintOperationAction  action,
                                                            const char              *export_filename,
                                                            GError                 **error);

G_END_DECLS
