/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a pain chart: serialised with xmlTextWriter, written to a new file beside the old
 * one, synced and renamed over it (the old file is never harmed), and the autosave of
 * unsaved work. See dorsum-chart.c for the model. */

#define G_LOG_DOMAIN "dorsum-chart"
/* For O_TMPFILE. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "dorsum-chart-private.h"
#include "dorsum-library.h"
#include "dorsum-resources.h"
#include "dorsum-xml-private.h"

/* The largest file the writer can produce, counted generously: in text xmlTextWriter
 * escapes no character to more than six bytes ('"' → &quot;); in attributes a libxml2
 * might write any character as &#x10FFFF; (ten bytes); the fixed parts of each element
 * (tags, attributes, numbers, indentation) stay well under the allowance given them. */
#define MAX_ESCAPED_BYTES_PER_CHAR 6
#define MAX_ATTRIBUTE_BYTES_PER_CHAR 10
#define WORST_CASE_FILE_SIZE                                                            \
  (512 /* declaration, <chart>, <client>, <plan>, their ends */                       \
   + DORSUM_CHART_MAX_INITIALS_CHARS * MAX_ATTRIBUTE_BYTES_PER_CHAR                   \
   + 64 + DORSUM_CHART_MAX_NOTES_CHARS * MAX_ESCAPED_BYTES_PER_CHAR                   \
   + DORSUM_CHART_MAX_MARKS * (256 + DORSUM_CHART_MAX_NOTE_CHARS * MAX_ESCAPED_BYTES_PER_CHAR) \
   + DORSUM_CHART_MAX_PLAN_ENTRIES * (64 + DORSUM_CHART_MAX_PLAN_REF_CHARS))

G_STATIC_ASSERT (WORST_CASE_FILE_SIZE < DORSUM_CHART_MAX_FILE_SIZE);

/* xmlTextWriter reports only running out of memory, which GLib treats as fatal too. */
#define WRITE(call)                                                  \
  G_STMT_START {                                                     \
    if ((call) < 0)                                                  \
      g_error ("libxml2 could not write a chart: out of memory");    \
  } G_STMT_END

/**
 * dorsum_chart_serialize:
 *
 * Written with xmlTextWriter, which escapes what XML needs escaped; the setters have
 * already kept out what XML 1.0 cannot hold at all, so the result always reads back.
 *
 * Returns: (transfer full): the chart as XML, valid against data/dorsum-chart.rng
 */
GBytes *
dorsum_chart_serialize (DorsumChart *self)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  GBytes *bytes;

  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);

  buffer = xmlBufferCreate ();
  if (buffer == NULL || (writer = xmlNewTextWriterMemory (buffer, 0)) == NULL)
    g_error ("libxml2 could not write a chart: out of memory");

  WRITE (xmlTextWriterSetIndent (writer, 1));
  WRITE (xmlTextWriterSetIndentString (writer, BAD_CAST "  "));
  WRITE (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));
  WRITE (xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "chart", BAD_CAST CHART_NS));
  WRITE (xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "version", "%d", DORSUM_CHART_FORMAT_VERSION));

  if (self->state.initials || self->state.date)
    {
      WRITE (xmlTextWriterStartElement (writer, BAD_CAST "client"));
      if (self->state.initials)
        WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "initials", BAD_CAST self->state.initials));
      if (self->state.date)
        WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "date", BAD_CAST self->state.date));
      WRITE (xmlTextWriterEndElement (writer));
    }

  if (self->state.notes)
    WRITE (xmlTextWriterWriteElement (writer, BAD_CAST "notes", BAD_CAST self->state.notes));

  for (guint i = 0; i < self->state.marks->len; i++)
    {
      const DorsumMark *m = &g_array_index (self->state.marks, DorsumMark, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      WRITE (xmlTextWriterStartElement (writer, BAD_CAST "mark"));
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "figure", BAD_CAST dorsum_mark_get_figure (m)));
      /* Locale-independent numbers, one decimal: plenty for a finger on a figure. */
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "x", BAD_CAST g_ascii_formatd (number, sizeof number, "%.1f", m->x)));
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "y", BAD_CAST g_ascii_formatd (number, sizeof number, "%.1f", m->y)));
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "radius", BAD_CAST g_ascii_formatd (number, sizeof number, "%.1f", m->radius)));
      WRITE (xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "intensity", "%d", m->intensity));
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "quality", BAD_CAST dorsum_quality_to_string (m->quality)));
      if (m->note)
        WRITE (xmlTextWriterWriteString (writer, BAD_CAST m->note));
      WRITE (xmlTextWriterEndElement (writer));
    }

  if (self->state.plan && self->state.plan[0])
    {
      WRITE (xmlTextWriterStartElement (writer, BAD_CAST "plan"));
      for (guint i = 0; self->state.plan[i]; i++)
        {
          WRITE (xmlTextWriterStartElement (writer, BAD_CAST "entry"));
          WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "ref", BAD_CAST self->state.plan[i]));
          WRITE (xmlTextWriterEndElement (writer));
        }
      WRITE (xmlTextWriterEndElement (writer));
    }

  WRITE (xmlTextWriterEndDocument (writer));
  xmlFreeTextWriter (writer);

  bytes = g_bytes_new (xmlBufferContent (buffer), (gsize)xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  return bytes;
}

