/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-settlement-json.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "furrow-json.h"
#include "furrow-register.h"
#include "furrow-report.h"
#include "furrow-season.h"

G_DEFINE_QUARK (furrow-settlement-json-error-quark, furrow_settlement_json_error)

/* What the parser needs to name a bad member: the file and the path being read. */
typedef struct
{
  const char *display_name;
  GError    **error;
} Reader;

static gboolean invalid (Reader     *reader,
                         const char *path,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (Reader     *reader,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* file: JSON path (e.g. $.households[3].area_mu): what is wrong */
  g_set_error (reader->error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_INVALID,
               "%s: %s: %s", reader->display_name, path, problem);
  return FALSE;
}

static char *
member_path (const char *parent,
             const char *name)
{
  return g_strdup_printf ("%s.%s", parent, name);
}

static gboolean
check_members (Reader            *reader,
               JsonObject        *object,
               const char        *path,
               const char *const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (allowed, name))
        {
          g_autofree char *child = member_path (path, name);
          g_autofree char *known = g_strjoinv (", ", (char **) allowed);

          return invalid (reader, child, _("unknown member; the known ones are %s"), known);
        }
    }
  return TRUE;
}

static JsonObject *
get_object (Reader     *reader,
            JsonNode   *node,
            const char *path)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (reader, path, _("expected an object {…}"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* The value of member `name` if it has the JSON type `type` (G_TYPE_DOUBLE takes integers
 * too). FALSE, naming the member, when it is missing but required or of another type; TRUE
 * with *out_node NULL when an optional member is absent. */
static gboolean
find_value (Reader      *reader,
            JsonObject  *object,
            const char  *parent,
            const char  *name,
            gboolean     required,
            GType        type,
            const char  *expected,
            JsonNode   **out_node)
{
  JsonNode *node = json_object_get_member (object, name);
  GType found = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                             : G_TYPE_INVALID;
  g_autofree char *path = NULL;

  *out_node = NULL;
  if (node == NULL && !required)
    return TRUE;
  if (found == type || (type == G_TYPE_DOUBLE && found == G_TYPE_INT64))
    {
      *out_node = node;
      return TRUE;
    }

  path = member_path (parent, name);
  if (node == NULL)
    /* Translators: %s says what was expected, e.g. "expected a number" */
    return invalid (reader, path, _("missing; %s"), expected);
  return invalid (reader, path, "%s", expected);
}

static gboolean
refuse_negative (Reader     *reader,
                 const char *parent,
                 const char *name)
{
  g_autofree char *path = member_path (parent, name);

  return invalid (reader, path, _("must not be negative"));
}

/* Money: a whole, non-negative number of fen. `present` is NULL for a required member. */
static gboolean
read_fen (Reader     *reader,
          JsonObject *object,
          const char *parent,
          const char *name,
          gboolean   *present,
          gint64     *out_fen)
{
  JsonNode *node;

  if (!find_value (reader, object, parent, name, present == NULL, G_TYPE_INT64,
                   _("expected a whole number of fen (1 yuan = 100 fen)"), &node))
    return FALSE;
  if (present != NULL)
    *present = node != NULL;
  if (node == NULL)
    return TRUE;

  *out_fen = json_node_get_int (node);
  return *out_fen >= 0 || refuse_negative (reader, parent, name);
}

/* A non-negative number, or `default_value` when an optional member is absent. */
static gboolean
read_number (Reader     *reader,
             JsonObject *object,
             const char *parent,
             const char *name,
             gboolean    required,
             double      default_value,
             double     *out_value)
{
  JsonNode *node;

  if (!find_value (reader, object, parent, name, required, G_TYPE_DOUBLE,
                   _("expected a number"), &node))
    return FALSE;

  *out_value = node != NULL ? json_node_get_double (node) : default_value;
  return (isfinite (*out_value) && *out_value >= 0.0)
         || refuse_negative (reader, parent, name);
}

/* A string, or NULL when an optional member is absent. */
static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *parent,
             const char  *name,
             gboolean     required,
             const char **out_string)
{
  g_autoptr(GError) text_error = NULL;
  JsonNode *node;

  if (!find_value (reader, object, parent, name, required, G_TYPE_STRING,
                   _("expected a string"), &node))
    return FALSE;

  *out_string = node != NULL ? json_node_get_string (node) : NULL;
  /* Codes and names are printed on statements and terminals: no control character or terminal
   * escape in them (issue 12). */
  if (!furrow_register_check_text (*out_string, -1, FURROW_TEXT_LINE, _("the value"),
                                   &text_error))
    {
      g_autofree char *path = member_path (parent, name);

      return invalid (reader, path, "%s", text_error->message);
    }
  return TRUE;
}

static gboolean
read_base (Reader         *reader,
           JsonObject     *root,
           FurrowBaseRule *base)
{
  static const char *const fixed_members[] = { "kind", "fen_per_mu", NULL };
  static const char *const in_kind_members[] = {
    "kind", "kg_per_mu", "price_fen_per_kg", "less_cost_per_mu", NULL
  };
  static const char *const annual_members[] = {
    "kind", "annual_fen_per_mu", "season_pct", NULL
  };
  JsonObject *object;
  const char *kind;

  object = get_object (reader, json_object_get_member (root, "base"), "$.base");
  if (object == NULL)
    return FALSE;
  if (!read_string (reader, object, "$.base", "kind", TRUE, &kind))
    return FALSE;

  if (g_str_equal (kind, "fixed"))
    {
      base->kind = FURROW_BASE_FIXED;
      return check_members (reader, object, "$.base", fixed_members)
             && read_fen (reader, object, "$.base", "fen_per_mu", NULL, &base->fen_per_mu);
    }
  else if (g_str_equal (kind, "in_kind"))
    {
      JsonNode *less;

      base->kind = FURROW_BASE_IN_KIND;
      if (!check_members (reader, object, "$.base", in_kind_members)
          || !read_number (reader, object, "$.base", "kg_per_mu", TRUE, 0, &base->kg_per_mu)
          || !read_number (reader, object, "$.base", "price_fen_per_kg", TRUE, 0,
                           &base->price_fen_per_kg)
          || !find_value (reader, object, "$.base", "less_cost_per_mu", FALSE, G_TYPE_BOOLEAN,
                          _("expected true or false"), &less))
        return FALSE;
      base->less_cost_per_mu = less != NULL && json_node_get_boolean (less);
      return TRUE;
    }
  else if (g_str_equal (kind, "annual_share"))
    {
      base->kind = FURROW_BASE_ANNUAL_SHARE;
      return check_members (reader, object, "$.base", annual_members)
             && read_fen (reader, object, "$.base", "annual_fen_per_mu", NULL,
                          &base->annual_fen_per_mu)
             && read_number (reader, object, "$.base", "season_pct", TRUE, 0, &base->season_pct);
    }

  return invalid (reader, "$.base.kind",
                  _("“%s” is not a kind of base; use fixed, in_kind or annual_share"), kind);
}

static gboolean
read_split (Reader             *reader,
            JsonObject         *root,
            FurrowSurplusSplit *split)
{
  static const char *const members[] = {
    "reserve", "collective", "cooperative", "households", NULL
  };
  JsonObject *object;
  double sum;

  object = get_object (reader, json_object_get_member (root, "split_pct"), "$.split_pct");
  if (object == NULL
      || !check_members (reader, object, "$.split_pct", members)
      || !read_number (reader, object, "$.split_pct", "reserve", FALSE, 0, &split->reserve_pct)
      || !read_number (reader, object, "$.split_pct", "collective", FALSE, 0,
                       &split->collective_pct)
      || !read_number (reader, object, "$.split_pct", "cooperative", FALSE, 0,
                       &split->cooperative_pct)
      || !read_number (reader, object, "$.split_pct", "households", FALSE, 0,
                       &split->households_pct))
    return FALSE;

  sum = split->reserve_pct + split->collective_pct + split->cooperative_pct
        + split->households_pct;
  if (fabs (sum - 100.0) > 1e-6)
    return invalid (reader, "$.split_pct",
                    _("reserve, collective, cooperative and households add up to %g %%, "
                      "not 100 %%"), sum);
  return TRUE;
}

static gboolean
read_household (Reader                      *reader,
                JsonNode                    *node,
                guint                        index,
                GStringChunk                *strings,
                FurrowDistributionHousehold *household)
{
  static const char *const members[] = {
    "code", "name", "area_mu", "custody", "weight", "fee_fen_per_mu", "fee_area_mu", NULL
  };
  g_autofree char *path = g_strdup_printf ("$.households[%u]", index);
  JsonObject *object;
  const char *code;
  const char *name;
  const char *custody;
  gboolean has_fee;

  object = get_object (reader, node, path);
  if (object == NULL
      || !check_members (reader, object, path, members)
      || !read_string (reader, object, path, "code", TRUE, &code)
      || !read_string (reader, object, path, "name", FALSE, &name)
      || !read_number (reader, object, path, "area_mu", TRUE, 0, &household->area_mu)
      || !read_string (reader, object, path, "custody", FALSE, &custody)
      || !read_number (reader, object, path, "weight", FALSE, 1.0, &household->weight)
      || !read_fen (reader, object, path, "fee_fen_per_mu", &has_fee,
                    &household->fee_fen_per_mu)
      || !read_number (reader, object, path, "fee_area_mu", FALSE, 0.0, &household->fee_area_mu))
    return FALSE;

  if (code[0] == '\0')
    {
      g_autofree char *child = member_path (path, "code");

      return invalid (reader, child, _("empty; give the household code (CBFBM)"));
    }
  if (household->weight == 0.0)
    {
      g_autofree char *child = member_path (path, "weight");

      return invalid (reader, child, _("must be greater than 0"));
    }

  if (custody == NULL || g_str_equal (custody, "full"))
    household->custody = FURROW_CUSTODY_FULL;
  else if (g_str_equal (custody, "half"))
    household->custody = FURROW_CUSTODY_HALF;
  else
    {
      g_autofree char *child = member_path (path, "custody");

      return invalid (reader, child, _("“%s” is not a custody type; use full or half"), custody);
    }

  household->code = g_string_chunk_insert_const (strings, code);
  household->name = name != NULL ? g_string_chunk_insert_const (strings, name) : NULL;
  if (!has_fee)
    household->fee_fen_per_mu = 0;
  return TRUE;
}

static gboolean
read_settlement (Reader           *reader,
                 JsonNode         *root_node,
                 FurrowSettlement *settlement)
{
  static const char *const members[] = {
    "revenue_fen", "cost_fen_per_mu", "cost_fen", "other_income_fen", "subsidy_fen_per_mu",
    "subsidy_fen", "base", "split_pct", "reason", "households",
    "cooperative", "season", "village_code", "notice_date", NULL
  };
  FurrowDistributionInput *input = &settlement->input;
  JsonObject *root;
  JsonNode *households_node;
  JsonArray *households;
  gboolean has_cost_per_mu;
  gboolean has_cost;
  gboolean present;
  const char *reason;
  guint n;

  root = get_object (reader, root_node, "$");
  if (root == NULL || !check_members (reader, root, "$", members))
    return FALSE;

  if (!read_fen (reader, root, "$", "revenue_fen", NULL, &input->revenue_fen)
      || !read_fen (reader, root, "$", "cost_fen_per_mu", &has_cost_per_mu,
                    &input->cost_fen_per_mu)
      || !read_fen (reader, root, "$", "cost_fen", &has_cost, &input->cost_fen)
      || !read_fen (reader, root, "$", "other_income_fen", &present, &input->other_income_fen)
      || !read_fen (reader, root, "$", "subsidy_fen_per_mu", &present,
                    &input->subsidy_fen_per_mu)
      || !read_fen (reader, root, "$", "subsidy_fen", &present, &input->subsidy_fen))
    return FALSE;

  if (has_cost_per_mu == has_cost)
    return invalid (reader, "$",
                    has_cost ? _("give either cost_fen_per_mu or cost_fen, not both")
                             : _("missing the cost: give cost_fen_per_mu or cost_fen"));
  input->cost_is_total = has_cost;

  if (!read_base (reader, root, &input->base) || !read_split (reader, root, &input->split)
      || !read_string (reader, root, "$", "reason", FALSE, &reason))
    return FALSE;
  input->reason = reason != NULL ? g_string_chunk_insert_const (settlement->strings, reason)
                                 : NULL;

  /* What the printed reports need besides the numbers; the engine never reads them. */
  {
    static const char *const labels[] = { "cooperative", "season", "village_code",
                                          "notice_date" };
    const char **fields[] = { &settlement->cooperative, &settlement->season,
                              &settlement->village_code, &settlement->notice_date };

    for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
      {
        const char *value;

        if (!read_string (reader, root, "$", labels[k], FALSE, &value))
          return FALSE;
        /* A notice dated 2024-02-30 would be printed as it is (issue 12). */
        if (g_str_equal (labels[k], "notice_date") && value != NULL &&
            !furrow_season_notice_date_is_valid (value))
          return invalid (reader, "$.notice_date",
                          _("“%s” is not a date; write it YYYY-MM-DD, e.g. 2017-01-10"), value);
        *fields[k] = value != NULL ? g_string_chunk_insert_const (settlement->strings, value)
                                   : NULL;
      }
  }

  households_node = json_object_get_member (root, "households");
  if (households_node == NULL || !JSON_NODE_HOLDS_ARRAY (households_node))
    return invalid (reader, "$.households", _("expected an array of households […]"));
  households = json_node_get_array (households_node);
  n = json_array_get_length (households);
  if (n == 0)
    return invalid (reader, "$.households", _("no households"));

  settlement->households = g_new0 (FurrowDistributionHousehold, n);
  for (guint i = 0; i < n; i++)
    if (!read_household (reader, json_array_get_element (households, i), i,
                         settlement->strings, &settlement->households[i]))
      return FALSE;

  /* Codes are the tie-break key and the roster's identity: name the second occurrence. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < n; i++)
      {
        const char *code = settlement->households[i].code;
        gpointer first;

        if (g_hash_table_lookup_extended (seen, code, NULL, &first))
          {
            g_autofree char *path = g_strdup_printf ("$.households[%u].code", i);

            return invalid (reader, path, _("“%s” already appears at $.households[%u]"),
                            code, GPOINTER_TO_UINT (first));
          }
        g_hash_table_insert (seen, (gpointer) code, GUINT_TO_POINTER (i));
      }
  }

  input->households = settlement->households;
  input->n_households = n;
  return TRUE;
}

void
furrow_settlement_free (FurrowSettlement *settlement)
{
  if (settlement == NULL)
    return;
  g_free (settlement->households);
  g_string_chunk_free (settlement->strings);
  g_free (settlement);
}

/* Before json-glib ------------------------------------------------------------------------ */

/* json-glib's parser recurses once per nesting level and keeps the last of two equal members
 * silently: a file nested 100,000 deep crashes it, and a second "revenue_fen" would quietly
 * win (issue 12). A settlement is at most 3 levels deep and a few MiB (10,000 households are
 * about 1.5 MiB), so the raw text is checked first: its size, its depth and that no object
 * names a member twice. */
#define MAX_JSON_BYTES (64 * 1024 * 1024)
#define MAX_JSON_DEPTH 64

typedef struct
{
  gboolean    object;
  GHashTable *names;    /* member names seen in this object (raw text between the quotes) */
  char       *name;     /* the member being read */
  guint       index;    /* the element being read, in an array */
} Level;

static void
level_clear (gpointer data)
{
  Level *level = data;

  g_clear_pointer (&level->names, g_hash_table_unref);
  g_clear_pointer (&level->name, g_free);
}

/* "$.households[3]": where the scanner is, as the member paths of the messages say it. */
static char *
levels_path (GArray *levels)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < levels->len; i++)
    {
      Level *level = &g_array_index (levels, Level, i);

      if (level->object && level->name != NULL)
        g_string_append_printf (path, ".%s", level->name);
      else if (!level->object)
        g_string_append_printf (path, "[%u]", level->index);
    }
  return g_string_free (path, FALSE);
}

