/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compares two charts of one client: each mark is placed in the muscle region under it on its
 * figure (the same hit-test as `dorsum-cli hit`), and the areas are matched by figure, muscle and side. */

#define G_LOG_DOMAIN "dorsum-chart-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "dorsum-chart-compare.h"
#include "dorsum-figure.h"

static void
clear_change (gpointer data)
{
  DorsumAreaChange *change = data;

  g_clear_pointer (&change->muscle, g_free);
}

/* The figure's layers from the skin in, loaded once per figure for one comparison. */
static GPtrArray *
diagrams_for (GHashTable *cache,
              const char *figure_id)
{
  GPtrArray *diagrams = g_hash_table_lookup (cache, figure_id);
  DorsumFigure *figure;

  if (diagrams != NULL)
    return diagrams;

  diagrams = g_ptr_array_new_with_free_func (g_object_unref);
  if ((figure = dorsum_figure_lookup (figure_id, NULL)) != NULL)
    for (guint i = 0; i < dorsum_figure_get_n_layers (figure); i++)
      {
        DorsumDiagram *diagram = dorsum_figure_load_layer (figure, dorsum_figure_get_layer_id (figure, i), NULL);

        if (diagram != NULL)
          g_ptr_array_add (diagrams, diagram);
      }
  g_hash_table_insert (cache, (gpointer)figure_id, diagrams);

  return diagrams;
}

/* Where @mark is: the muscle under its centre on the outermost layer that has one, else
 * "outside the muscles drawn" on the side of the figure it is on. */
static void
locate (GHashTable       *cache,
        const DorsumMark *mark,
        const char      **figure,
        const char      **muscle,
        DorsumSide       *side)
{
  GPtrArray *diagrams;
  DorsumFigure *info;

  *figure = g_intern_string (dorsum_mark_get_figure (mark));
  diagrams = diagrams_for (cache, *figure);
  for (guint i = 0; i < diagrams->len; i++)
    {
      const DorsumRegion *region = dorsum_diagram_hit (diagrams->pdata[i], mark->x, mark->y);

      if (region != NULL)
        {
          *muscle = region->muscle;
          *side = region->side;
          return;
        }
    }

  /* Seen from behind, the figure's left is on the picture's left; from the front, on its right. */
  info = dorsum_figure_lookup (*figure, NULL);
  *muscle = NULL;
  if (info != NULL && dorsum_figure_get_view (info) == DORSUM_VIEW_ANTERIOR)
    *side = mark->x < 400 ? DORSUM_SIDE_RIGHT : DORSUM_SIDE_LEFT;
  else
    *side = mark->x < 400 ? DORSUM_SIDE_LEFT : DORSUM_SIDE_RIGHT;
}

static DorsumAreaChange *
find_change (GArray     *changes,
             const char *figure,
             const char *muscle,
             DorsumSide  side)
{
  for (guint i = 0; i < changes->len; i++)
    {
      DorsumAreaChange *c = &g_array_index (changes, DorsumAreaChange, i);

      if (c->figure == figure && c->side == side && g_strcmp0 (c->muscle, muscle) == 0)
        return c;
    }

  return NULL;
}

static void
add_chart (GArray      *changes,
           GHashTable  *cache,
           DorsumChart *chart,
           gboolean     earlier)
{
  for (guint i = 0; i < dorsum_chart_get_n_marks (chart); i++)
    {
      const DorsumMark *mark = dorsum_chart_get_mark (chart, i);
      const char *figure, *muscle;
      DorsumSide side;
      DorsumAreaChange *change;
      int *value;

      locate (cache, mark, &figure, &muscle, &side);
      if (!(change = find_change (changes, figure, muscle, side)))
        {
          DorsumAreaChange fresh = { figure, g_strdup (muscle), side, -1, -1 };

          g_array_append_val (changes, fresh);
          change = &g_array_index (changes, DorsumAreaChange, changes->len - 1);
        }
      value = earlier ? &change->before : &change->now;
      *value = MAX (*value, mark->intensity);
    }
}

static int
change_rank (const DorsumAreaChange *c)
{
  if (c->before >= 0 && c->now >= 0)
    return 0;

  return c->now < 0 ? 1 : 2;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  return change_rank (a) - change_rank (b);
}

