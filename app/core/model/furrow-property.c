/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-property.h"

#include <string.h>

typedef struct
{
  gsize                 offset;
  FurrowPropertyChanged changed;
  GCallback             setter;  /* furrow_property_member_set_by(), or NULL */
} Member;

static GQuark
member_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("furrow-property-member");
  return quark;
}

static GParamSpec *
bind_member (GParamSpec            *pspec,
             gsize                  offset,
             FurrowPropertyChanged  changed,
             GCallback              setter)
{
  Member *member;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);

  member = g_new (Member, 1);
  member->offset = offset;
  member->changed = changed;
  member->setter = setter;
  g_param_spec_set_qdata_full (pspec, member_quark (), member, g_free);
  return pspec;
}

GParamSpec *
furrow_property_member (GParamSpec            *pspec,
                        gsize                  offset,
                        FurrowPropertyChanged  changed)
{
  return bind_member (pspec, offset, changed, NULL);
}

GParamSpec *
furrow_property_member_set_by (GParamSpec *pspec,
                               gsize       offset,
                               GCallback   setter)
{
  g_return_val_if_fail (G_IS_PARAM_SPEC_STRING (pspec) || G_IS_PARAM_SPEC_BOXED (pspec) ||
                        G_IS_PARAM_SPEC_OBJECT (pspec) || G_IS_PARAM_SPEC_DOUBLE (pspec), NULL);
  g_return_val_if_fail (setter != NULL, NULL);

  return bind_member (pspec, offset, NULL, setter);
}

/* The member of `pspec`. GParamSpec qdata takes a lock on every read, and the store sets every
 * property of every record it loads: the answer is kept in a small per-thread table indexed by
 * the pspec's address (pspecs bound to members belong to classes and are never freed, so an
 * address names one pspec for the life of the process). */
#define CACHE_SIZE 256

typedef struct
{
  GParamSpec   *pspec;
  const Member *member;
} CacheEntry;

static const Member *
lookup (GParamSpec *pspec)
{
  static __thread CacheEntry cache[CACHE_SIZE];
  CacheEntry *entry = &cache[((guintptr) pspec >> 4) % CACHE_SIZE];
  const Member *member;

  if (G_LIKELY (entry->pspec == pspec))
    return entry->member;

  member = g_param_spec_get_qdata (pspec, member_quark ());
  if (member == NULL)
    {
      g_critical ("Property %s::%s is not bound to a member (furrow_property_member())",
                  g_type_name (pspec->owner_type), pspec->name);
      return NULL;
    }
  entry->pspec = pspec;
  entry->member = member;
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
  const Member *member = lookup (pspec);
  void (*setter) (GObject *, gconstpointer);

  if (member == NULL || member->setter == NULL)
    {
      furrow_property_set_value (object, pspec, value);
      return;
    }
  /* A string, a boxed value, an object or a double (furrow_property_member_set_by()). */
  if (G_VALUE_HOLDS_DOUBLE (value))
    {
      ((void (*) (GObject *, double)) member->setter) (object, g_value_get_double (value));
      return;
    }
  setter = (void (*) (GObject *, gconstpointer)) member->setter;
  if (G_VALUE_HOLDS_STRING (value))
    setter (object, g_value_get_string (value));
  else if (G_VALUE_HOLDS_OBJECT (value))
    setter (object, g_value_get_object (value));
  else
    setter (object, g_value_get_boxed (value));
}

/* What a class installed with furrow_property_install() owns: a member and its value type. */
typedef struct
{
  gsize offset;
  GType type;
} Owned;

static GQuark
owned_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("furrow-property-owned");
  return quark;
}

void
furrow_property_install (GObjectClass  *klass,
                         guint          n_properties,
                         GParamSpec   **properties)
{
  /* Kept for the life of the class, as its properties are. */
  GArray *owned = g_array_new (FALSE, FALSE, sizeof (Owned));

  g_return_if_fail (G_IS_OBJECT_CLASS (klass));

  klass->get_property = furrow_property_get_member;
  klass->set_property = furrow_property_set_member;
  g_object_class_install_properties (klass, n_properties, properties);
  for (guint i = 1; i < n_properties; i++)
    {
      const Member *member = g_param_spec_get_qdata (properties[i], member_quark ());
      GType type = G_PARAM_SPEC_VALUE_TYPE (properties[i]);

      switch (G_TYPE_FUNDAMENTAL (type))
        {
        case G_TYPE_STRING:
        case G_TYPE_BOXED:
        case G_TYPE_OBJECT:
        case G_TYPE_INTERFACE:
          if (member != NULL)
            g_array_append_val (owned, ((Owned) { member->offset, type }));
          break;
        default:
          break;
        }
    }
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), owned_quark (), owned);
}

