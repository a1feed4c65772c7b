/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search ranks exactly as recorded: over the seed pack and a generated pack of similar
 * muscles, some 600 queries (every word of their names and referrals, its end, and near
 * spellings of it) give the results, scores, reasons and "did you mean" written in
 * tests/data/search-ranking.txt, which the search before its speed-up wrote. A change that
 * means to rank differently rewrites the file:
 *   DORSUM_SEARCH_RANKING_WRITE=$PWD/tests/data/search-ranking.txt _build/tests/test-search-ranking
 * and the diff shows what it changed. */

#include "config.h"

#include <string.h>

#include "test-common.h"

#include "dorsum-library.h"
#include "dorsum-search.h"

#define N_GENERATED    120
#define MAX_LISTED      12   /* results listed per query, after their number */

/* Parts that the generated names and referrals are made of: close spellings, shared
 * words and lay words, so that prefixes, near spellings and ties all occur. */
static const char * const first_words[] = {
  "Rhomboid", "Rhomboideus", "Trapezius", "Gluteus", "Levator", "Serratus", "Quadratus", "Piriformis",
  "Multifidus", "Longissimus", "Iliocostalis", "Semispinalis",
};
static const char * const second_words[] = {
  "major", "minor", "medius", "posterior", "superior", "lumborum", "capitis", "cervicis", "thoracis", "dorsi",
};
static const char * const referrals[] = {
  "Over the shoulder blade and along its medial border.",
  "Around the coccyx (tailbone) and into the buttock.",
  "To the temple and behind the eye, a headache on the same side.",
  "Down the back of the thigh to the knee.",
  "Across the lower back, sometimes into the groin.",
  "Along the medial border of the scapula, between the shoulder blades.",
  "Over the outer hip near the greater trochanter.",
  "Up the back of the neck to the occiput.",
  "To the angle of the jaw and the ear.",
  "Deep in the sacroiliac joint; pain down the back of the leg.",
};

static char *
generated_pack (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-ranking-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "generated.xml", NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<library xmlns=\"https://dorsum.github.io/ns/library/1\" version=\"1\">\n");

  for (guint i = 0; i < N_GENERATED; i++)
    {
      const char *first = first_words[i % G_N_ELEMENTS (first_words)];
      const char *second = second_words[(i / 3) % G_N_ELEMENTS (second_words)];

      g_string_append_printf (xml,
        "  <muscle id=\"g%u\" region=\"upper-back\" layer=\"middle\">\n"
        "    <name>%s %s %u</name>\n"
        "    <alias>%c%c%u</alias>\n"
        "    <alias>lay name %u</alias>\n"
        "    <latin>Musculus %s %s</latin>\n"
        "    <summary>A generated muscle near the %s, for ranking.</summary>\n"
        "    <client><p>Generated.</p></client>\n"
        "    <origin>Spinous processes of the thoracic vertebrae.</origin>\n"
        "    <insertion>The medial border of the scapula.</insertion>\n"
        "    <action>Retracts the scapula.</action>\n"
        "    <innervation roots=\"C4-C5\">Dorsal scapular nerve</innervation>\n"
        "    <palpation>Feel it contract as the client squeezes the shoulder blades together.</palpation>\n"
        "    <trigger-point x=\"450\" y=\"300\">\n"
        "      <location>In the belly of the muscle.</location>\n"
        "      <referral>%s</referral>\n"
        "      <zone points=\"440,290 470,290 480,320 450,340 430,320\"/>\n"
        "    </trigger-point>\n"
        "    <overload>Long hours at a desk with the arms forward.</overload>\n"
        "    <links><stretch ref=\"g-stretch\"/></links>\n"
        "    <sources><source>Generated</source></sources>\n"
        "  </muscle>\n",
        i, first, second, i, g_ascii_tolower (first[0]), second[0], i, i, first, second,
        i % 2 ? "spine" : "spinal cord", referrals[i % G_N_ELEMENTS (referrals)]);
    }

  g_string_append (xml,
    "  <stretch id=\"g-stretch\">\n"
    "    <name>Generated stretch</name><summary>For the ranking test.</summary>\n"
    "    <client><p>Generated.</p><step>Stretch.</step><dose>Daily.</dose><stop-if>It hurts.</stop-if></client>\n"
    "    <equipment>none</equipment><position>Standing.</position>\n"
    "    <steps><step>Hug the shoulders and round the upper back.</step></steps><hold>30 s</hold><repetitions>2</repetitions>\n"
    "    <frequency>Daily</frequency><feel>A pull between the shoulder blades.</feel><avoid>Pain.</avoid><stop-if>It hurts.</stop-if>\n"
    "    <links><muscle ref=\"g0\"/></links><sources><source>Generated</source></sources>\n"
    "  </stretch>\n"
    "</library>\n");
  g_assert_true (g_file_set_contents (path, xml->str, (gssize)xml->len, NULL));

  return g_steal_pointer (&dir);
}

static void
remove_pack (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "generated.xml", NULL);

  g_unlink (path);
  g_rmdir (dir);
}

static void
add_query (GPtrArray  *queries,
           GHashTable *seen,
           char       *query)
{
  /* Adding a key that is there already would put this copy in its place. */
  if (g_hash_table_contains (seen, query))
    {
      g_free (query);
      return;
    }

  g_hash_table_add (seen, query);
  g_ptr_array_add (queries, query);
}

/* The fixed queries, then for every word of the names and referrals: the word, its end
 * (inside a word), a letter left out and two letters swapped. */
