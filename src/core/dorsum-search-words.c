/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every word of the query in every text of the entries: postings, near spellings, the
 * vocabulary's phrases and synonyms, and the per-entry scores that come of them. */
#define G_LOG_DOMAIN "dorsum-search"

#include "config.h"

#include <string.h>

#include "dorsum-search-private.h"

/* The score a word gets from each kind of text. */
static const float class_scores[N_CLASSES] = { 100, 96, 92, 75, 55, 40 };

/* One alternative way of saying a query concept: a word or phrase, and how much it counts. */
typedef struct
{
  const char  *word;       /* one word … (transfer none) */
  char       **phrase;     /* … or several, all needed (transfer none) */
  float        factor;
  gboolean     literal;    /* as typed: may be a prefix or misspelt */
  const char  *raw;        /* as typed, before its plural "s" came off */
  TextClass    last_class; /* the last kind of text it may match in */
} Alternative;

typedef struct
{
  GArray      *alternatives;  /* Alternative */
  gboolean     soft;
  const char  *correction;    /* its nearest spelling in the index, if it needed one */
} Concept;

typedef struct
{
  DorsumSearchIndex *self;
  Scratch           *sc;
  TextState         *text_state;
  guint32           *touched;       /* texts with hits, to clear afterwards */
  guint              n_touched;
  guint8             concept;       /* the concept being matched, from 1 */
  gboolean           soft;          /* … and it is a word like "pain" */
  GPtrArray         *hits;
  GHashTable        *hit_set;
  gboolean           where_it_hurts;
} Matcher;

static void
add_hit (Matcher    *m,
         const char *stem)
{
  if (m->hits->len < MAX_HIT_WORDS && g_hash_table_add (m->hit_set, (gpointer)stem))
    g_ptr_array_add (m->hits, g_strdup (stem));
}

static float
posting_score (Matcher       *m,
               const Posting *posting,
               float          factor,
               gboolean       fuzzy)
{
  float s = class_scores[posting->class];

  if (m->where_it_hurts && posting->class == CLASS_REFERRAL)
    s = REFERRAL_WHERE_IT_HURTS;
  if (factor <= SYNONYM_FACTOR && !fuzzy && posting->class <= CLASS_LATIN)
    s = MIN (s, SYNONYM_IN_NAME);
  s *= factor;

  /* A condition is a complaint in the reader's words: for a query about where it hurts
   * its names count as much as a referral. */
  if (m->where_it_hurts && posting->class <= CLASS_LATIN && m->self->kinds[posting->entry] == DORSUM_KIND_CONDITION)
    s = MAX (s, (REFERRAL_WHERE_IT_HURTS + 1) * factor);

  return s;
}

/* Keeps @s as the entry's best for the word being matched, and counts the posting's text
 * as having the current concept, for the reason. */
static inline void
score_posting (Matcher       *m,
               const Posting *posting,
               float          s,
               gboolean       fuzzy,
               gboolean       reason)
{
  Scratch *sc = m->sc;
  guint e = posting->entry;
  EntryState *st = &sc->state[e];

  if (s > st->score)
    {
      if (st->score == 0)
        {
          sc->word_entries[sc->n_word_entries++] = e;
          scratch_state (sc, st, e);
        }
      st->score = s;
      st->fuzzy = (guint8)fuzzy;
    }

  /* The whole query in a name scores 301 or more, and every word of it somewhere at most
   * 219: the entry's name decides, and which of its texts the words are in does not
   * matter. (Its words still count, above, for whether any entry has them all.) */
  if (reason && !sc->named[e] && m->text_state[posting->text].concept != m->concept)
    {
      guint32 t = posting->text;
      TextState *ts = &m->text_state[t];

      scratch_state (sc, st, e);
      if (ts->hits == 0)
        m->touched[m->n_touched++] = t;
      ts->concept = m->concept;
      ts->hits++;
      /* "pain" is in many texts: the reason is the text with the query's other words. */
      ts->score += m->soft ? s / 10 : s;

      /* Each entry's reason is its text that scores most over all of the query's words. */
      st->reason_hits = MAX (st->reason_hits, ts->hits);
      if (ts->score > st->reason_score)
        {
          st->reason_score = ts->score;
          st->reason_text = t;
        }
    }
}

