/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What DorsumDiagramView shows over its figure, set by the window: the selected and
 * highlighted muscles with their trigger points, the study's tints and quiz zone, the pain
 * chart with its chosen mark, and an earlier chart to compare. The view itself (zoom, pan,
 * the rendered layer, drawing) is dorsum-diagram-view.c; input is -input.c. */

#define G_LOG_DOMAIN "dorsum-diagram-view"

#include "config.h"

#include <math.h>

#include "dorsum-diagram-view-private.h"
#include "dorsum-highlight-overlay.h"
#include "dorsum-mark-selection-overlay.h"
#include "dorsum-marks-overlay.h"
#include "dorsum-study-overlay.h"
#include "dorsum-trigger-point-overlay.h"

const char *
dorsum_diagram_view_get_selected (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), NULL);

  return self->selected;
}

/* Brings the selected regions into view when zoomed in and they are off screen. */
static void
scroll_to_selection (DorsumDiagramView *self)
{
  DorsumDiagram *diagram = _dorsum_diagram_view_current_diagram (self);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double sx0, sy0, sx1, sy1;
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  if (diagram == NULL || self->highlight == NULL || self->zoom <= MIN_ZOOM)
    return;

  for (guint i = 0; i < dorsum_diagram_get_n_regions (diagram); i++)
    {
      const DorsumRegion *r = dorsum_diagram_get_region (diagram, i);

      if (!g_strv_contains ((const char * const *)self->highlight, r->muscle))
        continue;
      x0 = MIN (x0, r->bounds.x);
      y0 = MIN (y0, r->bounds.y);
      x1 = MAX (x1, r->bounds.x + r->bounds.width);
      y1 = MAX (y1, r->bounds.y + r->bounds.height);
    }

  if (x0 > x1)
    return;

  dorsum_diagram_view_diagram_to_widget (self, x0, y0, &sx0, &sy0);
  dorsum_diagram_view_diagram_to_widget (self, x1, y1, &sx1, &sy1);
  if (sx0 >= 0 && sy0 >= 0 && sx1 <= w && sy1 <= h)
    return;

  self->offset_x += w / 2 - (sx0 + sx1) / 2;
  self->offset_y += h / 2 - (sy0 + sy1) / 2;
  _dorsum_diagram_view_clamp_offset (self);
}

static void
collect_trigger_points (DorsumDiagramView *self)
{
  g_ptr_array_set_size (self->shown_points, 0);

  for (guint i = 0; self->library && self->highlight && self->highlight[i]; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (self->library, self->highlight[i]);

      for (guint t = 0; entry && t < dorsum_entry_get_n_trigger_points (entry); t++)
        g_ptr_array_add (self->shown_points, (gpointer)dorsum_entry_get_trigger_point (entry, t));
    }
}

static void
set_highlight_expanded (DorsumDiagramView  *self,
                        const char * const *muscles)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  double offset_x = self->offset_x, offset_y = self->offset_y;

  g_clear_pointer (&self->highlight, g_strfreev);

  for (guint i = 0; muscles && muscles[i]; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (self->library == NULL)
        {
          g_strv_builder_add (builder, muscles[i]);
          continue;
        }

      parts = dorsum_library_expand_parts (self->library, muscles[i]);
      g_strv_builder_addv (builder, (const char **)parts);
    }

  self->highlight = g_strv_builder_end (builder);
  if (self->highlight[0] == NULL)
    g_clear_pointer (&self->highlight, g_strfreev);

  dorsum_highlight_overlay_set_muscles (DORSUM_HIGHLIGHT_OVERLAY (self->highlight_overlay),
                                        (const char * const *)self->highlight);
  collect_trigger_points (self);
  dorsum_trigger_point_overlay_set_points (DORSUM_TRIGGER_POINT_OVERLAY (self->trigger_point_overlay),
                                           self->shown_points);
  _dorsum_diagram_view_emit_highlight_changed (self);
  scroll_to_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->offset_x != offset_x || self->offset_y != offset_y)
    _dorsum_diagram_view_queue_draw_layer (self);
}

/**
 * dorsum_diagram_view_set_highlight:
 * @muscles: (nullable): muscles to highlight together, such as those a technique is used on
 *
 * Highlights several muscles (both sides, wholes through their parts) without selecting one.
 */
void
dorsum_diagram_view_set_highlight (DorsumDiagramView  *self,
                                   const char * const *muscles)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (self->selected != NULL)
    {
      g_clear_pointer (&self->selected, g_free);
      _dorsum_diagram_view_notify (self, PROP_SELECTED);
    }

  set_highlight_expanded (self, muscles);
}

const char * const *
dorsum_diagram_view_get_highlight (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), NULL);

  return (const char * const *)self->highlight;
}

gboolean
dorsum_diagram_view_get_trigger_points (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);

  return self->trigger_points;
}

/**
 * dorsum_diagram_view_set_trigger_points:
 *
 * Draws the trigger points (×) and referral zones of the highlighted muscles, both sides.
 */
void
dorsum_diagram_view_set_trigger_points (DorsumDiagramView *self,
                                        gboolean           trigger_points)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  trigger_points = !!trigger_points;
  if (self->trigger_points == trigger_points)
    return;

  self->trigger_points = trigger_points;
  dorsum_trigger_point_overlay_set_shown (DORSUM_TRIGGER_POINT_OVERLAY (self->trigger_point_overlay), trigger_points);
  _dorsum_diagram_view_notify (self, PROP_TRIGGER_POINTS);
}

