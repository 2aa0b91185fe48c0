/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "furrow-geometry.h"

G_BEGIN_DECLS

/* Test helpers for the real fields of tests/data/fields (provenance in PROVENANCE.md): the
 * GeoJSON read with json-glib (not GDAL, so the reader under test is not its own oracle), and
 * GeographicLib's Planimeter (Debian geographiclib-tools) as the independent area oracle. */

typedef struct
{
  char      *name;        /* "nl_brp_2023_sample" */
  GPtrArray *geometries;  /* FurrowGeometry, one per feature, in file order */
  GArray    *src_fids;    /* gint64 per feature: the `_src_fid` property, -1 when absent */
} TestFieldFile;

void           test_field_file_free   (TestFieldFile *file);

/* tests/data/fields/NAME.wgs84.geojson */
TestFieldFile *test_field_file_load   (const char    *name);

/* The names of every *.wgs84.geojson of tests/data/fields, sorted. */
GStrv          test_field_file_names  (void);

/* Planimeter's area of each geometry (|exterior| − Σ |holes| over parts, m²), all rings of
 * all geometries in one Planimeter process. Fails the test when Planimeter is missing. */
double        *test_planimeter_areas  (GPtrArray     *geometries);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestFieldFile, test_field_file_free)

G_END_DECLS
