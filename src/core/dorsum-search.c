/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search index keeps every searchable string folded once (no case, no accents,
 * punctuation as spaces): the names in one buffer scanned whole, and every word of every
 * text in a vocabulary with the entries and texts it occurs in, so a query is a few lookups. */

#define G_LOG_DOMAIN "dorsum-search"

/* memmem(): searching the names buffer with strstr() measured its length on every call. */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dorsum-entry-private.h"
#include "dorsum-search-private.h"
#include "dorsum-search.h"

/* Scores. The whole query matched in a name, alias or Latin name decides first … */
#define SCORE_EXACT        1000
#define SCORE_PREFIX        800
#define SCORE_WORD_PREFIX   600
#define SCORE_SUBSTRING     300
#define SCORE_ALL_WORDS     200   /* names only: every word starts a word of the names */
/* … then every word of the query found somewhere in the entry: 100 + the mean of the
 * words' scores (at most 100, by the text they are in) + up to 4 for words like "pain" … */
#define SCORE_WORDS         100
/* … then the same with a word found only by a near spelling: 50 + half that mean … */
#define SCORE_FUZZY          50
/* … and, only when no entry has every word, entries with some of them: below 50. */
#define MAX_SCORE          1100
/* The best score of every word found somewhere: a whole word in a referral about where it
 * hurts (or a condition's name), every word in one text, and a little for "pain". The
 * query in a name, at least SCORE_SUBSTRING + 1, must beat it: see score_posting(). */
#define MAX_WORDS_SCORE    (SCORE_WORDS + (REFERRAL_WHERE_IT_HURTS + 1) + 4 + 4)


/* The texts of an entry, best first; the score a word gets from each. */
typedef enum {
  CLASS_NAME,
  CLASS_ALIAS,
  CLASS_LATIN,
  CLASS_REFERRAL,
  CLASS_SUMMARY,
  CLASS_BODY,
  N_CLASSES
} TextClass;

static const float class_scores[N_CLASSES] = { 100, 96, 92, 75, 55, 40 };

/* A query about where it hurts ("headache", "hip pain", "tailbone") ranks the places
 * trigger points refer pain to above names that merely contain the word. */
#define REFERRAL_WHERE_IT_HURTS 110
/* A synonym found in a name ("scapula" in "levator scapulae" for "shoulder blade") says
 * less than the reader's own word in a referral. */
#define SYNONYM_IN_NAME          70
#define NO_REASON                G_MAXUINT32

G_STATIC_ASSERT (SCORE_SUBSTRING + 1 > MAX_WORDS_SCORE);

#define PREFIX_FACTOR   0.85f   /* "scapul" for "scapula" */
#define SYNONYM_FACTOR  0.9f    /* "coccyx" for "tailbone" */
#define FUZZY_FACTOR    0.5f    /* "rhomboyd" for "rhomboid" */
#define MIN_FUZZY_LEN   5       /* shorter words are not corrected */
#define MIN_PREFIX_LEN  4       /* shorter words match the start of names only */
#define MAX_HIT_WORDS   48      /* words kept to mark in snippets */
#define MAX_CONCEPTS    64      /* words or phrases of a query that count */

typedef struct
{
  char        *folded;
  const char  *original;
  guint        entry;      /* index into entries */
  guint        weight;     /* name 3, alias 2, latin 1 */
  guint        start;      /* offset of the folded term in names */
  guint        len;
} Term;

typedef struct
{
  const char  *key;
  const char  *text;       /* original spelling, owned by the entry */
  guint        entry;
  TextClass    class;
} Text;

/* Eight bytes: a query over many entries reads many postings. */
#define MAX_TEXTS (1u << 29)

typedef struct
{
  guint32      entry;
  guint32      text : 29;  /* index into texts */
  guint32      class : 3;  /* TextClass */
} Posting;

typedef struct
{
  char        *stem;
  guint        len;
  guint32      mask;       /* letters it has, for ruling out near spellings quickly */
  GArray      *postings;   /* Posting, one per entry, by entry */
} Word;

typedef struct
{
  char       **stems;      /* NULL-terminated, stop words left out */
} Phrase;

typedef struct
{
  GPtrArray   *typed;      /* Phrase* */
  GPtrArray   *written;    /* Phrase* */
  gboolean     two_way;
  gboolean     body_area;
} Line;

