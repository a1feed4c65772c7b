/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pictures of the stretches and self-care routines (data/illustrations, drawn by
 * build-aux/draw-poses.py), looked up by entry id and drawn with librsvg. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Every picture is drawn on a canvas of this size (its viewBox). */
#define DORSUM_ILLUSTRATION_WIDTH  400
#define DORSUM_ILLUSTRATION_HEIGHT 300

#define DORSUM_ILLUSTRATION_ERROR (dorsum_illustration_error_quark ())

typedef enum {
  DORSUM_ILLUSTRATION_ERROR_NONE_FOR_ENTRY,
  DORSUM_ILLUSTRATION_ERROR_BROKEN,
} DorsumIllustrationError;

GQuark    dorsum_illustration_error_quark          (void);
gboolean  dorsum_library_has_illustration          (const char  *entry_id);
GBytes   *dorsum_library_get_illustration          (const char  *entry_id);
char     *dorsum_library_dup_illustration_description (const char *entry_id);
gboolean  dorsum_library_draw_illustration         (const char  *entry_id,
                                                    cairo_t     *cr,
                                                    double       x,
                                                    double       y,
                                                    double       width,
                                                    double       height,
                                                    GError     **error);

G_END_DECLS
