/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests under a display (Xvfb in CI): a click at a region's widget position selects
 * that region at several zoom levels, a click in a gap selects nothing, the window links
 * list and diagram both ways, a diagram rendered ahead of layout ends sharp, and nothing
 * leaks. */

#include "config.h"

#include <adwaita.h>

#include "dorsum-application.h"
#include "dorsum-diagram-view.h"
#include "dorsum-sides-overlay.h"
#include "dorsum-window-private.h"

static void
wait_for_draw (GtkWidget *widget)
{
  /* Let the window map, allocate and paint. */
  for (guint i = 0; i < 50 && (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0); i++)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
activated_cb (DorsumDiagramView *view,
              const char        *muscle,
              const char        *region,
              char             **out)
{
  g_free (*out);
  *out = g_strdup (region);
}

static void
test_view_click (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  GtkWidget *window = gtk_window_new ();
  DorsumDiagramView *view = DORSUM_DIAGRAM_VIEW (dorsum_diagram_view_new ());
  const double zooms[] = { 1.0, 2.0, 3.5 };
  g_autofree char *activated = NULL;
  DorsumDiagram *diagram;

  g_assert_true (dorsum_library_load_builtin (library, NULL));
  dorsum_diagram_view_set_library (view, library);
  g_signal_connect (view, "region-activated", G_CALLBACK (activated_cb), &activated);

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (view));
  g_object_ref (view);

  diagram = dorsum_diagram_view_get_diagram (view);
  g_assert_nonnull (diagram);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      const char *ids[] = { "latissimus-dorsi.left", "gluteus-maximus.right", "trapezius-descending.right" };

      dorsum_diagram_view_set_zoom (view, zooms[z]);
      wait_for_draw (GTK_WIDGET (view));

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          const DorsumRegion *region = dorsum_diagram_lookup (diagram, ids[i]);
          double x, y;

          g_assert_nonnull (region);
          /* Bring the region to the middle, as a user would pan to it. */
          dorsum_diagram_view_select_muscle (view, NULL);
          dorsum_diagram_view_diagram_to_widget (view, region->centre.x, region->centre.y, &x, &y);
          if (x < 0 || y < 0 || x >= gtk_widget_get_width (GTK_WIDGET (view)) || y >= gtk_widget_get_height (GTK_WIDGET (view)))
            continue;

          g_assert_true (dorsum_diagram_view_click (view, x, y));
          g_assert_cmpstr (activated, ==, ids[i]);
          g_assert_cmpstr (dorsum_diagram_view_get_selected (view), ==, region->muscle);
        }
    }

  /* Outside the figure: nothing is selected, nothing emitted. */
  dorsum_diagram_view_set_zoom (view, 1.0);
  wait_for_draw (GTK_WIDGET (view));
  g_clear_pointer (&activated, g_free);
  g_assert_false (dorsum_diagram_view_click (view, 2, 2));
  g_assert_null (activated);

  /* Layer switch keeps zoom and selection. */
  dorsum_diagram_view_set_zoom (view, 2.0);
  dorsum_diagram_view_select_muscle (view, "infraspinatus");
  dorsum_diagram_view_set_layer (view, DORSUM_LAYER_MIDDLE);
  g_assert_cmpfloat (dorsum_diagram_view_get_zoom (view), ==, 2.0);
  g_assert_cmpstr (dorsum_diagram_view_get_selected (view), ==, "infraspinatus");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

/* The view's pixels as it would draw them now. */
static GBytes *
render_view (GtkWidget *view)
{
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels = g_malloc ((gsize)width * height * 4);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  gsk_renderer_unrealize (renderer);

  return g_bytes_new_take (pixels, (gsize)width * height * 4);
}

/* Waits for what the view renders in threads: an exact texture after a stand-in, and the
 * other layers ahead (after a quarter of a second). */
