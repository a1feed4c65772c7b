/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search tests over the seed pack and the built-in library: lay names, case, accents,
 * ranking (exact and prefix before substring) and multi-word queries. */

#include "config.h"

#include "dorsum-library.h"
#include "dorsum-search.h"

static DorsumLibrary *
seed_library (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "seed.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DorsumLibrary *library = dorsum_library_new ();

  g_assert_true (dorsum_library_add_pack (library, file, &error));
  g_assert_no_error (error);

  return library;
}

static const char *
first_id (DorsumSearchIndex *index,
          const char        *query)
{
  g_autoptr(GArray) results = dorsum_search_index_query (index, query, 0);

  if (results->len == 0)
    return NULL;

  return dorsum_entry_get_id (g_array_index (results, DorsumSearchResult, 0).entry);
}

static void
test_normalize (void)
{
  struct { const char *in, *out; } cases[] = {
    { "Latissimus Dorsi", "latissimus dorsi" },
    { "  Trapèze — partie  DESCENDANTE ", "trapeze partie descendante" },
    { "Straße", "strasse" },
    { "QL", "ql" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = dorsum_search_normalize (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Text that is not valid UTF-8, as a terminal passes it: cut-off characters at the end
 * (where GLib's normaliser would read past the string), stray bytes inside. Each input is
 * copied to a buffer of its exact size, so valgrind and ASan see any read past it. */
static void
test_normalize_invalid_utf8 (void)
{
  struct { const char *in, *out; } cases[] = {
    { "lat\xf0", "lat" },
    { "lat\xf0\x9f", "lat" },
    { "lat\xf0\x9f\x98", "lat" },
    { "dor\xc3", "dor" },
    { "\xff\xfe", "" },
    { "lat\xf0 dorsi", "lat dorsi" },
    { "Trap\xe8ze", "trap ze" },
    { "\xed\xa0\x80x", "x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *in = g_strdup (cases[i].in);
      g_autofree char *out = dorsum_search_normalize (in);

      g_assert_true (g_utf8_validate (out, -1, NULL));
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_query_invalid_utf8 (void)
{
  g_autoptr(DorsumLibrary) library = seed_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  g_autofree char *query = g_strdup ("latiss\xf0");

  g_assert_cmpstr (first_id (index, query), ==, "test-latissimus");
}

static void
test_seed_queries (void)
{
  g_autoptr(DorsumLibrary) library = seed_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  g_autoptr(GArray) none = NULL;

  g_assert_cmpstr (first_id (index, "lats"), ==, "test-latissimus");
  g_assert_cmpstr (first_id (index, "LATS"), ==, "test-latissimus");
  g_assert_cmpstr (first_id (index, "ql"), ==, "test-ql");
  g_assert_cmpstr (first_id (index, "lumborum"), ==, "test-ql");
  g_assert_cmpstr (first_id (index, "Latíssimus"), ==, "test-latissimus");
  g_assert_cmpstr (first_id (index, "musculus quadratus"), ==, "test-ql");
  g_assert_cmpstr (first_id (index, "back sit"), ==, "test-desk");
  g_assert_cmpstr (first_id (index, "when I sit"), ==, "test-desk");

  none = dorsum_search_index_query (index, "zygomaticus", 0);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_prefix_beats_substring (void)
{
  g_autoptr(DorsumLibrary) library = seed_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  g_autoptr(GArray) results = dorsum_search_index_query (index, "lat", 0);
  guint prefix = 0, substring = 0;

  /* "Lat…issimus" starts with it, so it ranks first and the scores fall from there. */
  g_assert_cmpuint (results->len, >=, 1);
  g_assert_cmpstr (dorsum_entry_get_id (g_array_index (results, DorsumSearchResult, 0).entry), ==, "test-latissimus");

  for (guint i = 0; i < results->len; i++)
    {
      const DorsumSearchResult *r = &g_array_index (results, DorsumSearchResult, i);

      if (i > 0)
        g_assert_cmpuint (g_array_index (results, DorsumSearchResult, i - 1).score, >=, r->score);
      if (g_str_equal (dorsum_entry_get_id (r->entry), "test-latissimus"))
        prefix = r->score;
      if (g_str_equal (dorsum_entry_get_id (r->entry), "test-side-stretch"))
        substring = r->score;   /* not matched at all: summaries are not searched */
    }

  g_assert_cmpuint (prefix, >, substring);

  {
    g_autoptr(GArray) sub = dorsum_search_index_query (index, "dorsi", 0);

    /* A word start inside a name still finds it. */
    g_assert_cmpuint (sub->len, ==, 1);
    g_assert_cmpstr (dorsum_entry_get_id (g_array_index (sub, DorsumSearchResult, 0).entry), ==, "test-latissimus");
  }
}

static void
test_builtin_lay_names (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(DorsumSearchIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dorsum_library_load_builtin (library, &error));
  index = dorsum_search_index_new (library);

  g_assert_cmpstr (first_id (index, "lats"), ==, "latissimus-dorsi");
  g_assert_cmpstr (first_id (index, "QL"), ==, "quadratus-lumborum");
  g_assert_cmpstr (first_id (index, "piriformis"), ==, "piriformis");
  g_assert_nonnull (first_id (index, "traps"));
  g_assert_true (g_str_has_prefix (first_id (index, "traps"), "trapezius"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/normalize", test_normalize);
  g_test_add_func ("/search/normalize-invalid-utf8", test_normalize_invalid_utf8);
  g_test_add_func ("/search/query-invalid-utf8", test_query_invalid_utf8);
  g_test_add_func ("/search/seed", test_seed_queries);
  g_test_add_func ("/search/prefix-beats-substring", test_prefix_beats_substring);
  g_test_add_func ("/search/builtin-lay-names", test_builtin_lay_names);

  return g_test_run ();
}
