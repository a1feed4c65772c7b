/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing a pain chart: its marks over the back atlas, the legend, exports to PNG, SVG and
 * PDF, and the printed client handout. Cairo and Pango only, so the CLI, the tests and the
 * app's printing all draw the same pages. */
#pragma once

#include <cairo.h>

#include "dorsum-chart.h"
#include "dorsum-diagram.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

void      dorsum_draw_marks         (cairo_t       *cr,
                                     DorsumChart   *chart,
                                     double         scale,
                                     int            selected);
void      dorsum_draw_marks_on_figure (cairo_t     *cr,
                                       DorsumChart *chart,
                                       const char  *figure,
                                       double       scale,
                                       int          selected);
void      dorsum_mark_color         (int            intensity,
                                     double        *red,
                                     double        *green,
                                     double        *blue);

#define DORSUM_TYPE_HANDOUT (dorsum_handout_get_type())

G_DECLARE_FINAL_TYPE (DorsumHandout, dorsum_handout, DORSUM, HANDOUT, GObject)

DorsumHandout *dorsum_handout_new         (DorsumLibrary *library,
                                           DorsumChart   *chart);
guint          dorsum_handout_get_n_pages (DorsumHandout *self);
void           dorsum_handout_draw_page   (DorsumHandout *self,
                                           cairo_t       *cr,
                                           guint          page,
                                           double         width,
                                           double         height);

gboolean  dorsum_chart_export       (DorsumChart   *chart,
                                     DorsumLibrary *library,
                                     const char    *path,
                                     int            width,
                                     gboolean       handout,
                                     GError       **error);

G_END_DECLS
