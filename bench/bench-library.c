/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints how long the library takes to load (built-in, and generated libraries of 1 000 and
 * 10 000 entries), how long the search index takes to build over the 10 000 and how much
 * memory it holds, and how long a search query takes. Figures, not asserts.
 * `bench-library --search` leaves out the loading figures; `--search --alone` runs the
 * full search's queries one after the other rather than each after the names-only search
 * of the same query, which empties the caches. */

#include "config.h"

#include "bench-common.h"
#include "bench-packs.h"

#include <malloc.h>
#include <time.h>

#include "dorsum-library.h"
#include "dorsum-search.h"

/* The thread's CPU time in ms: on a shared machine, wall time also counts other programs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
time_pack_load (GPtrArray *packs)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  gint64 start = g_get_monotonic_time ();

  add_packs (library, packs);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) packs_1k = generate_library (1000);
  g_autoptr(GPtrArray) packs_10k = generate_library (10000);
  g_autoptr(DorsumLibrary) big = dorsum_library_new ();
  g_autoptr(DorsumSearchIndex) index = NULL;
  const char *queries[] = { "lats", "gen", "muscle 5", "numero 9999", "lay name 42", "zzz", "m", "generatus", "humerus", "9" };
  double builtin_ms = 0, load_1k = 0, load_10k = 0, index_ms;
  gboolean search_only = argc > 1 && g_str_equal (argv[1], "--search");
  gboolean alone = argc > 2 && g_str_equal (argv[2], "--alone");
  gsize index_bytes;
  guint n_queries = 0;
  gint64 start;

  /* Warm up the schema and the resource once, as the app does at startup. */
  {
    g_autoptr(DorsumLibrary) warm = dorsum_library_new ();

    dorsum_library_load_builtin (warm, NULL);
  }

  for (guint r = 0; r < (search_only ? 0u : 21u); r++)
    {
      g_autoptr(DorsumLibrary) library = dorsum_library_new ();
      g_autoptr(GError) error = NULL;
      double ms;

      start = g_get_monotonic_time ();
      if (!dorsum_library_load_builtin (library, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);

      if (r == 0)
        g_print ("built-in library: %u entries\n", dorsum_library_get_n_entries (library));
    }
  if (!search_only)
    builtin_ms = bench_median (samples);

  /* Each size in a block of its own, after one load to warm up, as a pack is loaded once. */
  if (!search_only)
  {
    g_autoptr(GArray) samples_1k = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) samples_10k = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint r = 0; r < 22; r++)
      {
        double ms = time_pack_load (packs_1k);

        if (r > 0)
          g_array_append_val (samples_1k, ms);
      }
    for (guint r = 0; r < 10; r++)
      {
        double ms = time_pack_load (packs_10k);

        if (r > 0)
          g_array_append_val (samples_10k, ms);
      }
    load_1k = bench_median (samples_1k);
    load_10k = bench_median (samples_10k);
  }

  add_packs (big, packs_10k);

  /* The index: its build time (median of 7) and the heap it holds once built. */
  {
    g_autoptr(GArray) builds = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint r = 0; r < 7; r++)
      {
        double ms;

        start = g_get_monotonic_time ();
        g_object_unref (dorsum_search_index_new (big));
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (builds, ms);
      }
    index_ms = bench_median (builds);

    index_bytes = mallinfo2 ().uordblks;
    index = dorsum_search_index_new (big);
    g_array_unref (dorsum_search_index_query (index, "warm", 0));
    index_bytes = mallinfo2 ().uordblks - index_bytes;
  }

  /* The whole search (names, referrals, body text, vocabulary, near spellings) against the
   * names-only search it replaced, interleaved in one run so that both see the same machine. */
  {
    const char *typos[] = { "generatd", "musclr", "humeruss", "rhomboyd", "lattisimus" };
    g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) fuzzy = g_array_new (FALSE, FALSE, sizeof (double));
    GArray *per_query[G_N_ELEMENTS (queries) + G_N_ELEMENTS (typos)];
    double full_total = 0, names_total = 0, full_cpu = 0, names_cpu = 0;
    guint n_typos = 0;

    for (guint q = 0; q < G_N_ELEMENTS (per_query); q++)
      per_query[q] = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint pass = alone ? 0 : 1; pass < 2; pass++)
    for (guint r = 0; r < 50; r++)
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          double ms, cpu;

          if (pass == 0 || !alone)
            {
              start = g_get_monotonic_time ();
              cpu = cpu_ms ();
              g_array_unref (dorsum_search_index_query_full (index, queries[q], 0, DORSUM_SEARCH_NAMES_ONLY));
              names_cpu += cpu_ms () - cpu;
              ms = (g_get_monotonic_time () - start) / 1000.0;
              g_array_append_val (names, ms);
              names_total += ms;
            }
          if (pass == 0)
            continue;
          n_queries++;

          start = g_get_monotonic_time ();
          cpu = cpu_ms ();
          g_array_unref (dorsum_search_index_query_full (index, queries[q], 0, DORSUM_SEARCH_DEFAULT));
          cpu = cpu_ms () - cpu;
          full_cpu += cpu;
          g_array_append_val (per_query[q], cpu);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (full, ms);
          full_total += ms;
        }

    for (guint r = 0; r < 50; r++)
      for (guint q = 0; q < G_N_ELEMENTS (typos); q++, n_typos++)
        {
          double ms, cpu;

          start = g_get_monotonic_time ();
          cpu = cpu_ms ();
          g_array_unref (dorsum_search_index_query (index, typos[q], 0));
          cpu = cpu_ms () - cpu;
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (fuzzy, ms);
          g_array_append_val (per_query[G_N_ELEMENTS (queries) + q], cpu);
        }

    if (!search_only)
      {
        g_print ("load built-in (median of 21):        %8.2f ms   (target <= 10 ms)\n", builtin_ms);
        g_print ("load 1 000 entries (median of 21):   %8.2f ms\n", load_1k);
        g_print ("load 10 000 entries (median of 9):   %8.2f ms   (target <= 150 ms)\n", load_10k);
        g_print ("ratio 10 000 / 1 000:                %8.2f x    (target <= 12 x)\n", load_10k / load_1k);
      }
    g_print ("search index over 10 000 (median of 7): %5.2f ms to build, %.1f MB held\n",
             index_ms, index_bytes / 1e6);
    g_print ("search over 10 000, per query (mean of %u queries; target <= 1 ms):\n", n_queries);
    g_print ("  names only (the old search):       %8.3f ms   (median %.3f, 95th percentile %.3f; CPU %.3f ms)\n",
             names_total / n_queries, bench_median (names), bench_percentile (names, 0.95), names_cpu / n_queries);
    g_print ("  full, near spellings on:           %8.3f ms   (median %.3f, 95th percentile %.3f; CPU %.3f ms)\n",
             full_total / n_queries, bench_median (full), bench_percentile (full, 0.95), full_cpu / n_queries);
    g_print ("  ratio full / names only:           %8.2f x    (CPU time %.2f x)\n", full_total / names_total, full_cpu / names_cpu);
    g_print ("  misspelt words only (%u queries):  %8.3f ms   median, 95th percentile %.3f\n",
             n_typos, bench_median (fuzzy), bench_percentile (fuzzy, 0.95));
    /* The least CPU time of each query's 50 runs is what it costs when nothing else on
     * the machine gets in its way: the steadiest figure on a shared machine. */
    {
      double best_total = 0, typo_total = 0;

      for (guint q = 0; q < G_N_ELEMENTS (per_query); q++)
        {
          GArray *runs = per_query[q];
          double best = g_array_index (runs, double, 0);

          for (guint i = 1; i < runs->len; i++)
            best = MIN (best, g_array_index (runs, double, i));
          if (q < G_N_ELEMENTS (queries))
            best_total += best;
          else
            typo_total += best;
        }
      g_print ("  full, least CPU of 50 runs, mean:  %8.3f ms   (misspelt words: %.3f ms)\n",
               best_total / G_N_ELEMENTS (queries), typo_total / G_N_ELEMENTS (typos));
    }
    g_print ("  full search, median CPU ms per query:\n   ");
    for (guint q = 0; q < G_N_ELEMENTS (per_query); q++)
      {
        g_print (" \"%s\" %.3f%s", q < G_N_ELEMENTS (queries) ? queries[q] : typos[q - G_N_ELEMENTS (queries)],
                 bench_median (per_query[q]), q % 5 == 4 ? "\n   " : "");
        g_array_unref (per_query[q]);
      }
    g_print ("\n");
  }

  remove_packs (packs_1k);
  remove_packs (packs_10k);

  return 0;
}
