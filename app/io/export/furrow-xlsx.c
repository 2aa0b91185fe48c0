/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowXlsx: a workbook written whole or not at all, and the exports' cell formats
 * (furrow-xlsx.h). */

#include "config.h"

#include "furrow-xlsx.h"

#include "furrow-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

struct _FurrowXlsx
{
  FurrowAtomicFile *file;
  lxw_workbook     *workbook;   /* open until commit or free */
  char             *path;
};

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display_name = g_filename_display_name (path);

  /* Translators: a file that cannot be written, and why */
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("%s: cannot write: %s"),
               display_name, reason);
}

FurrowXlsx *
furrow_xlsx_new (const char  *path,
                 const char  *title,
                 const char  *company,
                 gboolean     private_,
                 GError     **error)
{
  g_autoptr(FurrowAtomicFile) file = NULL;
  FurrowXlsx *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = furrow_atomic_file_new (path, error);
  if (file == NULL)
    return NULL;
  furrow_atomic_file_set_private (file, private_);
  self = g_new0 (FurrowXlsx, 1);
  self->path = g_strdup (path);
  self->workbook = workbook_new (furrow_atomic_file_get_path (file));
  self->file = g_steal_pointer (&file);
  if (self->workbook == NULL)
    {
      set_write_error (error, path, g_strerror (ENOMEM));
      furrow_xlsx_free (self);
      return NULL;
    }
  if (title != NULL)
    {
      lxw_doc_properties properties = { NULL, };

      properties.title = (char *) title;
      properties.author = (char *) "Furrow";
      properties.company = (char *) company;
      workbook_set_properties (self->workbook, &properties);
    }
  return self;
}

lxw_workbook *
furrow_xlsx_get_workbook (FurrowXlsx *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->workbook;
}

/* workbook_close() with libxlsxwriter's own messages silenced: on a failed write (a full
 * disk) it prints "[ERROR][./src/packager.c:…]: Error writing …" on stderr before Furrow's line
 * says the same about the file the user chose. libxlsxwriter 1.1.4 has no hook for its messages
 * (LXW_ERROR is fprintf (stderr, …) compiled into the library, docs/toolchain.md): its stderr is
 * /dev/null while it closes. */
lxw_error
furrow_xlsx_close_quietly (lxw_workbook *workbook)
{
  int null_fd, saved = -1;
  lxw_error status;

  fflush (stderr);
  null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null_fd >= 0)
    {
      saved = fcntl (STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
      if (saved >= 0 && dup2 (null_fd, STDERR_FILENO) < 0)
        {
          close (saved);
          saved = -1;
        }
      close (null_fd);
    }
  status = workbook_close (workbook);
  fflush (stderr);
  if (saved >= 0)
    {
      dup2 (saved, STDERR_FILENO);
      close (saved);
    }
  return status;
}

gboolean
furrow_xlsx_commit (FurrowXlsx  *self,
                    GError     **error)
{
  lxw_error status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->workbook != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  status = furrow_xlsx_close_quietly (g_steal_pointer (&self->workbook));
  if (status != LXW_NO_ERROR)
    {
      set_write_error (error, self->path, lxw_strerror (status));
      return FALSE;
    }
  return furrow_atomic_file_commit (self->file, error);
}

void
furrow_xlsx_free (FurrowXlsx *self)
{
  if (self == NULL)
    return;
  /* Closing writes the file; freeing the atomic file then discards it. */
  if (self->workbook != NULL)
    furrow_xlsx_close_quietly (self->workbook);
  furrow_atomic_file_free (self->file);
  g_free (self->path);
  g_free (self);
}

static lxw_format *
bordered (lxw_workbook *workbook)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  return format;
}

void
furrow_xlsx_add_table_formats (lxw_workbook         *workbook,
                               const FurrowXlsxLook *look,
                               FurrowXlsxFormats    *f)
{
  g_return_if_fail (workbook != NULL);
  g_return_if_fail (look != NULL);
  g_return_if_fail (f != NULL);

  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, look->title_pt);
  if (look->title_centred)
    format_set_align (f->title, LXW_ALIGN_CENTER);
  f->note = workbook_add_format (workbook);
  f->header = bordered (workbook);
  format_set_bold (f->header);
  format_set_bg_color (f->header, 0xE6E6E6);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->header);
  f->text = bordered (workbook);
  format_set_num_format (f->text, "@");
  f->number = bordered (workbook);
  format_set_align (f->number, LXW_ALIGN_CENTER);
  f->area = bordered (workbook);
  format_set_num_format (f->area, "0.00");
  f->money = bordered (workbook);
  format_set_num_format (f->money, "#,##0.00");
  f->sum_text = bordered (workbook);
  format_set_bold (f->sum_text);
  f->sum_money = bordered (workbook);
  format_set_bold (f->sum_money);
  f->sum_area = bordered (workbook);
  format_set_bold (f->sum_area);
  if (look->shaded_sums)
    {
      format_set_bg_color (f->sum_text, 0xEEEEEE);
      format_set_bg_color (f->sum_money, 0xEEEEEE);
      format_set_bg_color (f->sum_area, 0xEEEEEE);
    }
  format_set_num_format (f->sum_money, "#,##0.00");
  format_set_num_format (f->sum_area, "0.00");
}

void
furrow_xlsx_set_widths (lxw_worksheet *sheet,
                        const double  *widths,
                        guint          n)
{
  for (lxw_col_t c = 0; c < n; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
}

void
furrow_xlsx_write_header_row (lxw_worksheet      *sheet,
                              lxw_row_t           row,
                              const char * const *headers,
                              guint               n,
                              lxw_format         *format)
{
  for (lxw_col_t c = 0; c < n; c++)
    worksheet_write_string (sheet, row, c, headers[c], format);
}

void
furrow_xlsx_write_money (lxw_worksheet *sheet,
                         lxw_row_t      row,
                         lxw_col_t      col,
                         gint64         fen,
                         lxw_format     *format)
{
  worksheet_write_number (sheet, row, col, (double) fen / 100.0, format);
}
