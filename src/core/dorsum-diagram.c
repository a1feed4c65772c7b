/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads the muscle regions straight from the layer's SVG (paths in <g id="muscles">),
 * flattens them to polygons once, and answers hit-tests through a coarse grid so that
 * a query touches only the few regions near the point. */

#define G_LOG_DOMAIN "dorsum-diagram"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <librsvg/rsvg.h>

#include "dorsum-diagram.h"
#include "dorsum-figure.h"
#include "dorsum-resources.h"
#include "dorsum-xml-private.h"

#define GRID_CELL 16.0
#define GRID_MAX_SIDE 64       /* cells; larger figures get larger cells */
#define CUBIC_STEPS 12
#define QUADRATIC_STEPS 8
#define MAX_NUMBER_LENGTH 40

struct _DorsumDiagram
{
  GObject      parent_instance;

  GMutex       render_lock;  /* an RsvgHandle renders in one thread at a time */
  RsvgHandle  *handle;
  RsvgHandle  *labels;
  double       width;
  double       height;

  GPtrArray   *regions;      /* DorsumRegion* in document order (later = on top) */
  GHashTable  *by_id;        /* region id → DorsumRegion* */
  GHashTable  *muscles;      /* muscle id → itself, for has_muscle */

  double       grid_cell;    /* the side of a cell, in diagram units */
  guint        grid_columns;
  guint        grid_rows;
  GArray     **grid;         /* per cell: guint indices into regions */
};

G_DEFINE_FINAL_TYPE (DorsumDiagram, dorsum_diagram, G_TYPE_OBJECT)

G_DEFINE_QUARK (dorsum-diagram-error-quark, dorsum_diagram_error)

static const char * const layer_names[DORSUM_N_LAYERS] = { "superficial", "middle", "deep" };

static void
region_free (gpointer data)
{
  DorsumRegion *region = data;

  g_free (region->id);
  g_free (region->muscle);
  g_ptr_array_unref (region->polygons);
  g_free (region);
}

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

static GPtrArray *
parse_path (const char  *d,
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
static DorsumPoint
find_centre (const DorsumRegion *region)
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

static DorsumRegion *
region_new (const char  *id,
            const char  *d,
            guint       *points_left,
            GError     **error)
{
  g_autoptr(GPtrArray) polygons = parse_path (d, points_left, error);
  DorsumRegion *region;
  const char *dot = strrchr (id, '.');
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  if (polygons == NULL)
    return NULL;

  region = g_new0 (DorsumRegion, 1);
  region->id = g_strdup (id);
  region->muscle = g_strndup (id, dot - id);
  region->side = g_str_equal (dot, ".left") ? DORSUM_SIDE_LEFT : DORSUM_SIDE_RIGHT;
  region->polygons = g_steal_pointer (&polygons);

  for (guint p = 0; p < region->polygons->len; p++)
    {
      GArray *polygon = g_ptr_array_index (region->polygons, p);

      for (guint i = 0; i < polygon->len; i++)
        {
          DorsumPoint *pt = &g_array_index (polygon, DorsumPoint, i);

          x0 = MIN (x0, pt->x);
          y0 = MIN (y0, pt->y);
          x1 = MAX (x1, pt->x);
          y1 = MAX (y1, pt->y);
        }
    }

  region->bounds = (DorsumRect) { x0, y0, x1 - x0, y1 - y0 };
  region->centre = find_centre (region);

  return region;
}

static void
collect_regions (DorsumDiagram  *self,
                 xmlNodePtr      node,
                 const char     *name,
                 guint          *points_left,
                 GError        **error)
{
  for (xmlNodePtr child = node->children; child && *error == NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrEqual (child->name, BAD_CAST "path"))
        {
          xmlChar *id = xmlGetProp (child, BAD_CAST "id");
          xmlChar *d = xmlGetProp (child, BAD_CAST "d");

          if (id != NULL && d != NULL &&
              (g_str_has_suffix ((char *)id, ".left") || g_str_has_suffix ((char *)id, ".right")))
            {
              g_autoptr(GError) local_error = NULL;
              g_autofree char *shown = dorsum_shorten ((char *)id);
              DorsumRegion *region = NULL;

              if (self->regions->len >= DORSUM_DIAGRAM_MAX_REGIONS)
                g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                             _("%s:%ld: %s: a figure may have at most %d regions"),
                             name, xmlGetLineNo (child), shown, DORSUM_DIAGRAM_MAX_REGIONS);
              else if ((region = region_new ((char *)id, (char *)d, points_left, &local_error)) == NULL)
                g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                             "%s:%ld: %s: %s", name, xmlGetLineNo (child), shown, local_error->message);
              else if (g_hash_table_contains (self->by_id, region->id))
                {
                  g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                               _("%s:%ld: the region id “%s” is used twice"), name, xmlGetLineNo (child), shown);
                  region_free (region);
                }
              else
                {
                  g_ptr_array_add (self->regions, region);
                  g_hash_table_insert (self->by_id, region->id, region);
                  g_hash_table_add (self->muscles, region->muscle);
                }
            }

          xmlFree (id);
          xmlFree (d);
        }
      else
        collect_regions (self, child, name, points_left, error);
    }
}

