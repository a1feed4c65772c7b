/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dorsum-mark-selection-overlay"

#include "config.h"

#include "dorsum-chart-render.h"
#include "dorsum-mark-selection-overlay.h"

struct _DorsumMarkSelectionOverlay
{
  DorsumDiagramOverlay parent_instance;

  DorsumChart *chart;
  int          selected;
  gboolean     hidden;    /* while a mark is dragged, the marks overlay draws it all */
};

G_DEFINE_FINAL_TYPE (DorsumMarkSelectionOverlay, dorsum_mark_selection_overlay, DORSUM_TYPE_DIAGRAM_OVERLAY)

/* The selected mark on the shown figure, or NULL. */
static const DorsumMark *
shown_mark (DorsumMarkSelectionOverlay *self,
            const DorsumOverlayContext *context)
{
  const DorsumMark *mark;

  if (self->chart == NULL || self->hidden || self->selected < 0 ||
      self->selected >= (int)dorsum_chart_get_n_marks (self->chart))
    return NULL;

  mark = dorsum_chart_get_mark (self->chart, self->selected);

  return g_str_equal (dorsum_mark_get_figure (mark), context->figure) ? mark : NULL;
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
chart_changed_cb (DorsumMarkSelectionOverlay *self,
                  DorsumChart                *chart)
{
  if (self->selected >= (int)dorsum_chart_get_n_marks (chart))
    self->selected = -1;

  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

static void
dorsum_mark_selection_overlay_dispose (GObject *object)
{
  dorsum_mark_selection_overlay_set_chart (DORSUM_MARK_SELECTION_OVERLAY (object), NULL);

  G_OBJECT_CLASS (dorsum_mark_selection_overlay_parent_class)->dispose (object);
}

static void
dorsum_mark_selection_overlay_class_init (DorsumMarkSelectionOverlayClass *klass)
{
  DorsumDiagramOverlayClass *overlay_class = DORSUM_DIAGRAM_OVERLAY_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dorsum_mark_selection_overlay_dispose;
  overlay_class->extent = dorsum_mark_selection_overlay_extent;
  overlay_class->draw = dorsum_mark_selection_overlay_draw;
  /* Over the marks, which have a node of their own. */
  overlay_class->own_node = TRUE;
}

static void
dorsum_mark_selection_overlay_init (DorsumMarkSelectionOverlay *self)
{
  self->selected = -1;
}

DorsumDiagramOverlay *
dorsum_mark_selection_overlay_new (void)
{
  return g_object_new (DORSUM_TYPE_MARK_SELECTION_OVERLAY, NULL);
}

void
dorsum_mark_selection_overlay_set_chart (DorsumMarkSelectionOverlay *self,
                                         DorsumChart                *chart)
{
  g_return_if_fail (DORSUM_IS_MARK_SELECTION_OVERLAY (self));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_object (chart, "changed", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);
  self->selected = -1;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_mark_selection_overlay_set_selected (DorsumMarkSelectionOverlay *self,
                                            int                         mark)
{
  g_return_if_fail (DORSUM_IS_MARK_SELECTION_OVERLAY (self));

  if (self->selected == mark)
    return;
  self->selected = mark;
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
