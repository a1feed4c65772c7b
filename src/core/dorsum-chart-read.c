/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a pain chart: through dorsum-xml (no DTD, no entities, schema-checked) and the
 * limits in dorsum-chart.h, from a local file without following links or blocking on a
 * FIFO, or from any GFile. See dorsum-chart.c for the model. */

#define G_LOG_DOMAIN "dorsum-chart"

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

static xmlRelaxNGPtr schema;

static char *
node_text (xmlNodePtr node)
{
  xmlChar *text = xmlNodeGetContent (node);
  char *copy = text && text[0] ? g_strdup ((const char *)text) : NULL;

  xmlFree (text);

  return copy;
}

static void
check_length (DorsumProblems *problems,
              const char     *display_name,
              xmlNodePtr      node,
              const char     *text,
              glong           max_chars,
              const char     *what)
{
  glong n_chars;

  if (text == NULL)
    return;

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars > max_chars)
    /* Translators: the first %s says what is too long, such as "the note of this mark" */
    dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, (guint)xmlGetLineNo (node),
                         _("%s: %ld characters, more than the %ld a chart allows"), what, n_chars, max_chars);
}

/* The limits of dorsum-chart.h, with a message for each, before the schema (which knows
 * most of them but says only "a value is not of the right form"). */
static void
check_limits (xmlNodePtr      root,
              const char     *display_name,
              DorsumProblems *problems)
{
  guint n_marks = 0;
  guint before = problems->count;
  g_autofree char *version = dorsum_xml_prop (root, "version");
  gint64 number = 0;

  /* A newer format is not a broken file: say so, rather than what the schema would. */
  if (version != NULL && g_ascii_string_to_signed (version, 10, 1, G_MAXINT, &number, NULL) &&
      number > DORSUM_CHART_FORMAT_VERSION)
    {
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_SCHEMA, display_name, (guint)xmlGetLineNo (root),
                           _("this chart is in format %d, written by a newer version of Dorsum; this version reads formats up to %d"),
                           (int)number, DORSUM_CHART_FORMAT_VERSION);
      return;
    }

  for (xmlNodePtr node = root->children; node; node = node->next)
    {
      /* A few are enough to say what is wrong. */
      if (problems->count - before >= 25)
        break;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrEqual (node->name, BAD_CAST "client"))
        {
          g_autofree char *initials = dorsum_xml_prop (node, "initials");
          g_autofree char *date = dorsum_xml_prop (node, "date");

          check_length (problems, display_name, node, initials, DORSUM_CHART_MAX_INITIALS_CHARS,
                        _("the client’s initials"));
          if (date != NULL && !dorsum_chart_date_is_valid (date))
            {
              g_autofree char *shown = g_utf8_substring (date, 0, MIN (g_utf8_strlen (date, -1), 32));

              dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_SCHEMA, display_name, (guint)xmlGetLineNo (node),
                                   _("the date “%s” is not a day written as YYYY-MM-DD (such as 2026-03-31)"),
                                   shown);
            }
        }
      else if (xmlStrEqual (node->name, BAD_CAST "notes"))
        {
          g_autofree char *notes = node_text (node);

          check_length (problems, display_name, node, notes, DORSUM_CHART_MAX_NOTES_CHARS,
                        _("the chart’s notes"));
        }
      else if (xmlStrEqual (node->name, BAD_CAST "mark"))
        {
          g_autofree char *note = node_text (node);

          if (++n_marks == DORSUM_CHART_MAX_MARKS + 1)
            dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name,
                                 (guint)xmlGetLineNo (node), _("a chart may hold at most %d marks"),
                                 DORSUM_CHART_MAX_MARKS);
          check_length (problems, display_name, node, note, DORSUM_CHART_MAX_NOTE_CHARS,
                        _("the note of this mark"));
        }
      else if (xmlStrEqual (node->name, BAD_CAST "plan"))
        {
          guint n_entries = 0;

          for (xmlNodePtr entry = node->children; entry; entry = entry->next)
            if (entry->type == XML_ELEMENT_NODE && ++n_entries == DORSUM_CHART_MAX_PLAN_ENTRIES + 1)
              dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name,
                                   (guint)xmlGetLineNo (entry), _("a plan may hold at most %d entries"),
                                   DORSUM_CHART_MAX_PLAN_ENTRIES);
        }
    }
}

