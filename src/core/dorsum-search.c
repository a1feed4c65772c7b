/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search index keeps every searchable string folded once (no case, no accents,
 * punctuation as spaces) so that a query is a scan of short plain strings. */

#define G_LOG_DOMAIN "dorsum-search"

#include "config.h"

#include <string.h>

#include "dorsum-entry-private.h"
#include "dorsum-search.h"

/* Scores: the kind of match decides, the field breaks ties. */
#define SCORE_EXACT        1000
#define SCORE_PREFIX        800
#define SCORE_WORD_PREFIX   600
#define SCORE_SUBSTRING     300
#define SCORE_ALL_WORDS     200

typedef struct
{
  char        *folded;
  const char  *original;
  guint        entry;      /* index into entries */
  guint        weight;     /* name 3, alias 2, latin 1 */
} Term;

struct _DorsumSearchIndex
{
  GObject        parent_instance;

  DorsumLibrary *library;
  guint          n_indexed;
  GPtrArray     *entries;   /* DorsumEntry* */
  GArray        *terms;     /* Term */
  GPtrArray     *all_text;  /* per entry: every term folded, space-joined */
};

G_DEFINE_FINAL_TYPE (DorsumSearchIndex, dorsum_search_index, G_TYPE_OBJECT)

static void
term_clear (gpointer data)
{
  Term *term = data;

  g_free (term->folded);
}

/**
 * dorsum_search_normalize:
 *
 * Folds @text for matching: lower case, accents removed, anything that is not a
 * letter or digit turned into one space, trimmed. @text need not be valid UTF-8.
 */
char *
dorsum_search_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  /* GLib's normaliser trusts its input: on a cut-off character ("lat\xf0") it reads past
   * the end of the string. What the user typed or passed on the command line may be
   * anything; a bad byte becomes U+FFFD, which then folds to a space like punctuation. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;

      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;

      /* ß and friends fold to more than one character, so fold per character. */
      {
        char buf[8];
        int len = g_unichar_to_utf8 (c, buf);
        g_autofree char *folded = g_utf8_casefold (buf, len);

        g_string_append (out, folded);
      }
    }

  return g_string_free (out, FALSE);
}

static void
add_term (DorsumSearchIndex *self,
          const char        *original,
          guint              entry,
          guint              weight,
          GString           *all)
{
  Term term;

  if (original == NULL || *original == '\0')
    return;

  term.folded = dorsum_search_normalize (original);
  term.original = original;
  term.entry = entry;
  term.weight = weight;
  g_array_append_val (self->terms, term);

  g_string_append_c (all, ' ');
  g_string_append (all, term.folded);
}

static void
rebuild (DorsumSearchIndex *self)
{
  g_ptr_array_set_size (self->entries, 0);
  g_array_set_size (self->terms, 0);
  g_ptr_array_set_size (self->all_text, 0);

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = dorsum_library_get_entries (self->library, k);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);
          const char * const *aliases = dorsum_entry_get_aliases (entry);
          guint index = self->entries->len;
          GString *all = g_string_new (NULL);

          g_ptr_array_add (self->entries, entry);
          add_term (self, dorsum_entry_get_name (entry), index, 3, all);
          for (guint j = 0; aliases[j]; j++)
            add_term (self, aliases[j], index, 2, all);
          add_term (self, dorsum_entry_get_latin (entry), index, 1, all);
          g_string_append_c (all, ' ');
          g_ptr_array_add (self->all_text, g_string_free (all, FALSE));
        }
    }

  self->n_indexed = dorsum_library_get_n_entries (self->library);
}

static guint
match_term (const char *folded,
            const char *query,
            gsize       query_len)
{
  const char *found;

  if (strncmp (folded, query, query_len) == 0)
    return folded[query_len] == '\0' ? SCORE_EXACT : SCORE_PREFIX;

  found = strstr (folded, query);
  if (found == NULL)
    return 0;

  /* Prefer a match at the start of a later word ("dorsi" in "latissimus dorsi"). */
  for (; found != NULL; found = strstr (found + 1, query))
    {
      if (found[-1] == ' ')
        return SCORE_WORD_PREFIX;
    }

  return SCORE_SUBSTRING;
}

