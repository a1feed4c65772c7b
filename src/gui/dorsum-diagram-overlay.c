/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dorsum-diagram-overlay"

#include "config.h"

#include "dorsum-diagram-overlay.h"

G_DEFINE_ABSTRACT_TYPE (DorsumDiagramOverlay, dorsum_diagram_overlay, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
dorsum_diagram_overlay_class_init (DorsumDiagramOverlayClass *klass)
{
  /**
   * DorsumDiagramOverlay::changed:
   *
   * What the overlay shows changed: the view draws again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dorsum_diagram_overlay_init (DorsumDiagramOverlay *self)
{
}

gboolean
dorsum_diagram_overlay_extent (DorsumDiagramOverlay       *self,
                               const DorsumOverlayContext *context,
                               double                      box[4])
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_OVERLAY (self), FALSE);

  return DORSUM_DIAGRAM_OVERLAY_GET_CLASS (self)->extent (self, context, box);
}

void
dorsum_diagram_overlay_draw_under (DorsumDiagramOverlay       *self,
                                   cairo_t                    *cr,
                                   const DorsumOverlayContext *context)
{
  DorsumDiagramOverlayClass *klass;

  g_return_if_fail (DORSUM_IS_DIAGRAM_OVERLAY (self));

  klass = DORSUM_DIAGRAM_OVERLAY_GET_CLASS (self);
  if (klass->draw_under != NULL)
    {
      cairo_save (cr);
      klass->draw_under (self, cr, context);
      cairo_restore (cr);
    }
}

void
dorsum_diagram_overlay_draw (DorsumDiagramOverlay       *self,
                             cairo_t                    *cr,
                             const DorsumOverlayContext *context)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_OVERLAY (self));

  cairo_save (cr);
  DORSUM_DIAGRAM_OVERLAY_GET_CLASS (self)->draw (self, cr, context);
  cairo_restore (cr);
}

gboolean
dorsum_diagram_overlay_get_own_node (DorsumDiagramOverlay *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_OVERLAY (self), FALSE);

  return DORSUM_DIAGRAM_OVERLAY_GET_CLASS (self)->own_node;
}

void
dorsum_diagram_overlay_changed (DorsumDiagramOverlay *self)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_OVERLAY (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

void
dorsum_overlay_box_add_region (double              box[4],
                               const DorsumRegion *region)
{
  box[0] = MIN (box[0], region->bounds.x);
  box[1] = MIN (box[1], region->bounds.y);
  box[2] = MAX (box[2], region->bounds.x + region->bounds.width);
  box[3] = MAX (box[3], region->bounds.y + region->bounds.height);
}

void
dorsum_overlay_box_set_figure (double                      box[4],
                               const DorsumOverlayContext *context)
{
  box[0] = box[1] = 0;
  box[2] = dorsum_diagram_get_width (context->diagram);
  box[3] = dorsum_diagram_get_height (context->diagram);
}
