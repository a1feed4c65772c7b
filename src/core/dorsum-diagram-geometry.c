/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A figure's regions as polygons: SVG path data flattened to points, point-in-polygon
 * tests, and the point inside a region where its label or a keyboard mark goes. */

#define G_LOG_DOMAIN "dorsum-diagram"

#define CUBIC_STEPS 12
#define QUADRATIC_STEPS 8
#define MAX_NUMBER_LENGTH 40

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <librsvg/rsvg.h>

#include "dorsum-diagram-private.h"
#include "dorsum-figure.h"

/* A small parser for SVG path data: M L H V C Q Z in absolute and relative form. Figures
 * may come with packs, so it trusts nothing: numbers are plain decimals of bounded size,
 * coordinates stay within ±DORSUM_DIAGRAM_MAX_COORDINATE, and the points of a whole figure
 * number at most DORSUM_DIAGRAM_MAX_POINTS. */
typedef struct
{
  const char *p;
  guint      *points_left;   /* shared by the figure's paths */
  const char *problem;       /* why parsing stopped, when not plain malformed data */
} Lexer;

static void
skip_separators (Lexer *lex)
{
  while (*lex->p && (g_ascii_isspace (*lex->p) || *lex->p == ','))
    lex->p++;
}

/* An SVG number: a sign, digits with at most one point, an exponent. No "inf", "nan" or
 * hexadecimal, which g_ascii_strtod() would take. */
static gboolean
read_number (Lexer  *lex,
             double *value)
{
  char buffer[MAX_NUMBER_LENGTH + 1];
  const char *p;
  gboolean digits = FALSE;

  skip_separators (lex);
  p = lex->p;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      const char *q = p + 1;

      if (*q == '+' || *q == '-')
        q++;
      if (g_ascii_isdigit (*q))
        {
          while (g_ascii_isdigit (*q))
            q++;
          p = q;
        }
    }

  if (p - lex->p > MAX_NUMBER_LENGTH)
    {
      lex->problem = N_("a number is too long");
      return FALSE;
    }

  memcpy (buffer, lex->p, p - lex->p);
  buffer[p - lex->p] = '\0';
  *value = g_ascii_strtod (buffer, NULL);

  if (!isfinite (*value) || fabs (*value) > DORSUM_DIAGRAM_MAX_COORDINATE)
    {
      lex->problem = N_("a coordinate is out of range");
      return FALSE;
    }

  lex->p = p;

  return TRUE;
}

