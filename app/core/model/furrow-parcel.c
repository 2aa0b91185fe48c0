/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-parcel.h"

#include "furrow-geodesy.h"
#include "furrow-object-private.h"
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
  FurrowParcel *self = (FurrowParcel *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->household_code, g_free);
  g_clear_pointer (&self->geometry, furrow_geometry_unref);
  g_clear_pointer (&self->land_use, g_free);
  g_clear_pointer (&self->land_grade, g_free);
  g_clear_pointer (&self->neighbour_east, g_free);
  g_clear_pointer (&self->neighbour_west, g_free);
  g_clear_pointer (&self->neighbour_south, g_free);
  g_clear_pointer (&self->neighbour_north, g_free);
  g_clear_pointer (&self->entrusted_from, g_free);
  g_clear_pointer (&self->entrusted_to, g_free);

  G_OBJECT_CLASS (furrow_parcel_parent_class)->finalize (object);
}

static void
furrow_parcel_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FurrowParcel *self = FURROW_PARCEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_HOUSEHOLD_CODE:
      g_value_set_string (value, self->household_code);
      break;

    case PROP_FIELD_ID:
      g_value_set_int64 (value, self->field_id);
      break;

    case PROP_GEOMETRY:
      g_value_set_boxed (value, self->geometry);
      break;

    case PROP_REGISTERED_AREA_M2:
      g_value_set_double (value, self->registered_area_m2);
      break;

    case PROP_SURVEYED_AREA_M2:
      g_value_set_double (value, self->surveyed_area_m2);
      break;

    case PROP_MEASURED_AREA_M2:
      g_value_set_double (value, self->measured_area_m2);
      break;

    case PROP_PLANTED_AREA_M2:
      g_value_set_double (value, self->planted_area_m2);
      break;

    case PROP_LAND_USE:
      g_value_set_string (value, self->land_use);
      break;

    case PROP_LAND_GRADE:
      g_value_set_string (value, self->land_grade);
      break;

    case PROP_NEIGHBOUR_EAST:
      g_value_set_string (value, self->neighbour_east);
      break;

    case PROP_NEIGHBOUR_WEST:
      g_value_set_string (value, self->neighbour_west);
      break;

    case PROP_NEIGHBOUR_SOUTH:
      g_value_set_string (value, self->neighbour_south);
      break;

    case PROP_NEIGHBOUR_NORTH:
      g_value_set_string (value, self->neighbour_north);
      break;

    case PROP_CUSTODY:
      g_value_set_enum (value, self->custody);
      break;

    case PROP_ENTRUSTED_FROM:
      g_value_set_string (value, self->entrusted_from);
      break;

    case PROP_ENTRUSTED_TO:
      g_value_set_string (value, self->entrusted_to);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_parcel_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FurrowParcel *self = FURROW_PARCEL (object);

  switch (prop_id)
    {
    case PROP_CODE:
      furrow_parcel_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      furrow_parcel_set_name (self, g_value_get_string (value));
      break;

    case PROP_HOUSEHOLD_CODE:
      furrow_parcel_set_household_code (self, g_value_get_string (value));
      break;

    case PROP_FIELD_ID:
      furrow_parcel_set_field_id (self, g_value_get_int64 (value));
      break;

    case PROP_GEOMETRY:
      furrow_parcel_set_geometry (self, g_value_get_boxed (value));
      break;

    case PROP_REGISTERED_AREA_M2:
      furrow_parcel_set_registered_area_m2 (self, g_value_get_double (value));
      break;

    case PROP_SURVEYED_AREA_M2:
      furrow_parcel_set_surveyed_area_m2 (self, g_value_get_double (value));
      break;

    case PROP_PLANTED_AREA_M2:
      furrow_parcel_set_planted_area_m2 (self, g_value_get_double (value));
      break;

    case PROP_LAND_USE:
      furrow_parcel_set_land_use (self, g_value_get_string (value));
      break;

    case PROP_LAND_GRADE:
      furrow_parcel_set_land_grade (self, g_value_get_string (value));
      break;

    case PROP_NEIGHBOUR_EAST:
      furrow_parcel_set_neighbour_east (self, g_value_get_string (value));
      break;

    case PROP_NEIGHBOUR_WEST:
      furrow_parcel_set_neighbour_west (self, g_value_get_string (value));
      break;

    case PROP_NEIGHBOUR_SOUTH:
      furrow_parcel_set_neighbour_south (self, g_value_get_string (value));
      break;

    case PROP_NEIGHBOUR_NORTH:
      furrow_parcel_set_neighbour_north (self, g_value_get_string (value));
      break;

    case PROP_CUSTODY:
      furrow_parcel_set_custody (self, g_value_get_enum (value));
      break;

    case PROP_ENTRUSTED_FROM:
      furrow_parcel_set_entrusted_from (self, g_value_get_string (value));
      break;

    case PROP_ENTRUSTED_TO:
      furrow_parcel_set_entrusted_to (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_parcel_class_init (FurrowParcelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_parcel_finalize;
  object_class->get_property = furrow_parcel_get_property;
  object_class->set_property = furrow_parcel_set_property;

  /* Row id in the store (0 when not stored). */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                          0, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* DKBM code, 19 characters. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Parcel name (DKMC). */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* CBFBM code of the household. */
  properties[PROP_HOUSEHOLD_CODE] =
    g_param_spec_string ("household-code", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Row id of the custody field it lies in (0: none). */
  properties[PROP_FIELD_ID] =
    g_param_spec_int64 ("field-id", NULL, NULL,
                          0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Boundary, WGS84 lon/lat multi-polygon, or NULL. */
  properties[PROP_GEOMETRY] =
    g_param_spec_boxed ("geometry", NULL, NULL,
                         FURROW_TYPE_GEOMETRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Registered (contract) area, m². */
  properties[PROP_REGISTERED_AREA_M2] =
    g_param_spec_double ("registered-area-m2", NULL, NULL,
                          0.0, G_MAXDOUBLE, 0.0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Surveyed area as delivered (SCMJ), m². */
  properties[PROP_SURVEYED_AREA_M2] =
    g_param_spec_double ("surveyed-area-m2", NULL, NULL,
                          0.0, G_MAXDOUBLE, 0.0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Ellipsoidal area of the geometry, m². */
  properties[PROP_MEASURED_AREA_M2] =
    g_param_spec_double ("measured-area-m2", NULL, NULL,
                          0.0, G_MAXDOUBLE, 0.0,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Area sown by the plan, m² (0 until planned). */
  properties[PROP_PLANTED_AREA_M2] =
    g_param_spec_double ("planted-area-m2", NULL, NULL,
                          0.0, G_MAXDOUBLE, 0.0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Land use code (TDLYLX, e.g. 013 dry land). */
  properties[PROP_LAND_USE] =
    g_param_spec_string ("land-use", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Land grade (DLDJ, 01–10). */
  properties[PROP_LAND_GRADE] =
    g_param_spec_string ("land-grade", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* East neighbour (DKDZ). */
  properties[PROP_NEIGHBOUR_EAST] =
    g_param_spec_string ("neighbour-east", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* West neighbour (DKXZ). */
  properties[PROP_NEIGHBOUR_WEST] =
    g_param_spec_string ("neighbour-west", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* South neighbour (DKNZ). */
  properties[PROP_NEIGHBOUR_SOUTH] =
    g_param_spec_string ("neighbour-south", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* North neighbour (DKBZ). */
  properties[PROP_NEIGHBOUR_NORTH] =
    g_param_spec_string ("neighbour-north", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Full or half custody. */
  properties[PROP_CUSTODY] =
    g_param_spec_enum ("custody", NULL, NULL,
                        FURROW_TYPE_CUSTODY, FURROW_CUSTODY_FULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Start of the custody contract, YYYY-MM-DD. */
  properties[PROP_ENTRUSTED_FROM] =
    g_param_spec_string ("entrusted-from", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* End of the custody contract, YYYY-MM-DD. */
  properties[PROP_ENTRUSTED_TO] =
    g_param_spec_string ("entrusted-to", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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

gint64
furrow_parcel_get_id (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), 0);

  return self->id;
}

const char *
furrow_parcel_get_code (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->code;
}

void
furrow_parcel_set_code (FurrowParcel *self,
                        const char   *code)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
furrow_parcel_get_name (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->name;
}

void
furrow_parcel_set_name (FurrowParcel *self,
                        const char   *name)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
furrow_parcel_get_household_code (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->household_code;
}

void
furrow_parcel_set_household_code (FurrowParcel *self,
                                  const char   *household_code)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->household_code, household_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOUSEHOLD_CODE]);
}

gint64
furrow_parcel_get_field_id (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), 0);

  return self->field_id;
}

void
furrow_parcel_set_field_id (FurrowParcel *self,
                            gint64        field_id)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (self->field_id == field_id)
    return;
  self->field_id = field_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_ID]);
}

FurrowGeometry *
furrow_parcel_get_geometry (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->geometry;
}

static gboolean
has_geometry (FurrowParcel         *self,
              const FurrowGeometry *geometry)
{
  return self->geometry == geometry ||
         (self->geometry != NULL && geometry != NULL &&
          furrow_geometry_equal (self->geometry, geometry));
}

void
furrow_parcel_set_geometry (FurrowParcel         *self,
                            const FurrowGeometry *geometry)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (has_geometry (self, geometry))
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

  if (has_geometry (self, geometry))
    return;

  g_clear_pointer (&self->geometry, furrow_geometry_unref);
  if (geometry != NULL)
    self->geometry = furrow_geometry_ref ((FurrowGeometry *) geometry);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GEOMETRY]);

  if (area_m2 != self->measured_area_m2)
    {
      self->measured_area_m2 = area_m2;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURED_AREA_M2]);
    }
}

double
furrow_parcel_get_registered_area_m2 (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), 0.0);

  return self->registered_area_m2;
}

void
furrow_parcel_set_registered_area_m2 (FurrowParcel *self,
                                      double        registered_area_m2)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (self->registered_area_m2 == registered_area_m2)
    return;
  self->registered_area_m2 = registered_area_m2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTERED_AREA_M2]);
}

