/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "import-test-data.h"

#include <gdal.h>
#include <glib/gstdio.h>
#include <ogr_srs_api.h>
#include <string.h>

#define GRID_COLUMNS 250
#define DX 0.00024
#define DY 0.00055
#define WIDTH 0.00022
#define HEIGHT 0.0005

void
test_parcel_codes (guint i,
                   char  dkbm[20],
                   char  cbfbm[19])
{
  guint group = i / TEST_PARCELS_PER_GROUP + 1;
  guint serial = i % TEST_PARCELS_PER_GROUP + 1;
  guint household = (i % TEST_PARCELS_PER_GROUP) / TEST_PARCELS_PER_HOUSEHOLD + 1;

  g_snprintf (dkbm, 20, "370782102201%02u%05u", group, serial);
  if (cbfbm != NULL)
    g_snprintf (cbfbm, 19, "370782102201%02u%04u", group, household);
}

void
test_parcel_ring (guint  i,
                  double lon[5],
                  double lat[5])
{
  double x0 = 119.37 + (i % GRID_COLUMNS) * DX;
  double y0 = 36.40 + (i / GRID_COLUMNS) * DY;

  /* Counter-clockwise, closed. */
  lon[0] = x0;          lat[0] = y0;
  lon[1] = x0 + WIDTH;  lat[1] = y0;
  lon[2] = x0 + WIDTH;  lat[2] = y0 + HEIGHT;
  lon[3] = x0;          lat[3] = y0 + HEIGHT;
  lon[4] = x0;          lat[4] = y0;
}

double
test_parcel_htmjm (guint i)
{
  /* Registered areas a few percent off the measured 1.64 mu. */
  return 1.60 + (i % 7) * 0.01;
}

guint
test_household_count (guint n_parcels)
{
  guint full = n_parcels / TEST_PARCELS_PER_GROUP;
  guint rest = n_parcels % TEST_PARCELS_PER_GROUP;

  return full * (TEST_PARCELS_PER_GROUP / TEST_PARCELS_PER_HOUSEHOLD) +
         (rest + TEST_PARCELS_PER_HOUSEHOLD - 1) / TEST_PARCELS_PER_HOUSEHOLD;
}

