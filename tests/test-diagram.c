/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Diagram tests: exact hit-testing on a fixture with known shapes, and on the shipped layers
 * integrity with the library, mirror symmetry, centres inside shapes and rendering. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "dorsum-diagram.h"
#include "dorsum-library.h"

static DorsumDiagram *
small_diagram (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "diagram", "small.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  DorsumDiagram *diagram;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  diagram = dorsum_diagram_new_from_bytes (bytes, NULL, "small.svg", &error);
  g_assert_no_error (error);

  return diagram;
}

static const char *
hit_id (DorsumDiagram *diagram,
        double         x,
        double         y)
{
  const DorsumRegion *region = dorsum_diagram_hit (diagram, x, y);

  return region ? region->id : NULL;
}

static void
test_small_hits (void)
{
  g_autoptr(DorsumDiagram) diagram = small_diagram ();
  const DorsumRegion *tri;

  g_assert_cmpuint (dorsum_diagram_get_n_regions (diagram), ==, 3);
  g_assert_cmpfloat (dorsum_diagram_get_width (diagram), ==, 200);

  g_assert_cmpstr (hit_id (diagram, 20, 80), ==, "tri.left");
  g_assert_cmpstr (hit_id (diagram, 180, 80), ==, "tri.right");
  /* Inside the triangle's bounding box but outside its shape: nothing. */
  g_assert_null (hit_id (diagram, 80, 20));
  /* The gap between the two triangles, and outside the picture. */
  g_assert_null (hit_id (diagram, 100, 50));
  g_assert_null (hit_id (diagram, -5, 50));
  g_assert_null (hit_id (diagram, 250, 50));
  /* Relative cubic and quadratic: the lens spans x 120–190 and y ≈ 9–32. */
  g_assert_cmpstr (hit_id (diagram, 155, 14), ==, "lens.right");
  g_assert_null (hit_id (diagram, 155, 36));
  g_assert_cmpstr (hit_id (diagram, 155, 30), ==, "lens.right");

  tri = dorsum_diagram_lookup (diagram, "tri.left");
  g_assert_cmpstr (tri->muscle, ==, "tri");
  g_assert_cmpint (tri->side, ==, DORSUM_SIDE_LEFT);
  g_assert_cmpfloat_with_epsilon (tri->bounds.x, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (tri->bounds.width, 80, 1e-9);
  g_assert_true (dorsum_region_contains (tri, tri->centre.x, tri->centre.y));

  g_assert_cmpstr (dorsum_diagram_nearest (diagram, tri, DORSUM_DIRECTION_RIGHT)->id, ==, "tri.right");
  g_assert_null (dorsum_diagram_nearest (diagram, tri, DORSUM_DIRECTION_LEFT));
  g_assert_cmpstr (dorsum_diagram_nearest (diagram, dorsum_diagram_lookup (diagram, "tri.right"),
                                           DORSUM_DIRECTION_UP)->id, ==, "lens.right");
}

static void
test_bad_path (void)
{
  const char *svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><g id='muscles'>"
                    "<path id='x.left' d='M 1 1 A 2 2 0 0 1 5 5 Z'/></g></svg>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (svg, strlen (svg));
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_from_bytes (bytes, NULL, "bad.svg", &error);

  g_assert_null (diagram);
  g_assert_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.svg:1:"));
  g_assert_nonnull (strstr (error->message, "“A”"));
}

static DorsumLibrary *
builtin (void)
{
  DorsumLibrary *library = dorsum_library_new ();

  g_assert_true (dorsum_library_load_builtin (library, NULL));

  return library;
}

static void
test_layers_integrity (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  DorsumDiagram *layers[DORSUM_N_LAYERS];

  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    {
      g_autoptr(GError) error = NULL;

      layers[l] = dorsum_diagram_new_for_layer (l, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (dorsum_diagram_get_width (layers[l]), ==, 800);
      g_assert_cmpfloat (dorsum_diagram_get_height (layers[l]), ==, 1200);
      g_assert_cmpuint (dorsum_diagram_get_n_regions (layers[l]), >=, 16);

      for (guint i = 0; i < dorsum_diagram_get_n_regions (layers[l]); i++)
        {
          const DorsumRegion *region = dorsum_diagram_get_region (layers[l], i);
          DorsumEntry *entry = dorsum_library_lookup (library, region->muscle);
          g_autofree char *twin_id = g_strconcat (region->muscle, region->side == DORSUM_SIDE_LEFT ? ".right" : ".left", NULL);
          const DorsumRegion *twin = dorsum_diagram_lookup (layers[l], twin_id);

          /* Every region names a muscle of the library and has its mirror twin. */
          g_assert_nonnull (entry);
          g_assert_cmpint (dorsum_entry_get_kind (entry), ==, DORSUM_KIND_MUSCLE);
          g_assert_nonnull (twin);
          g_assert_cmpfloat_with_epsilon (region->bounds.x + region->bounds.width, 800 - twin->bounds.x, 1.0);
          g_assert_cmpfloat_with_epsilon (region->bounds.y, twin->bounds.y, 1.0);
          g_assert_cmpfloat_with_epsilon (region->bounds.height, twin->bounds.height, 1.0);

          /* The region's own centre hits it: a point known to lie in the shape. */
          g_assert_true (dorsum_region_contains (region, region->centre.x, region->centre.y));
          g_assert_true (dorsum_diagram_hit (layers[l], region->centre.x, region->centre.y) == region);
        }

      /* Outside the body: the corners of the picture hit nothing. */
      g_assert_null (dorsum_diagram_hit (layers[l], 5, 5));
      g_assert_null (dorsum_diagram_hit (layers[l], 795, 5));
      g_assert_null (dorsum_diagram_hit (layers[l], 5, 1195));
      /* The midline over the spinous processes lies between left and right. */
      g_assert_null (dorsum_diagram_hit (layers[l], 400, 60));
    }

  /* Every muscle seen from behind has regions on the layer the library gives for it. */
  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) muscle = g_list_model_get_item (muscles, i);
      const char *id = dorsum_entry_get_id (muscle);
      DorsumLayer layer;
      gboolean has_parts = FALSE;

      if (!dorsum_layer_from_string (dorsum_entry_get_attribute (muscle, "layer"), &layer))
        continue;   /* seen from the front */

      /* A whole (trapezius, erector spinae) is drawn through its parts. */
      for (guint j = 0; j < g_list_model_get_n_items (muscles); j++)
        {
          g_autoptr(DorsumEntry) other = g_list_model_get_item (muscles, j);

          if (g_strcmp0 (dorsum_entry_get_part_of (other), id) == 0)
            has_parts = TRUE;
        }
      if (has_parts)
        continue;

      if (!dorsum_diagram_has_muscle (layers[layer], id))
        g_error ("%s is %s but has no region on that layer", id, dorsum_layer_to_string (layer));
    }

  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    g_object_unref (layers[l]);
}