/* Per entry, a query's working state. All of it is zero (reason_text all ones) between
 * queries: a query notes the entries it writes and clears only those, so that it costs
 * what it finds rather than the size of the library. */
typedef struct
{
  float        sums;          /* the query's words: the sum of their scores … */
  float        soft;          /* … of words like "pain" … */
  float        score;         /* the word being matched: its best score … */
  float        reason_score;
  guint32      reason_text;   /* the text that scored most, for the reason … */
  guint8       reason_hits;   /* … and the most words one text had */
  guint8       count;         /* the query's words found … */
  guint8       any_fuzzy;     /* … and whether one took a near spelling */
  guint8       fuzzy;         /* the word being matched took a near spelling */
  guint8       stated;        /* whether in Scratch.state_entries */
  guint8       result_fuzzy;  /* found only by a near spelling */
} EntryState;

/* Per entry, the whole query in its names. */
typedef struct
{
  guint64      terms;         /* its names with the query's last word, by place; all ones
                               * for all of them */
  guint        best;          /* the best score of the whole query in one of them … */
  guint32      term;          /* … which one */
} NameState;

/* Per text, for the reason. */
typedef struct
{
  float        score;         /* the query's words in it, their scores … */
  guint8       hits;          /* … and how many */
  guint8       concept;       /* the last one counted, from 1 */
} TextState;

typedef struct
{
  /* A posting reads and writes all of an entry's state at once, so it is one record; how
   * many of the query's words an entry's names have is a byte apart, as a query with a
   * common word reads it for every entry. Each part lists the entries it wrote, to be
   * cleared: a query reads and clears what it wrote, not one record per entry it met. */
  EntryState  *state;
  guint32     *state_entries;
  guint        n_state_entries;
  guint8      *name_count;
  guint32     *count_entries;
  guint        n_count_entries;
  NameState   *names;
  guint8      *named;         /* whether the whole query is in a name: see score_posting() */
  guint32     *name_entries;
  guint        n_name_entries;
  guint16     *found_score;   /* the entry's score, 0 when not found … */
  guint8      *found_by_name; /* … and whether its names decided it */
  guint32     *found_entries; /* the entries found, in no order */
  guint        n_found;
  guint32     *word_entries;  /* the entries the word being matched scored in */
  guint        n_word_entries;
  guint8      *text_count;    /* per text: how many words of a phrase it has */
} Scratch;

struct _DorsumSearchIndex
{
  GObject        parent_instance;

  DorsumLibrary *library;
  guint          n_indexed;
  GPtrArray     *entries;   /* DorsumEntry* */
  guint         *order;     /* entry indices by kind, then name: the order of equal scores */
  guint         *rank;      /* per entry, its place in order */
  Scratch        scratch;
  guint8        *kinds;     /* per entry, its kind */
  GArray        *terms;     /* Term */
  /* The words by length (at most 255), and their letters side by side: near spellings
   * are looked for among the words of about the right length only. */
  guint32       *len_words;   /* word indices, by length then index */
  guint32       *len_masks;   /* … and the letters each has */
  guint          len_starts[257];
  TextState     *text_state;  /* per text, scratch for a query: see query_words() */
  guint32       *touched;
  guint         *first_term; /* per entry, its first term; one more for the end */
  guint32       *text_term;  /* per text of a name, alias or Latin name, its term */
  GString       *names;     /* every term folded, one per line */
  /* Three letters inside a word of a term ("umb" in "lumborum", not "lum"), sorted, and
   * for each the terms that have it there: a query inside a word reads only those. */
  guint32       *tri_keys;
  guint32       *tri_starts;  /* per key, its first in tri_terms; one more for the end */
  guint32       *tri_terms;
  guint          n_tri_keys;
  GPtrArray     *all_text;  /* per entry: every term folded, space-joined (names only) */
  GArray        *texts;     /* Text */
  GHashTable    *vocab;     /* stem → Word* */
  GPtrArray     *words;     /* Word*, sorted by stem */
  GPtrArray     *lines;     /* Line*: the lay-anatomy vocabulary */
};

G_DEFINE_FINAL_TYPE (DorsumSearchIndex, dorsum_search_index, G_TYPE_OBJECT)

