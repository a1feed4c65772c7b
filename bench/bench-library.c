/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints how long the library takes to load (built-in, and generated libraries of 1 000 and
 * 10 000 entries), how long the search index takes to build over the 10 000 and how much
 * memory it holds, and how long a search query takes. Figures, not asserts.
 * `bench-library --search` leaves out the loading figures. */

#include "config.h"

#include "bench-common.h"

#include <malloc.h>
#include <time.h>

#include <glib/gstdio.h>

#include "dorsum-library.h"
#include "dorsum-search.h"

#define ENTRIES_PER_FILE 500
/* A pack has at most DORSUM_LIBRARY_MAX_PACK_TAGS tags, about 40 an entry here: the
 * 10 000 entries are two packs, the second linking to the stretch of the first. */
#define ENTRIES_PER_PACK 5000

/* Writes muscle entries @first to @last - 1, linked to each other, split over files of
 * ENTRIES_PER_FILE. */
static char *
generate_pack (guint first,
               guint last)
{
  g_autofree char *dir = bench_make_tmp_dir ("dorsum-bench-XXXXXX");
  guint n = last - first;

  for (guint file = 0; file * ENTRIES_PER_FILE < n; file++)
    {
      g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                             "<library xmlns=\"https://dorsum.github.io/ns/library/1\" version=\"1\">\n");
      g_autofree char *name = g_strdup_printf ("pack-%04u.xml", file);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      for (guint i = first + file * ENTRIES_PER_FILE; i < first + MIN (n, (file + 1) * ENTRIES_PER_FILE); i++)
        {
          g_string_append_printf (xml,
            "  <muscle id=\"m%u\" region=\"upper-back\" layer=\"middle\">\n"
            "    <name>Generated muscle %u</name>\n"
            "    <alias>gm%u</alias>\n"
            "    <alias>lay name %u</alias>\n"
            "    <latin>Musculus generatus numero %u</latin>\n"
            "    <summary>A generated muscle for measuring the loader.</summary>\n"
            "    <origin>Spinous processes of the generated vertebrae.</origin>\n"
            "    <insertion>The generated tubercle of the humerus.</insertion>\n"
            "    <action>Extends the generated joint.</action>\n"
            "    <action>Rotates it medially.</action>\n"
            "    <innervation roots=\"C5-C6\">Generated nerve</innervation>\n"
            "    <palpation>Ask the client to press the arm down and feel it contract.</palpation>\n"
            "    <trigger-point x=\"450\" y=\"300\">\n"
            "      <location>In the belly of the muscle.</location>\n"
            "      <referral>Over the shoulder blade.</referral>\n"
            "      <zone points=\"440,290 470,290 480,320 450,340 430,320\"/>\n"
            "    </trigger-point>\n"
            "    <overload>Long hours at a desk.</overload>\n"
            "    <links><stretch ref=\"m-stretch\"/></links>\n"
            "    <sources><source>Generated</source></sources>\n"
            "  </muscle>\n", i, i, i, i, i);
        }

      if (file == 0 && first == 0)
        g_string_append (xml,
          "  <stretch id=\"m-stretch\">\n"
          "    <name>Generated stretch</name><summary>For the benchmark.</summary>\n"
          "    <equipment>none</equipment><position>Standing.</position>\n"
          "    <steps><step>Stretch.</step></steps><hold>30 s</hold><repetitions>2</repetitions>\n"
          "    <frequency>Daily</frequency><feel>A pull.</feel><avoid>Pain.</avoid><stop-if>It hurts.</stop-if>\n"
          "    <links><muscle ref=\"m0\"/></links><sources><source>Generated</source></sources>\n"
          "  </stretch>\n");

      g_string_append (xml, "</library>\n");
      g_assert_true (g_file_set_contents (path, xml->str, (gssize)xml->len, NULL));
    }

  return g_steal_pointer (&dir);
}

/* Writes @n entries as packs of ENTRIES_PER_PACK; returns their GFiles, in loading order. */
static GPtrArray *
generate_library (guint n)
{
  GPtrArray *packs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint first = 0; first < n; first += ENTRIES_PER_PACK)
    {
      g_autofree char *dir = generate_pack (first, MIN (n, first + ENTRIES_PER_PACK));

      g_ptr_array_add (packs, g_file_new_for_path (dir));
    }

  return packs;
}

static void
remove_pack (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The thread's CPU time in ms: on a shared machine, wall time also counts other programs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
add_packs (DorsumLibrary *library,
           GPtrArray     *packs)
{
  for (guint i = 0; i < packs->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!dorsum_library_add_pack (library, g_ptr_array_index (packs, i), &error))
        g_error ("%s", error->message);
    }
}

static void
remove_packs (GPtrArray *packs)
{
  for (guint i = 0; i < packs->len; i++)
    {
      g_autofree char *dir = g_file_get_path (g_ptr_array_index (packs, i));

      remove_pack (dir);
    }
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

    for (guint r = 0; r < 50; r++)
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++, n_queries++)
        {
          double ms, cpu;

          start = g_get_monotonic_time ();
          cpu = cpu_ms ();
          g_array_unref (dorsum_search_index_query_full (index, queries[q], 0, DORSUM_SEARCH_NAMES_ONLY));
          names_cpu += cpu_ms () - cpu;
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (names, ms);
          names_total += ms;

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
