/* SPDX-License-Identifier: GPL-3.0-or-later */

/* furrow_property_member(): properties stored in struct members by one generic get/set
 * (docs/architecture.md, The tree). The probe class below uses every member type the helper
 * stores; the expected values are the ones written, the notify counts are GObject's contract
 * (one "notify" per real change, none for a write of the same value). */

#include "config.h"

#include <gio/gio.h>

#include "furrow-property.h"
#include "furrow-test.h"

typedef struct
{
  GObject    parent_instance;

  char      *name;
  int        count;
  GFileType  kind;
  guint      members;
  gint64     id;
  gboolean   done;
  double     area;
  GObject   *other;
  GDate     *date;

  GString   *log;
} Probe;

typedef GObjectClass ProbeClass;

GType probe_get_type (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Probe, g_object_unref)
G_DEFINE_TYPE (Probe, probe, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COUNT,
  PROP_KIND,
  PROP_MEMBERS,
  PROP_ID,
  PROP_DONE,
  PROP_AREA,
  PROP_OTHER,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
probe_changed (GObject    *object,
               GParamSpec *pspec)
{
  Probe *self = (Probe *) object;

  g_string_append_printf (self->log, "changed:%s ", pspec->name);
}

static void
probe_finalize (GObject *object)
{
  Probe *self = (Probe *) object;

  g_free (self->name);
  g_clear_object (&self->other);
  g_clear_pointer (&self->date, g_date_free);
  g_string_free (self->log, TRUE);
  G_OBJECT_CLASS (probe_parent_class)->finalize (object);
}

#define FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define AT(member) G_STRUCT_OFFSET (Probe, member)

static void
probe_class_init (ProbeClass *klass)
{
  klass->finalize = probe_finalize;
  klass->get_property = furrow_property_get_member;
  klass->set_property = furrow_property_set_member;

  properties[PROP_NAME] = furrow_property_member (
    g_param_spec_string ("name", NULL, NULL, NULL, FLAGS), AT (name), probe_changed);
  properties[PROP_COUNT] = furrow_property_member (
    g_param_spec_int ("count", NULL, NULL, -100, 100, 0, FLAGS), AT (count), NULL);
  properties[PROP_KIND] = furrow_property_member (
    g_param_spec_enum ("kind", NULL, NULL, G_TYPE_FILE_TYPE, G_FILE_TYPE_UNKNOWN, FLAGS),
    AT (kind), NULL);
  properties[PROP_MEMBERS] = furrow_property_member (
    g_param_spec_uint ("members", NULL, NULL, 0, 99, 0, FLAGS), AT (members), NULL);
  properties[PROP_ID] = furrow_property_member (
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS), AT (id), NULL);
  properties[PROP_DONE] = furrow_property_member (
    g_param_spec_boolean ("done", NULL, NULL, FALSE, FLAGS), AT (done), NULL);
  properties[PROP_AREA] = furrow_property_member (
    g_param_spec_double ("area", NULL, NULL, 0, G_MAXDOUBLE, 0, FLAGS), AT (area), probe_changed);
  properties[PROP_OTHER] = furrow_property_member (
    g_param_spec_object ("other", NULL, NULL, G_TYPE_OBJECT, FLAGS), AT (other), NULL);
  properties[PROP_DATE] = furrow_property_member (
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE, FLAGS), AT (date), NULL);
  g_object_class_install_properties (klass, N_PROPS, properties);
}

static void
probe_init (Probe *self)
{
  self->log = g_string_new (NULL);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              Probe      *self)
{
  g_string_append_printf (self->log, "notify:%s ", pspec->name);
}

