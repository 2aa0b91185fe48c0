/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "furrow-parcel.h"
#include "furrow-parcel-index.h"

struct _FurrowParcelIndex
{
  GObject     parent_instance;

  GListModel *parcels;
  GArray     *field_ids;  /* gint64, the field of the model's item at each position */
  GHashTable *counts;     /* gint64* field id → GUINT_TO_POINTER (number of parcels) */
};

G_DEFINE_FINAL_TYPE (FurrowParcelIndex, furrow_parcel_index, G_TYPE_OBJECT)

static void
count_change (FurrowParcelIndex *self,
              gint64             field_id,
              int                delta)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &field_id));

  g_assert (delta > 0 || count > 0);
  count = (guint) ((int) count + delta);
  if (count == 0)
    g_hash_table_remove (self->counts, &field_id);
  else
    g_hash_table_replace (self->counts, g_memdup2 (&field_id, sizeof field_id),
                          GUINT_TO_POINTER (count));
}

static void
items_changed_cb (GListModel        *model,
                  guint              position,
                  guint              removed,
                  guint              added,
                  FurrowParcelIndex *self)
{
  g_autoptr(GArray) inserted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), added);

  g_return_if_fail (position + removed <= self->field_ids->len);

  for (guint i = 0; i < removed; i++)
    count_change (self, g_array_index (self->field_ids, gint64, position + i), -1);
  g_array_remove_range (self->field_ids, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(FurrowParcel) parcel = g_list_model_get_item (model, position + i);
      gint64 field_id = furrow_parcel_get_field_id (parcel);

      g_array_append_val (inserted, field_id);
      count_change (self, field_id, 1);
    }
  g_array_insert_vals (self->field_ids, position, inserted->data, added);
}

static void
furrow_parcel_index_dispose (GObject *object)
{
  FurrowParcelIndex *self = FURROW_PARCEL_INDEX (object);

  if (self->parcels != NULL)
    g_signal_handlers_disconnect_by_data (self->parcels, self);
  g_clear_object (&self->parcels);

  G_OBJECT_CLASS (furrow_parcel_index_parent_class)->dispose (object);
}

static void
furrow_parcel_index_finalize (GObject *object)
{
  FurrowParcelIndex *self = FURROW_PARCEL_INDEX (object);

  g_array_unref (self->field_ids);
  g_hash_table_unref (self->counts);

  G_OBJECT_CLASS (furrow_parcel_index_parent_class)->finalize (object);
}

static void
furrow_parcel_index_class_init (FurrowParcelIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = furrow_parcel_index_dispose;
  object_class->finalize = furrow_parcel_index_finalize;
}

static void
furrow_parcel_index_init (FurrowParcelIndex *self)
{
  self->field_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

FurrowParcelIndex *
furrow_parcel_index_new (GListModel *parcels)
{
  FurrowParcelIndex *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (parcels), NULL);
  g_return_val_if_fail (g_list_model_get_item_type (parcels) == FURROW_TYPE_PARCEL, NULL);

  self = g_object_new (FURROW_TYPE_PARCEL_INDEX, NULL);
  self->parcels = g_object_ref (parcels);
  items_changed_cb (parcels, 0, 0, g_list_model_get_n_items (parcels), self);
  g_signal_connect (parcels, "items-changed", G_CALLBACK (items_changed_cb), self);
  return self;
}

guint
furrow_parcel_index_count_field (FurrowParcelIndex *self,
                                 gint64             field_id)
{
  g_return_val_if_fail (FURROW_IS_PARCEL_INDEX (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &field_id));
}
