/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finds an entry's picture among the core's resources and draws it; the page and the
 * printed handout both go through here, so they show the same drawing. */

#define G_LOG_DOMAIN "dorsum-illustration"

#include "config.h"

#include <string.h>

#include <librsvg/rsvg.h>

#include "dorsum-illustration.h"
#include "dorsum-xml-private.h"

#define ILLUSTRATIONS_PREFIX "/io/github/dorsum/Dorsum/illustrations/"

G_DEFINE_QUARK (dorsum-illustration-error-quark, dorsum_illustration_error)

/* Ids are the library's (lower-case letters, digits and hyphens); anything else, such as a
 * path separator, names no picture. */
static char *
resource_path (const char *entry_id)
{
  if (entry_id == NULL || *entry_id == '\0')
    return NULL;

  for (const char *p = entry_id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return NULL;

  return g_strconcat (ILLUSTRATIONS_PREFIX, entry_id, ".svg", NULL);
}

/**
 * dorsum_library_has_illustration:
 * @entry_id: a stretch or self-care entry's id
 *
 * Returns: whether the entry has a picture
 */
gboolean
dorsum_library_has_illustration (const char *entry_id)
{
  g_autofree char *path = resource_path (entry_id);

  dorsum_resources_ensure ();

  return path != NULL && g_resources_get_info (path, 0, NULL, NULL, NULL);
}

/**
 * dorsum_library_get_illustration:
 * @entry_id: a stretch or self-care entry's id
 *
 * Returns: (transfer full) (nullable): the entry's picture as SVG (viewBox 0 0 400 300),
 *   or %NULL when it has none
 */
GBytes *
dorsum_library_get_illustration (const char *entry_id)
{
  g_autofree char *path = resource_path (entry_id);

  dorsum_resources_ensure ();

  return path != NULL ? g_resources_lookup_data (path, 0, NULL) : NULL;
}

/**
 * dorsum_library_dup_illustration_description:
 * @entry_id: a stretch or self-care entry's id
 *
 * Returns: (transfer full) (nullable): what the picture shows, in a sentence (its SVG title,
 *   in English), for a screen reader; %NULL when there is no picture
 */
char *
dorsum_library_dup_illustration_description (const char *entry_id)
{
  g_autoptr(GBytes) bytes = dorsum_library_get_illustration (entry_id);
  const char *data, *start, *end;
  gsize size;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  start = g_strstr_len (data, size, "<title>");
  if (start == NULL)
    return NULL;
  start += strlen ("<title>");
  end = g_strstr_len (start, size - (start - data), "</title>");
  if (end == NULL)
    return NULL;

  /* The generator writes plain text there; only the apostrophe's entity appears. */
  {
    g_autofree char *raw = g_strndup (start, end - start);
    g_auto(GStrv) parts = g_strsplit (raw, "&apos;", -1);

    return g_strjoinv ("'", parts);
  }
}

/**
 * dorsum_library_draw_illustration:
 * @entry_id: a stretch or self-care entry's id
 * @cr: where to draw
 * @x: left of the box to draw in, in @cr's user units
 * @y: top of the box
 * @width: width of the box
 * @height: height of the box
 * @error: a #DORSUM_ILLUSTRATION_ERROR
 *
 * Draws the entry's picture as large as fits in the box, centred, keeping its proportions.
 * The picture has no background of its own: it is drawn for a light page.
 *
 * Returns: %FALSE with @error set when the entry has no picture or it cannot be drawn
 */
gboolean
dorsum_library_draw_illustration (const char  *entry_id,
                                  cairo_t     *cr,
                                  double       x,
                                  double       y,
                                  double       width,
                                  double       height,
                                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  RsvgHandle *handle;
  gboolean drawn;
  g_autoptr(GError) local_error = NULL;
  RsvgRectangle viewport = { x, y, width, height };
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = dorsum_library_get_illustration (entry_id);
  if (bytes == NULL)
    {
      g_set_error (error, DORSUM_ILLUSTRATION_ERROR, DORSUM_ILLUSTRATION_ERROR_NONE_FOR_ENTRY,
                   "“%s” has no picture", entry_id ? entry_id : "(null)");
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &size);
  handle = rsvg_handle_new_from_data (data, size, &local_error);
  drawn = handle != NULL && rsvg_handle_render_document (handle, cr, &viewport, &local_error);
  g_clear_object (&handle);
  if (!drawn)
    {
      g_set_error (error, DORSUM_ILLUSTRATION_ERROR, DORSUM_ILLUSTRATION_ERROR_BROKEN,
                   "The picture of “%s” cannot be drawn: %s", entry_id,
                   local_error ? local_error->message : "unknown error");
      return FALSE;
    }

  return TRUE;
}