static void
test_round_trip (void)
{
  g_autoptr (GObject) other = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GDate) date = g_date_new_dmy (15, G_DATE_OCTOBER, 2024);
  g_autoptr (Probe) probe = g_object_new (probe_get_type (),
                                          "name", "王建国",
                                          "count", -7,
                                          "kind", G_FILE_TYPE_DIRECTORY,
                                          "members", 4,
                                          "done", TRUE,
                                          "area", 666.67,
                                          "other", other,
                                          "date", date,
                                          NULL);
  g_autofree char *name = NULL;
  g_autoptr (GObject) other_out = NULL;
  g_autoptr (GDate) date_out = NULL;
  int count, kind;
  guint members;
  gint64 id;
  gboolean done;
  double area;

  probe->id = 42;
  g_object_get (probe, "name", &name, "count", &count, "kind", &kind, "members", &members,
                "id", &id, "done", &done, "area", &area, "other", &other_out, "date", &date_out,
                NULL);
  g_assert_cmpstr (name, ==, "王建国");
  g_assert_cmpint (count, ==, -7);
  g_assert_cmpint (kind, ==, G_FILE_TYPE_DIRECTORY);
  g_assert_cmpuint (members, ==, 4);
  g_assert_cmpint (id, ==, 42);
  g_assert_true (done);
  g_assert_cmpfloat (area, ==, 666.67);
  g_assert_true (other_out == other);
  /* A boxed value is copied in and out: equal, never the caller's pointer. */
  g_assert_true (probe->date != date);
  g_assert_cmpint (g_date_compare (date_out, date), ==, 0);
  /* The probe holds one reference to the object, the test one, other_out one. */
  g_assert_cmpuint (other->ref_count, ==, 3);
}
FURROW_TEST ("/furrow/core/property/round-trip", test_round_trip);

static void
test_notify_on_change_only (void)
{
  g_autoptr (Probe) probe = g_object_new (probe_get_type (), NULL);

  g_signal_connect (probe, "notify", G_CALLBACK (count_notify), probe);

  /* (One property a call: g_object_set() of several queues their notifies in its own order.) */
  g_object_set (probe, "name", "a", NULL);
  g_object_set (probe, "count", 3, NULL);
  g_assert_cmpstr (probe->log->str, ==, "changed:name notify:name notify:count ");

  /* The same values again: no hook, no notify. */
  g_string_truncate (probe->log, 0);
  g_object_set (probe, "name", "a", "count", 3, "area", 0.0, NULL);
  g_assert_cmpstr (probe->log->str, ==, "");

  /* Typed setters: TRUE and one notify when the value changes, FALSE and silence when not. */
  g_assert_true (furrow_property_set_double (probe, properties[PROP_AREA], 1.5));
  g_assert_false (furrow_property_set_double (probe, properties[PROP_AREA], 1.5));
  g_assert_true (furrow_property_set_string (probe, properties[PROP_NAME], NULL));
  g_assert_null (probe->name);
  g_assert_true (furrow_property_set_int (probe, properties[PROP_KIND], G_FILE_TYPE_REGULAR));
  g_assert_cmpint (probe->kind, ==, G_FILE_TYPE_REGULAR);
  g_assert_true (furrow_property_set_uint (probe, properties[PROP_MEMBERS], 9));
  g_assert_false (furrow_property_set_boolean (probe, properties[PROP_DONE], FALSE));
  /* A read-only property is written by its class through the typed setter. */
  g_assert_true (furrow_property_set_int64 (probe, properties[PROP_ID], 7));
  g_assert_cmpint (probe->id, ==, 7);
  g_assert_cmpstr (probe->log->str, ==,
                   "changed:area notify:area changed:name notify:name notify:kind "
                   "notify:members notify:id ");
}
FURROW_TEST ("/furrow/core/property/notify-on-change-only", test_notify_on_change_only);

static void
test_object_references (void)
{
  g_autoptr (GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  Probe *probe = g_object_new (probe_get_type (), "other", a, NULL);

  g_assert_cmpuint (a->ref_count, ==, 2);
  g_assert_true (furrow_property_set_object (probe, properties[PROP_OTHER], b));
  g_assert_cmpuint (a->ref_count, ==, 1);
  g_assert_cmpuint (b->ref_count, ==, 2);
  g_assert_false (furrow_property_set_object (probe, properties[PROP_OTHER], b));
  g_assert_cmpuint (b->ref_count, ==, 2);
  g_object_unref (probe);
  g_assert_cmpuint (b->ref_count, ==, 1);
}
FURROW_TEST ("/furrow/core/property/object-references", test_object_references);

/* The accessor macros, on the probe: what a class's .c file writes for its public API. */
const char *probe_get_name (Probe      *self);
void        probe_set_name (Probe      *self,
                            const char *name);
double      probe_get_area (Probe      *self);
void        probe_set_area (Probe      *self,
                            double      area);
GFileType   probe_get_kind (Probe      *self);
void        _probe_set_id  (Probe      *self,
                            gint64      id);

static gboolean
is_probe (gpointer object)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (object, probe_get_type ());
}

