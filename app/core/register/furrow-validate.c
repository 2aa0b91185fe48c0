/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-validate-testing.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "furrow-geodesy.h"

G_DEFINE_QUARK (furrow-validate-error-quark, furrow_validate_error)

FurrowValidationIssue *
furrow_validation_issue_new (FurrowValidationKind  kind,
                             double                lon,
                             double                lat,
                             char                 *message)
{
  FurrowValidationIssue *issue = g_new0 (FurrowValidationIssue, 1);

  issue->kind = kind;
  issue->lon = lon;
  issue->lat = lat;
  issue->message = message;
  return issue;
}

void
furrow_validation_issue_free (FurrowValidationIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->message);
  g_free (issue);
}

char *
furrow_validate_format_location (double lon,
                                 double lat)
{
  char lon_text[G_ASCII_DTOSTR_BUF_SIZE];
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE];

  /* Always a decimal point: the figure is pasted into GIS tools and search boxes. */
  g_ascii_formatd (lon_text, sizeof lon_text, "%.3f", fabs (lon));
  g_ascii_formatd (lat_text, sizeof lat_text, "%.3f", fabs (lat));
  return g_strdup_printf ("%s %s %s %s",
                          lon_text, signbit (lon) ? "W" : "E",
                          lat_text, signbit (lat) ? "S" : "N");
}

static GPtrArray *
issue_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) furrow_validation_issue_free);
}

static void
add_issue (GPtrArray            *issues,
           FurrowValidationKind  kind,
           double                lon,
           double                lat,
           char                 *message)
{
  g_ptr_array_add (issues, furrow_validation_issue_new (kind, lon, lat, message));
}

GPtrArray *
furrow_validate_not_polygon (const char *label,
                             const char *type_name)
{
  GPtrArray *issues = issue_array_new ();

  add_issue (issues, FURROW_VALIDATION_NOT_POLYGON, NAN, NAN,
             /* Translators: "parcels.shp feature 3: the geometry is a LINESTRING, not a polygon" */
             g_strdup_printf (_("%s: the geometry is a %s, not a polygon"), label, type_name));
  return issues;
}

/* Geodesic area (m²) of whatever polygons GEOS makes of one closed ring: what a self-crossing
 * ring really encloses, where the signed area of a bow-tie cancels to about zero. */
static double
valid_ring_area_m2 (FurrowGeosContext *ctx,
                    const FurrowRing  *ring)
{
  GEOSContextHandle_t h = furrow_geos_context_get_handle (ctx);
  FurrowPolygon part = { (FurrowRing *) ring, 1 };
  /* A read-only view on the caller's ring: never referenced, never freed. */
  FurrowGeometry view = { &part, 1, 0 };
  g_autoptr(FurrowGeometry) repaired = NULL;
  GEOSGeometry *geos, *valid;

  geos = furrow_geometry_to_geos (ctx, &view);
  if (geos == NULL)
    return 0;
  valid = GEOSMakeValid_r (h, geos);
  GEOSGeom_destroy_r (h, geos);
  if (valid == NULL)
    return 0;
  repaired = furrow_geometry_from_geos (ctx, valid);
  GEOSGeom_destroy_r (h, valid);
  return furrow_geodesy_area_m2 (repaired);
}

/* Checks one ring as read; FALSE when the ring cannot go on to the GEOS checks. Sets
 * `signed_m2` to its ellipsoidal area when it gets that far. */
