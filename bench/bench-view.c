/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Selection change to the next painted frame in a 1920×1080 window with the diagram view:
 * the SVG must not be re-rendered, only the highlight overlay. Needs a display (Xvfb). */

#include "config.h"

#include "bench-common.h"

#include <adwaita.h>

#include "dorsum-diagram-view.h"

typedef struct
{
  DorsumDiagramView *view;
  GArray            *samples;
  GArray            *work;
  gint64             started;
  gint64             paint_started;
  guint              next;
  GMainLoop         *loop;
} Bench;

static const char *muscles[] = {
  "latissimus-dorsi", "trapezius", "gluteus-maximus", "infraspinatus", "teres-major",
  "posterior-deltoid", "gluteus-medius", "thoracolumbar-fascia", "external-oblique", "semitendinosus",
};

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
layout_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->paint_started = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->started != 0)
    {
      gint64 now = g_get_monotonic_time ();
      double ms = (now - bench->started) / 1000.0;
      double work = (now - bench->paint_started) / 1000.0;

      g_array_append_val (bench->samples, ms);
      g_array_append_val (bench->work, work);
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
  bench.work = g_array_new (FALSE, FALSE, sizeof (double));
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.view = DORSUM_DIAGRAM_VIEW (dorsum_diagram_view_new ());
  dorsum_diagram_view_set_library (bench.view, library);

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.view));
  gtk_window_present (GTK_WINDOW (window));

  g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint", G_CALLBACK (layout_cb), &bench);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), &bench);
  g_main_loop_run (bench.loop);

  g_array_sort (bench.samples, bench_compare_doubles);
  g_array_sort (bench.work, bench_compare_doubles);
  g_print ("window %dx%d, GSK_RENDERER=%s, %u selection changes\n",
           gtk_widget_get_width (window), gtk_widget_get_height (window),
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default", bench.samples->len);
  g_print ("selection change to next frame painted: median %.2f ms, 90th percentile %.2f ms "
           "(includes waiting for the frame clock's next tick)\n",
           g_array_index (bench.samples, double, bench.samples->len / 2),
           g_array_index (bench.samples, double, bench.samples->len * 9 / 10));
  g_print ("frame work (before-paint to after-paint):  median %.2f ms, 90th percentile %.2f ms (target <= 4 ms)\n",
           g_array_index (bench.work, double, bench.work->len / 2),
           g_array_index (bench.work, double, bench.work->len * 9 / 10));

  gtk_window_destroy (GTK_WINDOW (window));
  g_main_loop_unref (bench.loop);
  g_array_unref (bench.samples);
  g_array_unref (bench.work);

  return 0;
}
