/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The parcels of a model (FurrowParcel items, e.g. furrow_store_get_parcels()) counted by the
 * field they lie in, built once and kept in step with the model's items-changed, so that a
 * selection asks a hash table instead of scanning every parcel (furrow_register_field_parcels()
 * does the scan). The store re-inserts a parcel whose field changes (an update, the deletion of
 * its field), which is what keeps the counts right. */

#define FURROW_TYPE_PARCEL_INDEX (furrow_parcel_index_get_type ())

G_DECLARE_FINAL_TYPE (FurrowParcelIndex, furrow_parcel_index, FURROW, PARCEL_INDEX, GObject)

FurrowParcelIndex *furrow_parcel_index_new         (GListModel        *parcels);
/* The number of parcels on the field with `field_id` (0: the parcels on no field). */
guint              furrow_parcel_index_count_field (FurrowParcelIndex *self,
                                                    gint64             field_id);

G_END_DECLS
