/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-atomic-file.h"
#include "furrow-atomic-file-testing.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

struct _FurrowAtomicFile
{
  char     *target;   /* the file the user asked for */
  char     *folder;   /* the private folder beside it */
  char     *path;     /* folder/basename (target) */
  int       fd;       /* open for furrow_atomic_file_write(), or -1 */
  gboolean  done;     /* committed or discarded: the folder is gone */
  gboolean  private_; /* committed as mode 0600 */
};

static void
set_write_error (GError     **error,
                 const char  *target,
                 int          saved_errno)
{
  g_autofree char *display_name = g_filename_display_name (target);

  /* Translators: a file that cannot be written, and why */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("%s: cannot write: %s"), display_name, g_strerror (saved_errno));
}

FurrowAtomicFile *
furrow_atomic_file_new (const char  *path,
                        GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  FurrowAtomicFile *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The file is renamed into place: over /dev/full or /dev/null that would replace the device
   * itself with a file (as root), over a pipe the pipe (issue 12). A folder fails the rename. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
      {
        g_autofree char *display_name = g_filename_display_name (path);

        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                     _("%s: cannot write: it is a device, a pipe or a socket, not a file"),
                     display_name);
        return NULL;
      }
  }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s.part-XXXXXX", base);
  folder = g_build_filename (dir, name, NULL);
  if (g_mkdtemp_full (folder, 0700) == NULL)
    {
      set_write_error (error, path, errno);
      return NULL;
    }

  self = g_new0 (FurrowAtomicFile, 1);
  self->target = g_strdup (path);
  self->path = g_build_filename (folder, base, NULL);
  self->folder = g_steal_pointer (&folder);
  self->fd = -1;
  return self;
}

const char *
furrow_atomic_file_get_path (FurrowAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

const char *
furrow_atomic_file_get_target (FurrowAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->target;
}

void
furrow_atomic_file_set_private (FurrowAtomicFile *self,
                                gboolean          private_)
{
  g_return_if_fail (self != NULL);

  self->private_ = !!private_;
}

gboolean
furrow_atomic_file_write (FurrowAtomicFile  *self,
                          const void        *data,
                          gsize              length,
                          GError           **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->done, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->fd < 0)
    {
      self->fd = g_open (self->path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
      if (self->fd < 0)
        {
          set_write_error (error, self->target, errno);
          return FALSE;
        }
    }
  while (length > 0)
    {
      gssize written = write (self->fd, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          set_write_error (error, self->target, written < 0 ? errno : ENOSPC);
          return FALSE;
        }
      p += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* Flushes a file written by name (cairo, libxlsxwriter, GDAL) to the disk. */
static gboolean
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  return g_close (fd, NULL) && ok;
}

gboolean
furrow_atomic_file_commit (FurrowAtomicFile  *self,
                           GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  int saved;
  int dir_fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->done, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->fd >= 0)
    {
      int fd = self->fd;

      self->fd = -1;
      if (fsync (fd) != 0)
        {
          saved = errno;
          g_close (fd, NULL);
          goto failed;
        }
      if (!g_close (fd, NULL))
        {
          saved = errno;
          goto failed;
        }
    }

  /* The target's own name last: a reader that sees it sees its companions. */
  base = g_path_get_basename (self->target);
  listing = g_dir_open (self->folder, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (!g_str_equal (name, base))
      g_ptr_array_add (names, g_strdup (name));
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      saved = ENOENT;
      goto failed;
    }
  g_ptr_array_add (names, g_strdup (base));

  dir = g_path_get_dirname (self->target);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *from = g_build_filename (self->folder, names->pdata[i], NULL);
      g_autofree char *to = g_build_filename (dir, names->pdata[i], NULL);

      if ((self->private_ && g_chmod (from, 0600) != 0) || !sync_file (from) ||
          g_rename (from, to) != 0)
        {
          saved = errno;
          goto failed;
        }
    }
  g_rmdir (self->folder);
  self->done = TRUE;

  /* The renames themselves on the disk (a failure here changes nothing the user can do). */
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      g_close (dir_fd, NULL);
    }
  return TRUE;

failed:
  set_write_error (error, self->target, saved);
  furrow_atomic_file_discard (self);
  return FALSE;
}

void
furrow_atomic_file_discard (FurrowAtomicFile *self)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_return_if_fail (self != NULL);

  if (self->fd >= 0)
    {
      g_close (self->fd, NULL);
      self->fd = -1;
    }
  if (self->done)
    return;
  listing = g_dir_open (self->folder, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->folder, name, NULL);

      g_remove (path);
    }
  g_rmdir (self->folder);
  self->done = TRUE;
}

void
furrow_atomic_file_free (FurrowAtomicFile *self)
{
  if (self == NULL)
    return;
  furrow_atomic_file_discard (self);
  g_free (self->target);
  g_free (self->folder);
  g_free (self->path);
  g_free (self);
}

gboolean
furrow_atomic_file_set_contents (const char  *path,
                                 const char  *contents,
                                 gssize       length,
                                 GError     **error)
{
  g_autoptr(FurrowAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  if (length < 0)
    length = (gssize) strlen (contents);
  file = furrow_atomic_file_new (path, error);
  return file != NULL
         && furrow_atomic_file_write (file, contents, (gsize) length, error)
         && furrow_atomic_file_commit (file, error);
}
