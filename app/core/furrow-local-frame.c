/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-local-frame.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <proj.h>

struct _FurrowLocalFrame
{
  PJ_CONTEXT *ctx;
  PJ         *pj;
};

FurrowLocalFrame *
furrow_local_frame_new (double   lon0_deg,
                        double   lat0_deg,
                        GError **error)
{
  g_autoptr(FurrowLocalFrame) self = g_new0 (FurrowLocalFrame, 1);
  char lon[G_ASCII_DTOSTR_BUF_SIZE];
  char lat[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *definition = NULL;

  if (!(lat0_deg >= -90.0 && lat0_deg <= 90.0 && lon0_deg >= -540.0 && lon0_deg <= 540.0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("coordinates %g, %g are not longitude and latitude in degrees"),
                   lon0_deg, lat0_deg);
      return NULL;
    }

  /* g_ascii_dtostr: a locale with a decimal comma must not break the PROJ string. */
  g_ascii_dtostr (lon, sizeof lon, lon0_deg);
  g_ascii_dtostr (lat, sizeof lat, lat0_deg);
  definition = g_strdup_printf ("+proj=aeqd +lat_0=%s +lon_0=%s +datum=WGS84 +units=m", lat, lon);

  self->ctx = proj_context_create ();
  self->pj = proj_create (self->ctx, definition);
  if (self->pj == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("PROJ cannot build a local projection (%s)"),
                   proj_context_errno_string (self->ctx, proj_context_errno (self->ctx)));
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
furrow_local_frame_free (FurrowLocalFrame *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pj, proj_destroy);
  g_clear_pointer (&self->ctx, proj_context_destroy);
  g_free (self);
}

void
furrow_local_frame_forward (FurrowLocalFrame  *self,
                            const FurrowPoint *lonlat,
                            FurrowPoint       *xy,
                            guint              n_points)
{
  for (guint i = 0; i < n_points; i++)
    {
      PJ_COORD c = proj_coord (proj_torad (lonlat[i].x), proj_torad (lonlat[i].y), 0.0, 0.0);

      c = proj_trans (self->pj, PJ_FWD, c);
      xy[i].x = c.xy.x;
      xy[i].y = c.xy.y;
    }
}

void
furrow_local_frame_inverse (FurrowLocalFrame  *self,
                            const FurrowPoint *xy,
                            FurrowPoint       *lonlat,
                            guint              n_points)
{
  for (guint i = 0; i < n_points; i++)
    {
      PJ_COORD c = proj_coord (xy[i].x, xy[i].y, 0.0, 0.0);

      c = proj_trans (self->pj, PJ_INV, c);
      lonlat[i].x = proj_todeg (c.lp.lam);
      lonlat[i].y = proj_todeg (c.lp.phi);
    }
}