FURROW_PROPERTY_ACCESSORS (Probe, probe, is_probe,
                           furrow_property_set_string, const char *, name, properties[PROP_NAME])
FURROW_PROPERTY_ACCESSORS (Probe, probe, is_probe,
                           furrow_property_set_double, double, area, properties[PROP_AREA])
FURROW_PROPERTY_GETTER (Probe, probe, is_probe, GFileType, kind)
FURROW_PROPERTY_SETTER (Probe, _probe, is_probe,
                        furrow_property_set_int64, gint64, id, properties[PROP_ID])

static void
test_accessors (void)
{
  g_autoptr (Probe) probe = g_object_new (probe_get_type (), "kind", G_FILE_TYPE_MOUNTABLE, NULL);
  g_autoptr (GObject) other = g_object_new (G_TYPE_OBJECT, NULL);
  gint64 id;

  g_signal_connect (probe, "notify", G_CALLBACK (count_notify), probe);

  /* A setter stores, runs the hook and notifies once on a change, and does nothing otherwise. */
  probe_set_name (probe, "李秀英");
  probe_set_name (probe, "李秀英");
  probe_set_area (probe, 2.5);
  probe_set_area (probe, 2.5);
  _probe_set_id (probe, 12);
  g_assert_cmpstr (probe->log->str, ==,
                   "changed:name notify:name changed:area notify:area notify:id ");
  g_assert_cmpstr (probe_get_name (probe), ==, "李秀英");
  g_assert_cmpfloat (probe_get_area (probe), ==, 2.5);
  g_assert_cmpint (probe_get_kind (probe), ==, G_FILE_TYPE_MOUNTABLE);
  g_object_get (probe, "id", &id, NULL);
  g_assert_cmpint (id, ==, 12);

  /* Not a probe: a critical, and zero of the type (NULL, 0, the enum's first value). */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*is_probe (self)*");
  g_assert_null (probe_get_name ((Probe *) other));
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*is_probe (self)*");
  g_assert_cmpint (probe_get_kind ((Probe *) other), ==, G_FILE_TYPE_UNKNOWN);
  g_test_assert_expected_messages ();
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*is_probe (self)*");
  probe_set_area ((Probe *) other, 1.0);
  g_test_assert_expected_messages ();
}
FURROW_TEST ("/furrow/core/property/accessors", test_accessors);

static void
test_boxed (void)
{
  g_autoptr (GDate) date = g_date_new_dmy (1, G_DATE_MAY, 2025);
  g_autoptr (GDate) same = g_date_new_dmy (1, G_DATE_MAY, 2025);
  g_autoptr (Probe) probe = g_object_new (probe_get_type (), NULL);
  GDate *stored;

  g_assert_true (furrow_property_set_boxed (probe, properties[PROP_DATE], date));
  /* A copy is stored; storing the member's own pointer again changes nothing. */
  stored = probe->date;
  g_assert_true (stored != date);
  g_assert_false (furrow_property_set_boxed (probe, properties[PROP_DATE], stored));
  g_assert_true (probe->date == stored);
  /* Boxed values are compared by pointer: an equal date from elsewhere is stored again (a class
   * that knows its type's equality checks it first, as FurrowParcel does for its geometry). */
  g_assert_true (furrow_property_set_boxed (probe, properties[PROP_DATE], same));
  g_assert_cmpint (g_date_compare (probe->date, same), ==, 0);
  g_assert_true (furrow_property_set_boxed (probe, properties[PROP_DATE], NULL));
  g_assert_null (probe->date);
}
FURROW_TEST ("/furrow/core/property/boxed", test_boxed);

/* A class set up the short way (furrow_property_install()): its finalize only clears the members,
 * and a label whose setter keeps it from NULL (as FurrowSeason's name) and a date whose setter
 * skips an equal date (as FurrowField's geometry) are bound with
 * furrow_property_member_set_by(). */
typedef struct
{
  GObject    parent_instance;

  char      *label;
  GDate     *date;
  GObject   *other;
  int        count;

  guint      n_set;  /* calls of the two setters */
} Bag;

typedef GObjectClass BagClass;

GType bag_get_type (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Bag, g_object_unref)
G_DEFINE_TYPE (Bag, bag, G_TYPE_OBJECT)

enum {
  BAG_PROP_0,
  BAG_PROP_LABEL,
  BAG_PROP_DATE,
  BAG_PROP_OTHER,
  BAG_PROP_COUNT,
  BAG_N_PROPS
};

