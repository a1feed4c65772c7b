/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figure tests: the manifest reads and bad manifests are refused; every layer of every figure
 * keeps the generator's promises (known ids, mirrored halves on the right sides, no overlaps)
 * and every point inside a region hits that region. */

#include "config.h"

#include <string.h>

#include "dorsum-figure.h"
#include "dorsum-library.h"

/* Muscles drawn on the anterior figure whose library entries have not landed yet
 * (build-aux/draw-diagrams.py has the same list, PENDING_IDS). Remove an id from both
 * lists when its entry is in data/library; a region whose muscle is in neither fails. */
static const char * const pending_muscles[] = {
  NULL
};

/* Samples every SAMPLE_STEP diagram units; the generator's own check is finer (one unit rows). */
#define SAMPLE_STEP 2.0
/* Neighbours share their border curves; flattening may leave slivers this large (units²). */
#define MAX_OVERLAP 12.0

static void
test_builtin_manifest (void)
{
  g_autoptr(GError) error = NULL;
  GListModel *figures = dorsum_figures_get_default (&error);
  g_autoptr(DorsumFigure) first = NULL;
  g_autoptr(DorsumDiagram) by_layer = NULL;
  g_autoptr(DorsumDiagram) by_figure = NULL;
  DorsumFigure *posterior, *anterior;
  guint position;

  g_assert_no_error (error);
  g_assert_nonnull (figures);
  g_assert_cmpuint (g_list_model_get_n_items (figures), >=, 2);
  g_assert_true (g_list_model_get_item_type (figures) == DORSUM_TYPE_FIGURE);

  /* The posterior figure comes first and has the layers DorsumLayer names, in its order. */
  first = g_list_model_get_item (figures, 0);
  posterior = dorsum_figure_lookup ("posterior", &error);
  g_assert_no_error (error);
  g_assert_true (first == posterior);
  g_assert_cmpstr (dorsum_figure_get_title (posterior), ==, "Back");
  g_assert_cmpint (dorsum_figure_get_view (posterior), ==, DORSUM_VIEW_POSTERIOR);
  g_assert_cmpuint (dorsum_figure_get_n_layers (posterior), ==, DORSUM_N_LAYERS);
  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    {
      g_assert_cmpstr (dorsum_figure_get_layer_id (posterior, l), ==, dorsum_layer_to_string (l));
      g_assert_cmpstr (dorsum_figure_get_layer_title (posterior, l), ==, dorsum_layer_get_title (l));
    }

  anterior = dorsum_figure_lookup ("anterior", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dorsum_figure_get_title (anterior), ==, "Front");
  g_assert_cmpint (dorsum_figure_get_view (anterior), ==, DORSUM_VIEW_ANTERIOR);
  g_assert_cmpstr (dorsum_view_to_string (DORSUM_VIEW_ANTERIOR), ==, "anterior");
  g_assert_true (dorsum_figure_find_layer (anterior, "superficial", &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (dorsum_figure_find_layer (anterior, "deep", &position));
  g_assert_cmpuint (position, ==, dorsum_figure_get_n_layers (anterior) - 1);
  g_assert_false (dorsum_figure_find_layer (anterior, "skin", NULL));

  /* The old entry point and the new one share one parsed diagram. */
  by_layer = dorsum_diagram_new_for_layer (DORSUM_LAYER_MIDDLE, &error);
  g_assert_no_error (error);
  by_figure = dorsum_diagram_new_for_figure ("posterior", "middle", &error);
  g_assert_no_error (error);
  g_assert_true (by_layer == by_figure);

  /* Unknown ids are errors that say what there is. */
  g_assert_null (dorsum_figure_lookup ("lateral-left", &error));
  g_assert_error (error, DORSUM_FIGURE_ERROR, DORSUM_FIGURE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "posterior"));
  g_clear_error (&error);

  g_assert_null (dorsum_diagram_new_for_figure ("anterior", "skin", &error));
  g_assert_error (error, DORSUM_FIGURE_ERROR, DORSUM_FIGURE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "superficial"));
  g_clear_error (&error);
}