static xmlNodePtr
find_group (xmlNodePtr  node,
            const char *id)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      xmlChar *value;
      gboolean match;
      xmlNodePtr found;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      value = xmlGetProp (child, BAD_CAST "id");
      match = value != NULL && xmlStrEqual (value, BAD_CAST id);
      xmlFree (value);
      if (match)
        return child;

      if ((found = find_group (child, id)))
        return found;
    }

  return NULL;
}

/* @value / @cell as a grid index from 0 to @n - 1. The values are bounded (the view box and
 * the coordinates are checked), so the quotient fits an int before it is clamped. */
static int
grid_index (double value,
            double cell,
            guint  n)
{
  return CLAMP ((int)(value / cell), 0, (int)n - 1);
}

static void
build_grid (DorsumDiagram *self)
{
  /* At most GRID_MAX_SIDE cells a side, so a huge view box cannot make a huge grid. */
  self->grid_cell = MAX (GRID_CELL, MAX (self->width, self->height) / GRID_MAX_SIDE);
  self->grid_columns = (guint)ceil (self->width / self->grid_cell) + 1;
  self->grid_rows = (guint)ceil (self->height / self->grid_cell) + 1;
  g_assert (self->grid_columns <= GRID_MAX_SIDE + 2 && self->grid_rows <= GRID_MAX_SIDE + 2);
  self->grid = g_new0 (GArray *, self->grid_columns * self->grid_rows);

  for (guint r = 0; r < self->regions->len; r++)
    {
      const DorsumRegion *region = g_ptr_array_index (self->regions, r);
      int c0 = grid_index (region->bounds.x, self->grid_cell, self->grid_columns);
      int c1 = grid_index (region->bounds.x + region->bounds.width, self->grid_cell, self->grid_columns);
      int r0 = grid_index (region->bounds.y, self->grid_cell, self->grid_rows);
      int r1 = grid_index (region->bounds.y + region->bounds.height, self->grid_cell, self->grid_rows);

      for (int row = r0; row <= r1; row++)
        for (int col = c0; col <= c1; col++)
          {
            GArray **cell = &self->grid[row * self->grid_columns + col];

            if (*cell == NULL)
              *cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_array_append_val (*cell, r);
          }
    }
}

static void
dorsum_diagram_finalize (GObject *object)
{
  DorsumDiagram *self = (DorsumDiagram *)object;

  if (self->grid != NULL)
    {
      for (guint i = 0; i < self->grid_columns * self->grid_rows; i++)
        if (self->grid[i])
          g_array_unref (self->grid[i]);
      g_free (self->grid);
    }

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->muscles, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_object (&self->handle);
  g_clear_object (&self->labels);
  g_mutex_clear (&self->render_lock);

  G_OBJECT_CLASS (dorsum_diagram_parent_class)->finalize (object);
}

static void
dorsum_diagram_class_init (DorsumDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dorsum_diagram_finalize;
}

static void
dorsum_diagram_init (DorsumDiagram *self)
{
  self->regions = g_ptr_array_new_with_free_func (region_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->muscles = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&self->render_lock);
}

/* The element past the first @n_left, in document order, or %NULL if there are no more. */
static xmlNodePtr
element_past (xmlNodePtr  node,
              guint      *n_left)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      xmlNodePtr found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if ((*n_left)-- == 0)
        return child;
      if ((found = element_past (child, n_left)))
        return found;
    }

  return NULL;
}

/* Reads @svg with the shared safe parser (no DOCTYPE, no entities, bounded attributes), and
 * bounds its elements: librsvg takes about 45 µs and 4 KB for each when it loads the file. */
