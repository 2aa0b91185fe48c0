/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Properties that are plain struct members (docs/architecture.md, The tree: one home for the
 * GObject property plumbing that every class used to write as its own get/set switch).
 *
 * A class binds each GParamSpec to the member that holds its value:
 *
 *   properties[PROP_NAME] =
 *     furrow_property_member (g_param_spec_string ("name", NULL, NULL, NULL, FLAGS),
 *                             G_STRUCT_OFFSET (FurrowHousehold, name), NULL);
 *
 * and installs furrow_property_get_member() / furrow_property_set_member() as its
 * GObjectClass get_property / set_property.  Reading copies the member into the GValue; writing
 * replaces the member (freeing or unreffing the old value), and only when the value really
 * changes runs the optional `changed` hook (for side effects such as a redraw) and then notifies.
 *
 * The member's C type follows the pspec's value type: char * (string), int (int and enum),
 * guint (uint and flags), gint64, guint64, gboolean, double, float, a GObject pointer (objects
 * and interfaces), a boxed pointer (copied with g_boxed_copy) and gpointer.  Overridden
 * interface properties are not supported (their redirect target carries no member). */

typedef void (*FurrowPropertyChanged) (GObject    *object,
                                       GParamSpec *pspec);

GParamSpec *furrow_property_member     (GParamSpec            *pspec,
                                        gsize                  offset,
                                        FurrowPropertyChanged  changed);
/* The same for a property whose public setter does more than store the value (a geometry that
 * is also measured, a name that is never NULL, a list model whose signal handler moves, an angle
 * folded into a range): g_object_set() calls `setter`, void (*) (object, value) with the value
 * as a const char *, a boxed pointer, an object pointer or a double, which stores it with the
 * typed setters below. */
GParamSpec *furrow_property_member_set_by (GParamSpec         *pspec,
                                           gsize               offset,
                                           GCallback           setter);

/* The class set-up of a property bag, in class_init: installs `properties` (properties[0]
 * unused, the others bound to their members) with furrow_property_get_member() and
 * furrow_property_set_member() as get_property and set_property, and records the members that
 * own what they point to (strings, boxed values, objects) for furrow_property_clear_members(). */
void        furrow_property_install    (GObjectClass          *klass,
                                        guint                  n_properties,
                                        GParamSpec           **properties);
/* In finalize: frees those strings and boxed values and drops those objects, so that a class
 * lists its members once, in its properties. */
void        furrow_property_clear_members (GObject            *object);

void        furrow_property_get_member (GObject               *object,
                                        guint                  prop_id,
                                        GValue                *value,
                                        GParamSpec            *pspec);
void        furrow_property_set_member (GObject               *object,
                                        guint                  prop_id,
                                        const GValue          *value,
                                        GParamSpec            *pspec);

/* Typed setters for the class's own public setters and for read-only properties: each stores
 * the value in the member bound to `pspec`, and when it changed runs the hook and notifies;
 * TRUE when it changed. */
gboolean    furrow_property_set_value   (gpointer      object,
                                         GParamSpec   *pspec,
                                         const GValue *value);
gboolean    furrow_property_set_string  (gpointer      object,
                                         GParamSpec   *pspec,
                                         const char   *value);
gboolean    furrow_property_set_int     (gpointer      object,
                                         GParamSpec   *pspec,
                                         int           value);
gboolean    furrow_property_set_uint    (gpointer      object,
                                         GParamSpec   *pspec,
                                         guint         value);
gboolean    furrow_property_set_int64   (gpointer      object,
                                         GParamSpec   *pspec,
                                         gint64        value);
gboolean    furrow_property_set_boolean (gpointer      object,
                                         GParamSpec   *pspec,
                                         gboolean      value);
gboolean    furrow_property_set_double  (gpointer      object,
                                         GParamSpec   *pspec,
                                         double        value);
gboolean    furrow_property_set_object  (gpointer      object,
                                         GParamSpec   *pspec,
                                         gpointer      value);
/* Stores a copy (g_boxed_copy) of `value` when it is another pointer than the member's. */
gboolean    furrow_property_set_boxed   (gpointer      object,
                                         GParamSpec   *pspec,
                                         gconstpointer value);

/* Plain accessors of a member, for the public getters and setters that only read the member or
 * store a value through the typed setters above (one definition instead of a hand-written copy
 * per property).  In the class's .c file, after its `properties` array:
 *
 *   FURROW_PROPERTY_GETTER (FurrowParcel, furrow_parcel, FURROW_IS_PARCEL, const char *, code)
 *
 * defines `const char *furrow_parcel_get_code (FurrowParcel *self)`: self->code, or zero of
 * the type (NULL, 0, FALSE, the enum's first value) after a critical when self is not a
 * FurrowParcel;
 *
 *   FURROW_PROPERTY_SETTER (FurrowParcel, furrow_parcel, FURROW_IS_PARCEL,
 *                           furrow_property_set_string, const char *, code, properties[PROP_CODE])
 *
 * defines `void furrow_parcel_set_code (FurrowParcel *self, const char *code)`, which checks
 * the type the same way and stores the value with the typed setter it names
 * (furrow_property_set_string() here; furrow_property_set_int() also for enums);
 * FURROW_PROPERTY_ACCESSORS defines both.  The class's .c lists the names it defines this way
 * in a comment, so that grep finds the definitions. */
#define FURROW_PROPERTY_GETTER(Type, prefix, type_check, ctype, member)                 \
  ctype                                                                                 \
  prefix##_get_##member (Type *self)                                                    \
  {                                                                                     \
    g_return_val_if_fail (type_check (self), (ctype) 0);                                \
                                                                                        \
    return self->member;                                                                \
  }

#define FURROW_PROPERTY_SETTER(Type, prefix, type_check, store, ctype, member, pspec)   \
  void                                                                                  \
  prefix##_set_##member (Type  *self,                                                   \
                         ctype  member)                                                 \
  {                                                                                     \
    g_return_if_fail (type_check (self));                                               \
                                                                                        \
    store (self, pspec, member);                                                        \
  }

#define FURROW_PROPERTY_ACCESSORS(Type, prefix, type_check, store, ctype, member, pspec) \
  FURROW_PROPERTY_GETTER (Type, prefix, type_check, ctype, member)                      \
  FURROW_PROPERTY_SETTER (Type, prefix, type_check, store, ctype, member, pspec)

/* The flags every property bound to a member carries besides its access (G_PARAM_READWRITE,
 * G_PARAM_READABLE, G_PARAM_CONSTRUCT_ONLY…): notified only on a real change, static names. */
#define FURROW_PROPERTY_FLAGS (G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* An object property bound to its member in one call — what most widgets and map layers hold (a
 * store, a history, a list model, a field):
 *   furrow_property_member (g_param_spec_object (name, NULL, NULL, object_type,
 *                                                access | FURROW_PROPERTY_FLAGS),
 *                           offset, changed). */
GParamSpec *furrow_property_object      (const char             *name,
                                         GType                   object_type,
                                         GParamFlags             access,
                                         gsize                   offset,
                                         FurrowPropertyChanged   changed_hook);

G_END_DECLS
