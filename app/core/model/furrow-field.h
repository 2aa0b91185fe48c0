/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "furrow-geometry.h"
#include "furrow-custody.h"

G_BEGIN_DECLS

/* One custody field (托管地块) the cooperative farms as a unit: a WGS84 (multi-)polygon.
 *
 * measured-area-m2 is the ellipsoidal area of geometry (furrow_geodesy_area_m2), kept in step with
 * it; registered-area-m2 is the sum of the registered areas of the parcels lying in the field, set
 * by the store; planted-area-m2 is what a plan sows (0 until planned; not stored). Areas are m²;
 * convert with furrow_m2_to_mu() for display. */

#define FURROW_TYPE_FIELD (furrow_field_get_type ())

G_DECLARE_FINAL_TYPE (FurrowField, furrow_field, FURROW, FIELD, GObject)

FurrowField    *furrow_field_new                    (void);
gint64          furrow_field_get_id                 (FurrowField *self);
const char     *furrow_field_get_code               (FurrowField *self);
void            furrow_field_set_code               (FurrowField *self,
                                                     const char  *code);
const char     *furrow_field_get_name               (FurrowField *self);
void            furrow_field_set_name               (FurrowField *self,
                                                     const char  *name);
const char     *furrow_field_get_notes              (FurrowField *self);
void            furrow_field_set_notes              (FurrowField *self,
                                                     const char  *notes);
FurrowCustody   furrow_field_get_custody            (FurrowField *self);
void            furrow_field_set_custody            (FurrowField   *self,
                                                     FurrowCustody  custody);
FurrowGeometry *furrow_field_get_geometry           (FurrowField *self);
void            furrow_field_set_geometry           (FurrowField          *self,
                                                     const FurrowGeometry *geometry);
double          furrow_field_get_measured_area_m2   (FurrowField *self);
double          furrow_field_get_registered_area_m2 (FurrowField *self);
double          furrow_field_get_planted_area_m2    (FurrowField *self);

G_END_DECLS