static xmlDocPtr
parse_svg (GBytes      *svg,
           const char  *name,
           GError     **error)
{
  DorsumProblems problems = { g_string_new (NULL), 0, 0 };
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  xmlDocPtr doc;

  if (size > DORSUM_DIAGRAM_MAX_FILE_SIZE)
    {
      g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                   _("%s: the file is larger than %d MiB, the most a figure may be"),
                   name, DORSUM_DIAGRAM_MAX_FILE_SIZE / (1024 * 1024));
      g_string_free (problems.text, TRUE);
      return NULL;
    }

  dorsum_xml_init ();
  /* An element is one tag, or two with its end tag; leave room for comments. */
  doc = dorsum_xml_parse_limited (data, size, 3 * DORSUM_DIAGRAM_MAX_ELEMENTS, name, &problems);
  if (!dorsum_problems_take_error (&problems, &local_error))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error_literal (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID, local_error->message);
      return NULL;
    }

  {
    guint n_left = DORSUM_DIAGRAM_MAX_ELEMENTS - 1;
    xmlNodePtr root = xmlDocGetRootElement (doc);
    xmlNodePtr past = root ? element_past (root, &n_left) : NULL;

    if (past != NULL)
      {
        g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                     _("%s:%ld: a figure may have at most %d elements"),
                     name, xmlGetLineNo (past), DORSUM_DIAGRAM_MAX_ELEMENTS);
        xmlFreeDoc (doc);
        return NULL;
      }
  }

  return doc;
}

/**
 * dorsum_diagram_new_from_bytes:
 * @labels: (nullable): the label overlay
 *
 * Figures may come with packs: everything in @svg is checked (DOCTYPE, size, path data,
 * view box) before librsvg is given it.
 *
 * Returns: (transfer full) (nullable): the diagram, or %NULL with @error set
 */
DorsumDiagram *
dorsum_diagram_new_from_bytes (GBytes      *svg,
                               GBytes      *labels,
                               const char  *name,
                               GError     **error)
{
  g_autoptr(DorsumDiagram) self = g_object_new (DORSUM_TYPE_DIAGRAM, NULL);
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  xmlDocPtr doc;
  xmlNodePtr root, muscles;
  RsvgRectangle viewbox;
  gboolean has_viewbox;
  GError *local_error = NULL;
  guint points_left = DORSUM_DIAGRAM_MAX_POINTS;
  long root_line;

  g_return_val_if_fail (svg != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  doc = parse_svg (svg, name, error);
  if (doc == NULL)
    return NULL;

  if ((root = xmlDocGetRootElement (doc)) == NULL)
    {
      g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID, _("%s: not a readable SVG file"), name);
      xmlFreeDoc (doc);
      return NULL;
    }

  root_line = xmlGetLineNo (root);
  muscles = find_group (root, "muscles");
  if (muscles == NULL)
    {
      g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID, _("%s: no <g id=\"muscles\"> group"), name);
      xmlFreeDoc (doc);
      return NULL;
    }

  collect_regions (self, muscles, name, &points_left, &local_error);
  xmlFreeDoc (doc);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (labels != NULL)
    {
      g_autofree char *labels_name = g_strconcat (name, " (labels)", NULL);

      if (!(doc = parse_svg (labels, labels_name, error)))
        return NULL;
      xmlFreeDoc (doc);
    }

  self->handle = rsvg_handle_new_from_data ((const guint8 *)data, size, error);
  if (self->handle == NULL)
    return NULL;

  if (labels != NULL)
    {
      gsize labels_size;
      const guint8 *labels_data = g_bytes_get_data (labels, &labels_size);

      self->labels = rsvg_handle_new_from_data (labels_data, labels_size, error);
      if (self->labels == NULL)
        return NULL;
    }

  rsvg_handle_get_intrinsic_dimensions (self->handle, NULL, NULL, NULL, NULL, &has_viewbox, &viewbox);
  if (!has_viewbox)
    {
      g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID, _("%s: the SVG has no viewBox"), name);
      return NULL;
    }

  /* The hit-test grid and every coordinate are sized from these. */
  if (!(viewbox.width > 0 && viewbox.width <= DORSUM_DIAGRAM_MAX_SIZE &&
        viewbox.height > 0 && viewbox.height <= DORSUM_DIAGRAM_MAX_SIZE))
    {
      g_set_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID,
                   _("%s:%ld: the viewBox must be wider and taller than 0 and at most %d units"),
                   name, root_line, DORSUM_DIAGRAM_MAX_SIZE);
      return NULL;
    }
  self->width = viewbox.width;
  self->height = viewbox.height;

  build_grid (self);

  return g_steal_pointer (&self);
}

