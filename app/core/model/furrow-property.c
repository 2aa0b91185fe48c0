/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-property.h"

#include <string.h>

typedef struct
{
  gsize                 offset;
  FurrowPropertyChanged changed;
} Member;

static GQuark
member_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("furrow-property-member");
  return quark;
}

GParamSpec *
furrow_property_member (GParamSpec            *pspec,
                        gsize                  offset,
                        FurrowPropertyChanged  changed)
{
  Member *member;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);

  member = g_new (Member, 1);
  member->offset = offset;
  member->changed = changed;
  g_param_spec_set_qdata_full (pspec, member_quark (), member, g_free);
  return pspec;
}

static const Member *
lookup (GParamSpec *pspec)
{
  const Member *member = g_param_spec_get_qdata (pspec, member_quark ());

  if (member == NULL)
    g_critical ("Property %s::%s is not bound to a member (furrow_property_member())",
                g_type_name (pspec->owner_type), pspec->name);
  return member;
}

#define AT(object, member, type) ((type *) (gpointer) ((guint8 *) (object) + (member)->offset))

void
furrow_property_get_member (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  const Member *member = lookup (pspec);

  if (member == NULL)
    return;

  switch (G_TYPE_FUNDAMENTAL (G_PARAM_SPEC_VALUE_TYPE (pspec)))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *AT (object, member, char *));
      break;
    case G_TYPE_INT:
      g_value_set_int (value, *AT (object, member, int));
      break;
    case G_TYPE_ENUM:
      g_value_set_enum (value, *AT (object, member, int));
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *AT (object, member, guint));
      break;
    case G_TYPE_FLAGS:
      g_value_set_flags (value, *AT (object, member, guint));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *AT (object, member, gint64));
      break;
    case G_TYPE_UINT64:
      g_value_set_uint64 (value, *AT (object, member, guint64));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *AT (object, member, gboolean));
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, *AT (object, member, double));
      break;
    case G_TYPE_FLOAT:
      g_value_set_float (value, *AT (object, member, float));
      break;
    case G_TYPE_OBJECT:
    case G_TYPE_INTERFACE:
      g_value_set_object (value, *AT (object, member, gpointer));
      break;
    case G_TYPE_BOXED:
      g_value_set_boxed (value, *AT (object, member, gpointer));
      break;
    case G_TYPE_POINTER:
      g_value_set_pointer (value, *AT (object, member, gpointer));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Stores `value` in the member; TRUE when the member changed. */
