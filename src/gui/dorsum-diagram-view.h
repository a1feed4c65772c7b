/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The back atlas widget: draws a diagram layer, highlights muscles, hit-tests clicks,
 * zooms and pans, and moves between muscles with the keyboard. */
#pragma once

#include <gtk/gtk.h>

#include "dorsum-chart.h"
#include "dorsum-diagram.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_DIAGRAM_VIEW (dorsum_diagram_view_get_type())

G_DECLARE_FINAL_TYPE (DorsumDiagramView, dorsum_diagram_view, DORSUM, DIAGRAM_VIEW, GtkWidget)

GtkWidget     *dorsum_diagram_view_new            (void);
void           dorsum_diagram_view_prerender      (DorsumDiagramView *self,
                                                   int                width,
                                                   int                height);
GdkTexture    *dorsum_diagram_view_render_first   (DorsumLayer        layer,
                                                   double             zoom,
                                                   int                width,
                                                   int                height);
void           dorsum_diagram_view_set_first_texture (DorsumDiagramView *self,
                                                   DorsumLayer        layer,
                                                   GdkTexture        *texture);
void           dorsum_diagram_view_set_library    (DorsumDiagramView *self,
                                                   DorsumLibrary     *library);
DorsumLayer    dorsum_diagram_view_get_layer      (DorsumDiagramView *self);
void           dorsum_diagram_view_set_layer      (DorsumDiagramView *self,
                                                   DorsumLayer        layer);
const char    *dorsum_diagram_view_get_figure     (DorsumDiagramView *self);
void           dorsum_diagram_view_set_figure     (DorsumDiagramView *self,
                                                   const char        *figure);
gboolean       dorsum_diagram_view_figure_layer_shows (DorsumDiagramView  *self,
                                                   const char         *figure,
                                                   DorsumLayer         layer,
                                                   const char * const *muscles);
gboolean       dorsum_diagram_view_get_labels     (DorsumDiagramView *self);
void           dorsum_diagram_view_set_labels     (DorsumDiagramView *self,
                                                   gboolean           labels);
double         dorsum_diagram_view_get_zoom       (DorsumDiagramView *self);
void           dorsum_diagram_view_set_zoom       (DorsumDiagramView *self,
                                                   double             zoom);
const char    *dorsum_diagram_view_get_selected   (DorsumDiagramView *self);
void           dorsum_diagram_view_select_muscle  (DorsumDiagramView *self,
                                                   const char        *muscle_id);
void           dorsum_diagram_view_set_highlight  (DorsumDiagramView *self,
                                                   const char * const *muscles);
const char * const *
               dorsum_diagram_view_get_highlight  (DorsumDiagramView *self);
gboolean       dorsum_diagram_view_get_trigger_points (DorsumDiagramView *self);
void           dorsum_diagram_view_set_trigger_points (DorsumDiagramView *self,
                                                   gboolean           trigger_points);
DorsumDiagram *dorsum_diagram_view_get_diagram    (DorsumDiagramView *self);
void           dorsum_diagram_view_widget_to_diagram (DorsumDiagramView *self,
                                                   double             x,
                                                   double             y,
                                                   double            *dx,
                                                   double            *dy);
void           dorsum_diagram_view_diagram_to_widget (DorsumDiagramView *self,
                                                   double             dx,
                                                   double             dy,
                                                   double            *x,
                                                   double            *y);
gboolean       dorsum_diagram_view_layer_shows    (DorsumDiagramView *self,
                                                   DorsumLayer        layer,
                                                   const char * const *muscles);
void           dorsum_diagram_view_set_chart      (DorsumDiagramView *self,
                                                   DorsumChart       *chart);
void           dorsum_diagram_view_set_compare_chart (DorsumDiagramView *self,
                                                   DorsumChart       *earlier);
DorsumChart   *dorsum_diagram_view_get_compare_chart (DorsumDiagramView *self);
gboolean       dorsum_diagram_view_get_chart_mode (DorsumDiagramView *self);
void           dorsum_diagram_view_set_chart_mode (DorsumDiagramView *self,
                                                   gboolean           chart_mode);
int            dorsum_diagram_view_get_selected_mark (DorsumDiagramView *self);
void           dorsum_diagram_view_select_mark    (DorsumDiagramView *self,
                                                   int                mark);
int            dorsum_diagram_view_chart_click    (DorsumDiagramView *self,
                                                   double             x,
                                                   double             y);
void           dorsum_diagram_view_set_emphasis   (DorsumDiagramView *self,
                                                   double             emphasis);
gboolean       dorsum_diagram_view_click          (DorsumDiagramView *self,
                                                   double             x,
                                                   double             y);
void           dorsum_diagram_view_set_tints      (DorsumDiagramView *self,
                                                   GHashTable        *mastery);
void           dorsum_diagram_view_set_quiz_zone  (DorsumDiagramView *self,
                                                   const DorsumTriggerPoint *trigger_point);
void           dorsum_diagram_view_drag           (DorsumDiagramView *self,
                                                   double             x,
                                                   double             y,
                                                   double             offset_x,
                                                   double             offset_y);

G_END_DECLS