#undef WRITE

/* A stream over a file descriptor that the save owns and closes itself (GUnixOutputStream
 * would need gio-unix-2.0 for one class). */
typedef struct
{
  GOutputStream parent_instance;
  int           fd;
} FdStream;

typedef struct
{
  GOutputStreamClass parent_class;
} FdStreamClass;

static GType fd_stream_get_type (void);

G_DEFINE_TYPE (FdStream, fd_stream, G_TYPE_OUTPUT_STREAM)

static gssize
fd_stream_write (GOutputStream  *stream,
                 const void     *buffer,
                 gsize           count,
                 GCancellable   *cancellable,
                 GError        **error)
{
  FdStream *self = (FdStream *)stream;
  gssize written;

  do
    written = write (self->fd, buffer, MIN (count, G_MAXSSIZE));
  while (written < 0 && errno == EINTR);

  if (written < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
    }

  return written;
}

static gboolean
fd_stream_close (GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  return TRUE;
}

static void
fd_stream_class_init (FdStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  stream_class->write_fn = fd_stream_write;
  stream_class->close_fn = fd_stream_close;
}

static void
fd_stream_init (FdStream *self)
{
  self->fd = -1;
}

/* Temporary files are named so that a user who finds one knows what made it. */
#define TEMP_PREFIX ".dorsum-saving-"