static void
test_render (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_layer (DORSUM_LAYER_SUPERFICIAL, &error);
  const guint widths[] = { 100, 400, 1000 };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      int w = (int)widths[i], h = (int)(widths[i] * 1.5);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (surface);
      const DorsumRegion *region = dorsum_diagram_lookup (diagram, "latissimus-dorsi.right");
      guint32 pixel;
      guchar *data;
      int px, py;

      g_assert_true (dorsum_diagram_render (diagram, cr, w, h, DORSUM_RENDER_LABELS, &error));
      g_assert_no_error (error);
      cairo_surface_flush (surface);

      /* The latissimus is painted (opaque, reddish) where the region says it is. */
      px = (int)(region->centre.x * w / 800);
      py = (int)(region->centre.y * h / 1200);
      data = cairo_image_surface_get_data (surface);
      pixel = *(guint32 *)(gpointer)(data + py * cairo_image_surface_get_stride (surface) + px * 4);
      g_assert_cmpuint (pixel >> 24, ==, 0xff);
      g_assert_cmpuint ((pixel >> 16) & 0xff, >, (pixel & 0xff) + 30);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static cairo_surface_t *
render_layer (DorsumDiagram      *diagram,
              int                 w,
              int                 h,
              const char * const *highlight)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  g_assert_true (dorsum_diagram_render (diagram, cr, w, h, DORSUM_RENDER_DEFAULT, NULL));
  cairo_scale (cr, w / 800.0, h / 1200.0);
  dorsum_diagram_draw_highlight (diagram, cr, highlight, 0.2, 0.5, 0.9, 1.0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
test_highlight_only_inside (void)
{
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_layer (DORSUM_LAYER_SUPERFICIAL, NULL);
  const char *highlight[] = { "latissimus-dorsi", NULL };
  const int w = 400, h = 600;
  cairo_surface_t *plain = render_layer (diagram, w, h, NULL);
  cairo_surface_t *lit = render_layer (diagram, w, h, highlight);
  const DorsumRegion *left = dorsum_diagram_lookup (diagram, "latissimus-dorsi.left");
  const DorsumRegion *right = dorsum_diagram_lookup (diagram, "latissimus-dorsi.right");
  int stride = cairo_image_surface_get_stride (plain);
  guchar *a = cairo_image_surface_get_data (plain);
  guchar *b = cairo_image_surface_get_data (lit);
  guint changed = 0;

  for (int py = 0; py < h; py++)
    for (int px = 0; px < w; px++)
      {
        gboolean near = FALSE;

        if (memcmp (a + py * stride + px * 4, b + py * stride + px * 4, 4) == 0)
          continue;

        changed++;
        /* The outline is ~2.5 px wide: a changed pixel lies in the shape or within 3 px of it. */
        for (int oy = -3; oy <= 3 && !near; oy++)
          for (int ox = -3; ox <= 3 && !near; ox++)
            {
              double dx = (px + 0.5 + ox) * 800.0 / w, dy = (py + 0.5 + oy) * 1200.0 / h;

              near = dorsum_region_contains (left, dx, dy) || dorsum_region_contains (right, dx, dy);
            }

        if (!near)
          g_error ("pixel %d,%d changed outside the highlighted regions", px, py);
      }

  /* And the highlight did change something: about the area of the two regions. */
  g_assert_cmpuint (changed, >, (guint)(left->bounds.width * left->bounds.height / 16));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (lit);
}

/* The alpha of the pixel at (x, y) of an ARGB32 surface. */
static guint
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *)(data + y * cairo_image_surface_get_stride (surface) + x * 4);

  return pixel >> 24;
}

