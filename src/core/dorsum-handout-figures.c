/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The handout's chart: the figures with their numbered marks, the client's left and right,
 * the key to the shapes and colours, and the name of the place under each mark. */

#define G_LOG_DOMAIN "dorsum-handout"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-chart-render.h"
#include "dorsum-figure.h"
#include "dorsum-handout-private.h"

#define BADGE_RADIUS    6.5
#define FIGURE_GAP      24.0
#define FIGURE_LABEL    16.0

typedef struct
{
  char          *id;
  char          *title;
  DorsumView     view;
  DorsumFigure  *figure;
  DorsumDiagram *diagram;   /* nullable: the outermost layer, drawn */
  DorsumDiagram *deeper[2]; /* nullable: the next two, loaded when a mark is on no muscle of it */
} Figure;

struct _HandoutFigures
{
  DorsumChart *chart;
  GPtrArray   *figures;   /* Figure* */
};

static void
figure_free (Figure *figure)
{
  g_free (figure->id);
  g_free (figure->title);
  g_clear_object (&figure->diagram);
  g_clear_object (&figure->deeper[0]);
  g_clear_object (&figure->deeper[1]);
  g_free (figure);
}

static Figure *
find_figure (HandoutFigures *self,
             const char     *id)
{
  for (guint i = 0; i < self->figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);

      if (g_str_equal (figure->id, id))
        return figure;
    }

  return NULL;
}

/* Each figure with a mark, in the manifest's order (the back first); the back alone for a
 * chart with no marks. */
HandoutFigures *
handout_figures_new (DorsumChart *chart)
{
  HandoutFigures *self = g_new0 (HandoutFigures, 1);
  GListModel *known = dorsum_figures_get_default (NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  self->chart = g_object_ref (chart);
  self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify)figure_free);

  for (guint i = 0; i < dorsum_chart_get_n_marks (chart); i++)
    g_hash_table_add (used, (gpointer)dorsum_mark_get_figure (dorsum_chart_get_mark (chart, i)));
  if (g_hash_table_size (used) == 0)
    g_hash_table_add (used, (gpointer)DORSUM_FIGURE_POSTERIOR);

  for (guint i = 0; known && i < g_list_model_get_n_items (known); i++)
    {
      g_autoptr(DorsumFigure) candidate = g_list_model_get_item (known, i);
      Figure *figure;

      if (!g_hash_table_contains (used, dorsum_figure_get_id (candidate)))
        continue;

      figure = g_new0 (Figure, 1);
      figure->id = g_strdup (dorsum_figure_get_id (candidate));
      figure->title = g_strdup (dorsum_figure_get_title (candidate));
      figure->view = dorsum_figure_get_view (candidate);
      figure->figure = candidate;  /* the default list keeps it */
      if (dorsum_figure_get_n_layers (candidate) > 0)
        figure->diagram = dorsum_figure_load_layer (candidate, dorsum_figure_get_layer_id (candidate, 0), NULL);
      g_ptr_array_add (self->figures, figure);
    }

  return self;
}

void
handout_figures_free (HandoutFigures *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->figures);
  g_object_unref (self->chart);
  g_free (self);
}

guint
handout_figures_get_n (HandoutFigures *self)
{
  return self->figures->len;
}

const char *
handout_figures_get_title (HandoutFigures *self,
                           const char     *figure_id)
{
  Figure *figure = find_figure (self, figure_id);

  return figure ? figure->title : figure_id;
}

/* "Upper trapezius (right)": the muscle under the mark and its side, as the app names it;
 * a deeper layer names it where the skin-deep one has a gap. */
char *
handout_figures_describe_area (HandoutFigures   *figures,
                               DorsumLibrary    *library,
                               const DorsumMark *mark)
{
  Figure *figure = find_figure (figures, dorsum_mark_get_figure (mark));
  const DorsumRegion *region = figure && figure->diagram ? dorsum_diagram_hit (figure->diagram, mark->x, mark->y) : NULL;
  gboolean left;

  /* Where the skin-deep layer shows a gap (the side of the neck), a deeper muscle names it. */
  for (guint i = 0; figure && region == NULL && i < G_N_ELEMENTS (figure->deeper); i++)
    {
      if (figure->deeper[i] == NULL && i + 1 < dorsum_figure_get_n_layers (figure->figure))
        figure->deeper[i] = dorsum_figure_load_layer (figure->figure, dorsum_figure_get_layer_id (figure->figure, i + 1), NULL);
      if (figure->deeper[i] != NULL)
        region = dorsum_diagram_hit (figure->deeper[i], mark->x, mark->y);
    }

  if (region != NULL)
    {
      DorsumEntry *entry = dorsum_library_lookup (library, region->muscle);

      /* Translators: where a pain mark is on the handout: the muscle under it, then the side */
      return g_strdup_printf (region->side == DORSUM_SIDE_LEFT ? _("%s (left)") : _("%s (right)"),
                              entry ? dorsum_entry_get_name (entry) : region->muscle);
    }

  /* Off the muscles drawn: the side still tells the client which one it is. */
  left = (mark->x < 400) == (figure == NULL || figure->view != DORSUM_VIEW_ANTERIOR);
  return g_strdup (left ? _("Left side") : _("Right side"));
}