static gboolean
assign (gpointer      object,
        const Member *member,
        GParamSpec   *pspec,
        const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_STRING:
      {
        char **slot = AT (object, member, char *);
        const char *s = g_value_get_string (value);

        if (g_strcmp0 (*slot, s) == 0)
          return FALSE;
        g_free (*slot);
        *slot = g_strdup (s);
        return TRUE;
      }
    case G_TYPE_INT:
    case G_TYPE_ENUM:
      {
        int *slot = AT (object, member, int);
        int v = G_VALUE_HOLDS_ENUM (value) ? g_value_get_enum (value) : g_value_get_int (value);

        if (*slot == v)
          return FALSE;
        *slot = v;
        return TRUE;
      }
    case G_TYPE_UINT:
    case G_TYPE_FLAGS:
      {
        guint *slot = AT (object, member, guint);
        guint v = G_VALUE_HOLDS_FLAGS (value) ? g_value_get_flags (value) : g_value_get_uint (value);

        if (*slot == v)
          return FALSE;
        *slot = v;
        return TRUE;
      }
    case G_TYPE_INT64:
      {
        gint64 *slot = AT (object, member, gint64);

        if (*slot == g_value_get_int64 (value))
          return FALSE;
        *slot = g_value_get_int64 (value);
        return TRUE;
      }
    case G_TYPE_UINT64:
      {
        guint64 *slot = AT (object, member, guint64);

        if (*slot == g_value_get_uint64 (value))
          return FALSE;
        *slot = g_value_get_uint64 (value);
        return TRUE;
      }
    case G_TYPE_BOOLEAN:
      {
        gboolean *slot = AT (object, member, gboolean);
        gboolean v = g_value_get_boolean (value) != FALSE;

        if (*slot == v)
          return FALSE;
        *slot = v;
        return TRUE;
      }
    case G_TYPE_DOUBLE:
      {
        double *slot = AT (object, member, double);

        /* Exact comparison on purpose: a setter stores what it is given. */
        if (memcmp (slot, &(double) { g_value_get_double (value) }, sizeof (double)) == 0)
          return FALSE;
        *slot = g_value_get_double (value);
        return TRUE;
      }
    case G_TYPE_FLOAT:
      {
        float *slot = AT (object, member, float);

        if (memcmp (slot, &(float) { g_value_get_float (value) }, sizeof (float)) == 0)
          return FALSE;
        *slot = g_value_get_float (value);
        return TRUE;
      }
    case G_TYPE_OBJECT:
    case G_TYPE_INTERFACE:
      return g_set_object (AT (object, member, GObject *), g_value_get_object (value));
    case G_TYPE_BOXED:
      {
        gpointer *slot = AT (object, member, gpointer);
        gpointer v = g_value_get_boxed (value);

        if (*slot == v)
          return FALSE;
        if (*slot != NULL)
          g_boxed_free (type, *slot);
        *slot = v != NULL ? g_boxed_copy (type, v) : NULL;
        return TRUE;
      }
    case G_TYPE_POINTER:
      {
        gpointer *slot = AT (object, member, gpointer);

        if (*slot == g_value_get_pointer (value))
          return FALSE;
        *slot = g_value_get_pointer (value);
        return TRUE;
      }
    default:
      g_critical ("Property %s::%s has a type furrow_property_member() does not store (%s)",
                  g_type_name (pspec->owner_type), pspec->name, g_type_name (type));
      return FALSE;
    }
}

gboolean
furrow_property_set_value (gpointer      object,
                           GParamSpec   *pspec,
                           const GValue *value)
{
  const Member *member;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);

  member = lookup (pspec);
  if (member == NULL || !assign (object, member, pspec, value))
    return FALSE;
  if (member->changed != NULL)
    member->changed (object, pspec);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

void
furrow_property_set_member (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  furrow_property_set_value (object, pspec, value);
}

static void
set_int_or_enum (GValue *value,
                 int     v)
{
  if (G_VALUE_HOLDS_ENUM (value))
    g_value_set_enum (value, v);
  else
    g_value_set_int (value, v);
}

static void
set_uint_or_flags (GValue *value,
                   guint   v)
{
  if (G_VALUE_HOLDS_FLAGS (value))
    g_value_set_flags (value, v);
  else
    g_value_set_uint (value, v);
}

/* One typed entry point per C type: wraps the value and stores it as set_member would. */
#define TYPED_SETTER(name, ctype, gtype, setter)                 \
  gboolean                                                       \
  furrow_property_set_##name (gpointer    object,                \
                              GParamSpec *pspec,                 \
                              ctype       v)                     \
  {                                                              \
    g_auto (GValue) value = G_VALUE_INIT;                        \
                                                                 \
    g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);       \
    g_value_init (&value, gtype);                                \
    setter (&value, v);                                          \
    return furrow_property_set_value (object, pspec, &value);    \
  }

TYPED_SETTER (string, const char *, G_TYPE_STRING, g_value_set_string)
TYPED_SETTER (int, int, G_PARAM_SPEC_VALUE_TYPE (pspec), set_int_or_enum)
TYPED_SETTER (uint, guint, G_PARAM_SPEC_VALUE_TYPE (pspec), set_uint_or_flags)
TYPED_SETTER (int64, gint64, G_TYPE_INT64, g_value_set_int64)
TYPED_SETTER (boolean, gboolean, G_TYPE_BOOLEAN, g_value_set_boolean)
TYPED_SETTER (double, double, G_TYPE_DOUBLE, g_value_set_double)
TYPED_SETTER (object, gpointer, G_PARAM_SPEC_VALUE_TYPE (pspec), g_value_set_object)
/* Not copied into the GValue, so that the member is compared with the caller's pointer. */
TYPED_SETTER (boxed, gconstpointer, G_PARAM_SPEC_VALUE_TYPE (pspec), g_value_set_static_boxed)
