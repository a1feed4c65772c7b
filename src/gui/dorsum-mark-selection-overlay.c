/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dorsum-mark-selection-overlay"

#include "config.h"

#include "dorsum-chart-render.h"
#include "dorsum-mark-selection-overlay.h"

struct _DorsumMarkSelectionOverlay
{
  DorsumDiagramOverlay parent_instance;

  DorsumMark   mark;      /* a copy, its note always NULL */
  gboolean     has_mark;
  gboolean     hidden;    /* while a mark is dragged, the marks overlay draws it all */
};

G_DEFINE_FINAL_TYPE (DorsumMarkSelectionOverlay, dorsum_mark_selection_overlay, DORSUM_TYPE_DIAGRAM_OVERLAY)

/* The chosen mark, when it is on the shown figure. */
static const DorsumMark *
shown_mark (DorsumMarkSelectionOverlay *self,
            const DorsumOverlayContext *context)
{
  if (!self->has_mark || self->hidden || !g_str_equal (dorsum_mark_get_figure (&self->mark), context->figure))
    return NULL;

  return &self->mark;
}

static gboolean
dorsum_mark_selection_overlay_extent (DorsumDiagramOverlay       *overlay,
                                      const DorsumOverlayContext *context,
                                      double                      box[4])
{
  const DorsumMark *mark = shown_mark (DORSUM_MARK_SELECTION_OVERLAY (overlay), context);
  double margin;

  if (mark == NULL)
    return FALSE;

  /* The outline is 3.5 px wide, centred on the disc's edge. */
  margin = mark->radius + 4 / MAX (context->scale, 0.05);
  box[0] = MIN (box[0], mark->x - margin);
  box[1] = MIN (box[1], mark->y - margin);
  box[2] = MAX (box[2], mark->x + margin);
  box[3] = MAX (box[3], mark->y + margin);

  return TRUE;
}

static void
dorsum_mark_selection_overlay_draw (DorsumDiagramOverlay       *overlay,
                                    cairo_t                    *cr,
                                    const DorsumOverlayContext *context)
{
  const DorsumMark *mark = shown_mark (DORSUM_MARK_SELECTION_OVERLAY (overlay), context);

  if (mark != NULL)
    dorsum_draw_mark_selection (cr, mark, context->scale);
}

static void
dorsum_mark_selection_overlay_class_init (DorsumMarkSelectionOverlayClass *klass)
{
  DorsumDiagramOverlayClass *overlay_class = DORSUM_DIAGRAM_OVERLAY_CLASS (klass);

  overlay_class->extent = dorsum_mark_selection_overlay_extent;
  overlay_class->draw = dorsum_mark_selection_overlay_draw;
  /* Over the marks, which have a node of their own. */
  overlay_class->own_node = TRUE;
}

static void
dorsum_mark_selection_overlay_init (DorsumMarkSelectionOverlay *self)
{
}

DorsumDiagramOverlay *
dorsum_mark_selection_overlay_new (void)
{
  return g_object_new (DORSUM_TYPE_MARK_SELECTION_OVERLAY, NULL);
}

/**
 * dorsum_mark_selection_overlay_set_mark:
 * @mark: (nullable): the chosen mark as it is now (copied), or %NULL for none
 */
void
dorsum_mark_selection_overlay_set_mark (DorsumMarkSelectionOverlay *self,
                                        const DorsumMark           *mark)
{
  g_return_if_fail (DORSUM_IS_MARK_SELECTION_OVERLAY (self));

  if (mark == NULL ? !self->has_mark
                   : self->has_mark && mark->x == self->mark.x && mark->y == self->mark.y &&
                     mark->radius == self->mark.radius && mark->intensity == self->mark.intensity &&
                     g_strcmp0 (dorsum_mark_get_figure (mark), dorsum_mark_get_figure (&self->mark)) == 0)
    return;

  self->has_mark = mark != NULL;
  if (mark != NULL)
    {
      self->mark = *mark;
      self->mark.note = NULL;
    }
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_mark_selection_overlay_set_hidden (DorsumMarkSelectionOverlay *self,
                                          gboolean                    hidden)
{
  g_return_if_fail (DORSUM_IS_MARK_SELECTION_OVERLAY (self));

  if (self->hidden == !!hidden)
    return;
  self->hidden = !!hidden;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}
