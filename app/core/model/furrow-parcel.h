/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "furrow-geometry.h"
#include "furrow-custody.h"

G_BEGIN_DECLS

/* One contracted parcel (承包地块) of a household, entrusted to the cooperative.
 *
 * code is the DKBM (19 characters: FBFBM + a 5-digit serial), household-code the CBFBM of the
 * household it belongs to (must exist in the store), field-id the custody field it lies in
 * (0: none).
 * Three areas (docs/domain.md §3), all m²: registered-area-m2 (确权/合同面积, HTMJM converted from mu;
 * the basis of income shares), surveyed-area-m2 (SCMJ, as delivered) and measured-area-m2 (the
 * ellipsoidal area of geometry, read-only, kept in step with it); planted-area-m2 is what a plan
 * sows (0 until planned; not stored). geometry may be NULL (a register row without a polygon).
 * entrusted-from / entrusted-to are ISO 8601 dates (YYYY-MM-DD) or NULL. */

#define FURROW_TYPE_PARCEL (furrow_parcel_get_type ())

G_DECLARE_FINAL_TYPE (FurrowParcel, furrow_parcel, FURROW, PARCEL, GObject)

FurrowParcel   *furrow_parcel_new                    (void);
gint64          furrow_parcel_get_id                 (FurrowParcel *self);
const char     *furrow_parcel_get_code               (FurrowParcel *self);
void            furrow_parcel_set_code               (FurrowParcel *self,
                                                      const char   *code);
const char     *furrow_parcel_get_name               (FurrowParcel *self);
void            furrow_parcel_set_name               (FurrowParcel *self,
                                                      const char   *name);
const char     *furrow_parcel_get_household_code     (FurrowParcel *self);
void            furrow_parcel_set_household_code     (FurrowParcel *self,
                                                      const char   *household_code);
gint64          furrow_parcel_get_field_id           (FurrowParcel *self);
void            furrow_parcel_set_field_id           (FurrowParcel *self,
                                                      gint64        field_id);
FurrowGeometry *furrow_parcel_get_geometry           (FurrowParcel *self);
void            furrow_parcel_set_geometry           (FurrowParcel         *self,
                                                      const FurrowGeometry *geometry);
/* The same with its ellipsoidal area measured already (furrow_geodesy_area_m2() of geometry, as
 * an importer's validation measures it), so it is not measured twice. */
void            furrow_parcel_set_measured_geometry  (FurrowParcel         *self,
                                                      const FurrowGeometry *geometry,
                                                      double                area_m2);
double          furrow_parcel_get_registered_area_m2 (FurrowParcel *self);
void            furrow_parcel_set_registered_area_m2 (FurrowParcel *self,
                                                      double        registered_area_m2);
double          furrow_parcel_get_surveyed_area_m2   (FurrowParcel *self);
void            furrow_parcel_set_surveyed_area_m2   (FurrowParcel *self,
                                                      double        surveyed_area_m2);
double          furrow_parcel_get_measured_area_m2   (FurrowParcel *self);
const char     *furrow_parcel_get_land_use           (FurrowParcel *self);
void            furrow_parcel_set_land_use           (FurrowParcel *self,
                                                      const char   *land_use);
const char     *furrow_parcel_get_land_grade         (FurrowParcel *self);
void            furrow_parcel_set_land_grade         (FurrowParcel *self,
                                                      const char   *land_grade);
const char     *furrow_parcel_get_neighbour_east     (FurrowParcel *self);
void            furrow_parcel_set_neighbour_east     (FurrowParcel *self,
                                                      const char   *neighbour_east);
const char     *furrow_parcel_get_neighbour_west     (FurrowParcel *self);
void            furrow_parcel_set_neighbour_west     (FurrowParcel *self,
                                                      const char   *neighbour_west);
const char     *furrow_parcel_get_neighbour_south    (FurrowParcel *self);
void            furrow_parcel_set_neighbour_south    (FurrowParcel *self,
                                                      const char   *neighbour_south);
const char     *furrow_parcel_get_neighbour_north    (FurrowParcel *self);
void            furrow_parcel_set_neighbour_north    (FurrowParcel *self,
                                                      const char   *neighbour_north);
FurrowCustody   furrow_parcel_get_custody            (FurrowParcel *self);
void            furrow_parcel_set_custody            (FurrowParcel  *self,
                                                      FurrowCustody  custody);
const char     *furrow_parcel_get_entrusted_from     (FurrowParcel *self);
void            furrow_parcel_set_entrusted_from     (FurrowParcel *self,
                                                      const char   *entrusted_from);
const char     *furrow_parcel_get_entrusted_to       (FurrowParcel *self);
void            furrow_parcel_set_entrusted_to       (FurrowParcel *self,
                                                      const char   *entrusted_to);

G_END_DECLS
