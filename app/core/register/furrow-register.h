/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-custody.h"

G_BEGIN_DECLS

/* Small land-register summaries the windows show, kept out of the GUI layer (no domain
 * arithmetic there). */

typedef struct
{
  guint         n_parcels;
  double        registered_m2;  /* sum of the parcels' registered (contract) areas */
  double        measured_m2;    /* sum of the parcels' measured areas */
  FurrowCustody custody;        /* HALF when any parcel is half custody, else FULL */
} FurrowHouseholdSummary;

/* Sums the parcels of `parcels` (a model of FurrowParcel) whose household-code is `code`. */
void     furrow_register_household_summary (GListModel             *parcels,
                                            const char             *household_code,
                                            FurrowHouseholdSummary *summary);
/* Every household's summary at once: code (string) → FurrowHouseholdSummary*, for lists. */
GHashTable *furrow_register_household_summaries (GListModel *parcels);
/* Parcels per field: field id (gint64*) → count (GUINT_TO_POINTER), for lists. */
GHashTable *furrow_register_field_parcel_counts (GListModel *parcels);
/* The dominant household of every field that has parcels: field id (gint64*) → household code
 * (char*), the household whose parcels on the field add up to the largest measured area (ties:
 * the smaller code). For colouring the map by household. */
GHashTable *furrow_register_field_households (GListModel *parcels);
/* The parcels (FurrowParcel, transfer full) of the household with `code`, in model order. */
GListStore *furrow_register_household_parcels (GListModel *parcels,
                                               const char *household_code);
/* |registered − measured| / measured in percent (0 when measured is 0). */
double   furrow_register_mismatch_percent  (double                  registered_m2,
                                            double                  measured_m2);
/* TRUE when the mismatch exceeds `threshold_percent`. */
gboolean furrow_register_is_mismatch       (double                  registered_m2,
                                            double                  measured_m2,
                                            double                  threshold_percent);
/* Personal numbers (phone, ID) for lists: "•••• 1234" (last 4 characters), "" for empty. */
char    *furrow_register_mask_personal     (const char             *text);
#define FURROW_REGISTER_ERROR (furrow_register_error_quark ())

typedef enum
{
  FURROW_REGISTER_ERROR_INVALID,  /* a value the register cannot hold (the message says why) */
} FurrowRegisterError;

GQuark   furrow_register_error_quark       (void);

/* No contracted parcel is larger than this (a whole village group rarely is): a larger
 * registered area is a typing or unit mistake. */
#define FURROW_REGISTER_MAX_PARCEL_MU 1000.0
/* A registered area this many times off the measured one (either way) is a unit mistake
 * (square metres typed as mu, or the reverse), not a survey difference. */
#define FURROW_REGISTER_MAX_AREA_RATIO 10.0

/* Whether a parcel's registered area (m²) is one a clerk may enter: more than 0, at most
 * FURROW_REGISTER_MAX_PARCEL_MU, and, when the parcel has a measured area (> 0), within
 * FURROW_REGISTER_MAX_AREA_RATIO of it. FALSE with the reason otherwise. */
gboolean furrow_register_check_registered_area (double   registered_m2,
                                                double   measured_m2,
                                                GError **error);
/* Whether `code` is a DKBM parcel code as the importer requires it: 19 digits. */
gboolean furrow_register_check_parcel_code     (const char *code,
                                                GError    **error);
/* The ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') of a resident ID number whose first
 * 17 characters are the digits `first17` (GB 11643). */
char     furrow_register_id_check_character (const char *first17);
/* Whether `id_number` is a resident ID number: 17 digits and its check character ('X' in upper
 * case). An empty one (none recorded) is accepted. The message never repeats the number. */
gboolean furrow_register_check_id_number   (const char *id_number,
                                            GError    **error);
/* Whether `phone` is a phone number: 7 to 15 digits, an optional leading '+', spaces and
 * dashes between them. An empty one is accepted. The message never repeats the number. */
gboolean furrow_register_check_phone       (const char *phone,
                                            GError    **error);
/* How furrow_register_check_text() reads a text: one line (a name, a code, a reason) or free
 * text that may run over lines (notes), where a tab and a line break belong. */
typedef enum
{
  FURROW_TEXT_LINE      = 0,
  FURROW_TEXT_MULTILINE = 1 << 0,
} FurrowTextFlags;

/* Whether `text` (`length` bytes, a NUL among them included, or up to its NUL when -1; NULL
 * is empty) holds no control character — C0 and DEL, C1, so also the start of a terminal
 * escape sequence; a bidirectional override or isolate: Furrow refuses them in
 * everything it stores and prints (issue 12, item 5), and every writer — the store, the edits,
 * the importers, the command line and the window — asks this one check. FURROW_TEXT_MULTILINE
 * lets tabs and line breaks through. FALSE with FURROW_REGISTER_ERROR_INVALID "`what` holds a
 * control character (U+001B); remove it": `what` names the value as the message's subject
 * ("the season’s name", "household 370782102201010001: the reason"); the text itself is never
 * repeated (it may be personal data, and would print the character). */
gboolean furrow_register_check_text        (const char             *text,
                                            gssize                  length,
                                            FurrowTextFlags         flags,
                                            const char             *what,
                                            GError                **error);
/* A CBFBM household code has 18 characters (docs/domain.md). */
gboolean furrow_register_is_household_code (const char             *code);

G_END_DECLS