/* Every word of a multi-word query starts a word somewhere in the entry's terms. */
static gboolean
match_all_words (const char  *all,
                 char       **needles)
{
  for (guint i = 0; needles[i]; i++)
    {
      if (strstr (all, needles[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  DorsumSearchResult  result;
  DorsumKind          kind;
  const char         *sort_key;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->result.score != rb->result.score)
    return ra->result.score > rb->result.score ? -1 : 1;

  if (ra->kind != rb->kind)
    return ra->kind < rb->kind ? -1 : 1;

  return strcmp (ra->sort_key, rb->sort_key);
}

static void
dorsum_search_index_finalize (GObject *object)
{
  DorsumSearchIndex *self = (DorsumSearchIndex *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_array_unref);
  g_clear_pointer (&self->all_text, g_ptr_array_unref);

  G_OBJECT_CLASS (dorsum_search_index_parent_class)->finalize (object);
}

static void
dorsum_search_index_class_init (DorsumSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dorsum_search_index_finalize;
}

static void
dorsum_search_index_init (DorsumSearchIndex *self)
{
  self->entries = g_ptr_array_new ();
  self->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  g_array_set_clear_func (self->terms, term_clear);
  self->all_text = g_ptr_array_new_with_free_func (g_free);
}

DorsumSearchIndex *
dorsum_search_index_new (DorsumLibrary *library)
{
  DorsumSearchIndex *self;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), NULL);

  self = g_object_new (DORSUM_TYPE_SEARCH_INDEX, NULL);
  self->library = g_object_ref (library);
  rebuild (self);

  return self;
}

/**
 * dorsum_search_index_query:
 * @max_results: at most this many, or 0 for all
 *
 * Returns: (transfer full) (element-type DorsumSearchResult): best first
 */
GArray *
dorsum_search_index_query (DorsumSearchIndex *self,
                           const char        *text,
                           guint              max_results)
{
  g_autofree char *query = NULL;
  g_autofree guint *best = NULL;
  g_autofree const char **matched = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) ranked = NULL;
  GArray *results;
  gsize query_len;

  g_return_val_if_fail (DORSUM_IS_SEARCH_INDEX (self), NULL);

  results = g_array_new (FALSE, FALSE, sizeof (DorsumSearchResult));

  if (self->n_indexed != dorsum_library_get_n_entries (self->library))
    rebuild (self);

  query = dorsum_search_normalize (text);
  query_len = strlen (query);
  if (query_len == 0)
    return results;

  best = g_new0 (guint, self->entries->len);
  matched = g_new0 (const char *, self->entries->len);

  for (guint i = 0; i < self->terms->len; i++)
    {
      const Term *term = &g_array_index (self->terms, Term, i);
      guint score = match_term (term->folded, query, query_len);

      if (score == 0)
        continue;

      score += term->weight;
      if (score > best[term->entry])
        {
          best[term->entry] = score;
          matched[term->entry] = term->original;
        }
    }

  if (strchr (query, ' ') != NULL)
    {
      /* Each word must start a word: search for it with the space before it. */
      words = g_strsplit (query, " ", -1);
      for (guint i = 0; words[i]; i++)
        {
          char *needle = g_strconcat (" ", words[i], NULL);

          g_free (words[i]);
          words[i] = needle;
        }

      for (guint i = 0; i < self->entries->len; i++)
        {
          if (best[i] == 0 && match_all_words (g_ptr_array_index (self->all_text, i), words))
            {
              best[i] = SCORE_ALL_WORDS;
              matched[i] = dorsum_entry_get_name (g_ptr_array_index (self->entries, i));
            }
        }
    }

  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  for (guint i = 0; i < self->entries->len; i++)
    {
      if (best[i] > 0)
        {
          DorsumEntry *entry = g_ptr_array_index (self->entries, i);
          Ranked r = { { entry, best[i], matched[i] }, dorsum_entry_get_kind (entry),
                       _dorsum_entry_get_sort_key (entry) };

          g_array_append_val (ranked, r);
        }
    }

  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < ranked->len && (max_results == 0 || i < max_results); i++)
    g_array_append_val (results, g_array_index (ranked, Ranked, i).result);

  return results;
}
