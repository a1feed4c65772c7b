/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client's sides, L and R, beside the figure's head: the front figure faces the viewer,
 * so its left is on the right of the picture, and a therapist marking pain must not have to
 * work that out. The letters keep the size of the text around them at every zoom (the
 * figure's own drawing would shrink them with the figure, to a few pixels in the two-figure
 * chart). */

#define G_LOG_DOMAIN "dorsum-sides-overlay"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-figure.h"
#include "dorsum-sides-overlay.h"

/* Where the letters' centres go, in diagram units (the figures are 800 wide): beside the
 * head, clear of the body and the arms. */
#define SIDE_X      150.0
#define SIDE_Y      110.0
/* Their size: a little larger than the text around them (so Large Text makes them larger),
 * and at most this much of the figure. */
#define SIDE_FONT_RATIO 1.1
#define SIDE_MAX        60.0

struct _DorsumSidesOverlay
{
  DorsumDiagramOverlay parent_instance;
};

G_DEFINE_FINAL_TYPE (DorsumSidesOverlay, dorsum_sides_overlay, DORSUM_TYPE_DIAGRAM_OVERLAY)

/* The size of the view's text in pixels, which Large Text scales. */
static double
text_pixels (GtkWidget *widget)
{
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  double size = font != NULL ? pango_font_description_get_size (font) / (double)PANGO_SCALE : 0;
  double dpi = pango_cairo_context_get_resolution (pango);

  if (font != NULL && !pango_font_description_get_size_is_absolute (font))
    size *= (dpi > 0 ? dpi : 96) / 72.0;

  return size > 0 ? size : 14.0;
}

/* The letter's height in diagram units at @context's scale. */
static double
letter_size (const DorsumOverlayContext *context)
{
  return MIN (SIDE_FONT_RATIO * text_pixels (context->widget) / MAX (context->scale, 0.01), SIDE_MAX);
}

static gboolean
shows_sides (const DorsumOverlayContext *context)
{
  DorsumFigure *figure = context->figure != NULL ? dorsum_figure_lookup (context->figure, NULL) : NULL;

  return figure != NULL && dorsum_figure_get_view (figure) != DORSUM_VIEW_LATERAL;
}

static gboolean
dorsum_sides_overlay_extent (DorsumDiagramOverlay       *overlay,
                             const DorsumOverlayContext *context,
                             double                      box[4])
{
  double size = letter_size (context);

  if (!shows_sides (context))
    return FALSE;
  box[0] = MIN (box[0], SIDE_X - size);
  box[1] = MIN (box[1], SIDE_Y - size);
  box[2] = MAX (box[2], 800 - SIDE_X + size);
  box[3] = MAX (box[3], SIDE_Y + size);

  return TRUE;
}

static void
draw_letter (cairo_t     *cr,
             PangoLayout *layout,
             const char  *letter,
             double       x)
{
  int width, height;

  pango_layout_set_text (layout, letter, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (cr, x - width / (2.0 * PANGO_SCALE), SIDE_Y - height / (2.0 * PANGO_SCALE));
  pango_cairo_show_layout (cr, layout);
}

static void
dorsum_sides_overlay_draw (DorsumDiagramOverlay       *overlay,
                           cairo_t                    *cr,
                           const DorsumOverlayContext *context)
{
  DorsumFigure *figure;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  gboolean facing;
  GdkRGBA ink;

  if (!shows_sides (context))
    return;
  figure = dorsum_figure_lookup (context->figure, NULL);
  facing = dorsum_figure_get_view (figure) == DORSUM_VIEW_ANTERIOR;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (context->widget), &ink);
  G_GNUC_END_IGNORE_DEPRECATIONS

  layout = gtk_widget_create_pango_layout (context->widget, NULL);
  font = pango_font_description_from_string ("Sans Bold");
  pango_font_description_set_absolute_size (font, letter_size (context) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);

  /* Text in the body's colour, a little dimmed: a label, not a control. */
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, ink.alpha * 0.8);
  /* Translators: the client's right and left side, as marked beside the body figures */
  draw_letter (cr, layout, facing ? C_("side", "R") : C_("side", "L"), SIDE_X);
  draw_letter (cr, layout, facing ? C_("side", "L") : C_("side", "R"), 800 - SIDE_X);
}

static void
dorsum_sides_overlay_class_init (DorsumSidesOverlayClass *klass)
{
  DorsumDiagramOverlayClass *overlay_class = DORSUM_DIAGRAM_OVERLAY_CLASS (klass);

  overlay_class->extent = dorsum_sides_overlay_extent;
  overlay_class->draw = dorsum_sides_overlay_draw;
  /* A node of its own, kept until the view changes: shared, its letters would stretch the
   * shared node's box across the figure at every hover. */
  overlay_class->own_node = TRUE;
}

static void
dorsum_sides_overlay_init (DorsumSidesOverlay *self)
{
}

DorsumDiagramOverlay *
dorsum_sides_overlay_new (void)
{
  return g_object_new (DORSUM_TYPE_SIDES_OVERLAY, NULL);
}
