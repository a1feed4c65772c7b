/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing a figure's layer with librsvg, and what goes over it from the regions: the
 * highlight, trigger points and their referral zones, a region's outline. */

#define G_LOG_DOMAIN "dorsum-diagram"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <librsvg/rsvg.h>

#include "dorsum-diagram-private.h"
#include "dorsum-figure.h"

/**
 * dorsum_diagram_render:
 *
 * Draws the layer scaled to @width × @height device units at the current origin of @cr.
 */
gboolean
dorsum_diagram_render (DorsumDiagram      *self,
                       cairo_t            *cr,
                       double              width,
                       double              height,
                       DorsumRenderFlags   flags,
                       GError            **error)
{
  /* The label file's halo and ink swapped, so names read on a dark background. */
  static const char dark_css[] =
    "#names { fill: #eeeeec; stroke: #1e1e1e; }\n"
    "#leaders path[stroke=\"#ffffff\"] { stroke: #1e1e1e; }\n"
    "#leaders path[stroke=\"#333333\"] { stroke: #deddda; }\n";
  RsvgRectangle viewport = { 0, 0, width, height };
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), FALSE);

  locker = g_mutex_locker_new (&self->render_lock);

  if (!rsvg_handle_render_document (self->handle, cr, &viewport, error))
    return FALSE;

  if ((flags & DORSUM_RENDER_LABELS) && self->labels != NULL)
    {
      g_autoptr(GString) css = g_string_new ((flags & DORSUM_RENDER_DARK) ? dark_css : "");

      /* Names follow the desktop's high-contrast and large-text settings: full ink on a wider
       * halo, bold, and larger (two-line names then sit closer, but stay apart). */
      if (flags & DORSUM_RENDER_HIGH_CONTRAST)
        g_string_append (css, (flags & DORSUM_RENDER_DARK)
                              ? "#names { fill: #ffffff; stroke: #000000; stroke-width: 4; font-weight: bold; }\n"
                              : "#names { fill: #000000; stroke: #ffffff; stroke-width: 4; font-weight: bold; }\n");
      if (flags & DORSUM_RENDER_LARGE_TEXT)
        g_string_append (css, "#names { font-size: 17px; }\n");

      if (!rsvg_handle_set_stylesheet (self->labels, (const guint8 *)css->str, css->len, error))
        return FALSE;

      return rsvg_handle_render_document (self->labels, cr, &viewport, error);
    }

  return TRUE;
}

/**
 * dorsum_diagram_draw_highlight:
 * @cr: a context whose user space is diagram units
 * @muscles: muscle ids whose regions (both sides) are highlighted
 * @emphasis: 1 as usual; 2 for presenting to a client across the room (thicker, stronger)
 *
 * Fills the regions with a translucent tint and outlines them, from their own shapes.
 */
