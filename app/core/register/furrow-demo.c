/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-demo.h"
#include "furrow-register.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "furrow-notice.h"
#include "furrow-pattern.h"
#include "furrow-store-notice.h"
#include "furrow-store-payment.h"
#include "furrow-store-season.h"
#include "furrow-units.h"

/* Layout: 5 rows of 8 fields, rows along east–west roads, south-west corner at the origin. */
#define ORIGIN_LON    119.3850
#define ORIGIN_LAT     36.4400
#define N_ROWS         5
#define N_COLUMNS      8
#define ROAD_M         6.0     /* between rows */
#define TRACK_M        4.0     /* between fields of a row */
#define JITTER_M       2.5     /* corner offsets: roughly rectangular, not quite */
#define SEED           20240601

G_STATIC_ASSERT (N_ROWS * N_COLUMNS == FURROW_DEMO_N_FIELDS);

/* Common surnames (the first four weighted up, as in a Shandong village) and given names. */
static const char * const surnames[] = {
  "王", "张", "李", "刘", "陈", "杨", "赵", "孙", "周", "吴", "徐", "马", "朱", "胡", "郭",
  "高", "林", "郑", "宋", "韩", "冯", "曹", "田", "董", "于", "魏", "吕", "丁", "姜", "崔",
};
static const char * const given_names[] = {
  "建国", "建华", "秀英", "桂兰", "玉兰", "志强", "文华", "淑珍", "凤英", "国庆", "红梅",
  "立新", "春生", "德胜", "明", "强", "伟", "军", "海", "平", "芳", "静", "丽", "敏", "磊",
  "永刚", "保国", "振华", "秀兰", "玉珍", "金花", "庆丰", "富贵", "长林", "树森", "洪涛",
  "爱民", "学军", "玉梅", "淑芬", "桂芝", "德福", "春华", "秋菊", "冬梅", "继红", "建军",
  "卫东", "新民", "兆丰",
};
/* Field names: the stretch of land (one per row, south to north) and a number, as villages
 * name their land. */
static const char * const stretches[N_ROWS] = { "河滩", "南洼", "大田", "北坡", "后岭" };
static const char * const numerals[N_COLUMNS] = { "一", "二", "三", "四", "五", "六", "七", "八" };

typedef struct
{
  double x;  /* metres east of the origin */
  double y;  /* metres north of the origin */
} LocalPoint;

typedef struct
{
  LocalPoint sw, se, ne, nw;
  gboolean   north_south;  /* long axis N–S: parcels are N–S strips side by side */
  guint      n_parcels;
  double     area_m2;      /* nominal, for the parcel share */
  const char *land_grade;
  const char *land_use;
} DemoField;

/* Local metres to lon/lat with the length of a degree at the village's latitude (WGS84
 * series); only the layout uses it: the areas are measured on the ellipsoid afterwards. */
static FurrowPoint
to_lonlat (LocalPoint p)
{
  double phi = ORIGIN_LAT * G_PI / 180.0;
  double m_per_deg_lat = 111132.92 - 559.82 * cos (2 * phi) + 1.175 * cos (4 * phi);
  double m_per_deg_lon = 111412.84 * cos (phi) - 93.5 * cos (3 * phi);
  FurrowPoint out = { ORIGIN_LON + p.x / m_per_deg_lon, ORIGIN_LAT + p.y / m_per_deg_lat };

  return out;
}

static LocalPoint
lerp (LocalPoint a,
      LocalPoint b,
      double     t)
{
  LocalPoint out = { a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t };

  return out;
}

static LocalPoint
jitter (GRand  *rand,
        double  x,
        double  y)
{
  LocalPoint out = { x + g_rand_double_range (rand, -JITTER_M, JITTER_M),
                     y + g_rand_double_range (rand, -JITTER_M, JITTER_M) };

  return out;
}

