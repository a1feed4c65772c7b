/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole query in the names, aliases and Latin names: the full search's first step,
 * and the names-only search kept for comparison. */
#define G_LOG_DOMAIN "dorsum-search"

/* memmem(): searching the names buffer with strstr() measured its length on every call. */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "dorsum-search-private.h"

/* The terms with @key inside a word, or FALSE when there are none. */
static gboolean
trigram_terms (DorsumSearchIndex *self,
               guint32            key,
               guint             *first,
               guint             *last)
{
  guint lo = 0, hi = self->n_tri_keys;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (self->tri_keys[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == self->n_tri_keys || self->tri_keys[lo] != key)
    return FALSE;

  *first = self->tri_starts[lo];
  *last = self->tri_starts[lo + 1];

  return TRUE;
}

/* ------------------------------------------------------------------------------------ */
/* Names only: the search as it was, kept for comparison (the benchmark measures both). */

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

void
_dorsum_search_query_names_only (DorsumSearchIndex *self,
                                 const char        *query,
                                 guint             *best,
                                 guint32           *best_term)
{
  gsize query_len = strlen (query);

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
          best_term[term->entry] = i;
        }
    }

  if (strchr (query, ' ') != NULL)
    {
      /* Each word must start a word: search for it with the space before it. */
      g_auto(GStrv) words = g_strsplit (query, " ", -1);

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
              best_term[i] = G_MAXUINT32;   /* the entry's name */
            }
        }
    }
}

/* ------------------------------------------------------------------------------------ */
/* The full search's first step. */


/* @folded is @len bytes of the names buffer, which keeps the terms side by side: reading
 * them from their own allocations missed the cache on every candidate. */
static guint
match_word_starts (const char *folded,
                   gsize       len,
                   const char *query,
                   gsize       query_len)
{
  if (query_len > len)
    return 0;

  if (starts_with (folded, query, query_len))
    return query_len == len ? SCORE_EXACT : SCORE_PREFIX;

  for (gsize i = 0; i + query_len < len; i++)
    if (folded[i] == ' ' && starts_with (folded + i + 1, query, query_len))
      return SCORE_WORD_PREFIX;

  return 0;
}

static void
set_name_match (DorsumSearchIndex *self,
                guint              t,
                guint              score)
{
  const Term *term = &g_array_index (self->terms, Term, t);
  NameState *ns = &self->scratch.names[term->entry];

  score += term->weight;
  if (score > ns->best)
    {
      ns = scratch_names (&self->scratch, term->entry);
      self->scratch.named[term->entry] = TRUE;
      ns->best = score;
      ns->term = t;
    }
}

/* The whole query in names, aliases and Latin names. Where it starts a word, the entries
 * to look at come from the vocabulary; inside a word ("umbor" in "lumborum"), for queries
 * of four letters or more, from one scan of all the names. */
/* The sorted vocabulary's range of words that begin with @stem. */
guint
_dorsum_search_words_from (DorsumSearchIndex *self,
                           const char        *stem)
{
  guint lo = 0, hi = self->words->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (strcmp (((Word *)g_ptr_array_index (self->words, mid))->stem, stem) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

void
_dorsum_search_match_names (DorsumSearchIndex *self,
                            const char        *query)
{
  Scratch *sc = &self->scratch;
  gsize query_len = strlen (query);
  g_auto(GStrv) words = g_strsplit (query, " ", -1);
  guint8 *count = sc->name_count;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_words = MIN (g_strv_length (words), 250);

  /* Entries with every word of the query in their names, the last maybe unfinished. Only
   * their names with a word that the last begins can have the query at a word's start:
   * the others are not read. */
  for (guint w = 0; w < n_words; w++)
    {
      gboolean last = w + 1 == n_words;
      guint len;

      _dorsum_search_stem_in_place (words[w]);
      len = (guint)strlen (words[w]);

      for (guint i = _dorsum_search_words_from (self, words[w]); i < self->words->len; i++)
        {
          const Word *word = g_ptr_array_index (self->words, i);

          if (last ? !starts_with (word->stem, words[w], len) : !g_str_equal (word->stem, words[w]))
            break;

          for (guint j = 0; j < word->postings->len; j++)
            {
              const Posting *posting = &g_array_index (word->postings, Posting, j);
              guint e = posting->entry;

              if (posting->class > CLASS_LATIN)
                continue;

              if (count[e] == w)
                {
                  if (w == 0)
                    sc->count_entries[sc->n_count_entries++] = e;
                  count[e] = (guint8)(w + 1);
                  if (last)
                    g_array_append_val (candidates, e);
                }
              if (last && count[e] == w + 1)
                {
                  guint place = self->text_term[posting->text] - self->first_term[e];

                  scratch_names (sc, e)->terms |= place < 63 ? G_GUINT64_CONSTANT (1) << place : G_MAXUINT64;
                }
            }
        }
    }

  /* Each candidate's names in order, so that the first of equal scores is kept. */
  for (guint c = 0; c < candidates->len; c++)
    {
      guint e = g_array_index (candidates, guint, c);
      guint64 places = sc->names[e].terms;

      for (guint t = self->first_term[e]; t < self->first_term[e + 1]; t++)
        {
          const Term *term;
          guint score;

          if (places != G_MAXUINT64 && !(places & G_GUINT64_CONSTANT (1) << (t - self->first_term[e])))
            continue;

          term = &g_array_index (self->terms, Term, t);
          score = match_word_starts (self->names->str + term->start, term->len, query, query_len);
          if (score > 0)
            set_name_match (self, t, score);
        }
    }

  /* Inside a word ("umbor" in "lumborum", "des" in "blades"): single words of three
   * letters or more. Each of the query's three letters is inside a word of any term that
   * has the query there: only the terms with its rarest three are read. As each term's
   * first place with the query counts, a term that has it at a word's start first was
   * scored above. */
  if (query_len >= 3 && n_words == 1)
    {
      guint first = 0, last = G_MAXUINT;

      for (gsize i = 0; i + 3 <= query_len; i++)
        {
          guint f, l;

          if (!trigram_terms (self, trigram_key (query + i), &f, &l))
            return;
          if (l - f < last - first)
            {
              first = f;
              last = l;
            }
        }

      for (guint i = first; i < last; i++)
        {
          const Term *term = &g_array_index (self->terms, Term, self->tri_terms[i]);
          const char *folded = self->names->str + term->start;
          const char *p = memmem (folded, term->len, query, query_len);

          if (p != NULL && p > folded && p[-1] != ' ')
            set_name_match (self, self->tri_terms[i], SCORE_SUBSTRING);
        }
    }
}
