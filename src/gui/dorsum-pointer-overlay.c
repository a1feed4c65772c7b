/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dorsum-pointer-overlay"

#include "config.h"

#include "dorsum-pointer-overlay.h"

struct _DorsumPointerOverlay
{
  DorsumDiagramOverlay parent_instance;

  const DorsumRegion *hover;   /* regions of the shown layer */
  const DorsumRegion *focus;
};

G_DEFINE_FINAL_TYPE (DorsumPointerOverlay, dorsum_pointer_overlay, DORSUM_TYPE_DIAGRAM_OVERLAY)

static gboolean
dorsum_pointer_overlay_extent (DorsumDiagramOverlay       *overlay,
                               const DorsumOverlayContext *context,
                               double                      box[4])
{
  DorsumPointerOverlay *self = DORSUM_POINTER_OVERLAY (overlay);

  if (self->hover != NULL)
    dorsum_overlay_box_add_region (box, self->hover);
  if (self->focus != NULL)
    dorsum_overlay_box_add_region (box, self->focus);

  return self->hover != NULL || self->focus != NULL;
}

static void
dorsum_pointer_overlay_draw (DorsumDiagramOverlay       *overlay,
                             cairo_t                    *cr,
                             const DorsumOverlayContext *context)
{
  DorsumPointerOverlay *self = DORSUM_POINTER_OVERLAY (overlay);
  const GdkRGBA *accent = &context->accent;

  /* Marking pain, the pointer's muscle is not lit; the keyboard's still is outlined, as
   * that is where a mark from the keyboard goes. */
  if (self->hover != NULL && !context->chart_mode)
    {
      cairo_new_path (cr);
      dorsum_region_append_path (self->hover, cr);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.18);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.9);
      cairo_set_line_width (cr, 1.5 / context->scale);
      cairo_stroke (cr);
    }

  if (self->focus != NULL && gtk_widget_has_visible_focus (context->widget))
    {
      double dash = 4 / context->scale;

      cairo_new_path (cr);
      dorsum_region_append_path (self->focus, cr);
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_set_line_width (cr, 2.5 / context->scale);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
      cairo_stroke (cr);
    }
}

static void
dorsum_pointer_overlay_class_init (DorsumPointerOverlayClass *klass)
{
  DorsumDiagramOverlayClass *overlay_class = DORSUM_DIAGRAM_OVERLAY_CLASS (klass);

  overlay_class->extent = dorsum_pointer_overlay_extent;
  overlay_class->draw = dorsum_pointer_overlay_draw;
}

static void
dorsum_pointer_overlay_init (DorsumPointerOverlay *self)
{
}

DorsumDiagramOverlay *
dorsum_pointer_overlay_new (void)
{
  return g_object_new (DORSUM_TYPE_POINTER_OVERLAY, NULL);
}

void
dorsum_pointer_overlay_set_hover (DorsumPointerOverlay *self,
                                  const DorsumRegion   *region)
{
  g_return_if_fail (DORSUM_IS_POINTER_OVERLAY (self));

  if (self->hover == region)
    return;
  self->hover = region;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_pointer_overlay_set_focus (DorsumPointerOverlay *self,
                                  const DorsumRegion   *region)
{
  g_return_if_fail (DORSUM_IS_POINTER_OVERLAY (self));

  if (self->focus == region)
    return;
  self->focus = region;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}
