/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the diagram view draws over the rendered layer, one job per overlay (as Sysprof's
 * chart draws its layers): the highlighted muscles, trigger points and their referral zones,
 * the study mode's tints, hover and focus, the pain chart's marks. The view keeps the
 * zoom, the pan and the rendered layer; it asks each overlay, in order, what it covers and
 * has it draw there, in diagram units. An overlay says when it must be drawn again. */
#pragma once

#include <gtk/gtk.h>

#include "dorsum-diagram.h"

G_BEGIN_DECLS

/* What an overlay is drawn for: the shown layer of the shown figure, at a scale. */
typedef struct
{
  DorsumDiagram *diagram;
  const char    *figure;
  double         scale;       /* widget pixels per diagram unit */
  GtkWidget     *widget;      /* the view: style colours, focus */
  GdkRGBA        accent;
  GdkRGBA        error;
  GdkRGBA        background;
  gboolean       chart_mode;
} DorsumOverlayContext;

#define DORSUM_TYPE_DIAGRAM_OVERLAY (dorsum_diagram_overlay_get_type())

G_DECLARE_DERIVABLE_TYPE (DorsumDiagramOverlay, dorsum_diagram_overlay, DORSUM, DIAGRAM_OVERLAY, GObject)

struct _DorsumDiagramOverlayClass
{
  GObjectClass parent_class;

  /* The box, in diagram units (x0, y0, x1, y1), it draws in; FALSE when it draws nothing. */
  gboolean (*extent)     (DorsumDiagramOverlay       *self,
                          const DorsumOverlayContext *context,
                          double                      box[4]);
  /* Optional: drawn before every overlay's draw(), such as a veil over the muscles. */
  void     (*draw_under) (DorsumDiagramOverlay       *self,
                          cairo_t                    *cr,
                          const DorsumOverlayContext *context);
  void     (*draw)       (DorsumDiagramOverlay       *self,
                          cairo_t                    *cr,
                          const DorsumOverlayContext *context);

  /* Drawn in a node of its own over the whole view, after the others (the chart's marks):
   * the others share one node that covers only what they draw. An own-node overlay draws
   * the same over every layer of a figure; it is drawn again when it changes or the
   * figure, zoom, pan or colours do, and kept as pixels in between. */
  gboolean own_node;
};

gboolean dorsum_diagram_overlay_extent     (DorsumDiagramOverlay       *self,
                                            const DorsumOverlayContext *context,
                                            double                      box[4]);
void     dorsum_diagram_overlay_draw_under (DorsumDiagramOverlay       *self,
                                            cairo_t                    *cr,
                                            const DorsumOverlayContext *context);
void     dorsum_diagram_overlay_draw       (DorsumDiagramOverlay       *self,
                                            cairo_t                    *cr,
                                            const DorsumOverlayContext *context);
gboolean dorsum_diagram_overlay_get_own_node (DorsumDiagramOverlay     *self);
void     dorsum_diagram_overlay_changed    (DorsumDiagramOverlay       *self);

/* Widens @box to take in @region's bounds. */
void     dorsum_overlay_box_add_region     (double                      box[4],
                                            const DorsumRegion         *region);
/* Sets @box to the whole figure. */
void     dorsum_overlay_box_set_figure     (double                      box[4],
                                            const DorsumOverlayContext *context);

G_END_DECLS
