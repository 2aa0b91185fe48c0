/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowSeasonFieldRow: a season table row as a list item (the overview's column view). */
#include "furrow-season-field-row.h"

struct _FurrowSeasonFieldRow
{
  GObject              parent_instance;
  FurrowSeasonTableRow row;
};

G_DEFINE_FINAL_TYPE (FurrowSeasonFieldRow, furrow_season_field_row, G_TYPE_OBJECT)

static void
furrow_season_field_row_finalize (GObject *object)
{
  FurrowSeasonFieldRow *self = FURROW_SEASON_FIELD_ROW (object);

  g_free (self->row.code);
  g_free (self->row.name);

  G_OBJECT_CLASS (furrow_season_field_row_parent_class)->finalize (object);
}

static void
furrow_season_field_row_class_init (FurrowSeasonFieldRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = furrow_season_field_row_finalize;
}

static void
furrow_season_field_row_init (FurrowSeasonFieldRow *self)
{
}

FurrowSeasonFieldRow *
furrow_season_field_row_new (const FurrowSeasonTableRow *row)
{
  FurrowSeasonFieldRow *self = g_object_new (FURROW_TYPE_SEASON_FIELD_ROW, NULL);

  g_return_val_if_fail (row != NULL, self);

  self->row = *row;
  self->row.code = g_strdup (row->code);
  self->row.name = g_strdup (row->name);
  return self;
}

const FurrowSeasonTableRow *
furrow_season_field_row_get (FurrowSeasonFieldRow *self)
{
  g_return_val_if_fail (FURROW_IS_SEASON_FIELD_ROW (self), NULL);

  return &self->row;
}
