/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Marks are drawn as discs coloured by intensity (yellow for mild to red for severe) with a
 * letter for the quality on screen; on paper each quality has its own shape, so the chart
 * reads in grey print too. */

#define G_LOG_DOMAIN "dorsum-chart-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "dorsum-chart-render.h"
#include "dorsum-figure.h"
#include "dorsum-handout.h"

void
dorsum_mark_color (int     intensity,
                   double *red,
                   double *green,
                   double *blue)
{
  /* From GNOME yellow 3 (#f6d32d) at 0 to red 3 (#e01b24) at 10, through orange. */
  double t = CLAMP (intensity, 0, 10) / 10.0;

  *red = (0xf6 + t * (0xe0 - 0xf6)) / 255.0;
  *green = (0xd3 + t * (0x1b - 0xd3)) / 255.0;
  *blue = (0x2d + t * (0x24 - 0x2d)) / 255.0;
}

static void
show_text_centered (cairo_t    *cr,
                    const char *text,
                    double      x,
                    double      y,
                    double      size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (font);
  g_object_unref (layout);
}

/**
 * dorsum_draw_mark_selection:
 * @cr: a context whose user space is diagram units
 * @scale: device units per diagram unit
 *
 * Outlines @mark as the chosen one: a wide dashed ring over its edge, in its own darker
 * colour, drawn over the mark as dorsum_draw_marks_on_figure() draws it.
 */
void
dorsum_draw_mark_selection (cairo_t          *cr,
                            const DorsumMark *mark,
                            double            scale)
{
  double px = 1 / MAX (scale, 0.05);
  double dash[] = { 6 * px, 3 * px };
  double r, g, b;

  dorsum_mark_color (mark->intensity, &r, &g, &b);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, mark->x, mark->y, mark->radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, r * 0.6, g * 0.6, b * 0.6, 1);
  cairo_set_line_width (cr, 3.5 * px);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * dorsum_draw_marks_on_figure:
 * @cr: a context whose user space is diagram units
 * @figure: (nullable): draw only the marks on this figure; %NULL for all
 * @scale: device units per diagram unit, to keep outlines and letters readable
 * @selected: the mark to outline as selected, or -1
 */
void
dorsum_draw_marks_on_figure (cairo_t     *cr,
                             DorsumChart *chart,
                             const char  *figure,
                             double       scale,
                             int          selected)
{
  double px = 1 / MAX (scale, 0.05);

  cairo_save (cr);

  for (guint i = 0; i < dorsum_chart_get_n_marks (chart); i++)
    {
      const DorsumMark *m = dorsum_chart_get_mark (chart, i);
      double r, g, b;

      if (figure != NULL && !g_str_equal (dorsum_mark_get_figure (m), figure))
        continue;

      dorsum_mark_color (m->intensity, &r, &g, &b);

      cairo_new_path (cr);
      cairo_arc (cr, m->x, m->y, m->radius, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, r, g, b, 0.55);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, r * 0.6, g * 0.6, b * 0.6, 1);
      cairo_set_line_width (cr, 2 * px);
      cairo_stroke (cr);
      if ((int)i == selected)
        dorsum_draw_mark_selection (cr, m, scale);

      /* The quality letter with the intensity, white on a dark dot in the middle. */
      {
        g_autofree char *label = g_strdup_printf ("%s%d", dorsum_quality_get_letter (m->quality), m->intensity);
        double dot = MIN (m->radius * 0.55, 11 * px);

        cairo_arc (cr, m->x, m->y, dot, 0, 2 * G_PI);
        cairo_set_source_rgba (cr, 0.15, 0.1, 0.1, 0.85);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 1, 1, 1);
        show_text_centered (cr, label, m->x, m->y, dot * 0.95);
      }
    }

  cairo_restore (cr);
}

DorsumSymbol
dorsum_quality_get_symbol (DorsumQuality quality)
{
  static const DorsumSymbol symbols[DORSUM_N_QUALITIES] = {
    [DORSUM_QUALITY_ACHING] = DORSUM_SYMBOL_CIRCLE,
    [DORSUM_QUALITY_SHARP] = DORSUM_SYMBOL_TRIANGLE,
    [DORSUM_QUALITY_BURNING] = DORSUM_SYMBOL_STAR,
    [DORSUM_QUALITY_TINGLING] = DORSUM_SYMBOL_DIAMOND,
    [DORSUM_QUALITY_STIFFNESS] = DORSUM_SYMBOL_SQUARE,
  };

  g_return_val_if_fail (quality < DORSUM_N_QUALITIES, DORSUM_SYMBOL_CIRCLE);
  return symbols[quality];
}

/* The same shape as a character, for the list beside the figure: outlined, as the badges
 * on the figure are (DejaVu and most sans fonts have all five). */
const char *
dorsum_symbol_get_character (DorsumSymbol symbol)
{
  static const char * const characters[DORSUM_N_SYMBOLS] = { "○", "△", "◇", "☆", "□" };

  g_return_val_if_fail (symbol < DORSUM_N_SYMBOLS, "●");
  return characters[symbol];
}