static OGRSpatialReferenceH
make_srs (int epsg)
{
  OGRSpatialReferenceH srs = OSRNewSpatialReference (NULL);

  g_assert_cmpint (OSRImportFromEPSG (srs, epsg), ==, OGRERR_NONE);
  OSRSetAxisMappingStrategy (srs, OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

static GDALDatasetH
create_dataset (const char *path,
                const char *driver_name)
{
  GDALDriverH driver = GDALGetDriverByName (driver_name);
  GDALDatasetH ds;

  g_assert_nonnull (driver);
  ds = GDALCreate (driver, path, 0, 0, 0, GDT_Unknown, NULL);
  g_assert_nonnull (ds);
  return ds;
}

static OGRLayerH
create_parcel_layer (GDALDatasetH        ds,
                     const char         *name,
                     OGRwkbGeometryType  type,
                     int                 epsg,
                     const char         *encoding)
{
  OGRSpatialReferenceH srs = epsg != 0 ? make_srs (epsg) : NULL;
  g_autofree char *encoding_option = g_strdup_printf ("ENCODING=%s", encoding != NULL ? encoding : "UTF-8");
  char *options[] = { encoding_option, NULL };
  const char *columns[] = { "DKBM", "CBFBM", "DKMC" };
  OGRLayerH layer;
  OGRFieldDefnH fd;

  layer = GDALDatasetCreateLayer (ds, name, srs, type, options);
  g_assert_nonnull (layer);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      fd = OGR_Fld_Create (columns[c], OFTString);
      OGR_Fld_SetWidth (fd, c == 2 ? 40 : 20);
      g_assert_cmpint (OGR_L_CreateField (layer, fd, TRUE), ==, OGRERR_NONE);
      OGR_Fld_Destroy (fd);
    }
  fd = OGR_Fld_Create ("HTMJM", OFTReal);
  OGR_Fld_SetWidth (fd, 12);
  OGR_Fld_SetPrecision (fd, 2);
  g_assert_cmpint (OGR_L_CreateField (layer, fd, TRUE), ==, OGRERR_NONE);
  OGR_Fld_Destroy (fd);
  if (srs != NULL)
    OSRDestroySpatialReference (srs);
  return layer;
}

static void
remove_side_file (const char *path,
                  const char *ext)
{
  g_autofree char *stem = g_strndup (path, strlen (path) - 4);
  g_autofree char *side = g_strconcat (stem, ".", ext, NULL);

  g_remove (side);
}

void
test_write_parcels_shp (const char *path,
                        guint       n,
                        int         epsg,
                        const char *encoding)
{
  GDALDatasetH ds = create_dataset (path, "ESRI Shapefile");
  OGRLayerH layer = create_parcel_layer (ds, "parcels", wkbPolygon, epsg != 0 ? epsg : 4490, encoding);
  OGRCoordinateTransformationH ct = NULL;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn (layer);

  if (epsg != 0 && epsg != 4490 && epsg != 4326)
    {
      OGRSpatialReferenceH src = make_srs (4490);
      OGRSpatialReferenceH dst = make_srs (epsg);

      ct = OCTNewCoordinateTransformation (src, dst);
      OSRDestroySpatialReference (src);
      OSRDestroySpatialReference (dst);
    }

  for (guint i = 0; i < n; i++)
    {
      OGRFeatureH f = OGR_F_Create (defn);
      OGRGeometryH poly = OGR_G_CreateGeometry (wkbPolygon);
      OGRGeometryH ring = OGR_G_CreateGeometry (wkbLinearRing);
      char dkbm[20], cbfbm[19], name[64];
      double lon[5], lat[5];

      test_parcel_codes (i, dkbm, cbfbm);
      test_parcel_ring (i, lon, lat);
      if (ct != NULL)
        OCTTransform (ct, 5, lon, lat, NULL);
      /* Shapefile outer rings are clockwise. */
      for (int k = 4; k >= 0; k--)
        OGR_G_AddPoint_2D (ring, lon[k], lat[k]);
      OGR_G_AddGeometryDirectly (poly, ring);
      OGR_F_SetGeometryDirectly (f, poly);
      g_snprintf (name, sizeof name, "东岭%u号地", i + 1);
      OGR_F_SetFieldString (f, 0, dkbm);
      OGR_F_SetFieldString (f, 1, cbfbm);
      OGR_F_SetFieldString (f, 2, name);
      OGR_F_SetFieldDouble (f, 3, test_parcel_htmjm (i));
      g_assert_cmpint (OGR_L_CreateFeature (layer, f), ==, OGRERR_NONE);
      OGR_F_Destroy (f);
    }
  if (ct != NULL)
    OCTDestroyCoordinateTransformation (ct);
  GDALClose (ds);

  if (epsg == 0)
    remove_side_file (path, "prj");
  if (encoding != NULL)
    remove_side_file (path, "cpg");
}

void
test_write_households_csv (const char *path,
                           guint       n_parcels)
{
  g_autoptr(GString) csv = g_string_new ("CBFBM,CBFMC,CBFCYSL,LXDH\n");
  char last[19] = "";

  for (guint i = 0; i < n_parcels; i++)
    {
      char dkbm[20], cbfbm[19];

      test_parcel_codes (i, dkbm, cbfbm);
      if (g_str_equal (cbfbm, last))
        continue;
      memcpy (last, cbfbm, sizeof last);
      g_string_append_printf (csv, "%s,示例户%s,%u,1380000%s\n", cbfbm, cbfbm + 14,
                              2 + i % 5, cbfbm + 14);
    }
  test_write_file (path, csv->str, csv->len);
}

void
test_write_records (const char        *path,
                    const char        *driver,
                    OGRwkbGeometryType type,
                    int                declared_epsg,
                    const char        *encoding,
                    const TestRecord  *records,
                    guint              n)
{
  GDALDatasetH ds = create_dataset (path, driver);
  g_autofree char *base = g_path_get_basename (path);
  OGRLayerH layer;
  OGRFeatureDefnH defn;

  *strrchr (base, '.') = '\0';
  layer = create_parcel_layer (ds, base, type, declared_epsg != 0 ? declared_epsg : 4490,
                               encoding);
  defn = OGR_L_GetLayerDefn (layer);
  for (guint i = 0; i < n; i++)
    {
      OGRFeatureH f = OGR_F_Create (defn);

      if (records[i].wkt != NULL)
        {
          OGRGeometryH geom = NULL;
          char *wkt = (char *) records[i].wkt;

          g_assert_cmpint (OGR_G_CreateFromWkt (&wkt, NULL, &geom), ==, OGRERR_NONE);
          OGR_F_SetGeometryDirectly (f, geom);
        }
      if (records[i].dkbm != NULL)
        OGR_F_SetFieldString (f, 0, records[i].dkbm);
      if (records[i].cbfbm != NULL)
        OGR_F_SetFieldString (f, 1, records[i].cbfbm);
      if (records[i].dkmc != NULL)
        OGR_F_SetFieldString (f, 2, records[i].dkmc);
      OGR_F_SetFieldDouble (f, 3, records[i].htmjm);
      g_assert_cmpint (OGR_L_CreateFeature (layer, f), ==, OGRERR_NONE);
      OGR_F_Destroy (f);
    }
  GDALClose (ds);

  if (g_str_equal (driver, "ESRI Shapefile"))
    {
      if (declared_epsg == 0)
        remove_side_file (path, "prj");
      if (encoding != NULL)
        remove_side_file (path, "cpg");
    }
}

void
test_write_file (const char *path,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}
