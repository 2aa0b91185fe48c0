/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Bank-file profiles as data (furrow-bank-profile.h; docs/domain.md, "Bank accounts"). */

#include "config.h"

#include "furrow-bank-profile.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "furrow-bank-resources.h"

#define RESOURCE_DIR "/io/github/furrow/Furrow/bank"
#define MAX_PROFILE_BYTES (64 * 1024)

G_DEFINE_QUARK (furrow-bank-profile-error-quark, furrow_bank_profile_error)

static const char *const field_names[] = {
  [FURROW_BANK_FIELD_INDEX] = "index",
  [FURROW_BANK_FIELD_CODE] = "code",
  [FURROW_BANK_FIELD_NAME] = "name",
  [FURROW_BANK_FIELD_HOLDER] = "holder",
  [FURROW_BANK_FIELD_ACCOUNT] = "account",
  [FURROW_BANK_FIELD_BANK] = "bank",
  [FURROW_BANK_FIELD_BRANCH] = "branch",
  [FURROW_BANK_FIELD_AMOUNT] = "amount",
  [FURROW_BANK_FIELD_PURPOSE] = "purpose",
  [FURROW_BANK_FIELD_PHONE] = "phone",
  [FURROW_BANK_FIELD_TEXT] = "text",
};

void
furrow_bank_profile_free (FurrowBankProfile *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_free (self->columns[i].header);
      g_free (self->columns[i].value);
    }
  g_free (self->columns);
  g_free (self->name);
  g_free (self->title);
  g_free (self->encoding);
  g_free (self->purpose);
  g_free (self);
}

static gboolean
invalid (GError     **error,
         const char  *source,
         const char  *what)
{
  /* Translators: a bank-file profile: FILE: what is wrong with it */
  g_set_error (error, FURROW_BANK_PROFILE_ERROR, FURROW_BANK_PROFILE_ERROR_INVALID,
               _("%s: not a bank-file profile: %s"), source, what);
  return FALSE;
}

/* A string member, or `fallback` when absent; FALSE when present but not a string. */
static gboolean
get_string (JsonObject  *object,
            const char  *key,
            const char  *fallback,
            char       **out)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = g_strdup (fallback);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_bool (JsonObject *object,
          const char *key,
          gboolean    fallback,
          gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
parse_columns (FurrowBankProfile  *self,
               JsonObject         *root,
               const char         *source,
               GError            **error)
{
  JsonNode *node = json_object_get_member (root, "columns");
  JsonArray *array;
  gboolean has_account = FALSE;
  gboolean has_amount = FALSE;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, source, _("“columns” must be a list of columns"));
  array = json_node_get_array (node);
  /* n_columns only with its array: the profile's free walks them (a profile of 65 columns
   * freed a NULL array; found by fuzz-bank-profile). */
  if (json_array_get_length (array) == 0 || json_array_get_length (array) > 64)
    return invalid (error, source, _("“columns” must list 1 to 64 columns"));
  self->n_columns = json_array_get_length (array);
  self->columns = g_new0 (FurrowBankColumn, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *column;
      g_autofree char *field = NULL;
      gboolean known = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, source, _("each column must be an object"));
      column = json_node_get_object (element);
      if (!get_string (column, "field", NULL, &field) || field == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("column %u has no “field”"), i + 1);
          return invalid (error, source, what);
        }
      for (guint f = 0; f < G_N_ELEMENTS (field_names); f++)
        if (g_strcmp0 (field, field_names[f]) == 0)
          {
            self->columns[i].field = (FurrowBankField) f;
            known = TRUE;
          }
      if (!known)
        {
          g_autofree char *what = g_strdup_printf (_("column %u: unknown field “%s”"), i + 1,
                                                   field);
          return invalid (error, source, what);
        }
      if (!get_string (column, "header", "", &self->columns[i].header) ||
          !get_string (column, "value", "", &self->columns[i].value))
        {
          g_autofree char *what = g_strdup_printf (_("column %u: “header” and “value” are "
                                                     "text"), i + 1);
          return invalid (error, source, what);
        }
      has_account |= self->columns[i].field == FURROW_BANK_FIELD_ACCOUNT;
      has_amount |= self->columns[i].field == FURROW_BANK_FIELD_AMOUNT;
    }
  if (!has_account || !has_amount)
    return invalid (error, source, _("the columns must include “account” and “amount”"));
  return TRUE;
}