static gboolean
is_chart_root (xmlNodePtr root)
{
  return root != NULL && xmlStrEqual (root->name, BAD_CAST "chart") &&
         root->ns != NULL && xmlStrEqual (root->ns->href, BAD_CAST CHART_NS);
}

/* What data/dorsum-chart.rng says a figure id is; anything else is the posterior figure. */
const char *
_dorsum_chart_figure_intern (const char *figure)
{
  if (figure == NULL || !figure[0] || strlen (figure) > DORSUM_CHART_MAX_FIGURE_CHARS)
    return g_intern_static_string (DORSUM_CHART_DEFAULT_FIGURE);

  for (const char *p = figure; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) ||
          (*p == '-' && p != figure && p[1] != '\0' && p[1] != '-')))
      return g_intern_static_string (DORSUM_CHART_DEFAULT_FIGURE);

  return g_intern_string (figure);
}

const char *
dorsum_mark_get_figure (const DorsumMark *mark)
{
  g_return_val_if_fail (mark != NULL, DORSUM_CHART_DEFAULT_FIGURE);

  return mark->figure ? mark->figure : DORSUM_CHART_DEFAULT_FIGURE;
}

static double
prop_double (xmlNodePtr  node,
             const char *name)
{
  g_autofree char *value = dorsum_xml_prop (node, name);

  return value ? g_ascii_strtod (value, NULL) : 0;
}

/**
 * dorsum_chart_new_from_bytes:
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error naming file and line
 */
DorsumChart *
dorsum_chart_new_from_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
{
  DorsumProblems problems = { g_string_new (NULL), 0, 0 };
  g_autoptr(DorsumChart) self = NULL;
  g_autoptr(GStrvBuilder) plan = g_strv_builder_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDocPtr doc;

  g_return_val_if_fail (bytes != NULL, NULL);

  dorsum_xml_init ();
  dorsum_resources_ensure ();

  if (size > DORSUM_CHART_MAX_FILE_SIZE)
    {
      dorsum_problems_add (&problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, 0,
                           _("the file is too large for a chart (more than %d MiB)"),
                           DORSUM_CHART_MAX_FILE_SIZE / (1024 * 1024));
      dorsum_problems_take_error (&problems, error);
      return NULL;
    }

  doc = dorsum_xml_parse (data, size, display_name, &problems);
  if (doc != NULL && is_chart_root (xmlDocGetRootElement (doc)))
    check_limits (xmlDocGetRootElement (doc), display_name, &problems);
  if (doc == NULL || problems.count > 0 ||
      !dorsum_xml_validate (doc, &schema, CHART_SCHEMA, "chart", CHART_NS, display_name, &problems))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      dorsum_problems_take_error (&problems, error);
      return NULL;
    }

  self = dorsum_chart_new ();

  for (xmlNodePtr node = xmlDocGetRootElement (doc)->children; node; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      /* Empty text is kept as NULL, as the setters keep it. */
      if (xmlStrEqual (node->name, BAD_CAST "client"))
        {
          self->state.initials = dorsum_xml_prop (node, "initials");
          self->state.date = dorsum_xml_prop (node, "date");
          if (self->state.initials && !self->state.initials[0])
            g_clear_pointer (&self->state.initials, g_free);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "notes"))
        {
          self->state.notes = node_text (node);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "mark"))
        {
          g_autofree char *quality = dorsum_xml_prop (node, "quality");
          g_autofree char *figure = dorsum_xml_prop (node, "figure");
          g_autofree char *note = node_text (node);
          DorsumMark mark = { 0, };

          /* check_limits() refused more marks than DORSUM_CHART_MAX_MARKS. */
          g_assert (self->state.marks->len < DORSUM_CHART_MAX_MARKS);

          mark.x = prop_double (node, "x");
          mark.y = prop_double (node, "y");
          mark.radius = prop_double (node, "radius");
          mark.intensity = (int)prop_double (node, "intensity");
          dorsum_quality_from_string (quality, &mark.quality);
          mark.note = note ? g_ref_string_new (note) : NULL;
          mark.figure = _dorsum_chart_figure_intern (figure);
          g_array_append_val (self->state.marks, mark);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "plan"))
        {
          for (xmlNodePtr entry = node->children; entry; entry = entry->next)
            if (entry->type == XML_ELEMENT_NODE)
              {
                g_autofree char *ref = dorsum_xml_prop (entry, "ref");

                g_strv_builder_add (plan, ref);
              }
        }
    }

  xmlFreeDoc (doc);

  if (!dorsum_problems_take_error (&problems, error))
    return NULL;

  g_strfreev (self->state.plan);
  self->state.plan = g_strv_builder_end (plan);

  return g_steal_pointer (&self);
}

