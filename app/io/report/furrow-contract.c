/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-contract.h"
#include "furrow-contract-private.h"
#include "furrow-report-private.h"

#include "furrow-economics.h"
#include "furrow-store-season.h"
#include "furrow-units.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>


static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_strfreev (block->cells);
  g_free (block);
}

static void
clear_contract (gpointer data)
{
  Contract *contract = data;

  g_free (contract->code);
  g_free (contract->name);
  g_clear_pointer (&contract->blocks, g_ptr_array_unref);
}

void
furrow_contract_free (FurrowContract *self)
{
  if (self == NULL)
    return;
  g_free (self->cooperative);
  g_free (self->season_name);
  g_free (self->title);
  g_free (self->signing_date);
  g_free (self->signing_place);
  g_clear_pointer (&self->contracts, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self);
}

/* ------------------------------------------------------------------------------------------ */
/* What one household's contract says                                                         */

typedef struct
{
  FurrowParcel *parcel;     /* the store's */
  const char   *crop;       /* translated, static */
} Plot;

/* The money of one household, from the settlement or the prediction. */
typedef struct
{
  gboolean found;
  double   full_area_mu;
  gint64   base_fen;
  gint64   fee_fen_per_mu;
  double   fee_area_mu;
  gint64   fee_fen;
} Money;

typedef struct
{
  FurrowStore         *store;
  FurrowSeason        *season;
  GHashTable          *field_names;   /* field id → name */
  GHashTable          *field_plans;   /* field id → FurrowSeasonPlan */
  GHashTable          *money;         /* code → Money */
  gint64               base_fen_per_mu;
  FurrowSurplusSplit   split;
  const FurrowContractOptions *options;
} Context;

char *
_furrow_contract_blank_date (void)
{
  /* Translators: a date to fill in by hand on a contract */
  return g_strdup (_("______ year ____ month ____ day"));
}

static char *
date_or_blank (const char *iso)
{
  if (iso == NULL || *iso == '\0')
    return _furrow_contract_blank_date ();
  return furrow_report_format_date (iso);
}

static const char *
crop_label (const FurrowSeasonPlan *plan)
{
  if (plan == NULL)
    /* Translators: a plot's crop on a contract when the season has no plan for its field */
    return _("Not planned");
  if (plan->pattern.maize_rows > 0 && plan->pattern.soy_rows > 0)
    return _("Maize–soybean strips");
  if (plan->pattern.soy_rows > 0)
    return _("Soybean");
  return _("Maize");
}

static void
add_block (GPtrArray  *blocks,
           BlockKind   kind,
           double      space_before,
           char       *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = text;
  block->space_before = space_before;
  g_ptr_array_add (blocks, block);
}

static void
add_text (GPtrArray  *blocks,
          char       *text)
{
  add_block (blocks, BLOCK_TEXT, 3.0, text);
}

static void
add_heading (GPtrArray  *blocks,
             const char *text)
{
  add_block (blocks, BLOCK_HEADING, 8.0, g_strdup (text));
}

static void
add_row (GPtrArray  *blocks,
         BlockKind   kind,
         char      **cells)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->cells = cells;
  g_ptr_array_add (blocks, block);
}

/* The base rule in words: "a fixed ¥500.00 per mu", "550 kg of maize per mu valued at …". */
static char *
base_rule_text (FurrowSeason *season)
{
  const FurrowBaseRule *rule = furrow_season_get_base_rule (season);

  switch (rule->kind)
    {
    case FURROW_BASE_IN_KIND:
      {
        g_autofree char *kg = g_strdup_printf ("%g", rule->kg_per_mu);
        g_autofree char *price = furrow_format_yuan ((gint64) llround (rule->price_fen_per_kg));

        if (rule->less_cost_per_mu)
          /* Translators: a contract's base rule: kilograms of maize per mu and its price */
          return g_strdup_printf (_("%s kg of maize per mu valued at %s per kg, less the "
                                    "season's cost per mu"), kg, price);
        return g_strdup_printf (_("%s kg of maize per mu valued at %s per kg"), kg, price);
      }
    case FURROW_BASE_ANNUAL_SHARE:
      {
        g_autofree char *annual = furrow_format_yuan (rule->annual_fen_per_mu);
        g_autofree char *pct = furrow_report_format_pct (rule->season_pct);

        /* Translators: a contract's base rule: an annual base per mu and this season's share */
        return g_strdup_printf (_("an annual base of %s per mu, %s of it this season"), annual,
                                pct);
      }
    case FURROW_BASE_FIXED:
    default:
      {
        g_autofree char *rate = furrow_format_yuan (rule->fen_per_mu);

        return g_strdup_printf (_("a fixed %s per mu"), rate);
      }
    }
}

