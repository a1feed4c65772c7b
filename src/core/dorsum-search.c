/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search index keeps every searchable string folded once (no case, no accents,
 * punctuation as spaces): the names in one buffer scanned whole, and every word of every
 * text in a vocabulary with the entries and texts it occurs in, so a query is a few lookups.
 * Building it is in dorsum-search-build.c; matching in -names.c and -words.c. */
#define G_LOG_DOMAIN "dorsum-search"

#include "config.h"

#include <string.h>

#include "dorsum-search-private.h"

G_DEFINE_FINAL_TYPE (DorsumSearchIndex, dorsum_search_index, G_TYPE_OBJECT)

void
_dorsum_search_query_info_clear (gpointer data)
{
  QueryInfo *info = data;

  g_ptr_array_unref (info->hits);
  g_free (info->suggestion);
}

static void
result_clear (gpointer data)
{
  DorsumSearchResult *result = data;

  if (result->query != NULL)
    g_rc_box_release_full (g_steal_pointer (&result->query), _dorsum_search_query_info_clear);
}

/* Puts what the query wrote back as it was. */
static void
scratch_clear (Scratch *sc)
{
  for (guint i = 0; i < sc->n_state_entries; i++)
    {
      EntryState *st = &sc->state[sc->state_entries[i]];

      *st = (EntryState) { 0, };
      st->reason_text = NO_REASON;
    }
  sc->n_state_entries = 0;

  for (guint i = 0; i < sc->n_count_entries; i++)
    sc->name_count[sc->count_entries[i]] = 0;
  sc->n_count_entries = 0;

  for (guint i = 0; i < sc->n_name_entries; i++)
    {
      sc->names[sc->name_entries[i]] = (NameState) { 0, };
      sc->named[sc->name_entries[i]] = FALSE;
    }
  sc->n_name_entries = 0;

  for (guint i = 0; i < sc->n_found; i++)
    {
      sc->found_score[sc->found_entries[i]] = 0;
      sc->found_by_name[sc->found_entries[i]] = FALSE;
    }
  sc->n_found = 0;
}

static void
dorsum_search_index_finalize (GObject *object)
{
  DorsumSearchIndex *self = (DorsumSearchIndex *)object;

  g_clear_object (&self->library);
  _dorsum_search_data_clear (self);

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
  _dorsum_search_data_init (self);
}

DorsumSearchIndex *
dorsum_search_index_new (DorsumLibrary *library)
{
  DorsumSearchIndex *self;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), NULL);

  self = g_object_new (DORSUM_TYPE_SEARCH_INDEX, NULL);
  self->library = g_object_ref (library);
  _dorsum_search_rebuild (self);

  return self;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint64 ka = *(const guint64 *)a, kb = *(const guint64 *)b;

  return (ka > kb) - (ka < kb);
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
  return dorsum_search_index_query_full (self, text, max_results, DORSUM_SEARCH_DEFAULT);
}

/**
 * dorsum_search_index_query_full:
 * @max_results: at most this many, or 0 for all
 *
 * Ranks the whole query found in a name, alias or Latin name first (exact, then at the
 * start, then at a word's start, then anywhere); then entries with every word of the query
 * somewhere (in their names, where their trigger points refer pain, their summary, then the
 * rest of their text); then those with a word only found by a near spelling; and only when
 * no entry has them all, entries with some of the words.
 *
 * Returns: (transfer full) (element-type DorsumSearchResult): best first
 */