static void
wait_for_renders (void)
{
  for (guint i = 0; i < 100; i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

static GtkWidget *
view_in_window (DorsumLibrary *library,
                DorsumLayer    layer,
                double         zoom,
                int            prerender_width,
                int            prerender_height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = dorsum_diagram_view_new ();

  dorsum_diagram_view_set_library (DORSUM_DIAGRAM_VIEW (view), library);
  dorsum_diagram_view_set_layer (DORSUM_DIAGRAM_VIEW (view), layer);
  dorsum_diagram_view_set_zoom (DORSUM_DIAGRAM_VIEW (view), zoom);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 600);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), view);
  if (prerender_width > 0)
    dorsum_diagram_view_prerender (DORSUM_DIAGRAM_VIEW (view), prerender_width, prerender_height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (view);
  wait_for_renders ();

  return view;
}

/* Closes the windows of the views given, up to NULL, and lets them go. */
static void
close_views (GtkWidget *view,
             ...)
{
  va_list args;

  va_start (args, view);
  for (; view != NULL; view = va_arg (args, GtkWidget *))
    gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
  va_end (args);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A texture rendered before layout for a guessed size, right or wrong, ends as sharp as
 * one rendered for the size the view got. */
static void
test_view_prerender (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  GtkWidget *plain, *right, *wrong;
  g_autoptr(GBytes) plain_pixels = NULL, right_pixels = NULL, wrong_pixels = NULL;

  g_assert_true (dorsum_library_load_builtin (library, NULL));
  plain = view_in_window (library, DORSUM_LAYER_SUPERFICIAL, 1.0, 0, 0);
  right = view_in_window (library, DORSUM_LAYER_SUPERFICIAL, 1.0, gtk_widget_get_width (plain), gtk_widget_get_height (plain));
  wrong = view_in_window (library, DORSUM_LAYER_SUPERFICIAL, 1.0, gtk_widget_get_width (plain) - 40, gtk_widget_get_height (plain) - 40);

  g_assert_cmpint (gtk_widget_get_height (right), ==, gtk_widget_get_height (plain));
  g_assert_cmpint (gtk_widget_get_height (wrong), ==, gtk_widget_get_height (plain));
  plain_pixels = render_view (plain);
  right_pixels = render_view (right);
  wrong_pixels = render_view (wrong);
  g_assert_true (g_bytes_equal (plain_pixels, right_pixels));
  g_assert_true (g_bytes_equal (plain_pixels, wrong_pixels));

  close_views (plain, right, wrong, NULL);
}

static GtkWidget *
view_with_first_texture (DorsumLibrary *library,
                         DorsumLayer    layer,
                         DorsumLayer    texture_layer,
                         GdkTexture    *texture)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = dorsum_diagram_view_new ();

  dorsum_diagram_view_set_library (DORSUM_DIAGRAM_VIEW (view), library);
  dorsum_diagram_view_set_layer (DORSUM_DIAGRAM_VIEW (view), layer);
  dorsum_diagram_view_set_first_texture (DORSUM_DIAGRAM_VIEW (view), texture_layer, texture);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 600);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (view);
  wait_for_renders ();

  return view;
}

/* A texture rendered before the view existed is what the view draws, if it is for the
 * layer shown; at a slightly wrong size it stands in until the exact one is rendered. */
static void
test_view_first_texture (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GdkTexture) deep_texture = NULL, near_texture = NULL;
  g_autoptr(GBytes) plain_pixels = NULL, deep_pixels = NULL;
  GtkWidget *plain, *deep, *taken, *other_layer, *near;
  g_autoptr(GBytes) taken_pixels = NULL, other_pixels = NULL, near_pixels = NULL;
  int width, height;

  g_assert_true (dorsum_library_load_builtin (library, NULL));
  plain = view_in_window (library, DORSUM_LAYER_SUPERFICIAL, 1.0, 0, 0);
  deep = view_in_window (library, DORSUM_LAYER_DEEP, 1.0, 0, 0);
  width = gtk_widget_get_width (plain);
  height = gtk_widget_get_height (plain);
  plain_pixels = render_view (plain);
  deep_pixels = render_view (deep);
  g_assert_false (g_bytes_equal (plain_pixels, deep_pixels));

  /* Offered as the superficial layer, the deep layer's texture shows: it was used. */
  deep_texture = dorsum_diagram_view_render_first (DORSUM_LAYER_DEEP, 1.0, width, height);
  g_assert_nonnull (deep_texture);
  taken = view_with_first_texture (library, DORSUM_LAYER_SUPERFICIAL, DORSUM_LAYER_SUPERFICIAL, deep_texture);
  taken_pixels = render_view (taken);
  g_assert_true (g_bytes_equal (taken_pixels, deep_pixels));

  /* Offered for another layer, it is not used. */
  other_layer = view_with_first_texture (library, DORSUM_LAYER_SUPERFICIAL, DORSUM_LAYER_DEEP, deep_texture);
  other_pixels = render_view (other_layer);
  g_assert_true (g_bytes_equal (other_pixels, plain_pixels));

  /* For a guess 30 px off, the view ends as sharp as one that rendered its own. */
  near_texture = dorsum_diagram_view_render_first (DORSUM_LAYER_SUPERFICIAL, 1.0, width - 30, height - 30);
  near = view_with_first_texture (library, DORSUM_LAYER_SUPERFICIAL, DORSUM_LAYER_SUPERFICIAL, near_texture);
  near_pixels = render_view (near);
  g_assert_true (g_bytes_equal (near_pixels, plain_pixels));

  close_views (plain, deep, taken, other_layer, near, NULL);
}

