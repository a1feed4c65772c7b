/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dorsum-trigger-point-overlay"

#include "config.h"

#include "dorsum-trigger-point-overlay.h"

struct _DorsumTriggerPointOverlay
{
  DorsumDiagramOverlay parent_instance;

  GPtrArray *points;   /* const DorsumTriggerPoint*, the library's */
  gboolean   shown;
};

G_DEFINE_FINAL_TYPE (DorsumTriggerPointOverlay, dorsum_trigger_point_overlay, DORSUM_TYPE_DIAGRAM_OVERLAY)

static gboolean
is_drawn (DorsumTriggerPointOverlay *self)
{
  return self->shown && self->points != NULL && self->points->len > 0;
}

static gboolean
dorsum_trigger_point_overlay_extent (DorsumDiagramOverlay       *overlay,
                                     const DorsumOverlayContext *context,
                                     double                      box[4])
{
  if (!is_drawn (DORSUM_TRIGGER_POINT_OVERLAY (overlay)))
    return FALSE;

  /* Referral zones spread far from their muscle (to the head, the thigh): take the figure. */
  dorsum_overlay_box_set_figure (box, context);

  return TRUE;
}

/* A veil over the muscles, as on a printed trigger point chart, so red zones stand out;
 * the highlighted muscle is drawn over it. */
static void
dorsum_trigger_point_overlay_draw_under (DorsumDiagramOverlay       *overlay,
                                         cairo_t                    *cr,
                                         const DorsumOverlayContext *context)
{
  if (!is_drawn (DORSUM_TRIGGER_POINT_OVERLAY (overlay)))
    return;

  cairo_rectangle (cr, 0, 0, dorsum_diagram_get_width (context->diagram), dorsum_diagram_get_height (context->diagram));
  cairo_set_source_rgba (cr, context->background.red, context->background.green, context->background.blue, 0.6);
  cairo_fill (cr);
}

static void
dorsum_trigger_point_overlay_draw (DorsumDiagramOverlay       *overlay,
                                   cairo_t                    *cr,
                                   const DorsumOverlayContext *context)
{
  DorsumTriggerPointOverlay *self = DORSUM_TRIGGER_POINT_OVERLAY (overlay);

  if (!is_drawn (self))
    return;

  /* Each figure draws its own share: a back muscle's zone on the front shows on the front. */
  dorsum_draw_trigger_points_on_figure (cr, context->figure,
                                        (const DorsumTriggerPoint * const *)self->points->pdata,
                                        self->points->len, context->scale,
                                        context->error.red, context->error.green, context->error.blue);
}

static void
dorsum_trigger_point_overlay_finalize (GObject *object)
{
  g_clear_pointer (&DORSUM_TRIGGER_POINT_OVERLAY (object)->points, g_ptr_array_unref);

  G_OBJECT_CLASS (dorsum_trigger_point_overlay_parent_class)->finalize (object);
}

static void
dorsum_trigger_point_overlay_class_init (DorsumTriggerPointOverlayClass *klass)
{
  DorsumDiagramOverlayClass *overlay_class = DORSUM_DIAGRAM_OVERLAY_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dorsum_trigger_point_overlay_finalize;
  overlay_class->extent = dorsum_trigger_point_overlay_extent;
  overlay_class->draw_under = dorsum_trigger_point_overlay_draw_under;
  overlay_class->draw = dorsum_trigger_point_overlay_draw;
}

static void
dorsum_trigger_point_overlay_init (DorsumTriggerPointOverlay *self)
{
}

DorsumDiagramOverlay *
dorsum_trigger_point_overlay_new (void)
{
  return g_object_new (DORSUM_TYPE_TRIGGER_POINT_OVERLAY, NULL);
}

void
dorsum_trigger_point_overlay_set_points (DorsumTriggerPointOverlay *self,
                                         GPtrArray                 *points)
{
  g_return_if_fail (DORSUM_IS_TRIGGER_POINT_OVERLAY (self));

  if (points != NULL)
    g_ptr_array_ref (points);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  self->points = points;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_trigger_point_overlay_set_shown (DorsumTriggerPointOverlay *self,
                                        gboolean                   shown)
{
  g_return_if_fail (DORSUM_IS_TRIGGER_POINT_OVERLAY (self));

  self->shown = !!shown;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}
