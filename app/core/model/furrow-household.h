/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One contracting household (承包方) of the cooperative.
 *
 * code is the CBFBM (18 characters: the village group's FBFBM + a 4-digit serial,
 * docs/domain.md §2), name the household head (CBFMC). phone, id-number and account-number (the
 * payee account, docs/domain.md, "Bank accounts") are personal data: never log them and mask
 * them in every printout but the bank payment file. id is the store's row id, 0 until the object is added
 * to a store. */

#define FURROW_TYPE_HOUSEHOLD (furrow_household_get_type ())

G_DECLARE_FINAL_TYPE (FurrowHousehold, furrow_household, FURROW, HOUSEHOLD, GObject)

FurrowHousehold *furrow_household_new           (void);
gint64           furrow_household_get_id        (FurrowHousehold *self);
const char      *furrow_household_get_code      (FurrowHousehold *self);
void             furrow_household_set_code      (FurrowHousehold *self,
                                                 const char      *code);
const char      *furrow_household_get_name      (FurrowHousehold *self);
void             furrow_household_set_name      (FurrowHousehold *self,
                                                 const char      *name);
guint            furrow_household_get_members   (FurrowHousehold *self);
void             furrow_household_set_members   (FurrowHousehold *self,
                                                 guint            members);
const char      *furrow_household_get_phone     (FurrowHousehold *self);
void             furrow_household_set_phone     (FurrowHousehold *self,
                                                 const char      *phone);
const char      *furrow_household_get_id_number (FurrowHousehold *self);
void             furrow_household_set_id_number (FurrowHousehold *self,
                                                 const char      *id_number);
const char      *furrow_household_get_notes     (FurrowHousehold *self);
void             furrow_household_set_notes     (FurrowHousehold *self,
                                                 const char      *notes);
const char      *furrow_household_get_bank      (FurrowHousehold *self);
void             furrow_household_set_bank      (FurrowHousehold *self,
                                                 const char      *bank);
const char      *furrow_household_get_bank_branch (FurrowHousehold *self);
void             furrow_household_set_bank_branch (FurrowHousehold *self,
                                                   const char      *bank_branch);
const char      *furrow_household_get_account_number (FurrowHousehold *self);
void             furrow_household_set_account_number (FurrowHousehold *self,
                                                      const char      *account_number);
const char      *furrow_household_get_account_holder (FurrowHousehold *self);
void             furrow_household_set_account_holder (FurrowHousehold *self,
                                                      const char      *account_holder);

G_END_DECLS