GArray *
dorsum_search_index_query_full (DorsumSearchIndex *self,
                                const char        *text,
                                guint              max_results,
                                DorsumSearchFlags  flags)
{
  g_autofree char *query = NULL;
  g_autofree guint *by_score = NULL;
  Scratch *sc;
  QueryInfo *info;
  GArray *results;
  guint n, total = 0;

  g_return_val_if_fail (DORSUM_IS_SEARCH_INDEX (self), NULL);

  results = g_array_new (FALSE, FALSE, sizeof (DorsumSearchResult));
  g_array_set_clear_func (results, result_clear);

  if (self->n_indexed != dorsum_library_get_n_entries (self->library))
    _dorsum_search_rebuild (self);

  query = dorsum_search_normalize (text);
  if (query[0] == '\0')
    return results;

  n = self->entries->len;
  sc = &self->scratch;
  info = g_rc_box_new0 (QueryInfo);
  info->hits = g_ptr_array_new_with_free_func (g_free);

  if (flags & DORSUM_SEARCH_NAMES_ONLY)
    {
      g_autofree guint *best = g_new0 (guint, n);
      g_autofree guint32 *best_term = g_new0 (guint32, n);

      _dorsum_search_query_names_only (self, query, best, best_term);
      for (guint e = 0; e < n; e++)
        if (best[e] > 0)
          {
            NameState *ns = scratch_names (sc, e);

            ns->best = best[e];
            ns->term = best_term[e];
            scratch_found (sc, e, best[e], TRUE);
          }
    }
  else
    {
      g_auto(GStrv) raw = g_strsplit (query, " ", -1);
      g_auto(GStrv) stems = g_strdupv (raw);

      for (guint i = 0; stems[i]; i++)
        _dorsum_search_stem_in_place (stems[i]);

      /* The names first: an entry whose name has the whole query needs no reason from
       * its other texts. */
      _dorsum_search_match_names (self, query);
      _dorsum_search_query_words (self, stems, raw, info);

      for (guint i = 0; i < sc->n_name_entries; i++)
        {
          guint e = sc->name_entries[i];
          const NameState *ns = &sc->names[e];

          if (ns->best > 0 && ns->best >= sc->found_score[e])
            scratch_found (sc, e, ns->best, TRUE);
        }

      /* The whole query as typed is a hit too, for the snippets. */
      if (info->hits->len < MAX_HIT_WORDS)
        g_ptr_array_insert (info->hits, 0, g_strdup (query));
    }

  /* Best score first, equal scores in name order. Scores are small whole numbers: a few
   * entries are sorted on one number made of the score and the place in name order; many
   * are counted by score and laid out in one pass over the name order. */
  total = sc->n_found;
  by_score = g_new (guint, MAX (1, total));

  if ((gsize)total * 16 < n)
    {
      g_autofree guint64 *keys = g_new (guint64, MAX (1, total));
      guint k = 0;

      for (guint i = 0; i < sc->n_found; i++)
        {
          guint e = sc->found_entries[i];

          keys[k++] = (guint64)(MAX_SCORE - MIN (sc->found_score[e], MAX_SCORE)) << 32 | self->rank[e];
        }
      qsort (keys, total, sizeof (guint64), compare_keys);
      for (guint i = 0; i < total; i++)
        by_score[i] = self->order[(guint32)keys[i]];
    }
  else
    {
      guint counts[MAX_SCORE + 2] = { 0, };
      guint starts[MAX_SCORE + 2];
      guint pos = 0;

      for (guint i = 0; i < sc->n_found; i++)
        counts[MIN (sc->found_score[sc->found_entries[i]], MAX_SCORE)]++;

      for (int s = MAX_SCORE; s >= 0; s--)
        {
          starts[s] = pos;
          pos += counts[s];
        }

      for (guint i = 0; i < n; i++)
        {
          guint e = self->order[i];

          if (sc->found_score[e] > 0)
            by_score[starts[MIN (sc->found_score[e], MAX_SCORE)]++] = e;
        }
    }

  if (max_results > 0)
    total = MIN (total, max_results);

  g_array_set_size (results, total);
  for (guint i = 0; i < total; i++)
    {
      guint e = by_score[i];
      DorsumSearchResult *r = &g_array_index (results, DorsumSearchResult, i);

      r->entry = g_ptr_array_index (self->entries, e);
      r->score = sc->found_score[e];
      if (sc->found_by_name[e] && sc->names[e].term != G_MAXUINT32)
        {
          const Term *term = &g_array_index (self->terms, Term, sc->names[e].term);

          r->matched = term->original;
          r->field = term->weight == 3 ? "name" : term->weight == 2 ? "alias" : "latin";
          r->fuzzy = FALSE;
        }
      else if (sc->found_by_name[e])
        {
          r->matched = dorsum_entry_get_name (r->entry);
          r->field = "name";
          r->fuzzy = FALSE;
        }
      else
        {
          const EntryState *st = &sc->state[e];
          const Text *t = st->reason_text != NO_REASON ? &g_array_index (self->texts, Text, st->reason_text) : NULL;

          /* The text an entry matched in is looked up only for the entries returned. */
          r->matched = t ? t->text : dorsum_entry_get_name (r->entry);
          r->field = t ? t->key : "name";
          r->fuzzy = st->result_fuzzy;
        }
      r->query = g_rc_box_acquire (info);
    }

  scratch_clear (sc);
  g_rc_box_release_full (info, _dorsum_search_query_info_clear);

  return results;
}