double
furrow_parcel_get_surveyed_area_m2 (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), 0.0);

  return self->surveyed_area_m2;
}

void
furrow_parcel_set_surveyed_area_m2 (FurrowParcel *self,
                                    double        surveyed_area_m2)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (self->surveyed_area_m2 == surveyed_area_m2)
    return;
  self->surveyed_area_m2 = surveyed_area_m2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVEYED_AREA_M2]);
}

double
furrow_parcel_get_measured_area_m2 (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), 0.0);

  return self->measured_area_m2;
}

double
furrow_parcel_get_planted_area_m2 (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), 0.0);

  return self->planted_area_m2;
}

void
furrow_parcel_set_planted_area_m2 (FurrowParcel *self,
                                   double        planted_area_m2)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (self->planted_area_m2 == planted_area_m2)
    return;
  self->planted_area_m2 = planted_area_m2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANTED_AREA_M2]);
}

const char *
furrow_parcel_get_land_use (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->land_use;
}

void
furrow_parcel_set_land_use (FurrowParcel *self,
                            const char   *land_use)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->land_use, land_use))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAND_USE]);
}

const char *
furrow_parcel_get_land_grade (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->land_grade;
}

void
furrow_parcel_set_land_grade (FurrowParcel *self,
                              const char   *land_grade)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->land_grade, land_grade))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAND_GRADE]);
}

