/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints the ranked results of many queries, over the built-in library and the generated
 * 10 000 entries, so that a change to the search can be checked to rank exactly as before:
 * run it on both builds and diff the outputs. The queries are a fixed list and, from every
 * word of the built-in names, aliases, Latin names and referrals, the word, its beginning,
 * its end and four misspellings of it. */

#include "config.h"

#include <string.h>

#include "bench-packs.h"
#include "dorsum-search.h"

#define MAX_REASONS 20   /* results shown with their reason; the rest by id and score */

static const char * const fixed_queries[] = {
  "rhomboyd", "lattisimus", "trapezious", "piriformus", "headache", "hip pain", "tailbone",
  "herniated disc", "muscle spasm", "Pilates", "between shoulder blades", "between the shoulder blades",
  "pain down the back of the leg", "jaw", "shoulder blade pain", "lower back pain", "lumbar pain",
  "lats", "LATS", "ql", "QL", "scm", "tfl", "lat", "tra", "trap", "traps", "sci", "desk", "des", "pil", "umbor",
  "rhomboid", "rhomboid major", "lower back hurts when I sit", "back sit", "latissimus dorsi", "spinalis",
  "spina", "trpz", "hip", "head", "neck", "glute", "glutes", "hamstrings", "the", "pain", "pain in my",
  "knot", "knots", "slipped disc", "back of the neck", "base of the skull", "si joint", "rotator cuff",
  "Latíssimus", "Trapèze", "Straße", "latiss\xf0", "  ", "", "a", "m", "9", "zzz", "xylophone",
  "gen", "muscle 5", "numero 9999", "lay name 42", "generatus", "humerus", "generatd", "musclr",
  "humeruss", "gm12", "lay name", "generated muscle 123", "shoulder blad", "sholder blade", "hedache",
  "taibone", "infraspinatsu", "semispinalis capitsi", "quadratus lumborm", "erector spine", "multifidis",
  "ilocostalis", "longisimus", "pirifromis", "gluteus medus", "psaos", "iliacsu", "teres majro",
  "levator scapula", "serratus posterior", "trigger point", "deep tissue", "myofascial relase",
  "frction", "swedish masage", "effleurage", "petrissage", "contraindication", "red flag",
  "osteoporosis", "pregnancy", "fever", "numbness", "tingling", "stretch", "self massage", "ball",
  "foam roller", "cat cow", "child's pose", "figure four", "pain down the leg", "leg pain",
  "buttock pain", "bum", "armpit", "collarbone", "ribs", "rib pain", "pelvis", "upper back",
  "middle back pain", "neck pain", "back of the head", "temple", "behind the eye", "forehead",
  "calf", "knee", "thigh", "groin", "abdomen", "chest", "arm", "elbow", "wrist", "hand",
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "the of and in a", "pain pain pain", "s", "ss", "sss", "ssss", "sssss",
};

