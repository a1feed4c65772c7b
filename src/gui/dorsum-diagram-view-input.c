/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagram view's input: see dorsum-diagram-view-private.h. */

#define G_LOG_DOMAIN "dorsum-diagram-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "dorsum-chart-render.h"
#include "dorsum-diagram-view-private.h"
#include "dorsum-mark-selection-overlay.h"
#include "dorsum-marks-overlay.h"
#include "dorsum-pointer-overlay.h"

static void
set_hover (DorsumDiagramView  *self,
           const DorsumRegion *region)
{
  if (self->hover == region)
    return;

  self->hover = region;
  dorsum_pointer_overlay_set_hover (DORSUM_POINTER_OVERLAY (self->pointer_overlay), region);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->chart_mode ? "crosshair" : region ? "pointer" : NULL);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (DorsumDiagramView        *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  DorsumDiagram *diagram = _dorsum_diagram_view_current_diagram (self);
  double dx, dy;

  if (diagram == NULL)
    return;

  dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
  set_hover (self, dorsum_diagram_hit (diagram, dx, dy));
}

static void
leave_cb (DorsumDiagramView        *self,
          GtkEventControllerMotion *controller)
{
  set_hover (self, NULL);
}

static gboolean
query_tooltip_cb (DorsumDiagramView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  const DorsumRegion *region = keyboard ? self->focus : self->hover;
  g_autofree char *label = NULL;

  if (region == NULL)
    return FALSE;

  label = _dorsum_diagram_view_region_label (self, region);
  gtk_tooltip_set_text (tooltip, label);

  return TRUE;
}

static void
activate_region (DorsumDiagramView  *self,
                 const DorsumRegion *region)
{
  self->focus = region;
  dorsum_diagram_view_select_muscle (self, region->muscle);
  _dorsum_diagram_view_update_accessible (self);
  _dorsum_diagram_view_emit_region_activated (self, region->muscle, region->id);
}

/**
 * dorsum_diagram_view_click:
 *
 * What a primary click at widget coordinates does: selects the region under it.
 *
 * Returns: whether a region was there
 */
gboolean
dorsum_diagram_view_click (DorsumDiagramView *self,
                           double             x,
                           double             y)
{
  DorsumDiagram *diagram = _dorsum_diagram_view_current_diagram (self);
  const DorsumRegion *region;
  double dx, dy;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);

  if (diagram == NULL)
    return FALSE;

  dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
  region = dorsum_diagram_hit (diagram, dx, dy);
  if (region == NULL)
    return FALSE;

  activate_region (self, region);

  return TRUE;
}

void
_dorsum_diagram_view_select_mark_internal (DorsumDiagramView *self,
             int                mark)
{
  self->selected_mark = mark;
  dorsum_marks_overlay_set_selected (DORSUM_MARKS_OVERLAY (self->marks_overlay), mark);
  _dorsum_diagram_view_show_selected_mark (self);
  _dorsum_diagram_view_emit_mark_activated (self, mark);
}

/* Chooses a mark, as a click on it does (from the list of marks, say). */
void
dorsum_diagram_view_select_mark (DorsumDiagramView *self,
                                 int                mark)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (self->chart == NULL || mark >= (int)dorsum_chart_get_n_marks (self->chart))
    mark = -1;
  _dorsum_diagram_view_select_mark_internal (self, mark);
  _dorsum_diagram_view_announce_mark (self);
}

/**
 * dorsum_diagram_view_chart_click:
 *
 * What a click does in chart mode: on a mark, selects it; elsewhere on the figure, adds a
 * mark there (intensity 5, aching) and selects it.
 *
 * Returns: the selected mark, or -1
 */
int
dorsum_diagram_view_chart_click (DorsumDiagramView *self,
                                 double             x,
                                 double             y)
{
  DorsumMark mark = { 0, 0, 18, 5, DORSUM_QUALITY_ACHING, NULL, g_intern_string (self->figure) };
  double dx, dy;
  int found;
  guint added;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), -1);

  if (self->chart == NULL)
    return -1;

  dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
  if (dx < 0 || dy < 0 || dx > 800 || dy > 1200)
    return -1;

  found = dorsum_chart_find_mark_on_figure (self->chart, self->figure, dx, dy);
  if (found >= 0)
    {
      _dorsum_diagram_view_select_mark_internal (self, found);
      return found;
    }

  mark.x = dx;
  mark.y = dy;
  added = dorsum_chart_add_mark (self->chart, &mark);
  if (added == G_MAXUINT)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return -1;
    }

  _dorsum_diagram_view_select_mark_internal (self, (int)added);

  return (int)added;
}

static void
click_released_cb (DorsumDiagramView *self,
                   int                n_press,
                   double             x,
                   double             y,
                   GtkGestureClick   *gesture)
{
  if (self->dragged)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->chart_mode)
    dorsum_diagram_view_chart_click (self, x, y);
  else
    dorsum_diagram_view_click (self, x, y);
}

