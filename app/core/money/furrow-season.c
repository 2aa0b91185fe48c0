/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-season.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "furrow-object-private.h"
#include "furrow-property.h"
#include "furrow-store-private.h"

struct _FurrowSeason
{
  GObject parent_instance;

  gint64             id;
  char              *name;
  guint              crop_year;
  FurrowSeasonState  state;
  char              *notes;
  char              *notice_date;
  guint              notice_days;
  guint              open_objections;

  FurrowSeasonPrice  prices[FURROW_N_CROPS];
  GArray            *costs;       /* FurrowSeasonCost */
  GArray            *subsidies;   /* FurrowSeasonSubsidy */
  GArray            *income;      /* FurrowSeasonIncome */
  GArray            *fees;        /* FurrowSeasonFee */
  FurrowBaseRule     base;
  FurrowSurplusSplit split;
  char              *split_reason;
};

G_DEFINE_FINAL_TYPE (FurrowSeason, furrow_season, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CROP_YEAR,
  PROP_STATE,
  PROP_NOTES,
  PROP_NOTICE_DATE,
  PROP_NOTICE_DAYS,
  PROP_OPEN_OBJECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const GEnumValue state_values[] = {
  { FURROW_SEASON_PLANNING, "FURROW_SEASON_PLANNING", "planning" },
  { FURROW_SEASON_HARVESTED, "FURROW_SEASON_HARVESTED", "harvested" },
  { FURROW_SEASON_SETTLED, "FURROW_SEASON_SETTLED", "settled" },
  { 0, NULL, NULL },
};

GType
furrow_season_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("FurrowSeasonState", state_values));
  return type_id;
}

const char *
furrow_season_state_to_string (FurrowSeasonState state)
{
  g_return_val_if_fail (state <= FURROW_SEASON_SETTLED, NULL);

  return state_values[state].value_nick;
}

