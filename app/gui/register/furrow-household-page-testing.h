/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the GUI tests only, which drive the household page's rows as a user would. */

#include "furrow-household-page.h"

G_BEGIN_DECLS

typedef enum
{
  FURROW_HOUSEHOLD_PART_NAME_ROW,
  FURROW_HOUSEHOLD_PART_CODE_ROW,
  FURROW_HOUSEHOLD_PART_PHONE_ROW,
  FURROW_HOUSEHOLD_PART_PHONE_EDIT,
  FURROW_HOUSEHOLD_PART_PHONE_ENTRY,
  FURROW_HOUSEHOLD_PART_ID_ROW,
  FURROW_HOUSEHOLD_PART_ID_EDIT,
  FURROW_HOUSEHOLD_PART_ID_ENTRY,
  FURROW_HOUSEHOLD_PART_ACCOUNT_ROW,
  FURROW_HOUSEHOLD_PART_ACCOUNT_EDIT,
  FURROW_HOUSEHOLD_PART_BANK_ENTRY,
  FURROW_HOUSEHOLD_PART_ACCOUNT_ENTRY,
  FURROW_HOUSEHOLD_PART_HOLDER_ENTRY,
  FURROW_HOUSEHOLD_PART_ACCOUNT_SAVE,
} FurrowHouseholdPagePart;

/* The editors of one parcel's expander row. */
typedef enum
{
  FURROW_PARCEL_PART_AREA_ROW,
  FURROW_PARCEL_PART_AREA_SPIN,
  FURROW_PARCEL_PART_CODE_ROW,
  FURROW_PARCEL_PART_FIELD_ROW,
  FURROW_PARCEL_PART_CUSTODY_ROW,
} FurrowParcelPart;

FurrowHousehold *furrow_household_page_get_household    (FurrowHouseholdPage *self);
/* The parcels shown and how many of them are highlighted as area mismatches. */
guint            furrow_household_page_get_n_parcels    (FurrowHouseholdPage *self);
guint            furrow_household_page_get_n_mismatches (FurrowHouseholdPage *self);
/* The row of the position-th parcel shown (an AdwExpanderRow). */
GtkWidget       *furrow_household_page_get_parcel_row   (FurrowHouseholdPage *self,
                                                         guint                position);

GtkWidget    *furrow_household_page_get_part        (FurrowHouseholdPage     *self,
                                                     FurrowHouseholdPagePart  part);
GtkWidget    *furrow_household_page_get_parcel_part (FurrowHouseholdPage     *self,
                                                     guint                    position,
                                                     FurrowParcelPart         part);
/* The parcel shown at position (the store's live object). */
FurrowParcel *furrow_household_page_get_parcel      (FurrowHouseholdPage     *self,
                                                     guint                    position);

G_END_DECLS