/* What a query found, shared by its results: for snippets and "did you mean". */
typedef struct
{
  GPtrArray   *hits;        /* char*: the index words that matched, to mark in snippets */
  char        *suggestion;  /* the query with corrected spellings, when it needed them */
} QueryInfo;

static const char * const stop_words[] = {
  "a", "an", "the", "of", "in", "on", "at", "to", "my", "i", "me", "is", "it", "its", "and", "or",
  "for", "with", "from", "by", "when", "what", "where", "which", "how", "do", "does", "can", "am",
  "are", "be", "this", "that", "your", "you", "have", "has", "got", "get",
};

/* Words that say it hurts, or roughly where: they rank what has them higher but are not
 * needed, so "hip pain" finds what refers to the hip. The first ones say it hurts. */
static const char * const soft_words[] = {
  "pain", "pains", "painful", "ache", "aches", "aching", "achy", "hurt", "hurts", "hurting", "sore",
  "soreness",
  "between", "down", "up", "along", "into", "around", "feel", "feels", "like", "very",
};
#define N_SYMPTOM_WORDS 12

static gboolean
in_list (const char         *word,
         const char * const *list,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;

  return FALSE;
}

static gboolean
is_stop_word (const char *word)
{
  return in_list (word, stop_words, G_N_ELEMENTS (stop_words));
}

static gboolean
is_soft_word (const char *word)
{
  return in_list (word, soft_words, G_N_ELEMENTS (soft_words));
}

static gboolean
is_symptom_word (const char *word)
{
  return in_list (word, soft_words, N_SYMPTOM_WORDS);
}

/* A plural "s" off, but not from "-ss", "-us" or "-is" (process, latissimus, piriformis). */
static void
stem_in_place (char *word)
{
  gsize len = strlen (word);

  if (len > 3 && word[len - 1] == 's' && word[len - 2] != 's' && word[len - 2] != 'u' && word[len - 2] != 'i')
    word[len - 1] = '\0';
}

static guint32
letter_mask (const char *word)
{
  guint32 mask = 0;

  for (const char *p = word; *p; p++)
    {
      if (*p >= 'a' && *p <= 'z')
        mask |= 1u << (*p - 'a');
      else if (g_ascii_isdigit (*p))
        mask |= 1u << 26;
      else
        mask |= 1u << 27;
    }

  return mask;
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

  /* Nearly all text is ASCII, which decomposes to itself: skip the costly normalisation. */
  {
    const char *p = text;

    while (*p && !(*p & 0x80))
      p++;
    decomposed = *p ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKD) : g_strdup (text);
  }
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

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower ((char)c));
          continue;
        }

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

/* The stems of @text's words, in order; stop words too unless @drop_stop_words. */
static GStrv
split_stems (const char *text,
             gboolean    drop_stop_words)
{
  g_autofree char *folded = dorsum_search_normalize (text);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv stems;

  for (guint i = 0; words[i]; i++)
    {
      if (words[i][0] == '\0' || (drop_stop_words && is_stop_word (words[i])))
        continue;
      stem_in_place (words[i]);
      g_strv_builder_add (builder, words[i]);
    }

  stems = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return stems;
}

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->stems);
  g_free (phrase);
}