/* Relative coordinates add up; the sums are held to the same range. */
static gboolean
check_point (Lexer  *lex,
             double  x,
             double  y)
{
  if (fabs (x) > DORSUM_DIAGRAM_MAX_COORDINATE || fabs (y) > DORSUM_DIAGRAM_MAX_COORDINATE)
    {
      lex->problem = N_("a coordinate is out of range");
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_point (Lexer  *lex,
           GArray *polygon,
           double  x,
           double  y)
{
  DorsumPoint pt = { x, y };

  if (!check_point (lex, x, y))
    return FALSE;

  if (*lex->points_left == 0)
    {
      lex->problem = N_("the figure has too many points");
      return FALSE;
    }
  (*lex->points_left)--;

  g_array_append_val (polygon, pt);

  return TRUE;
}

/* Up to twelve characters from @p, whole ones, for a message. */
static char *
text_near (const char *p)
{
  const char *end = p;

  for (guint i = 0; i < 12 && *end; i++)
    end = g_utf8_next_char (end);

  return g_utf8_make_valid (p, end - p);
}

GPtrArray *
_dorsum_diagram_parse_path (const char  *d,
                            guint       *points_left,
                            GError     **error)
{
  g_autoptr(GPtrArray) polygons = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  GArray *current = NULL;
  Lexer lex = { d, points_left, NULL };
  double x = 0, y = 0, start_x = 0, start_y = 0;
  char command = 0;

  for (;;)
    {
      double v[6];
      gboolean relative;
      char upper;

      skip_separators (&lex);
      if (*lex.p == '\0')
        break;

      if (g_ascii_isalpha (*lex.p))
        command = *lex.p++;
      else if (command == 0)
        goto invalid;
      else if (command == 'Z' || command == 'z')
        {
          /* Without this a number after Z was read as another Z, for ever. */
          lex.problem = N_("a number follows Z, which takes none");
          goto invalid;
        }

      relative = g_ascii_islower (command);
      upper = g_ascii_toupper (command);

      switch (upper)
        {
        case 'M':
          if (!read_number (&lex, &v[0]) || !read_number (&lex, &v[1]))
            goto invalid;
          x = relative ? x + v[0] : v[0];
          y = relative ? y + v[1] : v[1];
          start_x = x;
          start_y = y;
          current = g_array_new (FALSE, FALSE, sizeof (DorsumPoint));
          g_ptr_array_add (polygons, current);
          if (!add_point (&lex, current, x, y))
            goto invalid;
          /* Further pairs after a moveto are linetos. */
          command = relative ? 'l' : 'L';
          break;

        case 'L':
          if (current == NULL || !read_number (&lex, &v[0]) || !read_number (&lex, &v[1]))
            goto invalid;
          x = relative ? x + v[0] : v[0];
          y = relative ? y + v[1] : v[1];
          if (!add_point (&lex, current, x, y))
            goto invalid;
          break;

        case 'H':
          if (current == NULL || !read_number (&lex, &v[0]))
            goto invalid;
          x = relative ? x + v[0] : v[0];
          if (!add_point (&lex, current, x, y))
            goto invalid;
          break;

        case 'V':
          if (current == NULL || !read_number (&lex, &v[0]))
            goto invalid;
          y = relative ? y + v[0] : v[0];
          if (!add_point (&lex, current, x, y))
            goto invalid;
          break;

        case 'C':
          if (current == NULL)
            goto invalid;
          for (guint i = 0; i < 6; i++)
            if (!read_number (&lex, &v[i]))
              goto invalid;
          if (relative)
            for (guint i = 0; i < 6; i += 2)
              {
                v[i] += x;
                v[i + 1] += y;
              }
          for (guint i = 0; i < 6; i += 2)
            if (!check_point (&lex, v[i], v[i + 1]))
              goto invalid;
          for (guint s = 1; s <= CUBIC_STEPS; s++)
            {
              double t = (double)s / CUBIC_STEPS, u = 1 - t;

              if (!add_point (&lex, current,
                              u * u * u * x + 3 * u * u * t * v[0] + 3 * u * t * t * v[2] + t * t * t * v[4],
                              u * u * u * y + 3 * u * u * t * v[1] + 3 * u * t * t * v[3] + t * t * t * v[5]))
                goto invalid;
            }
          x = v[4];
          y = v[5];
          break;

        case 'Q':
          if (current == NULL)
            goto invalid;
          for (guint i = 0; i < 4; i++)
            if (!read_number (&lex, &v[i]))
              goto invalid;
          if (relative)
            for (guint i = 0; i < 4; i += 2)
              {
                v[i] += x;
                v[i + 1] += y;
              }
          for (guint i = 0; i < 4; i += 2)
            if (!check_point (&lex, v[i], v[i + 1]))
              goto invalid;
          for (guint s = 1; s <= QUADRATIC_STEPS; s++)
            {
              double t = (double)s / QUADRATIC_STEPS, u = 1 - t;

              if (!add_point (&lex, current,
                              u * u * x + 2 * u * t * v[0] + t * t * v[2],
                              u * u * y + 2 * u * t * v[1] + t * t * v[3]))
                goto invalid;
            }
          x = v[2];
          y = v[3];
          break;

        case 'Z':
          x = start_x;
          y = start_y;
          current = NULL;
          break;

        default:
          g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                       _("path command “%c” is not supported (use M, L, H, V, C, Q, Z)"), command);
          return NULL;
        }
    }

  if (polygons->len == 0)
    goto invalid;

  return g_steal_pointer (&polygons);

invalid:
  {
    g_autofree char *near = text_near (lex.p);

    if (lex.problem != NULL)
      g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                   _("the path data is refused near “%s”: %s"), near, _(lex.problem));
    else
      g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                   _("the path data is malformed near “%s”"), near);
  }
  return NULL;
}