static void
drag_begin_cb (DorsumDiagramView *self,
               double             x,
               double             y,
               GtkGestureDrag    *gesture)
{
  self->drag_start_x = self->offset_x;
  self->drag_start_y = self->offset_y;
  self->dragged = FALSE;
  self->dragged_mark = -1;
  self->creating_mark = FALSE;

  if (self->chart_mode && self->chart != NULL)
    {
      double dx, dy;
      int found;

      dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
      self->drag_origin_x = dx;
      self->drag_origin_y = dy;

      /* On a mark: move it. On the figure: drag out a new mark's size. */
      found = dorsum_chart_find_mark_on_figure (self->chart, self->figure, dx, dy);
      if (found >= 0)
        {
          self->dragged_mark = found;
          self->preview = *dorsum_chart_get_mark (self->chart, found);
          /* Only drawn while the drag lasts; the chart's own note may change under it. */
          self->preview.note = NULL;
        }
      else if (dx >= 0 && dy >= 0 && dx <= 800 && dy <= 1200)
        {
          self->preview = (DorsumMark) { dx, dy, 6, 5, DORSUM_QUALITY_ACHING, NULL, g_intern_string (self->figure) };
          self->creating_mark = TRUE;
        }
    }
}

static void
drag_update_cb (DorsumDiagramView *self,
                double             x,
                double             y,
                GtkGestureDrag    *gesture)
{
  double ox, oy, scale;

  if (!self->dragged && hypot (x, y) < 6)
    return;

  self->dragged = TRUE;
  scale = _dorsum_diagram_view_get_transform (self, &ox, &oy);

  if (self->dragged_mark >= 0)
    {
      self->preview.x = CLAMP (self->drag_origin_x + x / scale, 0, 800);
      self->preview.y = CLAMP (self->drag_origin_y + y / scale, 0, 1200);
    }
  else if (self->creating_mark)
    self->preview.radius = CLAMP (hypot (x, y) / scale, 6, 200);
  else
    {
      self->offset_x = self->drag_start_x + x;
      self->offset_y = self->drag_start_y + y;
      _dorsum_diagram_view_clamp_offset (self);
    }

  if (self->dragged_mark >= 0 || self->creating_mark)
    {
      dorsum_marks_overlay_set_preview (DORSUM_MARKS_OVERLAY (self->marks_overlay), self->dragged_mark,
                                        self->creating_mark, &self->preview);
      /* The marks overlay draws the chosen mark where it is being dragged. */
      dorsum_mark_selection_overlay_set_hidden (DORSUM_MARK_SELECTION_OVERLAY (self->mark_selection_overlay), TRUE);
    }
  _dorsum_diagram_view_queue_draw_layer (self);
}

static void
drag_end_cb (DorsumDiagramView *self,
             double             x,
             double             y,
             GtkGestureDrag    *gesture)
{
  int mark = -1;

  /* One undo step for a whole move or a whole new mark. */
  if (self->dragged && self->dragged_mark >= 0 && (guint)self->dragged_mark < dorsum_chart_get_n_marks (self->chart))
    {
      /* The mark as it is now, moved: its note is its own copy, not the preview's borrowed one. */
      DorsumMark moved = *dorsum_chart_get_mark (self->chart, (guint)self->dragged_mark);
      g_autofree char *note = g_strdup (moved.note);

      mark = self->dragged_mark;
      self->dragged_mark = -1;
      moved.x = self->preview.x;
      moved.y = self->preview.y;
      moved.note = note;
      dorsum_chart_update_mark (self->chart, (guint)mark, &moved);
    }
  else if (self->dragged && self->creating_mark)
    {
      guint added;

      self->creating_mark = FALSE;
      added = dorsum_chart_add_mark (self->chart, &self->preview);
      mark = added == G_MAXUINT ? -1 : (int)added;
    }

  self->dragged_mark = -1;
  self->creating_mark = FALSE;
  dorsum_marks_overlay_clear_preview (DORSUM_MARKS_OVERLAY (self->marks_overlay));
  dorsum_mark_selection_overlay_set_hidden (DORSUM_MARK_SELECTION_OVERLAY (self->mark_selection_overlay), FALSE);

  if (mark >= 0)
    _dorsum_diagram_view_select_mark_internal (self, mark);
}

/**
 * dorsum_diagram_view_drag:
 *
 * What a drag from (@x, @y) by (@offset_x, @offset_y), in widget pixels, does: in chart
 * mode it moves the mark under the pointer or drags out a new one; elsewhere it pans.
 * The drag gesture's handlers, run in order (for tests and keyboard equivalents).
 */
