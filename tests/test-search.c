/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search tests over the seed pack and the built-in library: lay names, case, accents,
 * ranking (exact and prefix before substring, near spellings last), multi-word queries,
 * where it hurts, and why each result matched. */

#include "config.h"

#include <string.h>

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

static DorsumLibrary *
builtin_library (void)
{
  g_autoptr(GError) error = NULL;
  DorsumLibrary *library = dorsum_library_new ();

  g_assert_true (dorsum_library_load_builtin (library, &error));
  g_assert_no_error (error);

  return library;
}

static gboolean
in_first (DorsumSearchIndex *index,
          const char        *query,
          const char        *id,
          guint              n)
{
  g_autoptr(GArray) results = dorsum_search_index_query (index, query, n);

  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (dorsum_entry_get_id (g_array_index (results, DorsumSearchResult, i).entry), id))
      return TRUE;

  return FALSE;
}

/* The queries of issue #14, as a new user typed them, and what they meant. */
static void
test_issue_queries (void)
{
  g_autoptr(DorsumLibrary) library = builtin_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  const struct { const char *query, *id; } cases[] = {
    /* typos */
    { "rhomboyd", "rhomboid-major" },
    { "lattisimus", "latissimus-dorsi" },
    { "trapezious", "trapezius" },
    { "piriformus", "piriformis" },
    /* where it hurts: the neck muscles that refer pain to the head, back and front (with the
     * front's sternocleidomastoid in, semispinalis capitis comes sixth) */
    { "headache", "trapezius-descending" },
    { "headache", "suboccipitals" },
    { "headache", "sternocleidomastoid" },
    { "hip pain", "piriformis" },
    { "hip pain", "quadratus-lumborum" },
    { "tailbone", "gluteus-maximus" },
    { "tailbone", "multifidus" },
    { "between shoulder blades", "rhomboid-major" },
    { "between the shoulder blades", "rhomboid-major" },
    { "pain down the back of the leg", "sciatica-like-pain" },
    { "pain down the back of the leg", "semimembranosus" },
    { "jaw", "trapezius-descending" },
    /* body text */
    { "herniated disc", "sciatica-like-pain" },
    { "muscle spasm", "acute-low-back-pain" },
    { "Pilates", "chronic-low-back-pain" },
    /* the lay vocabulary */
    { "shoulder blade pain", "rhomboid-major" },
    { "lower back pain", "acute-low-back-pain" },
    { "lumbar pain", "multifidus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (!in_first (index, cases[i].query, cases[i].id, 5))
        g_error ("“%s” does not find %s in its first 5 results", cases[i].query, cases[i].id);
    }

  /* Names still come first. */
  g_assert_cmpstr (first_id (index, "rhomboid major"), ==, "rhomboid-major");
  g_assert_cmpstr (first_id (index, "latissimus"), ==, "latissimus-dorsi");
}

/* A word of five letters or more that is not in the index matches near spellings, and
 * those rank below every exact or prefix match. */
static void
test_fuzzy_ranking (void)
{
  g_autoptr(DorsumLibrary) library = builtin_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  g_autoptr(GArray) mixed = dorsum_search_index_query (index, "spina", 0);
  g_autoptr(GArray) typo = dorsum_search_index_query (index, "rhomboyd", 0);
  g_autoptr(GArray) exact = dorsum_search_index_query (index, "rhomboid", 0);
  g_autoptr(GArray) short_word = dorsum_search_index_query (index, "trpz", 0);
  g_autofree char *suggestion = NULL;
  g_autofree char *none = NULL;
  guint last_exact = 0, first_fuzzy = G_MAXUINT, n_fuzzy = 0;

  /* "spina" begins "spinal" and "spinalis" and is one letter from "spine". */
  for (guint i = 0; i < mixed->len; i++)
    {
      const DorsumSearchResult *r = &g_array_index (mixed, DorsumSearchResult, i);

      if (r->fuzzy)
        {
          first_fuzzy = MIN (first_fuzzy, i);
          n_fuzzy++;
        }
      else
        last_exact = i;
    }
  g_assert_cmpuint (n_fuzzy, >, 0);
  g_assert_cmpuint (last_exact, <, first_fuzzy);
  g_assert_cmpuint (g_array_index (mixed, DorsumSearchResult, last_exact).score, >,
                    g_array_index (mixed, DorsumSearchResult, first_fuzzy).score);
  none = dorsum_search_results_get_suggestion (mixed);
  g_assert_null (none);

  /* Only near spellings: the list can say what was meant. */
  g_assert_cmpuint (typo->len, >=, 2);
  for (guint i = 0; i < typo->len; i++)
    g_assert_true (g_array_index (typo, DorsumSearchResult, i).fuzzy);
  suggestion = dorsum_search_results_get_suggestion (typo);
  g_assert_cmpstr (suggestion, ==, "rhomboid");

  /* The right spelling finds at least as much, and ranks it higher. */
  g_assert_cmpuint (exact->len, >=, typo->len);
  g_assert_cmpuint (g_array_index (exact, DorsumSearchResult, 0).score, >,
                    g_array_index (typo, DorsumSearchResult, 0).score);

  /* Four letters are too few to guess from. */
  g_assert_cmpuint (short_word->len, ==, 0);
}

/* Results say why they matched: the field and the matched words in a snippet. */
static void
test_match_reasons (void)
{
  g_autoptr(DorsumLibrary) library = builtin_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  g_autoptr(GArray) lats = dorsum_search_index_query (index, "lats", 1);
  g_autoptr(GArray) tailbone = dorsum_search_index_query (index, "tailbone", 0);
  gboolean seen = FALSE;

  {
    const DorsumSearchResult *r = &g_array_index (lats, DorsumSearchResult, 0);
    g_autofree char *reason = dorsum_search_result_get_reason (r, FALSE);
    g_autofree char *markup = dorsum_search_result_get_reason (r, TRUE);

    g_assert_cmpstr (r->field, ==, "alias");
    g_assert_cmpstr (reason, ==, "Also called: lats");
    g_assert_cmpstr (markup, ==, "Also called: <b>lats</b>");
  }

  for (guint i = 0; i < tailbone->len; i++)
    {
      const DorsumSearchResult *r = &g_array_index (tailbone, DorsumSearchResult, i);
      g_autofree char *snippet = NULL;
      g_autofree char *markup = NULL;

      if (!g_str_equal (dorsum_entry_get_id (r->entry), "gluteus-maximus"))
        continue;

      seen = TRUE;
      snippet = dorsum_search_result_get_snippet (r, FALSE);
      markup = dorsum_search_result_get_snippet (r, TRUE);
      g_assert_cmpstr (r->field, ==, "referral");
      g_assert_nonnull (strstr (snippet, "coccyx (tailbone)"));
      g_assert_nonnull (strstr (markup, "<b>coccyx</b> (<b>tailbone</b>)"));
      g_assert_cmpuint (g_utf8_strlen (snippet, -1), <=, 92);
    }
  g_assert_true (seen);

  /* A long text is cut to a window around the first matched word, between words. */
  {
    g_autoptr(GArray) results = dorsum_search_index_query (index, "Pilates", 0);

    for (guint i = 0; i < results->len; i++)
      {
        g_autofree char *snippet = dorsum_search_result_get_snippet (&g_array_index (results, DorsumSearchResult, i), FALSE);

        g_assert_nonnull (strstr (snippet, "Pilates"));
        g_assert_cmpuint (g_utf8_strlen (snippet, -1), <=, 92);
      }
  }
}

/* Whatever the names-only search found, the full search finds too, but for one or two
 * letters, which now match the starts of words only rather than any "l" anywhere. */
static void
test_finds_what_names_found (void)
{
  g_autoptr(DorsumLibrary) library = builtin_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  const char *queries[] = { "lat", "lats", "ql", "tra", "trap", "sci", "desk", "des", "pil", "umbor",
                            "rhomboid", "lower back hurts when I sit", "back sit", "latissimus dorsi", "spinalis",
                            "hip", "head", "neck", "glute", "hamstrings", "the" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) names = dorsum_search_index_query_full (index, queries[q], 0, DORSUM_SEARCH_NAMES_ONLY);
      g_autoptr(GArray) full = dorsum_search_index_query (index, queries[q], 0);
      g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < full->len; i++)
        g_hash_table_add (found, g_array_index (full, DorsumSearchResult, i).entry);
      for (guint i = 0; i < names->len; i++)
        if (!g_hash_table_contains (found, g_array_index (names, DorsumSearchResult, i).entry))
          g_error ("“%s”: the names-only search finds %s, the full search does not", queries[q],
                   dorsum_entry_get_id (g_array_index (names, DorsumSearchResult, i).entry));
    }
}

