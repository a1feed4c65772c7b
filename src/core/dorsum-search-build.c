/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Building the search index from the library: folded names, the vocabulary of words with
 * their postings, the three-letter index and the per-query scratch space. */
#define G_LOG_DOMAIN "dorsum-search"

#include "config.h"

#include <string.h>

#include "dorsum-search-private.h"

static void
line_free (gpointer data)
{
  Line *line = data;

  g_ptr_array_unref (line->typed);
  g_ptr_array_unref (line->written);
  g_free (line);
}

static void
word_free (gpointer data)
{
  Word *word = data;

  g_free (word->stem);
  g_array_unref (word->postings);
  g_free (word);
}

static void
term_clear (gpointer data)
{
  Term *term = data;

  g_free (term->folded);
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
  term.start = (guint)self->names->len;
  term.len = (guint)strlen (term.folded);
  g_array_append_val (self->terms, term);

  g_string_append (self->names, term.folded);
  g_string_append_c (self->names, '\n');

  g_string_append_c (all, ' ');
  g_string_append (all, term.folded);
}

/* Adds the words of @text to the vocabulary, each once per text. */
static void
add_text (DorsumSearchIndex *self,
          guint              entry,
          const char        *key,
          const char        *text,
          TextClass          class)
{
  g_auto(GStrv) stems = NULL;
  Text t = { key, text, entry, class };
  guint32 index = self->texts->len;

  /* A pack holds at most 400 000 tags, so the last check never bites. */
  if (text == NULL || *text == '\0' || index >= MAX_TEXTS)
    return;

  g_array_append_val (self->texts, t);
  stems = _dorsum_search_split_stems (text, FALSE);

  for (guint i = 0; stems[i]; i++)
    {
      Word *word = g_hash_table_lookup (self->vocab, stems[i]);
      Posting *last;

      if (word == NULL)
        {
          word = g_new0 (Word, 1);
          word->stem = g_strdup (stems[i]);
          word->len = (guint)strlen (word->stem);
          word->mask = _dorsum_search_letter_mask (word->stem);
          word->postings = g_array_new (FALSE, FALSE, sizeof (Posting));
          g_hash_table_insert (self->vocab, word->stem, word);
          g_ptr_array_add (self->words, word);
        }

      /* One posting per text a word is in, so that a result can show the text with most
       * of the query's words. */
      last = word->postings->len > 0 ? &g_array_index (word->postings, Posting, word->postings->len - 1) : NULL;
      if (last == NULL || last->text != index)
        {
          Posting posting = { entry, index, class };

          g_array_append_val (word->postings, posting);
        }
    }
}

static void
add_entry_texts (DorsumSearchIndex *self,
                 guint              index,
                 DorsumEntry       *entry)
{
  const char * const *aliases = dorsum_entry_get_aliases (entry);

  add_text (self, index, "name", dorsum_entry_get_name (entry), CLASS_NAME);
  for (guint j = 0; aliases[j]; j++)
    add_text (self, index, "alias", aliases[j], CLASS_ALIAS);
  add_text (self, index, "latin", dorsum_entry_get_latin (entry), CLASS_LATIN);

  for (guint j = 0; j < dorsum_entry_get_n_trigger_points (entry); j++)
    {
      const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (entry, j);

      add_text (self, index, "referral", tp->referral, CLASS_REFERRAL);
      add_text (self, index, "location", tp->location, CLASS_BODY);
    }

  for (guint f = 0; f < dorsum_entry_get_n_fields (entry); f++)
    {
      const DorsumField *field = dorsum_entry_get_field (entry, f);
      TextClass class;

      /* Names are done; book titles would make every entry match "pain" or "anatomy". */
      if (g_str_equal (field->key, "name") || g_str_equal (field->key, "alias") ||
          g_str_equal (field->key, "latin") || g_str_equal (field->key, "sources"))
        continue;

      class = g_str_equal (field->key, "summary") || g_str_equal (field->key, "description")
            ? CLASS_SUMMARY : CLASS_BODY;

      for (guint v = 0; field->values[v]; v++)
        add_text (self, index, field->key, field->values[v], class);
    }
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  const Word *wa = *(const Word **)a, *wb = *(const Word **)b;

  return strcmp (wa->stem, wb->stem);
}

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  GPtrArray *entries = data;
  DorsumEntry *ea = g_ptr_array_index (entries, *(const guint *)a);
  DorsumEntry *eb = g_ptr_array_index (entries, *(const guint *)b);

  if (dorsum_entry_get_kind (ea) != dorsum_entry_get_kind (eb))
    return dorsum_entry_get_kind (ea) < dorsum_entry_get_kind (eb) ? -1 : 1;

  return strcmp (_dorsum_entry_get_sort_key (ea), _dorsum_entry_get_sort_key (eb));
}