void
handout_draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width,
           PangoAlignment alignment,
           gboolean    one_line)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  if (one_line)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_markup (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (desc);
  g_object_unref (layout);
}

/* Figures side by side, each as large as the box allows, with room for its title. */
static double
figure_scale (guint  n,
              double width,
              double height)
{
  double slot = (width - FIGURE_GAP * (n - 1)) / MAX (n, 1);

  return MIN (slot / 800.0, (height - FIGURE_LABEL) / 1200.0);
}

/* Page 1's picture: each figure with its marks, the client's left and right marked. */
void
handout_figures_draw (cairo_t  *cr,
                      double    x,
                      double    y,
                      double    width,
                      double    height,
                      gpointer  data)
{
  HandoutFigures *self = data;
  guint n = self->figures->len;
  double scale = figure_scale (n, width, height);
  double fig_w = 800 * scale, fig_h = 1200 * scale;
  double start = x + (width - (n * fig_w + FIGURE_GAP * (n - 1))) / 2;

  for (guint i = 0; i < n; i++)
    {
      Figure *figure = g_ptr_array_index (self->figures, i);
      double fx = start + i * (fig_w + FIGURE_GAP);
      gboolean mirrored = figure->view == DORSUM_VIEW_ANTERIOR;
      g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", figure->title);

      cairo_save (cr);
      cairo_translate (cr, fx, y);
      if (figure->diagram != NULL)
        dorsum_diagram_render (figure->diagram, cr, fig_w, fig_h, DORSUM_RENDER_DEFAULT, NULL);
      cairo_scale (cr, scale, scale);
      dorsum_draw_numbered_marks (cr, self->chart, figure->id, scale, BADGE_RADIUS);
      cairo_restore (cr);

      /* Seen from behind, the client's left is on the left of the picture; from the front,
       * on the right. */
      cairo_set_source_rgb (cr, 0, 0, 0);
      handout_draw_text (cr, mirrored ? _("R") : _("L"), "Sans Bold 16", fx + fig_w * 0.2 - 10, y + fig_h * 0.04, 20, PANGO_ALIGN_CENTER, FALSE);
      handout_draw_text (cr, mirrored ? _("L") : _("R"), "Sans Bold 16", fx + fig_w * 0.8 - 10, y + fig_h * 0.04, 20, PANGO_ALIGN_CENTER, FALSE);
      handout_draw_text (cr, title, "Sans 10", fx, y + fig_h + 2, fig_w, PANGO_ALIGN_CENTER, FALSE);
    }
}

/* The key to the picture, in the client's words. */
void
handout_draw_legend (cairo_t  *cr,
                     double    x,
                     double    y,
                     double    width,
                     double    height,
                     gpointer  data)
{
  double column = width / DORSUM_N_QUALITIES;
  double bar = MIN (width * 0.4, 200), bar_y = y + 38;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  handout_draw_text (cr, _("<b>How to read your chart.</b> Each shape shows what the pain feels like:"),
             "Sans 9", x, y, width, PANGO_ALIGN_LEFT, FALSE);

  for (guint q = 0; q < DORSUM_N_QUALITIES; q++)
    {
      double sx = x + q * column + BADGE_RADIUS + 1, sy = y + 24;

      cairo_new_path (cr);
      dorsum_append_symbol_path (cr, dorsum_quality_get_symbol (q), sx, sy, BADGE_RADIUS);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.9);
      cairo_stroke (cr);
      handout_draw_text (cr, dorsum_quality_get_title (q), "Sans 8.5", sx + BADGE_RADIUS + 5, sy - 6,
                 column - 2 * BADGE_RADIUS - 6, PANGO_ALIGN_LEFT, FALSE);
    }

  for (int i = 0; i <= 10; i++)
    {
      double r, g, b;

      dorsum_mark_color (i, &r, &g, &b);
      cairo_rectangle (cr, x + i * bar / 11, bar_y, bar / 11 + 0.3, 10);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill (cr);
    }
  cairo_rectangle (cr, x, bar_y, bar, 10);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  handout_draw_text (cr, "0", "Sans 8", x - 2, bar_y + 11, 12, PANGO_ALIGN_LEFT, FALSE);
  handout_draw_text (cr, "10", "Sans 8", x + bar - 12, bar_y + 11, 14, PANGO_ALIGN_RIGHT, FALSE);
  handout_draw_text (cr, _("The colour shows how strong the pain is: from 0 (light, mild) to 10 (dark, the worst)."),
             "Sans 8.5", x + bar + 10, bar_y - 2, width - bar - 10, PANGO_ALIGN_LEFT, FALSE);
  handout_draw_text (cr, _("The numbers match the list below. L is your left side, R your right side."),
             "Sans 9", x, bar_y + 24, width, PANGO_ALIGN_LEFT, FALSE);
}

double
handout_figures_get_height (HandoutFigures *self,
                            double          width,
                            double          max_height)
{
  return 1200 * figure_scale (self->figures->len, width, max_height) + FIGURE_LABEL;
}
