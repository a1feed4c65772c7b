/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each mark is sampled at a few points across its disc; a muscle scores by the share of
 * those samples that fall in any of its referral zones (either side), weighted by how
 * strong the pain is. Among equal scores the muscle with the tighter zones ranks first:
 * a zone that covers half the back explains any pain and so explains little. */

#define G_LOG_DOMAIN "dorsum-lookup"

#include "config.h"

#include <math.h>

#include "dorsum-diagram.h"
#include "dorsum-lookup.h"

#define RINGS 2
#define PER_RING 8

static double
polygon_area (GArray *polygon)
{
  const DorsumPoint *pts = (const DorsumPoint *)(gpointer)polygon->data;
  double area = 0;

  for (guint i = 0, j = polygon->len - 1; i < polygon->len; j = i++)
    area += (pts[j].x + pts[i].x) * (pts[j].y - pts[i].y);

  return fabs (area) / 2;
}

/* A zone on one of the chart's figures, with its bounding box: most samples fall outside
 * it, and the box says so without walking the polygon. */
typedef struct
{
  GArray *points;
  double  x0, y0, x1, y1;
} Zone;

/* @muscle's zones on @figure (an interned id). */
static GArray *
zones_on_figure (DorsumEntry *muscle,
                 const char  *figure)
{
  GArray *zones = g_array_new (FALSE, FALSE, sizeof (Zone));

  for (guint t = 0; t < dorsum_entry_get_n_trigger_points (muscle); t++)
    {
      const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (muscle, t);

      for (guint z = 0; z < tp->all_zones->len; z++)
        {
          const DorsumZone *zone = g_ptr_array_index (tp->all_zones, z);
          Zone box = { zone->points, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

          /* Figure ids are interned. */
          if (zone->figure != figure)
            continue;
          for (guint p = 0; p < zone->points->len; p++)
            {
              const DorsumPoint *pt = &g_array_index (zone->points, DorsumPoint, p);

              box.x0 = MIN (box.x0, pt->x);
              box.y0 = MIN (box.y0, pt->y);
              box.x1 = MAX (box.x1, pt->x);
              box.y1 = MAX (box.y1, pt->y);
            }
          g_array_append_val (zones, box);
        }
    }

  return zones;
}

static gboolean
zone_contains (const Zone *zone,
               double      x,
               double      y)
{
  return x >= zone->x0 && x <= zone->x1 && y >= zone->y0 && y <= zone->y1 &&
         dorsum_polygon_contains (zone->points, x, y);
}

/* Zones are given for the figure's own right side (the viewer's right on the posterior
 * figure, the viewer's left on the anterior one); a point on the other side is mirrored
 * across the midline before testing, and zones that cross the midline are tested as drawn. */
static gboolean
zones_contain (GArray *zones,
               double  x,
               double  y)
{
  for (guint z = 0; z < zones->len; z++)
    {
      const Zone *zone = &g_array_index (zones, Zone, z);

      if (zone_contains (zone, x, y) || zone_contains (zone, 800 - x, y))
        return TRUE;
    }

  return FALSE;
}

/* The area of the zones on the figures the chart has marks on: how widely the muscle
 * spreads its pain over what the client could mark. */
static double
zones_area (DorsumEntry *muscle,
            GPtrArray   *figures)
{
  double area = 0;

  for (guint t = 0; t < dorsum_entry_get_n_trigger_points (muscle); t++)
    {
      const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (muscle, t);

      for (guint z = 0; z < tp->all_zones->len; z++)
        {
          const DorsumZone *zone = g_ptr_array_index (tp->all_zones, z);

          if (g_ptr_array_find (figures, zone->figure, NULL))
            area += polygon_area (zone->points);
        }
    }

  return area;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const DorsumLookupResult *ra = a, *rb = b;

  if (fabs (ra->score - rb->score) > 1e-9)
    return ra->score > rb->score ? -1 : 1;

  return g_strcmp0 (dorsum_entry_get_id (ra->muscle), dorsum_entry_get_id (rb->muscle));
}

/**
 * dorsum_lookup_muscles:
 *
 * Returns: (transfer full) (element-type DorsumLookupResult): muscles whose zones touch
 *   the marks, best first
 */
GArray *
dorsum_lookup_muscles (DorsumLibrary *library,
                       DorsumChart   *chart)
{
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  GArray *results = g_array_new (FALSE, FALSE, sizeof (DorsumLookupResult));
  guint n_marks = dorsum_chart_get_n_marks (chart);
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  double total_weight = 0;

  if (n_marks == 0)
    return results;

  for (guint m = 0; m < n_marks; m++)
    {
      const DorsumMark *mark = dorsum_chart_get_mark (chart, m);
      const char *figure = g_intern_string (dorsum_mark_get_figure (mark));

      total_weight += 1 + mark->intensity;
      if (!g_ptr_array_find (figures, figure, NULL))
        g_ptr_array_add (figures, (gpointer)figure);
    }

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) muscle = g_list_model_get_item (muscles, i);
      DorsumLookupResult result = { muscle, 0, 0 };
      double area;

      g_autoptr(GPtrArray) figure_zones = NULL;

      if (dorsum_entry_get_n_trigger_points (muscle) == 0)
        continue;

      /* The muscle's zones on each figure the chart uses, boxed once. */
      figure_zones = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
      for (guint f = 0; f < figures->len; f++)
        g_ptr_array_add (figure_zones, zones_on_figure (muscle, g_ptr_array_index (figures, f)));

      for (guint m = 0; m < n_marks; m++)
        {
          const DorsumMark *mark = dorsum_chart_get_mark (chart, m);
          const char *figure = g_intern_string (dorsum_mark_get_figure (mark));
          GArray *zones = NULL;
          guint hits;
          guint samples = 1;

          for (guint f = 0; f < figures->len; f++)
            if (g_ptr_array_index (figures, f) == figure)
              zones = g_ptr_array_index (figure_zones, f);
          hits = zones_contain (zones, mark->x, mark->y) ? 1 : 0;

          for (guint ring = 1; ring <= RINGS; ring++)
            for (guint k = 0; k < PER_RING; k++)
              {
                double angle = 2 * G_PI * (k + 0.5 * (ring - 1)) / PER_RING;
                double r = mark->radius * ring / RINGS;

                hits += zones_contain (zones, mark->x + r * cos (angle), mark->y + r * sin (angle));
                samples++;
              }

          if (hits > 0)
            {
              result.score += (1 + mark->intensity) * (double)hits / samples;
              result.n_marks++;
            }
        }

      if (result.n_marks == 0)
        continue;

      /* Coverage of the marked pain, 0–1, nudged down a little for sprawling zones. */
      area = zones_area (muscle, figures);
      result.score = result.score / total_weight * (1.0 - 0.15 * MIN (1.0, area / 60000.0));
      g_array_append_val (results, result);
    }

  g_array_sort (results, compare_results);

  return results;
}
