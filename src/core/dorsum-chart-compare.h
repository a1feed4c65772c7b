/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A client's progress: what changed between an earlier chart and today's, area by area
 * (the muscle under each mark on its figure, with the side), for the panel and the handout. */
#pragma once

#include <cairo.h>

#include "dorsum-chart.h"
#include "dorsum-diagram.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

/* One area marked on either chart. */
typedef struct
{
  const char  *figure;     /* interned figure id */
  char        *muscle;     /* the muscle under the marks, or NULL: outside the muscles drawn */
  DorsumSide   side;       /* the figure's own side */
  int          before;     /* the highest intensity marked there on the earlier chart, or -1: not marked */
  int          now;        /* the same on the chart of now, or -1 */
} DorsumAreaChange;

GArray    *dorsum_chart_compare                (DorsumChart   *earlier,
                                                DorsumChart   *now);
GStrv      dorsum_chart_compare_describe       (DorsumChart   *earlier,
                                                DorsumChart   *now,
                                                DorsumLibrary *library);
char      *dorsum_area_change_get_title        (const DorsumAreaChange *change,
                                                DorsumLibrary *library);
void       dorsum_chart_compare_draw_earlier   (cairo_t       *cr,
                                                DorsumChart   *earlier,
                                                double         scale,
                                                const char    *figure);

G_END_DECLS