static gboolean
check_ring (FurrowGeosContext *ctx,
            GPtrArray         *issues,
            const char        *label,
            const FurrowRing  *ring,
            double            *signed_m2)
{
  const FurrowPoint *pts = ring->points;
  guint n = ring->n_points;
  gboolean closed;
  guint n_closed;
  g_autofree char *where = NULL;

  if (n == 0)
    {
      add_issue (issues, FURROW_VALIDATION_EMPTY, NAN, NAN,
                 g_strdup_printf (_("%s: a ring has no points"), label));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    if (!isfinite (pts[i].x) || !isfinite (pts[i].y))
      {
        char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (x, sizeof x, "%g", pts[i].x);
        g_ascii_formatd (y, sizeof y, "%g", pts[i].y);
        add_issue (issues, FURROW_VALIDATION_NOT_FINITE, NAN, NAN,
                   /* Translators: the last two %s are the coordinates, e.g. "nan, 36.51" */
                   g_strdup_printf (_("%s: vertex %u has a coordinate that is not a finite number (%s, %s)"),
                                    label, i + 1, x, y));
        return FALSE;
      }

  for (guint i = 0; i < n; i++)
    if (fabs (pts[i].x) > 180 || fabs (pts[i].y) > 90)
      {
        where = furrow_validate_format_location (pts[i].x, pts[i].y);
        add_issue (issues, FURROW_VALIDATION_OUT_OF_RANGE, pts[i].x, pts[i].y,
                   g_strdup_printf (_("%s: the coordinate %s is outside the range of longitude and "
                                      "latitude; are these projected metres declared as degrees?"),
                                    label, where));
        return FALSE;
      }

  closed = n > 1 && pts[0].x == pts[n - 1].x && pts[0].y == pts[n - 1].y;
  n_closed = closed ? n : n + 1;
  if (!closed && n > 1)
    {
      g_autofree char *start = furrow_validate_format_location (pts[0].x, pts[0].y);
      g_autofree char *end = furrow_validate_format_location (pts[n - 1].x, pts[n - 1].y);

      add_issue (issues, FURROW_VALIDATION_UNCLOSED_RING, pts[0].x, pts[0].y,
                 g_strdup_printf (_("%s: a ring is not closed: it starts at %s and ends at %s"),
                                  label, start, end));
    }

  if (n_closed < 4)
    {
      guint distinct = n_closed - 1;

      where = furrow_validate_format_location (pts[0].x, pts[0].y);
      add_issue (issues, FURROW_VALIDATION_TOO_FEW_POINTS, pts[0].x, pts[0].y,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s: a ring at %s has %u point; a polygon needs at least 3",
                                               "%s: a ring at %s has %u points; a polygon needs at least 3",
                                               distinct),
                                  label, where, distinct));
      return FALSE;
    }

  {
    furrow_geodesy_ring (pts, n, signed_m2, NULL);
    if (fabs (*signed_m2) < FURROW_VALIDATE_MIN_AREA_M2)
      {
        g_autofree FurrowPoint *copy = g_new (FurrowPoint, n_closed);
        FurrowRing closed_ring = { copy, n_closed };

        memcpy (copy, pts, n * sizeof (FurrowPoint));
        copy[n_closed - 1] = pts[0];
        if (valid_ring_area_m2 (ctx, &closed_ring) < FURROW_VALIDATE_MIN_AREA_M2)
          {
            where = furrow_validate_format_location (pts[0].x, pts[0].y);
            add_issue (issues, FURROW_VALIDATION_ZERO_AREA, pts[0].x, pts[0].y,
                       g_strdup_printf (_("%s: a ring at %s encloses no area"), label, where));
            return FALSE;
          }
      }
  }

  return TRUE;
}

/* One GEOS finding as an issue; `multi` when the parts are checked together. */
static void
add_geos_issue (GPtrArray  *issues,
                const char *label,
                const char *reason,
                double      lon,
                double      lat,
                gboolean    multi)
{
  g_autofree char *where = furrow_validate_format_location (lon, lat);
  gboolean crossing = g_str_has_prefix (reason, "Self-intersection") ||
                      g_str_has_prefix (reason, "Ring Self-intersection");

  if (multi && (crossing || g_str_has_prefix (reason, "Nested shells")))
    add_issue (issues, FURROW_VALIDATION_OVERLAPPING_PARTS, lon, lat,
               g_strdup_printf (_("%s: parts of the multi-polygon overlap at %s"), label, where));
  else if (crossing)
    add_issue (issues, FURROW_VALIDATION_SELF_INTERSECTION, lon, lat,
               g_strdup_printf (_("%s: self-intersection at %s"), label, where));
  else if (g_str_has_prefix (reason, "Hole lies outside shell"))
    add_issue (issues, FURROW_VALIDATION_HOLE_OUTSIDE_SHELL, lon, lat,
               g_strdup_printf (_("%s: a hole lies outside its polygon at %s"), label, where));
  else
    add_issue (issues, FURROW_VALIDATION_INVALID, lon, lat,
               /* Translators: the second %s is GEOS's reason, in English ("Interior is disconnected") */
               g_strdup_printf (_("%s: invalid polygon (%s) at %s"), label, reason, where));
}