static FurrowGeometry *
quad_geometry (LocalPoint a,
               LocalPoint b,
               LocalPoint c,
               LocalPoint d)
{
  FurrowGeometry *geometry = furrow_geometry_new ();
  FurrowPoint ring[4] = { to_lonlat (a), to_lonlat (b), to_lonlat (c), to_lonlat (d) };

  furrow_geometry_add_ring (geometry, furrow_geometry_add_polygon (geometry), ring, 4);
  return geometry;
}

static double
round_to (double value,
          double step)
{
  return round (value / step) * step;
}

/* Lays out the fields row by row; each field gets a nominal area of 25–180 mu (log-uniform). */
static void
layout_fields (GRand     *rand,
               DemoField *fields)
{
  double y = 0.0;

  for (guint row = 0; row < N_ROWS; row++)
    {
      double height = g_rand_double_range (rand, 170.0, 280.0);
      double x = g_rand_double_range (rand, 0.0, 60.0);

      for (guint column = 0; column < N_COLUMNS; column++)
        {
          DemoField *field = &fields[row * N_COLUMNS + column];
          double area_mu = exp (g_rand_double_range (rand, log (25.0), log (180.0)));
          double width = MAX (furrow_mu_to_m2 (area_mu) / height, 45.0);

          field->sw = jitter (rand, x, y);
          field->se = jitter (rand, x + width, y);
          field->ne = jitter (rand, x + width, y + height);
          field->nw = jitter (rand, x, y + height);
          field->north_south = height >= width;
          field->area_m2 = width * height;
          field->land_grade = (const char *[]) { "03", "04", "04", "05", "05", "06", "07" }
                                [g_rand_int_range (rand, 0, 7)];
          field->land_use = row == 0 ? "012" : "013";  /* the southern row is irrigated */
          x += width + TRACK_M;
        }
      y += height + ROAD_M;
    }
}

/* Parcels per field in proportion to its area, at least 3, summing to FURROW_DEMO_N_PARCELS
 * (largest remainder). */
static void
share_parcels (DemoField *fields)
{
  double total = 0.0, remainder[FURROW_DEMO_N_FIELDS];
  guint assigned = 0;

  for (guint f = 0; f < FURROW_DEMO_N_FIELDS; f++)
    total += fields[f].area_m2;
  for (guint f = 0; f < FURROW_DEMO_N_FIELDS; f++)
    {
      double exact = FURROW_DEMO_N_PARCELS * fields[f].area_m2 / total;

      fields[f].n_parcels = MAX ((guint) floor (exact), 3);
      remainder[f] = exact - floor (exact);
      assigned += fields[f].n_parcels;
    }
  while (assigned != FURROW_DEMO_N_PARCELS)
    {
      guint best = 0;

      for (guint f = 1; f < FURROW_DEMO_N_FIELDS; f++)
        if (assigned < FURROW_DEMO_N_PARCELS ? remainder[f] > remainder[best]
                                             : (fields[f].n_parcels > 3 &&
                                                remainder[f] < remainder[best]))
          best = f;
      if (assigned < FURROW_DEMO_N_PARCELS)
        {
          fields[best].n_parcels++;
          assigned++;
          remainder[best] = -1.0;
        }
      else
        {
          fields[best].n_parcels--;
          assigned--;
          remainder[best] = 2.0;
        }
    }
}

/* The Luhn check digit of `payload` (ISO/IEC 7812-1 annex B; docs/domain.md §14): from the
 * right, every other digit doubled starting with the last one of the payload. */
