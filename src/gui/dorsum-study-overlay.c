/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The study mode's drawings over the diagram, in diagram units (the view sets the scale). */

#define G_LOG_DOMAIN "dorsum-study-overlay"

#include "config.h"

#include "dorsum-study-overlay.h"

struct _DorsumStudyOverlay
{
  DorsumDiagramOverlay parent_instance;

  GHashTable               *mastery;     /* muscle id → double*, 0–1 */
  const DorsumTriggerPoint *quiz_zone;   /* the library's */
};

G_DEFINE_FINAL_TYPE (DorsumStudyOverlay, dorsum_study_overlay, DORSUM_TYPE_DIAGRAM_OVERLAY)

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

static void
draw_mastery (cairo_t       *cr,
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

static void
draw_zone (cairo_t                  *cr,
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

static gboolean
dorsum_study_overlay_extent (DorsumDiagramOverlay       *overlay,
                             const DorsumOverlayContext *context,
                             double                      box[4])
{
  DorsumStudyOverlay *self = DORSUM_STUDY_OVERLAY (overlay);

  if (self->mastery == NULL && self->quiz_zone == NULL)
    return FALSE;

  dorsum_overlay_box_set_figure (box, context);

  return TRUE;
}

static void
dorsum_study_overlay_draw (DorsumDiagramOverlay       *overlay,
                           cairo_t                    *cr,
                           const DorsumOverlayContext *context)
{
  DorsumStudyOverlay *self = DORSUM_STUDY_OVERLAY (overlay);

  if (self->mastery != NULL)
    draw_mastery (cr, context->diagram, self->mastery);
  if (self->quiz_zone != NULL)
    draw_zone (cr, self->quiz_zone, context->error.red, context->error.green, context->error.blue);
}

static void
dorsum_study_overlay_finalize (GObject *object)
{
  g_clear_pointer (&DORSUM_STUDY_OVERLAY (object)->mastery, g_hash_table_unref);

  G_OBJECT_CLASS (dorsum_study_overlay_parent_class)->finalize (object);
}

static void
dorsum_study_overlay_class_init (DorsumStudyOverlayClass *klass)
{
  DorsumDiagramOverlayClass *overlay_class = DORSUM_DIAGRAM_OVERLAY_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dorsum_study_overlay_finalize;
  overlay_class->extent = dorsum_study_overlay_extent;
  overlay_class->draw = dorsum_study_overlay_draw;
}

static void
dorsum_study_overlay_init (DorsumStudyOverlay *self)
{
}

DorsumDiagramOverlay *
dorsum_study_overlay_new (void)
{
  return g_object_new (DORSUM_TYPE_STUDY_OVERLAY, NULL);
}

/* @mastery: (nullable): muscle id → how well it is known (double*, 0–1) */
void
dorsum_study_overlay_set_mastery (DorsumStudyOverlay *self,
                                  GHashTable         *mastery)
{
  g_return_if_fail (DORSUM_IS_STUDY_OVERLAY (self));

  if (mastery != NULL)
    g_hash_table_ref (mastery);
  g_clear_pointer (&self->mastery, g_hash_table_unref);
  self->mastery = mastery;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_study_overlay_set_quiz_zone (DorsumStudyOverlay       *self,
                                    const DorsumTriggerPoint *trigger_point)
{
  g_return_if_fail (DORSUM_IS_STUDY_OVERLAY (self));

  self->quiz_zone = trigger_point;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}