/* GEOSisValidDetail_r on one geometry; FALSE when it found a problem (reported). */
static gboolean
check_with_geos (FurrowGeosContext    *ctx,
                 GPtrArray            *issues,
                 const char           *label,
                 const FurrowGeometry *geometry,
                 gboolean              multi)
{
  GEOSContextHandle_t h = furrow_geos_context_get_handle (ctx);
  GEOSGeometry *geos = furrow_geometry_to_geos (ctx, geometry);
  GEOSGeometry *location = NULL;
  char *reason = NULL;
  char valid;
  double lon = NAN, lat = NAN;

  if (geos == NULL)
    {
      add_issue (issues, FURROW_VALIDATION_INVALID, NAN, NAN,
                 g_strdup_printf (_("%s: invalid polygon (%s)"), label,
                                  furrow_geos_context_get_error (ctx)));
      return FALSE;
    }

  valid = GEOSisValidDetail_r (h, geos, 0, &reason, &location);
  if (valid == 0)
    {
      if (location != NULL)
        {
          GEOSGeomGetX_r (h, location, &lon);
          GEOSGeomGetY_r (h, location, &lat);
        }
      add_geos_issue (issues, label, reason != NULL ? reason : "?", lon, lat, multi);
    }
  else if (valid != 1)
    add_issue (issues, FURROW_VALIDATION_INVALID, NAN, NAN,
               g_strdup_printf (_("%s: invalid polygon (%s)"), label,
                                furrow_geos_context_get_error (ctx)));

  if (reason != NULL)
    GEOSFree_r (h, reason);
  if (location != NULL)
    GEOSGeom_destroy_r (h, location);
  GEOSGeom_destroy_r (h, geos);
  return valid == 1;
}

GPtrArray *
furrow_validate_polygons (FurrowGeosContext   *ctx,
                          const char          *label,
                          const FurrowPolygon *polygons,
                          guint                n_polygons)
{
  return furrow_validate_polygons_measured (ctx, label, polygons, n_polygons, NULL);
}

GPtrArray *
furrow_validate_polygons_measured (FurrowGeosContext   *ctx,
                                   const char          *label,
                                   const FurrowPolygon *polygons,
                                   guint                n_polygons,
                                   double              *area_m2)
{
  g_autoptr(FurrowGeosContext) own_ctx = NULL;
  g_autoptr(FurrowGeometry) closed = furrow_geometry_new ();
  g_autoptr(GPtrArray) issues = issue_array_new ();
  gboolean all_parts_valid = TRUE;
  double total_m2 = 0;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (polygons != NULL || n_polygons == 0, NULL);

  if (area_m2 != NULL)
    *area_m2 = NAN;
  if (ctx == NULL)
    ctx = own_ctx = furrow_geos_context_new ();

  if (n_polygons == 0)
    {
      add_issue (issues, FURROW_VALIDATION_EMPTY, NAN, NAN,
                 g_strdup_printf (_("%s: the geometry is empty"), label));
      return g_steal_pointer (&issues);
    }

  for (guint p = 0; p < n_polygons; p++)
    {
      const FurrowPolygon *poly = &polygons[p];
      gboolean part_ok = TRUE;
      guint idx = furrow_geometry_add_polygon (closed);

      if (poly->n_rings == 0)
        {
          add_issue (issues, FURROW_VALIDATION_EMPTY, NAN, NAN,
                     g_strdup_printf (_("%s: a part of the geometry is empty"), label));
          part_ok = FALSE;
        }

      for (guint r = 0; r < poly->n_rings; r++)
        {
          double signed_m2 = 0;

          if (!check_ring (ctx, issues, label, &poly->rings[r], &signed_m2))
            part_ok = FALSE;
          /* As furrow_geodesy_area_m2() sums them: shells add, holes subtract. */
          total_m2 += (r == 0 ? 1 : -1) * fabs (signed_m2);
          furrow_geometry_add_ring (closed, idx, poly->rings[r].points, poly->rings[r].n_points);
        }

      if (part_ok)
        {
          /* A read-only view of this one part (never referenced, never freed). */
          FurrowGeometry view = { &closed->polygons[idx], 1, 0 };

          part_ok = check_with_geos (ctx, issues, label, &view, FALSE);
        }
      all_parts_valid &= part_ok;
    }

  /* Parts that are valid alone may still overlap or nest inside each other. */
  if (all_parts_valid && n_polygons > 1)
    check_with_geos (ctx, issues, label, closed, TRUE);

  if (area_m2 != NULL)
    *area_m2 = issues->len == 0 ? total_m2 : NAN;
  return g_steal_pointer (&issues);
}