FurrowBankProfile *
furrow_bank_profile_new_from_data (const char  *source,
                                   const char  *data,
                                   gsize        length,
                                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FurrowBankProfile) self = g_new0 (FurrowBankProfile, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_type = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *delimiter = NULL;
  JsonNode *root;
  JsonObject *object;

  if (length > MAX_PROFILE_BYTES)
    {
      invalid (error, source, _("larger than 64 KiB"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      invalid (error, source, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, source, _("it is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!get_string (object, "name", NULL, &self->name) || self->name == NULL ||
      *self->name == '\0')
    {
      invalid (error, source, _("“name” is missing"));
      return NULL;
    }
  if (!get_string (object, "title", self->name, &self->title) ||
      !get_string (object, "file_type", "csv", &file_type) ||
      !get_string (object, "encoding", "UTF-8", &self->encoding) ||
      !get_string (object, "amount", "yuan", &amount) ||
      !get_string (object, "delimiter", NULL, &delimiter) ||
      !get_string (object, "purpose", "", &self->purpose) ||
      !get_bool (object, "header", TRUE, &self->header) ||
      !get_bool (object, "account_as_text", TRUE, &self->account_as_text) ||
      !get_bool (object, "amount_as_text", FALSE, &self->amount_as_text) ||
      !get_bool (object, "total_row", FALSE, &self->total_row))
    {
      invalid (error, source, _("a key holds the wrong kind of value (text or true/false)"));
      return NULL;
    }
  if (g_ascii_strcasecmp (file_type, "csv") == 0)
    self->file_type = FURROW_BANK_FILE_CSV;
  else if (g_ascii_strcasecmp (file_type, "txt") == 0)
    self->file_type = FURROW_BANK_FILE_TXT;
  else if (g_ascii_strcasecmp (file_type, "xlsx") == 0)
    self->file_type = FURROW_BANK_FILE_XLSX;
  else
    {
      invalid (error, source, _("“file_type” is csv, txt or xlsx"));
      return NULL;
    }
  if (g_ascii_strcasecmp (self->encoding, "UTF-8") == 0)
    {
      g_free (self->encoding);
      self->encoding = g_strdup ("UTF-8");
    }
  else if (g_ascii_strcasecmp (self->encoding, "GBK") == 0)
    {
      /* GBK itself, not GB18030: a character GBK lacks is refused, not written as 4 bytes a
       * bank's GBK reader cannot read. */
      g_free (self->encoding);
      self->encoding = g_strdup ("GBK");
    }
  else
    {
      invalid (error, source, _("“encoding” is UTF-8 or GBK"));
      return NULL;
    }
  if (g_strcmp0 (amount, "yuan") == 0)
    self->amount_in_fen = FALSE;
  else if (g_strcmp0 (amount, "fen") == 0)
    self->amount_in_fen = TRUE;
  else
    {
      invalid (error, source, _("“amount” is yuan or fen"));
      return NULL;
    }
  if (delimiter == NULL)
    self->delimiter = self->file_type == FURROW_BANK_FILE_TXT ? '|' : ',';
  else if (strlen (delimiter) == 1 && delimiter[0] != '"' && delimiter[0] != '\n' &&
           delimiter[0] != '\r' && !g_ascii_isalnum (delimiter[0]))
    self->delimiter = delimiter[0];
  else
    {
      invalid (error, source, _("“delimiter” is one character that is not a letter, a digit, "
                                "a quote or a line break"));
      return NULL;
    }
  if (!parse_columns (self, object, source, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GStrv
furrow_bank_profile_list_builtin (void)
{
  g_auto(GStrv) files = g_resource_enumerate_children (furrow_bank_get_resource (),
                                                       RESOURCE_DIR, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (g_str_has_suffix (files[i], ".json"))
      g_ptr_array_add (names, g_strndup (files[i], strlen (files[i]) - 5));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

FurrowBankProfile *
furrow_bank_profile_new_builtin (const char  *name,
                                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (name != NULL, NULL);

  if (strchr (name, '/') == NULL)
    {
      path = g_strdup_printf (RESOURCE_DIR "/%s.json", name);
      bytes = g_resource_lookup_data (furrow_bank_get_resource (), path, 0, NULL);
    }
  if (bytes == NULL)
    {
      g_auto(GStrv) names = furrow_bank_profile_list_builtin ();
      g_autofree char *list = g_strjoinv (", ", names);

      g_set_error (error, FURROW_BANK_PROFILE_ERROR, FURROW_BANK_PROFILE_ERROR_NOT_FOUND,
                   _("there is no bank-file profile “%s” (built in: %s)"), name, list);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  return furrow_bank_profile_new_from_data (name, data, size, error);
}

FurrowBankProfile *
furrow_bank_profile_new_from_file (const char  *path,
                                   GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return furrow_bank_profile_new_from_data (display, contents, length, error);
}