static void
test_bad_manifests (void)
{
  static const struct {
    const char *file;
    int         code;
    guint       line;
  } cases[] = {
    { "duplicate-layer.xml", DORSUM_LIBRARY_ERROR_DUPLICATE, 6 },
    { "duplicate-figure.xml", DORSUM_LIBRARY_ERROR_DUPLICATE, 7 },
    { "bad-view.xml", DORSUM_LIBRARY_ERROR_SCHEMA, 0 },
    { "path-in-svg.xml", DORSUM_LIBRARY_ERROR_SCHEMA, 0 },
    { "doctype.xml", DORSUM_LIBRARY_ERROR_DOCTYPE, 2 },
    { "wrong-root.xml", DORSUM_LIBRARY_ERROR_WRONG_ROOT, 2 },
    { "no-layer.xml", DORSUM_LIBRARY_ERROR_SCHEMA, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "figures", cases[i].file, NULL);
      g_autofree char *contents = NULL;
      /* Schema errors carry the line libxml2 gives (0 here: not asserted), the others ours. */
      g_autofree char *where = cases[i].line ? g_strdup_printf ("%s:%u:", cases[i].file, cases[i].line)
                                             : g_strdup_printf ("%s:", cases[i].file);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) figures = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      figures = dorsum_figures_new_from_bytes (bytes, cases[i].file, &error);

      g_test_message ("%s: %s", cases[i].file, error ? error->message : "(loaded)");
      g_assert_null (figures);
      g_assert_error (error, DORSUM_LIBRARY_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, where));
    }
}

static gboolean
is_pending (const char *muscle)
{
  return g_strv_contains (pending_muscles, muscle);
}

/* What build-aux/draw-diagrams.py checks before it writes a figure, checked again on what ships. */
static void
check_layer (DorsumFigure  *figure,
             const char    *layer,
             DorsumLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumDiagram) diagram = dorsum_figure_load_layer (figure, layer, &error);
  DorsumView view = dorsum_figure_get_view (figure);
  guint n, *overlap, *inside_hits;

  g_assert_no_error (error);
  g_assert_cmpfloat (dorsum_diagram_get_width (diagram), ==, 800);
  g_assert_cmpfloat (dorsum_diagram_get_height (diagram), ==, 1200);
  n = dorsum_diagram_get_n_regions (diagram);
  g_assert_cmpuint (n, >=, 8);

  for (guint i = 0; i < n; i++)
    {
      const DorsumRegion *region = dorsum_diagram_get_region (diagram, i);
      DorsumEntry *entry = dorsum_library_lookup (library, region->muscle);
      g_autofree char *twin_id = g_strconcat (region->muscle, region->side == DORSUM_SIDE_LEFT ? ".right" : ".left", NULL);
      const DorsumRegion *twin = dorsum_diagram_lookup (diagram, twin_id);
      /* Which half of the picture the region's side lies in, by the way the figure faces. */
      gboolean on_picture_right = (region->side == DORSUM_SIDE_RIGHT) == (view != DORSUM_VIEW_ANTERIOR);

      if (entry == NULL && !is_pending (region->muscle))
        g_error ("%s/%s: %s is not a muscle of the library", dorsum_figure_get_id (figure), layer, region->id);
      if (entry != NULL)
        g_assert_cmpint (dorsum_entry_get_kind (entry), ==, DORSUM_KIND_MUSCLE);

      g_assert_nonnull (twin);
      g_assert_cmpfloat_with_epsilon (region->bounds.x + region->bounds.width, 800 - twin->bounds.x, 0.5);
      g_assert_cmpfloat_with_epsilon (region->bounds.y, twin->bounds.y, 0.5);
      g_assert_cmpfloat_with_epsilon (region->bounds.height, twin->bounds.height, 0.5);

      if (view != DORSUM_VIEW_LATERAL)
        {
          if (on_picture_right)
            g_assert_cmpfloat (region->bounds.x, >=, 399.5);
          else
            g_assert_cmpfloat (region->bounds.x + region->bounds.width, <=, 400.5);
        }
    }

  /* Sample the picture: a point in exactly one region hits that region; points in two regions
   * are only the slivers along shared borders. */
  overlap = g_new0 (guint, n * n);
  inside_hits = g_new0 (guint, n);
  for (double y = SAMPLE_STEP / 2; y < 1200; y += SAMPLE_STEP)
    for (double x = SAMPLE_STEP / 2; x < 800; x += SAMPLE_STEP)
      {
        guint in[4], k = 0;
        const DorsumRegion *hit = dorsum_diagram_hit (diagram, x, y);

        for (guint i = 0; i < n; i++)
          if (dorsum_region_contains (dorsum_diagram_get_region (diagram, i), x, y) && k < G_N_ELEMENTS (in))
            in[k++] = i;

        if (k == 0 && hit != NULL)
          g_error ("%s/%s: (%.0f, %.0f) is in no region but hits %s", dorsum_figure_get_id (figure), layer, x, y, hit->id);
        if (k == 1)
          {
            const DorsumRegion *region = dorsum_diagram_get_region (diagram, in[0]);

            if (hit != region)
              g_error ("%s/%s: (%.0f, %.0f) is inside %s but hits %s", dorsum_figure_get_id (figure), layer,
                       x, y, region->id, hit ? hit->id : "nothing");
            inside_hits[in[0]]++;
          }
        for (guint a = 0; a < k; a++)
          for (guint b = a + 1; b < k; b++)
            overlap[in[a] * n + in[b]]++;
      }

  for (guint i = 0; i < n; i++)
    {
      const DorsumRegion *region = dorsum_diagram_get_region (diagram, i);

      /* Every region has an inside to click (its centre too), not only a border. */
      if (inside_hits[i] < 4)
        g_error ("%s/%s: %s has almost no inside", dorsum_figure_get_id (figure), layer, region->id);
      g_assert_true (dorsum_diagram_hit (diagram, region->centre.x, region->centre.y) == region);

      for (guint j = i + 1; j < n; j++)
        if (overlap[i * n + j] * SAMPLE_STEP * SAMPLE_STEP > MAX_OVERLAP)
          g_error ("%s/%s: %s and %s overlap by about %.0f units²", dorsum_figure_get_id (figure), layer,
                   region->id, dorsum_diagram_get_region (diagram, j)->id,
                   overlap[i * n + j] * SAMPLE_STEP * SAMPLE_STEP);
    }

  /* Outside the body, and on the midline above the head: nothing. */
  g_assert_null (dorsum_diagram_hit (diagram, 5, 5));
  g_assert_null (dorsum_diagram_hit (diagram, 795, 5));
  g_assert_null (dorsum_diagram_hit (diagram, 5, 1195));
  g_assert_null (dorsum_diagram_hit (diagram, 400, 20));

  g_free (overlap);
  g_free (inside_hits);
}