/* Scores @word's postings (the best per entry). */
static void
score_postings (Matcher    *m,
                const Word *word,
                float       factor,
                TextClass   last_class,
                gboolean    fuzzy,
                gboolean    reason)
{
  gboolean hit = FALSE;

  for (guint i = 0; i < word->postings->len; i++)
    {
      const Posting *posting = &g_array_index (word->postings, Posting, i);

      if (posting->class > last_class)
        continue;

      hit = TRUE;
      score_posting (m, posting, posting_score (m, posting, factor, fuzzy), fuzzy, reason);
    }

  if (hit)
    add_hit (m, word->stem);
}

/* Optimal string alignment distance (a transposition counts as one edit), or more than
 * @limit when it is more. */
static guint
near_distance (const char *a,
               guint       la,
               const char *b,
               guint       lb,
               guint       limit)
{
  guint rows[3][64];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  if (la >= 63 || lb >= 63)
    return limit + 1;

  for (guint j = 0; j <= lb; j++)
    prev[j] = j;

  for (guint i = 1; i <= la; i++)
    {
      guint row_min;

      cur[0] = i;
      row_min = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint v = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            v = MIN (v, prev2[j - 2] + 1);
          cur[j] = v;
          row_min = MIN (row_min, v);
        }

      if (row_min > limit)
        return limit + 1;

      {
        guint *t = prev2;

        prev2 = prev;
        prev = cur;
        cur = t;
      }
    }

  return prev[lb];
}

static int
compare_uint32 (gconstpointer a,
                gconstpointer b)
{
  guint32 ua = *(const guint32 *)a, ub = *(const guint32 *)b;

  return (ua > ub) - (ua < ub);
}

/* A word as typed: itself, words it begins, and if it is not in the index at all, words
 * within one or two edits of it. Returns the nearest spelling used, if any. */
static const char *
match_literal_word (Matcher    *m,
                    const char *stem,
                    const char *raw,
                    float       factor,
                    gboolean    reason)
{
  DorsumSearchIndex *self = m->self;
  Word *exact = g_hash_table_lookup (self->vocab, stem);
  guint len = (guint)strlen (stem);
  guint raw_len = (guint)strlen (raw);
  const Word *nearest = NULL;
  guint nearest_distance = G_MAXUINT;
  gboolean any = exact != NULL;

  if (exact != NULL)
    score_postings (m, exact, factor, CLASS_BODY, FALSE, reason);

  /* Words that begin with it as typed ("lats" does not begin "lateral"); short beginnings
   * only in names, where "tra" means trapezius rather than every "training" and "transverse". */
  for (guint i = _dorsum_search_words_from (self, raw); i < self->words->len; i++)
    {
      const Word *word = g_ptr_array_index (self->words, i);

      if (!starts_with (word->stem, raw, raw_len))
        break;
      if (word == exact)
        continue;
      any = TRUE;
      score_postings (m, word, factor * PREFIX_FACTOR, raw_len < MIN_PREFIX_LEN ? CLASS_LATIN : CLASS_BODY,
                      FALSE, reason);
    }

  if (exact != NULL || len < MIN_FUZZY_LEN)
    return NULL;

  {
    guint limit = len >= 8 ? 2 : 1;
    guint32 mask = _dorsum_search_letter_mask (stem);

    g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (guint32));

    /* Words of about the right length, and with about the same letters (read side by side
     * in memory, without reading the word itself); then in the vocabulary's order, which
     * decides between equally near words. */
    for (guint l = len > limit ? len - limit : 0; l <= MIN (len + limit, 255); l++)
      for (guint j = self->len_starts[l]; j < self->len_starts[l + 1]; j++)
        if (__builtin_popcount (mask & ~self->len_masks[j]) <= (int)limit &&
            __builtin_popcount (self->len_masks[j] & ~mask) <= (int)limit)
          g_array_append_val (near, self->len_words[j]);
    g_array_sort (near, compare_uint32);

    for (guint k = 0; k < near->len; k++)
      {
        const Word *word = g_ptr_array_index (self->words, g_array_index (near, guint32, k));
        guint d;

        d = near_distance (stem, len, word->stem, word->len, limit);
        if (d > limit || d == 0)
          continue;

        score_postings (m, word, factor * FUZZY_FACTOR * (d == 1 ? 1.0f : 0.9f), CLASS_BODY, TRUE, reason);
        if (d < nearest_distance || (d == nearest_distance && word->postings->len > nearest->postings->len))
          {
            nearest = word;
            nearest_distance = d;
          }
      }
  }

  /* Found as a prefix: no correction to suggest. */
  return nearest != NULL && !any ? nearest->stem : NULL;
}

