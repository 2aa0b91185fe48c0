/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <ogr_api.h>

G_BEGIN_DECLS

/* Land-registration test data written at test time with OGR (nothing generated is checked in).
 * A synthetic village group near 36.45 N 119.40 E (docs/domain.md §4: Weifang, Gauss–Krüger zone
 * 40): parcel i is a 0.00022° × 0.0005° rectangle (about 19.7 m × 55.6 m) on a grid of 250 columns;
 * its codes follow NY/T 2539-2016 (docs/domain.md §2): FBFBM 14 digits, per 5,000 parcels one
 * village group; DKBM = FBFBM + 5-digit serial; four parcels per household, CBFBM = FBFBM + 4
 * digits. */

#define TEST_PARCELS_PER_GROUP     5000
#define TEST_PARCELS_PER_HOUSEHOLD 4

typedef struct
{
  const char *wkt;       /* NULL: no geometry */
  const char *dkbm;
  const char *cbfbm;
  double      htmjm;
  const char *dkmc;
} TestRecord;

void   test_parcel_codes           (guint        i,
                                    char         dkbm[20],
                                    char         cbfbm[19]);
/* The closed ring (5 points, lon/lat) of generated parcel i. */
void   test_parcel_ring            (guint        i,
                                    double       lon[5],
                                    double       lat[5]);
double test_parcel_htmjm           (guint        i);
guint  test_household_count        (guint        n_parcels);

/* Parcels 0 … n−1 as a Shapefile at `path`. epsg 0: no .prj; 4528: zone-prefixed Gauss–Krüger
 * eastings (40xxxxxx); `encoding` "CP936" writes GBK text without a .cpg file, NULL UTF-8. */
void   test_write_parcels_shp      (const char  *path,
                                    guint        n,
                                    int          epsg,
                                    const char  *encoding);
/* The households of parcels 0 … n−1 as CSV (CBFBM, CBFMC, CBFCYSL, LXDH). */
void   test_write_households_csv   (const char  *path,
                                    guint        n_parcels);

/* A layer of explicit records in any OGR vector driver; `declared_epsg` 0 writes no CRS. */
void   test_write_records          (const char        *path,
                                    const char        *driver,
                                    OGRwkbGeometryType type,
                                    int                declared_epsg,
                                    const char        *encoding,
                                    const TestRecord  *records,
                                    guint              n);

void   test_write_file             (const char  *path,
                                    const char  *contents,
                                    gssize       length);

G_END_DECLS