static void
test_every_layer (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  GListModel *figures = dorsum_figures_get_default (NULL);

  g_assert_true (dorsum_library_load_builtin (library, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(DorsumFigure) figure = g_list_model_get_item (figures, i);

      for (guint l = 0; l < dorsum_figure_get_n_layers (figure); l++)
        {
          g_test_message ("%s/%s", dorsum_figure_get_id (figure), dorsum_figure_get_layer_id (figure, l));
          check_layer (figure, dorsum_figure_get_layer_id (figure, l), library);
        }
    }

  /* A pending muscle whose entry has landed is harmless, but the list should shrink. */
  for (guint i = 0; pending_muscles[i]; i++)
    if (dorsum_library_lookup (library, pending_muscles[i]) != NULL)
      g_test_message ("%s has a library entry now: remove it from the pending lists", pending_muscles[i]);
}

/* The anterior figure faces the viewer: its left pectoralis is on the picture's right. */
static void
test_anterior_sides (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_figure ("anterior", "superficial", &error);
  const DorsumRegion *left;

  g_assert_no_error (error);
  left = dorsum_diagram_lookup (diagram, "pectoralis-major.left");
  g_assert_nonnull (left);
  g_assert_cmpint (left->side, ==, DORSUM_SIDE_LEFT);
  g_assert_cmpfloat (left->centre.x, >, 400);
  g_assert_true (dorsum_diagram_hit (diagram, left->centre.x, left->centre.y) == left);
  g_assert_true (dorsum_diagram_has_muscle (diagram, "rectus-abdominis"));
  g_assert_true (dorsum_diagram_has_muscle (diagram, "serratus-anterior"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure/manifest/builtin", test_builtin_manifest);
  g_test_add_func ("/figure/manifest/bad", test_bad_manifests);
  g_test_add_func ("/figure/layers/every-layer", test_every_layer);
  g_test_add_func ("/figure/anterior/sides", test_anterior_sides);

  return g_test_run ();
}