const char *
furrow_parcel_get_neighbour_east (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->neighbour_east;
}

void
furrow_parcel_set_neighbour_east (FurrowParcel *self,
                                  const char   *neighbour_east)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->neighbour_east, neighbour_east))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEIGHBOUR_EAST]);
}

const char *
furrow_parcel_get_neighbour_west (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->neighbour_west;
}

void
furrow_parcel_set_neighbour_west (FurrowParcel *self,
                                  const char   *neighbour_west)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->neighbour_west, neighbour_west))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEIGHBOUR_WEST]);
}

const char *
furrow_parcel_get_neighbour_south (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->neighbour_south;
}

void
furrow_parcel_set_neighbour_south (FurrowParcel *self,
                                   const char   *neighbour_south)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->neighbour_south, neighbour_south))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEIGHBOUR_SOUTH]);
}

const char *
furrow_parcel_get_neighbour_north (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->neighbour_north;
}

void
furrow_parcel_set_neighbour_north (FurrowParcel *self,
                                   const char   *neighbour_north)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->neighbour_north, neighbour_north))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEIGHBOUR_NORTH]);
}

FurrowCustody
furrow_parcel_get_custody (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), FURROW_CUSTODY_FULL);

  return self->custody;
}

void
furrow_parcel_set_custody (FurrowParcel  *self,
                           FurrowCustody  custody)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (self->custody == custody)
    return;
  self->custody = custody;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTODY]);
}

const char *
furrow_parcel_get_entrusted_from (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->entrusted_from;
}

void
furrow_parcel_set_entrusted_from (FurrowParcel *self,
                                  const char   *entrusted_from)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->entrusted_from, entrusted_from))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRUSTED_FROM]);
}

const char *
furrow_parcel_get_entrusted_to (FurrowParcel *self)
{
  g_return_val_if_fail (FURROW_IS_PARCEL (self), NULL);

  return self->entrusted_to;
}

void
furrow_parcel_set_entrusted_to (FurrowParcel *self,
                                const char   *entrusted_to)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (furrow_replace_string (&self->entrusted_to, entrusted_to))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRUSTED_TO]);
}

void
_furrow_parcel_set_id (FurrowParcel *self,
                       gint64        id)
{
  g_return_if_fail (FURROW_IS_PARCEL (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}