/* Whether @text has @stems one after the other, stop words aside ("back of the thigh"). */
static gboolean
text_has_phrase (const char *text,
                 char      **stems)
{
  g_auto(GStrv) words = _dorsum_search_split_stems (text, TRUE);
  guint n = g_strv_length (stems);

  for (guint i = 0; words[i]; i++)
    {
      guint j = 0;

      while (j < n && words[i + j] != NULL && g_str_equal (words[i + j], stems[j]))
        j++;
      if (j == n)
        return TRUE;
    }

  return FALSE;
}

/* A phrase of the vocabulary: its words side by side in one text. The texts that have
 * every word come from the vocabulary; only those are read. */
static void
match_phrase (Matcher     *m,
              char       **stems,
              float        factor,
              TextClass    last_class,
              gboolean     reason)
{
  DorsumSearchIndex *self = m->self;
  guint n_words = g_strv_length (stems);
  /* Per text, zero between calls: the texts with the first word are listed to clear. */
  guint8 *count = m->sc->text_count;
  g_autoptr(GArray) counted = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean all_words = TRUE;

  for (guint w = 0; w < n_words && all_words; w++)
    {
      const Word *word = g_hash_table_lookup (self->vocab, stems[w]);

      if (word == NULL || w >= 255)
        {
          all_words = FALSE;
          break;
        }

      for (guint i = 0; i < word->postings->len; i++)
        {
          const Posting *posting = &g_array_index (word->postings, Posting, i);

          guint32 t = posting->text;

          if (count[t] == w)
            {
              count[t] = (guint8)(w + 1);
              if (w == 0)
                g_array_append_val (counted, t);
              if (w + 1 == n_words)
                g_array_append_val (candidates, t);
            }
        }
    }

  for (guint i = 0; i < counted->len; i++)
    count[g_array_index (counted, guint32, i)] = 0;
  if (!all_words)
    return;

  for (guint i = 0; i < candidates->len; i++)
    {
      guint32 t = g_array_index (candidates, guint32, i);
      const Text *text = &g_array_index (self->texts, Text, t);
      Posting posting = { text->entry, t, (guint8)text->class };

      if (text->class <= last_class && text_has_phrase (text->text, stems))
        score_posting (m, &posting, posting_score (m, &posting, factor, FALSE), FALSE, reason);
    }

  if (candidates->len > 0)
    for (guint w = 0; w < n_words; w++)
      add_hit (m, ((Word *)g_hash_table_lookup (self->vocab, stems[w]))->stem);
}

static gboolean
phrase_at (const Phrase *phrase,
           char * const *stems,
           guint         n)
{
  guint len = g_strv_length (phrase->stems);

  if (len == 0 || len > n)
    return FALSE;

  for (guint i = 0; i < len; i++)
    if (!g_str_equal (phrase->stems[i], stems[i]))
      return FALSE;

  return TRUE;
}

static void
add_alternatives (GArray    *alternatives,
                  GPtrArray *phrases,
                  float      factor,
                  TextClass  last_class)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      Phrase *phrase = g_ptr_array_index (phrases, i);
      Alternative alt = { NULL, phrase->stems, factor, FALSE, NULL, last_class };

      if (phrase->stems[0] == NULL)
        continue;
      if (phrase->stems[1] == NULL)
        alt = (Alternative) { phrase->stems[0], NULL, factor, FALSE, NULL, last_class };
      g_array_append_val (alternatives, alt);
    }
}