static void
scratch_free (Scratch *sc)
{
  g_free (sc->state);
  g_free (sc->state_entries);
  g_free (sc->name_count);
  g_free (sc->count_entries);
  g_free (sc->names);
  g_free (sc->named);
  g_free (sc->name_entries);
  g_free (sc->found_score);
  g_free (sc->found_by_name);
  g_free (sc->found_entries);
  g_free (sc->word_entries);
  g_free (sc->text_count);
  memset (sc, 0, sizeof *sc);
}

static void
scratch_init (Scratch *sc,
              guint    n_entries,
              guint    n_texts)
{
  gsize n = MAX (1, n_entries);

  scratch_free (sc);
  sc->state = g_new0 (EntryState, n);
  for (gsize e = 0; e < n; e++)
    sc->state[e].reason_text = NO_REASON;
  sc->state_entries = g_new (guint32, n);
  sc->name_count = g_new0 (guint8, n);
  sc->count_entries = g_new (guint32, n);
  sc->names = g_new0 (NameState, n);
  sc->named = g_new0 (guint8, n);
  sc->name_entries = g_new (guint32, n);
  sc->found_score = g_new0 (guint16, n);
  sc->found_by_name = g_new0 (guint8, n);
  sc->found_entries = g_new (guint32, n);
  sc->word_entries = g_new (guint32, n);
  sc->text_count = g_new0 (guint8, MAX (1, n_texts));
}

/* The index of three letters inside words: every (key, term) pair, sorted by key with a
 * stable radix sort (so each key's terms stay in order), then once each. */
static void
build_trigrams (DorsumSearchIndex *self)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree guint64 *sorted = NULL;
  guint64 *from, *to;
  guint n_keys = 0, n_terms = 0;

  for (guint t = 0; t < self->terms->len; t++)
    {
      const Term *term = &g_array_index (self->terms, Term, t);
      const char *folded = self->names->str + term->start;

      for (guint i = 1; i + 3 <= term->len; i++)
        {
          guint64 pair;

          if (folded[i - 1] == ' ' || folded[i] == ' ' || folded[i + 1] == ' ' || folded[i + 2] == ' ')
            continue;
          pair = (guint64)trigram_key (folded + i) << 32 | t;
          g_array_append_val (pairs, pair);
        }
    }

  sorted = g_new (guint64, MAX (1, pairs->len));
  from = (guint64 *)(gpointer)pairs->data;
  to = sorted;
  for (guint shift = 32; shift < 56; shift += 8)
    {
      guint starts[256] = { 0, };
      guint pos = 0;

      for (guint i = 0; i < pairs->len; i++)
        starts[(from[i] >> shift) & 0xff]++;
      for (guint b = 0; b < 256; b++)
        {
          guint c = starts[b];

          starts[b] = pos;
          pos += c;
        }
      for (guint i = 0; i < pairs->len; i++)
        to[starts[(from[i] >> shift) & 0xff]++] = from[i];

      {
        guint64 *tmp = from;

        from = to;
        to = tmp;
      }
    }

  g_free (self->tri_keys);
  g_free (self->tri_starts);
  g_free (self->tri_terms);
  self->tri_keys = g_new (guint32, MAX (1, pairs->len));
  self->tri_starts = g_new (guint32, pairs->len + 1);
  self->tri_terms = g_new (guint32, MAX (1, pairs->len));
  for (guint i = 0; i < pairs->len; i++)
    {
      guint32 key = (guint32)(from[i] >> 32), t = (guint32)from[i];

      if (n_keys == 0 || self->tri_keys[n_keys - 1] != key)
        {
          self->tri_keys[n_keys] = key;
          self->tri_starts[n_keys++] = n_terms;
        }
      else if (self->tri_terms[n_terms - 1] == t)
        continue;
      self->tri_terms[n_terms++] = t;
    }
  self->tri_starts[n_keys] = n_terms;
  self->n_tri_keys = n_keys;
  self->tri_keys = g_renew (guint32, self->tri_keys, MAX (1, n_keys));
  self->tri_starts = g_renew (guint32, self->tri_starts, n_keys + 1);
  self->tri_terms = g_renew (guint32, self->tri_terms, MAX (1, n_terms));
}

