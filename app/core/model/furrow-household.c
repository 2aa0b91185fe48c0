/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-household.h"

#include "furrow-object-private.h"
#include "furrow-store-private.h"

struct _FurrowHousehold
{
  GObject parent_instance;

  gint64  id;
  char   *code;
  char   *name;
  guint   members;
  char   *phone;
  char   *id_number;
  char   *notes;
};

G_DEFINE_FINAL_TYPE (FurrowHousehold, furrow_household, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_MEMBERS,
  PROP_PHONE,
  PROP_ID_NUMBER,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
furrow_household_finalize (GObject *object)
{
  FurrowHousehold *self = (FurrowHousehold *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->id_number, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (furrow_household_parent_class)->finalize (object);
}

static void
furrow_household_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FurrowHousehold *self = FURROW_HOUSEHOLD (object);

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

    case PROP_MEMBERS:
      g_value_set_uint (value, self->members);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ID_NUMBER:
      g_value_set_string (value, self->id_number);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_household_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FurrowHousehold *self = FURROW_HOUSEHOLD (object);

  switch (prop_id)
    {
    case PROP_CODE:
      furrow_household_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      furrow_household_set_name (self, g_value_get_string (value));
      break;

    case PROP_MEMBERS:
      furrow_household_set_members (self, g_value_get_uint (value));
      break;

    case PROP_PHONE:
      furrow_household_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ID_NUMBER:
      furrow_household_set_id_number (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      furrow_household_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
furrow_household_class_init (FurrowHouseholdClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_household_finalize;
  object_class->get_property = furrow_household_get_property;
  object_class->set_property = furrow_household_set_property;

  /* Row id in the store (0 when not stored). */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                          0, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* CBFBM code, 18 characters. */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Name of the household head. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Number of household members. */
  properties[PROP_MEMBERS] =
    g_param_spec_uint ("members", NULL, NULL,
                        0, G_MAXUINT, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Phone number (personal data). */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ID card number (personal data). */
  properties[PROP_ID_NUMBER] =
    g_param_spec_string ("id-number", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free notes. */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                          NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
furrow_household_init (FurrowHousehold *self)
{
}

FurrowHousehold *
furrow_household_new (void)
{
  return g_object_new (FURROW_TYPE_HOUSEHOLD, NULL);
}

gint64
furrow_household_get_id (FurrowHousehold *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (self), 0);

  return self->id;
}

const char *
furrow_household_get_code (FurrowHousehold *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (self), NULL);

  return self->code;
}

void
furrow_household_set_code (FurrowHousehold *self,
                           const char      *code)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD (self));

  if (furrow_replace_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
furrow_household_get_name (FurrowHousehold *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (self), NULL);

  return self->name;
}

void
furrow_household_set_name (FurrowHousehold *self,
                           const char      *name)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD (self));

  if (furrow_replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

guint
furrow_household_get_members (FurrowHousehold *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (self), 0);

  return self->members;
}

void
furrow_household_set_members (FurrowHousehold *self,
                              guint            members)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD (self));

  if (self->members == members)
    return;
  self->members = members;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
}

const char *
furrow_household_get_phone (FurrowHousehold *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (self), NULL);

  return self->phone;
}

void
furrow_household_set_phone (FurrowHousehold *self,
                            const char      *phone)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD (self));

  if (furrow_replace_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
furrow_household_get_id_number (FurrowHousehold *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (self), NULL);

  return self->id_number;
}

void
furrow_household_set_id_number (FurrowHousehold *self,
                                const char      *id_number)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD (self));

  if (furrow_replace_string (&self->id_number, id_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID_NUMBER]);
}

const char *
furrow_household_get_notes (FurrowHousehold *self)
{
  g_return_val_if_fail (FURROW_IS_HOUSEHOLD (self), NULL);

  return self->notes;
}

void
furrow_household_set_notes (FurrowHousehold *self,
                            const char      *notes)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD (self));

  if (furrow_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

void
_furrow_household_set_id (FurrowHousehold *self,
                          gint64           id)
{
  g_return_if_fail (FURROW_IS_HOUSEHOLD (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}
