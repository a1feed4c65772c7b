/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints hit-test time per query over 1 000 000 random points, and full-render times of
 * each layer at 1920×1080 and 3840×2160 (the texture the view draws at that window size). */

#include "config.h"

#include "bench-common.h"

#include "dorsum-diagram.h"

static double
render_ms (DorsumDiagram *diagram,
           int            width,
           int            height)
{
  /* The view renders the figure to fit the window: aspect 2:3 inside width × height. */
  double scale = MIN (width / dorsum_diagram_get_width (diagram), height / dorsum_diagram_get_height (diagram));
  int w = (int)(dorsum_diagram_get_width (diagram) * scale);
  int h = (int)(dorsum_diagram_get_height (diagram) * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  gint64 start = g_get_monotonic_time ();
  double ms;

  dorsum_diagram_render (diagram, cr, w, h, DORSUM_RENDER_DEFAULT, NULL);
  cairo_surface_flush (surface);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return ms;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const guint n = 1000000;
  g_autofree double *xs = g_new (double, n);
  g_autofree double *ys = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      xs[i] = g_rand_double_range (rand, 0, 800);
      ys[i] = g_rand_double_range (rand, 0, 1200);
    }

  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_layer (l, &error);
      guint hits = 0;
      gint64 start;
      double hit_ns, best_1080 = G_MAXDOUBLE, best_2160 = G_MAXDOUBLE;

      if (diagram == NULL)
        g_error ("%s", error->message);

      /* 1000 batches of 1000 random points; the median of the batches' time per query. */
      {
        g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (double));

        for (guint b = 0; b < n / 1000; b++)
          {
            double ns;

            start = g_get_monotonic_time ();
            for (guint i = b * 1000; i < (b + 1) * 1000; i++)
              hits += dorsum_diagram_hit (diagram, xs[i], ys[i]) != NULL;
            ns = (g_get_monotonic_time () - start) * 1000.0 / 1000;
            g_array_append_val (batches, ns);
          }
        hit_ns = bench_median (batches);
      }

      for (guint r = 0; r < 5; r++)
        {
          best_1080 = MIN (best_1080, render_ms (diagram, 1920, 1080));
          best_2160 = MIN (best_2160, render_ms (diagram, 3840, 2160));
        }

      g_print ("%-12s %3u regions  hit-test median %4.0f ns/query (%u of %u points on a muscle)  "
               "render 1920x1080 %6.1f ms  3840x2160 %6.1f ms (best of 5)\n",
               dorsum_layer_to_string (l), dorsum_diagram_get_n_regions (diagram), hit_ns, hits, n,
               best_1080, best_2160);
    }

  g_print ("targets: hit-test <= 1000 ns; render at 1920x1080 <= 50 ms (rendered off the main thread when zooming)\n");

  return 0;
}
