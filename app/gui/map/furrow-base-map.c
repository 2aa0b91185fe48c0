/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-base-map.h"

#include "furrow-field-tile-renderer.h"

#include <glib/gi18n.h>

/* TRUE when @url_template is an http(s) URL with the three tile placeholders {x}, {y}, {z}. */
gboolean
furrow_base_map_template_is_valid (const char *url_template)
{
  g_autofree char *host = NULL;

  if (url_template == NULL)
    return FALSE;
  host = furrow_base_map_template_host (url_template);
  return host != NULL &&
         strstr (url_template, "{x}") != NULL &&
         strstr (url_template, "{y}") != NULL &&
         strstr (url_template, "{z}") != NULL;
}

/* The host name of @url_template ("t0.tianditu.gov.cn"), NULL when it is no http(s) URL. */
char *
furrow_base_map_template_host (const char *url_template)
{
  const char *start;
  gsize length;

  if (url_template == NULL)
    return NULL;
  if (g_str_has_prefix (url_template, "https://"))
    start = url_template + 8;
  else if (g_str_has_prefix (url_template, "http://"))
    start = url_template + 7;
  else
    return NULL;

  length = strcspn (start, "/:?#");
  if (length == 0)
    return NULL;
  return g_ascii_strdown (start, length);
}

/* Chinese commercial maps (AutoNavi/Amap/Gaode, Tencent, Google's Chinese site) are published in
 * GCJ-02, offset by a few hundred metres from the WGS84 of the fields (docs/domain.md). */
gboolean
furrow_base_map_template_is_gcj02 (const char *url_template)
{
  static const char * const hosts[] = { "autonavi", "amap", "gaode", "qq.com", "tencent",
                                        "google.cn" };
  g_autofree char *host = furrow_base_map_template_host (url_template);

  if (host == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    if (strstr (host, hosts[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A raster source from an XYZ template ({x} {y} {z}, and {key} replaced by @key). */
ShumateMapSource *
furrow_base_map_new_xyz_source (const char *id,
                                const char *name,
                                const char *url_template,
                                const char *key)
{
  g_autoptr(GString) url = g_string_new (url_template);
  ShumateRasterRenderer *renderer;
  ShumateMapSource *source;

  g_return_val_if_fail (furrow_base_map_template_is_valid (url_template), NULL);

  /* libshumate's templates name the tile #X#, #Y#, #Z#. */
  g_string_replace (url, "{x}", "#X#", 0);
  g_string_replace (url, "{y}", "#Y#", 0);
  g_string_replace (url, "{z}", "#Z#", 0);
  g_string_replace (url, "{key}", key != NULL ? key : "", 0);

  renderer = shumate_raster_renderer_new_from_url (url->str);
  g_object_set (renderer, "id", id, "name", name, "max-zoom-level", 18, NULL);
  /* Painted snapped to whole pixels, as the field tiles are (no seams between tiles). */
  source = furrow_field_tile_renderer_new_like (renderer);
  g_object_unref (renderer);
  return source;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autolist(GInetAddress) addresses = NULL;

  addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (object), result, &error);
  if (addresses == NULL)
    {
      g_autofree char *host = g_strdup (g_task_get_task_data (task));

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND,
                               _("The map server %s cannot be reached"), host);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Whether the tile server of @url_template can be found (libshumate swallows tile errors, so
 * the window asks the resolver when the base map changes, and says so when it is offline). */
void
furrow_base_map_probe_async (const char          *url_template,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GResolver) resolver = g_resolver_get_default ();
  char *host = furrow_base_map_template_host (url_template);

  g_task_set_source_tag (task, furrow_base_map_probe_async);
  if (host == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The map address is not a web address"));
      return;
    }
  g_task_set_task_data (task, host, g_free);
  g_resolver_lookup_by_name_async (resolver, host, cancellable, lookup_cb, g_steal_pointer (&task));
}

gboolean
furrow_base_map_probe_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
