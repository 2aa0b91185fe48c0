/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field.h"

#include "furrow-geodesy.h"
#include "furrow-object-private.h"
#include "furrow-property.h"
#include "furrow-store-private.h"

struct _FurrowField
{
  GObject parent_instance;

  gint64          id;
  char           *code;
  char           *name;
  char           *notes;
  FurrowCustody   custody;
  FurrowGeometry *geometry;
  double          measured_area_m2;
  double          registered_area_m2;
  double          planted_area_m2;
};

G_DEFINE_FINAL_TYPE (FurrowField, furrow_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_NOTES,
  PROP_CUSTODY,
  PROP_GEOMETRY,
  PROP_MEASURED_AREA_M2,
  PROP_REGISTERED_AREA_M2,
  PROP_PLANTED_AREA_M2,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
furrow_field_finalize (GObject *object)
{
  furrow_property_clear_members (object);

  G_OBJECT_CLASS (furrow_field_parent_class)->finalize (object);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define AT(member) G_STRUCT_OFFSET (FurrowField, member)

/* Every property is its member (furrow-property.h); the geometry's setter also measures it. */
static void
furrow_field_class_init (FurrowFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_field_finalize;

  /* Row id in the store (0 when not stored). */
  properties[PROP_ID] = furrow_property_member (
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RO), AT (id), NULL);
  /* Short unique code of the field. */
  properties[PROP_CODE] = furrow_property_member (
    g_param_spec_string ("code", NULL, NULL, NULL, RW), AT (code), NULL);
  /* Name of the field. */
  properties[PROP_NAME] = furrow_property_member (
    g_param_spec_string ("name", NULL, NULL, NULL, RW), AT (name), NULL);
  /* Free notes. */
  properties[PROP_NOTES] = furrow_property_member (
    g_param_spec_string ("notes", NULL, NULL, NULL, RW), AT (notes), NULL);
  /* Full or half custody. */
  properties[PROP_CUSTODY] = furrow_property_member (
    g_param_spec_enum ("custody", NULL, NULL, FURROW_TYPE_CUSTODY, FURROW_CUSTODY_FULL, RW),
    AT (custody), NULL);
  /* Boundary, WGS84 lon/lat multi-polygon. */
  properties[PROP_GEOMETRY] = furrow_property_member_set_by (
    g_param_spec_boxed ("geometry", NULL, NULL, FURROW_TYPE_GEOMETRY, RW), AT (geometry),
    G_CALLBACK (furrow_field_set_geometry));
  /* Ellipsoidal area of the geometry, m². */
  properties[PROP_MEASURED_AREA_M2] = furrow_property_member (
    g_param_spec_double ("measured-area-m2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, RO),
    AT (measured_area_m2), NULL);
  /* Sum of the registered areas of its parcels, m². */
  properties[PROP_REGISTERED_AREA_M2] = furrow_property_member (
    g_param_spec_double ("registered-area-m2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, RO),
    AT (registered_area_m2), NULL);
  /* Area sown by the plan, m² (0 until planned). */
  properties[PROP_PLANTED_AREA_M2] = furrow_property_member (
    g_param_spec_double ("planted-area-m2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, RW),
    AT (planted_area_m2), NULL);

  furrow_property_install (object_class, N_PROPS, properties);
}

static void
furrow_field_init (FurrowField *self)
{
  self->custody = FURROW_CUSTODY_FULL;
}

FurrowField *
furrow_field_new (void)
{
  return g_object_new (FURROW_TYPE_FIELD, NULL);
}

/* The plain accessors (furrow-property.h): furrow_field_get_id, furrow_field_get_code,
 * furrow_field_set_code, furrow_field_get_name, furrow_field_set_name, furrow_field_get_notes,
 * furrow_field_set_notes, furrow_field_get_custody, furrow_field_set_custody,
 * furrow_field_get_geometry, furrow_field_get_measured_area_m2,
 * furrow_field_get_registered_area_m2, furrow_field_get_planted_area_m2, and the store's
 * _furrow_field_set_id and _furrow_field_set_registered_area_m2 (furrow-store-private.h). */
#define GETTER(ctype, member) \
  FURROW_PROPERTY_GETTER (FurrowField, furrow_field, FURROW_IS_FIELD, ctype, member)
#define ACCESSORS(store, ctype, member, prop) \
  FURROW_PROPERTY_ACCESSORS (FurrowField, furrow_field, FURROW_IS_FIELD, store, ctype, member, \
                             properties[prop])
#define STORE_SETTER(store, ctype, member, prop) \
  FURROW_PROPERTY_SETTER (FurrowField, _furrow_field, FURROW_IS_FIELD, store, ctype, member, \
                          properties[prop])

GETTER (gint64, id)
ACCESSORS (furrow_property_set_string, const char *, code, PROP_CODE)
ACCESSORS (furrow_property_set_string, const char *, name, PROP_NAME)
ACCESSORS (furrow_property_set_string, const char *, notes, PROP_NOTES)
ACCESSORS (furrow_property_set_int, FurrowCustody, custody, PROP_CUSTODY)
GETTER (FurrowGeometry *, geometry)
GETTER (double, measured_area_m2)
GETTER (double, registered_area_m2)
GETTER (double, planted_area_m2)
STORE_SETTER (furrow_property_set_int64, gint64, id, PROP_ID)
STORE_SETTER (furrow_property_set_double, double, registered_area_m2, PROP_REGISTERED_AREA_M2)

void
furrow_field_set_geometry (FurrowField          *self,
                           const FurrowGeometry *geometry)
{
  g_return_if_fail (FURROW_IS_FIELD (self));

  if (furrow_same_geometry (self->geometry, geometry))
    return;
  furrow_property_set_boxed (self, properties[PROP_GEOMETRY], geometry);
  furrow_property_set_double (self, properties[PROP_MEASURED_AREA_M2],
                              geometry != NULL ? furrow_geodesy_area_m2 (geometry) : 0.0);
}