/* A query leaves nothing behind for the next: the index keeps its working state between
 * queries and clears only what each wrote. The same query gives the same results before
 * and after others, whole or cut short. */
static void
test_repeatable (void)
{
  g_autoptr(DorsumLibrary) library = builtin_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  const char *queries[] = { "rhomboyd", "headache", "hip pain", "between shoulder blades", "lats", "umbor",
                            "pain down the back of the leg", "herniated disc", "muscle spasm", "m", "lattisimus" };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    g_ptr_array_add (before, dorsum_search_index_query (index, queries[q], 0));

  for (guint q = G_N_ELEMENTS (queries); q-- > 0;)
    {
      GArray *first = g_ptr_array_index (before, q);
      g_autoptr(GArray) again = dorsum_search_index_query (index, queries[q], 0);
      g_autoptr(GArray) few = dorsum_search_index_query (index, queries[q], 4);

      g_assert_cmpuint (again->len, ==, first->len);
      g_assert_cmpuint (few->len, ==, MIN (4, first->len));
      for (guint i = 0; i < first->len; i++)
        {
          const DorsumSearchResult *a = &g_array_index (first, DorsumSearchResult, i);
          const DorsumSearchResult *b = &g_array_index (again, DorsumSearchResult, i);

          g_assert_true (a->entry == b->entry);
          g_assert_cmpuint (a->score, ==, b->score);
          g_assert_true (a->matched == b->matched);
          g_assert_cmpstr (a->field, ==, b->field);
          g_assert_cmpint (a->fuzzy, ==, b->fuzzy);
          if (i < few->len)
            g_assert_true (g_array_index (few, DorsumSearchResult, i).entry == a->entry);
        }
    }
}

/* The names-only search of version 1.0 is kept for the benchmark's comparison. */
static void
test_names_only (void)
{
  g_autoptr(DorsumLibrary) library = builtin_library ();
  g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
  g_autoptr(GArray) names = dorsum_search_index_query_full (index, "tailbone", 0, DORSUM_SEARCH_NAMES_ONLY);
  g_autoptr(GArray) lats = dorsum_search_index_query_full (index, "lats", 0, DORSUM_SEARCH_NAMES_ONLY);

  g_assert_cmpuint (names->len, ==, 0);
  g_assert_cmpstr (dorsum_entry_get_id (g_array_index (lats, DorsumSearchResult, 0).entry), ==, "latissimus-dorsi");
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
  g_test_add_func ("/search/issue-queries", test_issue_queries);
  g_test_add_func ("/search/fuzzy-ranking", test_fuzzy_ranking);
  g_test_add_func ("/search/match-reasons", test_match_reasons);
  g_test_add_func ("/search/names-only", test_names_only);
  g_test_add_func ("/search/finds-what-names-found", test_finds_what_names_found);
  g_test_add_func ("/search/repeatable", test_repeatable);

  return g_test_run ();
}