static gboolean
check_structure (const char  *data,
                 gsize        length,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, TRUE, sizeof (Level));
  gboolean expect_name = FALSE;   /* the next string is a member name */
  guint line = 1;

  g_array_set_clear_func (levels, level_clear);

  if (length > MAX_JSON_BYTES)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE,
                   _("%s: the file is %s; a settlement is at most 64 MiB"), display_name, size);
      return FALSE;
    }

  /* UTF-16 has a NUL in every other byte for ASCII; json-glib would report a duplicate or a
   * parse error far from the cause. */
  if ((length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                       ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff))) ||
      memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE,
                   _("%s: not UTF-8 text (UTF-16, or NUL bytes); save it as UTF-8"),
                   display_name);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      else if (c == '{' || c == '[')
        {
          Level level = { c == '{', NULL, NULL, 0 };

          if (levels->len >= MAX_JSON_DEPTH)
            {
              g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE,
                           _("%s:%u: nested more than %d levels deep; a settlement has 3"),
                           display_name, line, MAX_JSON_DEPTH);
              return FALSE;
            }
          if (level.object)
            level.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_array_append_val (levels, level);
          expect_name = level.object;
        }
      else if (c == '}' || c == ']')
        {
          /* Mismatched brackets are json-glib's to report. */
          if (levels->len > 0)
            g_array_set_size (levels, levels->len - 1);
          expect_name = FALSE;
        }
      else if (c == ',' && levels->len > 0)
        {
          Level *level = &g_array_index (levels, Level, levels->len - 1);

          level->index++;
          expect_name = level->object;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          /* json-glib wraps a whole number beyond 64 bits: 9223372036854775808 became
           * −9223372036854775808 ("must not be negative"). Say what is wrong. */
          gsize start = i;
          gboolean whole = TRUE;
          g_autofree char *number = NULL;

          while (i + 1 < length && (g_ascii_isdigit (data[i + 1]) || strchr (".eE+-", data[i + 1])))
            {
              whole &= g_ascii_isdigit (data[i + 1]);
              i++;
            }
          number = g_strndup (data + start, i - start + 1);
          if (whole && !g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, NULL, NULL)  &&
              g_ascii_isdigit (number[strlen (number) - 1]))
            {
              g_autofree char *path = levels_path (levels);

              g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_INVALID,
                           _("%s: %s: %s is out of range; a whole number is at most 9223372036854775807"),
                           display_name, path, number);
              return FALSE;
            }
          expect_name = FALSE;
        }
      else if (c == '"')
        {
          gsize start = ++i;

          while (i < length && data[i] != '"' && data[i] != '\n')
            {
              /* "\u0000" would end a code or a name early without a word (json-glib keeps
               * the part before it). */
              if (data[i] == '\\' && i + 6 <= length &&
                  g_ascii_strncasecmp (data + i + 1, "u0000", 5) == 0)
                {
                  g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR,
                               FURROW_SETTLEMENT_JSON_ERROR_PARSE,
                               _("%s:%u: a string holds the character U+0000; remove it"),
                               display_name, line);
                  return FALSE;
                }
              i += data[i] == '\\' ? 2 : 1;
            }
          if (i >= length || data[i] == '\n')
            {
              /* An unterminated string: json-glib says where. */
              if (i < length)
                line++;
              expect_name = FALSE;
              continue;
            }
          if (expect_name && levels->len > 0)
            {
              Level *level = &g_array_index (levels, Level, levels->len - 1);
              char *name = g_strndup (data + start, i - start);

              g_free (level->name);
              level->name = g_strdup (name);
              if (!g_hash_table_add (level->names, name))
                {
                  g_autofree char *path = levels_path (levels);

                  g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR,
                               FURROW_SETTLEMENT_JSON_ERROR_INVALID,
                               _("%s: %s: the member appears twice in the same object"),
                               display_name, path);
                  return FALSE;
                }
            }
          expect_name = FALSE;
        }
    }
  return TRUE;
}