/* "东大片: 2 maize + 4 soybean rows, 2.70 m, about 4,290 maize seeds …" for each field the
 * household's plots lie in (docs/domain.md §5). */
static void
add_standards (Context   *ctx,
               GPtrArray *blocks,
               GArray    *plots)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = 0;

  for (guint i = 0; i < plots->len; i++)
    {
      Plot *plot = &g_array_index (plots, Plot, i);
      gint64 field_id = furrow_parcel_get_field_id (plot->parcel);
      const FurrowSeasonPlan *plan = g_hash_table_lookup (ctx->field_plans, &field_id);
      const char *field = g_hash_table_lookup (ctx->field_names, &field_id);
      g_autofree char *pattern = NULL;
      g_autofree char *maize = NULL;
      g_autofree char *soybean = NULL;

      if (plan == NULL || g_hash_table_contains (seen, &field_id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&field_id, sizeof field_id));
      pattern = furrow_pattern_describe (&plan->pattern);
      maize = g_strdup_printf ("%.0f", furrow_pattern_seeds_per_mu (&plan->pattern,
                                                                    FURROW_CROP_MAIZE));
      soybean = g_strdup_printf ("%.0f", furrow_pattern_seeds_per_mu (&plan->pattern,
                                                                      FURROW_CROP_SOYBEAN));
      if (field == NULL)
        field = "—";
      if (plan->pattern.maize_rows > 0 && plan->pattern.soy_rows > 0)
        /* Translators: a contract's service standard: the custody field, its pattern and the
         * seeds sown per mu */
        add_text (blocks, g_strdup_printf (_("Field %s: %s; %s maize seeds and %s soybean "
                                             "seeds sown per mu."), field, pattern, maize,
                                           soybean));
      else if (plan->pattern.soy_rows > 0)
        add_text (blocks, g_strdup_printf (_("Field %s: %s; %s soybean seeds sown per mu."),
                                           field, pattern, soybean));
      else
        add_text (blocks, g_strdup_printf (_("Field %s: %s; %s maize seeds sown per mu."),
                                           field, pattern, maize));
      n++;
    }
  if (n == 0)
    add_text (blocks, g_strdup (_("The season's plan for these plots is not made yet: the "
                                  "parties agree the pattern and the sowing rate in an "
                                  "annex.")));
  add_text (blocks, g_strdup (_("Every operation meets the national, industry and local "
                                "standards; further technical and quality standards the "
                                "parties agree (the Ministry's guide to custody service "
                                "standards may be followed) are annexed to this contract and "
                                "have the same force.")));
}

/* The half-custody operations the household takes, each with its fee: "sowing ¥30.00/mu,
 * harvest ¥60.00/mu"; NULL when it takes none. */