/**
 * dorsum_diagram_new_for_layer:
 *
 * A layer of the posterior figure, as dorsum_diagram_new_for_figure() loads it (and shares
 * it: the same object for the same layer).
 *
 * Returns: (transfer full) (nullable): the layer's diagram
 */
DorsumDiagram *
dorsum_diagram_new_for_layer (DorsumLayer   layer,
                              GError      **error)
{
  g_return_val_if_fail (layer < DORSUM_N_LAYERS, NULL);

  return dorsum_diagram_new_for_figure (DORSUM_FIGURE_POSTERIOR, layer_names[layer], error);
}

double
dorsum_diagram_get_width (DorsumDiagram *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), 0);

  return self->width;
}

double
dorsum_diagram_get_height (DorsumDiagram *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), 0);

  return self->height;
}

guint
dorsum_diagram_get_n_regions (DorsumDiagram *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), 0);

  return self->regions->len;
}

const DorsumRegion *
dorsum_diagram_get_region (DorsumDiagram *self,
                           guint          position)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), NULL);
  g_return_val_if_fail (position < self->regions->len, NULL);

  return g_ptr_array_index (self->regions, position);
}

const DorsumRegion *
dorsum_diagram_lookup (DorsumDiagram *self,
                       const char    *region_id)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), NULL);

  return region_id ? g_hash_table_lookup (self->by_id, region_id) : NULL;
}

gboolean
dorsum_diagram_has_muscle (DorsumDiagram *self,
                           const char    *muscle_id)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), FALSE);

  return muscle_id && g_hash_table_contains (self->muscles, muscle_id);
}

/**
 * dorsum_diagram_hit:
 *
 * Returns: (nullable): the region drawn at (@x, @y) in diagram units, the topmost if several
 */
const DorsumRegion *
dorsum_diagram_hit (DorsumDiagram *self,
                    double         x,
                    double         y)
{
  GArray *cell;
  int col, row;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), NULL);

  if (!(x >= 0 && y >= 0 && x < self->width && y < self->height))
    return NULL;

  col = grid_index (x, self->grid_cell, self->grid_columns);
  row = grid_index (y, self->grid_cell, self->grid_rows);
  cell = self->grid[row * self->grid_columns + col];
  if (cell == NULL)
    return NULL;

  for (guint i = cell->len; i > 0; i--)
    {
      const DorsumRegion *region = g_ptr_array_index (self->regions, g_array_index (cell, guint, i - 1));

      if (dorsum_region_contains (region, x, y))
        return region;
    }

  return NULL;
}

/**
 * dorsum_diagram_nearest:
 * @from: (nullable): where the focus is now; %NULL starts at the top of the figure
 *
 * Returns: (nullable): the closest region in @direction, preferring ones straight ahead
 */
const DorsumRegion *
dorsum_diagram_nearest (DorsumDiagram      *self,
                        const DorsumRegion *from,
                        DorsumDirection     direction)
{
  const DorsumRegion *best = NULL;
  double best_score = G_MAXDOUBLE;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      const DorsumRegion *region = g_ptr_array_index (self->regions, i);
      double ahead, aside, score;

      if (from == NULL)
        {
          score = region->centre.y + fabs (region->centre.x - self->width / 2) * 0.5;
        }
      else
        {
          double dx = region->centre.x - from->centre.x;
          double dy = region->centre.y - from->centre.y;

          if (region == from)
            continue;

          switch (direction)
            {
            case DORSUM_DIRECTION_UP: ahead = -dy; aside = dx; break;
            case DORSUM_DIRECTION_DOWN: ahead = dy; aside = dx; break;
            case DORSUM_DIRECTION_LEFT: ahead = -dx; aside = dy; break;
            case DORSUM_DIRECTION_RIGHT: ahead = dx; aside = dy; break;
            default: g_assert_not_reached ();
            }

          /* Only what lies ahead, within a 60° cone either side of straight on. */
          if (ahead <= 0.5 || fabs (aside) > ahead * 1.8)
            continue;

          score = ahead + 2 * fabs (aside);
        }

      if (score < best_score)
        {
          best_score = score;
          best = region;
        }
    }

  return best;
}

/**
 * dorsum_diagram_render:
 *
 * Draws the layer scaled to @width × @height device units at the current origin of @cr.
 */