/* A closed path of the symbol centred at (x, y), about as large as a circle of @radius. */
void
dorsum_append_symbol_path (cairo_t      *cr,
                           DorsumSymbol  symbol,
                           double        x,
                           double        y,
                           double        radius)
{
  switch (symbol)
    {
    case DORSUM_SYMBOL_CIRCLE:
    case DORSUM_N_SYMBOLS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      break;

    case DORSUM_SYMBOL_TRIANGLE:
      /* Larger than the circle: its inside must still hold a two-digit number. */
      cairo_move_to (cr, x, y - radius * 1.45);
      cairo_line_to (cr, x + radius * 1.5, y + radius * 1.0);
      cairo_line_to (cr, x - radius * 1.5, y + radius * 1.0);
      cairo_close_path (cr);
      break;

    case DORSUM_SYMBOL_DIAMOND:
      cairo_move_to (cr, x, y - radius * 1.3);
      cairo_line_to (cr, x + radius * 1.3, y);
      cairo_line_to (cr, x, y + radius * 1.3);
      cairo_line_to (cr, x - radius * 1.3, y);
      cairo_close_path (cr);
      break;

    case DORSUM_SYMBOL_STAR:
      for (int i = 0; i < 10; i++)
        {
          double angle = -G_PI / 2 + i * G_PI / 5;
          double r = i % 2 ? radius * 0.8 : radius * 1.45;

          if (i == 0)
            cairo_move_to (cr, x + r * cos (angle), y + r * sin (angle));
          else
            cairo_line_to (cr, x + r * cos (angle), y + r * sin (angle));
        }
      cairo_close_path (cr);
      break;

    case DORSUM_SYMBOL_SQUARE:
      cairo_rectangle (cr, x - radius * 0.95, y - radius * 0.95, radius * 1.9, radius * 1.9);
      break;
    }
}

/**
 * dorsum_draw_numbered_marks:
 * @cr: a context whose user space is diagram units
 * @figure: draw only the marks on this figure
 * @scale: device units per diagram unit
 * @badge_radius: the size of each mark's number badge in device units
 *
 * The printed marks: each a disc tinted by intensity, with its number (its position in the
 * chart, counted from 1) inside the shape of its quality, black on white.
 */
