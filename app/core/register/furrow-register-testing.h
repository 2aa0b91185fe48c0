/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-register.h"

G_BEGIN_DECLS

/* Register helpers only the tests use (HACKING.md, Where things go), so they stay out of
 * furrow-register.h: the app counts a field's parcels with FurrowParcelIndex and checks a typed
 * parcel code with furrow_register_check_parcel_code(). */

/* The number of parcels on the field with `field_id`: one plain pass over the model, the
 * reference FurrowParcelIndex is tested against. */
guint    furrow_register_field_parcels     (GListModel             *parcels,
                                            gint64                  field_id);
/* A DKBM parcel code has 19 characters (docs/domain.md). */
gboolean furrow_register_is_parcel_code    (const char             *code);

G_END_DECLS