/* Writes @bytes to @fd through the test's wrapper, if any, and makes them durable. */
static gboolean
write_and_sync (int                  fd,
                GBytes              *bytes,
                DorsumStreamWrapper  wrapper,
                gpointer             user_data,
                GError             **error)
{
  g_autoptr(GOutputStream) base = g_object_new (fd_stream_get_type (), NULL);
  g_autoptr(GOutputStream) stream = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  ((FdStream *)base)->fd = fd;
  stream = wrapper ? wrapper (base, user_data) : g_object_ref (base);

  if (!g_output_stream_write_all (stream, data, size, NULL, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Gives the unnamed file @fd a name in @dir, to rename over the target. */
static char *
link_unnamed (int         fd,
              const char *dir)
{
#ifdef O_TMPFILE
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", fd);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (TEMP_PREFIX "%08x", g_random_int ());
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
        return g_steal_pointer (&path);
      if (errno != EEXIST)
        return NULL;
    }
#endif

  return NULL;
}

static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Best effort: some file systems (the document portal's among them) cannot. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Every save, the first one too, writes a new file beside the target, mode 0600, syncs it
 * and renames it over the target: the old file, if any, stays whole until the rename, no
 * backup is left, and a failure removes the new file. The file is first made unnamed
 * (O_TMPFILE) where the file system can, so a killed save leaves nothing behind; the
 * Flatpak document portal cannot, and gets a named temporary file, which it supports. */
static gboolean
save_to_path (const char           *path,
              GBytes               *bytes,
              DorsumStreamWrapper   wrapper,
              gpointer              user_data,
              GError              **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  struct stat st;
  int fd = -1;

  /* Replace what a symbolic link points to, not the link. */
  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);
  dir = g_path_get_dirname (target);

  if (stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("%s is not a regular file; choose another name"), path);
          return FALSE;
        }

      /* The rename would replace a file the user made read-only; writing in place would not. */
      if (access (target, W_OK) != 0)
        return _dorsum_chart_set_errno_error (error, errno, path);
    }

#ifdef O_TMPFILE
  /* The tests set this to save as on the document portal, which has no O_TMPFILE. */
  if (g_getenv ("DORSUM_TEST_NO_O_TMPFILE") == NULL)
    fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      if (!write_and_sync (fd, bytes, wrapper, user_data, error))
        {
          close (fd);
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }

      temp_path = link_unnamed (fd, dir);
      close (fd);
      fd = -1;
    }
#endif

  /* No O_TMPFILE here, or no way to name the file: a named temporary file. */
  if (temp_path == NULL)
    {
      temp_path = g_build_filename (dir, TEMP_PREFIX "XXXXXX", NULL);
      fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
      if (fd < 0)
        return _dorsum_chart_set_errno_error (error, errno, path);

      if (!write_and_sync (fd, bytes, wrapper, user_data, error))
        {
          close (fd);
          g_unlink (temp_path);
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }

      if (close (fd) != 0)
        {
          int saved_errno = errno;

          g_unlink (temp_path);
          return _dorsum_chart_set_errno_error (error, saved_errno, path);
        }
    }

  if (rename (temp_path, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return _dorsum_chart_set_errno_error (error, saved_errno, path);
    }

  sync_directory (dir);

  return TRUE;
}

/* A file with no local path (a GVfs location without FUSE): GIO's own replace, which
 * writes a temporary file and renames it where the backend can. */
static gboolean
save_with_gio (GFile                *file,
               GBytes               *bytes,
               DorsumStreamWrapper   wrapper,
               gpointer              user_data,
               GError              **error)
{
  g_autoptr(GFileOutputStream) replace = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *name = g_file_get_parse_name (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  replace = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                            cancellable, error);
  if (replace == NULL)
    return FALSE;

  stream = wrapper ? wrapper (G_OUTPUT_STREAM (replace), user_data) : g_object_ref (G_OUTPUT_STREAM (replace));

  if (!g_output_stream_write_all (stream, data, size, NULL, cancellable, error) ||
      !g_output_stream_flush (stream, cancellable, error))
    {
      /* Closing a cancelled replace drops the temporary file and keeps the old one. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (replace), cancellable, NULL);
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (replace), NULL, error);
}

gboolean
_dorsum_chart_save_wrapped (DorsumChart          *self,
                            GFile                *file,
                            DorsumStreamWrapper   wrapper,
                            gpointer              user_data,
                            GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *path;

  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = dorsum_chart_serialize (self);
  name = g_file_get_parse_name (file);

  /* The limits make this impossible; if a bug ever breaks them, the user hears it now,
   * with the chart still open, rather than when the file will not open next week. */
  {
    g_autoptr(DorsumChart) check = NULL;
    g_autoptr(GError) check_error = NULL;
    g_autoptr(GBytes) again = NULL;

    check = dorsum_chart_new_from_bytes (bytes, name, &check_error);
    if (check != NULL && !g_bytes_equal (bytes, (again = dorsum_chart_serialize (check))))
      g_set_error_literal (&check_error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                           _("it reads back different from what was written"));
    if (check_error != NULL)
      {
        g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                     _("%s was not saved: Dorsum would not be able to open it again (%s). "
                       "This is a bug; please report it. The chart is still open."),
                     name, check_error->message);
        return FALSE;
      }
  }

  path = g_file_peek_path (file);
  if (path != NULL ? !save_to_path (path, bytes, wrapper, user_data, error)
                   : !save_with_gio (file, bytes, wrapper, user_data, error))
    return FALSE;

  dorsum_chart_set_modified (self, FALSE);

  return TRUE;
}