/* Splits the query's stems into concepts: the longest vocabulary phrase at each place, else
 * one word. */
static GArray *
parse_concepts (DorsumSearchIndex *self,
                char             **stems,
                char             **raw,
                gboolean          *where_it_hurts)
{
  GArray *concepts = g_array_new (FALSE, TRUE, sizeof (Concept));
  g_autoptr(GPtrArray) kept_stems = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  g_autoptr(GPtrArray) kept_raw = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  gboolean all_soft = TRUE;
  guint n;

  /* "the", "of", "my" … neither count nor break a phrase ("back of the leg"), unless the
   * query has nothing else. */
  for (guint i = 0; stems[i]; i++)
    if (!_dorsum_search_is_stop_word (raw[i]))
      {
        g_ptr_array_add (kept_stems, stems[i]);
        g_ptr_array_add (kept_raw, raw[i]);
      }
  if (kept_stems->len > 0)
    {
      stems = (char **)kept_stems->pdata;
      raw = (char **)kept_raw->pdata;
    }
  n = g_strv_length (stems);

  /* Per-entry counts are bytes; nobody types more words than this into a search field. */
  for (guint i = 0; i < n && concepts->len < MAX_CONCEPTS;)
    {
      Concept concept = { g_array_new (FALSE, FALSE, sizeof (Alternative)), FALSE, NULL };
      const Line *best_line = NULL;
      const Phrase *best_phrase = NULL;
      gboolean from_written = FALSE;
      guint best_len = 0;

      for (guint l = 0; l < self->lines->len; l++)
        {
          const Line *line = g_ptr_array_index (self->lines, l);

          for (guint side = 0; side < (line->two_way ? 2u : 1u); side++)
            {
              GPtrArray *phrases = side == 0 ? line->typed : line->written;

              for (guint p = 0; p < phrases->len; p++)
                {
                  const Phrase *phrase = g_ptr_array_index (phrases, p);
                  guint len = g_strv_length (phrase->stems);

                  if (len > best_len && phrase_at (phrase, stems + i, n - i))
                    {
                      best_len = len;
                      best_line = line;
                      best_phrase = phrase;
                      from_written = side == 1;
                    }
                }
            }
        }

      if (best_line != NULL)
        {
          Alternative literal = { NULL, best_phrase->stems, 1.0f, FALSE, NULL, CLASS_BODY };

          if (best_len == 1)
            literal = (Alternative) { best_phrase->stems[0], NULL, 1.0f, TRUE, raw[i], CLASS_BODY };

          g_array_append_val (concept.alternatives, literal);
          /* A place's other names match names and referrals, not every "head" in the steps
           * of a stretch; a complaint's ("disc herniation") match any text. */
          add_alternatives (concept.alternatives, from_written ? best_line->typed : best_line->written, SYNONYM_FACTOR,
                            best_line->body_area ? CLASS_REFERRAL : CLASS_BODY);
          *where_it_hurts |= best_line->body_area;
          i += best_len;
        }
      else
        {
          Alternative literal = { stems[i], NULL, 1.0f, TRUE, raw[i], CLASS_BODY };

          g_array_append_val (concept.alternatives, literal);
          concept.soft = _dorsum_search_is_soft_word (raw[i]);
          *where_it_hurts |= _dorsum_search_is_symptom_word (raw[i]);
          i++;
        }

      all_soft = all_soft && concept.soft;
      g_array_append_val (concepts, concept);
    }

  /* "pain" alone is what is searched for. */
  if (all_soft)
    for (guint i = 0; i < concepts->len; i++)
      g_array_index (concepts, Concept, i).soft = FALSE;

  return concepts;
}

