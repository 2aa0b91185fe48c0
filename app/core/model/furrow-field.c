/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-field.h"

#include "furrow-geodesy.h"
#include "furrow-object-private.h"
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
  FurrowField *self = (FurrowField *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->geometry, furrow_geometry_unref);

  G_OBJECT_CLASS (furrow_field_parent_class)->finalize (object);
}

static void
furrow_field_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FurrowField *self = FURROW_FIELD (object);

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

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CUSTODY:
      g_value_set_enum (value, self->custody);
      break;

    case PROP_GEOMETRY:
      g_value_set_boxed (value, self->geometry);
      break;

    case PROP_MEASURED_AREA_M2:
      g_value_set_double (value, self->measured_area_m2);
      break;

    case PROP_REGISTERED_AREA_M2:
      g_value_set_double (value, self->registered_area_m2);
      break;

    case PROP_PLANTED_AREA_M2:
      g_value_set_double (value, self->planted_area_m2);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_field_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FurrowField *self = FURROW_FIELD (object);

  switch (prop_id)
    {
    case PROP_CODE:
      furrow_field_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      furrow_field_set_name (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      furrow_field_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CUSTODY:
      furrow_field_set_custody (self, g_value_get_enum (value));
      break;

    case PROP_GEOMETRY:
      furrow_field_set_geometry (self, g_value_get_boxed (value));
      break;

    case PROP_PLANTED_AREA_M2:
      furrow_field_set_planted_area_m2 (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_field_class_init (FurrowFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_field_finalize;
  object_class->get_property = furrow_field_get_property;
  object_class->set_property = furrow_field_set_property;

  /* Row id in the store (0 when not stored). */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                          0, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Short unique code of the field. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Name of the field. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free notes. */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Full or half custody. */
  properties[PROP_CUSTODY] =
    g_param_spec_enum ("custody", NULL, NULL,
                        FURROW_TYPE_CUSTODY, FURROW_CUSTODY_FULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Boundary, WGS84 lon/lat multi-polygon. */
  properties[PROP_GEOMETRY] =
    g_param_spec_boxed ("geometry", NULL, NULL,
                         FURROW_TYPE_GEOMETRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Ellipsoidal area of the geometry, m². */
  properties[PROP_MEASURED_AREA_M2] =
    g_param_spec_double ("measured-area-m2", NULL, NULL,
                          0.0, G_MAXDOUBLE, 0.0,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Sum of the registered areas of its parcels, m². */
  properties[PROP_REGISTERED_AREA_M2] =
    g_param_spec_double ("registered-area-m2", NULL, NULL,
                          0.0, G_MAXDOUBLE, 0.0,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Area sown by the plan, m² (0 until planned). */
  properties[PROP_PLANTED_AREA_M2] =
    g_param_spec_double ("planted-area-m2", NULL, NULL,
                          0.0, G_MAXDOUBLE, 0.0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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

gint64
furrow_field_get_id (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), 0);

  return self->id;
}

const char *
furrow_field_get_code (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), NULL);

  return self->code;
}

void
furrow_field_set_code (FurrowField *self,
                       const char  *code)
{
  g_return_if_fail (FURROW_IS_FIELD (self));

  if (furrow_replace_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
furrow_field_get_name (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), NULL);

  return self->name;
}

void
furrow_field_set_name (FurrowField *self,
                       const char  *name)
{
  g_return_if_fail (FURROW_IS_FIELD (self));

  if (furrow_replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
furrow_field_get_notes (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), NULL);

  return self->notes;
}

void
furrow_field_set_notes (FurrowField *self,
                        const char  *notes)
{
  g_return_if_fail (FURROW_IS_FIELD (self));

  if (furrow_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

FurrowCustody
furrow_field_get_custody (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), FURROW_CUSTODY_FULL);

  return self->custody;
}

void
furrow_field_set_custody (FurrowField   *self,
                          FurrowCustody  custody)
{
  g_return_if_fail (FURROW_IS_FIELD (self));

  if (self->custody == custody)
    return;
  self->custody = custody;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTODY]);
}

FurrowGeometry *
furrow_field_get_geometry (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), NULL);

  return self->geometry;
}

void
furrow_field_set_geometry (FurrowField          *self,
                           const FurrowGeometry *geometry)
{
  double area_m2;

  g_return_if_fail (FURROW_IS_FIELD (self));

  if (self->geometry == geometry)
    return;
  if (self->geometry != NULL && geometry != NULL &&
      furrow_geometry_equal (self->geometry, geometry))
    return;

  g_clear_pointer (&self->geometry, furrow_geometry_unref);
  if (geometry != NULL)
    self->geometry = furrow_geometry_ref ((FurrowGeometry *) geometry);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GEOMETRY]);

  area_m2 = geometry != NULL ? furrow_geodesy_area_m2 (geometry) : 0.0;
  if (area_m2 != self->measured_area_m2)
    {
      self->measured_area_m2 = area_m2;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURED_AREA_M2]);
    }
}

double
furrow_field_get_measured_area_m2 (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), 0.0);

  return self->measured_area_m2;
}

double
furrow_field_get_registered_area_m2 (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), 0.0);

  return self->registered_area_m2;
}

double
furrow_field_get_planted_area_m2 (FurrowField *self)
{
  g_return_val_if_fail (FURROW_IS_FIELD (self), 0.0);

  return self->planted_area_m2;
}

void
furrow_field_set_planted_area_m2 (FurrowField *self,
                                  double       planted_area_m2)
{
  g_return_if_fail (FURROW_IS_FIELD (self));

  if (self->planted_area_m2 == planted_area_m2)
    return;
  self->planted_area_m2 = planted_area_m2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANTED_AREA_M2]);
}

void
_furrow_field_set_id (FurrowField *self,
                      gint64       id)
{
  g_return_if_fail (FURROW_IS_FIELD (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_furrow_field_set_registered_area_m2 (FurrowField *self,
                                      double       area_m2)
{
  g_return_if_fail (FURROW_IS_FIELD (self));

  if (self->registered_area_m2 == area_m2)
    return;
  self->registered_area_m2 = area_m2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTERED_AREA_M2]);
}
