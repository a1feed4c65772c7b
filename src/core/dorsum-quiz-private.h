/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inside the quiz: the cards and the quiz's own fields, when two facts count as the same
 * answer, and the spellings of a muscle's name that a typed answer is matched against. */
#pragma once

#include "dorsum-quiz.h"

G_BEGIN_DECLS

typedef struct
{
  char               *id;
  DorsumEntry        *entry;      /* owned by the library */
  DorsumFact          fact;
  DorsumQuestionType  type;
  GStrv               decks;
  DorsumLayer         layer;
  GStrv               regions;    /* find, name */
} Card;

struct _DorsumQuiz
{
  GObject         parent_instance;

  DorsumLibrary  *library;
  DorsumDiagram  *diagrams[DORSUM_N_LAYERS];
  GPtrArray      *cards;          /* Card */
  GHashTable     *by_id;          /* card id → Card */
  GPtrArray      *decks;          /* DorsumDeck */
  GPtrArray      *muscles;        /* DorsumEntry, the library's muscles */
  GHashTable     *name_forms;     /* DorsumEntry → GPtrArray of DorsumNameForm */
};

typedef struct
{
  char       *folded;    /* as dorsum_search_normalize() folds it */
  const char *original;  /* the library's spelling, owned by the entry */
} DorsumNameForm;

gboolean   dorsum_quiz_texts_same         (const char               *a,
                                           const char               *b);
gboolean   dorsum_quiz_actions_similar    (const char               *a,
                                           const char               *b);
gboolean   dorsum_quiz_innervations_same  (DorsumEntry              *a,
                                           DorsumEntry              *b);
gboolean   dorsum_quiz_zone_overlaps      (const DorsumTriggerPoint *tp,
                                           DorsumEntry              *other);
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