void
dorsum_diagram_draw_highlight (DorsumDiagram      *self,
                               cairo_t            *cr,
                               const char * const *muscles,
                               double              red,
                               double              green,
                               double              blue,
                               double              emphasis)
{
  double line_width = 1.5, unused = 0;

  g_return_if_fail (DORSUM_IS_DIAGRAM (self));

  if (muscles == NULL)
    return;

  /* Keep the outline about 2.5 device pixels wide whatever the zoom. */
  cairo_device_to_user_distance (cr, &line_width, &unused);
  line_width = MAX (fabs (line_width), 0.5) * 2.5 / 1.5 * emphasis;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < self->regions->len; i++)
    {
      const DorsumRegion *region = g_ptr_array_index (self->regions, i);

      if (g_strv_contains (muscles, region->muscle))
        dorsum_region_append_path (region, cr);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, red, green, blue, MIN (0.45 * emphasis, 0.7));
  cairo_fill_preserve (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, line_width);
  cairo_set_source_rgba (cr, red, green, blue, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
append_polygon (cairo_t *cr,
                GArray  *polygon,
                gboolean mirror)
{
  for (guint i = 0; i < polygon->len; i++)
    {
      const DorsumPoint *pt = &g_array_index (polygon, DorsumPoint, i);
      double x = mirror ? 800 - pt->x : pt->x;

      if (i == 0)
        cairo_move_to (cr, x, pt->y);
      else
        cairo_line_to (cr, x, pt->y);
    }
  cairo_close_path (cr);
}

/**
 * dorsum_append_referral_zones:
 *
 * Appends a trigger point's referral zones on the posterior figure, on both sides, to the
 * current path (for a drawing that shows a zone without the point, as a quiz does).
 */
void
dorsum_append_referral_zones (cairo_t                  *cr,
                              const DorsumTriggerPoint *point)
{
  dorsum_append_referral_zones_on_figure (cr, point, DORSUM_FIGURE_POSTERIOR);
}

/**
 * dorsum_append_referral_zones_on_figure:
 * @figure: a figure id, such as "anterior"
 *
 * As dorsum_append_referral_zones(), for the zones that lie on @figure.
 */
void
dorsum_append_referral_zones_on_figure (cairo_t                  *cr,
                                        const DorsumTriggerPoint *point,
                                        const char               *figure)
{
  for (guint z = 0; z < point->all_zones->len; z++)
    {
      const DorsumZone *zone = g_ptr_array_index (point->all_zones, z);

      if (g_str_equal (zone->figure, figure))
        for (int mirror = 0; mirror < 2; mirror++)
          append_polygon (cr, zone->points, mirror);
    }
}

static void
draw_cross (cairo_t *cr,
            double   x,
            double   y,
            double   size)
{
  cairo_move_to (cr, x - size, y - size);
  cairo_line_to (cr, x + size, y + size);
  cairo_move_to (cr, x + size, y - size);
  cairo_line_to (cr, x - size, y + size);
}

/**
 * dorsum_draw_trigger_points:
 * @cr: a context whose user space is diagram units
 * @scale: device pixels per diagram unit, to keep marks a readable size
 *
 * Draws a trigger point chart on the posterior figure: the referral zones shaded, the points
 * as ×, on both sides (the library gives the right side; the left mirrors it at x → 800 − x).
 * Zones and points on another figure are left out.
 */
void
dorsum_draw_trigger_points (cairo_t                          *cr,
                            const DorsumTriggerPoint * const *points,
                            guint                             n_points,
                            double                            scale,
                            double                            red,
                            double                            green,
                            double                            blue)
{
  dorsum_draw_trigger_points_on_figure (cr, DORSUM_FIGURE_POSTERIOR, points, n_points, scale, red, green, blue);
}

/**
 * dorsum_draw_trigger_points_on_figure:
 * @figure: the id of the figure drawn under, such as "anterior"
 *
 * As dorsum_draw_trigger_points(), for the zones and points that lie on @figure.
 */
void
dorsum_draw_trigger_points_on_figure (cairo_t                          *cr,
                                      const char                       *figure,
                                      const DorsumTriggerPoint * const *points,
                                      guint                             n_points,
                                      double                            scale,
                                      double                            red,
                                      double                            green,
                                      double                            blue)
{
  double cross = 7 / MAX (scale, 0.1);

  g_return_if_fail (figure != NULL);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Zones first, all in one path so overlaps do not darken. */
  cairo_new_path (cr);
  for (guint i = 0; i < n_points; i++)
    dorsum_append_referral_zones_on_figure (cr, points[i], figure);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgba (cr, red, green, blue, 0.30);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.2 / MAX (scale, 0.1));
  cairo_set_source_rgba (cr, red, green, blue, 0.8);
  cairo_stroke (cr);

  /* Then the points: a white halo under a dark cross, readable on muscle and on zone. */
  cairo_new_path (cr);
  for (guint i = 0; i < n_points; i++)
    if (g_str_equal (points[i]->figure, figure))
      {
        draw_cross (cr, points[i]->point.x, points[i]->point.y, cross);
        draw_cross (cr, 800 - points[i]->point.x, points[i]->point.y, cross);
      }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 5 / MAX (scale, 0.1));
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.5 / MAX (scale, 0.1));
  cairo_set_source_rgba (cr, red * 0.6, green * 0.6, blue * 0.6, 1);
  cairo_stroke (cr);

  cairo_restore (cr);
}

void
dorsum_region_append_path (const DorsumRegion *region,
                           cairo_t            *cr)
{
  for (guint p = 0; p < region->polygons->len; p++)
    {
      GArray *polygon = g_ptr_array_index (region->polygons, p);

      for (guint i = 0; i < polygon->len; i++)
        {
          const DorsumPoint *pt = &g_array_index (polygon, DorsumPoint, i);

          if (i == 0)
            cairo_move_to (cr, pt->x, pt->y);
          else
            cairo_line_to (cr, pt->x, pt->y);
        }
      cairo_close_path (cr);
    }
}