/* The layer is drawn by a child that GTK redraws only when told: after zooming or
 * switching layers (from a texture rendered ahead) the view shows what a view opened that
 * way shows. */
static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir))
    n++;

  return n;
}

/* Zooming through 200 steps cancels the renders no longer wanted; the threads that render
 * stay few (they grew from 8 to 44 when each cancelled render kept one). */
static void
test_view_zoom_threads (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  GtkWidget *view;
  guint before;

  g_assert_true (dorsum_library_load_builtin (library, NULL));
  view = view_in_window (library, DORSUM_LAYER_SUPERFICIAL, 1.0, 0, 0);
  wait_for_renders ();
  before = count_threads ();

  /* A step a frame, as fast as Ctrl+scroll goes: each frame starts a render. */
  for (guint i = 0; i < 200; i++)
    {
      gint64 frame_end = g_get_monotonic_time () + 17000;

      dorsum_diagram_view_set_zoom (DORSUM_DIAGRAM_VIEW (view), 1.0 + (i % 40) * 0.1);
      while (g_get_monotonic_time () < frame_end)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }
  g_assert_cmpuint (count_threads (), <=, before + 2);
  wait_for_renders ();
  g_assert_cmpuint (count_threads (), <=, before + 2);

  close_views (view, NULL);
}

static void
test_view_redraws_layer (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  GtkWidget *view, *zoomed, *deep;
  g_autoptr(GBytes) before = NULL, after_zoom = NULL, zoomed_pixels = NULL, after_switch = NULL, deep_pixels = NULL;

  g_assert_true (dorsum_library_load_builtin (library, NULL));
  view = view_in_window (library, DORSUM_LAYER_SUPERFICIAL, 1.0, 0, 0);
  zoomed = view_in_window (library, DORSUM_LAYER_SUPERFICIAL, 2.0, 0, 0);
  deep = view_in_window (library, DORSUM_LAYER_DEEP, 2.0, 0, 0);
  before = render_view (view);

  dorsum_diagram_view_set_zoom (DORSUM_DIAGRAM_VIEW (view), 2.0);
  wait_for_draw (view);
  wait_for_renders ();
  after_zoom = render_view (view);
  zoomed_pixels = render_view (zoomed);
  g_assert_false (g_bytes_equal (before, after_zoom));
  g_assert_true (g_bytes_equal (after_zoom, zoomed_pixels));

  /* The deep layer was rendered ahead at this scale while the view waited. */
  dorsum_diagram_view_set_layer (DORSUM_DIAGRAM_VIEW (view), DORSUM_LAYER_DEEP);
  wait_for_draw (view);
  after_switch = render_view (view);
  deep_pixels = render_view (deep);
  g_assert_true (g_bytes_equal (after_switch, deep_pixels));

  close_views (view, zoomed, deep, NULL);
}

