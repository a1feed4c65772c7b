/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The handout's page flow (paragraphs split between lines, headings kept with what follows,
 * small groups moved whole to the next page, pictures floated right; nothing is dropped),
 * and the drawings of its chart. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "dorsum-chart.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

typedef struct _HandoutFlow HandoutFlow;

typedef struct
{
  const char *font;          /* a Pango font description, "Sans Bold 12" */
  double      hang;          /* points: the first line starts this far left of the others */
  double      indent;        /* points from the left of the column */
  double      space_before;
  double      space_after;
  gboolean    keep_with_next; /* never the last thing on a page */
} HandoutStyle;

/* Draws something of @width × @height at (@x, @y), in points on the page. */
typedef void (*HandoutDrawFunc) (cairo_t  *cr,
                                 double    x,
                                 double    y,
                                 double    width,
                                 double    height,
                                 gpointer  data);

HandoutFlow  *handout_flow_new          (double            left,
                                         double            top,
                                         double            width,
                                         double            bottom);
void          handout_flow_free         (HandoutFlow      *flow);
PangoContext *handout_flow_get_context  (HandoutFlow      *flow);

/* Pango markup; escape what is not (g_markup_printf_escaped()). */
void          handout_flow_add_markup   (HandoutFlow      *flow,
                                         const char       *markup,
                                         const HandoutStyle *style);
void          handout_flow_add_text     (HandoutFlow      *flow,
                                         const char       *text,
                                         const HandoutStyle *style);
/* A box across the column (or floated at the right edge, text beside it narrower until
 * its bottom), never split: on the next page when it does not fit. */
void          handout_flow_add_box      (HandoutFlow      *flow,
                                         double            width,
                                         double            height,
                                         gboolean          float_right,
                                         HandoutDrawFunc   draw,
                                         gpointer          data);
void          handout_flow_add_space    (HandoutFlow      *flow,
                                         double            height);
/* Between begin and end, what is added is one group: if it does not fit on this page but
 * would on an empty one, and is small (a third of a page at most), it starts a new page. */
void          handout_flow_begin_group  (HandoutFlow      *flow);
void          handout_flow_end_group    (HandoutFlow      *flow);
void          handout_flow_finish       (HandoutFlow      *flow);

guint         handout_flow_get_n_pages  (HandoutFlow      *flow);
double        handout_flow_get_bottom_on_page (HandoutFlow *flow,
                                         guint             page);
void          handout_flow_draw_page    (HandoutFlow      *flow,
                                         cairo_t          *cr,
                                         guint             page);
/* For tests: what was placed, in order: its page, top and height, and for text the number
 * of lines (0 for a box). */
guint         handout_flow_get_n_placed (HandoutFlow      *flow);
void          handout_flow_get_placed   (HandoutFlow      *flow,
                                         guint             position,
                                         guint            *page,
                                         double           *y,
                                         double           *height,
                                         int              *n_lines);

/* dorsum-handout-figures.c: the figures a chart's marks are on, drawn side by side. */
typedef struct _HandoutFigures HandoutFigures;

#define HANDOUT_LEGEND_HEIGHT 74.0

HandoutFigures *handout_figures_new        (DorsumChart      *chart);
void          handout_figures_free         (HandoutFigures   *figures);
guint         handout_figures_get_n        (HandoutFigures   *figures);
const char   *handout_figures_get_title    (HandoutFigures   *figures,
                                            const char       *figure_id);
char         *handout_figures_describe_area (HandoutFigures  *figures,
                                            DorsumLibrary    *library,
                                            const DorsumMark *mark);
double        handout_figures_get_height   (HandoutFigures   *figures,
                                            double            width,
                                            double            max_height);
/* HandoutDrawFuncs: the figures (@data is the HandoutFigures), the key (@data unused). */
void          handout_figures_draw         (cairo_t          *cr,
                                            double            x,
                                            double            y,
                                            double            width,
                                            double            height,
                                            gpointer          data);
void          handout_draw_legend          (cairo_t          *cr,
                                            double            x,
                                            double            y,
                                            double            width,
                                            double            height,
                                            gpointer          data);
/* One block of Pango markup at 72 dpi; @one_line ellipsizes each line that is too long. */
void          handout_draw_text            (cairo_t          *cr,
                                            const char       *markup,
                                            const char       *font,
                                            double            x,
                                            double            y,
                                            double            width,
                                            PangoAlignment    alignment,
                                            gboolean          one_line);

G_END_DECLS
