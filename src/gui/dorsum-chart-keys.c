/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Chart editing from the keyboard, for the diagram view in chart mode (listed in the
 * shortcuts window): everything a pointer does to a mark, and how a mark is described
 * to a screen reader. Kept out of the view: it is about the chart, not the drawing. */

#define G_LOG_DOMAIN "dorsum-chart-keys"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-chart-keys.h"
#include "dorsum-figure.h"

#define STEP       5.0    /* diagram units an arrow moves a mark; Shift: BIG_STEP */
#define BIG_STEP  25.0
#define MIN_RADIUS 6.0
#define MAX_RADIUS 200.0
#define TEN_WINDOW (G_USEC_PER_SEC * 3 / 2)   /* "1" then "0" within this makes ten */

static gboolean
on_figure (DorsumChartKeys  *keys,
           const DorsumMark *mark)
{
  return keys->figure == NULL || g_str_equal (dorsum_mark_get_figure (mark), keys->figure);
}

static gboolean
has_selection (DorsumChartKeys *keys,
               DorsumChart     *chart)
{
  return keys->selected >= 0 && keys->selected < (int)dorsum_chart_get_n_marks (chart) &&
         on_figure (keys, dorsum_chart_get_mark (chart, (guint)keys->selected));
}

static void
update_selected (DorsumChartKeys *keys,
                 DorsumChart     *chart,
                 void           (*edit) (DorsumMark *mark, gpointer data),
                 gpointer         data)
{
  DorsumMark mark = *dorsum_chart_get_mark (chart, (guint)keys->selected);
  g_autofree char *note = g_strdup (mark.note);

  mark.note = note;
  edit (&mark, data);
  dorsum_chart_update_mark (chart, (guint)keys->selected, &mark);
}

static void
move_edit (DorsumMark *mark,
           gpointer    data)
{
  const double *delta = data;

  mark->x = CLAMP (mark->x + delta[0], 0, 800);
  mark->y = CLAMP (mark->y + delta[1], 0, 1200);
}

static void
radius_edit (DorsumMark *mark,
             gpointer    data)
{
  mark->radius = CLAMP (mark->radius + *(double *)data, MIN_RADIUS, MAX_RADIUS);
}

static void
intensity_edit (DorsumMark *mark,
                gpointer    data)
{
  mark->intensity = GPOINTER_TO_INT (data);
}

static void
quality_edit (DorsumMark *mark,
              gpointer    data)
{
  mark->quality = (mark->quality + DORSUM_N_QUALITIES + GPOINTER_TO_INT (data)) % DORSUM_N_QUALITIES;
}

/**
 * dorsum_chart_keys_handle:
 * @focus: (nullable): the muscle region the keyboard focus is on, where a new mark goes
 *
 * Insert or A adds a mark at the focused region's centre (or the figure's middle) and
 * selects it; N and P select the next and previous mark; with a mark selected the arrows
 * move it (Shift for big steps), [ and ] make it smaller and larger, 0–9 set its
 * intensity ("1" then "0" for ten), Q and Shift+Q step its quality, Escape lets it go.
 *
 * Returns: whether the key did something
 */
