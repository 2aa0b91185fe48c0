/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "furrow-store-mbtiles.h"

G_BEGIN_DECLS

#define FURROW_TYPE_MBTILES_SOURCE (furrow_mbtiles_source_get_type ())

G_DECLARE_FINAL_TYPE (FurrowMbtilesSource, furrow_mbtiles_source, FURROW, MBTILES_SOURCE,
                      ShumateDataSource)

FurrowMbtilesSource *furrow_mbtiles_source_new             (FurrowMbtiles       *mbtiles);
ShumateMapSource    *furrow_mbtiles_source_new_map_source  (FurrowMbtiles       *mbtiles);

G_END_DECLS
