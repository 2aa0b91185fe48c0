/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-parcel.h"

#include "furrow-geodesy.h"
#include "furrow-object-private.h"
#include "furrow-property.h"
#include "furrow-store-private.h"

struct _FurrowParcel
{
  GObject parent_instance;

  gint64          id;
  char           *code;
  char           *name;
  char           *household_code;
  gint64          field_id;
  FurrowGeometry *geometry;
  double          registered_area_m2;
  double          surveyed_area_m2;
  double          measured_area_m2;
  double          planted_area_m2;
  char           *land_use;
  char           *land_grade;
  char           *neighbour_east;
  char           *neighbour_west;
  char           *neighbour_south;
  char           *neighbour_north;
  FurrowCustody   custody;
  char           *entrusted_from;
  char           *entrusted_to;
};

G_DEFINE_FINAL_TYPE (FurrowParcel, furrow_parcel, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_HOUSEHOLD_CODE,
  PROP_FIELD_ID,
  PROP_GEOMETRY,
  PROP_REGISTERED_AREA_M2,
  PROP_SURVEYED_AREA_M2,
  PROP_MEASURED_AREA_M2,
  PROP_PLANTED_AREA_M2,
  PROP_LAND_USE,
  PROP_LAND_GRADE,
  PROP_NEIGHBOUR_EAST,
  PROP_NEIGHBOUR_WEST,
  PROP_NEIGHBOUR_SOUTH,
  PROP_NEIGHBOUR_NORTH,
  PROP_CUSTODY,
  PROP_ENTRUSTED_FROM,
  PROP_ENTRUSTED_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
furrow_parcel_finalize (GObject *object)
{
  furrow_property_clear_members (object);

  G_OBJECT_CLASS (furrow_parcel_parent_class)->finalize (object);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define AT(member) G_STRUCT_OFFSET (FurrowParcel, member)

/* Every property is its member (furrow-property.h); the geometry's setter also measures it. */
static void
furrow_parcel_class_init (FurrowParcelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_parcel_finalize;

  /* Row id in the store (0 when not stored). */
  properties[PROP_ID] = furrow_property_member (
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RO), AT (id), NULL);
  /* DKBM code, 19 characters. */
  properties[PROP_CODE] = furrow_property_member (
    g_param_spec_string ("code", NULL, NULL, NULL, RW), AT (code), NULL);
  /* Parcel name (DKMC). */
  properties[PROP_NAME] = furrow_property_member (
    g_param_spec_string ("name", NULL, NULL, NULL, RW), AT (name), NULL);
  /* CBFBM code of the household. */
  properties[PROP_HOUSEHOLD_CODE] = furrow_property_member (
    g_param_spec_string ("household-code", NULL, NULL, NULL, RW), AT (household_code), NULL);
  /* Row id of the custody field it lies in (0: none). */
  properties[PROP_FIELD_ID] = furrow_property_member (
    g_param_spec_int64 ("field-id", NULL, NULL, 0, G_MAXINT64, 0, RW), AT (field_id), NULL);
  /* Boundary, WGS84 lon/lat multi-polygon, or NULL. */
  properties[PROP_GEOMETRY] = furrow_property_member_set_by (
    g_param_spec_boxed ("geometry", NULL, NULL, FURROW_TYPE_GEOMETRY, RW), AT (geometry),
    G_CALLBACK (furrow_parcel_set_geometry));
  /* Registered (contract) area, m². */
  properties[PROP_REGISTERED_AREA_M2] = furrow_property_member (
    g_param_spec_double ("registered-area-m2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, RW),
    AT (registered_area_m2), NULL);
  /* Surveyed area as delivered (SCMJ), m². */
  properties[PROP_SURVEYED_AREA_M2] = furrow_property_member (
    g_param_spec_double ("surveyed-area-m2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, RW),
    AT (surveyed_area_m2), NULL);
  /* Ellipsoidal area of the geometry, m². */
  properties[PROP_MEASURED_AREA_M2] = furrow_property_member (
    g_param_spec_double ("measured-area-m2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, RO),
    AT (measured_area_m2), NULL);
  /* Area sown by the plan, m² (0 until planned). */
  properties[PROP_PLANTED_AREA_M2] = furrow_property_member (
    g_param_spec_double ("planted-area-m2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, RW),
    AT (planted_area_m2), NULL);
  /* Land use code (TDLYLX, e.g. 013 dry land). */
  properties[PROP_LAND_USE] = furrow_property_member (
    g_param_spec_string ("land-use", NULL, NULL, NULL, RW), AT (land_use), NULL);
  /* Land grade (DLDJ, 01–10). */
  properties[PROP_LAND_GRADE] = furrow_property_member (
    g_param_spec_string ("land-grade", NULL, NULL, NULL, RW), AT (land_grade), NULL);
  /* East neighbour (DKDZ). */
  properties[PROP_NEIGHBOUR_EAST] = furrow_property_member (
    g_param_spec_string ("neighbour-east", NULL, NULL, NULL, RW), AT (neighbour_east), NULL);
  /* West neighbour (DKXZ). */
  properties[PROP_NEIGHBOUR_WEST] = furrow_property_member (
    g_param_spec_string ("neighbour-west", NULL, NULL, NULL, RW), AT (neighbour_west), NULL);
  /* South neighbour (DKNZ). */
  properties[PROP_NEIGHBOUR_SOUTH] = furrow_property_member (
    g_param_spec_string ("neighbour-south", NULL, NULL, NULL, RW), AT (neighbour_south), NULL);
  /* North neighbour (DKBZ). */
  properties[PROP_NEIGHBOUR_NORTH] = furrow_property_member (
    g_param_spec_string ("neighbour-north", NULL, NULL, NULL, RW), AT (neighbour_north), NULL);
  /* Full or half custody. */
  properties[PROP_CUSTODY] = furrow_property_member (
    g_param_spec_enum ("custody", NULL, NULL, FURROW_TYPE_CUSTODY, FURROW_CUSTODY_FULL, RW),
    AT (custody), NULL);
  /* Start of the custody contract, YYYY-MM-DD. */
  properties[PROP_ENTRUSTED_FROM] = furrow_property_member (
    g_param_spec_string ("entrusted-from", NULL, NULL, NULL, RW), AT (entrusted_from), NULL);
  /* End of the custody contract, YYYY-MM-DD. */
  properties[PROP_ENTRUSTED_TO] = furrow_property_member (
    g_param_spec_string ("entrusted-to", NULL, NULL, NULL, RW), AT (entrusted_to), NULL);

  furrow_property_install (object_class, N_PROPS, properties);
}

static void
furrow_parcel_init (FurrowParcel *self)
{
  self->custody = FURROW_CUSTODY_FULL;
}

FurrowParcel *
furrow_parcel_new (void)
{
  return g_object_new (FURROW_TYPE_PARCEL, NULL);
}

/* The plain accessors (furrow-property.h): furrow_parcel_get_id, furrow_parcel_get_code,
 * furrow_parcel_set_code, furrow_parcel_get_name, furrow_parcel_set_name,
 * furrow_parcel_get_household_code, furrow_parcel_set_household_code, furrow_parcel_get_field_id,
 * furrow_parcel_set_field_id, furrow_parcel_get_geometry, furrow_parcel_get_registered_area_m2,
 * furrow_parcel_set_registered_area_m2, furrow_parcel_get_surveyed_area_m2,
 * furrow_parcel_set_surveyed_area_m2, furrow_parcel_get_measured_area_m2,
 * furrow_parcel_get_land_use, furrow_parcel_set_land_use, furrow_parcel_get_land_grade,
 * furrow_parcel_set_land_grade, furrow_parcel_get_neighbour_east,
 * furrow_parcel_set_neighbour_east, furrow_parcel_get_neighbour_west,
 * furrow_parcel_set_neighbour_west, furrow_parcel_get_neighbour_south,
 * furrow_parcel_set_neighbour_south, furrow_parcel_get_neighbour_north,
 * furrow_parcel_set_neighbour_north, furrow_parcel_get_custody, furrow_parcel_set_custody,
 * furrow_parcel_get_entrusted_from, furrow_parcel_set_entrusted_from,
 * furrow_parcel_get_entrusted_to, furrow_parcel_set_entrusted_to, and the store's
 * _furrow_parcel_set_id (furrow-store-private.h). */
#define GETTER(ctype, member) \
  FURROW_PROPERTY_GETTER (FurrowParcel, furrow_parcel, FURROW_IS_PARCEL, ctype, member)
#define ACCESSORS(store, ctype, member, prop) \
  FURROW_PROPERTY_ACCESSORS (FurrowParcel, furrow_parcel, FURROW_IS_PARCEL, store, ctype, member, \
                             properties[prop])

GETTER (gint64, id)
ACCESSORS (furrow_property_set_string, const char *, code, PROP_CODE)
ACCESSORS (furrow_property_set_string, const char *, name, PROP_NAME)
ACCESSORS (furrow_property_set_string, const char *, household_code, PROP_HOUSEHOLD_CODE)
ACCESSORS (furrow_property_set_int64, gint64, field_id, PROP_FIELD_ID)
GETTER (FurrowGeometry *, geometry)
ACCESSORS (furrow_property_set_double, double, registered_area_m2, PROP_REGISTERED_AREA_M2)
ACCESSORS (furrow_property_set_double, double, surveyed_area_m2, PROP_SURVEYED_AREA_M2)
GETTER (double, measured_area_m2)
ACCESSORS (furrow_property_set_string, const char *, land_use, PROP_LAND_USE)
ACCESSORS (furrow_property_set_string, const char *, land_grade, PROP_LAND_GRADE)
ACCESSORS (furrow_property_set_string, const char *, neighbour_east, PROP_NEIGHBOUR_EAST)
ACCESSORS (furrow_property_set_string, const char *, neighbour_west, PROP_NEIGHBOUR_WEST)
ACCESSORS (furrow_property_set_string, const char *, neighbour_south, PROP_NEIGHBOUR_SOUTH)
ACCESSORS (furrow_property_set_string, const char *, neighbour_north, PROP_NEIGHBOUR_NORTH)
ACCESSORS (furrow_property_set_int, FurrowCustody, custody, PROP_CUSTODY)
ACCESSORS (furrow_property_set_string, const char *, entrusted_from, PROP_ENTRUSTED_FROM)
ACCESSORS (furrow_property_set_string, const char *, entrusted_to, PROP_ENTRUSTED_TO)
FURROW_PROPERTY_SETTER (FurrowParcel, _furrow_parcel, FURROW_IS_PARCEL,
                        furrow_property_set_int64, gint64, id, properties[PROP_ID])

void
furrow_parcel_set_geometry (FurrowParcel         *self,
                            const FurrowGeometry *geometry)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_same_geometry (self->geometry, geometry))
    return;
  furrow_parcel_set_measured_geometry (self, geometry,
                                       geometry != NULL ? furrow_geodesy_area_m2 (geometry) : 0.0);
}

void
furrow_parcel_set_measured_geometry (FurrowParcel         *self,
                                     const FurrowGeometry *geometry,
                                     double                area_m2)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));
  g_return_if_fail (geometry != NULL || area_m2 == 0.0);

  if (furrow_same_geometry (self->geometry, geometry))
    return;
  furrow_property_set_boxed (self, properties[PROP_GEOMETRY], geometry);
  furrow_property_set_double (self, properties[PROP_MEASURED_AREA_M2], area_m2);
}
