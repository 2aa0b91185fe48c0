/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The land-registration column mapping (NY/T 2539-2016 names and the Chinese headers of
 * village spreadsheets; tests/data/cn_land_contract_dk_schema.csv). */

#include "config.h"

#include "furrow-importer-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  const char *code;
  const char *label;          /* N_() */
  const char *aliases[8];     /* other names, compared without case, spaces and brackets */
} ColumnInfo;

static const ColumnInfo column_info[FURROW_N_COLUMNS] = {
  [FURROW_COLUMN_DKBM]    = { "DKBM", N_("Parcel code"), { "地块编码", "地块代码", } },
  [FURROW_COLUMN_CBFBM]   = { "CBFBM", N_("Household code"), { "承包方编码", "承包方代码", "户编码", } },
  [FURROW_COLUMN_CBFMC]   = { "CBFMC", N_("Household head"), { "承包方名称", "承包方姓名", "户主", "户主姓名", } },
  [FURROW_COLUMN_CBFZJHM] = { "CBFZJHM", N_("ID number"), { "证件号码", "承包方证件号码", "身份证号", "身份证号码", } },
  [FURROW_COLUMN_LXDH]    = { "LXDH", N_("Phone"), { "联系电话", "电话", "手机", } },
  [FURROW_COLUMN_CBFCYSL] = { "CBFCYSL", N_("Members"), { "成员数量", "承包方成员数量", "家庭成员数", "人口", } },
  [FURROW_COLUMN_KHYH]    = { "KHYH", N_("Bank"), { "开户行", "开户银行", "银行", "开户行名称", } },
  [FURROW_COLUMN_KHWD]    = { "KHWD", N_("Bank branch"), { "开户网点", "开户支行", "网点", } },
  [FURROW_COLUMN_YHZH]    = { "YHZH", N_("Account number"), { "账号", "银行账号", "银行卡号", "卡号", "收款账号", "账户", } },
  [FURROW_COLUMN_ZHMC]    = { "ZHMC", N_("Account holder"), { "户名", "持卡人", "账户名称", "账户名", "收款人", } },
  [FURROW_COLUMN_HTMJ]    = { "HTMJ", N_("Contract area (m²)"), { "合同面积", "确权面积", "确权合同面积", } },
  [FURROW_COLUMN_HTMJM]   = { "HTMJM", N_("Contract area (mu)"), { "合同面积亩", "确权面积亩", "确权合同面积亩", } },
  [FURROW_COLUMN_SCMJ]    = { "SCMJ", N_("Surveyed area (m²)"), { "实测面积", } },
  [FURROW_COLUMN_SCMJM]   = { "SCMJM", N_("Surveyed area (mu)"), { "实测面积亩", } },
  [FURROW_COLUMN_DKMC]    = { "DKMC", N_("Parcel name"), { "地块名称", } },
  [FURROW_COLUMN_DKLB]    = { "DKLB", N_("Parcel category"), { "地块类别", } },
  [FURROW_COLUMN_TDLYLX]  = { "TDLYLX", N_("Land use"), { "土地利用类型", } },
  [FURROW_COLUMN_DLDJ]    = { "DLDJ", N_("Land grade"), { "地力等级", } },
  [FURROW_COLUMN_DKDZ]    = { "DKDZ", N_("East neighbour"), { "东至", "地块东至", } },
  [FURROW_COLUMN_DKXZ]    = { "DKXZ", N_("West neighbour"), { "西至", "地块西至", } },
  [FURROW_COLUMN_DKNZ]    = { "DKNZ", N_("South neighbour"), { "南至", "地块南至", } },
  [FURROW_COLUMN_DKBZ]    = { "DKBZ", N_("North neighbour"), { "北至", "地块北至", } },
  [FURROW_COLUMN_NAME]    = { "NAME", N_("Field name"), { "MC", "名称", "田块名称", "地块名", } },
};

const char *
furrow_column_get_code (FurrowColumn column)
{
  g_return_val_if_fail (column < FURROW_N_COLUMNS, NULL);
  return column_info[column].code;
}

const char *
furrow_column_get_label (FurrowColumn column)
{
  g_return_val_if_fail (column < FURROW_N_COLUMNS, NULL);
  return _(column_info[column].label);
}