static GPtrArray *
make_queries (DorsumLibrary *library)
{
  static const char * const fixed[] = {
    "rhomboyd", "lattisimus", "trapezious", "piriformus", "headache", "hip pain", "tailbone",
    "herniated disc", "muscle spasm", "Pilates", "between shoulder blades", "pain down the back of the leg",
    "jaw", "lats", "ql", "QL", "lat", "tra", "sci", "des", "umbor", "spina", "trpz", "m", "9", "zzz",
    "lay name", "lay name 42", "rhomboid major", "back sit", "when I sit", "the", "pain", "shoulder blade pain",
    "lower back pain", "Latíssimus", "latiss\xf0", "  ", "lower back hurts when I sit", "rhomboideus minor 1",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (guint q = 0; q < G_N_ELEMENTS (fixed); q++)
    add_query (queries, seen, g_strdup (fixed[q]));

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = dorsum_library_get_entries (library, k);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);
          const char * const *aliases = dorsum_entry_get_aliases (entry);
          g_autoptr(GString) text = g_string_new (dorsum_entry_get_name (entry));

          for (guint j = 0; aliases[j]; j++)
            g_string_append_printf (text, " %s", aliases[j]);
          if (dorsum_entry_get_latin (entry))
            g_string_append_printf (text, " %s", dorsum_entry_get_latin (entry));
          for (guint j = 0; j < dorsum_entry_get_n_trigger_points (entry); j++)
            g_string_append_printf (text, " %s", dorsum_entry_get_trigger_point (entry, j)->referral);

          {
            g_autofree char *folded = dorsum_search_normalize (text->str);
            g_auto(GStrv) split = g_strsplit (folded, " ", -1);

            for (guint w = 0; split[w]; w++)
              g_ptr_array_add (words, g_strdup (split[w]));
          }
        }
    }

  for (guint w = 0; w < words->len; w++)
    {
      const char *word = g_ptr_array_index (words, w);
      gsize len = strlen (word);
      char *variant;

      if (len == 0 || g_hash_table_contains (seen, word))
        continue;
      add_query (queries, seen, g_strdup (word));
      if (len < 5)
        continue;

      add_query (queries, seen, g_strdup (word + 2));
      variant = g_strdup (word);
      memmove (variant + len / 2, variant + len / 2 + 1, len - len / 2);
      add_query (queries, seen, variant);
      variant = g_strdup (word);
      variant[1] = word[2];
      variant[2] = word[1];
      add_query (queries, seen, variant);
    }

  return queries;
}

static void
print_results (GString           *out,
               DorsumSearchIndex *index,
               const char        *query)
{
  g_autoptr(GArray) results = dorsum_search_index_query (index, query, 0);
  g_autoptr(GArray) first = dorsum_search_index_query (index, query, 3);
  g_autofree char *suggestion = dorsum_search_results_get_suggestion (results);

  g_string_append_printf (out, "%s\t%u%s%s\n", query, results->len, suggestion ? "\tdid you mean " : "",
                          suggestion ? suggestion : "");

  for (guint i = 0; i < MIN (results->len, MAX_LISTED); i++)
    {
      const DorsumSearchResult *r = &g_array_index (results, DorsumSearchResult, i);

      g_string_append_printf (out, "\t%s %u%s", dorsum_entry_get_id (r->entry), r->score, r->fuzzy ? " fuzzy" : "");
      if (i == 0)
        {
          g_autofree char *reason = dorsum_search_result_get_reason (r, TRUE);

          g_string_append_printf (out, "\t%s", reason);
        }
      g_string_append_c (out, '\n');
    }

  /* At most three are the first three of all. */
  g_assert_cmpuint (first->len, ==, MIN (3, results->len));
  for (guint i = 0; i < first->len; i++)
    g_assert_true (g_array_index (first, DorsumSearchResult, i).entry == g_array_index (results, DorsumSearchResult, i).entry);
}

static void
test_ranking (void)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "data", "good", "seed.xml", NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "search-ranking.txt", NULL);
  g_autofree char *dir = generated_pack ();
  g_autoptr(GFile) seed_file = g_file_new_for_path (seed);
  g_autoptr(GFile) generated = g_file_new_for_path (dir);
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(DorsumSearchIndex) index = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char *write_to = g_getenv ("DORSUM_SEARCH_RANKING_WRITE");

  dorsum_library_add_pack (library, seed_file, &error);
  g_assert_no_error (error);
  dorsum_library_add_pack (library, generated, &error);
  g_assert_no_error (error);
  remove_pack (dir);

  index = dorsum_search_index_new (library);
  queries = make_queries (library);
  for (guint q = 0; q < queries->len; q++)
    print_results (out, index, g_ptr_array_index (queries, q));

  if (write_to != NULL)
    {
      g_assert_true (g_file_set_contents (write_to, out->str, (gssize)out->len, NULL));
      g_test_message ("wrote %u queries to %s", queries->len, write_to);
      return;
    }

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);

  /* Line by line, to say which query ranks differently. */
  {
    g_auto(GStrv) want = g_strsplit (expected, "\n", -1);
    g_auto(GStrv) got = g_strsplit (out->str, "\n", -1);
    guint query = 0;

    for (guint i = 0; want[i] || got[i]; i++)
      {
        if (want[i] && want[i][0] != '\t')
          query = i;
        if (want[i] == NULL || got[i] == NULL || !g_str_equal (want[i], got[i]))
          g_error ("the search ranks differently at line %u (query on line %u: “%s”):\n"
                   "  expected: %s\n  got:      %s", i + 1, query + 1, want[query] ? want[query] : "",
                   want[i] ? want[i] : "(the end)", got[i] ? got[i] : "(the end)");
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/ranking", test_ranking);

  return g_test_run ();
}
