/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagram view's insides, shared by its two files: dorsum-diagram-view.c (the viewport:
 * figure, layer, zoom and pan, the rendered layer and the overlays over it, the API) and
 * dorsum-diagram-view-input.c (the pointer, touch and keys: hover, clicks, drags that pan
 * or move marks, zoom gestures, keyboard focus on the muscles and the chart keys). */
#pragma once

#include <adwaita.h>

#include "dorsum-chart-keys.h"
#include "dorsum-diagram-overlay.h"
#include "dorsum-diagram-view.h"
#include "dorsum-layer-cache.h"
#include "dorsum-overlay-stack.h"

G_BEGIN_DECLS

#define MIN_ZOOM 1.0
#define MAX_ZOOM 8.0
#define ZOOM_STEP 1.25
#define MAX_TEXTURE 4096

struct _DorsumDiagramView
{
  GtkWidget       parent_instance;

  DorsumLibrary  *library;
  char           *figure;     /* "posterior", "anterior": whose layers diagrams[] holds */
  DorsumDiagram  *diagrams[DORSUM_N_LAYERS];
  DorsumLayer     layer;
  gboolean        labels;

  double          zoom;
  double          offset_x;   /* pan, in widget pixels */
  double          offset_y;
  double          drag_start_x;
  double          drag_start_y;
  gboolean        dragged;

  DorsumLayerCache *textures;  /* the rendered layers, per scale */
  GtkWidget      *canvas;     /* draws the texture */

  char           *selected;   /* muscle id */
  GStrv           highlight;  /* highlighted muscles and their parts */
  gboolean        trigger_points;

  /* Pain chart: marks drawn over every layer; in chart mode clicks add and edit marks. */
  DorsumChart    *chart;
  gboolean        chart_mode;
  int             selected_mark;
  int             dragged_mark;    /* moving this mark, or -1 */
  gboolean        creating_mark;   /* dragging out a new mark's radius */
  double          drag_origin_x;   /* diagram units where the drag began */
  double          drag_origin_y;
  DorsumMark      preview;         /* the mark being moved or created */
  GPtrArray      *shown_points; /* const DorsumTriggerPoint* of the highlighted muscles */

  /* What is drawn over the layer, in this order (see dorsum-diagram-overlay.h). */
  DorsumOverlayStack   *overlay_stack;
  DorsumDiagramOverlay *highlight_overlay;
  DorsumDiagramOverlay *trigger_point_overlay;
  DorsumDiagramOverlay *study_overlay;
  DorsumDiagramOverlay *pointer_overlay;
  DorsumDiagramOverlay *marks_overlay;
  DorsumDiagramOverlay *mark_selection_overlay;
  const DorsumRegion *hover;
  const DorsumRegion *focus;
  DorsumChartKeys chart_keys;
};


typedef enum {
  PROP_0,
  PROP_LAYER,
  PROP_FIGURE,
  PROP_LABELS,
  PROP_ZOOM,
  PROP_SELECTED,
  PROP_TRIGGER_POINTS,
  PROP_CHART_MODE,
  N_PROPS
} DorsumDiagramViewProp;

DorsumDiagram *_dorsum_diagram_view_current_diagram    (DorsumDiagramView  *self);
DorsumDiagram *_dorsum_diagram_view_get_diagram        (DorsumDiagramView  *self,
                                                        DorsumLayer         layer);
void           _dorsum_diagram_view_notify             (DorsumDiagramView  *self,
                                                        DorsumDiagramViewProp prop);
void           _dorsum_diagram_view_emit_highlight_changed (DorsumDiagramView *self);
void           _dorsum_diagram_view_show_selected_mark (DorsumDiagramView  *self);
double         _dorsum_diagram_view_get_transform      (DorsumDiagramView  *self,
                                                        double             *origin_x,
                                                        double             *origin_y);
void           _dorsum_diagram_view_update_accessible  (DorsumDiagramView  *self);
void           _dorsum_diagram_view_clamp_offset       (DorsumDiagramView  *self);
void           _dorsum_diagram_view_zoom_around        (DorsumDiagramView  *self,
                                                        double              zoom,
                                                        double              x,
                                                        double              y);
void           _dorsum_diagram_view_queue_draw_layer   (DorsumDiagramView  *self);
char          *_dorsum_diagram_view_region_label       (DorsumDiagramView  *self,
                                                        const DorsumRegion *region);
void           _dorsum_diagram_view_emit_region_activated (DorsumDiagramView *self,
                                                        const char         *muscle,
                                                        const char         *region_id);
void           _dorsum_diagram_view_emit_mark_activated (DorsumDiagramView *self,
                                                        int                 mark);
void           _dorsum_diagram_view_init_input         (DorsumDiagramView  *self);
void           _dorsum_diagram_view_announce_mark      (DorsumDiagramView  *self);
void           _dorsum_diagram_view_select_mark_internal (DorsumDiagramView *self,
                                                        int                 mark);

G_END_DECLS