/* "合同面积（亩）", "htmj m", "合同面积(亩)" → "合同面积亩", "HTMJM" … */
static char *
normalise_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 ||
          c == '_' || c == '-' || c == 0xFF1A || c == ':')
        continue;
      g_string_append_unichar (out, g_unichar_toupper (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
name_matches (const char *source,
              FurrowColumn column)
{
  g_autofree char *norm = normalise_name (source);

  if (g_str_equal (norm, column_info[column].code))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (column_info[column].aliases) && column_info[column].aliases[i] != NULL; i++)
    {
      g_autofree char *alias = normalise_name (column_info[column].aliases[i]);

      if (g_str_equal (norm, alias))
        return TRUE;
    }
  return FALSE;
}

void
furrow_import_detect_mapping (FurrowImporter *self)
{
  for (guint c = 0; c < FURROW_N_COLUMNS; c++)
    {
      g_clear_pointer (&self->mapping.source[c], g_free);
      for (guint i = 0; self->columns != NULL && self->columns[i] != NULL; i++)
        if (name_matches (self->columns[i], c))
          {
            self->mapping.source[c] = g_strdup (self->columns[i]);
            break;
          }
    }

  if (self->kind_override != FURROW_IMPORT_KIND_AUTO)
    self->kind = self->kind_override;
  else if (self->mapping.source[FURROW_COLUMN_DKBM] != NULL)
    self->kind = FURROW_IMPORT_KIND_PARCELS;
  else if (self->mapping.source[FURROW_COLUMN_CBFBM] != NULL)
    self->kind = FURROW_IMPORT_KIND_HOUSEHOLDS;
  else if (self->has_geometry)
    self->kind = FURROW_IMPORT_KIND_FIELDS;
  else
    self->kind = FURROW_IMPORT_KIND_AUTO;
}

static char *
describe_missing (FurrowImporter *self,
                  FurrowColumn    column)
{
  g_autofree char *have = self->columns != NULL && self->columns[0] != NULL
                          ? g_strjoinv (", ", self->columns) : g_strdup ("-");

  return g_strdup_printf (_("%s: the column %s (%s) is missing; the file has: %s"),
                          self->display_name, column_info[column].code,
                          _(column_info[column].label), have);
}

gboolean
furrow_import_resolve_mapping (FurrowImporter  *self,
                               GError         **error)
{
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn (self->layer);
  FurrowColumn required[3];
  guint n_required = 0;

  for (guint c = 0; c < FURROW_N_COLUMNS; c++)
    self->mapping_index[c] = self->mapping.source[c] != NULL
                             ? OGR_FD_GetFieldIndex (defn, self->mapping.source[c]) : -1;

  /* Two columns that are both the one Furrow reads ("承包方编码" twice, or CBFBM and 承包方编码):
   * the first was read and the second dropped without a word (issue 12). */
  for (guint c = 0; c < FURROW_N_COLUMNS; c++)
    {
      const char *first = NULL;

      if (self->mapping.source[c] == NULL || !name_matches (self->mapping.source[c], c))
        continue;
      for (guint i = 0; self->columns != NULL && self->columns[i] != NULL; i++)
        {
          if (!name_matches (self->columns[i], c))
            continue;
          if (first == NULL)
            {
              first = self->columns[i];
              continue;
            }
          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_MAPPING,
                       _("%s: the columns “%s” and “%s” are both the %s (%s); keep one of them"),
                       self->display_name, first, self->columns[i], _(column_info[c].label),
                       column_info[c].code);
          return FALSE;
        }
    }

  switch (self->kind)
    {
    case FURROW_IMPORT_KIND_PARCELS:
      required[n_required++] = FURROW_COLUMN_DKBM;
      required[n_required++] = FURROW_COLUMN_CBFBM;
      if (self->mapping_index[FURROW_COLUMN_HTMJ] < 0)
        required[n_required++] = FURROW_COLUMN_HTMJM;
      break;
    case FURROW_IMPORT_KIND_HOUSEHOLDS:
      required[n_required++] = FURROW_COLUMN_CBFBM;
      required[n_required++] = FURROW_COLUMN_CBFMC;
      break;
    case FURROW_IMPORT_KIND_FIELDS:
      if (!self->has_geometry)
        {
          g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_MAPPING,
                       _("%s: custody fields need polygons, and this file has no geometry"),
                       self->display_name);
          return FALSE;
        }
      break;
    case FURROW_IMPORT_KIND_AUTO:
    default:
      g_set_error (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_MAPPING,
                   _("%s: cannot tell what the file holds: it has neither a DKBM (parcel code) nor a CBFBM (household code) column, nor polygons"),
                   self->display_name);
      return FALSE;
    }

  for (guint i = 0; i < n_required; i++)
    if (self->mapping_index[required[i]] < 0)
      {
        g_autofree char *message = describe_missing (self, required[i]);

        g_set_error_literal (error, FURROW_IMPORT_ERROR, FURROW_IMPORT_ERROR_MAPPING, message);
        return FALSE;
      }
  return TRUE;
}