static void
dump_query (DorsumSearchIndex *index,
            const char        *query)
{
  g_autoptr(GArray) results = dorsum_search_index_query (index, query, 0);
  g_autoptr(GArray) first = dorsum_search_index_query (index, query, 5);
  g_autofree char *suggestion = dorsum_search_results_get_suggestion (results);
  GString *ids = g_string_new (NULL);

  g_print ("query \"%s\": %u results%s%s\n", query, results->len,
           suggestion ? ", did you mean " : "", suggestion ? suggestion : "");

  for (guint i = 0; i < results->len; i++)
    {
      const DorsumSearchResult *r = &g_array_index (results, DorsumSearchResult, i);

      if (i < MAX_REASONS)
        {
          g_autofree char *reason = dorsum_search_result_get_reason (r, TRUE);

          g_print ("  %u %s %u%s %s\n", i + 1, dorsum_entry_get_id (r->entry), r->score,
                   r->fuzzy ? " fuzzy" : "", reason);
        }
      else
        g_string_append_printf (ids, " %s:%u%s", dorsum_entry_get_id (r->entry), r->score, r->fuzzy ? "f" : "");
    }
  if (ids->len > 0)
    g_print ("  then%s\n", ids->str);
  g_string_free (ids, TRUE);

  /* The first five of all are the five asked for. */
  g_assert_cmpuint (first->len, ==, MIN (5, results->len));
  for (guint i = 0; i < first->len; i++)
    if (g_array_index (first, DorsumSearchResult, i).entry != g_array_index (results, DorsumSearchResult, i).entry)
      g_print ("  (at most 5: result %u differs)\n", i + 1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Every word of the names and referrals of @library, folded, sorted, once. */
static GPtrArray *
library_words (DorsumLibrary *library)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = dorsum_library_get_entries (library, k);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);
          g_autoptr(GPtrArray) texts = g_ptr_array_new ();
          const char * const *aliases = dorsum_entry_get_aliases (entry);

          g_ptr_array_add (texts, (gpointer)dorsum_entry_get_name (entry));
          for (guint j = 0; aliases[j]; j++)
            g_ptr_array_add (texts, (gpointer)aliases[j]);
          if (dorsum_entry_get_latin (entry))
            g_ptr_array_add (texts, (gpointer)dorsum_entry_get_latin (entry));
          for (guint j = 0; j < dorsum_entry_get_n_trigger_points (entry); j++)
            g_ptr_array_add (texts, (gpointer)dorsum_entry_get_trigger_point (entry, j)->referral);

          for (guint t = 0; t < texts->len; t++)
            {
              g_autofree char *folded = dorsum_search_normalize (g_ptr_array_index (texts, t));
              g_auto(GStrv) split = g_strsplit (folded, " ", -1);

              for (guint w = 0; split[w]; w++)
                if (split[w][0] && !g_hash_table_contains (seen, split[w]))
                  {
                    g_hash_table_add (seen, g_strdup (split[w]));
                    g_ptr_array_add (words, g_strdup (split[w]));
                  }
            }
        }
    }

  g_ptr_array_sort (words, compare_strings);

  return words;
}

static void
dump_word (DorsumSearchIndex *index,
           const char        *word)
{
  gsize len = strlen (word);
  g_autofree char *beginning = g_strndup (word, MIN (len, 4));
  g_autofree char *deleted = g_strdup (word);
  g_autofree char *swapped = g_strdup (word);
  g_autofree char *replaced = g_strdup (word);
  g_autofree char *doubled = g_strconcat (word, word + len - 1, NULL);

  dump_query (index, word);
  if (len <= 4)
    return;

  dump_query (index, beginning);
  memmove (deleted + len / 2, deleted + len / 2 + 1, len - len / 2);
  dump_query (index, deleted);
  swapped[1] = word[2];
  swapped[2] = word[1];
  dump_query (index, swapped);
  replaced[len - 2] = replaced[len - 2] == 'x' ? 'y' : 'x';
  dump_query (index, replaced);
  dump_query (index, doubled);
  dump_query (index, word + 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DorsumLibrary) builtin = dorsum_library_new ();
  g_autoptr(DorsumLibrary) big = dorsum_library_new ();
  g_autoptr(GPtrArray) packs = generate_library (10000);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumSearchIndex) index = NULL;
  g_autoptr(GPtrArray) words = NULL;

  if (!dorsum_library_load_builtin (builtin, &error))
    g_error ("%s", error->message);

  g_print ("# built-in library\n");
  index = dorsum_search_index_new (builtin);
  for (guint q = 0; q < G_N_ELEMENTS (fixed_queries); q++)
    dump_query (index, fixed_queries[q]);
  words = library_words (builtin);
  for (guint w = 0; w < words->len; w++)
    dump_word (index, g_ptr_array_index (words, w));
  g_clear_object (&index);

  g_print ("# names only, built-in library\n");
  index = dorsum_search_index_new (builtin);
  for (guint q = 0; q < G_N_ELEMENTS (fixed_queries); q++)
    {
      g_autoptr(GArray) results = dorsum_search_index_query_full (index, fixed_queries[q], 0, DORSUM_SEARCH_NAMES_ONLY);

      g_print ("names only \"%s\": %u results\n", fixed_queries[q], results->len);
      for (guint i = 0; i < results->len; i++)
        {
          const DorsumSearchResult *r = &g_array_index (results, DorsumSearchResult, i);

          g_print ("  %s %u %s %s\n", dorsum_entry_get_id (r->entry), r->score, r->field, r->matched);
        }
    }
  g_clear_object (&index);

  g_print ("# generated 10 000 entries\n");
  add_packs (big, packs);
  index = dorsum_search_index_new (big);
  for (guint q = 0; q < G_N_ELEMENTS (fixed_queries); q++)
    dump_query (index, fixed_queries[q]);

  remove_packs (packs);

  return 0;
}