static void
test_window_links (void)
{
  g_autoptr(DorsumApplication) app = dorsum_application_new ();
  DorsumWindow *window;
  DorsumDiagramView *view;
  const DorsumRegion *region;
  double x, y;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  window = dorsum_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  view = dorsum_window_get_diagram_view (window);
  wait_for_draw (GTK_WIDGET (view));

  /* From the library to the diagram: a deep muscle switches the layer and is highlighted. */
  g_assert_true (dorsum_window_show_entry (window, "quadratus-lumborum"));
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "quadratus-lumborum");
  g_assert_cmpint (dorsum_diagram_view_get_layer (view), ==, DORSUM_LAYER_DEEP);
  g_assert_cmpstr (dorsum_diagram_view_get_selected (view), ==, "quadratus-lumborum");

  /* From the diagram to the page: click the piriformis on the deep layer. */
  wait_for_draw (GTK_WIDGET (view));
  region = dorsum_diagram_lookup (dorsum_diagram_view_get_diagram (view), "piriformis.right");
  dorsum_diagram_view_diagram_to_widget (view, region->centre.x, region->centre.y, &x, &y);
  g_assert_true (dorsum_diagram_view_click (view, x, y));
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "piriformis");

  /* A whole muscle highlights through its parts and keeps a layer where they show. */
  g_assert_true (dorsum_window_show_entry (window, "trapezius"));
  g_assert_cmpint (dorsum_diagram_view_get_layer (view), ==, DORSUM_LAYER_SUPERFICIAL);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The ink of one side letter: the letter's box drawn by the sides overlay for @figure, as a
 * mask of which pixels are not blank. */
static GBytes *
side_letter_ink (GtkWidget  *widget,
                 const char *figure,
                 gboolean    left)
{
  g_autoptr(DorsumDiagramOverlay) overlay = dorsum_sides_overlay_new ();
  DorsumOverlayContext context = { .figure = figure, .scale = 1.0, .widget = widget };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 60, 60);
  cairo_t *cr = cairo_create (surface);
  double box[4] = { 800, 1200, 0, 0 };
  GByteArray *mask = g_byte_array_new ();

  g_assert_true (dorsum_diagram_overlay_extent (overlay, &context, box));
  /* The letters sit beside the head, inside the box the overlay says it draws in. */
  g_assert_cmpfloat (box[0], <=, 150 - 8);
  g_assert_cmpfloat (box[2], >=, 650 + 8);
  cairo_translate (cr, -(left ? 150 : 650) + 30, -110 + 30);
  dorsum_diagram_overlay_draw (overlay, cr, &context);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 60; y++)
    for (int x = 0; x < 60; x++)
      {
        guint8 alpha = cairo_image_surface_get_data (surface)[y * cairo_image_surface_get_stride (surface) + x * 4 + 3];
        guint8 on = alpha > 64;

        g_byte_array_append (mask, &on, 1);
      }
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (mask);
}

static guint
ink_count (GBytes *ink)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (ink, &size);
  guint n = 0;

  for (gsize i = 0; i < size; i++)
    n += data[i];
  return n;
}

/* L and R beside the figure, readable at any size: from behind, the client's left is on
 * the left; the front figure faces the viewer, so there it is on the right. */
static void
test_view_sides (void)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GBytes) back_left = NULL, back_right = NULL, front_left = NULL, front_right = NULL;

  g_object_ref_sink (label);
  back_left = side_letter_ink (label, "posterior", TRUE);
  back_right = side_letter_ink (label, "posterior", FALSE);
  front_left = side_letter_ink (label, "anterior", TRUE);
  front_right = side_letter_ink (label, "anterior", FALSE);

  /* A letter of some 16 pixels: well more than a few dots. */
  g_assert_cmpuint (ink_count (back_left), >, 30);
  g_assert_cmpuint (ink_count (back_right), >, 30);
  /* The two letters differ; each view shows the other's on the other side. */
  g_assert_false (g_bytes_equal (back_left, back_right));
  g_assert_true (g_bytes_equal (back_left, front_right));
  g_assert_true (g_bytes_equal (back_right, front_left));
  g_object_unref (label);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/diagram-view/click", test_view_click);
  g_test_add_func ("/diagram-view/prerender", test_view_prerender);
  g_test_add_func ("/diagram-view/redraws-layer", test_view_redraws_layer);
  g_test_add_func ("/diagram-view/zoom-threads", test_view_zoom_threads);
  g_test_add_func ("/diagram-view/first-texture", test_view_first_texture);
  g_test_add_func ("/diagram-view/sides", test_view_sides);
  g_test_add_func ("/window/links", test_window_links);

  return g_test_run ();
}
