/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Changes in a 1920×1080 window to the next painted frame: a selection change in the atlas
 * (the SVG must not be re-rendered, only the highlight overlay), and in the pain chart with
 * both figures side by side, a mark chosen and a layer switched. Needs a display (Xvfb). */

#include "config.h"

#include "bench-common.h"

#include <adwaita.h>
#include <time.h>

#include "dorsum-chart.h"
#include "dorsum-diagram-view.h"

typedef struct _Bench Bench;

struct _Bench
{
  const char        *what;
  DorsumDiagramView *views[2];
  guint              n_views;
  void             (*change) (Bench *bench);
  guint              n_samples;
  guint              settle_ms;   /* between changes */
  GArray            *samples;
  GArray            *work;
  GArray            *cpu;        /* the main thread's CPU time in the frame's work */
  gint64             started;
  gint64             paint_started;
  double             cpu_started;
  guint              next;
  GMainLoop         *loop;
};

static const char *muscles[] = {
  "latissimus-dorsi", "trapezius", "gluteus-maximus", "infraspinatus", "teres-major",
  "posterior-deltoid", "gluteus-medius", "thoracolumbar-fascia", "external-oblique", "semitendinosus",
};

static void
select_muscle (Bench *bench)
{
  dorsum_diagram_view_select_muscle (bench->views[0], muscles[bench->next % G_N_ELEMENTS (muscles)]);
}

/* As the window does: one selection over both figures. */
static void
select_mark (Bench *bench)
{
  for (guint i = 0; i < bench->n_views; i++)
    dorsum_diagram_view_select_mark (bench->views[i], (int)(bench->next % 20));
}

static void
switch_layer (Bench *bench)
{
  for (guint i = 0; i < bench->n_views; i++)
    dorsum_diagram_view_set_layer (bench->views[i], bench->next % DORSUM_N_LAYERS);
}

static gboolean
change_next (gpointer data)
{
  Bench *bench = data;

  bench->started = g_get_monotonic_time ();
  bench->change (bench);
  bench->next++;

  return G_SOURCE_REMOVE;
}

/* Less moved than the wall-clock time by the other programs on a shared machine. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
layout_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->paint_started = g_get_monotonic_time ();
  bench->cpu_started = cpu_ms ();
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
      double cpu = cpu_ms () - bench->cpu_started;

      g_array_append_val (bench->samples, ms);
      g_array_append_val (bench->work, work);
      g_array_append_val (bench->cpu, cpu);
      bench->started = 0;
    }

  if (bench->samples->len >= bench->n_samples)
    {
      g_main_loop_quit (bench->loop);
      return;
    }

  /* Let the frame settle (and the other layers render ahead), then change again. */
  g_timeout_add (bench->settle_ms, change_next, bench);
}

static DorsumChart *
two_sided_chart (void)
{
  DorsumChart *chart = dorsum_chart_new ();

  for (guint i = 0; i < 20; i++)
    {
      DorsumMark mark = { 300 + 10 * i, 300 + 35 * i, 20, (int)(i % 11), DORSUM_QUALITY_ACHING, NULL,
                          i % 2 ? "anterior" : "posterior" };

      dorsum_chart_add_mark (chart, &mark);
    }

  return chart;
}

static void
run (Bench         *bench,
     DorsumLibrary *library,
     DorsumChart   *chart)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  bench->samples = g_array_new (FALSE, FALSE, sizeof (double));
  bench->work = g_array_new (FALSE, FALSE, sizeof (double));
  bench->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  bench->loop = g_main_loop_new (NULL, FALSE);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  for (guint i = 0; i < bench->n_views; i++)
    {
      bench->views[i] = DORSUM_DIAGRAM_VIEW (dorsum_diagram_view_new ());
      gtk_widget_set_hexpand (GTK_WIDGET (bench->views[i]), TRUE);
      dorsum_diagram_view_set_library (bench->views[i], library);
      dorsum_diagram_view_set_figure (bench->views[i], i == 0 ? "posterior" : "anterior");
      if (chart != NULL)
        {
          dorsum_diagram_view_set_chart (bench->views[i], chart);
          dorsum_diagram_view_set_chart_mode (bench->views[i], TRUE);
        }
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench->views[i]));
    }

  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint", G_CALLBACK (layout_cb), bench);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), bench);
  g_main_loop_run (bench->loop);

  g_array_sort (bench->samples, bench_compare_doubles);
  g_array_sort (bench->work, bench_compare_doubles);
  g_array_sort (bench->cpu, bench_compare_doubles);
  g_print ("%s (window %dx%d, %u figure%s, GSK_RENDERER=%s, %u changes)\n", bench->what,
           gtk_widget_get_width (window), gtk_widget_get_height (window), bench->n_views, bench->n_views > 1 ? "s" : "",
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default", bench->samples->len);
  g_print ("  change to next frame painted: median %.2f ms, 90th percentile %.2f ms "
           "(includes waiting for the frame clock's next tick)\n",
           g_array_index (bench->samples, double, bench->samples->len / 2),
           g_array_index (bench->samples, double, bench->samples->len * 9 / 10));
  g_print ("  frame work (before-paint to after-paint):  median %.2f ms, 90th percentile %.2f ms (target <= 4 ms)\n",
           g_array_index (bench->work, double, bench->work->len / 2),
           g_array_index (bench->work, double, bench->work->len * 9 / 10));
  g_print ("  main thread's CPU time in that work:        median %.2f ms, 90th percentile %.2f ms\n",
           g_array_index (bench->cpu, double, bench->cpu->len / 2),
           g_array_index (bench->cpu, double, bench->cpu->len * 9 / 10));

  gtk_window_destroy (GTK_WINDOW (window));
  g_main_loop_unref (bench->loop);
  g_array_unref (bench->samples);
  g_array_unref (bench->work);
  g_array_unref (bench->cpu);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(DorsumChart) chart = NULL;
  Bench atlas = { "selection change in the atlas", { NULL, }, 1, select_muscle, 200, 5 };
  Bench marks = { "a mark chosen in the pain chart", { NULL, }, 2, select_mark, 200, 5 };
  /* A second apart, time for the other layers to be rendered ahead, as between a
   * therapist's clicks; the one-figure run is the baseline for the two-figure one. */
  Bench layer = { "a layer switched, one figure", { NULL, }, 1, switch_layer, 40, 1000 };
  Bench layers = { "a layer switched in the pain chart", { NULL, }, 2, switch_layer, 40, 1000 };

  gtk_init ();
  adw_init ();
  dorsum_library_load_builtin (library, NULL);
  chart = two_sided_chart ();

  /* BENCH_VIEW_ONLY_LAYERS: the last run only, for profiling. */
  if (g_getenv ("BENCH_VIEW_ONLY_LAYERS") == NULL)
    {
      run (&atlas, library, NULL);
      run (&marks, library, chart);
      run (&layer, library, chart);
    }
  run (&layers, library, chart);

  return 0;
}
