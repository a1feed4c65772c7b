/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints the lookup time over the whole library for charts of 3, 10 and 50 marks, what the
 * panel's plan and comparison cost after each change, and the time to lay out and write the
 * client handout PDF: a usual one (10 marks on both figures, a plan of three) and the largest
 * a chart allows (every limit reached). */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>

#include "dorsum-chart-compare.h"
#include "dorsum-chart-render.h"
#include "dorsum-handout.h"
#include "dorsum-lookup.h"
#include "dorsum-plan.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const guint sizes[] = { 3, 10, 50 };
  g_autofree char *dir = bench_make_tmp_dir ("dorsum-bench-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);

  dorsum_library_load_builtin (library, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(DorsumChart) chart = dorsum_chart_new ();
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < sizes[s]; i++)
        {
          DorsumMark mark = { g_rand_double_range (rand, 300, 500), g_rand_double_range (rand, 100, 1100),
                              g_rand_double_range (rand, 10, 40), g_rand_int_range (rand, 1, 11),
                              DORSUM_QUALITY_ACHING, NULL };

          dorsum_chart_add_mark (chart, &mark);
        }

      for (guint r = 0; r < 51; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GArray) results = dorsum_lookup_muscles (library, chart);
          double ms = (g_get_monotonic_time () - start) / 1000.0;

          g_array_append_val (samples, ms);
        }

      g_print ("lookup over the library, %2u marks: median %.3f ms (target <= 5 ms)\n", sizes[s], bench_median (samples));

      /* The plan section after a change: the muscles, the items and the suggestions. */
      {
        g_autoptr(GArray) plan = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) compare = g_array_new (FALSE, FALSE, sizeof (double));

        for (guint r = 0; r < 21; r++)
          {
            gint64 start = g_get_monotonic_time ();
            g_autoptr(GPtrArray) muscles = dorsum_plan_get_muscles (library, chart);
            g_autoptr(GPtrArray) items = dorsum_plan_get_items (library, chart);
            g_autoptr(GPtrArray) suggested = dorsum_plan_suggest (library, chart, muscles);
            double ms = (g_get_monotonic_time () - start) / 1000.0;
            g_auto(GStrv) lines = NULL;

            g_array_append_val (plan, ms);
            start = g_get_monotonic_time ();
            lines = dorsum_chart_compare_describe (chart, chart, library);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (compare, ms);
          }
        g_print ("plan section refresh,         %2u marks: median %.3f ms\n", sizes[s], bench_median (plan));
        g_print ("comparison with a chart,      %2u marks: median %.3f ms\n", sizes[s], bench_median (compare));
      }

      if (sizes[s] == 10)
        {
          g_autoptr(GArray) handout = g_array_new (FALSE, FALSE, sizeof (double));
          const char *plan[] = { "upper-trapezius-stretch", "levator-scapulae-stretch", "neck-shoulder-self-massage", NULL };
          guint pages = 0;

          dorsum_chart_set_plan (chart, plan);
          for (guint i = 0; i < dorsum_chart_get_n_marks (chart); i += 2)
            {
              DorsumMark mark = *dorsum_chart_get_mark (chart, i);

              mark.figure = "anterior";
              dorsum_chart_update_mark (chart, i, &mark);
            }

          for (guint r = 0; r < 7; r++)
            {
              gint64 start = g_get_monotonic_time ();
              g_autoptr(DorsumHandout) sheet = dorsum_handout_new (library, chart);
              double ms;

              if (!dorsum_handout_write_pdf (sheet, pdf, NULL))
                g_error ("the handout could not be written");
              ms = (g_get_monotonic_time () - start) / 1000.0;
              g_array_append_val (handout, ms);
              pages = dorsum_handout_get_n_pages (sheet);
            }

          g_print ("client handout PDF (%u pages, 10 marks on both figures, plan of 3): median %.1f ms of 7 (target <= 500 ms)\n",
                   pages, bench_median (handout));
        }
    }

  /* The largest chart: 200 marks with the longest notes, the longest chart notes, 100 plan entries. */
  {
    g_autoptr(DorsumChart) chart = dorsum_chart_new ();
    g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) plan = NULL;
    GListModel *stretches = dorsum_library_get_entries (library, DORSUM_KIND_STRETCH);
    GString *note = g_string_new (NULL);
    guint pages = 0;

    while (note->len < DORSUM_CHART_MAX_NOTE_CHARS)
      g_string_append (note, "a word or two about where it hurts ");
    dorsum_chart_set_notes (chart, note->str);
    for (guint i = 0; i < DORSUM_CHART_MAX_MARKS; i++)
      {
        DorsumMark mark = { g_rand_double_range (rand, 300, 500), g_rand_double_range (rand, 100, 1100), 20,
                            g_rand_int_range (rand, 0, 11), i % DORSUM_N_QUALITIES, note->str,
                            i % 2 ? "anterior" : "posterior" };

        dorsum_chart_add_mark (chart, &mark);
      }
    for (guint i = 0; i < DORSUM_CHART_MAX_PLAN_ENTRIES; i++)
      {
        g_autoptr(DorsumEntry) entry = g_list_model_get_item (stretches, i % g_list_model_get_n_items (stretches));

        g_strv_builder_add (builder, dorsum_entry_get_id (entry));
      }
    plan = g_strv_builder_end (builder);
    dorsum_chart_set_plan (chart, (const char * const *)plan);

    for (guint r = 0; r < 3; r++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(DorsumHandout) sheet = dorsum_handout_new (library, chart);
        double ms;

        if (!dorsum_handout_write_pdf (sheet, pdf, NULL))
          g_error ("the handout could not be written");
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (samples, ms);
        pages = dorsum_handout_get_n_pages (sheet);
      }

    g_print ("client handout PDF, largest chart (%u pages): median %.0f ms of 3\n", pages, bench_median (samples));
    g_string_free (note, TRUE);
  }

  g_unlink (pdf);
  g_rmdir (dir);

  return 0;
}