static char *
operations_text (Context    *ctx,
                 const char *code)
{
  g_auto(GStrv) taken = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const FurrowSeasonFee *fees;
  guint n_fees = 0;

  taken = furrow_store_get_household_operations (ctx->store, ctx->season, code, NULL, NULL);
  fees = furrow_season_get_fees (ctx->season, &n_fees);
  for (guint i = 0; taken != NULL && taken[i] != NULL; i++)
    for (guint f = 0; f < n_fees; f++)
      if (g_strcmp0 (fees[f].operation, taken[i]) == 0)
        {
          g_autofree char *rate = furrow_report_format_rate (fees[f].fen_per_mu);

          if (text->len > 0)
            /* Translators: between the items of a list in a sentence; zh_CN: "、" */
            g_string_append (text, C_("list separator", ", "));
          g_string_append_printf (text, "%s %s", fees[f].operation, rate);
        }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The term: the options', else the earliest entrusted-from and latest entrusted-to of the
 * plots, else blanks. */
static void
term_dates (Context  *ctx,
            GArray   *plots,
            char    **start,
            char    **end)
{
  const char *from = ctx->options->start_date;
  const char *to = ctx->options->end_date;

  for (guint i = 0; i < plots->len; i++)
    {
      FurrowParcel *parcel = g_array_index (plots, Plot, i).parcel;
      const char *f = furrow_parcel_get_entrusted_from (parcel);
      const char *t = furrow_parcel_get_entrusted_to (parcel);

      if (ctx->options->start_date == NULL && f != NULL && *f != '\0'
          && (from == NULL || strcmp (f, from) < 0))
        from = f;
      if (ctx->options->end_date == NULL && t != NULL && *t != '\0'
          && (to == NULL || strcmp (t, to) > 0))
        to = t;
    }
  *start = date_or_blank (from);
  *end = date_or_blank (to);
}

static char **
plot_cells (guint         number,
            FurrowParcel *parcel,
            const char   *crop)
{
  const char *dkbm = furrow_parcel_get_code (parcel);
  const char *name = furrow_parcel_get_name (parcel);
  gsize len = dkbm != NULL ? strlen (dkbm) : 0;
  char **cells = g_new0 (char *, N_COLUMNS + 1);
  gboolean coded = len >= GROUP_CODE_LEN;
  gint64 cmu = furrow_economics_area_cmu (furrow_parcel_get_registered_area_m2 (parcel));

  cells[0] = g_strdup_printf ("%u", number);
  /* County, township, village and group: the parts of the code's FBFBM (NY/T 2539-2016). */
  cells[1] = coded ? g_strndup (dkbm, 6) : g_strdup ("—");
  cells[2] = coded ? g_strndup (dkbm + 6, 3) : g_strdup ("—");
  cells[3] = coded ? g_strndup (dkbm + 9, 3) : g_strdup ("—");
  cells[4] = coded ? g_strndup (dkbm + 12, 2) : g_strdup ("—");
  cells[5] = g_strdup (dkbm != NULL ? dkbm : "");
  cells[6] = g_strdup (name != NULL ? name : "");
  cells[7] = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cmu / 100, (int) (cmu % 100));
  cells[8] = g_strdup (crop);
  cells[9] = g_strdup (furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_HALF
                       /* Translators: a plot's custody in a contract's narrow column */
                       ? C_("contract", "Half custody") : C_("contract", "Full custody"));
  return cells;
}

static const char *
column_header (guint column)
{
  switch (column)
    {
    case 0: return _("No.");
    case 1: return _("County");
    case 2: return _("Township");
    case 3: return _("Village");
    case 4: return _("Group");
    case 5: return _("Parcel code");
    case 6: return _("Parcel name");
    case 7: return _("Area (mu)");
    case 8: return _("Crop");
    default: return _("Custody");
    }
}

static char *
format_cmu (gint64 cmu)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cmu / 100, (int) (cmu % 100));
}

