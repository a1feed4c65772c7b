/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inside the quiz: the cards and the quiz's own fields, when two facts count as the same
 * answer, and the spellings of a muscle's name that a typed answer is matched against. */
#pragma once

#include "dorsum-figure.h"
#include "dorsum-quiz.h"

G_BEGIN_DECLS

/* One layer of one figure of the atlas, as the quiz knows it. */
typedef struct
{
  char               *figure;     /* "posterior" */
  char               *layer;      /* "deep" */
  char               *title;      /* "Back, deep layer" */
  DorsumDiagram      *diagram;
  GHashTable         *muscles;    /* set of DorsumEntry drawn there */
} FigureLayer;

typedef struct
{
  char               *id;
  DorsumEntry        *entry;      /* owned by the library */
  DorsumFact          fact;
  DorsumQuestionType  type;
  GStrv               decks;
  const FigureLayer  *figure;     /* find, name: where the muscle is shown */
  GStrv               regions;    /* find, name */
} Card;

struct _DorsumQuiz
{
  GObject         parent_instance;

  DorsumLibrary  *library;
  GPtrArray      *figure_layers;  /* FigureLayer, in the figures' order */
  GPtrArray      *cards;          /* Card */
  GHashTable     *by_id;          /* card id → Card */
  GPtrArray      *decks;          /* DorsumDeck */
  GPtrArray      *muscles;        /* DorsumEntry, the library's muscles */
  GHashTable     *name_forms;     /* DorsumEntry → GPtrArray of DorsumNameForm */

  /* Caches, so that a question takes well under a millisecond. */
  GHashTable     *muscle_index;   /* DorsumEntry → its index in muscles, plus one */
  guint8         *pairs;          /* muscles × muscles: PAIR_* bits, computed on first use */
  GHashTable     *overlapping;    /* DorsumTriggerPoint → set of DorsumEntry whose zones touch its zones */
  GHashTable     *folded;         /* text → dorsum_search_normalize (text) */
  GHashTable     *words;          /* text → set of its content words */
};

typedef struct
{
  char       *folded;    /* as dorsum_search_normalize() folds it */
  const char *original;  /* the library's spelling, owned by the entry */
} DorsumNameForm;

const char *dorsum_quiz_fold              (DorsumQuiz               *self,
                                           const char               *text);
gboolean   dorsum_quiz_texts_same         (DorsumQuiz               *self,
                                           const char               *a,
                                           const char               *b);
gboolean   dorsum_quiz_actions_similar    (DorsumQuiz               *self,
                                           const char               *a,
                                           const char               *b);
gboolean   dorsum_quiz_innervations_same  (DorsumQuiz               *self,
                                           DorsumEntry              *a,
                                           DorsumEntry              *b);
gboolean   dorsum_quiz_zone_overlaps      (const DorsumTriggerPoint *tp,
                                           DorsumEntry              *other);
gboolean   dorsum_quiz_zone_on_figure     (const DorsumTriggerPoint *tp,
                                           const char               *figure);
GPtrArray *dorsum_quiz_name_forms         (DorsumEntry              *muscle);
guint      dorsum_quiz_typo_allowance     (const char               *folded);
gboolean   dorsum_quiz_related            (DorsumEntry              *a,
                                           DorsumEntry              *b);
GStrv      dorsum_quiz_muscle_regions     (DorsumQuiz               *self,
                                           DorsumDiagram            *diagram,
                                           DorsumEntry              *muscle);
void       dorsum_quiz_shuffle            (GPtrArray                *array,
                                           GRand                    *rand);

G_END_DECLS