gboolean
furrow_season_state_from_string (const char        *text,
                                 FurrowSeasonState *state)
{
  for (guint i = 0; state_values[i].value_nick != NULL; i++)
    if (g_strcmp0 (text, state_values[i].value_nick) == 0)
      {
        *state = state_values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
furrow_season_state_label (FurrowSeasonState state)
{
  switch (state)
    {
    case FURROW_SEASON_PLANNING:
      return _("planning");
    case FURROW_SEASON_HARVESTED:
      return _("harvested");
    case FURROW_SEASON_SETTLED:
      return _("settled");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
furrow_crop_to_string (FurrowCrop crop)
{
  return crop == FURROW_CROP_SOYBEAN ? "soybean" : "maize";
}

gboolean
furrow_crop_from_string (const char *text,
                         FurrowCrop *crop)
{
  if (g_strcmp0 (text, "maize") == 0)
    *crop = FURROW_CROP_MAIZE;
  else if (g_strcmp0 (text, "soybean") == 0)
    *crop = FURROW_CROP_SOYBEAN;
  else
    return FALSE;
  return TRUE;
}

static void
emit_changed (FurrowSeason *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
furrow_season_finalize (GObject *object)
{
  FurrowSeason *self = (FurrowSeason *) object;

  furrow_property_clear_members (object);
  g_clear_pointer (&self->split_reason, g_free);
  g_clear_pointer (&self->costs, g_array_unref);
  g_clear_pointer (&self->subsidies, g_array_unref);
  g_clear_pointer (&self->income, g_array_unref);
  g_clear_pointer (&self->fees, g_array_unref);

  G_OBJECT_CLASS (furrow_season_parent_class)->finalize (object);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define AT(member) G_STRUCT_OFFSET (FurrowSeason, member)

/* Every property is its member (furrow-property.h); the name's setter keeps it from NULL. */
static void
furrow_season_class_init (FurrowSeasonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_season_finalize;

  properties[PROP_ID] = furrow_property_member (
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RO), AT (id), NULL);
  properties[PROP_NAME] = furrow_property_member_set_by (
    g_param_spec_string ("name", NULL, NULL, "", RW), AT (name),
    G_CALLBACK (furrow_season_set_name));
  properties[PROP_CROP_YEAR] = furrow_property_member (
    g_param_spec_uint ("crop-year", NULL, NULL, 0, 9999, 0, RW), AT (crop_year), NULL);
  properties[PROP_STATE] = furrow_property_member (
    g_param_spec_enum ("state", NULL, NULL, FURROW_TYPE_SEASON_STATE, FURROW_SEASON_PLANNING, RO),
    AT (state), NULL);
  properties[PROP_NOTES] = furrow_property_member (
    g_param_spec_string ("notes", NULL, NULL, NULL, RW), AT (notes), NULL);
  properties[PROP_NOTICE_DATE] = furrow_property_member (
    g_param_spec_string ("notice-date", NULL, NULL, NULL, RW), AT (notice_date), NULL);
  properties[PROP_NOTICE_DAYS] = furrow_property_member (
    g_param_spec_uint ("notice-days", NULL, NULL, 1, FURROW_NOTICE_MAX_DAYS,
                       FURROW_NOTICE_DEFAULT_DAYS, RW), AT (notice_days), NULL);
  properties[PROP_OPEN_OBJECTIONS] = furrow_property_member (
    g_param_spec_uint ("open-objections", NULL, NULL, 0, G_MAXUINT, 0, RO),
    AT (open_objections), NULL);

  furrow_property_install (object_class, N_PROPS, properties);

  /* Any change to prices, costs, subsidies, income, fees, base rule or split. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
furrow_season_init (FurrowSeason *self)
{
  self->name = g_strdup ("");
  self->notice_days = FURROW_NOTICE_DEFAULT_DAYS;
  self->costs = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonCost));
  self->subsidies = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonSubsidy));
  self->income = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonIncome));
  self->fees = g_array_new (FALSE, TRUE, sizeof (FurrowSeasonFee));
  self->base.kind = FURROW_BASE_FIXED;
}

FurrowSeason *
furrow_season_new_empty (void)
{
  return g_object_new (FURROW_TYPE_SEASON, NULL);
}

/* docs/domain.md §7, yuan per mu: maize under custody, and the soybean additions in a strip. */
static const struct
{
  FurrowCrop  crop;
  const char *item;
  gint64      yuan_per_mu;
} default_costs[] = {
  { FURROW_CROP_MAIZE, N_("tillage"), 45 },
  { FURROW_CROP_MAIZE, N_("sowing"), 30 },
  { FURROW_CROP_MAIZE, N_("seed"), 55 },
  { FURROW_CROP_MAIZE, N_("fertilizer"), 235 },
  { FURROW_CROP_MAIZE, N_("pesticide"), 40 },
  { FURROW_CROP_MAIZE, N_("harvest"), 60 },
  { FURROW_CROP_MAIZE, N_("irrigation and other"), 60 },
  { FURROW_CROP_MAIZE, N_("management and labour"), 75 },
  { FURROW_CROP_SOYBEAN, N_("seed"), 25 },
  { FURROW_CROP_SOYBEAN, N_("fertilizer"), 60 },
  { FURROW_CROP_SOYBEAN, N_("spraying"), 30 },
  { FURROW_CROP_SOYBEAN, N_("harvest"), 50 },
};

FurrowSeason *
furrow_season_new (const char *name,
                   guint       crop_year)
{
  FurrowSeason *self = g_object_new (FURROW_TYPE_SEASON,
                                     "name", name,
                                     "crop-year", crop_year,
                                     NULL);

  /* docs/domain.md §7: maize 2.40 yuan/kg at 14 % moisture, soybean 4.60 yuan/kg [est.]; 13 % is
   * the standard moisture of traded soybean (GB 1352) [est.]. */
  self->prices[FURROW_CROP_MAIZE] = (FurrowSeasonPrice) { 240, 14 };
  self->prices[FURROW_CROP_SOYBEAN] = (FurrowSeasonPrice) { 460, 13 };
  /* Item names are stored untranslated (they are keys); the UI translates the defaults. */
  for (guint i = 0; i < G_N_ELEMENTS (default_costs); i++)
    furrow_season_set_cost (self, default_costs[i].crop, default_costs[i].item, 0,
                            default_costs[i].yuan_per_mu * 100);
  /* docs/domain.md §7: 150 yuan/mu, a placeholder users must confirm locally. */
  furrow_season_set_subsidy (self, N_("strip intercropping subsidy"), 15000, TRUE);
  /* [est.] a fixed base of 500 yuan/mu; reserve 10 %, cooperative 30 %, households 60 %
   * (households 2/3 of the distributable surplus: above the 60 % of the Cooperatives Law). */
  self->base = (FurrowBaseRule) { .kind = FURROW_BASE_FIXED, .fen_per_mu = 50000 };
  self->split = (FurrowSurplusSplit) { 10, 0, 30, 60 };
  return self;
}

void
furrow_season_copy_rules (FurrowSeason *self,
                          FurrowSeason *source)
{
  g_return_if_fail (FURROW_IS_SEASON (self));
  g_return_if_fail (FURROW_IS_SEASON (source));

  if (self == source)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  furrow_season_set_name (self, source->name);
  furrow_season_set_crop_year (self, source->crop_year);
  furrow_season_set_notes (self, source->notes);
  furrow_season_set_notice_date (self, source->notice_date);
  furrow_season_set_notice_days (self, source->notice_days);
  g_object_thaw_notify (G_OBJECT (self));

  memcpy (self->prices, source->prices, sizeof self->prices);
  g_array_set_size (self->costs, 0);
  g_array_append_vals (self->costs, source->costs->data, source->costs->len);
  g_array_set_size (self->subsidies, 0);
  g_array_append_vals (self->subsidies, source->subsidies->data, source->subsidies->len);
  g_array_set_size (self->income, 0);
  g_array_append_vals (self->income, source->income->data, source->income->len);
  g_array_set_size (self->fees, 0);
  g_array_append_vals (self->fees, source->fees->data, source->fees->len);
  self->base = source->base;
  self->split = source->split;
  furrow_replace_string (&self->split_reason, source->split_reason);
  emit_changed (self);
}

FurrowSeason *
furrow_season_new_from (const char   *name,
                        guint         crop_year,
                        FurrowSeason *source)
{
  FurrowSeason *self;

  g_return_val_if_fail (FURROW_IS_SEASON (source), NULL);

  self = furrow_season_new_empty ();
  furrow_season_copy_rules (self, source);
  g_object_freeze_notify (G_OBJECT (self));
  furrow_season_set_name (self, name);
  furrow_season_set_crop_year (self, crop_year);
  furrow_season_set_notes (self, NULL);
  furrow_season_set_notice_date (self, NULL);
  furrow_season_set_notice_days (self, FURROW_NOTICE_DEFAULT_DAYS);
  g_object_thaw_notify (G_OBJECT (self));
  if (self->income->len > 0)
    {
      g_array_set_size (self->income, 0);
      emit_changed (self);
    }
  return self;
}

/* The plain accessors (furrow-property.h): furrow_season_get_id, furrow_season_get_name,
 * furrow_season_get_crop_year, furrow_season_set_crop_year, furrow_season_get_state,
 * furrow_season_get_notes, furrow_season_set_notes, furrow_season_get_notice_days,
 * furrow_season_get_open_objections, furrow_season_get_split_reason (below), and the store's
 * _furrow_season_set_id, _furrow_season_set_state and _furrow_season_set_open_objections
 * (furrow-store-private.h). */
#define GETTER(ctype, member) \
  FURROW_PROPERTY_GETTER (FurrowSeason, furrow_season, FURROW_IS_SEASON, ctype, member)
#define SETTER(prefix, store, ctype, member, prop) \
  FURROW_PROPERTY_SETTER (FurrowSeason, prefix, FURROW_IS_SEASON, store, ctype, member, \
                          properties[prop])

GETTER (gint64, id)
GETTER (const char *, name)
GETTER (guint, crop_year)
SETTER (furrow_season, furrow_property_set_uint, guint, crop_year, PROP_CROP_YEAR)
GETTER (FurrowSeasonState, state)
GETTER (const char *, notes)
SETTER (furrow_season, furrow_property_set_string, const char *, notes, PROP_NOTES)
GETTER (const char *, notice_date)
SETTER (furrow_season, furrow_property_set_string, const char *, notice_date, PROP_NOTICE_DATE)
GETTER (guint, notice_days)
GETTER (guint, open_objections)
SETTER (_furrow_season, furrow_property_set_uint, guint, open_objections, PROP_OPEN_OBJECTIONS)
SETTER (_furrow_season, furrow_property_set_int64, gint64, id, PROP_ID)
SETTER (_furrow_season, furrow_property_set_int, FurrowSeasonState, state, PROP_STATE)

void
furrow_season_set_name (FurrowSeason *self,
                        const char   *name)
{
  g_return_if_fail (FURROW_IS_SEASON (self));

  furrow_property_set_string (self, properties[PROP_NAME], name != NULL ? name : "");
}

void
furrow_season_set_notice_days (FurrowSeason *self,
                               guint         days)
{
  g_return_if_fail (FURROW_IS_SEASON (self));

  furrow_property_set_uint (self, properties[PROP_NOTICE_DAYS],
                            CLAMP (days, 1, FURROW_NOTICE_MAX_DAYS));
}

gboolean
furrow_season_notice_date_is_valid (const char *text)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;
  char tail;

  /* Exactly YYYY-MM-DD, a day of the calendar (docs/domain.md §9). */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  return year >= 1900 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                                           (GDateYear) year);
}

gboolean
furrow_season_is_read_only (FurrowSeason *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON (self), FALSE);

  return self->state == FURROW_SEASON_SETTLED;
}

const FurrowSeasonPrice *
furrow_season_get_price (FurrowSeason *self,
                         FurrowCrop    crop)
{
  g_return_val_if_fail (FURROW_IS_SEASON (self), NULL);
  g_return_val_if_fail (crop < FURROW_N_CROPS, NULL);

  return &self->prices[crop];
}

void
furrow_season_set_price (FurrowSeason *self,
                         FurrowCrop    crop,
                         double        price_fen_per_kg,
                         double        moisture_pct)
{
  g_return_if_fail (FURROW_IS_SEASON (self));
  g_return_if_fail (crop < FURROW_N_CROPS);

  if (self->prices[crop].price_fen_per_kg == price_fen_per_kg &&
      self->prices[crop].moisture_pct == moisture_pct)
    return;
  self->prices[crop] = (FurrowSeasonPrice) { price_fen_per_kg, moisture_pct };
  emit_changed (self);
}

/* The rule lists (costs, subsidies, other income, fees) are arrays of entries with a key (the
 * crop, item and field of a cost; the name of the others) and an amount: set_entry() adds,
 * replaces or removes an entry of any of them.  Entries are built zeroed, the bytes after a
 * name's end and the padding included, so that memcmp() compares two of them. */

typedef gboolean (*SameKey) (gconstpointer a,
                             gconstpointer b);

static gboolean
same_cost (gconstpointer a,
           gconstpointer b)
{
  const FurrowSeasonCost *x = a, *y = b;

  return x->crop == y->crop && x->field_id == y->field_id && strcmp (x->item, y->item) == 0;
}

/* A subsidy, an income and a fee are keyed by their name, which is where they start. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (FurrowSeasonSubsidy, name) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (FurrowSeasonIncome, name) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (FurrowSeasonFee, operation) == 0);

static gboolean
same_name (gconstpointer a,
           gconstpointer b)
{
  return strcmp (a, b) == 0;
}

/* Puts `entry` in place of the entry with its key, adds it when there is none, or with `remove`
 * removes that entry; emits "changed" when the list changed. */
static void
set_entry (FurrowSeason  *self,
           GArray        *list,
           gconstpointer  entry,
           SameKey        same_key,
           gboolean       remove)
{
  gsize size = g_array_get_element_size (list);

  for (guint i = 0; i < list->len; i++)
    {
      gpointer e = list->data + i * size;

      if (!same_key (e, entry))
        continue;
      if (remove)
        g_array_remove_index (list, i);
      else if (memcmp (e, entry, size) != 0)
        memcpy (e, entry, size);
      else
        return;
      emit_changed (self);
      return;
    }
  if (remove)
    return;
  g_array_append_vals (list, entry, 1);
  emit_changed (self);
}

/* Σ of the gint64 amounts at `offset` in the entries of `list`. */
static gint64
sum_amounts (GArray *list,
             gsize   offset)
{
  gsize size = g_array_get_element_size (list);
  gint64 sum = 0;

  for (guint i = 0; i < list->len; i++)
    sum += G_STRUCT_MEMBER (gint64, list->data + i * size, offset);
  return sum;
}

/* The lists as they are (furrow_season_get_costs, furrow_season_get_subsidies,
 * furrow_season_get_other_income, furrow_season_get_fees), with their length in `*n`. */
#define LIST_GETTER(Type, name, list)                                   \
  const Type *                                                          \
  furrow_season_get_##name (FurrowSeason *self,                         \
                            guint        *n)                            \
  {                                                                     \
    g_return_val_if_fail (FURROW_IS_SEASON (self), NULL);               \
                                                                        \
    *n = self->list->len;                                               \
    return (const Type *) (gconstpointer) self->list->data;             \
  }

LIST_GETTER (FurrowSeasonCost, costs, costs)
LIST_GETTER (FurrowSeasonSubsidy, subsidies, subsidies)
LIST_GETTER (FurrowSeasonIncome, other_income, income)
LIST_GETTER (FurrowSeasonFee, fees, fees)

void
furrow_season_set_cost (FurrowSeason *self,
                        FurrowCrop    crop,
                        const char   *item,
                        gint64        field_id,
                        gint64        fen_per_mu)
{
  FurrowSeasonCost cost;

  g_return_if_fail (FURROW_IS_SEASON (self));
  g_return_if_fail (crop < FURROW_N_CROPS);
  g_return_if_fail (item != NULL);

  memset (&cost, 0, sizeof cost);
  cost.crop = crop;
  g_strlcpy (cost.item, item, sizeof cost.item);
  cost.fen_per_mu = fen_per_mu;
  cost.field_id = field_id;
  set_entry (self, self->costs, &cost, same_cost, fen_per_mu < 0);
}

void
furrow_season_clear_costs (FurrowSeason *self)
{
  g_return_if_fail (FURROW_IS_SEASON (self));

  if (self->costs->len == 0)
    return;
  g_array_set_size (self->costs, 0);
  emit_changed (self);
}

gboolean
furrow_season_cost_item_is_shared (const char *item)
{
  static const char *const shared[] = {
    "tillage", "sowing", "irrigation and other", "management and labour",
  };

  for (guint i = 0; item != NULL && i < G_N_ELEMENTS (shared); i++)
    if (strcmp (item, shared[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Σ items of `crop` on the field, overrides applied; only the shared ones when `shared_only`. */
static gint64
sum_costs (FurrowSeason *self,
           FurrowCrop    crop,
           gint64        field_id,
           gboolean      shared_only)
{
  gint64 sum = 0;

  for (guint i = 0; i < self->costs->len; i++)
    {
      const FurrowSeasonCost *c = &g_array_index (self->costs, FurrowSeasonCost, i);
      gboolean overridden = FALSE;

      if (c->crop != crop || (shared_only && !furrow_season_cost_item_is_shared (c->item)))
        continue;
      if (c->field_id != 0)
        {
          if (field_id != 0 && c->field_id == field_id)
            sum += c->fen_per_mu;
          continue;
        }
      /* A default item counts unless this field overrides it. */
      for (guint j = 0; field_id != 0 && j < self->costs->len; j++)
        {
          const FurrowSeasonCost *o = &g_array_index (self->costs, FurrowSeasonCost, j);

          if (o->crop == crop && o->field_id == field_id && strcmp (o->item, c->item) == 0)
            overridden = TRUE;
        }
      if (!overridden)
        sum += c->fen_per_mu;
    }
  return sum;
}

gint64
furrow_season_cost_fen_per_mu (FurrowSeason *self,
                               FurrowCrop    crop,
                               gint64        field_id)
{
  g_return_val_if_fail (FURROW_IS_SEASON (self), 0);

  return sum_costs (self, crop, field_id, FALSE);
}

void
furrow_season_set_subsidy (FurrowSeason *self,
                           const char   *name,
                           gint64        fen_per_mu,
                           gboolean      strip_only)
{
  FurrowSeasonSubsidy subsidy;

  g_return_if_fail (FURROW_IS_SEASON (self));
  g_return_if_fail (name != NULL);

  memset (&subsidy, 0, sizeof subsidy);
  g_strlcpy (subsidy.name, name, sizeof subsidy.name);
  subsidy.fen_per_mu = fen_per_mu;
  subsidy.strip_only = !!strip_only;
  set_entry (self, self->subsidies, &subsidy, same_name, fen_per_mu < 0);
}

/* Other income and half-custody fees are both a name and an amount in fen: one entry builder
 * serves both (the asserts keep the two structs of that shape). */
G_STATIC_ASSERT (sizeof (FurrowSeasonIncome) == sizeof (FurrowSeasonFee));
G_STATIC_ASSERT (G_STRUCT_OFFSET (FurrowSeasonIncome, fen) ==
                 G_STRUCT_OFFSET (FurrowSeasonFee, fen_per_mu));

static void
set_named_amount (FurrowSeason *self,
                  GArray       *list,
                  const char   *name,
                  gint64        fen)
{
  FurrowSeasonIncome entry;

  memset (&entry, 0, sizeof entry);
  g_strlcpy (entry.name, name, sizeof entry.name);
  entry.fen = fen;
  set_entry (self, list, &entry, same_name, fen < 0);
}

void
furrow_season_set_other_income (FurrowSeason *self,
                                const char   *name,
                                gint64        fen)
{
  g_return_if_fail (FURROW_IS_SEASON (self));
  g_return_if_fail (name != NULL);

  set_named_amount (self, self->income, name, fen);
}

gint64
furrow_season_other_income_fen (FurrowSeason *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON (self), 0);

  return sum_amounts (self->income, G_STRUCT_OFFSET (FurrowSeasonIncome, fen));
}

void
furrow_season_set_fee (FurrowSeason *self,
                       const char   *operation,
                       gint64        fen_per_mu)
{
  g_return_if_fail (FURROW_IS_SEASON (self));
  g_return_if_fail (operation != NULL);

  set_named_amount (self, self->fees, operation, fen_per_mu);
}

gint64
furrow_season_fees_fen_per_mu (FurrowSeason *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON (self), 0);

  return sum_amounts (self->fees, G_STRUCT_OFFSET (FurrowSeasonFee, fen_per_mu));
}

const FurrowBaseRule *
furrow_season_get_base_rule (FurrowSeason *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON (self), NULL);

  return &self->base;
}

void
furrow_season_set_base_rule (FurrowSeason         *self,
                             const FurrowBaseRule *rule)
{
  g_return_if_fail (FURROW_IS_SEASON (self));
  g_return_if_fail (rule != NULL);

  if (memcmp (&self->base, rule, sizeof *rule) == 0)
    return;
  self->base = *rule;
  emit_changed (self);
}

const FurrowSurplusSplit *
furrow_season_get_split (FurrowSeason *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON (self), NULL);

  return &self->split;
}

GETTER (const char *, split_reason)

void
furrow_season_set_split (FurrowSeason             *self,
                         const FurrowSurplusSplit *split,
                         const char               *reason)
{
  gboolean changed;

  g_return_if_fail (FURROW_IS_SEASON (self));
  g_return_if_fail (split != NULL);

  if (reason != NULL && *reason == '\0')
    reason = NULL;
  changed = memcmp (&self->split, split, sizeof *split) != 0;
  self->split = *split;
  changed |= furrow_replace_string (&self->split_reason, reason);
  if (changed)
    emit_changed (self);
}

void
furrow_season_get_rates (FurrowSeason      *self,
                         gint64             field_id,
                         FurrowSeasonRates *rates)
{
  g_return_if_fail (FURROW_IS_SEASON (self));

  memset (rates, 0, sizeof *rates);
  for (guint c = 0; c < FURROW_N_CROPS; c++)
    {
      rates->price_fen_per_kg[c] = self->prices[c].price_fen_per_kg;
      rates->cost_fen_per_mu[c] = furrow_season_cost_fen_per_mu (self, c, field_id);
    }
  rates->shared_cost_fen_per_mu = sum_costs (self, FURROW_CROP_MAIZE, field_id, TRUE);
  for (guint i = 0; i < self->subsidies->len; i++)
    {
      const FurrowSeasonSubsidy *s = &g_array_index (self->subsidies, FurrowSeasonSubsidy, i);

      if (s->strip_only)
        rates->strip_subsidy_fen_per_mu += s->fen_per_mu;
      else
        rates->subsidy_fen_per_mu += s->fen_per_mu;
    }
}

char *
furrow_season_describe_rules (FurrowSeason *self)
{
  GString *text = g_string_new (NULL);
  char buffer[2][G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (FURROW_IS_SEASON (self), NULL);

  for (guint c = 0; c < FURROW_N_CROPS; c++)
    g_string_append_printf (text, "price %s %s fen/kg at %s %%\n", furrow_crop_to_string (c),
                            g_ascii_formatd (buffer[0], sizeof buffer[0], "%.4g",
                                             self->prices[c].price_fen_per_kg),
                            g_ascii_formatd (buffer[1], sizeof buffer[1], "%.4g",
                                             self->prices[c].moisture_pct));
  for (guint i = 0; i < self->costs->len; i++)
    {
      const FurrowSeasonCost *c = &g_array_index (self->costs, FurrowSeasonCost, i);

      g_string_append_printf (text, "cost %s %s %" G_GINT64_FORMAT " fen/mu",
                              furrow_crop_to_string (c->crop), c->item, c->fen_per_mu);
      if (c->field_id != 0)
        g_string_append_printf (text, " on field id %" G_GINT64_FORMAT, c->field_id);
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; i < self->subsidies->len; i++)
    {
      const FurrowSeasonSubsidy *s = &g_array_index (self->subsidies, FurrowSeasonSubsidy, i);

      g_string_append_printf (text, "subsidy %s %" G_GINT64_FORMAT " fen/mu%s\n", s->name,
                              s->fen_per_mu, s->strip_only ? " on strip fields" : "");
    }
  for (guint i = 0; i < self->income->len; i++)
    {
      const FurrowSeasonIncome *s = &g_array_index (self->income, FurrowSeasonIncome, i);

      g_string_append_printf (text, "other income %s %" G_GINT64_FORMAT " fen\n", s->name, s->fen);
    }
  for (guint i = 0; i < self->fees->len; i++)
    {
      const FurrowSeasonFee *s = &g_array_index (self->fees, FurrowSeasonFee, i);

      g_string_append_printf (text, "fee %s %" G_GINT64_FORMAT " fen/mu\n", s->operation,
                              s->fen_per_mu);
    }
  switch (self->base.kind)
    {
    case FURROW_BASE_FIXED:
      g_string_append_printf (text, "base fixed %" G_GINT64_FORMAT " fen/mu\n",
                              self->base.fen_per_mu);
      break;
    case FURROW_BASE_IN_KIND:
      g_string_append_printf (text, "base in kind %s kg/mu at %s fen/kg%s\n",
                              g_ascii_formatd (buffer[0], sizeof buffer[0], "%.6g",
                                               self->base.kg_per_mu),
                              g_ascii_formatd (buffer[1], sizeof buffer[1], "%.6g",
                                               self->base.price_fen_per_kg),
                              self->base.less_cost_per_mu ? " less the cost per mu" : "");
      break;
    case FURROW_BASE_ANNUAL_SHARE:
      g_string_append_printf (text, "base %s %% of an annual %" G_GINT64_FORMAT " fen/mu\n",
                              g_ascii_formatd (buffer[0], sizeof buffer[0], "%.6g",
                                               self->base.season_pct),
                              self->base.annual_fen_per_mu);
      break;
    default:
      break;
    }
  {
    const double pct[] = { self->split.reserve_pct, self->split.collective_pct,
                           self->split.cooperative_pct, self->split.households_pct };
    const char * const names[] = { "reserve", "collective", "cooperative", "households" };

    /* Not the locale's decimal separator: the text is compared and kept in the audit log. */
    g_string_append (text, "split");
    for (guint i = 0; i < G_N_ELEMENTS (pct); i++)
      g_string_append_printf (text, " %s %s %%", names[i],
                              g_ascii_formatd (buffer[0], sizeof buffer[0], "%.2f", pct[i]));
    if (self->split_reason != NULL)
      g_string_append_printf (text, ", reason: %s", self->split_reason);
    g_string_append_c (text, '\n');
  }
  return g_string_free (text, FALSE);
}