gboolean
dorsum_diagram_render (DorsumDiagram      *self,
                       cairo_t            *cr,
                       double              width,
                       double              height,
                       DorsumRenderFlags   flags,
                       GError            **error)
{
  /* The label file's halo and ink swapped, so names read on a dark background. */
  static const char dark_css[] =
    "#names { fill: #eeeeec; stroke: #1e1e1e; }\n"
    "#leaders path[stroke=\"#ffffff\"] { stroke: #1e1e1e; }\n"
    "#leaders path[stroke=\"#333333\"] { stroke: #deddda; }\n";
  RsvgRectangle viewport = { 0, 0, width, height };
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM (self), FALSE);

  locker = g_mutex_locker_new (&self->render_lock);

  if (!rsvg_handle_render_document (self->handle, cr, &viewport, error))
    return FALSE;

  if ((flags & DORSUM_RENDER_LABELS) && self->labels != NULL)
    {
      g_autoptr(GString) css = g_string_new ((flags & DORSUM_RENDER_DARK) ? dark_css : "");

      /* Names follow the desktop's high-contrast and large-text settings: full ink on a wider
       * halo, bold, and larger (two-line names then sit closer, but stay apart). */
      if (flags & DORSUM_RENDER_HIGH_CONTRAST)
        g_string_append (css, (flags & DORSUM_RENDER_DARK)
                              ? "#names { fill: #ffffff; stroke: #000000; stroke-width: 4; font-weight: bold; }\n"
                              : "#names { fill: #000000; stroke: #ffffff; stroke-width: 4; font-weight: bold; }\n");
      if (flags & DORSUM_RENDER_LARGE_TEXT)
        g_string_append (css, "#names { font-size: 17px; }\n");

      if (!rsvg_handle_set_stylesheet (self->labels, (const guint8 *)css->str, css->len, error))
        return FALSE;

      return rsvg_handle_render_document (self->labels, cr, &viewport, error);
    }

  return TRUE;
}

/**
 * dorsum_diagram_draw_highlight:
 * @cr: a context whose user space is diagram units
 * @muscles: muscle ids whose regions (both sides) are highlighted
 * @emphasis: 1 as usual; 2 for presenting to a client across the room (thicker, stronger)
 *
 * Fills the regions with a translucent tint and outlines them, from their own shapes.
 */