void
_dorsum_search_rebuild (DorsumSearchIndex *self)
{
  g_ptr_array_set_size (self->entries, 0);
  g_array_set_size (self->terms, 0);
  g_string_truncate (self->names, 0);
  g_ptr_array_set_size (self->all_text, 0);
  g_array_set_size (self->texts, 0);
  g_hash_table_remove_all (self->vocab);
  g_ptr_array_set_size (self->words, 0);

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

          add_entry_texts (self, index, entry);
        }
    }

  g_ptr_array_sort (self->words, compare_words);

  g_free (self->len_words);
  g_free (self->len_masks);
  self->len_words = g_new (guint32, MAX (1, self->words->len));
  self->len_masks = g_new (guint32, MAX (1, self->words->len));
  g_free (self->text_state);
  self->text_state = g_new0 (TextState, MAX (1, self->texts->len));
  g_free (self->touched);
  self->touched = g_new (guint32, MAX (1, self->texts->len));
  {
    guint next[256];

    memset (self->len_starts, 0, sizeof self->len_starts);
    for (guint i = 0; i < self->words->len; i++)
      self->len_starts[MIN (((Word *)g_ptr_array_index (self->words, i))->len, 255) + 1]++;
    for (guint l = 0; l < 256; l++)
      {
        self->len_starts[l + 1] += self->len_starts[l];
        next[l] = self->len_starts[l];
      }
    for (guint i = 0; i < self->words->len; i++)
      {
        const Word *word = g_ptr_array_index (self->words, i);
        guint j = next[MIN (word->len, 255)]++;

        self->len_words[j] = i;
        self->len_masks[j] = word->mask;
      }
  }

  g_free (self->first_term);
  self->first_term = g_new (guint, self->entries->len + 1);
  for (guint e = 0, t = 0; e <= self->entries->len; e++)
    {
      while (t < self->terms->len && g_array_index (self->terms, Term, t).entry < e)
        t++;
      self->first_term[e] = t;
    }

  /* An entry's names are its first texts, in the order of its terms. */
  g_free (self->text_term);
  self->text_term = g_new (guint32, MAX (1, self->texts->len));
  for (guint i = 0, e = G_MAXUINT, next = 0; i < self->texts->len; i++)
    {
      const Text *text = &g_array_index (self->texts, Text, i);

      if (text->entry != e)
        {
          e = text->entry;
          next = self->first_term[e];
        }
      self->text_term[i] = text->class <= CLASS_LATIN ? next++ : G_MAXUINT32;
      g_assert (text->class > CLASS_LATIN || self->text_term[i] < self->first_term[e + 1]);
    }

  /* The lists are sorted by name within a kind already; sorting keeps that true for packs. */
  g_free (self->kinds);
  self->kinds = g_new (guint8, MAX (1, self->entries->len));
  for (guint i = 0; i < self->entries->len; i++)
    self->kinds[i] = (guint8)dorsum_entry_get_kind (g_ptr_array_index (self->entries, i));

  g_free (self->order);
  self->order = g_new (guint, MAX (1, self->entries->len));
  for (guint i = 0; i < self->entries->len; i++)
    self->order[i] = i;
  g_qsort_with_data (self->order, (gint)self->entries->len, sizeof (guint), compare_order, self->entries);
  g_free (self->rank);
  self->rank = g_new (guint, MAX (1, self->entries->len));
  for (guint i = 0; i < self->entries->len; i++)
    self->rank[self->order[i]] = i;

  scratch_init (&self->scratch, self->entries->len, self->texts->len);
  build_trigrams (self);

  self->n_indexed = dorsum_library_get_n_entries (self->library);
}

/* Frees what the index holds; the index can be built again after _dorsum_search_data_init(). */
void
_dorsum_search_data_clear (DorsumSearchIndex *self)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->tri_keys, g_free);
  g_clear_pointer (&self->tri_starts, g_free);
  g_clear_pointer (&self->tri_terms, g_free);
  scratch_free (&self->scratch);
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->first_term, g_free);
  g_clear_pointer (&self->text_term, g_free);
  g_clear_pointer (&self->len_words, g_free);
  g_clear_pointer (&self->len_masks, g_free);
  g_clear_pointer (&self->text_state, g_free);
  g_clear_pointer (&self->touched, g_free);
  g_clear_pointer (&self->terms, g_array_unref);
  if (self->names != NULL)
    g_string_free (g_steal_pointer (&self->names), TRUE);
  g_clear_pointer (&self->all_text, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->vocab, g_hash_table_unref);
  g_clear_pointer (&self->words, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
}

/* Empty tables, and the lay-anatomy vocabulary parsed once. */
void
_dorsum_search_data_init (DorsumSearchIndex *self)
{
  const DorsumVocabularyLine *lines;
  guint n_lines;

  self->entries = g_ptr_array_new ();
  self->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  g_array_set_clear_func (self->terms, term_clear);
  self->names = g_string_new (NULL);
  self->all_text = g_ptr_array_new_with_free_func (g_free);
  self->texts = g_array_new (FALSE, FALSE, sizeof (Text));
  self->vocab = g_hash_table_new (g_str_hash, g_str_equal);
  self->words = g_ptr_array_new_with_free_func (word_free);
  self->lines = g_ptr_array_new_with_free_func (line_free);

  lines = _dorsum_vocabulary_get_lines (&n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      Line *line = g_new0 (Line, 1);

      line->typed = _dorsum_search_parse_phrases (lines[i].typed);
      line->written = _dorsum_search_parse_phrases (lines[i].written);
      line->two_way = lines[i].two_way;
      line->body_area = lines[i].body_area;
      g_ptr_array_add (self->lines, line);
    }
}

