/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing a pain chart: its marks over the back atlas, the legend, the symbol of each pain
 * quality, and exports to PNG, SVG and PDF (the client handout is dorsum-handout.h).
 * Cairo and Pango only, so the CLI, the tests and the app all draw the same marks. */
#pragma once

#include <cairo.h>

#include "dorsum-chart.h"
#include "dorsum-diagram.h"
/* The handout was drawn here before; its callers still find it through this header. */
#include "dorsum-handout.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

void      dorsum_draw_mark_selection  (cairo_t          *cr,
                                       const DorsumMark *mark,
                                       double            scale);
void      dorsum_draw_marks_on_figure (cairo_t     *cr,
                                       DorsumChart *chart,
                                       const char  *figure,
                                       double       scale,
                                       int          selected);
void      dorsum_mark_color         (int            intensity,
                                     double        *red,
                                     double        *green,
                                     double        *blue);

/* A shape per pain quality, so a chart printed in black and white still tells them apart. */
typedef enum {
  DORSUM_SYMBOL_CIRCLE,
  DORSUM_SYMBOL_TRIANGLE,
  DORSUM_SYMBOL_DIAMOND,
  DORSUM_SYMBOL_STAR,
  DORSUM_SYMBOL_SQUARE,
  DORSUM_N_SYMBOLS
} DorsumSymbol;

DorsumSymbol dorsum_quality_get_symbol     (DorsumQuality  quality);
const char  *dorsum_symbol_get_character   (DorsumSymbol   symbol);
void         dorsum_append_symbol_path     (cairo_t       *cr,
                                            DorsumSymbol   symbol,
                                            double         x,
                                            double         y,
                                            double         radius);
void         dorsum_draw_numbered_marks    (cairo_t       *cr,
                                            DorsumChart   *chart,
                                            const char    *figure,
                                            double         scale,
                                            double         badge_radius);

gboolean  dorsum_chart_export       (DorsumChart   *chart,
                                     DorsumLibrary *library,
                                     const char    *path,
                                     int            width,
                                     gboolean       handout,
                                     GError       **error);

G_END_DECLS
