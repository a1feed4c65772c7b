/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Marks are drawn as discs coloured by intensity (yellow for mild to red for severe) with a
 * letter for the quality, so the chart reads in grey print too. The handout lays out on A4
 * or Letter whatever size the page is: the figure and findings, then the self-care sheet. */

#define G_LOG_DOMAIN "dorsum-chart-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "dorsum-chart-render.h"
#include "dorsum-lookup.h"
#include "dorsum-plan.h"

#define MARGIN 42.0

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
 * dorsum_draw_marks:
 * @cr: a context whose user space is diagram units
 * @scale: device units per diagram unit, to keep outlines and letters readable
 * @selected: the mark to outline as selected, or -1
 */
void
dorsum_draw_marks (cairo_t     *cr,
                   DorsumChart *chart,
                   double       scale,
                   int          selected)
{
  double px = 1 / MAX (scale, 0.05);

  cairo_save (cr);

  for (guint i = 0; i < dorsum_chart_get_n_marks (chart); i++)
    {
      const DorsumMark *m = dorsum_chart_get_mark (chart, i);
      double r, g, b;

      dorsum_mark_color (m->intensity, &r, &g, &b);

      cairo_new_path (cr);
      cairo_arc (cr, m->x, m->y, m->radius, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, r, g, b, 0.55);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, r * 0.6, g * 0.6, b * 0.6, 1);
      cairo_set_line_width (cr, ((int)i == selected ? 3.5 : 2) * px);
      if ((int)i == selected)
        {
          double dash[] = { 6 * px, 3 * px };

          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

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

/* The superficial layer with the marks, fitted into the box; returns the height used. */
static double
draw_figure (cairo_t     *cr,
             DorsumChart *chart,
             double       x,
             double       y,
             double       max_width,
             double       max_height)
{
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_layer (DORSUM_LAYER_SUPERFICIAL, NULL);
  double scale = MIN (max_width / 800.0, max_height / 1200.0);

  if (diagram == NULL)
    return 0;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  dorsum_diagram_render (diagram, cr, 800 * scale, 1200 * scale, DORSUM_RENDER_DEFAULT, NULL);
  cairo_scale (cr, scale, scale);
  dorsum_draw_marks (cr, chart, scale, -1);
  cairo_restore (cr);

  return 1200 * scale;
}

struct _DorsumHandout
{
  GObject        parent_instance;

  DorsumLibrary *library;
  DorsumChart   *chart;
  GPtrArray     *muscles;     /* DorsumEntry*, the likely ones */
  GPtrArray     *exercises;   /* DorsumEntry*, stretches and self-massage */
  GPtrArray     *cautions;    /* DorsumEntry*, contraindications of those */
};

G_DEFINE_FINAL_TYPE (DorsumHandout, dorsum_handout, G_TYPE_OBJECT)

static void
dorsum_handout_finalize (GObject *object)
{
  DorsumHandout *self = (DorsumHandout *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->muscles, g_ptr_array_unref);
  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  g_clear_pointer (&self->cautions, g_ptr_array_unref);

  G_OBJECT_CLASS (dorsum_handout_parent_class)->finalize (object);
}

static void
dorsum_handout_class_init (DorsumHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dorsum_handout_finalize;
}

static void
dorsum_handout_init (DorsumHandout *self)
{
  self->muscles = g_ptr_array_new ();
  self->exercises = g_ptr_array_new ();
  self->cautions = g_ptr_array_new ();
}

static void
add_unique (GPtrArray *array,
            gpointer   item)
{
  if (item != NULL && !g_ptr_array_find (array, item, NULL))
    g_ptr_array_add (array, item);
}

/**
 * dorsum_handout_new:
 *
 * Gathers what the sheet shows: the likely muscles (the plan's, or the lookup's while it
 * names none), the stretches and self-massage the therapist chose in the plan, in its order
 * (none chosen: the chart alone), and the cautions that go with them.
 */
DorsumHandout *
dorsum_handout_new (DorsumLibrary *library,
                    DorsumChart   *chart)
{
  DorsumHandout *self = g_object_new (DORSUM_TYPE_HANDOUT, NULL);
  g_autoptr(GPtrArray) muscles = dorsum_plan_get_muscles (library, chart);
  g_autoptr(GPtrArray) items = dorsum_plan_get_items (library, chart);

  self->library = g_object_ref (library);
  self->chart = g_object_ref (chart);

  g_ptr_array_extend (self->muscles, muscles, NULL, NULL);
  g_ptr_array_extend (self->exercises, items, NULL, NULL);

  for (guint i = 0; i < self->exercises->len; i++)
    {
      DorsumEntry *exercise = g_ptr_array_index (self->exercises, i);

      for (guint j = 0; j < dorsum_entry_get_n_links (exercise); j++)
        {
          const DorsumLink *link = dorsum_entry_get_link (exercise, j);

          if (link->kind == DORSUM_KIND_CONTRAINDICATION)
            add_unique (self->cautions, dorsum_library_lookup (library, link->id));
        }
    }

  return self;
}

guint
dorsum_handout_get_n_pages (DorsumHandout *self)
{
  g_return_val_if_fail (DORSUM_IS_HANDOUT (self), 0);

  return 2;
}

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       x;
  double       y;
  double       width;
  double       bottom;
} Flow;

static double
flow_measure (Flow       *flow,
              const char *text,
              const char *font)
{
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int h;

  pango_layout_set_font_description (flow->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (flow->layout, (int)(flow->width * PANGO_SCALE));
  pango_layout_set_wrap (flow->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (flow->layout, text, -1);
  pango_layout_get_pixel_size (flow->layout, NULL, &h);

  return h;
}

/* Lays out one block of text at the flow's position; returns FALSE when the page is full. */
static gboolean
flow_text (Flow       *flow,
           const char *text,
           const char *font,
           double      r,
           double      g,
           double      b,
           double      space_after)
{
  double h = flow_measure (flow, text, font);

  if (flow->y + h > flow->bottom)
    return FALSE;

  cairo_set_source_rgb (flow->cr, r, g, b);
  cairo_move_to (flow->cr, flow->x, flow->y);
  pango_cairo_show_layout (flow->cr, flow->layout);
  flow->y += h + space_after;

  return TRUE;
}

static void
draw_header (Flow        *flow,
             DorsumChart *chart,
             const char  *title)
{
  const char *initials = dorsum_chart_get_initials (chart);
  const char *date = dorsum_chart_get_date (chart);
  g_autofree char *who = NULL;

  flow_text (flow, title, "Sans Bold 17", 0.55, 0.16, 0.15, 2);
  if (initials || date)
    {
      /* Translators: client initials and the date on the handout */
      who = g_strdup_printf (_("For %s · %s"), initials ? initials : "—", date ? date : "");
      flow_text (flow, who, "Sans 9", 0.35, 0.35, 0.35, 0);
    }

  cairo_set_source_rgb (flow->cr, 0.85, 0.55, 0.5);
  cairo_rectangle (flow->cr, flow->x, flow->y + 6, flow->width, 1.2);
  cairo_fill (flow->cr);
  flow->y += 16;
}

static void
draw_disclaimer (Flow          *flow,
                 DorsumLibrary *library)
{
  DorsumEntry *disclaimer = dorsum_library_lookup (library, "disclaimer");
  const char *text = disclaimer ? dorsum_entry_get_summary (disclaimer)
                                : _("This sheet is for education and self-care. It is not medical advice.");
  g_autofree char *full = g_strdup_printf (_("%s See a doctor at once for numbness in the saddle area, loss of "
                                             "bladder or bowel control, or weakness that gets worse in a leg."), text);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans Italic 7.5");
  int h;

  pango_layout_set_font_description (flow->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (flow->layout, (int)(flow->width * PANGO_SCALE));
  pango_layout_set_text (flow->layout, full, -1);
  pango_layout_get_pixel_size (flow->layout, NULL, &h);
  cairo_set_source_rgb (flow->cr, 0.35, 0.35, 0.35);
  cairo_move_to (flow->cr, flow->x, flow->bottom + 12);
  pango_cairo_show_layout (flow->cr, flow->layout);
}

/* Cautions that go with the chosen self-care, whole or not at all. */
static void
draw_cautions (DorsumHandout *self,
               Flow          *flow)
{
  if (self->cautions->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      const char *title = _("Check with your therapist or doctor first if any of these apply");

      for (guint i = 0; i < self->cautions->len; i++)
        {
          DorsumEntry *caution = g_ptr_array_index (self->cautions, i);
          const char *severity = dorsum_entry_get_attribute (caution, "severity");
          const char *what = g_strcmp0 (severity, "red-flag") == 0 ? _("see a doctor first")
                           : g_strcmp0 (severity, "absolute") == 0 ? _("do not do these")
                           : g_strcmp0 (severity, "local") == 0 ? _("keep away from the area")
                           : _("ask your doctor first");

          /* Translators: a caution on the handout, e.g. "•  Pregnancy — ask your doctor first" */
          g_string_append_printf (text, _("%s•  %s — %s"), i ? "\n" : "", dorsum_entry_get_name (caution), what);
        }

      /* Whole or not at all: half a list of cautions would mislead. */
      if (flow->y + flow_measure (flow, title, "Sans Bold 9.5") + 3 + flow_measure (flow, text->str, "Sans 7.5") <= flow->bottom)
        {
          flow_text (flow, title, "Sans Bold 9.5", 0.15, 0.15, 0.15, 3);
          flow_text (flow, text->str, "Sans 7.5", 0.2, 0.2, 0.2, 6);
        }
    }
}

static void
draw_page_one (DorsumHandout *self,
               Flow          *flow)
{
  double figure_width = flow->width * 0.46;
  double text_x = flow->x + figure_width + 18;
  double figure_top, used, legend_bottom, left = flow->x;
  const char *notes = dorsum_chart_get_notes (self->chart);

  draw_header (flow, self->chart, _("Your Back: Where It Hurts and Why"));
  figure_top = flow->y;

  used = draw_figure (flow->cr, self->chart, flow->x, figure_top, figure_width, flow->bottom - figure_top - 70);
  legend_bottom = draw_legend (flow->cr, flow->x, figure_top + used + 8, figure_width);

  /* The right column: what the marks point to, in plain words. */
  flow->x = text_x;
  flow->width = flow->width - figure_width - 18;
  flow->y = figure_top;

  flow_text (flow, _("Muscles that can send pain to these places"), "Sans Bold 11", 0.15, 0.15, 0.15, 6);
  if (self->muscles->len == 0)
    flow_text (flow, _("No muscle's typical pain pattern matches the marked areas."), "Sans 9", 0.2, 0.2, 0.2, 8);

  for (guint i = 0; i < self->muscles->len; i++)
    {
      DorsumEntry *muscle = g_ptr_array_index (self->muscles, i);
      const DorsumTriggerPoint *tp = dorsum_entry_get_n_trigger_points (muscle) ?
                                     dorsum_entry_get_trigger_point (muscle, 0) : NULL;

      if (!flow_text (flow, dorsum_entry_get_name (muscle), "Sans Bold 9.5", 0.55, 0.16, 0.15, 1))
        break;
      flow_text (flow, dorsum_entry_get_summary (muscle), "Sans 8.5", 0.2, 0.2, 0.2, 2);
      if (tp != NULL)
        {
          g_autofree char *referral = g_strdup_printf (_("Typical pain: %s"), tp->referral);

          flow_text (flow, referral, "Sans Italic 8", 0.35, 0.35, 0.35, 8);
        }
    }

  if (notes != NULL)
    {
      flow->y += 4;
      flow_text (flow, _("Notes"), "Sans Bold 11", 0.15, 0.15, 0.15, 4);
      flow_text (flow, notes, "Sans 9", 0.2, 0.2, 0.2, 8);
    }

  /* The cautions under the figure, where the left column has room. */
  flow->x = left;
  flow->width = figure_width;
  flow->y = legend_bottom + 16;
  draw_cautions (self, flow);
}

static void
draw_page_two (DorsumHandout *self,
               Flow          *flow)
{
  draw_header (flow, self->chart, _("Your Stretches and Self-Massage"));

  if (self->exercises->len == 0)
    flow_text (flow, _("Your therapist will show you what to do between sessions."), "Sans 10", 0.2, 0.2, 0.2, 8);

  for (guint i = 0; i < self->exercises->len; i++)
    {
      DorsumEntry *exercise = g_ptr_array_index (self->exercises, i);
      const char * const *steps = dorsum_entry_lookup_field (exercise, "steps");
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *dose = g_strdup_printf (_("Hold: %s  ·  Repeat: %s  ·  How often: %s"),
                                               dorsum_entry_lookup_value (exercise, "hold"),
                                               dorsum_entry_lookup_value (exercise, "repetitions"),
                                               dorsum_entry_lookup_value (exercise, "frequency"));
      g_autofree char *stop = g_strdup_printf (_("Stop if: %s"), dorsum_entry_lookup_value (exercise, "stop-if"));

      for (guint s = 0; steps && steps[s]; s++)
        g_string_append_printf (text, _("%u.  %s\n"), s + 1, steps[s]);
      if (text->len > 0)
        g_string_truncate (text, text->len - 1);

      if (!flow_text (flow, dorsum_entry_get_name (exercise), "Sans Bold 11", 0.55, 0.16, 0.15, 2))
        break;
      flow_text (flow, dorsum_entry_lookup_value (exercise, "position"), "Sans Italic 8.5", 0.3, 0.3, 0.3, 3);
      if (!flow_text (flow, text->str, "Sans 8.5", 0.15, 0.15, 0.15, 3))
        break;
      flow_text (flow, dose, "Sans 8", 0.3, 0.3, 0.3, 1);
      flow_text (flow, stop, "Sans Bold 8", 0.6, 0.1, 0.1, 12);
    }

}

/**
 * dorsum_handout_draw_page:
 * @width: the page width in points (595 for A4, 612 for Letter)
 */
void
dorsum_handout_draw_page (DorsumHandout *self,
                          cairo_t       *cr,
                          guint          page,
                          double         width,
                          double         height)
{
  Flow flow = { cr, pango_cairo_create_layout (cr), MARGIN, MARGIN, width - 2 * MARGIN, height - MARGIN - 40 };

  g_return_if_fail (DORSUM_IS_HANDOUT (self));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (page == 0)
    draw_page_one (self, &flow);
  else
    draw_page_two (self, &flow);

  flow.x = MARGIN;
  flow.width = width - 2 * MARGIN;
  draw_disclaimer (&flow, self->library);

  cairo_restore (cr);
  g_object_unref (flow.layout);
}

/**
 * dorsum_chart_export:
 * @path: ends in .png, .svg or .pdf
 * @width: the figure's width in pixels (PNG) or points (SVG, PDF); ignored for a handout
 * @handout: write the two-page A4 client handout (PDF only) instead of the chart
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
      g_autoptr(DorsumHandout) sheet = NULL;

      if (!g_str_has_suffix (path, ".pdf"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("a handout is written as a .pdf file"));
          return FALSE;
        }

      sheet = dorsum_handout_new (library, chart);
      surface = cairo_pdf_surface_create (path, 595.28, 841.89);
      cr = cairo_create (surface);
      for (guint page = 0; page < dorsum_handout_get_n_pages (sheet); page++)
        {
          dorsum_handout_draw_page (sheet, cr, page, 595.28, 841.89);
          cairo_show_page (cr);
        }
    }
  else
    {
      w = CLAMP (width, 100, 8000);
      h = w * 1.5 + legend;

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
      draw_figure (cr, chart, 0, 0, w, w * 1.5);
      draw_legend (cr, 8, w * 1.5 + 6, w - 16);
    }

  cairo_destroy (cr);

  if (g_str_has_suffix (path, ".png") && !handout)
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