static void
build_contract (Context         *ctx,
                FurrowHousehold *household,
                GArray          *plots,
                Contract        *contract)
{
  const char *code = furrow_household_get_code (household);
  const char *name = furrow_household_get_name (household);
  g_autofree char *id = furrow_report_mask_id_number (furrow_household_get_id_number (household));
  g_autofree char *phone = furrow_report_mask_phone (furrow_household_get_phone (household));
  const char *cooperative = furrow_store_get_cooperative_name (ctx->store);
  const Money *money = g_hash_table_lookup (ctx->money, code);
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  gint64 total_cmu = 0;
  gint64 full_cmu = 0;
  gint64 half_cmu = 0;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint year = furrow_season_get_crop_year (ctx->season);

  contract->code = g_strdup (code);
  contract->name = g_strdup (name);
  contract->blocks = blocks;
  if (name == NULL || *name == '\0')
    name = "—";
  if (cooperative == NULL || *cooperative == '\0')
    cooperative = "—";

  for (guint i = 0; i < plots->len; i++)
    {
      FurrowParcel *parcel = g_array_index (plots, Plot, i).parcel;
      gint64 cmu = furrow_economics_area_cmu (furrow_parcel_get_registered_area_m2 (parcel));

      total_cmu += cmu;
      if (furrow_parcel_get_custody (parcel) == FURROW_CUSTODY_HALF)
        half_cmu += cmu;
      else
        full_cmu += cmu;
    }

  /* The title and the parties. */
  add_block (blocks, BLOCK_TITLE, 0.0, g_strdup (_("Agricultural Production Custody Service "
                                                   "Contract")));
  add_block (blocks, BLOCK_TEXT, 2.0,
             g_strdup (_("Laid out after the model text of the Ministry of Agriculture and "
                         "Rural Affairs (2020)")));
  /* Translators: the contract number: the crop year and the household code */
  add_text (blocks, g_strdup_printf (_("Contract No.: %u-%s      Season: %s"), year, code,
                                     furrow_season_get_name (ctx->season)));
  /* Translators: 甲方 on the contract: the household head */
  add_block (blocks, BLOCK_TEXT, 8.0,
             g_strdup_printf (_("Party A (entrusting party, receives the service): %s"),
                              name));
  /* Translators: the household's code and its head's ID number, masked */
  add_text (blocks, g_strdup_printf (_("Household code: %s      ID number: %s"), code,
                                     *id != '\0' ? id : "—"));
  /* Translators: the household's phone number, masked */
  add_text (blocks, g_strdup_printf (_("Phone: %s"), *phone != '\0' ? phone : "—"));
  /* Translators: 乙方 on the contract: the cooperative */
  add_block (blocks, BLOCK_TEXT, 6.0,
             g_strdup_printf (_("Party B (trustee, provides the service): %s"), cooperative));
  add_text (blocks, g_strdup (_("Legal representative: ____________      Address and contact: "
                                "________________________")));
  add_block (blocks, BLOCK_TEXT, 8.0,
             g_strdup_printf (_("Under the relevant laws, regulations and policies, Party A "
                                "and Party B, on the principles of equality, free will and "
                                "payment for service, agree on the custody service of the "
                                "season “%s” as follows."),
                              furrow_season_get_name (ctx->season)));

  /* Article 1: the plots and the operations. */
  add_heading (blocks, _("Article 1  Service content"));
  {
    g_autofree char *area = format_cmu (total_cmu);

    add_text (blocks, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Party A entrusts to Party B %u plot of "
                                                    "%s mu in all, as the land register "
                                                    "records it:",
                                                    "Party A entrusts to Party B %u plots of "
                                                    "%s mu in all, as the land register "
                                                    "records them:", plots->len),
                                       plots->len, area));
  }
  {
    char **header = g_new0 (char *, N_COLUMNS + 1);

    for (guint c = 0; c < N_COLUMNS; c++)
      header[c] = g_strdup (column_header (c));
    add_row (blocks, BLOCK_TABLE_HEADER, header);
  }
  for (guint i = 0; i < plots->len; i++)
    {
      Plot *plot = &g_array_index (plots, Plot, i);

      add_row (blocks, BLOCK_TABLE_ROW, plot_cells (i + 1, plot->parcel, plot->crop));
    }
  {
    char **total = g_new0 (char *, N_COLUMNS + 1);

    for (guint c = 0; c < N_COLUMNS; c++)
      total[c] = g_strdup ("");
    g_free (total[0]);
    total[0] = g_strdup (_("Total"));
    g_free (total[7]);
    total[7] = format_cmu (total_cmu);
    add_row (blocks, BLOCK_TABLE_TOTAL, total);
  }
  add_block (blocks, BLOCK_TEXT, 4.0,
             g_strdup (_("County, township, village and group are the parts of the parcel "
                         "code (NY/T 2539-2016); the area is the registered (contract) area.")));
  if (full_cmu > 0)
    add_text (blocks, g_strdup (_("Full custody: on the full-custody plots Party B carries out "
                                  "every operation of the season — tillage, sowing, crop "
                                  "protection and harvest — and sells the harvest.")));
  if (half_cmu > 0)
    {
      g_autofree char *ops = operations_text (ctx, contract->code);

      if (ops != NULL)
        add_text (blocks, g_strdup_printf (_("Half custody: on the half-custody plots Party B "
                                             "carries out these operations: %s; Party A "
                                             "keeps the crop and does the rest."), ops));
      else
        add_text (blocks, g_strdup (_("Half custody: Party A has chosen no operation this "
                                      "season; Party A keeps the crop.")));
    }

  /* Article 2: the standards. */
  add_heading (blocks, _("Article 2  Service standards"));
  add_standards (ctx, blocks, plots);

  /* Article 3: the term. */
  add_heading (blocks, _("Article 3  Term"));
  term_dates (ctx, plots, &start, &end);
  add_text (blocks, g_strdup_printf (_("Party B carries out the entrusted operations from %s "
                                       "to %s, as the season and the crops require."),
                                     start, end));

  /* Article 4: the money, in figures and in capital numerals (docs/domain.md §11). */
  add_heading (blocks, _("Article 4  Base payment, fees and payment"));
  if (full_cmu > 0 && money != NULL)
    {
      g_autofree char *rule = base_rule_text (ctx->season);
      g_autofree char *rate = furrow_format_yuan (ctx->base_fen_per_mu);
      g_autofree char *area = format_cmu ((gint64) llround (money->full_area_mu * 100.0));
      g_autofree char *amount = furrow_format_yuan (money->base_fen);
      g_autofree char *reserve = furrow_report_format_pct (ctx->split.reserve_pct);
      g_autofree char *collective = furrow_report_format_pct (ctx->split.collective_pct);
      g_autofree char *coop = furrow_report_format_pct (ctx->split.cooperative_pct);
      g_autofree char *households = furrow_report_format_pct (ctx->split.households_pct);

      if (furrow_season_get_base_rule (ctx->season)->kind == FURROW_BASE_FIXED)
        /* Translators: the base rate per mu, the area and the amount */
        add_text (blocks, g_strdup_printf (_("Base payment: %s per mu; on Party A's %s mu of "
                                             "full custody, Party B pays Party A %s."),
                                           rate, area, amount));
      else
        /* Translators: the base rule in words, the rate per mu, the area and the amount */
        add_text (blocks, g_strdup_printf (_("Base payment: %s, that is %s per mu; on Party "
                                             "A's %s mu of full custody, Party B pays Party A "
                                             "%s."), rule, rate, area, amount));
      add_text (blocks, furrow_report_in_words (money->base_fen));
      add_text (blocks, g_strdup_printf (_("Dividend: of the season's surplus after costs and "
                                           "base payments, %s goes to the reserve fund, %s to "
                                           "the village collective, %s to the cooperative and "
                                           "%s to the households in proportion to their area. "
                                           "In a season without surplus the base is still paid "
                                           "and no dividend is."),
                                         reserve, collective, coop, households));
    }
  if (half_cmu > 0 && money != NULL)
    {
      g_autofree char *rate = furrow_format_yuan (money->fee_fen_per_mu);
      g_autofree char *area = format_cmu ((gint64) llround (money->fee_area_mu * 100.0));
      g_autofree char *amount = furrow_format_yuan (money->fee_fen);

      add_text (blocks, g_strdup_printf (_("Service fees: %s per mu for the operations above; "
                                           "on Party A's %s mu of half custody, Party A pays "
                                           "Party B %s."), rate, area, amount));
      add_text (blocks, furrow_report_in_words (money->fee_fen));
    }
  add_text (blocks, g_strdup (_("Amounts are worked out to the fen. They are paid or settled "
                                "after the season's settlement has been posted for public "
                                "notice, by cash against the payroll or to Party A's "
                                "account.")));

  /* Articles 5–10. */
  add_heading (blocks, _("Article 5  Party A's rights and duties"));
  add_text (blocks, g_strdup (_("Party A keeps its land contract rights. It shows Party B the "
                                "plots' boundaries, does not hinder the operations, may "
                                "inspect them, and may object to the settlement during the "
                                "public notice.")));
  add_heading (blocks, _("Article 6  Party B's rights and duties"));
  add_text (blocks, g_strdup (_("Party B farms the plots to the agreed standards and in good "
                                "time, keeps them in agricultural use, does not damage "
                                "irrigation works, records every operation, and reports the "
                                "harvest and the settlement to Party A.")));
  add_heading (blocks, _("Article 7  Change and termination"));
  add_text (blocks, g_strdup (_("This contract is changed or ended only in writing, by "
                                "agreement. When force majeure such as a natural disaster "
                                "prevents it, the parties settle for the work done.")));
  add_heading (blocks, _("Article 8  Liability for breach"));
  add_text (blocks, g_strdup (_("A party that breaks this contract makes good the loss it "
                                "causes the other.")));
  add_heading (blocks, _("Article 9  Disputes"));
  add_text (blocks, g_strdup (_("Disputes are settled by negotiation. Failing that, either "
                                "party may ask the village committee, the township "
                                "government or the rural land contract arbitration committee "
                                "to mediate, apply for arbitration, or bring a suit in the "
                                "people's court.")));
  add_heading (blocks, _("Article 10  Other terms"));
  add_text (blocks, g_strdup (_("This contract is made in two copies, one for each party, and "
                                "takes effect when both have signed. Matters it does not "
                                "cover are agreed in writing as an annex, which has the same "
                                "force.")));
  add_block (blocks, BLOCK_SIGNATURES, 14.0, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* The money                                                                                  */

static gboolean
load_money (Context  *ctx,
            GError  **error)
{
  if (furrow_season_get_state (ctx->season) == FURROW_SEASON_SETTLED)
    {
      g_autoptr(FurrowSeasonSettlement) s = furrow_store_get_settlement (ctx->store,
                                                                         ctx->season, error);

      if (s == NULL)
        return FALSE;
      ctx->base_fen_per_mu = s->totals.base_fen_per_mu;
      ctx->split = s->split;
      for (gsize i = 0; i < s->n_rows; i++)
        {
          const FurrowSeasonSettlementRow *row = &s->rows[i];
          Money *money = g_new0 (Money, 1);
          double area_mu = furrow_economics_area_cmu (row->area_m2) / 100.0;

          money->found = TRUE;
          money->full_area_mu = row->custody == FURROW_CUSTODY_FULL ? area_mu : 0.0;
          money->base_fen = row->base_fen;
          money->fee_fen_per_mu = row->fee_fen_per_mu;
          money->fee_area_mu = row->fee_area_m2 > 0.0
                               ? furrow_economics_area_cmu (row->fee_area_m2) / 100.0
                               : area_mu;
          money->fee_fen = row->fee_fen;
          g_hash_table_insert (ctx->money, g_strdup (row->code), money);
        }
      return TRUE;
    }

  {
    g_autoptr(FurrowSeasonSettlementInput) input = NULL;
    g_autofree FurrowDistributionShare *shares = NULL;
    FurrowDistributionResult result;

    input = furrow_store_build_prediction_input (ctx->store, ctx->season, error);
    if (input == NULL)
      return FALSE;
    /* The reason for a split under 60 % is asked when settling; a contract states the rule. */
    if (input->input.reason == NULL)
      input->input.reason = "—";
    shares = g_new0 (FurrowDistributionShare, MAX (input->input.n_households, 1));
    if (!furrow_distribution_compute (&input->input, &result, shares, error))
      return FALSE;
    ctx->base_fen_per_mu = result.base_fen_per_mu;
    ctx->split = input->input.split;
    for (gsize i = 0; i < input->input.n_households; i++)
      {
        const FurrowDistributionShare *share = &shares[i];
        Money *money = g_new0 (Money, 1);

        money->found = TRUE;
        money->full_area_mu = share->custody == FURROW_CUSTODY_FULL ? share->area_mu : 0.0;
        money->base_fen = share->base_fen;
        money->fee_fen_per_mu = share->fee_fen_per_mu;
        money->fee_area_mu = share->fee_area_cmu > 0 ? share->fee_area_mu : share->area_mu;
        money->fee_fen = share->fee_fen;
        g_hash_table_insert (ctx->money, g_strdup (input->input.households[i].code), money);
      }
  }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Layout                                                                                     */

static int
compare_plots (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (furrow_parcel_get_code (((const Plot *) a)->parcel),
                    furrow_parcel_get_code (((const Plot *) b)->parcel));
}

static int
compare_households (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (furrow_household_get_code (*(FurrowHousehold * const *) a),
                    furrow_household_get_code (*(FurrowHousehold * const *) b));
}

FurrowContract *
furrow_contract_new_from_season (FurrowStore                 *store,
                                 FurrowSeason                *season,
                                 const FurrowContractOptions *options,
                                 GError                     **error)
{
  const FurrowContractOptions defaults = { NULL, };
  g_autoptr(FurrowContract) self = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) households = NULL;
  g_autoptr(GListModel) parcels = NULL;
  g_autoptr(GHashTable) plots_by_code = NULL;
  g_autoptr(GHashTable) field_names = NULL;
  g_autoptr(GHashTable) field_plans = NULL;
  g_autoptr(GHashTable) money = NULL;
  g_autoptr(GArray) plans = NULL;
  g_autofree char *prefix = NULL;
  FurrowReportCooperative header = { NULL, };
  Context ctx = { NULL, };

  g_return_val_if_fail (FURROW_IS_STORE (store), NULL);
  g_return_val_if_fail (FURROW_IS_SEASON (season), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  if (options->household_code != NULL)
    {
      g_autoptr(FurrowHousehold) household = furrow_store_find_household (store,
                                                                          options->household_code);

      if (household == NULL)
        {
          g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                       _("There is no household %s in the register"), options->household_code);
          return NULL;
        }
    }

  field_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  fields = furrow_store_get_fields (store);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(FurrowField) field = g_list_model_get_item (fields, i);
      gint64 id = furrow_field_get_id (field);

      g_hash_table_insert (field_names, g_memdup2 (&id, sizeof id),
                           g_strdup (furrow_field_get_name (field) != NULL
                                     && *furrow_field_get_name (field) != '\0'
                                     ? furrow_field_get_name (field)
                                     : furrow_field_get_code (field)));
    }
  field_plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  plans = furrow_store_get_plans (store, season, error);
  if (plans == NULL)
    return NULL;
  for (guint i = 0; i < plans->len; i++)
    {
      FurrowSeasonPlan *plan = &g_array_index (plans, FurrowSeasonPlan, i);

      g_hash_table_insert (field_plans, g_memdup2 (&plan->field_id, sizeof plan->field_id),
                           plan);
    }

  money = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx = (Context) { store, season, field_names, field_plans, money, 0, { 0, }, options };
  if (!load_money (&ctx, error))
    return NULL;

  /* Each household's plots, in parcel code order. */
  plots_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_array_unref);
  parcels = furrow_store_get_parcels (store);
  for (guint i = 0; i < g_list_model_get_n_items (parcels); i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (parcels, i);
      const char *code = furrow_parcel_get_household_code (parcel);
      gint64 field_id = furrow_parcel_get_field_id (parcel);
      GArray *plots;
      Plot plot;

      if (code == NULL || (options->household_code != NULL
                           && strcmp (code, options->household_code) != 0))
        continue;
      plots = g_hash_table_lookup (plots_by_code, code);
      if (plots == NULL)
        {
          plots = g_array_new (FALSE, FALSE, sizeof (Plot));
          g_hash_table_insert (plots_by_code, (gpointer) code, plots);
        }
      /* The parcels model keeps the parcel alive as long as the store. */
      plot.parcel = parcel;
      plot.crop = crop_label (g_hash_table_lookup (field_plans, &field_id));
      g_array_append_val (plots, plot);
    }

  self = g_new0 (FurrowContract, 1);
  self->contracts = g_array_new (FALSE, TRUE, sizeof (Contract));
  g_array_set_clear_func (self->contracts, clear_contract);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->cooperative = g_strdup (furrow_store_get_cooperative_name (store));
  self->season_name = g_strdup (furrow_season_get_name (season));
  self->signing_date = g_strdup (options->signing_date);
  self->signing_place = g_strdup (options->signing_place);

  households = furrow_store_get_households (store);
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (households); i++)
      {
        FurrowHousehold *household = g_list_model_get_item (households, i);

        if (g_hash_table_contains (plots_by_code, furrow_household_get_code (household)))
          g_ptr_array_add (sorted, household);
        else
          g_object_unref (household);
      }
    g_ptr_array_sort (sorted, compare_households);
    for (guint i = 0; i < sorted->len; i++)
      {
        FurrowHousehold *household = sorted->pdata[i];
        GArray *plots = g_hash_table_lookup (plots_by_code,
                                             furrow_household_get_code (household));
        Contract contract = { NULL, };

        g_array_sort (plots, compare_plots);
        build_contract (&ctx, household, plots, &contract);
        g_array_append_val (self->contracts, contract);
      }
  }
  if (self->contracts->len == 0)
    {
      if (options->household_code != NULL)
        g_set_error (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                     _("Household %s has no parcels: there is nothing to contract"),
                     options->household_code);
      else
        g_set_error_literal (error, FURROW_REPORT_ERROR, FURROW_REPORT_ERROR_INVALID,
                             _("No household has parcels: there is nothing to contract"));
      return NULL;
    }

  _furrow_contract_paginate (self);
  header.name = self->cooperative;
  header.season_name = self->season_name;
  prefix = furrow_report_title_prefix (&header);
  /* Translators: the contracts' title; %s is the cooperative and season */
  self->title = g_strdup_printf (_("%s: Custody Service Contracts"), prefix);
  return g_steal_pointer (&self);
}