gboolean
_dorsum_chart_set_errno_error (GError     **error,
                               int          saved_errno,
                               const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path, g_strerror (saved_errno));

  return FALSE;
}

static void
set_too_large_error (GError     **error,
                     const char  *name)
{
  g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE,
               _("%s: the file is too large for a chart (more than %d MiB)"),
               name, DORSUM_CHART_MAX_FILE_SIZE / (1024 * 1024));
}

static void
set_not_regular_error (GError     **error,
                       const char  *name,
                       gboolean     is_directory)
{
  g_set_error (error, G_IO_ERROR, is_directory ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
               is_directory ? _("%s is a folder, not a chart; choose a chart file")
                            : _("%s is not a regular file (it is a device, pipe or socket); choose a chart file"),
               name);
}

/* Opened without blocking (a FIFO would wait for a writer), refused unless it is a regular
 * file (/dev/zero never ends), read to at most one byte past the limit. */
static GBytes *
read_local (const char  *path,
            const char  *name,
            GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  gsize capacity;
  struct stat st;
  int fd;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      _dorsum_chart_set_errno_error (error, errno, name);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      _dorsum_chart_set_errno_error (error, errno, name);
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      set_not_regular_error (error, name, S_ISDIR (st.st_mode));
      close (fd);
      return NULL;
    }

  if (st.st_size > DORSUM_CHART_MAX_FILE_SIZE)
    {
      set_too_large_error (error, name);
      close (fd);
      return NULL;
    }

  /* The file may have grown since fstat(): read to one byte past the limit, no further. */
  capacity = (gsize)st.st_size + 1;
  data = g_malloc (capacity);
  while (length < DORSUM_CHART_MAX_FILE_SIZE + 1)
    {
      gssize n;

      if (length == capacity)
        {
          capacity = MIN (capacity * 2, DORSUM_CHART_MAX_FILE_SIZE + 1);
          data = g_realloc (data, capacity);
        }

      n = read (fd, data + length, capacity - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          _dorsum_chart_set_errno_error (error, errno, name);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize)n;
    }
  close (fd);

  if (length > DORSUM_CHART_MAX_FILE_SIZE)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* A file with no local path: GIO tells its type before it is opened. */
static GBytes *
read_with_gio (GFile       *file,
               const char  *name,
               GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_regular_error (error, name, g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY);
      return NULL;
    }

  if (g_file_info_get_size (info) > DORSUM_CHART_MAX_FILE_SIZE)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  /* Read to one byte past the limit, no further. */
  for (;;)
    {
      guint8 chunk[16384];
      gsize n;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), chunk,
                                    MIN (sizeof chunk, DORSUM_CHART_MAX_FILE_SIZE + 1 - data->len),
                                    &n, NULL, error))
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, chunk, (guint)n);
      if (data->len > DORSUM_CHART_MAX_FILE_SIZE)
        {
          set_too_large_error (error, name);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * dorsum_chart_new_from_file:
 *
 * Reads only regular files, never more than %DORSUM_CHART_MAX_FILE_SIZE bytes, and never
 * waits on a FIFO or reads a device that does not end.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error naming the file
 *   (and the line, for a problem in its content)
 */
DorsumChart *
dorsum_chart_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  path = g_file_peek_path (file);

  bytes = path != NULL ? read_local (path, name, error) : read_with_gio (file, name, error);
  if (bytes == NULL)
    return NULL;

  return dorsum_chart_new_from_bytes (bytes, name, error);
}