/**
 * dorsum_chart_compare:
 * @earlier: the chart of an earlier session
 * @now: today's chart
 *
 * Every area marked on either chart with its highest intensity on each: first the areas
 * marked on both, then those marked only before (gone), then those marked only now (new),
 * each group in the order the marks were made.
 *
 * Returns: (transfer full) (element-type DorsumAreaChange): the areas
 */
GArray *
dorsum_chart_compare (DorsumChart *earlier,
                      DorsumChart *now)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (DorsumAreaChange));
  g_autoptr(GHashTable) cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);

  g_array_set_clear_func (changes, clear_change);

  g_return_val_if_fail (DORSUM_IS_CHART (earlier), changes);
  g_return_val_if_fail (DORSUM_IS_CHART (now), changes);

  add_chart (changes, cache, earlier, TRUE);
  add_chart (changes, cache, now, FALSE);
  /* Stable, so each group keeps the order of the marks. */
  g_array_sort (changes, compare_changes);

  return changes;
}

/**
 * dorsum_area_change_get_title:
 * @library: (nullable): for the muscle's name
 *
 * Returns: (transfer full): "Left quadratus lumborum (back)", or "Right side, outside the
 *   muscles drawn (back)"
 */
char *
dorsum_area_change_get_title (const DorsumAreaChange *change,
                              DorsumLibrary          *library)
{
  DorsumFigure *figure = dorsum_figure_lookup (change->figure, NULL);
  g_autofree char *figure_title = g_utf8_strdown (figure ? dorsum_figure_get_title (figure) : change->figure, -1);
  DorsumEntry *entry = change->muscle && library ? dorsum_library_lookup (library, change->muscle) : NULL;
  const char *name = entry ? dorsum_entry_get_name (entry) : change->muscle;
  g_autofree char *lower = NULL;

  if (name == NULL)
    /* Translators: an area of a pain chart: the side, then the figure (back or front) */
    return g_strdup_printf (change->side == DORSUM_SIDE_LEFT ? _("Left side, outside the muscles drawn (%s)")
                                                             : _("Right side, outside the muscles drawn (%s)"),
                            figure_title);

  /* Muscle names start with a capital in the library; in "Left trapezius" they do not. */
  lower = g_strdup (name);
  if (g_unichar_isupper (g_utf8_get_char (lower)) && g_ascii_islower (lower[1]))
    lower[0] = g_ascii_tolower (lower[0]);

  /* Translators: an area of a pain chart: the side, the muscle, then the figure (back or front) */
  return g_strdup_printf (change->side == DORSUM_SIDE_LEFT ? _("Left %s (%s)") : _("Right %s (%s)"),
                          lower, figure_title);
}

/* Translators: how many areas of a pain chart, compared with an earlier one, are gone, eased
 * (less intense), the same, worse or new; joined with ", " after "Overall: better — " */
static char *
count_text (guint which,
            guint n)
{
  switch (which)
    {
    case 0:
      return g_strdup_printf (_("%u gone"), n);
    case 1:
      return g_strdup_printf (_("%u eased"), n);
    case 2:
      return g_strdup_printf (_("%u the same"), n);
    case 3:
      return g_strdup_printf (_("%u worse"), n);
    default:
      return g_strdup_printf (_("%u new"), n);
    }
}

/**
 * dorsum_chart_compare_describe:
 * @library: (nullable): for the muscles' names
 *
 * The comparison in words, for the panel and the handout: an overall line first, then one
 * line per area ("Left quadratus lumborum (back): 7 → 4", "…: gone (was 5)", "…: new, 6").
 *
 * Returns: (transfer full): the lines
 */