void
dorsum_draw_numbered_marks (cairo_t     *cr,
                            DorsumChart *chart,
                            const char  *figure,
                            double       scale,
                            double       badge_radius)
{
  double px = 1 / MAX (scale, 0.05);
  double badge = badge_radius * px;
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
  guint n = dorsum_chart_get_n_marks (chart);

  g_return_if_fail (DORSUM_IS_CHART (chart));

  cairo_save (cr);

  for (guint i = 0; i < n; i++)
    {
      const DorsumMark *m = dorsum_chart_get_mark (chart, i);
      double r, g, b;

      if (g_strcmp0 (dorsum_mark_get_figure (m), figure) != 0)
        continue;

      dorsum_mark_color (m->intensity, &r, &g, &b);
      /* Never smaller than a ring around the badge, so the colour shows. */
      cairo_new_path (cr);
      cairo_arc (cr, m->x, m->y, MAX (m->radius, badge * 1.9), 0, 2 * G_PI);
      cairo_set_source_rgba (cr, r, g, b, 0.6);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, r * 0.55, g * 0.55, b * 0.55);
      cairo_set_line_width (cr, 1.2 * px);
      cairo_stroke (cr);
    }

  /* The badges over every disc, so that no disc hides another mark's number. */
  pango_font_description_set_absolute_size (font, badge * 1.05 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  for (guint i = 0; i < n; i++)
    {
      const DorsumMark *m = dorsum_chart_get_mark (chart, i);
      DorsumSymbol symbol = dorsum_quality_get_symbol (m->quality);
      char number[16];
      PangoRectangle ink;
      double dy = symbol == DORSUM_SYMBOL_TRIANGLE ? badge * 0.2 : 0;

      if (g_strcmp0 (dorsum_mark_get_figure (m), figure) != 0)
        continue;

      cairo_new_path (cr);
      dorsum_append_symbol_path (cr, symbol, m->x, m->y, badge);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.9 * px);
      cairo_stroke (cr);

      g_snprintf (number, sizeof number, "%u", i + 1);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_pixel_extents (layout, &ink, NULL);
      cairo_move_to (cr, m->x - ink.x - ink.width / 2.0, m->y + dy - ink.y - ink.height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* The legend under the figure: the colour scale and the quality letters. */
static double
draw_legend (cairo_t *cr,
             double   x,
             double   y,
             double   width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 7.5");
  GString *qualities = g_string_new (NULL);
  double bar = MIN (width, 180);
  int h;

  pango_layout_set_font_description (layout, font);

  for (int i = 0; i <= 10; i++)
    {
      double r, g, b;

      dorsum_mark_color (i, &r, &g, &b);
      cairo_rectangle (cr, x + i * bar / 11, y, bar / 11 + 0.5, 8);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  pango_layout_set_text (layout, _("Intensity 0 (none) to 10 (worst)"), -1);
  cairo_move_to (cr, x, y + 10);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &h);

  for (guint q = 0; q < DORSUM_N_QUALITIES; q++)
    g_string_append_printf (qualities, "%s%s = %s", q ? "   " : "", dorsum_quality_get_letter (q), dorsum_quality_get_title (q));
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_text (layout, qualities->str, -1);
  cairo_move_to (cr, x, y + 12 + h);
  pango_cairo_show_layout (cr, layout);
  y += 14 + h;
  pango_layout_get_pixel_size (layout, NULL, &h);

  g_string_free (qualities, TRUE);
  pango_font_description_free (font);
  g_object_unref (layout);

  return y + h;
}

/* The superficial layer of @figure with the chart's marks on it, fitted into the box;
 * returns the height used. */
static double
draw_figure (cairo_t     *cr,
             DorsumChart *chart,
             const char  *figure,
             double       x,
             double       y,
             double       max_width,
             double       max_height)
{
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_figure (figure, "superficial", NULL);
  double scale = MIN (max_width / 800.0, max_height / 1200.0);

  if (diagram == NULL)
    return 0;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  dorsum_diagram_render (diagram, cr, 800 * scale, 1200 * scale, DORSUM_RENDER_DEFAULT, NULL);
  cairo_scale (cr, scale, scale);
  /* The client's sides beside the head, as the app shows them (dorsum-sides-overlay.c): seen
   * from behind, the client's left is on the left; from the front, on the right. */
  {
    gboolean facing = !g_str_equal (figure, DORSUM_CHART_DEFAULT_FIGURE);
    const char *letters[2] = { facing ? "R" : "L", facing ? "L" : "R" };
    const double centres[2] = { 150, 650 };

    cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size (cr, 40);
    cairo_set_source_rgb (cr, 0x5e / 255.0, 0x4a / 255.0, 0x40 / 255.0);
    for (guint i = 0; i < 2; i++)
      {
        cairo_text_extents_t extents;

        cairo_text_extents (cr, letters[i], &extents);
        cairo_move_to (cr, centres[i] - extents.x_advance / 2, 110 + extents.height / 2);
        cairo_show_text (cr, letters[i]);
      }
  }
  dorsum_draw_marks_on_figure (cr, chart, figure, scale, -1);
  cairo_restore (cr);

  return 1200 * scale;
}

/* Whether any mark of @chart is on the front. */
static gboolean
has_front_marks (DorsumChart *chart)
{
  for (guint i = 0; i < dorsum_chart_get_n_marks (chart); i++)
    if (!g_str_equal (dorsum_mark_get_figure (dorsum_chart_get_mark (chart, i)), DORSUM_CHART_DEFAULT_FIGURE))
      return TRUE;

  return FALSE;
}

/**
 * dorsum_chart_export:
 * @path: ends in .png, .svg or .pdf
 * @width: the figure's width in pixels (PNG) or points (SVG, PDF); ignored for a handout
 * @handout: write the client handout (PDF only, with the default options of
 *   dorsum_handout_new()) instead of the chart
 */
gboolean
dorsum_chart_export (DorsumChart    *chart,
                     DorsumLibrary  *library,
                     const char     *path,
                     int             width,
                     gboolean        handout,
                     GError        **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h, legend = 60;

  g_return_val_if_fail (DORSUM_IS_CHART (chart), FALSE);

  if (handout)
    {
      g_autoptr(DorsumHandout) sheet = dorsum_handout_new (library, chart);

      return dorsum_handout_write_pdf (sheet, path, error);
    }
  else
    {
      /* Front and back side by side, as on a paper chart, when marks are on both. */
      const char *figures[] = { "anterior", DORSUM_CHART_DEFAULT_FIGURE };
      guint first = has_front_marks (chart) ? 0 : 1;
      double figure_width = CLAMP (width, 100, 8000);

      w = figure_width * (G_N_ELEMENTS (figures) - first);
      h = figure_width * 1.5 + legend;

      if (g_str_has_suffix (path, ".png"))
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)w, (int)ceil (h));
      else if (g_str_has_suffix (path, ".svg"))
        surface = cairo_svg_surface_create (path, w, h);
      else if (g_str_has_suffix (path, ".pdf"))
        surface = cairo_pdf_surface_create (path, w, h);
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%s: the file name must end in .png, .svg or .pdf"), path);
          return FALSE;
        }

      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      for (guint f = first; f < G_N_ELEMENTS (figures); f++)
        draw_figure (cr, chart, figures[f], figure_width * (f - first), 0, figure_width, figure_width * 1.5);
      draw_legend (cr, 8, figure_width * 1.5 + 6, MIN (w, figure_width * 2) - 16);
    }

  cairo_destroy (cr);

  if (g_str_has_suffix (path, ".png"))
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: could not write the file: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