void
dorsum_diagram_draw_highlight (DorsumDiagram      *self,
                               cairo_t            *cr,
                               const char * const *muscles,
                               double              red,
                               double              green,
                               double              blue,
                               double              emphasis)
{
  double line_width = 1.5, unused = 0;

  g_return_if_fail (DORSUM_IS_DIAGRAM (self));

  if (muscles == NULL)
    return;

  /* Keep the outline about 2.5 device pixels wide whatever the zoom. */
  cairo_device_to_user_distance (cr, &line_width, &unused);
  line_width = MAX (fabs (line_width), 0.5) * 2.5 / 1.5 * emphasis;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < self->regions->len; i++)
    {
      const DorsumRegion *region = g_ptr_array_index (self->regions, i);

      if (g_strv_contains (muscles, region->muscle))
        dorsum_region_append_path (region, cr);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, red, green, blue, MIN (0.45 * emphasis, 0.7));
  cairo_fill_preserve (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, line_width);
  cairo_set_source_rgba (cr, red, green, blue, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
append_polygon (cairo_t *cr,
                GArray  *polygon,
                gboolean mirror)
{
  for (guint i = 0; i < polygon->len; i++)
    {
      const DorsumPoint *pt = &g_array_index (polygon, DorsumPoint, i);
      double x = mirror ? 800 - pt->x : pt->x;

      if (i == 0)
        cairo_move_to (cr, x, pt->y);
      else
        cairo_line_to (cr, x, pt->y);
    }
  cairo_close_path (cr);
}

/**
 * dorsum_append_referral_zones:
 *
 * Appends a trigger point's referral zones on the posterior figure, on both sides, to the
 * current path (for a drawing that shows a zone without the point, as a quiz does).
 */
void
dorsum_append_referral_zones (cairo_t                  *cr,
                              const DorsumTriggerPoint *point)
{
  dorsum_append_referral_zones_on_figure (cr, point, DORSUM_FIGURE_POSTERIOR);
}

/**
 * dorsum_append_referral_zones_on_figure:
 * @figure: a figure id, such as "anterior"
 *
 * As dorsum_append_referral_zones(), for the zones that lie on @figure.
 */
void
dorsum_append_referral_zones_on_figure (cairo_t                  *cr,
                                        const DorsumTriggerPoint *point,
                                        const char               *figure)
{
  for (guint z = 0; z < point->all_zones->len; z++)
    {
      const DorsumZone *zone = g_ptr_array_index (point->all_zones, z);

      if (g_str_equal (zone->figure, figure))
        for (int mirror = 0; mirror < 2; mirror++)
          append_polygon (cr, zone->points, mirror);
    }
}

static void
draw_cross (cairo_t *cr,
            double   x,
            double   y,
            double   size)
{
  cairo_move_to (cr, x - size, y - size);
  cairo_line_to (cr, x + size, y + size);
  cairo_move_to (cr, x + size, y - size);
  cairo_line_to (cr, x - size, y + size);
}

/**
 * dorsum_draw_trigger_points:
 * @cr: a context whose user space is diagram units
 * @scale: device pixels per diagram unit, to keep marks a readable size
 *
 * Draws a trigger point chart on the posterior figure: the referral zones shaded, the points
 * as ×, on both sides (the library gives the right side; the left mirrors it at x → 800 − x).
 * Zones and points on another figure are left out.
 */
void
dorsum_draw_trigger_points (cairo_t                          *cr,
                            const DorsumTriggerPoint * const *points,
                            guint                             n_points,
                            double                            scale,
                            double                            red,
                            double                            green,
                            double                            blue)
{
  dorsum_draw_trigger_points_on_figure (cr, DORSUM_FIGURE_POSTERIOR, points, n_points, scale, red, green, blue);
}

/**
 * dorsum_draw_trigger_points_on_figure:
 * @figure: the id of the figure drawn under, such as "anterior"
 *
 * As dorsum_draw_trigger_points(), for the zones and points that lie on @figure.
 */
void
dorsum_draw_trigger_points_on_figure (cairo_t                          *cr,
                                      const char                       *figure,
                                      const DorsumTriggerPoint * const *points,
                                      guint                             n_points,
                                      double                            scale,
                                      double                            red,
                                      double                            green,
                                      double                            blue)
{
  double cross = 7 / MAX (scale, 0.1);

  g_return_if_fail (figure != NULL);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Zones first, all in one path so overlaps do not darken. */
  cairo_new_path (cr);
  for (guint i = 0; i < n_points; i++)
    dorsum_append_referral_zones_on_figure (cr, points[i], figure);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgba (cr, red, green, blue, 0.30);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.2 / MAX (scale, 0.1));
  cairo_set_source_rgba (cr, red, green, blue, 0.8);
  cairo_stroke (cr);

  /* Then the points: a white halo under a dark cross, readable on muscle and on zone. */
  cairo_new_path (cr);
  for (guint i = 0; i < n_points; i++)
    if (g_str_equal (points[i]->figure, figure))
      {
        draw_cross (cr, points[i]->point.x, points[i]->point.y, cross);
        draw_cross (cr, 800 - points[i]->point.x, points[i]->point.y, cross);
      }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 5 / MAX (scale, 0.1));
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.5 / MAX (scale, 0.1));
  cairo_set_source_rgba (cr, red * 0.6, green * 0.6, blue * 0.6, 1);
  cairo_stroke (cr);

  cairo_restore (cr);
}

void
dorsum_region_append_path (const DorsumRegion *region,
                           cairo_t            *cr)
{
  for (guint p = 0; p < region->polygons->len; p++)
    {
      GArray *polygon = g_ptr_array_index (region->polygons, p);

      for (guint i = 0; i < polygon->len; i++)
        {
          const DorsumPoint *pt = &g_array_index (polygon, DorsumPoint, i);

          if (i == 0)
            cairo_move_to (cr, pt->x, pt->y);
          else
            cairo_line_to (cr, pt->x, pt->y);
        }
      cairo_close_path (cr);
    }
}

const char *
dorsum_layer_to_string (DorsumLayer layer)
{
  g_return_val_if_fail (layer < DORSUM_N_LAYERS, NULL);

  return layer_names[layer];
}

gboolean
dorsum_layer_from_string (const char  *str,
                          DorsumLayer *layer)
{
  for (guint i = 0; i < DORSUM_N_LAYERS; i++)
    {
      if (g_strcmp0 (str, layer_names[i]) == 0)
        {
          *layer = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dorsum_layer_get_title (DorsumLayer layer)
{
  static const char * const titles[DORSUM_N_LAYERS] = { N_("Superficial"), N_("Middle"), N_("Deep") };

  g_return_val_if_fail (layer < DORSUM_N_LAYERS, NULL);

  return _(titles[layer]);
}