GStrv
dorsum_chart_compare_describe (DorsumChart   *earlier,
                               DorsumChart   *now,
                               DorsumLibrary *library)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_free);
  guint eased = 0, worse = 0, same = 0, gone = 0, added = 0;
  g_autofree char *counts = NULL;
  g_autofree char *overall = NULL;

  g_return_val_if_fail (DORSUM_IS_CHART (earlier), g_strv_builder_end (lines));
  g_return_val_if_fail (DORSUM_IS_CHART (now), g_strv_builder_end (lines));

  changes = dorsum_chart_compare (earlier, now);

  for (guint i = 0; i < changes->len; i++)
    {
      const DorsumAreaChange *c = &g_array_index (changes, DorsumAreaChange, i);
      g_autofree char *title = dorsum_area_change_get_title (c, library);

      if (c->before >= 0 && c->now >= 0)
        {
          if (c->now < c->before)
            eased++;
          else if (c->now > c->before)
            worse++;
          else
            same++;
          /* Translators: an area's pain intensity (0–10) at the earlier session → now */
          g_ptr_array_add (areas, g_strdup_printf (_("%s: %d → %d"), title, c->before, c->now));
        }
      else if (c->now < 0)
        {
          gone++;
          /* Translators: an area marked at the earlier session and not now, with its intensity then */
          g_ptr_array_add (areas, g_strdup_printf (_("%s: gone (was %d)"), title, c->before));
        }
      else
        {
          added++;
          /* Translators: an area marked now and not at the earlier session, with its intensity */
          g_ptr_array_add (areas, g_strdup_printf (_("%s: new, %d"), title, c->now));
        }
    }

  /* The counts that are not zero, in the order a client hopes to read them. */
  {
    guint values[] = { gone, eased, same, worse, added };
    GString *joined = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      if (values[i] > 0)
        {
          g_autofree char *part = count_text (i, values[i]);

          if (joined->len > 0)
            g_string_append (joined, ", ");
          g_string_append (joined, part);
        }
    counts = g_string_free (joined, FALSE);
  }
  if (changes->len == 0)
    overall = g_strdup (_("Overall: no marks on either chart"));
  else if (gone + eased > 0 && worse + added == 0)
    overall = g_strdup_printf (_("Overall: better — %s"), counts);
  else if (worse + added > 0 && gone + eased == 0)
    overall = g_strdup_printf (_("Overall: worse — %s"), counts);
  else if (gone + eased + worse + added == 0)
    overall = g_strdup_printf (_("Overall: unchanged — %s"), counts);
  else
    overall = g_strdup_printf (_("Overall: mixed — %s"), counts);
  g_strv_builder_add (lines, overall);

  for (guint i = 0; i < areas->len; i++)
    g_strv_builder_add (lines, areas->pdata[i]);

  return g_strv_builder_end (lines);
}

/* The earlier intensity in a small grey tag on the dashed outline, up and to the right,
 * where today's mark (its letter and number in the middle) leaves it readable. */
static void
draw_earlier_intensity (cairo_t          *cr,
                        const DorsumMark *m,
                        double            px)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
  g_autofree char *text = g_strdup_printf ("%d", m->intensity);
  double x = m->x + m->radius * G_SQRT2 / 2, y = m->y - m->radius * G_SQRT2 / 2;
  double pad = 2.5 * px;
  int w, h;

  pango_font_description_set_absolute_size (font, 10 * px * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  cairo_rectangle (cr, x - w / 2.0 - pad, y - h / 2.0 - pad / 2, w + 2 * pad, h + pad);
  cairo_set_source_rgba (cr, 0.3, 0.3, 0.35, 0.9);
  cairo_fill (cr);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  pango_font_description_free (font);
  g_object_unref (layout);
}

/**
 * dorsum_chart_compare_draw_earlier:
 * @cr: a context whose user space is diagram units
 * @scale: device units per diagram unit
 * @figure: (nullable): draw only the marks on this figure
 *
 * The earlier chart's marks, faded and outlined with dashes, each with its intensity then in
 * a small tag, to sit beside today's.
 */
void
dorsum_chart_compare_draw_earlier (cairo_t     *cr,
                                   DorsumChart *earlier,
                                   double       scale,
                                   const char  *figure)
{
  double px = 1 / MAX (scale, 0.05);
  double dash[] = { 5 * px, 4 * px };

  g_return_if_fail (DORSUM_IS_CHART (earlier));

  cairo_save (cr);
  cairo_set_line_width (cr, 2 * px);
  cairo_set_dash (cr, dash, 2, 0);
  for (guint i = 0; i < dorsum_chart_get_n_marks (earlier); i++)
    {
      const DorsumMark *m = dorsum_chart_get_mark (earlier, i);

      if (figure != NULL && g_strcmp0 (dorsum_mark_get_figure (m), figure) != 0)
        continue;

      cairo_new_path (cr);
      cairo_arc (cr, m->x, m->y, m->radius, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.45, 0.45, 0.5, 0.18);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.3, 0.3, 0.35, 0.85);
      cairo_stroke (cr);
      draw_earlier_intensity (cr, m, px);
    }
  cairo_restore (cr);
}