GPtrArray *
furrow_validate_geometry (FurrowGeosContext    *ctx,
                          const char           *label,
                          const FurrowGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, NULL);

  return furrow_validate_polygons (ctx, label, geometry->polygons, geometry->n_polygons);
}

static gboolean
ring_is_usable (const FurrowRing *ring)
{
  return ring->n_points >= 4;
}

FurrowGeometry *
furrow_validate_repair (FurrowGeosContext     *ctx,
                        const FurrowGeometry  *geometry,
                        GError               **error)
{
  g_autoptr(FurrowGeosContext) own_ctx = NULL;
  g_autoptr(FurrowGeometry) usable = furrow_geometry_new ();
  g_autoptr(FurrowGeometry) repaired = NULL;
  GEOSContextHandle_t h;
  GEOSGeometry *geos, *valid;

  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (ctx == NULL)
    ctx = own_ctx = furrow_geos_context_new ();
  h = furrow_geos_context_get_handle (ctx);

  /* Rings too short to be rings are dropped (a part with them as its shell goes too); a
   * coordinate that is not a number cannot be repaired into one. */
  for (guint p = 0; p < geometry->n_polygons; p++)
    {
      const FurrowPolygon *poly = &geometry->polygons[p];
      guint idx;

      if (poly->n_rings == 0 || !ring_is_usable (&poly->rings[0]))
        continue;
      idx = furrow_geometry_add_polygon (usable);
      for (guint r = 0; r < poly->n_rings; r++)
        {
          const FurrowRing *ring = &poly->rings[r];

          for (guint i = 0; i < ring->n_points; i++)
            if (!isfinite (ring->points[i].x) || !isfinite (ring->points[i].y))
              {
                g_set_error_literal (error, FURROW_VALIDATE_ERROR,
                                     FURROW_VALIDATE_ERROR_NOT_REPAIRABLE,
                                     _("a coordinate is not a finite number"));
                return NULL;
              }
          if (ring_is_usable (ring))
            furrow_geometry_add_ring (usable, idx, ring->points, ring->n_points);
        }
    }

  if (usable->n_polygons == 0)
    {
      g_set_error_literal (error, FURROW_VALIDATE_ERROR, FURROW_VALIDATE_ERROR_NOT_REPAIRABLE,
                           _("no ring has enough points to make a polygon"));
      return NULL;
    }

  geos = furrow_geometry_to_geos (ctx, usable);
  valid = geos != NULL ? GEOSMakeValid_r (h, geos) : NULL;
  if (geos != NULL)
    GEOSGeom_destroy_r (h, geos);
  if (valid == NULL)
    {
      g_set_error (error, FURROW_VALIDATE_ERROR, FURROW_VALIDATE_ERROR_NOT_REPAIRABLE,
                   _("the polygon cannot be repaired (%s)"), furrow_geos_context_get_error (ctx));
      return NULL;
    }

  /* GEOSMakeValid_r may return lines and points beside the polygons: only polygons are kept. */
  repaired = furrow_geometry_from_geos (ctx, valid);
  GEOSGeom_destroy_r (h, valid);
  if (repaired->n_polygons == 0)
    {
      g_set_error_literal (error, FURROW_VALIDATE_ERROR, FURROW_VALIDATE_ERROR_NOT_REPAIRABLE,
                           _("nothing of the polygon has an area after repair"));
      return NULL;
    }
  return g_steal_pointer (&repaired);
}