guint
furrow_contract_get_n_households (FurrowContract *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->contracts->len;
}

const char *
furrow_contract_get_household_code (FurrowContract *self,
                                    guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->contracts->len, NULL);

  return g_array_index (self->contracts, Contract, index).code;
}

guint
furrow_contract_get_n_pages (FurrowContract *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

const char *
furrow_contract_get_title (FurrowContract *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                      */

static void
draw_pdf_page (cairo_t  *cr,
               gsize     page,
               double    width_pt,
               double    height_pt,
               gpointer  data)
{
  furrow_contract_draw_page (data, cr, (guint) page, width_pt, height_pt);
}

gboolean
furrow_contract_write_pdf (FurrowContract           *self,
                           const char               *path,
                           GCancellable             *cancellable,
                           FurrowReportProgressFunc  progress,
                           gpointer                  user_data,
                           GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _furrow_report_write_pages_pdf (path, PAGE_W, PAGE_H, self->title, self->cooperative,
                                         self->pages->len, draw_pdf_page, self, cancellable,
                                         progress, user_data, error);
}

gboolean
furrow_contract_write_pdfs_dir (FurrowContract           *self,
                                const char               *dir,
                                GCancellable             *cancellable,
                                FurrowReportProgressFunc  progress,
                                gpointer                  user_data,
                                GError                  **error)
{
  g_autofree FurrowReportPdfFile *files = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  files = g_new0 (FurrowReportPdfFile, self->contracts->len + 1);
  for (guint c = 0; c < self->contracts->len; c++)
    {
      const Contract *contract = &g_array_index (self->contracts, Contract, c);

      files[c] = (FurrowReportPdfFile) { contract->code, contract->first_page,
                                         contract->n_pages };
    }
  return _furrow_report_write_pdf_files (dir, PAGE_W, PAGE_H, self->title, self->cooperative,
                                         files, self->contracts->len, draw_pdf_page, self,
                                         cancellable, progress, user_data, error);
}

gboolean
furrow_contract_record_print (FurrowContract  *self,
                              FurrowStore     *store,
                              const char      *destination,
                              GError         **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (FURROW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A household code or a count, never personal data. */
  if (self->contracts->len == 1)
    detail = g_strdup_printf ("household %s -> %s",
                              g_array_index (self->contracts, Contract, 0).code,
                              destination != NULL ? destination : "");
  else
    detail = g_strdup_printf ("%u households -> %s", self->contracts->len,
                              destination != NULL ? destination : "");
  return _furrow_report_record_print (store, self->season_name, "contracts", detail, error);
}