FurrowSettlement *
furrow_settlement_json_load_data (const char  *data,
                                  gssize       length,
                                  const char  *display_name,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(FurrowSettlement) settlement = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader reader = { display_name, error };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_structure (data, length < 0 ? strlen (data) : (gsize) length, display_name, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; name the file instead. */
      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE,
                     "%s:%s", display_name, message + strlen ("<data>:"));
      else
        g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE,
                     _("%s: not valid JSON: %s"), display_name, message);
      return NULL;
    }

  settlement = g_new0 (FurrowSettlement, 1);
  settlement->strings = g_string_chunk_new (256);
  if (!read_settlement (&reader, json_parser_get_root (parser), settlement))
    return NULL;

  return g_steal_pointer (&settlement);
}

FurrowSettlement *
furrow_settlement_json_load_file (const char  *path,
                                  GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_name (path);
  /* Not even read when it is larger than any settlement (check_structure()). */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > MAX_JSON_BYTES)
    {
      g_autofree char *size = g_format_size_full (st.st_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE,
                   _("%s: the file is %s; a settlement is at most 64 MiB"), display_name, size);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, FURROW_SETTLEMENT_JSON_ERROR, FURROW_SETTLEMENT_JSON_ERROR_PARSE,
                   _("%s: cannot be read: %s"), display_name, local_error->message);
      return NULL;
    }

  return furrow_settlement_json_load_data (contents, (gssize) length, display_name, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Output                                                                                     */

JsonNode *
furrow_settlement_json_build (const FurrowDistributionInput  *input,
                              const FurrowDistributionResult *result,
                              const FurrowDistributionShare  *shares)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *summary = NULL;

  g_return_val_if_fail (input != NULL && result != NULL, NULL);
  g_return_val_if_fail (input->n_households == 0 || shares != NULL, NULL);

  summary = furrow_distribution_format_summary (input, result);

  json_builder_begin_object (builder);
  furrow_json_add_double (builder, "total_area_mu", result->total_area_mu);
  furrow_json_add_double (builder, "weighted_area_mu", result->weighted_area_mu);
  furrow_json_add_double (builder, "half_custody_area_mu", result->half_custody_area_mu);
  furrow_json_add_int (builder, "revenue_fen", result->revenue_fen);
  furrow_json_add_int (builder, "other_income_fen", result->other_income_fen);
  furrow_json_add_int (builder, "subsidy_fen", result->subsidy_fen);
  furrow_json_add_int (builder, "income_fen", result->income_fen);
  furrow_json_add_int (builder, "cost_fen", result->cost_fen);
  furrow_json_add_string (builder, "base_kind", furrow_base_kind_to_string (input->base.kind));
  furrow_json_add_int (builder, "base_fen_per_mu", result->base_fen_per_mu);
  furrow_json_add_int (builder, "base_total_fen", result->base_total_fen);
  furrow_json_add_int (builder, "surplus_fen", result->surplus_fen);
  furrow_json_add_int (builder, "reserve_fen", result->reserve_fen);
  furrow_json_add_int (builder, "collective_fen", result->collective_fen);
  furrow_json_add_int (builder, "cooperative_fen", result->cooperative_fen);
  furrow_json_add_int (builder, "households_dividend_fen", result->households_dividend_fen);
  furrow_json_add_int (builder, "deficit_fen", result->deficit_fen);
  furrow_json_add_int (builder, "fees_fen", result->fees_fen);

  json_builder_set_member_name (builder, "split_pct");
  json_builder_begin_object (builder);
  furrow_json_add_double (builder, "reserve", input->split.reserve_pct);
  furrow_json_add_double (builder, "collective", input->split.collective_pct);
  furrow_json_add_double (builder, "cooperative", input->split.cooperative_pct);
  furrow_json_add_double (builder, "households", input->split.households_pct);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reason_required");
  json_builder_add_boolean_value (builder, result->reason_required);
  if (input->reason != NULL)
    furrow_json_add_string (builder, "reason", input->reason);
  furrow_json_add_string (builder, "basis", summary);

  json_builder_set_member_name (builder, "households");
  json_builder_begin_array (builder);
  for (gsize i = 0; i < input->n_households; i++)
    {
      const FurrowDistributionShare *share = &shares[i];
      g_autofree char *basis = furrow_distribution_format_basis (input, result, share);

      json_builder_begin_object (builder);
      furrow_json_add_string (builder, "code", share->code);
      if (input->households[i].name != NULL)
        furrow_json_add_string (builder, "name", input->households[i].name);
      furrow_json_add_string (builder, "custody", furrow_custody_to_string (share->custody));
      furrow_json_add_double (builder, "area_mu", share->area_mu);
      furrow_json_add_double (builder, "weight", share->weight);
      furrow_json_add_int (builder, "base_fen", share->base_fen);
      furrow_json_add_int (builder, "dividend_fen", share->dividend_fen);
      furrow_json_add_int (builder, "fee_fen", share->fee_fen);
      furrow_json_add_int (builder, "total_fen", share->total_fen);
      furrow_json_add_string (builder, "basis", basis);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The shortest decimal that reads back as the same double: 4.12, not 4.1200000000000001. */
static void
write_double (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", precision);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
write_indent (GString *out,
              gboolean pretty,
              guint    depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_string (GString    *out,
              const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *quoted = NULL;

  json_node_set_string (node, text);
  quoted = json_to_string (node, FALSE);
  g_string_append (out, quoted);
}

static void
write_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            write_indent (out, pretty, depth + 1);
            write_string (out, l->data);
            g_string_append (out, pretty ? ": " : ":");
            write_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        if (members != NULL)
          write_indent (out, pretty, depth);
        g_string_append_c (out, '}');
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            write_indent (out, pretty, depth + 1);
            write_node (out, json_array_get_element (array, i), pretty, depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        if (n > 0)
          write_indent (out, pretty, depth);
        g_string_append_c (out, ']');
        break;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        write_double (out, json_node_get_double (node));
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        write_string (out, json_node_get_string (node));
      else
        {
          g_autofree char *text = json_to_string (node, FALSE);

          g_string_append (out, text);
        }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    default:
      g_assert_not_reached ();
    }
}

char *
furrow_settlement_json_to_string (const FurrowDistributionInput  *input,
                                  const FurrowDistributionResult *result,
                                  const FurrowDistributionShare  *shares,
                                  gboolean                        pretty)
{
  g_autoptr(JsonNode) root = furrow_settlement_json_build (input, result, shares);
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (root != NULL, NULL);

  write_node (out, root, pretty, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