/* Each figure draws only its own zones and points, on both sides (tests/data/good/zone-figures.xml). */
static void
test_trigger_points_on_figure (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "zone-figures.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  const DorsumTriggerPoint *points[3];
  DorsumEntry *muscle;
  static const char * const figures[] = { "posterior", "anterior" };

  g_assert_true (dorsum_library_add_pack (library, file, &error));
  g_assert_no_error (error);
  muscle = dorsum_library_lookup (library, "test-front");
  g_assert_nonnull (muscle);
  for (guint i = 0; i < 3; i++)
    points[i] = dorsum_entry_get_trigger_point (muscle, i);

  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 1200);
      cairo_t *cr = cairo_create (surface);
      gboolean anterior = f == 1;

      dorsum_draw_trigger_points_on_figure (cr, figures[f], points, 3, 1.0, 1, 0, 0);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* The anterior zone of the posterior point, and its mirror. */
      g_assert_cmpuint (alpha_at (surface, 215, 320) > 0, ==, anterior);
      g_assert_cmpuint (alpha_at (surface, 585, 320) > 0, ==, anterior);
      /* The anterior point's own zone, which it inherits. */
      g_assert_cmpuint (alpha_at (surface, 290, 385) > 0, ==, anterior);
      /* The posterior zones: of the first point, and the one the anterior point names. */
      g_assert_cmpuint (alpha_at (surface, 510, 440) > 0, ==, !anterior);
      g_assert_cmpuint (alpha_at (surface, 465, 415) > 0, ==, !anterior);
      g_assert_cmpuint (alpha_at (surface, 335, 415) > 0, ==, !anterior);
      /* The anterior point's cross, away from any zone on the posterior figure. */
      g_assert_cmpuint (alpha_at (surface, 300, 360) > 0, ==, anterior);

      cairo_surface_destroy (surface);
    }
}

