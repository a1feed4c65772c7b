/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of the search, shared by its files: the index's tables, a query's scratch
 * space, and the steps of building and querying. See dorsum-search.c. */
#pragma once

#include <string.h>

#include "dorsum-entry-private.h"
#include "dorsum-search.h"

G_BEGIN_DECLS

/* The lay-anatomy vocabulary the search expands queries with (dorsum-search-vocabulary.c). */
typedef struct
{
  const char *typed;      /* phrases a reader may type, separated by "|" */
  const char *written;    /* what the library writes for them, separated by "|" */
  gboolean    two_way;    /* the written words also find the typed ones */
  gboolean    body_area;  /* a place that can hurt: rank where trigger points refer pain first */
} DorsumVocabularyLine;

const DorsumVocabularyLine *_dorsum_vocabulary_get_lines (guint *n_lines);

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
  TextState     *text_state;  /* per text, scratch for a query: see _dorsum_search_query_words() */
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


/* What a query found, shared by its results: for snippets and "did you mean". */
typedef struct
{
  GPtrArray   *hits;        /* char*: the index words that matched, to mark in snippets */
  char        *suggestion;  /* the query with corrected spellings, when it needed them */
} QueryInfo;

static inline guint32
trigram_key (const char *p)
{
  return (guint32)(guchar)p[0] << 16 | (guint32)(guchar)p[1] << 8 | (guchar)p[2];
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

/* dorsum-search-text.c */
gboolean   _dorsum_search_is_stop_word     (const char        *word);
gboolean   _dorsum_search_is_soft_word     (const char        *word);
gboolean   _dorsum_search_is_symptom_word  (const char        *word);
void       _dorsum_search_stem_in_place    (char              *word);
guint32    _dorsum_search_letter_mask      (const char        *word);
GStrv      _dorsum_search_split_stems      (const char        *text,
                                            gboolean           drop_stop_words);
GPtrArray *_dorsum_search_parse_phrases    (const char        *text);

/* dorsum-search-build.c */
void       _dorsum_search_data_init        (DorsumSearchIndex *self);
void       _dorsum_search_data_clear       (DorsumSearchIndex *self);
void       _dorsum_search_rebuild          (DorsumSearchIndex *self);

/* dorsum-search-names.c */
guint      _dorsum_search_words_from       (DorsumSearchIndex *self,
                                            const char        *stem);
void       _dorsum_search_match_names      (DorsumSearchIndex *self,
                                            const char        *query);
void       _dorsum_search_query_names_only (DorsumSearchIndex *self,
                                            const char        *query,
                                            guint             *best,
                                            guint32           *best_term);

/* dorsum-search-words.c */
void       _dorsum_search_query_words      (DorsumSearchIndex *self,
                                            char             **stems,
                                            char             **raw,
                                            QueryInfo         *info);

/* dorsum-search.c */
void       _dorsum_search_query_info_clear (gpointer           data);

G_END_DECLS