/**
 * dorsum_polygon_contains:
 * @polygon: (element-type DorsumPoint): a closed polygon
 *
 * Returns: whether (@x, @y) is inside, by the even-odd rule
 */
gboolean
dorsum_polygon_contains (GArray *polygon,
                         double  x,
                         double  y)
{
  const DorsumPoint *pts = (const DorsumPoint *)(gpointer)polygon->data;
  gboolean inside = FALSE;

  for (guint i = 0, j = polygon->len - 1; i < polygon->len; j = i++)
    {
      if (((pts[i].y > y) != (pts[j].y > y)) &&
          (x < (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x))
        inside = !inside;
    }

  return inside;
}

gboolean
dorsum_region_contains (const DorsumRegion *region,
                        double              x,
                        double              y)
{
  gboolean inside = FALSE;

  if (x < region->bounds.x || y < region->bounds.y ||
      x > region->bounds.x + region->bounds.width || y > region->bounds.y + region->bounds.height)
    return FALSE;

  /* Even-odd rule over every subpath, as the SVG fill draws it. */
  for (guint p = 0; p < region->polygons->len; p++)
    inside ^= dorsum_polygon_contains (g_ptr_array_index (region->polygons, p), x, y);

  return inside;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return (da > db) - (da < db);
}

/* Where the horizontal at @y crosses the region's edges, sorted, computed as
 * dorsum_polygon_contains() does: (x, y) is inside when an odd number lie beyond x. */
static GArray *
crossings_at (const DorsumRegion *region,
              double              y)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint p = 0; p < region->polygons->len; p++)
    {
      GArray *polygon = g_ptr_array_index (region->polygons, p);
      const DorsumPoint *pts = (const DorsumPoint *)(gpointer)polygon->data;

      for (guint i = 0, j = polygon->len - 1; i < polygon->len; j = i++)
        {
          if ((pts[i].y > y) != (pts[j].y > y))
            {
              double cx = (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x;

              g_array_append_val (xs, cx);
            }
        }
    }

  g_array_sort (xs, compare_doubles);

  return xs;
}

/* The middle of the widest inside run along the horizontal through the box's centre,
 * nudged up and down if that line misses: a point that is surely in the shape. Each line
 * is sampled as dorsum_region_contains() would answer, from its crossings computed once:
 * testing every sample against every edge made a figure of many points take seconds. */
DorsumPoint
_dorsum_diagram_find_centre (const DorsumRegion *region)
{
  DorsumPoint best = { region->bounds.x + region->bounds.width / 2, region->bounds.y + region->bounds.height / 2 };
  double best_width = -1;

  for (int k = 0; k < 9; k++)
    {
      double y = region->bounds.y + region->bounds.height * (0.5 + (k % 2 ? 1 : -1) * ((k + 1) / 2) * 0.1);
      double step = MAX (region->bounds.width / 200.0, 0.25);
      double run_start = -1;
      g_autoptr(GArray) xs = crossings_at (region, y);
      guint passed = 0;

      for (double x = region->bounds.x; x <= region->bounds.x + region->bounds.width + step; x += step)
        {
          gboolean in;

          while (passed < xs->len && g_array_index (xs, double, passed) <= x)
            passed++;
          in = x <= region->bounds.x + region->bounds.width && y >= region->bounds.y &&
               y <= region->bounds.y + region->bounds.height && (xs->len - passed) % 2 == 1;

          if (in && run_start < 0)
            run_start = x;
          else if (!in && run_start >= 0)
            {
              if (x - run_start > best_width)
                {
                  best_width = x - run_start;
                  best.x = (run_start + x - step) / 2;
                  best.y = y;
                }
              run_start = -1;
            }
        }

      if (best_width > region->bounds.width * 0.25)
        break;
    }

  return best;
}