/* Hostile figures: figures will come with packs, so each of these must be refused with
 * the file, the line and the problem, within a second (see tests/data/README.md). */
typedef struct
{
  const char *name;
  const char *prologue;   /* before <svg> */
  const char *viewbox;
  const char *d;          /* the path data; NULL for @extra alone */
  const char *where;      /* what the message starts with */
  const char *words;      /* and a phrase it holds */
} HostileFigure;

static const HostileFigure hostile_figures[] = {
  /* A number after Z was read as another Z, for ever. */
  { "number-after-z", "", "0 0 10 10", "M 1 1 L 5 1 L 5 5 Z 3 4", "z.svg:3: x.left: ", "a number follows Z" },
  /* Near 1e16 adding a step of 0.25 changes nothing: the centre search never ended. */
  { "huge-coordinates", "", "0 0 10 10", "M 1e16 0 L 1e16 5 L 10000000000000002 5 Z", "z.svg:3: x.left: ", "out of range" },
  { "relative-overflow", "", "0 0 10 10", "M 900000 0 l 900000 0 l 0 5 Z", "z.svg:3: x.left: ", "out of range" },
  /* g_ascii_strtod reads these; an infinite bound was cast to int. */
  { "inf", "", "0 0 10 10", "M inf 0 L 5 5 L 0 5 Z", "z.svg:3: x.left: ", "malformed near “inf 0" },
  { "nan", "", "0 0 10 10", "M 0 0 L nan 5 L 0 5 Z", "z.svg:3: x.left: ", "malformed near “nan 5" },
  { "hex", "", "0 0 10 10", "M 0x10 0 L 5 5 L 0 5 Z", "z.svg:3: x.left: ", "malformed" },
  { "long-number", "", "0 0 10 10", "M 1.00000000000000000000000000000000000000000000000000 0 L 5 5 Z",
    "z.svg:3: x.left: ", "a number is too long" },
  /* A view box of 2^20 made a grid of 2^32 cells, which overflowed: a write out of bounds. */
  { "huge-viewbox", "", "0 0 1048576 1048576", "M 1 1 L 5 1 L 5 5 Z", "z.svg:1: ", "viewBox" },
  { "nan-viewbox", "", "0 0 nan 10", "M 1 1 L 5 1 L 5 5 Z", "z.svg:", "viewBox" },
  { "zero-viewbox", "", "0 0 0 10", "M 1 1 L 5 1 L 5 5 Z", "z.svg:1: ", "viewBox" },
  /* Every other reader refuses a DOCTYPE; so does this one. */
  { "doctype", "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">]>\n", "0 0 10 10", "M 1 1 L 5 1 L 5 5 Z",
    "z.svg:1: ", "DOCTYPE" },
};

typedef struct
{
  GBytes    *svg;
  GError    *error;
  gboolean   done;
  gboolean   refused;
  GMutex     lock;
  GCond      cond;
} ParseJob;

static gpointer
parse_thread (gpointer data)
{
  ParseJob *job = data;
  GError *error = NULL;
  DorsumDiagram *diagram = dorsum_diagram_new_from_bytes (job->svg, NULL, "z.svg", &error);

  g_mutex_lock (&job->lock);
  job->refused = diagram == NULL;
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
  g_clear_object (&diagram);

  return NULL;
}

/* Parses @svg in a thread, failing the test if that takes more than 60 s (well under a
 * second natively; the margin is for valgrind). */
static GError *
parse_refused (GBytes *svg)
{
  ParseJob job = { svg, NULL, FALSE, FALSE };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GThread *thread;

  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);
  thread = g_thread_new ("parse", parse_thread, &job);

  g_mutex_lock (&job.lock);
  while (!job.done)
    if (!g_cond_wait_until (&job.cond, &job.lock, deadline))
      break;
  g_mutex_unlock (&job.lock);
  if (!job.done)
    g_error ("the figure was still being read after 60 s");

  g_thread_join (thread);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);
  g_assert_true (job.refused);
  g_assert_nonnull (job.error);

  return job.error;
}