gboolean
dorsum_chart_save (DorsumChart  *self,
                   GFile        *file,
                   GError      **error)
{
  return _dorsum_chart_save_wrapped (self, file, NULL, NULL, error);
}

/**
 * dorsum_chart_get_autosave_path:
 *
 * Unsaved work lives in the user's state directory until it is saved or discarded,
 * so a crash or a forced quit loses nothing.
 *
 * Returns: (transfer full): the path of the autosaved chart
 */
char *
dorsum_chart_get_autosave_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "dorsum", "unsaved-chart.xml", NULL);
}

/**
 * dorsum_chart_write_autosave:
 * @document_path: (nullable): where the chart is saved, if anywhere, to offer it back with it
 */
gboolean
dorsum_chart_write_autosave (DorsumChart  *self,
                             const char   *document_path,
                             GError      **error)
{
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *link_path = g_strconcat (path, ".source", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean modified;

  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }

  /* Saving the autosave must not mark the document as saved. */
  modified = self->modified;
  if (!dorsum_chart_save (self, file, error))
    return FALSE;
  dorsum_chart_set_modified (self, modified);

  /* The path may name the client: private, as the chart is. */
  if (document_path != NULL)
    return g_file_set_contents_full (link_path, document_path, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);

  g_remove (link_path);

  return TRUE;
}

/**
 * dorsum_chart_read_autosave:
 * @document_path: (out) (optional) (nullable): where the chart had been saved, if anywhere
 *
 * The unsaved chart a crash or a kill left behind. One that cannot be read is set aside
 * under another name, never deleted, and @error says where it went.
 *
 * Returns: (transfer full) (nullable): unsaved work left by a crash, marked as modified;
 *   %NULL if there is none or (with @error set) it could not be read
 */
DorsumChart *
dorsum_chart_read_autosave (char   **document_path,
                            GError **error)
{
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *link_path = g_strconcat (path, ".source", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  DorsumChart *chart;

  if (document_path != NULL)
    *document_path = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  chart = dorsum_chart_new_from_file (file, &local_error);
  if (chart == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *aside = g_strdup_printf ("%s.unreadable-%s", path, stamp);

      if (g_rename (path, aside) != 0)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("%s It could not be set aside either (%s): it stays at %s."),
                     local_error->message, g_strerror (errno), path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s It was set aside as %s."), local_error->message, aside);
      return NULL;
    }

  if (document_path != NULL && !g_file_get_contents (link_path, document_path, NULL, NULL))
    *document_path = NULL;

  dorsum_chart_set_modified (chart, TRUE);

  return chart;
}

/**
 * dorsum_chart_clear_autosave:
 *
 * Removes every file the autosave made: the chart, where it came from, and what a save
 * killed part-way or an older Dorsum (a `~` backup) left in the autosave's own directory.
 */
void
dorsum_chart_clear_autosave (void)
{
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *link_path = g_strconcat (path, ".source", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_remove (path);
  g_remove (link_path);
  g_remove (backup_path);

  /* The directory is Dorsum's alone, and saves run on the main thread: no save is under way. */
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, TEMP_PREFIX) ||
        (g_str_has_prefix (name, "unsaved-chart.xml.source.") && strlen (name) == strlen ("unsaved-chart.xml.source.XXXXXX")))
      {
        g_autofree char *stray = g_build_filename (dir_path, name, NULL);

        g_remove (stray);
      }
}
