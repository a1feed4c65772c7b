/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Selection change to the next painted frame in a 1920×1080 window with the diagram view:
 * the SVG must not be re-rendered, only the highlight overlay. Needs a display (Xvfb). */

#include "config.h"

#include <adwaita.h>

#include "dorsum-diagram-view.h"

typedef struct
{
  DorsumDiagramView *view;
  GArray            *samples;
  gint64             started;
  guint              next;
  GMainLoop         *loop;
} Bench;

static const char *muscles[] = {
  "latissimus-dorsi", "trapezius", "gluteus-maximus", "infraspinatus", "teres-major",
  "posterior-deltoid", "gluteus-medius", "thoracolumbar-fascia", "external-oblique", "semitendinosus",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return (da > db) - (da < db);
}

static gboolean
select_next (gpointer data)
{
  Bench *bench = data;

  bench->started = g_get_monotonic_time ();
  dorsum_diagram_view_select_muscle (bench->view, muscles[bench->next % G_N_ELEMENTS (muscles)]);
  bench->next++;

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->started != 0)
    {
      double ms = (g_get_monotonic_time () - bench->started) / 1000.0;

      g_array_append_val (bench->samples, ms);
      bench->started = 0;
    }

  if (bench->samples->len >= 200)
    {
      g_main_loop_quit (bench->loop);
      return;
    }

  /* Let the frame settle, then change the selection again. */
  g_timeout_add (5, select_next, bench);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  Bench bench = { 0 };
  GtkWidget *window;

  gtk_init ();
  adw_init ();
  dorsum_library_load_builtin (library, NULL);

  bench.samples = g_array_new (FALSE, FALSE, sizeof (double));
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.view = DORSUM_DIAGRAM_VIEW (dorsum_diagram_view_new ());
  dorsum_diagram_view_set_library (bench.view, library);

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.view));
  gtk_window_present (GTK_WINDOW (window));

  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), &bench);
  g_main_loop_run (bench.loop);

  g_array_sort (bench.samples, compare_doubles);
  g_print ("selection change to next frame at %dx%d: median %.2f ms, 90th percentile %.2f ms over %u changes "
           "(target <= 4 ms)\n",
           gtk_widget_get_width (window), gtk_widget_get_height (window),
           g_array_index (bench.samples, double, bench.samples->len / 2),
           g_array_index (bench.samples, double, bench.samples->len * 9 / 10),
           bench.samples->len);

  gtk_window_destroy (GTK_WINDOW (window));
  g_main_loop_unref (bench.loop);
  g_array_unref (bench.samples);

  return 0;
}