void
_dorsum_search_query_words (DorsumSearchIndex *self,
                            char             **stems,
                            char             **raw,
                            QueryInfo         *info)
{
  gboolean where_it_hurts = FALSE;
  g_autoptr(GArray) concepts = parse_concepts (self, stems, raw, &where_it_hurts);
  Scratch *sc = &self->scratch;
  EntryState *state = sc->state;
  /* Per text, kept in the index and cleared after each query where it was written:
   * clearing them all took longer than most queries. */
  TextState *text_state = self->text_state;
  g_autoptr(GHashTable) hit_set = g_hash_table_new (g_str_hash, g_str_equal);
  Matcher m = { self, sc, text_state, self->touched, 0, 0, FALSE, info->hits, hit_set, where_it_hurts };
  guint n_required = 0;
  gboolean any_complete = FALSE, corrected = FALSE;
  GString *suggestion = g_string_new (NULL);

  for (guint c = 0; c < concepts->len; c++)
    {
      Concept *concept = &g_array_index (concepts, Concept, c);

      m.concept = (guint8)MIN (c + 1, 255);
      m.soft = concept->soft;

      for (guint a = 0; a < concept->alternatives->len; a++)
        {
          const Alternative *alt = &g_array_index (concept->alternatives, Alternative, a);

          if (alt->literal)
            {
              const char *near = match_literal_word (&m, alt->word, alt->raw, alt->factor, TRUE);

              if (near != NULL)
                concept->correction = near;
            }
          else if (alt->word != NULL)
            {
              Word *word = g_hash_table_lookup (self->vocab, alt->word);

              if (word != NULL)
                score_postings (&m, word, alt->factor, alt->last_class, FALSE, TRUE);
            }
          else
            match_phrase (&m, alt->phrase, alt->factor, alt->last_class, TRUE);
        }

      /* Only the entries this concept scored in, which are then cleared for the next. */
      if (!concept->soft)
        n_required++;
      for (guint i = 0; i < sc->n_word_entries; i++)
        {
          EntryState *st = &state[sc->word_entries[i]];

          if (concept->soft)
            st->soft += st->score / 25.0f;
          else if (st->score > 0)
            {
              st->sums += st->score;
              st->count++;
              st->any_fuzzy |= st->fuzzy;
            }
          st->score = 0;
          st->fuzzy = FALSE;
        }
      sc->n_word_entries = 0;

      if (suggestion->len > 0)
        g_string_append_c (suggestion, ' ');
      if (concept->correction != NULL)
        {
          g_string_append (suggestion, concept->correction);
          corrected = TRUE;
        }
      else
        {
          const Alternative *literal = &g_array_index (concept->alternatives, Alternative, 0);
          g_autofree char *joined = literal->word ? g_strdup (literal->word) : g_strjoinv (" ", literal->phrase);

          g_string_append (suggestion, joined);
        }
    }

  /* Every entry with a word found is listed. */
  for (guint i = 0; i < sc->n_state_entries && n_required > 0; i++)
    {
      if (state[sc->state_entries[i]].count == n_required)
        any_complete = TRUE;
    }

  for (guint i = 0; i < m.n_touched; i++)
    {
      guint32 t = m.touched[i];

      text_state[t] = (TextState) { 0, };
    }

  for (guint i = 0; i < sc->n_state_entries && n_required > 0; i++)
    {
      guint e = sc->state_entries[i];
      EntryState *st = &state[e];
      float mean = st->sums / n_required;
      guint score_e;

      if (st->count == 0)
        continue;

      /* Every word of the query in one text ("pain down the back of my leg") adds a little. */
      if (st->count == n_required)
        score_e = st->any_fuzzy ? SCORE_FUZZY + (guint)(mean / 2)
                : SCORE_WORDS + (guint)(mean + MIN (st->soft, 4.0f)) + (concepts->len > 1 && st->reason_hits == concepts->len ? 4 : 0);
      else if (!any_complete)
        score_e = 1 + (guint)(mean * st->count / n_required / 3);
      else
        continue;

      if (score_e > sc->found_score[e])
        {
          scratch_found (sc, e, score_e, FALSE);
          st->result_fuzzy = st->any_fuzzy && st->count == n_required;
        }
    }

  if (corrected)
    info->suggestion = g_string_free (g_steal_pointer (&suggestion), FALSE);
  else
    g_string_free (suggestion, TRUE);

  for (guint c = 0; c < concepts->len; c++)
    g_array_unref (g_array_index (concepts, Concept, c).alternatives);
}
