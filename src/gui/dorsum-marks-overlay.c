/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dorsum-marks-overlay"

#include "config.h"

#include "dorsum-chart-compare.h"
#include "dorsum-chart-render.h"
#include "dorsum-marks-overlay.h"

struct _DorsumMarksOverlay
{
  DorsumDiagramOverlay parent_instance;

  DorsumChart *chart;
  DorsumChart *earlier;   /* an earlier chart of the client, drawn faded under the marks */
  int          selected;
  int          moved;     /* drawn as preview instead, or -1 */
  gboolean     added;     /* preview drawn as a new mark */
  DorsumMark   preview;   /* its note always NULL */
};

G_DEFINE_FINAL_TYPE (DorsumMarksOverlay, dorsum_marks_overlay, DORSUM_TYPE_DIAGRAM_OVERLAY)

static gboolean
dorsum_marks_overlay_extent (DorsumDiagramOverlay       *overlay,
                             const DorsumOverlayContext *context,
                             double                      box[4])
{
  DorsumMarksOverlay *self = DORSUM_MARKS_OVERLAY (overlay);

  gboolean any = FALSE;

  if (self->earlier != NULL)
    {
      dorsum_overlay_box_set_figure (box, context);
      return TRUE;
    }

  if (self->chart == NULL)
    return FALSE;

  /* Only around the marks: a mark chosen redraws that much, not the figure. */
  for (guint i = 0; i <= dorsum_chart_get_n_marks (self->chart); i++)
    {
      const DorsumMark *mark;
      double margin;

      if (i == dorsum_chart_get_n_marks (self->chart))
        mark = self->added ? &self->preview : NULL;
      else
        mark = (int)i == self->moved ? &self->preview : dorsum_chart_get_mark (self->chart, i);
      if (mark == NULL || !g_str_equal (dorsum_mark_get_figure (mark), context->figure))
        continue;

      /* The outline is drawn up to 3.5 px wide, outside the disc. */
      margin = mark->radius + 4 / MAX (context->scale, 0.05);
      box[0] = MIN (box[0], mark->x - margin);
      box[1] = MIN (box[1], mark->y - margin);
      box[2] = MAX (box[2], mark->x + margin);
      box[3] = MAX (box[3], mark->y + margin);
      any = TRUE;
    }

  return any;
}

static void
dorsum_marks_overlay_draw (DorsumDiagramOverlay       *overlay,
                           cairo_t                    *cr,
                           const DorsumOverlayContext *context)
{
  DorsumMarksOverlay *self = DORSUM_MARKS_OVERLAY (overlay);

  if (self->earlier != NULL)
    dorsum_chart_compare_draw_earlier (cr, self->earlier, context->scale, context->figure);
  if (self->chart == NULL)
    return;

  if (self->moved >= 0 || self->added)
    {
      /* Draw the chart as it will be once the drag ends. */
      g_autoptr(DorsumChart) preview = dorsum_chart_new ();

      for (guint i = 0; i < dorsum_chart_get_n_marks (self->chart); i++)
        dorsum_chart_add_mark (preview, (int)i == self->moved ? &self->preview
                                                              : dorsum_chart_get_mark (self->chart, i));
      if (self->added)
        dorsum_chart_add_mark (preview, &self->preview);
      dorsum_draw_marks_on_figure (cr, preview, context->figure, context->scale, self->selected);
    }
  else
    /* The chosen one's outline is the mark selection overlay's. */
    dorsum_draw_marks_on_figure (cr, self->chart, context->figure, context->scale, -1);
}

static void
chart_changed_cb (DorsumMarksOverlay *self,
                  DorsumChart        *chart)
{
  if (self->selected >= (int)dorsum_chart_get_n_marks (chart))
    self->selected = -1;

  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

static void
dorsum_marks_overlay_dispose (GObject *object)
{
  dorsum_marks_overlay_set_chart (DORSUM_MARKS_OVERLAY (object), NULL);
  g_clear_object (&DORSUM_MARKS_OVERLAY (object)->earlier);

  G_OBJECT_CLASS (dorsum_marks_overlay_parent_class)->dispose (object);
}

static void
dorsum_marks_overlay_class_init (DorsumMarksOverlayClass *klass)
{
  DorsumDiagramOverlayClass *overlay_class = DORSUM_DIAGRAM_OVERLAY_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dorsum_marks_overlay_dispose;
  overlay_class->extent = dorsum_marks_overlay_extent;
  overlay_class->draw = dorsum_marks_overlay_draw;
  overlay_class->own_node = TRUE;
}

static void
dorsum_marks_overlay_init (DorsumMarksOverlay *self)
{
  self->selected = -1;
  self->moved = -1;
}

DorsumDiagramOverlay *
dorsum_marks_overlay_new (void)
{
  return g_object_new (DORSUM_TYPE_MARKS_OVERLAY, NULL);
}

void
dorsum_marks_overlay_set_chart (DorsumMarksOverlay *self,
                                DorsumChart        *chart)
{
  g_return_if_fail (DORSUM_IS_MARKS_OVERLAY (self));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_object (chart, "changed", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);
  self->selected = -1;
  self->moved = -1;
  self->added = FALSE;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_marks_overlay_set_selected (DorsumMarksOverlay *self,
                                   int                 mark)
{
  g_return_if_fail (DORSUM_IS_MARKS_OVERLAY (self));

  self->selected = mark;
  /* Drawn here only while a drag is previewed. */
  if (self->moved >= 0 || self->added)
    dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_marks_overlay_set_preview (DorsumMarksOverlay *self,
                                  int                 moved,
                                  gboolean            added,
                                  const DorsumMark   *preview)
{
  g_return_if_fail (DORSUM_IS_MARKS_OVERLAY (self));
  g_return_if_fail (preview != NULL);

  self->moved = moved;
  self->added = !!added;
  self->preview = *preview;
  self->preview.note = NULL;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_marks_overlay_clear_preview (DorsumMarksOverlay *self)
{
  g_return_if_fail (DORSUM_IS_MARKS_OVERLAY (self));

  if (self->moved < 0 && !self->added)
    return;
  self->moved = -1;
  self->added = FALSE;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

/* @earlier: (nullable): an earlier chart whose marks to draw faded, for comparison */
void
dorsum_marks_overlay_set_earlier (DorsumMarksOverlay *self,
                                  DorsumChart        *earlier)
{
  g_return_if_fail (DORSUM_IS_MARKS_OVERLAY (self));

  if (g_set_object (&self->earlier, earlier))
    dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

DorsumChart *
dorsum_marks_overlay_get_earlier (DorsumMarksOverlay *self)
{
  g_return_val_if_fail (DORSUM_IS_MARKS_OVERLAY (self), NULL);

  return self->earlier;
}
