/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The study mode's drawings over the diagram, in diagram units (the view sets the scale).
 * Kept out of the view: an overlay is a function of what it shows, not of the widget. */

#define G_LOG_DOMAIN "dorsum-study-overlay"

#include "config.h"

#include "dorsum-study-overlay.h"

/* From not known (red) through half known (amber) to known (green), readable on the
 * figure's skin tones in light and dark alike. */
static void
mastery_colour (double  value,
                double *red,
                double *green,
                double *blue)
{
  static const double stops[3][3] = {
    { 0.88, 0.11, 0.14 },   /* #e01b24 */
    { 0.96, 0.64, 0.00 },   /* #f5a300 */
    { 0.18, 0.76, 0.49 },   /* #2ec27e */
  };
  double t = CLAMP (value, 0, 1) * 2;
  guint i = t >= 1 ? 1 : 0;

  t -= i;
  *red = stops[i][0] + (stops[i + 1][0] - stops[i][0]) * t;
  *green = stops[i][1] + (stops[i + 1][1] - stops[i][1]) * t;
  *blue = stops[i][2] + (stops[i + 1][2] - stops[i][2]) * t;
}

void
dorsum_study_overlay_draw_mastery (cairo_t       *cr,
                                   DorsumDiagram *diagram,
                                   GHashTable    *mastery)
{
  cairo_save (cr);
  for (guint i = 0; i < dorsum_diagram_get_n_regions (diagram); i++)
    {
      const DorsumRegion *region = dorsum_diagram_get_region (diagram, i);
      gpointer value;
      double red, green, blue;

      cairo_new_path (cr);
      dorsum_region_append_path (region, cr);
      if (g_hash_table_lookup_extended (mastery, region->muscle, NULL, &value))
        {
          mastery_colour (*(double *)value, &red, &green, &blue);
          cairo_set_source_rgba (cr, red, green, blue, 0.55);
        }
      else
        /* Not studied yet: a light grey wash, so the tinted ones stand out. */
        cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.25);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

void
dorsum_study_overlay_draw_zone (cairo_t                  *cr,
                                const DorsumTriggerPoint *trigger_point,
                                double                    red,
                                double                    green,
                                double                    blue)
{
  cairo_save (cr);
  cairo_new_path (cr);
  dorsum_append_referral_zones (cr, trigger_point);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgba (cr, red, green, blue, 0.40);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, red, green, blue, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);
}