static char
luhn_digit (const char *payload)
{
  guint sum = 0;
  gsize n = strlen (payload);

  for (gsize k = 0; k < n; k++)
    {
      guint d = (guint) (payload[n - 1 - k] - '0');

      if (k % 2 == 0)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  return (char) ('0' + (10 - sum % 10) % 10);
}

/* The payee account (docs/domain.md §14), synthetic but valid: most households are paid to
 * their social-security card, a 19-digit UnionPay number (62…) ending in its Luhn digit; every
 * tenth to a passbook account of 18 digits (no check digit). Both use the issuer part 999999 /
 * 99999, which marks them as made up; none is a real account. No random numbers are drawn, so
 * the fields and parcels stay as they were. */
static void
set_account (FurrowHousehold *household,
             guint            index)
{
  g_autofree char *number = NULL;

  if (index % 10 == 3)
    {
      number = g_strdup_printf ("9999900101%08u", index + 1);
      furrow_household_set_bank (household, "示范县农村商业银行");
      furrow_household_set_bank_branch (household, "示范村分理处");
    }
  else
    {
      g_autofree char *payload = g_strdup_printf ("629999900%09u", index + 1);

      number = g_strdup_printf ("%s%c", payload, luhn_digit (payload));
      furrow_household_set_bank (household, "示范县农村商业银行（社保卡）");
      furrow_household_set_bank_branch (household, "示范镇支行");
    }
  furrow_household_set_account_number (household, number);
}

static gboolean
add_households (FurrowStore  *store,
                GRand        *rand,
                GPtrArray    *households,
                GError      **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < FURROW_DEMO_N_HOUSEHOLDS; i++)
    {
      g_autoptr(FurrowHousehold) household = furrow_household_new ();
      g_autofree char *code = g_strdup_printf ("%s%04u", FURROW_DEMO_VILLAGE_CODE, i + 1);
      g_autofree char *phone = g_strdup_printf ("1380000%04u", i + 1);
      g_autofree char *id17 = NULL;
      g_autofree char *id_number = NULL;
      char *name = NULL;

      /* Distinct names, so the roster reads like a village and not like a test. */
      for (guint attempt = 0; name == NULL || g_hash_table_contains (names, name); attempt++)
        {
          guint s = g_rand_int_range (rand, 0, 10) < 4 ? g_rand_int_range (rand, 0, 4)
                                                      : g_rand_int_range (rand, 0,
                                                                          G_N_ELEMENTS (surnames));
          g_free (name);
          name = g_strconcat (surnames[s],
                              given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))],
                              attempt > 20 ? "甲" : NULL, NULL);
        }
      g_hash_table_add (names, name);

      id17 = g_strdup_printf ("000000%04d%02d%02d%03u",
                              g_rand_int_range (rand, 1945, 1995),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                              (i * 7) % 1000);
      id_number = g_strdup_printf ("%s%c", id17, furrow_register_id_check_character (id17));

      furrow_household_set_code (household, code);
      furrow_household_set_name (household, name);
      furrow_household_set_members (household, (guint) g_rand_int_range (rand, 1, 7));
      furrow_household_set_phone (household, phone);
      furrow_household_set_id_number (household, id_number);
      set_account (household, i);
      if (!furrow_store_add_household (store, household, error))
        return FALSE;
      g_ptr_array_add (households, g_steal_pointer (&household));
    }
  return TRUE;
}

/* The side neighbour of a strip: the head of the next strip's household, or the track. */
static const char *
neighbour (GPtrArray   *households,
           const guint *owner,
           guint        first,
           guint        n,
           int          index,
           const char  *outside)
{
  if (index < 0 || index >= (int) n)
    return outside;
  return furrow_household_get_name (g_ptr_array_index (households, owner[first + index]));
}