static GParamSpec *bag_properties[BAG_N_PROPS];

static void
bag_set_label (Bag        *self,
               const char *label)
{
  self->n_set++;
  furrow_property_set_string (self, bag_properties[BAG_PROP_LABEL], label != NULL ? label : "");
}

static void
bag_set_date (Bag         *self,
              const GDate *date)
{
  self->n_set++;
  if (date != NULL && self->date != NULL && g_date_compare (date, self->date) == 0)
    return;
  furrow_property_set_boxed (self, bag_properties[BAG_PROP_DATE], date);
}

static void
bag_finalize (GObject *object)
{
  furrow_property_clear_members (object);
  G_OBJECT_CLASS (bag_parent_class)->finalize (object);
}

#define BAG_AT(member) G_STRUCT_OFFSET (Bag, member)

static void
bag_class_init (BagClass *klass)
{
  klass->finalize = bag_finalize;

  bag_properties[BAG_PROP_LABEL] = furrow_property_member_set_by (
    g_param_spec_string ("label", NULL, NULL, "", FLAGS), BAG_AT (label),
    G_CALLBACK (bag_set_label));
  bag_properties[BAG_PROP_DATE] = furrow_property_member_set_by (
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE, FLAGS), BAG_AT (date),
    G_CALLBACK (bag_set_date));
  bag_properties[BAG_PROP_OTHER] = furrow_property_member (
    g_param_spec_object ("other", NULL, NULL, G_TYPE_OBJECT, FLAGS), BAG_AT (other), NULL);
  bag_properties[BAG_PROP_COUNT] = furrow_property_member (
    g_param_spec_int ("count", NULL, NULL, 0, 10, 0, FLAGS), BAG_AT (count), NULL);
  furrow_property_install (klass, BAG_N_PROPS, bag_properties);
}

static void
bag_init (Bag *self)
{
}

static void
count_bag_notify (GObject    *object,
                  GParamSpec *pspec,
                  guint      *n)
{
  (*n)++;
}

static void
test_install (void)
{
  GObject *other = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GDate) date = g_date_new_dmy (20, G_DATE_SEPTEMBER, 2025);
  g_autoptr (GDate) same = g_date_new_dmy (20, G_DATE_SEPTEMBER, 2025);
  g_autoptr (Bag) bag = g_object_new (bag_get_type (), "count", 3, "other", other, NULL);
  g_autofree char *label = NULL;
  guint n_notify = 0;
  int count;

  /* The generic get and set. */
  g_assert_true (G_OBJECT_GET_CLASS (bag)->get_property == furrow_property_get_member);
  g_assert_true (G_OBJECT_GET_CLASS (bag)->set_property == furrow_property_set_member);
  g_object_get (bag, "count", &count, NULL);
  g_assert_cmpint (count, ==, 3);
  g_signal_connect (bag, "notify", G_CALLBACK (count_bag_notify), &n_notify);

  /* g_object_set() goes through the class's setter: NULL is stored as "" (one change), an equal
   * date from elsewhere is not stored again (one change for the first). */
  g_object_set (bag, "label", "2025 秋", NULL);
  g_object_set (bag, "label", NULL, NULL);
  g_object_get (bag, "label", &label, NULL);
  g_assert_cmpstr (label, ==, "");
  g_object_set (bag, "date", date, NULL);
  g_object_set (bag, "date", same, NULL);
  g_assert_true (bag->date != date);
  g_assert_cmpint (g_date_compare (bag->date, same), ==, 0);
  g_assert_cmpuint (bag->n_set, ==, 4);
  /* "label" twice (set, then ""), "date" once. */
  g_assert_cmpuint (n_notify, ==, 3);

  /* The members that own what they point to are freed and dropped; the others stay. */
  g_object_add_weak_pointer (other, (gpointer *) &other);
  g_object_unref (other);
  g_assert_nonnull (other);
  furrow_property_clear_members (G_OBJECT (bag));
  g_assert_null (bag->label);
  g_assert_null (bag->date);
  g_assert_null (bag->other);
  g_assert_null (other);
  g_assert_cmpint (bag->count, ==, 3);
}
FURROW_TEST ("/furrow/core/property/install", test_install);