void
dorsum_diagram_view_drag (DorsumDiagramView *self,
                          double             x,
                          double             y,
                          double             offset_x,
                          double             offset_y)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  drag_begin_cb (self, x, y, NULL);
  drag_update_cb (self, offset_x / 2, offset_y / 2, NULL);
  drag_update_cb (self, offset_x, offset_y, NULL);
  drag_end_cb (self, offset_x, offset_y, NULL);
}

static gboolean
scroll_cb (DorsumDiagramView        *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (event != NULL)
    {
      double ex, ey;
      graphene_point_t point;

      if (gdk_event_get_position (event, &ex, &ey))
        {
          GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
          double nx, ny;

          gtk_native_get_surface_transform (native, &nx, &ny);
          if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                        &GRAPHENE_POINT_INIT ((float)(ex - nx), (float)(ey - ny)), &point))
            {
              x = point.x;
              y = point.y;
            }
        }
    }

  if (state & GDK_CONTROL_MASK)
    {
      _dorsum_diagram_view_zoom_around (self, self->zoom * pow (ZOOM_STEP, -dy), x, y);
      return TRUE;
    }

  if (self->zoom <= MIN_ZOOM)
    return FALSE;

  self->offset_x -= dx * 40;
  self->offset_y -= dy * 40;
  _dorsum_diagram_view_clamp_offset (self);
  _dorsum_diagram_view_queue_draw_layer (self);

  return TRUE;
}

static void
pinch_cb (DorsumDiagramView *self,
          double             scale,
          GtkGestureZoom    *gesture)
{
  static double start_zoom;
  double x, y;

  if (gtk_gesture_get_sequences (GTK_GESTURE (gesture)) == NULL)
    return;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  if (scale == 1.0)
    start_zoom = self->zoom;

  _dorsum_diagram_view_zoom_around (self, start_zoom * scale, x, y);
}

static void
pinch_begin_cb (DorsumDiagramView *self,
                GdkEventSequence  *sequence,
                GtkGestureZoom    *gesture)
{
  pinch_cb (self, 1.0, gesture);
}

static void
move_focus (DorsumDiagramView *self,
            DorsumDirection    direction)
{
  DorsumDiagram *diagram = _dorsum_diagram_view_current_diagram (self);
  const DorsumRegion *next;

  if (diagram == NULL)
    return;

  next = dorsum_diagram_nearest (diagram, self->focus, direction);
  if (next == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->focus = next;
  _dorsum_diagram_view_update_accessible (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A screen reader on the figure hears the selected mark, as it hears the focused muscle. */
void
_dorsum_diagram_view_announce_mark (DorsumDiagramView *self)
{
  g_autofree char *text = NULL;

  if (self->chart == NULL || self->selected_mark < 0 || self->selected_mark >= (int)dorsum_chart_get_n_marks (self->chart))
    {
      _dorsum_diagram_view_update_accessible (self);
      return;
    }

  text = dorsum_chart_describe_mark (self->chart, self->library, (guint)self->selected_mark);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static gboolean
key_pressed_cb (DorsumDiagramView     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  /* In chart mode the keys edit marks first (dorsum-chart-keys.c). */
  if (self->chart_mode && self->chart != NULL)
    {
      self->chart_keys.selected = self->selected_mark;
      self->chart_keys.figure = g_intern_string (self->figure);
      if (dorsum_chart_keys_handle (&self->chart_keys, self->chart, self->focus, keyval, state))
        {
          _dorsum_diagram_view_select_mark_internal (self, self->chart_keys.selected);
          _dorsum_diagram_view_announce_mark (self);
          return TRUE;
        }
    }

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      _dorsum_diagram_view_zoom_around (self, self->zoom * ZOOM_STEP, cx, cy);
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      _dorsum_diagram_view_zoom_around (self, self->zoom / ZOOM_STEP, cx, cy);
      return TRUE;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      dorsum_diagram_view_set_zoom (self, 1.0);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus (self, DORSUM_DIRECTION_UP);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus (self, DORSUM_DIRECTION_DOWN);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, DORSUM_DIRECTION_LEFT);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, DORSUM_DIRECTION_RIGHT);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      if (self->chart_mode && self->chart != NULL && self->selected_mark >= 0 &&
          self->selected_mark < (int)dorsum_chart_get_n_marks (self->chart))
        {
          dorsum_chart_remove_mark (self->chart, (guint)self->selected_mark);
          _dorsum_diagram_view_select_mark_internal (self, -1);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus != NULL)
        {
          activate_region (self, self->focus);
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

static void
focus_enter_cb (DorsumDiagramView       *self,
                GtkEventControllerFocus *controller)
{
  DorsumDiagram *diagram = _dorsum_diagram_view_current_diagram (self);

  if (self->focus == NULL && diagram != NULL)
    self->focus = dorsum_diagram_nearest (diagram, NULL, DORSUM_DIRECTION_DOWN);

  _dorsum_diagram_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The pointer, the keyboard and touch on the view. */
void
_dorsum_diagram_view_init_input (DorsumDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (pinch_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