static GPtrArray *
parse_phrases (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);
  GPtrArray *phrases = g_ptr_array_new_with_free_func (phrase_free);

  for (guint i = 0; parts[i]; i++)
    {
      Phrase *phrase = g_new0 (Phrase, 1);

      phrase->stems = split_stems (parts[i], TRUE);
      g_ptr_array_add (phrases, phrase);
    }

  return phrases;
}

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
query_info_clear (gpointer data)
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
    g_rc_box_release_full (g_steal_pointer (&result->query), query_info_clear);
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
  stems = split_stems (text, FALSE);

  for (guint i = 0; stems[i]; i++)
    {
      Word *word = g_hash_table_lookup (self->vocab, stems[i]);
      Posting *last;

      if (word == NULL)
        {
          word = g_new0 (Word, 1);
          word->stem = g_strdup (stems[i]);
          word->len = (guint)strlen (word->stem);
          word->mask = letter_mask (word->stem);
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

/* The entry's state is about to be written. */
static inline void
scratch_state (Scratch    *sc,
               EntryState *st,
               guint       e)
{
  if (!st->stated)
    {
      st->stated = TRUE;
      sc->state_entries[sc->n_state_entries++] = e;
    }
}

/* The entry's names are about to be written. */
static inline NameState *
scratch_names (Scratch *sc,
               guint    e)
{
  NameState *ns = &sc->names[e];

  if (ns->terms == 0 && ns->best == 0)
    sc->name_entries[sc->n_name_entries++] = e;

  return ns;
}

/* Sets the entry's score, noting it as found. */
static inline void
scratch_found (Scratch  *sc,
               guint     e,
               guint     score,
               gboolean  by_name)
{
  if (sc->found_score[e] == 0)
    sc->found_entries[sc->n_found++] = e;
  sc->found_score[e] = (guint16)score;
  sc->found_by_name[e] = (guint8)by_name;
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

static inline guint32
trigram_key (const char *p)
{
  return (guint32)(guchar)p[0] << 16 | (guint32)(guchar)p[1] << 8 | (guchar)p[2];
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

static void
rebuild (DorsumSearchIndex *self)
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

static void
dorsum_search_index_finalize (GObject *object)
{
  DorsumSearchIndex *self = (DorsumSearchIndex *)object;

  g_clear_object (&self->library);
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
    g_string_free (self->names, TRUE);
  g_clear_pointer (&self->all_text, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);
  g_clear_pointer (&self->vocab, g_hash_table_unref);
  g_clear_pointer (&self->words, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);

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

      line->typed = parse_phrases (lines[i].typed);
      line->written = parse_phrases (lines[i].written);
      line->two_way = lines[i].two_way;
      line->body_area = lines[i].body_area;
      g_ptr_array_add (self->lines, line);
    }
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

static void
query_names_only (DorsumSearchIndex *self,
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
/* The full search. */

/* strncmp() == 0, inline: most calls fail on the first character, and a call cost more. */
static inline gboolean
starts_with (const char *text,
             const char *prefix,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (text[i] != prefix[i])
      return FALSE;

  return TRUE;
}

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
static guint
words_from (DorsumSearchIndex *self,
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

static void
match_names (DorsumSearchIndex *self,
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

      stem_in_place (words[w]);
      len = (guint)strlen (words[w]);

      for (guint i = words_from (self, words[w]); i < self->words->len; i++)
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
  for (guint i = words_from (self, raw); i < self->words->len; i++)
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
    guint32 mask = letter_mask (stem);

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
  g_auto(GStrv) words = split_stems (text, TRUE);
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
    if (!is_stop_word (raw[i]))
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
          concept.soft = is_soft_word (raw[i]);
          *where_it_hurts |= is_symptom_word (raw[i]);
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

static void
query_words (DorsumSearchIndex *self,
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
    rebuild (self);

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

      query_names_only (self, query, best, best_term);
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
        stem_in_place (stems[i]);

      /* The names first: an entry whose name has the whole query needs no reason from
       * its other texts. */
      match_names (self, query);
      query_words (self, stems, raw, info);

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
  g_rc_box_release_full (info, query_info_clear);

  return results;
}

/**
 * dorsum_search_results_get_suggestion:
 * @results: (element-type DorsumSearchResult): from dorsum_search_index_query()
 *
 * Returns: (transfer full) (nullable): the query with its misspelt words corrected, when
 *   every result was found only by a near spelling ("Did you mean …")
 */
char *
dorsum_search_results_get_suggestion (GArray *results)
{
  const DorsumSearchResult *first;
  QueryInfo *info;

  g_return_val_if_fail (results != NULL, NULL);

  if (results->len == 0)
    return NULL;

  for (guint i = 0; i < results->len; i++)
    if (!g_array_index (results, DorsumSearchResult, i).fuzzy)
      return NULL;

  first = &g_array_index (results, DorsumSearchResult, 0);
  info = first->query;

  return info != NULL ? g_strdup (info->suggestion) : NULL;
}

/* Whether the folded word starts with one of the words the query hit. */
static gboolean
is_hit (QueryInfo  *info,
        const char *folded)
{
  for (guint i = 0; i < info->hits->len; i++)
    {
      const char *hit = g_ptr_array_index (info->hits, i);

      if (!strchr (hit, ' ') && g_str_has_prefix (folded, hit))
        return TRUE;
    }

  return FALSE;
}

#define SNIPPET_BEFORE 20   /* characters before the first matched word: a list row shows about 40 */
#define SNIPPET_LENGTH 90   /* characters in all, about one line of a list row */

/**
 * dorsum_search_result_get_snippet:
 * @markup: Pango markup with the matched words in bold, rather than plain text
 *
 * Returns: (transfer full): the matched words in a short piece of the text they were found in
 */
char *
dorsum_search_result_get_snippet (const DorsumSearchResult *result,
                                  gboolean                  markup)
{
  QueryInfo *info;
  const char *text;
  GArray *starts, *ends;
  glong n_chars, first = -1, from, to;
  GString *out;
  glong i = 0;

  g_return_val_if_fail (result != NULL, NULL);

  text = result->matched ? result->matched : "";
  info = result->query;
  if (info == NULL || !g_utf8_validate (text, -1, NULL))
    return markup ? g_markup_escape_text (text, -1) : g_strdup (text);

  /* The matched words, as character ranges. */
  starts = g_array_new (FALSE, FALSE, sizeof (glong));
  ends = g_array_new (FALSE, FALSE, sizeof (glong));
  n_chars = g_utf8_strlen (text, -1);
  for (const char *p = text; *p;)
    {
      const char *word;
      glong word_start;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          i++;
          continue;
        }

      word = p;
      word_start = i;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          i++;
        }

      {
        g_autofree char *copy = g_strndup (word, (gsize)(p - word));
        g_autofree char *folded = dorsum_search_normalize (copy);

        if (is_hit (info, folded))
          {
            g_array_append_val (starts, word_start);
            g_array_append_val (ends, i);
            if (first < 0)
              first = word_start;
          }
      }
    }

  /* A window around the first match, cut between words. */
  from = MAX (0, first - SNIPPET_BEFORE);
  to = MIN (n_chars, from + SNIPPET_LENGTH);

  {
    const char *start = g_utf8_offset_to_pointer (text, from);
    const char *end = g_utf8_offset_to_pointer (text, to);
    guint mark = 0;

    if (from > 0)
      while (*start && start < end && !g_unichar_isspace (g_utf8_get_char (start)) && (first < 0 || from < first))
        {
          start = g_utf8_next_char (start);
          from++;
        }
    if (to < n_chars)
      while (end > start && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
        {
          end = g_utf8_prev_char (end);
          to--;
        }

    out = g_string_new (from > 0 ? "…" : "");
    i = from;
    for (const char *p = start; p < end; p = g_utf8_next_char (p), i++)
      {
        gunichar c = g_utf8_get_char (p);

        while (mark < starts->len && g_array_index (ends, glong, mark) <= i)
          mark++;
        if (markup && mark < starts->len && g_array_index (starts, glong, mark) == i)
          g_string_append (out, "<b>");

        if (c == ' ' && p == start)
          ;
        else if (markup && c == '<')
          g_string_append (out, "&lt;");
        else if (markup && c == '>')
          g_string_append (out, "&gt;");
        else if (markup && c == '&')
          g_string_append (out, "&amp;");
        else
          g_string_append_unichar (out, c);

        if (markup && mark < starts->len && g_array_index (ends, glong, mark) == i + 1)
          g_string_append (out, "</b>");
      }
    g_strchomp (out->str);
    out->len = strlen (out->str);
    if (to < n_chars)
      g_string_append (out, "…");
  }

  g_array_unref (starts);
  g_array_unref (ends);

  return g_string_free (out, FALSE);
}

/**
 * dorsum_search_result_get_reason:
 *
 * Why @result matched, for a list row or the CLI: the field's title and the snippet,
 * such as "Refers pain: …to the temple; strong points also refer behind the eye…".
 *
 * Returns: (transfer full): the reason
 */
char *
dorsum_search_result_get_reason (const DorsumSearchResult *result,
                                 gboolean                  markup)
{
  g_autofree char *snippet = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  snippet = dorsum_search_result_get_snippet (result, markup);
  title = markup ? g_markup_escape_text (dorsum_field_get_title (result->field ? result->field : "name"), -1)
                 : g_strdup (dorsum_field_get_title (result->field ? result->field : "name"));

  /* Translators: why a search result matched: the field, then the words in it */
  return g_strdup_printf (_("%s: %s"), title, snippet);
}