void
furrow_property_clear_members (GObject *object)
{
  GArray *owned;

  g_return_if_fail (G_IS_OBJECT (object));

  owned = g_type_get_qdata (G_OBJECT_TYPE (object), owned_quark ());
  g_return_if_fail (owned != NULL);
  for (guint i = 0; i < owned->len; i++)
    {
      const Owned *o = &g_array_index (owned, Owned, i);
      gpointer *slot = (gpointer *) (gpointer) ((guint8 *) object + o->offset);

      if (*slot == NULL)
        continue;
      switch (G_TYPE_FUNDAMENTAL (o->type))
        {
        case G_TYPE_STRING:
          g_free (*slot);
          break;
        case G_TYPE_BOXED:
          g_boxed_free (o->type, *slot);
          break;
        default:
          g_object_unref (*slot);
          break;
        }
      *slot = NULL;
    }
}

/* The typed setters write the member directly (no GValue: the store sets every property of
 * 50,000 parcels through them when it loads a project). */

/* The member bound to `pspec` when it holds the C type of `want` (int also for enums, guint also
 * for flags, a GObject pointer also for interfaces), else NULL with a critical. */
static gpointer
typed_slot (gpointer       object,
            GParamSpec    *pspec,
            GType          want,
            const Member **out)
{
  const Member *member;
  GType fundamental;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);

  member = lookup (pspec);
  if (member == NULL)
    return NULL;
  fundamental = G_TYPE_FUNDAMENTAL (G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (fundamental == G_TYPE_ENUM)
    fundamental = G_TYPE_INT;
  else if (fundamental == G_TYPE_FLAGS)
    fundamental = G_TYPE_UINT;
  else if (fundamental == G_TYPE_INTERFACE)
    fundamental = G_TYPE_OBJECT;
  if (fundamental != want)
    {
      g_critical ("Property %s::%s holds %s, not %s", g_type_name (pspec->owner_type),
                  pspec->name, g_type_name (G_PARAM_SPEC_VALUE_TYPE (pspec)), g_type_name (want));
      return NULL;
    }
  *out = member;
  return (guint8 *) object + member->offset;
}

/* After a member changed: the hook, then the notification. */
static gboolean
changed (gpointer      object,
         const Member *member,
         GParamSpec   *pspec)
{
  if (member->changed != NULL)
    member->changed (object, pspec);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

gboolean
furrow_property_set_string (gpointer    object,
                            GParamSpec *pspec,
                            const char *v)
{
  const Member *member = NULL;
  char **slot = typed_slot (object, pspec, G_TYPE_STRING, &member);

  if (slot == NULL || g_strcmp0 (*slot, v) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (v);
  return changed (object, member, pspec);
}

gboolean
furrow_property_set_object (gpointer    object,
                            GParamSpec *pspec,
                            gpointer    v)
{
  const Member *member = NULL;
  GObject **slot = typed_slot (object, pspec, G_TYPE_OBJECT, &member);

  if (slot == NULL || !g_set_object (slot, v))
    return FALSE;
  return changed (object, member, pspec);
}

gboolean
furrow_property_set_boolean (gpointer    object,
                             GParamSpec *pspec,
                             gboolean    v)
{
  const Member *member = NULL;
  gboolean *slot = typed_slot (object, pspec, G_TYPE_BOOLEAN, &member);

  v = v != FALSE;
  if (slot == NULL || *slot == v)
    return FALSE;
  *slot = v;
  return changed (object, member, pspec);
}

/* Numbers: compared bit for bit (a setter stores exactly what it is given). */
#define NUMBER_SETTER(name, ctype, fundamental)                                \
  gboolean                                                                     \
  furrow_property_set_##name (gpointer    object,                              \
                              GParamSpec *pspec,                               \
                              ctype       v)                                   \
  {                                                                            \
    const Member *member = NULL;                                               \
    ctype *slot = typed_slot (object, pspec, fundamental, &member);            \
                                                                               \
    if (slot == NULL || memcmp (slot, &v, sizeof v) == 0)                      \
      return FALSE;                                                            \
    *slot = v;                                                                 \
    return changed (object, member, pspec);                                    \
  }

NUMBER_SETTER (int, int, G_TYPE_INT)
NUMBER_SETTER (uint, guint, G_TYPE_UINT)
NUMBER_SETTER (int64, gint64, G_TYPE_INT64)
NUMBER_SETTER (double, double, G_TYPE_DOUBLE)

/* Boxed values go through a GValue (copied once, freed with their type's function); not copied
 * into the GValue, so that the member is compared with the caller's pointer. */
gboolean
furrow_property_set_boxed (gpointer       object,
                           GParamSpec    *pspec,
                           gconstpointer  v)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);
  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_value_set_static_boxed (&value, v);
  return furrow_property_set_value (object, pspec, &value);
}

GParamSpec *
furrow_property_object (const char            *name,
                        GType                  object_type,
                        GParamFlags            access,
                        gsize                  offset,
                        FurrowPropertyChanged  changed_hook)
{
  return furrow_property_member (g_param_spec_object (name, NULL, NULL, object_type,
                                                      access | FURROW_PROPERTY_FLAGS),
                                 offset, changed_hook);
}