/* furrow_property_object() and furrow_property_member_set_by() for an object and a double: the
 * gauge's "source" is bound in one call; its "level" goes through a setter that clamps it to
 * [0, 10] (as the compass folds its azimuth) and its "model" through one that counts its calls
 * (as the map layers move their items-changed handler). */
typedef struct
{
  GObject  parent_instance;

  double   level;
  GObject *source;
  GObject *model;
  guint    model_sets;
} Gauge;

typedef GObjectClass GaugeClass;

GType gauge_get_type (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Gauge, g_object_unref)
G_DEFINE_TYPE (Gauge, gauge, G_TYPE_OBJECT)

enum {
  GAUGE_PROP_0,
  GAUGE_PROP_LEVEL,
  GAUGE_PROP_SOURCE,
  GAUGE_PROP_MODEL,
  GAUGE_N_PROPS
};

static GParamSpec *gauge_properties[GAUGE_N_PROPS];

static void
gauge_set_level (Gauge  *self,
                 double  level)
{
  furrow_property_set_double (self, gauge_properties[GAUGE_PROP_LEVEL], CLAMP (level, 0, 10));
}

static void
gauge_set_model (Gauge   *self,
                 GObject *model)
{
  self->model_sets++;
  furrow_property_set_object (self, gauge_properties[GAUGE_PROP_MODEL], model);
}

static void
gauge_finalize (GObject *object)
{
  furrow_property_clear_members (object);
  G_OBJECT_CLASS (gauge_parent_class)->finalize (object);
}

static void
gauge_class_init (GaugeClass *klass)
{
  klass->finalize = gauge_finalize;

  gauge_properties[GAUGE_PROP_LEVEL] = furrow_property_member_set_by (
    g_param_spec_double ("level", NULL, NULL, -100, 100, 0,
                         G_PARAM_READWRITE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (Gauge, level), G_CALLBACK (gauge_set_level));
  gauge_properties[GAUGE_PROP_SOURCE] =
    furrow_property_object ("source", G_TYPE_OBJECT, G_PARAM_READWRITE,
                            G_STRUCT_OFFSET (Gauge, source), NULL);
  gauge_properties[GAUGE_PROP_MODEL] = furrow_property_member_set_by (
    g_param_spec_object ("model", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | FURROW_PROPERTY_FLAGS),
    G_STRUCT_OFFSET (Gauge, model), G_CALLBACK (gauge_set_model));
  furrow_property_install (klass, GAUGE_N_PROPS, gauge_properties);
}

static void
gauge_init (Gauge *self)
{
}

static void
count_gauge_notify (GObject    *object,
                    GParamSpec *pspec,
                    guint      *n)
{
  (*n)++;
}

static void
test_set_by_object_and_double (void)
{
  g_autoptr(Gauge) gauge = g_object_new (gauge_get_type (), NULL);
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) read = NULL;
  GParamSpec *pspec = gauge_properties[GAUGE_PROP_SOURCE];
  guint n_notify = 0;
  double level;

  g_assert_cmpuint (pspec->flags, ==,
                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_assert_true (pspec->value_type == G_TYPE_OBJECT);
  g_signal_connect (gauge, "notify", G_CALLBACK (count_gauge_notify), &n_notify);

  /* Through the setter: 42 is clamped to 10, one notify; 10 again is no change. */
  g_object_set (gauge, "level", 42.0, NULL);
  g_assert_cmpfloat (gauge->level, ==, 10.0);
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_set (gauge, "level", 10.0, NULL);
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_set (gauge, "level", -3.0, NULL);
  g_object_get (gauge, "level", &level, NULL);
  g_assert_cmpfloat (level, ==, 0.0);
  g_assert_cmpuint (n_notify, ==, 2);

  /* An object through its setter (called once, stored, one notify), one without. */
  g_object_set (gauge, "model", source, NULL);
  g_assert_cmpuint (gauge->model_sets, ==, 1);
  g_assert_true (gauge->model == source);
  g_assert_cmpuint (n_notify, ==, 3);
  g_object_set (gauge, "source", source, NULL);
  g_assert_true (gauge->source == source);
  g_object_get (gauge, "source", &read, NULL);
  g_assert_true (read == source);
  g_assert_cmpuint (n_notify, ==, 4);
  g_assert_cmpuint (gauge->model_sets, ==, 1);
}
FURROW_TEST ("/furrow/core/property/set-by-object-and-double", test_set_by_object_and_double);

FURROW_TEST_MAIN ();