/**
 * dorsum_diagram_view_select_muscle:
 * @muscle_id: (nullable): a muscle; a whole (trapezius) highlights all its parts
 *
 * Highlights both sides of the muscle. The view does not change layer by itself:
 * the window picks the layer where the muscle shows.
 */
void
dorsum_diagram_view_select_muscle (DorsumDiagramView *self,
                                   const char        *muscle_id)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (g_strcmp0 (self->selected, muscle_id) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (muscle_id);
  set_highlight_expanded (self, muscle_id ? (const char * const []) { muscle_id, NULL } : NULL);
  _dorsum_diagram_view_notify (self, PROP_SELECTED);
}

/**
 * dorsum_diagram_view_layer_shows:
 *
 * Returns: whether any of @muscles has a region on @layer
 */
gboolean
dorsum_diagram_view_layer_shows (DorsumDiagramView  *self,
                                 DorsumLayer         layer,
                                 const char * const *muscles)
{
  DorsumDiagram *diagram;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);
  g_return_val_if_fail (layer < DORSUM_N_LAYERS, FALSE);

  if (!(diagram = _dorsum_diagram_view_get_diagram (self, layer)))
    return FALSE;

  for (guint i = 0; muscles && muscles[i]; i++)
    if (dorsum_diagram_has_muscle (diagram, muscles[i]))
      return TRUE;

  return FALSE;
}

/* The chosen mark's outline follows the choice and the mark (moved, resized, removed). */
void
_dorsum_diagram_view_show_selected_mark (DorsumDiagramView *self)
{
  const DorsumMark *mark = NULL;

  if (self->chart != NULL && self->selected_mark >= 0 && self->selected_mark < (int)dorsum_chart_get_n_marks (self->chart))
    mark = dorsum_chart_get_mark (self->chart, (guint)self->selected_mark);
  dorsum_mark_selection_overlay_set_mark (DORSUM_MARK_SELECTION_OVERLAY (self->mark_selection_overlay), mark);
}

static void
chart_changed_cb (DorsumDiagramView *self,
                  DorsumChart       *chart)
{
  if (self->selected_mark >= (int)dorsum_chart_get_n_marks (chart))
    self->selected_mark = -1;
  _dorsum_diagram_view_show_selected_mark (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dorsum_diagram_view_set_chart:
 * @chart: (nullable): the pain chart whose marks to draw
 */
void
dorsum_diagram_view_set_chart (DorsumDiagramView *self,
                               DorsumChart       *chart)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);

  g_set_object (&self->chart, chart);
  self->selected_mark = -1;
  dorsum_marks_overlay_set_chart (DORSUM_MARKS_OVERLAY (self->marks_overlay), chart);
  _dorsum_diagram_view_show_selected_mark (self);

  if (chart != NULL)
    g_signal_connect_object (chart, "changed", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dorsum_diagram_view_get_chart_mode (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);

  return self->chart_mode;
}

void
dorsum_diagram_view_set_chart_mode (DorsumDiagramView *self,
                                    gboolean           chart_mode)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  chart_mode = !!chart_mode;
  if (self->chart_mode == chart_mode)
    return;

  self->chart_mode = chart_mode;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), chart_mode ? "crosshair" : NULL);
  _dorsum_diagram_view_notify (self, PROP_CHART_MODE);
}

int
dorsum_diagram_view_get_selected_mark (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), -1);

  return self->selected_mark;
}

/**
 * dorsum_diagram_view_set_emphasis:
 * @emphasis: 1 as usual, 2 for showing the screen to a client
 */
void
dorsum_diagram_view_set_emphasis (DorsumDiagramView *self,
                                  double             emphasis)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  dorsum_highlight_overlay_set_emphasis (DORSUM_HIGHLIGHT_OVERLAY (self->highlight_overlay),
                                         CLAMP (emphasis, 1.0, 3.0));
}

/**
 * dorsum_diagram_view_set_tints:
 * @mastery: (nullable): muscle id → how well it is known (0–1); muscles not in it are
 *   drawn as not yet studied
 *
 * The study mode's mastery view: each muscle of the layer tinted from red (not known)
 * to green (known).
 */
void
dorsum_diagram_view_set_tints (DorsumDiagramView *self,
                               GHashTable        *mastery)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  dorsum_study_overlay_set_mastery (DORSUM_STUDY_OVERLAY (self->study_overlay), mastery);
}

/**
 * dorsum_diagram_view_set_quiz_zone:
 * @trigger_point: (nullable): a trigger point whose referral zone to draw alone, without
 *   the muscle it belongs to (the question "which muscle refers pain here?")
 */
void
dorsum_diagram_view_set_quiz_zone (DorsumDiagramView        *self,
                                   const DorsumTriggerPoint *trigger_point)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  dorsum_study_overlay_set_quiz_zone (DORSUM_STUDY_OVERLAY (self->study_overlay), trigger_point);
}

/**
 * dorsum_diagram_view_set_compare_chart:
 * @earlier: (nullable): an earlier chart whose marks to draw faded beside the chart's
 */
void
dorsum_diagram_view_set_compare_chart (DorsumDiagramView *self,
                                       DorsumChart       *earlier)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (earlier == NULL || DORSUM_IS_CHART (earlier));

  dorsum_marks_overlay_set_earlier (DORSUM_MARKS_OVERLAY (self->marks_overlay), earlier);
}

DorsumChart *
dorsum_diagram_view_get_compare_chart (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), NULL);

  return dorsum_marks_overlay_get_earlier (DORSUM_MARKS_OVERLAY (self->marks_overlay));
}