static gboolean
add_fields_and_parcels (FurrowStore  *store,
                        GRand        *rand,
                        DemoField    *fields,
                        GPtrArray    *households,
                        GError      **error)
{
  g_autofree guint *owner = g_new (guint, FURROW_DEMO_N_PARCELS);
  g_autofree guint *order = g_new (guint, FURROW_DEMO_N_PARCELS);
  guint serial = 0;

  /* Every household gets at least one parcel; the rest are spread at random. */
  for (guint i = 0; i < FURROW_DEMO_N_PARCELS; i++)
    order[i] = i;
  for (guint i = FURROW_DEMO_N_PARCELS - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  for (guint i = 0; i < FURROW_DEMO_N_PARCELS; i++)
    owner[order[i]] = i < FURROW_DEMO_N_HOUSEHOLDS ? i
                      : (guint) g_rand_int_range (rand, 0, FURROW_DEMO_N_HOUSEHOLDS);

  for (guint f = 0; f < FURROW_DEMO_N_FIELDS; f++)
    {
      DemoField *demo = &fields[f];
      g_autoptr(FurrowField) field = furrow_field_new ();
      g_autoptr(FurrowGeometry) outline = quad_geometry (demo->sw, demo->se, demo->ne, demo->nw);
      g_autofree char *code = g_strdup_printf ("T%02u", f + 1);
      g_autofree char *name = g_strdup_printf ("%s%s号地", stretches[f / N_COLUMNS],
                                               numerals[f % N_COLUMNS]);
      g_autofree double *cuts = g_new (double, demo->n_parcels + 1);
      double total = 0.0;
      guint first = serial;

      furrow_field_set_code (field, code);
      furrow_field_set_name (field, name);
      furrow_field_set_geometry (field, outline);
      if (!furrow_store_add_field (store, field, error))
        return FALSE;

      /* Strip widths vary ±40 % around the mean. */
      cuts[0] = 0.0;
      for (guint i = 1; i <= demo->n_parcels; i++)
        cuts[i] = cuts[i - 1] + g_rand_double_range (rand, 0.6, 1.4);
      total = cuts[demo->n_parcels];
      for (guint i = 1; i <= demo->n_parcels; i++)
        cuts[i] /= total;
      cuts[demo->n_parcels] = 1.0;

      for (guint i = 0; i < demo->n_parcels; i++, serial++)
        {
          g_autoptr(FurrowParcel) parcel = furrow_parcel_new ();
          g_autoptr(FurrowGeometry) strip = NULL;
          FurrowHousehold *household = g_ptr_array_index (households, owner[serial]);
          g_autofree char *dkbm = g_strdup_printf ("%s%05u", FURROW_DEMO_VILLAGE_CODE,
                                                   serial + 1);
          guint household_index = owner[serial];
          double measured_m2, registered_mu, offset;
          const char *road = f / N_COLUMNS == 0 ? "沟渠" : "道路";

          if (demo->north_south)
            {
              strip = quad_geometry (lerp (demo->sw, demo->se, cuts[i]),
                                     lerp (demo->sw, demo->se, cuts[i + 1]),
                                     lerp (demo->nw, demo->ne, cuts[i + 1]),
                                     lerp (demo->nw, demo->ne, cuts[i]));
              furrow_parcel_set_neighbour_west (parcel, neighbour (households, owner, first,
                                                                   demo->n_parcels, i - 1,
                                                                   "机耕路"));
              furrow_parcel_set_neighbour_east (parcel, neighbour (households, owner, first,
                                                                   demo->n_parcels, i + 1,
                                                                   "机耕路"));
              furrow_parcel_set_neighbour_south (parcel, road);
              furrow_parcel_set_neighbour_north (parcel, "道路");
            }
          else
            {
              strip = quad_geometry (lerp (demo->sw, demo->nw, cuts[i]),
                                     lerp (demo->se, demo->ne, cuts[i]),
                                     lerp (demo->se, demo->ne, cuts[i + 1]),
                                     lerp (demo->sw, demo->nw, cuts[i + 1]));
              furrow_parcel_set_neighbour_south (parcel, neighbour (households, owner, first,
                                                                    demo->n_parcels, i - 1,
                                                                    road));
              furrow_parcel_set_neighbour_north (parcel, neighbour (households, owner, first,
                                                                    demo->n_parcels, i + 1,
                                                                    "道路"));
              furrow_parcel_set_neighbour_west (parcel, "机耕路");
              furrow_parcel_set_neighbour_east (parcel, "机耕路");
            }

          furrow_parcel_set_code (parcel, dkbm);
          furrow_parcel_set_name (parcel, name);
          furrow_parcel_set_household_code (parcel, furrow_household_get_code (household));
          furrow_parcel_set_field_id (parcel, furrow_field_get_id (field));
          furrow_parcel_set_geometry (parcel, strip);

          /* Registered (contract) area: 1–6 % off the measured one, to 0.01 mu
           * (docs/domain.md §3). */
          measured_m2 = furrow_parcel_get_measured_area_m2 (parcel);
          offset = g_rand_double_range (rand, 0.01, 0.06) * (g_rand_boolean (rand) ? 1 : -1);
          registered_mu = round_to (furrow_m2_to_mu (measured_m2 * (1.0 + offset)), 0.01);
          furrow_parcel_set_registered_area_m2 (parcel, furrow_mu_to_m2 (registered_mu));
          furrow_parcel_set_surveyed_area_m2 (parcel,
                                              round_to (measured_m2 *
                                                        (1.0 + g_rand_double_range (rand,
                                                                                    -0.003,
                                                                                    0.003)),
                                                        0.01));
          furrow_parcel_set_land_use (parcel, demo->land_use);
          furrow_parcel_set_land_grade (parcel, demo->land_grade);
          /* Every 25th household keeps its crop (半托管). */
          furrow_parcel_set_custody (parcel, household_index % 25 == 7 ? FURROW_CUSTODY_HALF
                                                                       : FURROW_CUSTODY_FULL);
          /* Every fifth household joined for the 2025 season (FURROW_DEMO_SEASON): before its
           * sowing, so its contract covers the season it is settled in. */
          furrow_parcel_set_entrusted_from (parcel, household_index % 5 == 0 ? "2025-05-01"
                                                                             : "2024-10-01");
          furrow_parcel_set_entrusted_to (parcel, "2029-09-30");
          if (!furrow_store_add_parcel (store, parcel, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The demo's past season (docs/domain.md §8, §15, §14), settled so that every paper of the
 * season has something to print: every field in the "2+4" maize–soybean strip, harvested at
 * 470–560 kg of maize and 85–125 kg of soybean per registered mu (varying by field, no random
 * numbers drawn), sold at the season's default prices; half custody billed sowing 30 and harvest
 * 60 yuan/mu; settled with the default base and split; posted for 7 days from 2025-11-20, one
 * objection received and resolved during the notice; then paid by the bank in two batches: the
 * first (households …0001 to …0200) sent and returned, paid but for two accounts that failed,
 * the second not sent yet. */
#define DEMO_SEASON_FIRST_BATCH 200

static gboolean
add_settled_season (FurrowStore  *store,
                    GPtrArray    *households,
                    GError      **error)
{
  g_autoptr(FurrowSeason) draft = furrow_season_new (FURROW_DEMO_SEASON, 2025);
  g_autoptr(FurrowSeason) season = NULL;
  g_autoptr(GListModel) fields = furrow_store_get_fields (store);
  g_autoptr(FurrowSeasonSettlement) settlement = NULL;
  g_autoptr(FurrowObjection) objection = NULL;
  g_autoptr(GArray) sent = g_array_new (FALSE, TRUE, sizeof (FurrowPaymentChange));
  g_autoptr(GArray) returned = g_array_new (FALSE, TRUE, sizeof (FurrowPaymentChange));
  FurrowPattern pattern;

  furrow_season_set_notes (draft, "演示数据：玉米大豆带状复合种植，已结算、公示并经银行代发。");
  furrow_season_set_fee (draft, "sowing", 3000);
  furrow_season_set_fee (draft, "harvest", 6000);
  if (!furrow_store_add_season (store, draft, error))
    return FALSE;
  season = furrow_store_find_season (store, FURROW_DEMO_SEASON);
  if (!furrow_pattern_preset ("2+4", &pattern))
    g_return_val_if_reached (FALSE);
  for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, f);
      double mu = furrow_m2_to_mu (furrow_field_get_registered_area_m2 (field));
      double maize_kg = round (mu * (470.0 + (f * 37) % 91));
      double soybean_kg = round (mu * (85.0 + (f * 13) % 41));
      const FurrowSeasonPrice *maize = furrow_season_get_price (season, FURROW_CROP_MAIZE);
      const FurrowSeasonPrice *soybean = furrow_season_get_price (season, FURROW_CROP_SOYBEAN);

      if (!furrow_store_set_plan (store, season, field, &pattern, "2+4", "practical", error) ||
          !furrow_store_set_harvest (store, season, field, FURROW_CROP_MAIZE, maize_kg,
                                     llround (maize_kg * maize->price_fen_per_kg), error) ||
          !furrow_store_set_harvest (store, season, field, FURROW_CROP_SOYBEAN, soybean_kg,
                                     llround (soybean_kg * soybean->price_fen_per_kg), error))
        return FALSE;
    }
  if (!furrow_store_settle_season (store, season, NULL, error) ||
      !furrow_store_set_notice (store, season, "2025-11-20", FURROW_NOTICE_DEFAULT_DAYS, error))
    return FALSE;

  /* An objection during the notice, resolved before it ended. */
  objection = furrow_objection_new (furrow_household_get_code (g_ptr_array_index (households,
                                                                                  11)),
                                    "地块面积与确权证书不符，少算0.12亩", "2025-11-22");
  g_free (objection->resolution);
  objection->resolution = g_strdup ("核对确权证书，面积以确权登记为准，已向农户解释");
  g_free (objection->resolved);
  objection->resolved = g_strdup ("2025-11-24");
  if (!furrow_store_add_objection (store, season, objection, error))
    return FALSE;

  settlement = furrow_store_get_settlement (store, season, error);
  if (settlement == NULL)
    return FALSE;
  for (gsize i = 0; i < settlement->n_rows; i++)
    {
      const FurrowSeasonSettlementRow *row = &settlement->rows[i];
      FurrowPaymentChange change = { row->code, FURROW_PAYMENT_SENT, NULL };
      guint serial = (guint) g_ascii_strtoull (row->code + strlen (FURROW_DEMO_VILLAGE_CODE),
                                               NULL, 10);

      if (row->total_fen <= 0 || serial > DEMO_SEASON_FIRST_BATCH)
        continue;
      g_array_append_val (sent, change);
      change.status = FURROW_PAYMENT_PAID;
      /* Two of the first batch come back failed, as a bank's return file says it. */
      if (sent->len == 5 || sent->len == 42)
        {
          change.status = FURROW_PAYMENT_FAILED;
          change.reason = sent->len == 5 ? "账户已销户" : "户名与账号不符";
        }
      g_array_append_val (returned, change);
    }
  return furrow_store_set_payments (store, season, (FurrowPaymentChange *) sent->data, sent->len,
                                    "demo bank file", error) &&
         furrow_store_set_payments (store, season, (FurrowPaymentChange *) returned->data,
                                    returned->len, "demo bank return", error);
}

static gboolean
populate_register (FurrowStore  *store,
                   gpointer      user_data,
                   GError      **error)
{
  GPtrArray *households = user_data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  DemoField fields[FURROW_DEMO_N_FIELDS] = { 0 };

  layout_fields (rand, fields);
  share_parcels (fields);

  return furrow_store_set_cooperative (store, "示范村土地股份合作社（演示数据）",
                                       FURROW_DEMO_VILLAGE_CODE, "示范村村委会（演示数据）",
                                       error) &&
         add_households (store, rand, households, error) &&
         add_fields_and_parcels (store, rand, fields, households, error);
}

static gboolean
populate (FurrowStore  *store,
          gpointer      user_data,
          GError      **error)
{
  return populate_register (store, user_data, error) &&
         add_settled_season (store, user_data, error);
}

/* One transaction: settling reads the register from the store's list models, which show the
 * transaction's own additions when first read inside it. */
gboolean
furrow_demo_populate (FurrowStore  *store,
                      GError      **error)
{
  g_autoptr(GPtrArray) households = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);

  return furrow_store_transaction (store, populate, households, error);
}

FurrowStore *
furrow_demo_create (const char  *path,
                    GError     **error)
{
  g_autoptr(FurrowStore) store = furrow_store_create (path, error);

  if (store == NULL)
    return NULL;
  if (!furrow_demo_populate (store, error))
    {
      g_clear_object (&store);
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&store);
}
