/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Study questions generated from the library: one card per (entry, fact), decks by region,
 * layer and kind of fact, and for each card a question with one right answer. */
#pragma once

#include <gio/gio.h>

#include "dorsum-figure.h"
#include "dorsum-library.h"
#include "dorsum-study-store.h"

G_BEGIN_DECLS

typedef enum {
  DORSUM_QUESTION_FIND,      /* click the muscle on the figure */
  DORSUM_QUESTION_NAME,      /* name the highlighted muscle */
  DORSUM_QUESTION_FACTS,     /* attachments, actions, innervation, roots */
  DORSUM_QUESTION_REFERRAL,  /* which muscle refers pain to the zone drawn */
  DORSUM_QUESTION_SAFETY,    /* contraindications of a technique, red flags, kinds of contraindication */
  DORSUM_N_QUESTION_TYPES
} DorsumQuestionType;

#define DORSUM_QUESTION_TYPES_ALL ((1u << DORSUM_N_QUESTION_TYPES) - 1)

typedef enum {
  DORSUM_FACT_LOCATION,
  DORSUM_FACT_NAME,
  DORSUM_FACT_ORIGIN,
  DORSUM_FACT_INSERTION,
  DORSUM_FACT_ACTION,
  DORSUM_FACT_INNERVATION,
  DORSUM_FACT_ROOTS,
  DORSUM_FACT_REFERRAL,
  DORSUM_FACT_CONTRAINDICATION,
  DORSUM_FACT_RED_FLAG,
  DORSUM_FACT_SEVERITY,     /* absolute, local, relative or red flag */
  DORSUM_N_FACTS
} DorsumFact;

typedef struct
{
  char *id;       /* "all", "region:upper-back", "figure:posterior/middle", "attachments", … */
  char *title;    /* translated, for the Study page */
} DorsumDeck;

typedef struct
{
  DorsumQuestionType  type;
  DorsumFact          fact;
  char               *card_id;       /* "rhomboid-major/insertion" */
  char               *entry_id;      /* the entry asked about: the page to link to after the answer */
  char               *prompt;        /* "Where is the insertion of rhomboid major?" */
  char               *detail;        /* (nullable) what a figure would show, in words: for a terminal or a screen reader */
  GStrv               choices;       /* four distinct choices; find-it has them too, for a terminal */
  guint               answer;        /* the index of the right choice */
  char               *figure;        /* find, name: the figure to show ("posterior") … */
  char               *layer;         /* … and its layer ("deep") */
  GStrv               regions;       /* find, name: the muscle's regions on that layer, both sides */
  guint               trigger_point; /* referral: which of entry_id's trigger points to draw */
} DorsumQuestion;

#define DORSUM_TYPE_QUIZ (dorsum_quiz_get_type())

G_DECLARE_FINAL_TYPE (DorsumQuiz, dorsum_quiz, DORSUM, QUIZ, GObject)

DorsumQuiz         *dorsum_quiz_new               (DorsumLibrary        *library,
                                                   GListModel           *figures);
GPtrArray          *dorsum_quiz_list_decks        (DorsumQuiz           *self);
const DorsumDeck   *dorsum_quiz_lookup_deck       (DorsumQuiz           *self,
                                                   const char           *name);
GPtrArray          *dorsum_quiz_list_cards        (DorsumQuiz           *self,
                                                   const char           *deck,
                                                   guint                 types);
const char * const *dorsum_quiz_get_card_decks    (DorsumQuiz           *self,
                                                   const char           *card_id);
const char         *dorsum_quiz_get_card_entry    (DorsumQuiz           *self,
                                                   const char           *card_id);
DorsumQuestion     *dorsum_quiz_generate          (DorsumQuiz           *self,
                                                   const char           *card_id,
                                                   GRand                *rand);
gboolean            dorsum_quiz_check_name        (DorsumQuiz           *self,
                                                   const DorsumQuestion *question,
                                                   const char           *text,
                                                   char                **corrected);
GPtrArray          *dorsum_quiz_pick_cards        (DorsumQuiz           *self,
                                                   DorsumStudyStore     *store,
                                                   const char           *deck,
                                                   guint                 types,
                                                   guint                 count,
                                                   guint                 new_per_day,
                                                   gboolean              practice,
                                                   gint64                now,
                                                   GRand                *rand,
                                                   GError              **error);
void                dorsum_quiz_count_due_today   (DorsumQuiz           *self,
                                                   GHashTable           *deck_stats,
                                                   const char           *deck,
                                                   guint                 new_per_day,
                                                   guint                *due,
                                                   guint                *new_cards);

gboolean            dorsum_question_check_choice  (const DorsumQuestion *question,
                                                   guint                 choice);
gboolean            dorsum_question_check_region  (const DorsumQuestion *question,
                                                   const char           *region_id);
void                dorsum_question_free          (DorsumQuestion       *question);

const char         *dorsum_question_type_to_string   (DorsumQuestionType  type);
gboolean            dorsum_question_type_from_string (const char         *str,
                                                      DorsumQuestionType *type);
const char         *dorsum_fact_to_string         (DorsumFact            fact);
guint               dorsum_edit_distance          (const char           *a,
                                                   const char           *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DorsumQuestion, dorsum_question_free)

G_END_DECLS