gboolean
dorsum_chart_keys_handle (DorsumChartKeys    *keys,
                          DorsumChart        *chart,
                          const DorsumRegion *focus,
                          guint               keyval,
                          GdkModifierType     state)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  guint n = dorsum_chart_get_n_marks (chart);
  double step = shift ? BIG_STEP : STEP;
  guint32 unicode = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));

  if (keyval == GDK_KEY_Insert || keyval == GDK_KEY_KP_Insert || unicode == 'a')
    {
      DorsumMark mark = { 400, 600, 18, 5, DORSUM_QUALITY_ACHING, NULL, keys->figure };
      guint added;

      if (focus != NULL)
        {
          mark.x = focus->centre.x;
          mark.y = focus->centre.y;
        }
      added = dorsum_chart_add_mark (chart, &mark);
      if (added == G_MAXUINT)
        return FALSE;
      keys->selected = (int)added;
      return TRUE;
    }

  if ((unicode == 'n' || unicode == 'p') && n > 0)
    {
      int forward = unicode == 'n' ? 1 : -1;
      int start = has_selection (keys, chart) ? keys->selected : (forward > 0 ? -1 : (int)n);

      /* The next mark on this figure, round the end. */
      for (guint k = 1; k <= n; k++)
        {
          int candidate = ((start + forward * (int)k) % (int)n + (int)n) % (int)n;

          if (on_figure (keys, dorsum_chart_get_mark (chart, (guint)candidate)))
            {
              keys->selected = candidate;
              return TRUE;
            }
        }
      return FALSE;
    }

  if (!has_selection (keys, chart))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      update_selected (keys, chart, move_edit, (double[]) { -step, 0 });
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      update_selected (keys, chart, move_edit, (double[]) { step, 0 });
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      update_selected (keys, chart, move_edit, (double[]) { 0, -step });
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      update_selected (keys, chart, move_edit, (double[]) { 0, step });
      return TRUE;

    case GDK_KEY_bracketleft:
    case GDK_KEY_bracketright:
    case GDK_KEY_braceleft:
    case GDK_KEY_braceright:
      {
        double delta = (keyval == GDK_KEY_bracketleft || keyval == GDK_KEY_braceleft ? -1 : 1) * (shift ? 12 : 4);

        update_selected (keys, chart, radius_edit, &delta);
        return TRUE;
      }

    case GDK_KEY_Escape:
      keys->selected = -1;
      return TRUE;

    default:
      break;
    }

  if (unicode == 'q')
    {
      update_selected (keys, chart, quality_edit, GINT_TO_POINTER (shift ? -1 : 1));
      return TRUE;
    }

  if (unicode >= '0' && unicode <= '9')
    {
      gint64 now = g_get_monotonic_time ();
      int intensity = (int)(unicode - '0');

      if (intensity == 0 && keys->last_digit == 1 && now - keys->last_digit_time < TEN_WINDOW)
        intensity = 10;
      keys->last_digit = (guint)(unicode - '0');
      keys->last_digit_time = now;
      update_selected (keys, chart, intensity_edit, GINT_TO_POINTER (intensity));
      return TRUE;
    }

  return FALSE;
}

/* "Mark 2 of 3: left quadratus lumborum, intensity 6, sharp. Note: …" — for the mark list
 * and for a screen reader on the figure. */
char *
dorsum_chart_describe_mark (DorsumChart   *chart,
                            DorsumLibrary *library,
                            guint          position)
{
  const DorsumMark *mark = dorsum_chart_get_mark (chart, position);
  DorsumFigure *figure = dorsum_figure_lookup (dorsum_mark_get_figure (mark), NULL);
  g_autoptr(DorsumDiagram) diagram = NULL;
  const DorsumRegion *region = NULL;
  g_autofree char *area = NULL;
  GString *text = g_string_new (NULL);

  /* The muscle under the mark, from the surface down (the groin is bare on the surface). */
  for (guint layer = 0; region == NULL && layer < DORSUM_N_LAYERS; layer++)
    {
      g_clear_object (&diagram);
      diagram = dorsum_diagram_new_for_figure (dorsum_mark_get_figure (mark), dorsum_layer_to_string (layer), NULL);
      region = diagram ? dorsum_diagram_hit (diagram, mark->x, mark->y) : NULL;
    }

  if (region != NULL)
    {
      DorsumEntry *entry = library ? dorsum_library_lookup (library, region->muscle) : NULL;

      /* Translators: where a pain mark is: the side, then the muscle under it */
      area = g_strdup_printf (region->side == DORSUM_SIDE_LEFT ? _("left, %s") : _("right, %s"),
                              entry ? dorsum_entry_get_name (entry) : region->muscle);
    }
  else
    area = g_strdup (_("outside the muscles drawn"));

  /* A chart has a back and a front: say which, as a paper chart's two drawings do. */
  if (figure != NULL)
    {
      g_autofree char *plain = g_steal_pointer (&area);

      /* Translators: where a pain mark is, then the figure it is on ("Back" or "Front") */
      area = g_strdup_printf (_("%s (%s)"), plain, dorsum_figure_get_title (figure));
    }

  /* Translators: a pain mark described: its number, how many, where, intensity 0–10, quality */
  g_string_append_printf (text, _("Mark %u of %u: %s, intensity %d, %s"), position + 1, dorsum_chart_get_n_marks (chart),
                          area, mark->intensity, dorsum_quality_get_title (mark->quality));
  if (mark->note != NULL)
    /* Translators: the note written on a pain mark */
    g_string_append_printf (text, _(". Note: %s"), mark->note);

  return g_string_free (text, FALSE);
}