static void
test_hostile (gconstpointer data)
{
  const HostileFigure *figure = data;
  g_autofree char *svg = g_strdup_printf ("%s<svg xmlns='http://www.w3.org/2000/svg' viewBox='%s'>\n"
                                          "<g id='muscles'>\n<path id='x.left' d='%s'/></g></svg>\n",
                                          figure->prologue, figure->viewbox, figure->d);
  g_autoptr(GBytes) bytes = g_bytes_new (svg, strlen (svg));
  g_autoptr(GError) error = parse_refused (bytes);

  g_test_message ("%s", error->message);
  g_assert_error (error, DORSUM_DIAGRAM_ERROR, DORSUM_DIAGRAM_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, figure->where));
  g_assert_nonnull (strstr (error->message, figure->words));
}

/* Built in memory: a path of more points than a figure may hold, an element of more
 * attributes than the parser takes, more regions or elements than a figure may have, a
 * long id. */
static void
test_hostile_sizes (void)
{
  g_autoptr(GString) svg = g_string_new ("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>\n<g id='muscles'>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize header = svg->len;

  g_string_append (svg, "<path id='x.left' d='M 0 0");
  for (guint i = 0; i <= DORSUM_DIAGRAM_MAX_POINTS; i++)
    g_string_append (svg, " L 1 1");
  g_string_append (svg, "'/></g></svg>");
  bytes = g_bytes_new (svg->str, svg->len);
  error = parse_refused (bytes);
  g_assert_true (g_str_has_prefix (error->message, "z.svg:3: x.left: "));
  g_assert_nonnull (strstr (error->message, "too many points"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_string_truncate (svg, header);
  g_string_append (svg, "<path id='x.left' d='M 0 0 L 1 1 Z'");
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (svg, " a%u='1'", i);
  g_string_append (svg, "/></g></svg>");
  bytes = g_bytes_new (svg->str, svg->len);
  error = parse_refused (bytes);
  g_assert_true (g_str_has_prefix (error->message, "z.svg:3: "));
  g_assert_nonnull (strstr (error->message, "more than 256 attributes"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_string_truncate (svg, header);
  for (guint i = 0; i <= DORSUM_DIAGRAM_MAX_REGIONS; i++)
    g_string_append_printf (svg, "<path id='m%u.left' d='M 0 0 L 1 1 L 0 1 Z'/>\n", i);
  g_string_append (svg, "</g></svg>");
  bytes = g_bytes_new (svg->str, svg->len);
  error = parse_refused (bytes);
  g_assert_true (g_str_has_prefix (error->message, "z.svg:1003: m1000.left: "));
  g_assert_nonnull (strstr (error->message, "at most 1000 regions"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* librsvg took 8 s and 420 MB for 240000 elements. */
  g_string_truncate (svg, header);
  g_string_append (svg, "</g>\n");
  for (guint i = 0; i < DORSUM_DIAGRAM_MAX_ELEMENTS; i++)
    g_string_append (svg, "<rect width='1' height='1'/>\n");
  g_string_append (svg, "</svg>");
  bytes = g_bytes_new (svg->str, svg->len);
  error = parse_refused (bytes);
  /* The 5001st element (after <svg> and <g>) is on line 5002. */
  g_assert_cmpstr (error->message, ==, "z.svg:5002: a figure may have at most 5000 elements");
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_string_truncate (svg, header);
  g_string_append (svg, "<path id='");
  for (guint i = 0; i < 100000; i++)
    g_string_append (svg, "long");
  g_string_append (svg, ".left' d='M 0 0 A'/></g></svg>");
  bytes = g_bytes_new (svg->str, svg->len);
  error = parse_refused (bytes);
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_assert_nonnull (strstr (error->message, "longlonglong…"));
}

/* The figures that ship stay well inside every limit. */
static void
test_limits_leave_room (void)
{
  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_layer (l, &error);
      guint points = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < dorsum_diagram_get_n_regions (diagram); i++)
        {
          const DorsumRegion *region = dorsum_diagram_get_region (diagram, i);

          for (guint p = 0; p < region->polygons->len; p++)
            points += ((GArray *)g_ptr_array_index (region->polygons, p))->len;
        }
      g_assert_cmpuint (points * 10, <, DORSUM_DIAGRAM_MAX_POINTS);
      g_assert_cmpuint (dorsum_diagram_get_n_regions (diagram) * 10, <, DORSUM_DIAGRAM_MAX_REGIONS);
      g_assert_cmpuint (dorsum_diagram_get_n_regions (diagram) * 10, <, DORSUM_DIAGRAM_MAX_ELEMENTS);
    }
}

static cairo_surface_t *
render_labels (DorsumDiagram     *diagram,
               DorsumRenderFlags  flags)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 600);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;

  g_assert_true (dorsum_diagram_render (diagram, cr, 400, 600, flags, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (g_getenv ("DORSUM_LABELS_PNG_DIR"))
    {
      g_autofree char *name = g_strdup_printf ("labels-%d.png", flags);
      g_autofree char *path = g_build_filename (g_getenv ("DORSUM_LABELS_PNG_DIR"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }

  return surface;
}

static guint
pixels_differing (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  const guint32 *pa = (const guint32 *)(gpointer)cairo_image_surface_get_data (a);
  const guint32 *pb = (const guint32 *)(gpointer)cairo_image_surface_get_data (b);
  guint n = 0;

  for (int i = 0; i < 400 * 600; i++)
    n += pa[i] != pb[i];

  return n;
}

/* The names on the figure follow the desktop: high contrast gives them full ink and a wider
 * halo, large text makes them larger; the muscles themselves do not change. */
static void
test_label_styles (void)
{
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_layer (DORSUM_LAYER_SUPERFICIAL, NULL);
  cairo_surface_t *plain = render_labels (diagram, DORSUM_RENDER_DEFAULT);
  cairo_surface_t *labels = render_labels (diagram, DORSUM_RENDER_LABELS);
  cairo_surface_t *contrast = render_labels (diagram, DORSUM_RENDER_LABELS | DORSUM_RENDER_HIGH_CONTRAST);
  cairo_surface_t *large = render_labels (diagram, DORSUM_RENDER_LABELS | DORSUM_RENDER_LARGE_TEXT);
  cairo_surface_t *dark = render_labels (diagram, DORSUM_RENDER_LABELS | DORSUM_RENDER_DARK | DORSUM_RENDER_HIGH_CONTRAST);
  /* Without labels, the label flags change nothing. */
  cairo_surface_t *plain_flags = render_labels (diagram, DORSUM_RENDER_HIGH_CONTRAST | DORSUM_RENDER_LARGE_TEXT);

  g_assert_cmpuint (pixels_differing (plain, labels), >, 1000);
  g_assert_cmpuint (pixels_differing (labels, contrast), >, 1000);
  g_assert_cmpuint (pixels_differing (labels, large), >, 1000);
  g_assert_cmpuint (pixels_differing (contrast, dark), >, 1000);
  g_assert_cmpuint (pixels_differing (plain, plain_flags), ==, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (labels);
  cairo_surface_destroy (contrast);
  cairo_surface_destroy (large);
  cairo_surface_destroy (dark);
  cairo_surface_destroy (plain_flags);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diagram/small/hits", test_small_hits);
  g_test_add_func ("/diagram/small/bad-path", test_bad_path);
  g_test_add_func ("/diagram/layers/integrity", test_layers_integrity);
  g_test_add_func ("/diagram/label-styles", test_label_styles);
  g_test_add_func ("/diagram/layers/render", test_render);
  g_test_add_func ("/diagram/layers/highlight-only-inside", test_highlight_only_inside);
  g_test_add_func ("/diagram/trigger-points-on-figure", test_trigger_points_on_figure);
  g_test_add_func ("/diagram/layers/limits-leave-room", test_limits_leave_room);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_figures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/diagram/hostile/%s", hostile_figures[i].name);

      g_test_add_data_func (path, &hostile_figures[i], test_hostile);
    }
  g_test_add_func ("/diagram/hostile/sizes", test_hostile_sizes);

  return g_test_run ();
}
