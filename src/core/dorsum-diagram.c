/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads the muscle regions straight from the layer's SVG (paths in <g id="muscles">),
 * flattens them to polygons once (dorsum-diagram-geometry.c), and answers hit-tests
 * through a coarse grid so that a query touches only the few regions near the point.
 * Drawing the layer and what goes over it is dorsum-diagram-draw.c. */

#define G_LOG_DOMAIN "dorsum-diagram"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <librsvg/rsvg.h>

#include "dorsum-diagram-private.h"
#include "dorsum-figure.h"
#include "dorsum-resources.h"
#include "dorsum-xml-private.h"

#define GRID_CELL 16.0
#define GRID_MAX_SIDE 64       /* cells; larger figures get larger cells */

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

static DorsumRegion *
region_new (const char  *id,
            const char  *d,
            guint       *points_left,
            GError     **error)
{
  g_autoptr(GPtrArray) polygons = _dorsum_diagram_parse_path (d, points_left, error);
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
  region->centre = _dorsum_diagram_find_centre (region);

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
